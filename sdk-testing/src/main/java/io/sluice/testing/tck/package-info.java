/**
 * The transport compatibility kit: one abstract JUnit 5 suite, {@link
 * io.sluice.testing.tck.TransportContract}, that proves a transport keeps Sluice's contract —
 * parameters, data locations, the widget and argument contract, failures and skips, duplicate-run
 * policies, cancellation, event order, refusal of invalid input before any side effect, and secrets
 * that never leave the process. Every transport in Sluice runs it, and so can a user's own: extend
 * {@code TransportContract} and supply a {@link io.sluice.testing.tck.TransportHarness}.
 */
package io.sluice.testing.tck;
