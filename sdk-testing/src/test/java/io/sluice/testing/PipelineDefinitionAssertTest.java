package io.sluice.testing;

import static io.sluice.testing.SluiceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.model.AmlCompute;
import io.sluice.core.model.DataPath;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineParameter;
import org.junit.jupiter.api.Test;

class PipelineDefinitionAssertTest extends SeedTestBase {

  @Test
  void passesOnWhatTheDefinitionHas() {
    assertThat(seed)
        .hasStepCount(4)
        .hasSteps("prep", "train", "score", "report")
        .runsBefore("train", "score")
        .hasParameterWithDefault("epochs", 10)
        .hasParameterWithDefault("region", "westeurope");
    assertThat(seed)
        .step("score")
        .dependsOn("train")
        .doesNotDependOn("prep")
        .consumes("model")
        .runsOn("local");
    assertThat(seed).step("prep").produces("clean");
  }

  @Test
  void stepsAreListedInTheDefinitionsTopologicalOrder() {
    assertThatThrownBy(() -> assertThat(seed).hasStep("deploy"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expected pipeline definition 'seed' to have a step named 'deploy', but its steps are"
                + " [prep, report, train, score]");
  }

  @Test
  void dependencyMessagesSayWhy() {
    assertThatThrownBy(() -> assertThat(seed).step("train").doesNotDependOn("prep"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "[pipeline definition 'seed'] Expected step 'train' not to depend on 'prep', but it"
                + " does: it consumes 'clean' produced by 'prep'; its dependencies are [prep"
                + " (consumes 'clean' produced by 'prep')]");
    assertThatThrownBy(() -> assertThat(seed).step("report").dependsOn("prep"))
        .hasMessageContaining(
            "Expected step 'report' to depend on 'prep', but it depends on no step");
  }

  @Test
  void runAfterIsNamedAsTheReasonInADefinition() {
    PipelineDefinition ordered = Pipelines.compile(Pipelines.ordered(), sources);
    assertThatThrownBy(() -> assertThat(ordered).step("b").doesNotDependOn("a"))
        .hasMessageContaining("but it does: it runAfter('a')");
  }

  @Test
  void runsBeforeIgnoresTheIncidentalOrderOfIndependentSteps() {
    // report comes before train in the definition, but nothing makes it run first
    assertThatThrownBy(() -> assertThat(seed).runsBefore("report", "train"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expected step 'report' to run before step 'train' in pipeline definition 'seed', but"
                + " neither depends on the other; 'train' waits for [prep] (order steps by consuming"
                + " PipelineData or with runAfter)");
  }

  @Test
  void parameterDefaultsAreReadWithTheirType() {
    assertThatThrownBy(() -> assertThat(seed).hasParameterWithDefault("epochs", "10"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expected pipeline definition 'seed' to have parameter 'epochs' with default \"10\""
                + " (STRING), but its default is 10 (INTEGER)");
    DataPath raw = DataPath.of(Pipelines.WORKSPACE, "raw/input.csv");
    PipelineDefinition typed =
        Pipelines.compile(
            Pipeline.builder()
                .name("typed")
                .addParameters(
                    PipelineParameter.of("input", raw),
                    PipelineParameter.of("rate", 0.5),
                    PipelineParameter.of("rows", 7L),
                    PipelineParameter.of("dry", true))
                .steps(Pipelines.script("a").build())
                .build(),
            sources);
    assertThat(typed)
        .hasParameterWithDefault("input", raw)
        .hasParameterWithDefault("rate", 0.5)
        .hasParameterWithDefault("rows", 7L)
        .hasParameterWithDefault("dry", true);
    assertThatThrownBy(() -> assertThat(typed).hasParameterWithDefault("dry", false))
        .hasMessageContaining("with default false (BOOLEAN), but its default is true (BOOLEAN)");
  }

  @Test
  void runsOnNamesTheActualCompute() {
    PipelineDefinition remote =
        Pipelines.compile(
            Pipeline.builder()
                .name("remote")
                .steps(Pipelines.script("a").computeTarget(AmlCompute.of("cpu-cluster")).build())
                .build(),
            sources);
    assertThat(remote).step("a").runsOn("cpu-cluster");
    assertThatThrownBy(() -> assertThat(remote).step("a").runsOn("local"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "[pipeline definition 'remote'] Expected step 'a' to run on compute 'local', but it runs on 'cpu-cluster'");
  }

  @Test
  void aSourceChangeChangesTheStepAndItsDependantsOnly() {
    Pipelines.writeScript(sources, "train", "print('train harder')\n");
    PipelineDefinition changed = Pipelines.compile(Pipelines.seed(), sources);
    assertThat(changed).step("train").fingerprintChangedFrom(seed);
    assertThat(changed).step("score").fingerprintChangedFrom(seed);
    assertThat(changed).step("prep").fingerprintUnchangedFrom(seed);
    assertThat(changed).step("report").fingerprintUnchangedFrom(seed);
  }

  @Test
  void fingerprintUnchangedFromSaysWhichPartChanged() {
    Pipelines.writeScript(sources, "train", "print('train harder')\n");
    PipelineDefinition changed = Pipelines.compile(Pipelines.seed(), sources);
    String before = Pipelines.shortFingerprint(seed, "train");
    String after = Pipelines.shortFingerprint(changed, "train");
    assertThatThrownBy(() -> assertThat(changed).step("train").fingerprintUnchangedFrom(seed))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "[pipeline definition 'seed'] Expected the fingerprint of step 'train' to be unchanged"
                + " from the other definition's, but it changed from "
                + before
                + " to "
                + after
                + ": train.py changed");
    assertThatThrownBy(() -> assertThat(changed).step("score").fingerprintUnchangedFrom(seed))
        .hasMessageEndingWith(": upstream step 'train' changed");
  }

  @Test
  void fingerprintUnchangedFromNamesDefinitionAndFileChanges() throws Exception {
    Pipelines.writeScript(sources, "prep", "print('prep')\n");
    java.nio.file.Files.writeString(sources.resolve("prep").resolve("helpers.py"), "x = 1\n");
    PipelineDefinition changed =
        Pipelines.compile(Pipelines.seed(PipelineParameter.of("region", "northeurope")), sources);
    assertThatThrownBy(() -> assertThat(changed).step("prep").fingerprintUnchangedFrom(seed))
        .hasMessageEndingWith(
            ": a referenced environment, compute target, datastore or parameter default changed;"
                + " helpers.py added");
  }

  @Test
  void fingerprintChangedFromSaysNothingChanged() {
    PipelineDefinition again = Pipelines.compile(Pipelines.seed(), sources);
    String value = Pipelines.shortFingerprint(seed, "train");
    assertThatThrownBy(() -> assertThat(again).step("train").fingerprintChangedFrom(seed))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "[pipeline definition 'seed'] Expected the fingerprint of step 'train' to change from"
                + " the other definition's, but it is the same ("
                + value
                + "): its definition, its 1 source file(s) and its upstream steps [prep] are"
                + " unchanged, so a run would reuse its earlier result");
  }

  @Test
  void fingerprintChecksNeedTheStepInTheOtherDefinition() {
    PipelineDefinition other =
        Pipelines.compile(
            Pipeline.builder().name("other").steps(Pipelines.script("a").build()).build(), sources);
    assertThatThrownBy(() -> assertThat(seed).step("train").fingerprintUnchangedFrom(other))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "[pipeline definition 'seed'] Expected the other definition (pipeline 'other') to have"
                + " step 'train' to compare fingerprints with, but its steps are [a]");
  }

  @Test
  void fingerprintChecksNeedCompiledSteps() {
    StepDefinition bare = seed.step("report").orElseThrow().withoutFingerprint();
    assertThatThrownBy(() -> assertThat(bare).fingerprintChangedFrom(seed))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Step 'report' has no fingerprint; compare steps compiled by PipelineCompiler");
  }

  @Test
  void aStepCanBeCheckedOnItsOwn() {
    StepDefinition train = seed.step("train").orElseThrow();
    assertThat(train)
        .dependsOn("prep")
        .consumes("clean")
        .produces("model")
        .fingerprintUnchangedFrom(seed);
    assertThatThrownBy(() -> assertThat(train).doesNotDependOn("prep"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expected step 'train' not to depend on 'prep', but it does; its dependencies are [prep]");
  }
}
