package io.sluice.testing;

import io.sluice.core.run.RunEvent;
import io.sluice.core.run.RunListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps a recorded run's events and hands them to its listeners: held back until {@link
 * #release()}, so that the events of {@code submit} reach the listeners on the caller's thread, and
 * passed on as they come after that.
 */
final class EventRelay implements RunListener {
  private final List<RunEvent> events = new ArrayList<>();
  private final List<RunListener> listeners;
  private boolean released;

  EventRelay(List<RunListener> listeners) {
    this.listeners = new CopyOnWriteArrayList<>(listeners);
  }

  @Override
  public synchronized void onEvent(RunEvent event) {
    events.add(event);
    if (released) {
      listeners.forEach(listener -> listener.onEvent(event));
    }
  }

  synchronized void release() {
    events.forEach(event -> listeners.forEach(listener -> listener.onEvent(event)));
    released = true;
  }

  /** Adds a listener that hears the events from now on. */
  void add(RunListener listener) {
    listeners.add(listener);
  }

  synchronized List<RunEvent> events() {
    return List.copyOf(events);
  }
}
