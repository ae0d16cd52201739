/**
 * Helpers for tests that run local servers as child processes: start one on a free loopback port
 * and try another when that port is taken first ({@link io.sluice.testing.process.FreePorts}), stop
 * it with everything it started, show the end of its log and delete its files ({@link
 * io.sluice.testing.process.ProcessTools}).
 */
package io.sluice.testing.process;
