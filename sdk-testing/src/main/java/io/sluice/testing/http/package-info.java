/**
 * The contract of a Sluice client builder's settings ({@link
 * io.sluice.testing.http.ClientBuilderContract}): azure-core's client traits, each of which must
 * reach the HTTP pipeline of the client built. Each client builder's test extends it.
 */
package io.sluice.testing.http;
