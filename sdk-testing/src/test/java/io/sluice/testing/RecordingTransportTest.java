package io.sluice.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.SluiceException;
import io.sluice.core.compiler.ModelTranslation;
import io.sluice.core.definition.ComputeDefinition;
import io.sluice.core.definition.DatabricksTask;
import io.sluice.core.definition.InvalidDefinitionException;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.model.AmlCompute;
import io.sluice.core.model.ComputeTarget;
import io.sluice.core.model.DatabricksCompute;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.model.Step;
import io.sluice.core.run.DuplicateRunPolicy;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.PipelineRunException;
import io.sluice.core.run.RunEvent;
import io.sluice.core.run.RunOptions;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import io.sluice.core.run.StepStatus;
import io.sluice.core.semantics.DuplicateRunException;
import io.sluice.core.semantics.ParameterValueException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RecordingTransportTest extends SeedTestBase {

  @Test
  void recordsEachDefinitionAndItsOptions() {
    RecordingTransport transport = RecordingTransport.strict();
    RunOptions first = RunOptions.defaults();
    RunOptions second = RunOptions.builder().runId("nightly-7").putParameter("epochs", 3).build();

    PipelineRun run1 = transport.submit(seed, first);
    PipelineRun run2 = transport.submit(seed, second);

    assertThat(transport.name()).isEqualTo("recording");
    assertThat(transport.submissions()).hasSize(2);
    assertThat(transport.submissions().get(0).definition()).isSameAs(seed);
    assertThat(transport.submissions().get(0).options()).isSameAs(first);
    assertThat(transport.lastSubmission().options().parameters()).containsEntry("epochs", 3);
    assertThat(transport.lastSubmission().run()).isSameAs(run2);
    assertThat(run1.id()).isEqualTo("recording-1");
    assertThat(run2.id()).isEqualTo("nightly-7");
    assertThat(run1.pipelineName()).isEqualTo("seed");
  }

  @Test
  void lastSubmissionFailsWhenNothingWasSubmitted() {
    assertThatThrownBy(() -> RecordingTransport.strict().lastSubmission())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expected a pipeline to have been submitted to the recording transport, but none was");
  }

  @Test
  void everyStepCompletesAndTheListenersHearItInOrder() {
    List<RunEvent> heard = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    RecordedRun run =
        RecordingTransport.strict()
            .submit(
                seed,
                RunOptions.builder()
                    .addListeners(heard::add, e -> threads.add(Thread.currentThread()))
                    .build());

    assertThat(run.state()).isEqualTo(RunState.COMPLETED);
    assertThat(run.waitForCompletion(Duration.ZERO)).isEqualTo(RunState.COMPLETED);
    assertThat(run.steps()).containsOnlyKeys("prep", "report", "train", "score");
    assertThat(run.steps().values())
        .extracting(StepStatus::state)
        .containsOnly(StepState.COMPLETED);
    assertThat(run.step("train").startedAt()).isPresent();
    assertThat(heard).isEqualTo(run.events());
    assertThat(describe(heard))
        .containsExactly(
            "run RUNNING",
            "prep RUNNING",
            "prep COMPLETED",
            "report RUNNING",
            "report COMPLETED",
            "train RUNNING",
            "train COMPLETED",
            "score RUNNING",
            "score COMPLETED",
            "run COMPLETED");
    assertThat(heard).allMatch(e -> e.runId().equals("recording-1"));
    assertThat(threads).hasSameSizeAs(heard).containsOnly(Thread.currentThread());
    assertThat(run.outputs())
        .containsExactly(
            Map.entry(
                "clean", URI.create("recording:/workspace/sluice/runs/recording-1/prep/clean")),
            Map.entry(
                "model", URI.create("recording:/workspace/sluice/runs/recording-1/train/model")));
    // Nothing lands in the seed's local datastore, the folder "data".
    assertThat(Path.of("data", "sluice", "runs", "recording-1")).doesNotExist();
  }

  @Test
  void aFakeFailureFailsTheStepAndSkipsItsDependants() {
    RecordingTransport transport = RecordingTransport.strict().fakeFailed("train", "out of memory");
    RecordedRun run = transport.submit(seed, RunOptions.defaults());

    assertThat(run.state()).isEqualTo(RunState.FAILED);
    assertThat(run.step("prep").state()).isEqualTo(StepState.COMPLETED);
    assertThat(run.step("report").state()).isEqualTo(StepState.COMPLETED);
    assertThat(run.step("train").state()).isEqualTo(StepState.FAILED);
    assertThat(run.step("train").message()).isEqualTo("out of memory");
    assertThat(run.step("score").state()).isEqualTo(StepState.SKIPPED);
    assertThat(run.step("score").message()).isEqualTo("not run: step 'train' did not succeed");
    assertThat(run.step("score").startedAt()).isEmpty();
    assertThat(run.outputs()).containsOnlyKeys("clean");
    assertThat(describe(run.events())).endsWith("train FAILED", "score SKIPPED", "run FAILED");
    assertThatThrownBy(() -> run.waitForCompletion(Duration.ofSeconds(1)))
        .isInstanceOfSatisfying(
            PipelineRunException.class,
            e -> {
              assertThat(e.state()).isEqualTo(RunState.FAILED);
              assertThat(e.failedSteps()).extracting(StepStatus::step).containsExactly("train");
            })
        .hasMessage(
            "Pipeline 'seed' run 'recording-1' FAILED: step 'train' failed\n  - step 'train': out of memory");
    transport.verifyAllFakesUsed();
  }

  @Test
  void independentStepsStopAfterAFailureUnlessThePipelineContinues() {
    Pipeline.Builder twoSteps =
        Pipeline.builder()
            .name("two")
            .steps(Pipelines.script("a").build(), Pipelines.script("b").build());
    RecordingTransport transport = RecordingTransport.strict().fakeFailed("a", "boom");

    RecordedRun stops =
        transport.submit(Pipelines.compile(twoSteps.build(), sources), RunOptions.defaults());
    RecordedRun goesOn =
        transport.submit(
            Pipelines.compile(twoSteps.continueOnStepFailure(true).build(), sources),
            RunOptions.defaults());

    assertThat(stops.step("b").state()).isEqualTo(StepState.SKIPPED);
    assertThat(stops.step("b").message())
        .isEqualTo("not started: a step failed and continueOnStepFailure is false");
    assertThat(goesOn.step("b").state()).isEqualTo(StepState.COMPLETED);
    assertThat(goesOn.state()).isEqualTo(RunState.FAILED);
  }

  @Test
  void strictRefusesRemoteStepsWithoutAFake() {
    PipelineDefinition remote =
        remote(
            DatabricksCompute.of("dbx"),
            AmlCompute.of("cpu-cluster"),
            ComputeTarget.named("gpu-pool"));
    RecordingTransport transport = RecordingTransport.strict();

    assertThatThrownBy(() -> transport.submit(remote, RunOptions.defaults()))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "The strict recording transport needs a fake outcome for every remote step of pipeline"
                + " 'remote', but these have none: 'prep' (DatabricksStep on Databricks compute"
                + " 'dbx'), 'train' (PythonScriptStep on Azure ML compute 'cpu-cluster'), 'score'"
                + " (PythonScriptStep on workspace compute 'gpu-pool'); say what the remote side"
                + " does with fakeCompleted(\"prep\") or fakeFailed(\"prep\", message), or use"
                + " RecordingTransport.lenient()");
    assertThat(transport.submissions()).isEmpty();
  }

  @Test
  void fakesLetStrictAcceptRemoteSteps() {
    // Named computes only: sdk-core cannot yet read back AmlCompute and DatabricksCompute from
    // JSON.
    PipelineDefinition remote =
        remote(
            ComputeTarget.named("dbx"),
            ComputeTarget.named("cpu-cluster"),
            ComputeTarget.named("gpu-pool"));
    RecordingTransport transport = RecordingTransport.strict();

    transport.fakeCompleted("prep").fakeCompleted("train");
    assertThatThrownBy(() -> transport.submit(remote, RunOptions.defaults()))
        .hasMessageContaining(
            "but this one has none: 'score' (PythonScriptStep on workspace compute 'gpu-pool');"
                + " say what the remote side does with fakeCompleted(\"score\")");

    transport.fakeFailed("score", "quota exceeded");
    RecordedRun run = transport.submit(remote, RunOptions.defaults());
    assertThat(run.step("prep").state()).isEqualTo(StepState.COMPLETED);
    assertThat(run.step("prep").message()).isEqualTo("fake outcome");
    assertThat(run.step("report").message()).isEqualTo("recorded, not run");
    assertThat(run.step("score").state()).isEqualTo(StepState.FAILED);
    transport.verifyAllFakesUsed();
  }

  @Test
  void lenientCompletesRemoteStepsWithoutFakes() {
    RecordingTransport transport = RecordingTransport.lenient();
    assertThat(transport.isStrict()).isFalse();
    PipelineDefinition remote =
        remote(
            ComputeTarget.named("dbx"),
            ComputeTarget.named("cpu-cluster"),
            ComputeTarget.named("gpu-pool"));
    RecordedRun run = transport.submit(remote, RunOptions.defaults());
    assertThat(run.state()).isEqualTo(RunState.COMPLETED);
    assertThat(transport.requireFakesForRemoteSteps(true).isStrict()).isTrue();
    assertThatThrownBy(() -> transport.submit(remote, RunOptions.defaults()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("'prep' (DatabricksStep on workspace compute 'dbx')");
  }

  @Test
  void verifyAllFakesUsedNamesTheUnusedOnes() {
    RecordingTransport transport =
        RecordingTransport.strict()
            .fakeCompleted("trian")
            .fakeFailed("prep", "disk full")
            .fakeCompleted("score");
    assertThatThrownBy(transport::verifyAllFakesUsed)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "these were not: 'trian' (completes), 'prep' (fails: disk full), 'score' (completes); nothing was submitted");

    transport.submit(seed, RunOptions.defaults());
    assertThatThrownBy(transport::verifyAllFakesUsed)
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expected every fake outcome to be used, but these were not: 'trian' (completes), 'score'"
                + " (completes); the submitted runs had the steps [prep, report, score, train] (a step"
                + " skipped after a failure does not use its fake); fix the step name or remove the"
                + " fake");
  }

  @Test
  void parametersMustBeThePipelinesAndOfTheirType() {
    RecordingTransport transport = RecordingTransport.strict();
    assertThatThrownBy(
            () -> transport.submit(seed, RunOptions.builder().putParameter("epoch", 3).build()))
        .isInstanceOf(SluiceException.class)
        .hasMessage(
            "Parameter 'epoch' does not exist in pipeline 'seed'; known parameters: epochs, region. Fix the"
                + " name or remove the override");
    assertThatThrownBy(
            () ->
                transport.submit(
                    seed, RunOptions.builder().putParameter("epochs", "three").build()))
        .isInstanceOf(ParameterValueException.class)
        .hasMessage(
            "Parameter 'epochs' is INTEGER but was given 'three' (String); pass an Integer between"
                + " -2147483648 and 2147483647, e.g. 300");
    assertThat(transport.submissions()).isEmpty();
  }

  @Test
  void aDefinitionOfAnotherSchemaVersionCannotEvenBeBuilt() {
    int future = PipelineDefinition.SCHEMA_VERSION + 1;
    assertThatThrownBy(() -> seed.toBuilder().schemaVersion(future).build())
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining(
            "schemaVersion: schemaVersion is "
                + future
                + "; this Sluice reads version "
                + PipelineDefinition.SCHEMA_VERSION);
  }

  @Test
  void aDuplicateRunIdFollowsItsPolicy() {
    RecordingTransport transport = RecordingTransport.strict();
    RunOptions nightly = RunOptions.builder().runId("nightly").build();
    transport.submit(seed, nightly);

    assertThatThrownBy(() -> transport.submit(seed, nightly))
        .isInstanceOf(DuplicateRunException.class)
        .hasMessage(
            "Run 'nightly' already exists and ended COMPLETED; duplicateRunPolicy REJECT refuses it. Choose"
                + " another runId, or set duplicateRunPolicy to RESUME (go on with it) or ALLOW_IF_FAILED (run a"
                + " failed run again)");
    RunOptions allowIfFailed =
        RunOptions.builder()
            .from(nightly)
            .duplicateRunPolicy(DuplicateRunPolicy.ALLOW_IF_FAILED)
            .build();
    assertThatThrownBy(() -> transport.submit(seed, allowIfFailed))
        .isInstanceOf(DuplicateRunException.class)
        .hasMessageContaining(
            "duplicateRunPolicy ALLOW_IF_FAILED runs it again only after it failed or was canceled");

    transport.fakeFailed("score", "flaky");
    assertThat(transport.submit(seed, RunOptions.builder().runId("retry").build()).state())
        .isEqualTo(RunState.FAILED);
    RecordedRun again =
        transport.submit(
            seed,
            RunOptions.builder()
                .runId("retry")
                .duplicateRunPolicy(DuplicateRunPolicy.ALLOW_IF_FAILED)
                .build());
    assertThat(again.step("prep").state()).isEqualTo(StepState.COMPLETED);
    assertThat(transport.submissions()).hasSize(3);
  }

  @Test
  void resumeReusesTheStepsThatSucceededWithTheSameDefinition() {
    RecordingTransport transport = RecordingTransport.strict().fakeFailed("train", "out of memory");
    transport.submit(seed, RunOptions.builder().runId("weekly").build());
    Pipelines.writeScript(sources, "report", "print('new report')\n");
    PipelineDefinition changed = Pipelines.compile(Pipelines.seed(), sources);
    transport.fakeCompleted("train");
    RunOptions resume =
        RunOptions.builder().runId("weekly").duplicateRunPolicy(DuplicateRunPolicy.RESUME).build();

    RecordedRun resumed = transport.submit(changed, resume);

    assertThat(resumed.state()).isEqualTo(RunState.COMPLETED);
    assertThat(resumed.step("prep").state()).isEqualTo(StepState.COMPLETED);
    assertThat(resumed.step("prep").message())
        .isEqualTo("kept from an earlier attempt of this run");
    assertThat(resumed.step("prep").startedAt()).isEmpty();
    assertThat(resumed.step("report").state()).isEqualTo(StepState.COMPLETED);
    assertThat(resumed.step("train").state()).isEqualTo(StepState.COMPLETED);
    assertThat(resumed.step("score").state()).isEqualTo(StepState.COMPLETED);
    assertThat(resumed.outputs()).containsKeys("clean", "model");

    // The orchestrator keeps what this run's journal holds even when a rerun is forced.
    RecordedRun forced =
        transport.submit(changed, RunOptions.builder().from(resume).forceRerun(true).build());
    assertThat(forced.step("prep").state()).isEqualTo(StepState.COMPLETED);
    assertThat(forced.step("prep").message()).isEqualTo("kept from an earlier attempt of this run");
  }

  @Test
  void resetForgetsEverythingAndIsStrictAgain() {
    RecordingTransport transport = RecordingTransport.lenient().fakeCompleted("unused");
    transport.submit(seed, RunOptions.defaults());

    assertThat(transport.reset()).isSameAs(transport);

    assertThat(transport.submissions()).isEmpty();
    assertThat(transport.isStrict()).isTrue();
    transport.verifyAllFakesUsed();
    assertThat(transport.submit(seed, RunOptions.defaults()).id()).isEqualTo("recording-1");
  }

  @Test
  void theEndedRunIgnoresCancelAndLateListeners() {
    RecordedRun run = RecordingTransport.strict().submit(seed, RunOptions.defaults());
    List<RunEvent> late = new ArrayList<>();
    run.addListener(late::add);
    run.cancel();
    assertThat(run.state()).isEqualTo(RunState.COMPLETED);
    assertThat(late).isEmpty();
    assertThatThrownBy(() -> run.step("deploy"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Run 'recording-1' has no step 'deploy'; its steps are [prep, report, train, score]");
  }

  private static PythonScriptStep onCompute(Step step, ComputeTarget compute) {
    return PythonScriptStep.builder().from((PythonScriptStep) step).computeTarget(compute).build();
  }

  private static List<String> describe(List<RunEvent> events) {
    return events.stream()
        .map(
            e ->
                e instanceof RunEvent.RunStateChanged r
                    ? "run " + r.state()
                    : ((RunEvent.StepStateChanged) e).status().step()
                        + " "
                        + ((RunEvent.StepStateChanged) e).status().state())
        .collect(Collectors.toList());
  }

  /**
   * The seed with prep a DatabricksStep and train and score on remote computes. Prep's
   * DatabricksStep is put into the compiled definition by hand: building a DatabricksStep with one
   * entry point fails in sdk-core's own check.
   */
  private PipelineDefinition remote(
      ComputeTarget databricks, ComputeTarget trainOn, ComputeTarget scoreOn) {
    PipelineDefinition compiled =
        Pipelines.compile(
            Pipeline.builder()
                .from(Pipelines.seed())
                .steps(
                    Pipelines.seed().steps().stream()
                        .map(
                            s ->
                                switch (s.name()) {
                                  case "train" -> onCompute(s, trainOn);
                                  case "score" -> onCompute(s, scoreOn);
                                  default -> s;
                                })
                        .toList())
                .build(),
            sources);
    StepDefinition prep = compiled.step("prep").orElseThrow();
    StepDefinition databricksPrep =
        prep.toBuilder()
            .compute(databricks.name())
            .version(null)
            .sourceDirectory(null)
            .task(DatabricksTask.builder().notebook("/Shared/prep", Map.of()).build())
            .build();
    return compiled.toBuilder()
        .name("remote")
        .description(null)
        .continueOnStepFailure(false)
        .computes(
            Stream.concat(
                    compiled.computes().stream(), Stream.of(ModelTranslation.compute(databricks)))
                .sorted(java.util.Comparator.comparing(ComputeDefinition::name))
                .toList())
        .steps(
            compiled.steps().stream()
                .map(s -> s.name().equals("prep") ? databricksPrep : s)
                .toList())
        .build();
  }
}
