package io.sluice.core.run;

/** Receives a run's events. Called from the run's threads: keep it quick and thread-safe. */
@FunctionalInterface
public interface RunListener {
  /**
   * Handles an event.
   *
   * @param event the event
   */
  void onEvent(RunEvent event);
}
