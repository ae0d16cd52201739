package io.sluice.testing;

/**
 * What a {@link RecordingTransport} makes a step do: complete, fail with a message, or keep running
 * until the run is canceled.
 *
 * @param failure the failure message, or null
 * @param keepsRunning whether the step runs until the run is canceled
 */
record FakeOutcome(String failure, boolean keepsRunning) {
  static final FakeOutcome COMPLETES = new FakeOutcome(null, false);
  static final FakeOutcome KEEPS_RUNNING = new FakeOutcome(null, true);

  static FakeOutcome fails(String message) {
    return new FakeOutcome(message, false);
  }

  String describe() {
    return keepsRunning ? "keeps running" : failure == null ? "completes" : "fails: " + failure;
  }
}
