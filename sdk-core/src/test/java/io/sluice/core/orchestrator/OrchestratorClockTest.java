package io.sluice.core.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.definition.ComputeDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.PipelineRunException;
import io.sluice.core.run.RunEvent;
import io.sluice.core.run.RunOptions;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import io.sluice.core.run.StepStatus;
import io.sluice.core.spi.StepContext;
import io.sluice.core.spi.StepExecutor;
import io.sluice.core.spi.StepFailedException;
import io.sluice.core.spi.StepResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrchestratorClockTest {
  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  @TempDir Path base;

  /** A clock that stands still until a step moves it on. */
  private static final class StepClock extends Clock {
    private volatile Instant now = T0;

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /** Takes 5 s for {@code prep} and 2 s for {@code train}, which fails. */
  private static final class TimedExecutor implements StepExecutor {
    private final StepClock clock;

    TimedExecutor(StepClock clock) {
      this.clock = clock;
    }

    @Override
    public String name() {
      return "timed";
    }

    @Override
    public boolean supports(StepDefinition step, ComputeDefinition compute, String transport) {
      return true;
    }

    @Override
    public StepResult execute(StepContext context) {
      if (context.step().name().equals("prep")) {
        clock.advance(Duration.ofSeconds(5));
        return StepResult.empty();
      }
      clock.advance(Duration.ofSeconds(2));
      throw new StepFailedException("out of memory");
    }
  }

  @Test
  void statusesEventsAndTheJournalTakeTheirTimeFromTheOrchestratorsClock() throws Exception {
    StepClock clock = new StepClock();
    List<RunEvent> events = new CopyOnWriteArrayList<>();
    Orchestrator orchestrator =
        Orchestrator.builder(settings())
            .clock(clock)
            .stepExecutors(List.of(new TimedExecutor(clock)))
            .datastoreIos(List.of())
            .build();

    PipelineRun run =
        orchestrator.submit(
            pipeline(), RunOptions.builder().runId("r1").addListeners(events::add).build());

    try {
      run.waitForCompletion(Duration.ofMinutes(1));
    } catch (PipelineRunException failed) {
      assertThat(failed.state()).isEqualTo(RunState.FAILED);
    }
    assertThat(run.steps().values())
        .extracting(StepStatus::step, StepStatus::state, StepStatus::startedAt, StepStatus::endedAt)
        .containsExactly(
            tuple("prep", StepState.COMPLETED, Optional.of(T0), Optional.of(T0.plusSeconds(5))),
            tuple(
                "train",
                StepState.FAILED,
                Optional.of(T0.plusSeconds(5)),
                Optional.of(T0.plusSeconds(7))));
    assertThat(events)
        .filteredOn(RunEvent.StepStateChanged.class::isInstance)
        .extracting(e -> ((RunEvent.StepStateChanged) e).status())
        .extracting(StepStatus::step, StepStatus::state, StepStatus::endedAt)
        .containsExactly(
            tuple("prep", StepState.RUNNING, Optional.empty()),
            tuple("prep", StepState.COMPLETED, Optional.of(T0.plusSeconds(5))),
            tuple("train", StepState.RUNNING, Optional.empty()),
            tuple("train", StepState.FAILED, Optional.of(T0.plusSeconds(7))));

    List<JournalEntry> journal = RunJournal.read(base.resolve("runs/r1/journal.jsonl"));

    assertThat(journal)
        .extracting(e -> e.getClass().getSimpleName(), JournalEntry::at)
        .containsExactly(
            tuple("RunStarted", T0),
            tuple("StepStarted", T0),
            tuple("StepCompleted", T0.plusSeconds(5)),
            tuple("StepStarted", T0.plusSeconds(5)),
            tuple("StepFailed", T0.plusSeconds(7)),
            tuple("RunFinished", T0.plusSeconds(7)));
    assertThat(StepDurations.of(journal))
        .containsExactly(
            Map.entry("prep", Duration.ofSeconds(5)), Map.entry("train", Duration.ofSeconds(2)));
  }

  private Orchestrator.Settings settings() {
    return Orchestrator.Settings.builder()
        .transport("local")
        .runsDirectory(base.resolve("runs"))
        .baseDirectory(base)
        .pythonEnvironments(
            (environment, extra) -> {
              throw new IllegalStateException("no Python in this test");
            })
        .build();
  }

  private PipelineDefinition pipeline() throws Exception {
    Files.createDirectories(base.resolve("src"));
    Files.writeString(base.resolve("src/prep.py"), "print('prep')\n");
    Files.writeString(base.resolve("src/train.py"), "print('train')\n");
    PythonScriptStep prep =
        PythonScriptStep.builder()
            .name("prep")
            .scriptName("prep.py")
            .sourceDirectory("src")
            .build();
    PythonScriptStep train =
        PythonScriptStep.builder()
            .name("train")
            .scriptName("train.py")
            .sourceDirectory("src")
            .runAfter(prep)
            .build();
    return PipelineCompiler.compile(
        Pipeline.builder().name("timed").steps(prep, train).build(), base);
  }
}
