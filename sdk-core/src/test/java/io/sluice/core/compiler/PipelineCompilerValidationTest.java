package io.sluice.core.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.core.compiler.Problem.Severity;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.AmlCompute;
import io.sluice.core.model.DatabricksCluster;
import io.sluice.core.model.DatabricksCompute;
import io.sluice.core.model.DatabricksStep;
import io.sluice.core.model.DbfsDatastore;
import io.sluice.core.model.LocalDatastore;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PipelineParameter;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.model.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineCompilerValidationTest {
  private static final LocalDatastore STORE = LocalDatastore.of("local", "/tmp/sluice");
  private static final DatabricksCluster CLUSTER =
      DatabricksCluster.builder()
          .sparkVersion("15.4.x-scala2.12")
          .nodeType("Standard_DS3_v2")
          .numWorkers(1)
          .build();

  @TempDir Path base;

  @BeforeEach
  void scripts() throws IOException {
    Files.writeString(base.resolve("run.py"), "print('hi')\n");
  }

  private static PythonScriptStep.Builder script(String name) {
    return PythonScriptStep.builder().name(name).scriptName("run.py");
  }

  private static Pipeline pipeline(Step... steps) {
    return Pipeline.builder().name("p").defaultDatastore(STORE).steps(steps).build();
  }

  private List<Problem> problems(Pipeline pipeline) {
    PipelineValidationException e =
        catchThrowableOfType(
            PipelineValidationException.class, () -> PipelineCompiler.compile(pipeline, base));
    assertThat(e).as("compilation should fail").isNotNull();
    assertThat(e.problems()).isEqualTo(PipelineCompiler.validate(pipeline, base));
    return e.problems();
  }

  private static Problem error(String step, String field, String message) {
    return new Problem(Severity.ERROR, step, field, message);
  }

  private static Problem warning(String step, String field, String message) {
    return new Problem(Severity.WARNING, step, field, message);
  }

  @Test
  void aCleanPipelineCompilesWithoutProblems() {
    PipelineData d = PipelineData.of("d");
    Pipeline pipeline =
        pipeline(script("a").addOutputs(d).build(), script("b").addInput(d).build());

    assertThat(PipelineCompiler.validate(pipeline, base)).isEmpty();
    assertThat(PipelineCompiler.compile(pipeline, base).steps()).hasSize(2);
  }

  @Test
  void duplicateStepNames() {
    assertThat(problems(pipeline(script("a").build(), script("a").version("2").build())))
        .containsExactly(
            error("a", "name", "two steps are named 'a'; give each step a unique name"));
  }

  @Test
  void pipelineDataWithTwoProducers() {
    PipelineData d = PipelineData.of("d");
    assertThat(
            problems(
                pipeline(
                    script("a").addOutputs(d).build(),
                    script("b").addOutputs(d).build(),
                    script("c").addInput(d).build())))
        .containsExactly(
            error(
                "b",
                "outputs",
                "PipelineData 'd' is already an output of step 'a'; each PipelineData has one producer,"
                    + " so give this output its own PipelineData"));
  }

  @Test
  void pipelineDataWithNoProducer() {
    PipelineData d = PipelineData.of("d");
    assertThat(problems(pipeline(script("b").addInputs(d.asInput("raw")).build())))
        .containsExactly(
            error(
                "b",
                "inputs",
                "PipelineData 'd' (input 'raw') has no producer; add the step that writes it to the"
                    + " pipeline, or list it among that step's outputs"));
  }

  @Test
  void aConsumedPipelineDataDifferingFromTheProducedOne() {
    PipelineData produced = PipelineData.of("d");
    PipelineData lookalike = PipelineData.builder().name("d").isDirectory(false).build();
    assertThat(
            problems(
                pipeline(
                    script("a").addOutputs(produced).build(),
                    script("b").addInput(lookalike).build())))
        .containsExactly(
            error(
                "b",
                "inputs",
                "PipelineData 'd' (input 'd') differs from the one step 'a' writes; consume the same"
                    + " PipelineData object the producer outputs"));
  }

  @Test
  void aStepCannotReadItsOwnOutput() {
    PipelineData d = PipelineData.of("d");
    assertThat(problems(pipeline(script("a").addOutputs(d).addInputs(d.asInput("again")).build())))
        .containsExactly(
            error(
                "a",
                "inputs",
                "the step reads its own output 'd'; a step cannot consume what it writes"));
  }

  @Test
  void missingDefaultDatastore() {
    PipelineData d = PipelineData.of("d");
    Pipeline pipeline =
        Pipeline.builder()
            .name("p")
            .steps(script("a").addOutputs(d).build(), script("b").addInput(d).build())
            .build();
    assertThat(problems(pipeline))
        .containsExactly(
            error(
                "a",
                "outputs",
                "PipelineData 'd' has no datastore and the pipeline has no defaultDatastore; set one of them"));
    PipelineData onStore = PipelineData.builder().name("d").datastore(STORE).build();
    assertThat(
            PipelineCompiler.validate(
                Pipeline.builder()
                    .name("p")
                    .steps(
                        script("a").addOutputs(onStore).build(),
                        script("b").addInput(onStore).build())
                    .build(),
                base))
        .isEmpty();
  }

  @Test
  void runAfterAnUnknownStep() {
    assertThat(problems(pipeline(script("a").addRunAfter("ghost").build())))
        .containsExactly(
            error(
                "a",
                "runAfter",
                "step 'ghost' is not in the pipeline; add it to the pipeline's steps"));
  }

  @Test
  void aThreeStepCycleIsShownAsItsPath() {
    PipelineData ab = PipelineData.of("ab");
    PipelineData bc = PipelineData.of("bc");
    Pipeline pipeline =
        pipeline(
            script("a").addOutputs(ab).addRunAfter("c").build(),
            script("b").addInput(ab).addOutputs(bc).build(),
            script("c").addInput(bc).build());
    assertThat(problems(pipeline))
        .containsExactly(
            error(
                "a",
                "dependencies",
                "the steps form a cycle: a -> b -> c -> a; remove one of these data or runAfter dependencies"));
  }

  @Test
  void aTwoStepCycleAndAStepOutsideIt() {
    Pipeline pipeline =
        pipeline(
            script("x").addRunAfter("y").build(),
            script("y").addRunAfter("x").build(),
            script("z").addRunAfter("y").build());
    assertThat(problems(pipeline))
        .containsExactly(
            error(
                "x",
                "dependencies",
                "the steps form a cycle: x -> y -> x; remove one of these data or runAfter dependencies"));
  }

  @Test
  void aStepThatRunsAfterItself() {
    assertThat(problems(pipeline(script("a").addRunAfter("a").build())))
        .containsExactly(
            error(
                "a",
                "dependencies",
                "the steps form a cycle: a -> a; remove one of these data or runAfter dependencies"));
  }

  @Test
  void anArgumentNamingAPortTheStepLacks() {
    PipelineData d = PipelineData.of("d");
    PythonScriptStep step = script("a").arguments("--out", d).build();
    assertThat(problems(pipeline(step)))
        .containsExactly(
            error(
                "a",
                "arguments",
                "argument refers to 'd', which is neither an input nor an output of the step; add it to"
                    + " inputs or outputs"));
  }

  @Test
  void aParameterWithTwoDefinitions() {
    Pipeline pipeline =
        pipeline(
            script("a").arguments(PipelineParameter.of("epochs", 1)).build(),
            script("b").arguments(PipelineParameter.of("epochs", 2)).build());
    assertThat(problems(pipeline))
        .containsExactly(
            error(
                "b",
                "parameter",
                "Parameter 'epochs' has two different definitions (INTEGER 1 and INTEGER 2); use one"
                    + " object for it, or give them different names"));
  }

  @Test
  void aPipelineLevelParameterConflictingWithAStepOne() {
    Pipeline pipeline =
        Pipeline.builder()
            .name("p")
            .addParameters(PipelineParameter.of("mode", "fast"))
            .steps(script("a").param("mode", PipelineParameter.of("mode", 1)).build())
            .build();
    assertThat(problems(pipeline))
        .containsExactly(
            error(
                "a",
                "parameter",
                "Parameter 'mode' has two different definitions (STRING fast and INTEGER 1); use one"
                    + " object for it, or give them different names"));
  }

  @Test
  void runconfigPipelineParamsTakeIntegers() {
    PythonScriptStep step =
        script("a")
            .putRunconfigPipelineParam("NodeCount", PipelineParameter.of("nodes", "2"))
            .build();
    assertThat(problems(pipeline(step)))
        .containsExactly(
            error(
                "a",
                "runconfigPipelineParams",
                "NodeCount takes an Integer parameter, but 'nodes' is STRING; use"
                    + " PipelineParameter.of(\"nodes\", 1)"));
  }

  @Test
  void aPythonScriptStepCannotUseDbfs() {
    DbfsDatastore dbfs = DbfsDatastore.of("dbfs");
    PythonScriptStep writes =
        script("a")
            .addOutputs(
                PipelineData.builder().name("d").datastore(dbfs).pipelineOutputName("d").build())
            .build();
    PythonScriptStep reads =
        script("b")
            .addInputs(io.sluice.core.model.InputBinding.of("raw", dbfs.path("raw")))
            .build();
    String message =
        "a PythonScriptStep cannot read or write a DBFS datastore; use a Blob, ADLS Gen2 or local"
            + " datastore, or a DatabricksStep";
    assertThat(problems(pipeline(writes, reads)))
        .containsExactly(error("a", "inputs", message), error("b", "inputs", message));
  }

  @Test
  void aDatabricksStepMayUseDbfs() {
    DbfsDatastore dbfs = DbfsDatastore.of("dbfs");
    DatabricksStep step =
        DatabricksStep.builder()
            .name("a")
            .notebookPath("/Shared/nb")
            .computeTarget(DatabricksCompute.of("dbx"))
            .cluster(CLUSTER)
            .addInputs(io.sluice.core.model.InputBinding.of("raw", dbfs.path("raw")))
            .build();
    assertThat(PipelineCompiler.validate(pipeline(step), base)).isEmpty();
  }

  @Test
  void aMissingSourceDirectory() {
    assertThat(problems(pipeline(script("a").sourceDirectory("nope").build())))
        .containsExactly(
            error(
                "a",
                "sourceDirectory",
                "source directory 'nope' does not exist; create it or fix the path"));
  }

  @Test
  void aScriptMissingFromItsSourceDirectory() throws IOException {
    Files.createDirectories(base.resolve("src"));
    assertThat(problems(pipeline(script("a").sourceDirectory("src").build())))
        .containsExactly(
            error(
                "a",
                "scriptName",
                "'run.py' is not in source directory 'src'; fix scriptName or sourceDirectory"));
    assertThat(
            problems(pipeline(PythonScriptStep.builder().name("b").scriptName("gone.py").build())))
        .containsExactly(
            error(
                "b",
                "scriptName",
                "'gone.py' is not in the base directory; fix scriptName or sourceDirectory"));
  }

  @Test
  void aNotebookOrPythonScriptNameMissingFromItsSourceDirectory() throws IOException {
    Files.createDirectories(base.resolve("nb"));
    DatabricksStep.Builder step =
        DatabricksStep.builder()
            .name("a")
            .computeTarget(DatabricksCompute.of("dbx"))
            .cluster(CLUSTER)
            .sourceDirectory("nb");
    assertThat(problems(pipeline(step.notebookPath("clean").build())))
        .containsExactly(
            error(
                "a",
                "notebookPath",
                "'clean.py' is not in source directory 'nb'; fix notebookPath or sourceDirectory"));
    assertThat(
            problems(
                pipeline(
                    step.notebookPath(java.util.Optional.empty())
                        .pythonScriptName("job.py")
                        .build())))
        .containsExactly(
            error(
                "a",
                "pythonScriptName",
                "'job.py' is not in source directory 'nb'; fix pythonScriptName or sourceDirectory"));
    Files.writeString(base.resolve("nb/clean.py"), "# Databricks notebook source\n");
    assertThat(
            PipelineCompiler.validate(
                pipeline(
                    step.pythonScriptName(java.util.Optional.empty())
                        .notebookPath("./clean")
                        .build()),
                base))
        .isEmpty();
  }

  @Test
  void aWorkspaceNotebookIsNotLookedForLocally() {
    DatabricksStep step =
        DatabricksStep.builder()
            .name("a")
            .computeTarget(DatabricksCompute.of("dbx"))
            .cluster(CLUSTER)
            .notebookPath("/Users/me/clean")
            .build();
    assertThat(PipelineCompiler.validate(pipeline(step), base)).isEmpty();
  }

  @Test
  void anUnconsumedOutputIsAWarning() {
    Pipeline pipeline = pipeline(script("a").addOutputs(PipelineData.of("d")).build());

    assertThat(PipelineCompiler.validate(pipeline, base))
        .containsExactly(
            warning(
                "a",
                "outputs",
                "output 'd' is not consumed by any step; consume it, publish it with pipelineOutputName, or remove it"));
    PipelineDefinition definition = PipelineCompiler.compile(pipeline, base);
    assertThat(definition.data("d")).isPresent();
    assertThat(
            PipelineCompiler.validate(
                pipeline(
                    script("a")
                        .addOutputs(
                            PipelineData.builder().name("d").pipelineOutputName("out").build())
                        .build()),
                base))
        .isEmpty();
  }

  @Test
  void aDatabricksStepWithoutAClusterIsAWarning() {
    DatabricksStep step =
        DatabricksStep.builder()
            .name("a")
            .computeTarget(DatabricksCompute.of("dbx"))
            .notebookPath("/Shared/nb")
            .build();

    assertThat(PipelineCompiler.validate(pipeline(step), base))
        .containsExactly(
            warning(
                "a",
                "cluster",
                "no cluster is set on the step, its runconfig or its DatabricksCompute; it runs locally,"
                    + " but the Databricks transport needs one"));
    assertThat(PipelineCompiler.compile(pipeline(step), base).step("a")).isPresent();
  }

  @Test
  void twoComputeTargetsUnderOneName() {
    Pipeline pipeline =
        pipeline(
            script("a").computeTarget(AmlCompute.of("cpu")).build(),
            script("b")
                .computeTarget(AmlCompute.builder().name("cpu").maxNodes(4).build())
                .build());
    assertThat(problems(pipeline))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.step()).isEqualTo("b");
              assertThat(p.field()).isEqualTo("compute_target");
              assertThat(p.message())
                  .startsWith("Compute target 'cpu' has two different definitions (");
            });
  }

  @Test
  void everyProblemIsReportedAtOnceErrorsFirst() {
    PipelineData orphan = PipelineData.of("orphan");
    Pipeline pipeline =
        pipeline(
            script("a").addOutputs(PipelineData.of("unused")).build(),
            script("a").build(),
            script("b").addInput(orphan).addRunAfter("ghost").sourceDirectory("missing").build(),
            script("c").addRunAfter("c").build());

    PipelineValidationException e =
        catchThrowableOfType(
            PipelineValidationException.class, () -> PipelineCompiler.compile(pipeline, base));

    assertThat(e.errors()).hasSize(5);
    assertThat(e.problems()).hasSize(6);
    assertThat(e.problems().get(5).severity()).isEqualTo(Severity.WARNING);
    assertThat(e)
        .hasMessage(
            "Pipeline 'p' has 5 errors:\n"
                + "  - step 'a', name: two steps are named 'a'; give each step a unique name\n"
                + "  - step 'b', inputs: PipelineData 'orphan' (input 'orphan') has no producer; add the"
                + " step that writes it to the pipeline, or list it among that step's outputs\n"
                + "  - step 'b', runAfter: step 'ghost' is not in the pipeline; add it to the pipeline's steps\n"
                + "  - step 'b', sourceDirectory: source directory 'missing' does not exist; create it or fix the path\n"
                + "  - step 'c', dependencies: the steps form a cycle: c -> c; remove one of these data or"
                + " runAfter dependencies\n"
                + "  - warning: step 'a', outputs: output 'unused' is not consumed by any step; consume it,"
                + " publish it with pipelineOutputName, or remove it");
  }

  @Test
  void problemsReadWell() {
    assertThat(error(null, "name", "x")).hasToString("pipeline, name: x");
    assertThat(warning("s", "f", "m")).hasToString("warning: step 's', f: m");
    assertThat(new PipelineValidationException("p", List.of(error("s", "f", "m"))))
        .hasMessage("Pipeline 'p' has 1 error:\n  - step 's', f: m");
  }
}
