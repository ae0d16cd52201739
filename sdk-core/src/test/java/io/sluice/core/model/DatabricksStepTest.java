package io.sluice.core.model;

import static io.sluice.core.testing.ModelAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabricksStepTest {
  private static final String ENTRY_POINT =
      "DatabricksStep 'd': exactly one of notebookPath, pythonScriptPath, pythonScriptName or"
          + " mainClassName is required, got ";
  private static final DatabricksCluster CLUSTER =
      DatabricksCluster.builder()
          .sparkVersion("15.4.x-scala2.12")
          .nodeType("Standard_DS3_v2")
          .numWorkers(1)
          .build();

  private static DatabricksStep.Builder bare() {
    return DatabricksStep.builder().name("d").computeTarget(DatabricksCompute.of("dbx"));
  }

  private static DatabricksStep.Builder notebook() {
    return bare().notebookPath("/Shared/clean");
  }

  @Test
  void eachEntryPointAloneIsValid() {
    assertThat(notebook().build().notebookPath()).contains("/Shared/clean");
    assertThat(bare().pythonScriptPath("dbfs:/scripts/run.py").build().pythonScriptPath())
        .isPresent();
    assertThat(bare().pythonScriptName("run.py").sourceDirectory("src").build().pythonScriptName())
        .isPresent();
    assertThat(
            bare()
                .mainClassName("com.example.Main")
                .addLibraries(Library.jar("dbfs:/x.jar"))
                .build()
                .mainClassName())
        .isPresent();
  }

  @Test
  void exactlyOneEntryPoint() {
    assertInvalid(
        () -> bare().build(),
        "notebookPath",
        ENTRY_POINT + "none; keep the one entry point the step runs");
    assertInvalid(
        () -> notebook().mainClassName("com.example.Main").build(),
        "mainClassName",
        ENTRY_POINT + "notebookPath and mainClassName; keep the one entry point the step runs");
    assertInvalid(
        () ->
            bare()
                .pythonScriptPath("dbfs:/a.py")
                .pythonScriptName("a.py")
                .sourceDirectory("src")
                .build(),
        "pythonScriptName",
        ENTRY_POINT
            + "pythonScriptPath and pythonScriptName; keep the one entry point the step runs");
  }

  @Test
  void pythonScriptNameNeedsASourceDirectory() {
    assertInvalid(
        () -> bare().pythonScriptName("run.py").build(),
        "sourceDirectory",
        "DatabricksStep 'd': pythonScriptName is set but sourceDirectory is missing; set the folder that"
            + " holds run.py, or use pythonScriptPath for a script already on DBFS");
  }

  @Test
  void parametersNeedTheirEntryPoint() {
    assertInvalid(
        () -> bare().pythonScriptPath("dbfs:/a.py").notebookParam("w", "v").build(),
        "notebookParams",
        "DatabricksStep 'd': notebookParams are set but the step runs no notebook; pass script parameters"
            + " with pythonScriptParams or jarParams");
    assertInvalid(
        () -> notebook().pythonScriptParams("--x").build(),
        "pythonScriptParams",
        "DatabricksStep 'd': pythonScriptParams are set but the step runs no Python script; use"
            + " notebookParams or jarParams");
    assertInvalid(
        () -> bare().pythonScriptPath("dbfs:/a.py").jarParams("--x").build(),
        "jarParams",
        "DatabricksStep 'd': jarParams are set but no mainClassName; set the JAR's main class or drop jarParams");
  }

  @Test
  void widgetsAreNamedAndCarryNoData() {
    assertInvalid(
        () -> notebook().notebookParam(" ", "v").build(),
        "notebookParams",
        "DatabricksStep 'd': notebookParams is ' '; give a non-empty value");
    assertInvalid(
        () -> notebook().notebookParam("input", PipelineData.of("x")).build(),
        "notebookParams",
        "DatabricksStep 'd': notebookParams is 'input'; inputs and outputs are widgets already; pass"
            + " literals or parameters here");
  }

  @Test
  void typedParametersWorkInScriptParameters() {
    PipelineParameter<Integer> epochs = PipelineParameter.of("epochs", 5);
    DatabricksStep step =
        bare().pythonScriptPath("dbfs:/train.py").pythonScriptParams("--epochs", epochs).build();

    assertThat(step.pythonScriptParams())
        .containsExactly(new Argument.Literal("--epochs"), new Argument.Parameter(epochs));
  }

  @Test
  void computeTargetIsRequiredAndADatabricksOne() {
    assertInvalid(
        () -> DatabricksStep.builder().name("d").notebookPath("/n").build(),
        "computeTarget",
        "DatabricksStep 'd': computeTarget is missing; set a DatabricksCompute (or ComputeTarget.named(name))");
    assertInvalid(
        () -> notebook().computeTarget(AmlCompute.of("cpu")).build(),
        "computeTarget",
        "DatabricksStep 'd': computeTarget is 'cpu'; run a DatabricksStep on a DatabricksCompute or a"
            + " compute named in the workspace");
    assertInvalid(
        () -> notebook().computeTarget(ComputeTarget.local()).build(),
        "computeTarget",
        "DatabricksStep 'd': computeTarget is 'local'; run a DatabricksStep on a DatabricksCompute or a"
            + " compute named in the workspace");
    assertThat(notebook().computeTarget(ComputeTarget.named("dbx")).build().computeTarget())
        .isPresent();
  }

  @Test
  void runconfigOrLibrariesOnTheStepNotBoth() {
    RunConfiguration rc =
        RunConfiguration.builder().addDatabricksLibraries(Library.pypi("pandas")).build();
    assertInvalid(
        () -> notebook().runconfig(rc).addLibraries(Library.maven("org.a:b:1")).build(),
        "libraries",
        "DatabricksStep 'd': libraries are set both on the step and in runconfig; pass runconfig or each"
            + " library on the step, not both");
    assertThat(notebook().runconfig(rc).build().effectiveLibraries())
        .containsExactly(Library.pypi("pandas"));
    assertThat(notebook().addLibraries(Library.pypi("numpy")).build().effectiveLibraries())
        .containsExactly(Library.pypi("numpy"));
  }

  @Test
  void runconfigClusterOrStepClusterNotBoth() {
    RunConfiguration rc = RunConfiguration.builder().databricksCluster(CLUSTER).build();
    assertInvalid(
        () -> notebook().runconfig(rc).cluster(DatabricksCluster.existing("0101-abc")).build(),
        "cluster",
        "DatabricksStep 'd': a cluster is set both on the step and in runconfig; pass the cluster in"
            + " runconfig or on the step, not both");
  }

  @Test
  void theEffectiveClusterComesFromTheStepTheRunconfigOrTheCompute() {
    DatabricksCluster existing = DatabricksCluster.existing("0101-abc");
    DatabricksCompute withDefault =
        DatabricksCompute.builder().name("dbx").defaultCluster(existing).build();

    assertThat(notebook().cluster(CLUSTER).computeTarget(withDefault).build().effectiveCluster())
        .contains(CLUSTER);
    assertThat(
            notebook()
                .runconfig(RunConfiguration.builder().databricksCluster(CLUSTER).build())
                .build()
                .effectiveCluster())
        .contains(CLUSTER);
    assertThat(notebook().computeTarget(withDefault).build().effectiveCluster()).contains(existing);
    assertThat(notebook().build().effectiveCluster()).isEmpty();
  }

  @Test
  void timeoutAndRunName() {
    assertInvalid(
        () -> notebook().timeoutSeconds(0).build(),
        "timeoutSeconds",
        "DatabricksStep 'd': timeoutSeconds is 0; use a value of 1 or more");
    assertInvalid(
        () -> notebook().runName("").build(),
        "runName",
        "DatabricksStep 'd': runName is empty; give a non-empty value");
  }

  @Test
  void portsFollowTheSharedRules() {
    PipelineData data = PipelineData.of("data");
    assertInvalid(
        () ->
            notebook()
                .addInput(data)
                .addOutputs(PipelineData.builder().name("data").isDirectory(false).build())
                .build(),
        "outputs",
        "DatabricksStep 'd': outputs is 'data'; an output may not share its name with an input; rename the"
            + " input with asInput(name)");
    assertInvalid(
        () -> notebook().addInput(data).addInput(data).build(),
        "inputs",
        "DatabricksStep 'd': inputs is 'data'; give each input a different name (use asInput(name) to rename one)");
  }

  @Test
  void libraryChecks() {
    assertInvalid(
        () -> Library.maven("org.example:lib"),
        "coordinates",
        "Library.Maven: coordinates is 'org.example:lib'; use group:artifact:version");
    assertInvalid(
        () -> Library.pypi(""),
        "packageSpec",
        "Library.PyPi: packageSpec is empty; give a non-empty value");
    assertInvalid(
        () -> Library.jar(" "), "library", "Library.Jar: library is ' '; give a non-empty value");
    assertInvalid(
        () -> new Library.Egg(null),
        "library",
        "Library.Egg: library is missing; give a non-empty value");
    assertInvalid(
        () -> new Library.Whl(""),
        "library",
        "Library.Whl: library is empty; give a non-empty value");
    assertInvalid(
        () -> new Library.Cran("", null),
        "packageName",
        "Library.Cran: packageName is empty; give a non-empty value");
    assertThat(new Library.Maven("a:b:1", Optional.empty(), null).exclusions()).isEmpty();
  }
}
