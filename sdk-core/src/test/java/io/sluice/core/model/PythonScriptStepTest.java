package io.sluice.core.model;

import static io.sluice.core.testing.ModelAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.definition.OutputMode;
import org.junit.jupiter.api.Test;

class PythonScriptStepTest {
  private static PythonScriptStep.Builder step() {
    return PythonScriptStep.builder().name("s").scriptName("train.py");
  }

  @Test
  void theNameDefaultsToTheScriptName() {
    assertThat(PythonScriptStep.builder().scriptName("train.py").build().name())
        .isEqualTo("train.py");
    assertThat(PythonScriptStep.builder().scriptName("src/my train.py").build().name())
        .isEqualTo("src_my_train.py");
    PythonScriptStep step = step().build();
    assertThat(step.allowReuse()).isTrue();
    assertThat(step.computeTarget()).isEmpty();
  }

  @Test
  void stepNames() {
    assertInvalid(
        () -> step().name("bad name").build(),
        "name",
        "PythonScriptStep 'bad name': name is 'bad name'; use 1 to 100 letters, digits, '_', '.' or '-',"
            + " starting with a letter, digit or '_', with no '..'");
    assertInvalid(
        () -> step().name("-lead").build(),
        "name",
        "PythonScriptStep '-lead': name is '-lead'; use 1 to 100 letters, digits, '_', '.' or '-',"
            + " starting with a letter, digit or '_', with no '..'");
    assertInvalid(
        () -> step().name("a..b").build(),
        "name",
        "PythonScriptStep 'a..b': name is 'a..b'; use 1 to 100 letters, digits, '_', '.' or '-',"
            + " starting with a letter, digit or '_', with no '..'");
    assertThat(step().name("prep_1.v2-x").build().name()).isEqualTo("prep_1.v2-x");
  }

  @Test
  void scriptNameIsRequired() {
    assertInvalid(
        () -> step().scriptName(" ").build(),
        "scriptName",
        "PythonScriptStep 's': scriptName is ' '; give a non-empty value");
  }

  @Test
  void blankOptionalTextIsRejected() {
    assertInvalid(
        () -> step().version("").build(),
        "version",
        "PythonScriptStep 's': version is empty; give a non-empty value");
    assertInvalid(
        () -> step().sourceDirectory(" ").build(),
        "sourceDirectory",
        "PythonScriptStep 's': sourceDirectory is ' '; give a non-empty value");
    assertInvalid(
        () -> step().addRunAfter("").build(),
        "runAfter",
        "PythonScriptStep 's': runAfter is empty; give a non-empty value");
  }

  @Test
  void onlyFourRunconfigPropertiesTakeParameters() {
    assertInvalid(
        () -> step().putRunconfigPipelineParam("Framework", PipelineParameter.of("f", 1)).build(),
        "runconfigPipelineParams",
        "PythonScriptStep 's': runconfigPipelineParams is 'Framework'; use one of MpiProcessCountPerNode,"
            + " NodeCount, TensorflowParameterServerCount, TensorflowWorkerCount");
    PythonScriptStep ok =
        step()
            .putRunconfigPipelineParam("NodeCount", PipelineParameter.of("nodes", 2))
            .putRunconfigPipelineParam("MpiProcessCountPerNode", PipelineParameter.of("procs", 4))
            .putRunconfigPipelineParam("TensorflowWorkerCount", PipelineParameter.of("workers", 2))
            .putRunconfigPipelineParam(
                "TensorflowParameterServerCount", PipelineParameter.of("ps", 1))
            .build();
    assertThat(ok.runconfigPipelineParams()).hasSize(4);
  }

  @Test
  void paramsAreWordsAndCarryNoData() {
    assertInvalid(
        () -> step().param("learning-rate", 0.1).build(),
        "params",
        "PythonScriptStep 's': params is 'learning-rate'; use only letters, digits and underscores");
    assertInvalid(
        () -> step().param("data", PipelineData.of("d")).build(),
        "params",
        "PythonScriptStep 's': params is 'data'; pass data to a script through inputs, outputs or"
            + " arguments, not params");
    PythonScriptStep ok =
        step().param("lr", 0.1).param("epochs", PipelineParameter.of("epochs", 3)).build();
    assertThat(ok.params())
        .containsEntry("lr", new Argument.Literal("0.1"))
        .containsEntry("epochs", new Argument.Parameter(PipelineParameter.of("epochs", 3)));
  }

  @Test
  void portsAreUnique() {
    PipelineData a = PipelineData.of("a");
    PipelineData b = PipelineData.of("b");
    assertInvalid(
        () -> step().addInput(a).addInputs(b.asInput("a")).build(),
        "inputs",
        "PythonScriptStep 's': inputs is 'a'; give each input a different name (use asInput(name) to rename one)");
    assertInvalid(
        () -> step().addOutputs(a, a).build(),
        "outputs",
        "PythonScriptStep 's': outputs is 'a'; give each output a different name");
  }

  @Test
  void anOutputMayNotShareAnInputsName() {
    PipelineData in = PipelineData.of("data");
    PipelineData out = PipelineData.builder().name("data").outputMode(OutputMode.UPLOAD).build();
    assertInvalid(
        () -> step().addInput(in).addOutputs(out).build(),
        "outputs",
        "PythonScriptStep 's': outputs is 'data'; an output may not share its name with an input; rename"
            + " the input with asInput(name)");
  }

  @Test
  void argumentsMixLiteralsPortsAndParameters() {
    PipelineData in = PipelineData.of("in");
    PipelineParameter<Integer> epochs = PipelineParameter.of("epochs", 3);
    PythonScriptStep step =
        step()
            .addInput(in)
            .arguments("--in", in, "--epochs", epochs, "--verbose", true)
            .environment(Environment.of("e"))
            .build();

    assertThat(step.arguments())
        .containsExactly(
            new Argument.Literal("--in"),
            new Argument.Port("in"),
            new Argument.Literal("--epochs"),
            new Argument.Parameter(epochs),
            new Argument.Literal("--verbose"),
            new Argument.Literal("true"));
    assertThat(step.environment()).contains(Environment.of("e"));
  }
}
