package io.sluice.core.orchestrator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How long each step of a run took, rebuilt from the run's journal. */
public final class StepDurations {
  private StepDurations() {}

  /**
   * The time from each step's start to its end, for the steps that ran to an end (completed or
   * failed); a step run again in a later attempt counts its last run. Reused steps did not run and
   * are left out, as are steps whose runner died before they ended.
   *
   * @param journal the run's entries, oldest first, as {@link RunJournal#read} gives them
   * @return durations by step name, in the order the steps ended
   */
  public static Map<String, Duration> of(List<JournalEntry> journal) {
    Map<String, Instant> started = new HashMap<>();
    Map<String, Duration> durations = new LinkedHashMap<>();
    for (JournalEntry entry : journal) {
      if (entry instanceof JournalEntry.StepStarted s) {
        started.put(s.step(), s.at());
      } else if (entry instanceof JournalEntry.StepCompleted c) {
        ended(c.step(), c.at(), started, durations);
      } else if (entry instanceof JournalEntry.StepFailed f) {
        ended(f.step(), f.at(), started, durations);
      }
    }
    return durations;
  }

  private static void ended(
      String step, Instant at, Map<String, Instant> started, Map<String, Duration> durations) {
    Instant start = started.remove(step);
    if (start != null) {
      durations.remove(step); // keeps the order of the last end
      durations.put(step, Duration.between(start, at));
    }
  }
}
