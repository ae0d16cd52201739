/**
 * What users of Sluice put in test scope: AssertJ assertions for pipelines and compiled definitions
 * ({@link io.sluice.testing.SluiceAssertions}) and a transport that records submissions instead of
 * running them ({@link io.sluice.testing.RecordingTransport}), strict by default: a remote step
 * with no fake outcome, or a fake outcome never used, fails the test. {@link
 * io.sluice.testing.ExternalFolder} finds test data kept outside the repository and skips, or under
 * {@code CI=true} fails, the tests that need it when it is absent.
 */
package io.sluice.testing;
