package io.sluice.testing;

import static io.sluice.testing.SluiceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.model.DataPath;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PipelineParameter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineAssertTest {
  @TempDir Path sources;

  private final Pipeline seed = Pipelines.seed();

  @BeforeEach
  void writeSources() {
    Pipelines.writeSources(sources);
  }

  @Test
  void passesOnWhatThePipelineHas() {
    assertThat(seed)
        .hasStep("prep")
        .hasSteps("score", "prep")
        .hasStepCount(4)
        .runsBefore("prep", "train")
        .runsBefore("prep", "score")
        .hasParameterWithDefault("region", "westeurope")
        .hasParameterWithDefault("epochs", 10);
    assertThat(seed)
        .step("train")
        .dependsOn("prep")
        .doesNotDependOn("report")
        .consumes("clean")
        .produces("model");
    assertThat(seed).step("prep").doesNotDependOn("train").produces("clean");
  }

  @Test
  void hasStepListsTheStepsThereAre() {
    assertThatThrownBy(() -> assertThat(seed).hasStep("trian"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expected pipeline 'seed' to have a step named 'trian', but its steps are"
                + " [prep, train, score, report]");
  }

  @Test
  void hasStepsNamesTheMissingOnes() {
    assertThatThrownBy(() -> assertThat(seed).hasSteps("prep", "clean", "deploy"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expected pipeline 'seed' to have the steps [prep, clean, deploy], but [clean, deploy]"
                + " are missing; its steps are [prep, train, score, report]");
  }

  @Test
  void hasStepCountShowsTheSteps() {
    assertThatThrownBy(() -> assertThat(seed).hasStepCount(3))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expected pipeline 'seed' to have 3 steps, but it has 4: [prep, train, score, report]");
  }

  @Test
  void stepFailsForAMissingStep() {
    assertThatThrownBy(() -> assertThat(seed).step("deploy"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have a step named 'deploy', but its steps are");
  }

  @Test
  void dependsOnListsTheActualDependenciesAndWhy() {
    assertThatThrownBy(() -> assertThat(seed).step("score").dependsOn("prep"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "[pipeline 'seed'] Expected step 'score' to depend on 'prep', but its dependencies are"
                + " [train (consumes 'model' produced by 'train')] (a step depends on the producers"
                + " of the PipelineData it consumes and on the steps in its runAfter)");
    assertThatThrownBy(() -> assertThat(seed).step("report").dependsOn("prep"))
        .hasMessageContaining(
            "Expected step 'report' to depend on 'prep', but it depends on no step");
  }

  @Test
  void doesNotDependOnSaysWhyTheDependencyIsThere() {
    assertThatThrownBy(() -> assertThat(seed).step("train").doesNotDependOn("prep"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "[pipeline 'seed'] Expected step 'train' not to depend on 'prep', but it does: it"
                + " consumes 'clean' produced by 'prep'; its dependencies are [prep (consumes"
                + " 'clean' produced by 'prep')]");
  }

  @Test
  void runAfterCountsAsADependency() {
    Pipeline ordered = Pipelines.ordered();
    assertThat(ordered).runsBefore("a", "b").step("b").dependsOn("a");
    assertThatThrownBy(() -> assertThat(ordered).step("b").doesNotDependOn("a"))
        .hasMessageContaining("but it does: it runAfter('a')");
  }

  @Test
  void consumesAndProducesListWhatTheStepHas() {
    assertThatThrownBy(() -> assertThat(seed).step("train").consumes("raw"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "[pipeline 'seed'] Expected step 'train' to consume 'raw', but it consumes [clean]"
                + " (its inputs are [clean])");
    assertThatThrownBy(() -> assertThat(seed).step("report").consumes("raw"))
        .hasMessageContaining("but it consumes no PipelineData (its inputs are [])");
    assertThatThrownBy(() -> assertThat(seed).step("train").produces("clean"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "[pipeline 'seed'] Expected step 'train' to produce 'clean', but it produces [model]");
    assertThatThrownBy(() -> assertThat(seed).step("score").produces("scores"))
        .hasMessageContaining("but it produces nothing");
  }

  @Test
  void consumesMatchesTheDataNameNotTheInputName() {
    PipelineData clean = PipelineData.of("clean");
    Pipeline renamed =
        Pipeline.builder()
            .name("renamed")
            .defaultDatastore(Pipelines.WORKSPACE)
            .steps(
                Pipelines.script("prep").addOutputs(clean).build(),
                Pipelines.script("train").addInputs(clean.asInput("training_data")).build())
            .build();
    assertThat(renamed).step("train").consumes("clean").dependsOn("prep");
    assertThatThrownBy(() -> assertThat(renamed).step("train").consumes("training_data"))
        .hasMessageContaining("but it consumes [clean] (its inputs are [training_data])");
  }

  @Test
  void runsBeforeExplainsTheOrderFound() {
    assertThatThrownBy(() -> assertThat(seed).runsBefore("score", "prep"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expected step 'score' to run before step 'prep' in pipeline 'seed', but it is the"
                + " other way round: score <- train <- prep (order steps by consuming PipelineData"
                + " or with runAfter)");
    assertThatThrownBy(() -> assertThat(seed).runsBefore("report", "score"))
        .hasMessageContaining("but neither depends on the other; 'score' waits for [prep, train]");
    assertThatThrownBy(() -> assertThat(seed).runsBefore("prep", "report"))
        .hasMessageContaining("'report' waits for no step");
    assertThatThrownBy(() -> assertThat(seed).runsBefore("prep", "deploy"))
        .hasMessageContaining("to have a step named 'deploy'");
  }

  @Test
  void hasParameterWithDefaultComparesTypeAndValue() {
    assertThatThrownBy(() -> assertThat(seed).hasParameterWithDefault("epochs", 20))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expected pipeline 'seed' to have parameter 'epochs' with default 20 (INTEGER), but its"
                + " default is 10 (INTEGER)");
    assertThatThrownBy(() -> assertThat(seed).hasParameterWithDefault("epochs", 10L))
        .hasMessageContaining("with default 10 (LONG), but its default is 10 (INTEGER)");
    assertThatThrownBy(() -> assertThat(seed).hasParameterWithDefault("epoch", 10))
        .hasMessage(
            "Expected pipeline 'seed' to have parameter 'epoch' with default 10 (INTEGER), but it"
                + " has no parameter 'epoch'; its parameters are [epochs = 10 (INTEGER), region ="
                + " \"westeurope\" (STRING)]");
    assertThatThrownBy(() -> assertThat(seed).hasParameterWithDefault("epochs", new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expect a String, Integer, Long, Double, Boolean or DataPath");
  }

  @Test
  void hasParameterWithDefaultTakesDataPaths() {
    DataPath raw = DataPath.of(Pipelines.WORKSPACE, "raw/input.csv");
    Pipeline withPath =
        Pipeline.builder()
            .name("paths")
            .addParameters(PipelineParameter.of("input", raw))
            .steps(Pipelines.script("prep").build())
            .build();
    assertThat(withPath).hasParameterWithDefault("input", raw);
    assertThatThrownBy(
            () ->
                assertThat(withPath)
                    .hasParameterWithDefault(
                        "input", DataPath.of(Pipelines.WORKSPACE, "other.csv")))
        .hasMessageContaining(
            "with default \"workspace:other.csv\" (DATA_PATH), but its default is"
                + " \"workspace:raw/input.csv\" (DATA_PATH)");
  }

  @Test
  void compilesWithoutWarningsPassesForACleanPipeline() {
    assertThat(seed).withBaseDirectory(sources).compilesWithoutWarnings();
  }

  @Test
  void compilesWithoutWarningsListsEveryProblem() {
    PipelineData unused = PipelineData.of("unused");
    Pipeline warned =
        Pipeline.builder()
            .name("warned")
            .defaultDatastore(Pipelines.WORKSPACE)
            .steps(Pipelines.script("prep").addOutputs(unused).build())
            .build();
    assertThatThrownBy(
            () -> assertThat(warned).withBaseDirectory(sources).compilesWithoutWarnings())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expected pipeline 'warned' to compile without errors or warnings, but validation found 1"
                + " problem(s):")
        .hasMessageContaining(
            "  - warning: step 'prep', outputs: output 'unused' is not consumed by any step");
    assertThatThrownBy(
            () ->
                assertThat(seed)
                    .withBaseDirectory(sources.resolve("nowhere"))
                    .compilesWithoutWarnings())
        .hasMessageContaining("found 4 problem(s)")
        .hasMessageContaining(
            "step 'prep', sourceDirectory: source directory 'prep' does not exist");
  }

  @Test
  void failsValidationWithMatchesFragmentsOfTheErrors() {
    Pipeline cycle =
        Pipeline.builder()
            .name("cycle")
            .steps(
                Pipelines.script("a").addRunAfter("b").build(),
                Pipelines.script("b").addRunAfter("a").build())
            .build();
    assertThat(cycle).withBaseDirectory(sources).failsValidationWith("a -> b -> a");
    assertThat(cycle).withBaseDirectory(sources).failsValidationWith("cycle", "step 'a'");
    assertThatThrownBy(
            () ->
                assertThat(cycle).withBaseDirectory(sources).failsValidationWith("cycle", "b -> c"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expected pipeline 'cycle' to fail validation with [\"cycle\", \"b -> c\"], but no"
                + " problem mentions [\"b -> c\"]; the problems are:")
        .hasMessageContaining("the steps form a cycle: a -> b -> a");
  }

  @Test
  void failsValidationWithFailsForAValidPipeline() {
    assertThatThrownBy(
            () -> assertThat(seed).withBaseDirectory(sources).failsValidationWith("cycle"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expected pipeline 'seed' to fail validation with [\"cycle\"], but it has no errors");
  }

  @Test
  void failsValidationWithDoesNotCountWarningsAsErrors() {
    Pipeline warned =
        Pipeline.builder()
            .name("warned")
            .defaultDatastore(Pipelines.WORKSPACE)
            .steps(Pipelines.script("prep").addOutputs(PipelineData.of("unused")).build())
            .build();
    assertThatThrownBy(
            () -> assertThat(warned).withBaseDirectory(sources).failsValidationWith("not consumed"))
        .hasMessageContaining("but it has no errors (warnings:")
        .hasMessageContaining("output 'unused' is not consumed");
  }

  @Test
  void compilesNavigatesToTheDefinition() {
    assertThat(seed)
        .withBaseDirectory(sources)
        .compiles()
        .hasStepCount(4)
        .step("score")
        .dependsOn("train");
    assertThatThrownBy(
            () -> assertThat(seed).withBaseDirectory(sources.resolve("nowhere")).compiles())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expected pipeline 'seed' to compile, but validation found:")
        .hasMessageContaining("source directory 'train' does not exist");
  }

  @Test
  void aDescriptionPrefixesTheMessage() {
    assertThatThrownBy(() -> assertThat(seed).as("nightly").hasStepCount(1))
        .hasMessageStartingWith("[nightly] Expected pipeline 'seed' to have 1 steps");
  }

  @Test
  void aNullPipelineFailsCleanly() {
    assertThatThrownBy(() -> assertThat((Pipeline) null).hasStep("prep"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
  }

  @Test
  void percentSignsInMessagesAreKept() {
    Pipeline percent = Pipeline.builder().name("p").steps(Pipelines.script("a").build()).build();
    assertThatThrownBy(() -> assertThat(percent).hasStep("100%s"))
        .hasMessageContaining("a step named '100%s'");
    assertThat(percent).hasStep("a");
  }
}
