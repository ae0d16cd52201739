/**
 * The one HTTP stack every Sluice client uses: an azure-core {@code HttpPipeline} over OkHttp with
 * timeouts, a retry policy that honours {@code Retry-After} and never replays an unsafe request,
 * authentication that never logs secrets, and redacting request logs.
 *
 * <p>Start with {@link io.sluice.core.http.SluiceHttpPipelineBuilder}; clients report service
 * failures as (subclasses of) {@link io.sluice.core.http.SluiceHttpException}.
 */
package io.sluice.core.http;
