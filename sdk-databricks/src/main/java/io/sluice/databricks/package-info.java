/**
 * A client of the Databricks REST API ({@link io.sluice.databricks.DatabricksClient}, built by
 * {@link io.sluice.databricks.DatabricksClientBuilder}) with typed exceptions from the service's
 * {@code error_code}s, retries that honour {@code Retry-After} for idempotent calls and for
 * submissions carrying an idempotency token, and waits that fail loudly when a run fails.
 */
package io.sluice.databricks;
