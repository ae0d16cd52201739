package io.sluice.azureml.transport;

import static io.sluice.azureml.ArmMock.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.azureml.models.CommandJob;
import io.sluice.azureml.models.PipelineJob;
import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.AmlCompute;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineParameter;
import io.sluice.core.model.PythonScriptStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline job a definition becomes: its command lines and its ordering-only edges. */
class PipelineJobCompilerTest {
  static final PipelineParameter<String> WHO = PipelineParameter.of("who", "the world");

  private static PipelineDefinition twoSteps(Path dir) throws Exception {
    Files.writeString(dir.resolve("s.py"), "print('s')\n");
    AmlCompute cpu = AmlCompute.builder().name("cpu").vmSize("Standard_DS3_v2").maxNodes(1).build();
    PythonScriptStep first =
        PythonScriptStep.builder()
            .name("first")
            .sourceDirectory(".")
            .scriptName("s.py")
            .computeTarget(cpu)
            .arguments("--who", WHO, "--note", "two words")
            .build();
    PythonScriptStep second =
        PythonScriptStep.builder()
            .name("second")
            .sourceDirectory(".")
            .scriptName("s.py")
            .computeTarget(cpu)
            .runAfter(first)
            .allowReuse(false)
            .build();
    return PipelineCompiler.compile(Pipeline.builder().name("p").steps(first, second).build(), dir);
  }

  private static PipelineJob compile(
      PipelineDefinition definition, Map<String, String> parameters, boolean forceRerun) {
    Map<String, CompiledStep> assets = new LinkedHashMap<>();
    definition
        .steps()
        .forEach(
            s ->
                assets.put(
                    s.name(),
                    new CompiledStep(
                        s.name(),
                        WS + "/codes/c/versions/1",
                        AzureMlTransport.DEFAULT_ENVIRONMENT)));
    return new PipelineJobCompiler(definition, WS, null)
        .compile("run-1", "run-1_attempt2", parameters, assets, "p", forceRerun);
  }

  @Test
  void everyPlaceholderAndLiteralIsQuotedForTheShell(@TempDir Path dir) throws Exception {
    PipelineJob job = compile(twoSteps(dir), Map.of("who", "the world"), false);
    assertThat(job.getJobs().get("first").getCommand())
        .isEqualTo("python s.py --who '${{inputs.who}}' --note 'two words'");
  }

  @Test
  void aParameterValueWithASingleQuoteIsDoubleQuoted(@TempDir Path dir) throws Exception {
    PipelineJob job = compile(twoSteps(dir), Map.of("who", "o'brien"), false);
    assertThat(job.getJobs().get("first").getCommand()).contains("--who \"${{inputs.who}}\"");
  }

  @Test
  void aParameterValueNoQuotingKeepsWholeIsRefusedBeforeAnyRequest(@TempDir Path dir)
      throws Exception {
    PipelineDefinition definition = twoSteps(dir);
    assertThatThrownBy(
            () ->
                new PipelineJobCompiler(definition, WS, null)
                    .checkSupported(Map.of("who", "o'brien costs $5")))
        .isInstanceOf(AzureMlTransportException.class)
        .hasMessageStartingWith("Parameter 'who' of step 'first' holds a single quote and one of");
  }

  @Test
  void aRunAfterEdgeIsBoundToAControlOutputOfTheEarlierNode(@TempDir Path dir) throws Exception {
    PipelineJob job = compile(twoSteps(dir), Map.of("who", "x"), false);
    CommandJob first = job.getJobs().get("first");
    CommandJob second = job.getJobs().get("second");
    assertThat(first.getOutputs()).containsOnlyKeys(PipelineJobCompiler.RUN_AFTER_OUTPUT);
    assertThat(first.getOutputs().get(PipelineJobCompiler.RUN_AFTER_OUTPUT).getUri()).isNull();
    assertThat(second.getInputs()).containsOnlyKeys(PipelineJobCompiler.RUN_AFTER_INPUT + "1");
    assertThat(second.getInputs().get(PipelineJobCompiler.RUN_AFTER_INPUT + "1").getValue())
        .isEqualTo("${{parent.jobs.first.outputs.sluice_run_after}}");
    assertThat(second.getCommand()).isEqualTo("python s.py");
  }

  @Test
  void forceRerunIsAPipelineSetting(@TempDir Path dir) throws Exception {
    PipelineDefinition definition = twoSteps(dir);
    assertThat(compile(definition, Map.of("who", "x"), true).getSettings())
        .containsEntry("force_rerun", true);
    assertThat(compile(definition, Map.of("who", "x"), false).getSettings())
        .doesNotContainKey("force_rerun");
  }

  @Test
  void aStepThatMustNotBeReusedDiffersInEachAttempt(@TempDir Path dir) throws Exception {
    PipelineJob job = compile(twoSteps(dir), Map.of("who", "x"), false);
    assertThat(job.getJobs().get("second").getEnvironmentVariables())
        .containsEntry(PipelineJobCompiler.NO_REUSE_VARIABLE, "run-1_attempt2");
    assertThat(job.getJobs().get("first").getEnvironmentVariables())
        .doesNotContainKey(PipelineJobCompiler.NO_REUSE_VARIABLE);
  }
}
