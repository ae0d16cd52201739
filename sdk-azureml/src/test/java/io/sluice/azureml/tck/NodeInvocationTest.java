package io.sluice.azureml.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.testing.tck.StepInvocation;
import org.junit.jupiter.api.Test;

class NodeInvocationTest {
  private static final String OUT = "azureml://datastores/lake/paths/sluice/runs/r1/produce/raw/";

  private static JsonNode body(String consumeCommand) throws Exception {
    return new ObjectMapper()
        .readTree(
            ("{'properties':{'jobType':'Pipeline',"
                    + "'inputs':{'who':{'jobInputType':'literal','value':'the world'}},'jobs':{"
                    + "'produce':{'command':'python produce.py --raw ${{outputs.raw}}',"
                    + "'outputs':{'raw':{'jobOutputType':'uri_folder','uri':'"
                    + OUT
                    + "'}}},"
                    + "'consume':{'command':'"
                    + consumeCommand
                    + "','environmentVariables':{'AML_PARAMETER_n':'3','OTHER':'x'},"
                    + "'inputs':{'raw':{'jobInputType':'literal','value':'${{parent.jobs.produce.outputs.raw}}'},"
                    + "'who':{'jobInputType':'literal','value':'${{parent.inputs.who}}'},"
                    + "'file':{'jobInputType':'uri_file','uri':'azureml://datastores/lake/paths/in/a.csv'}}}}}}")
                .replace('\'', '"'));
  }

  @Test
  void placeholdersBecomeTheTextBoundToThemBeforeTheShellSplitsTheLine() throws Exception {
    StepInvocation consume =
        NodeInvocation.of(
            body(
                "python consume.py --raw ${{inputs.raw}} --file ${{inputs.file}} --who ${{inputs.who}}"),
            "consume");

    assertThat(consume.arguments())
        .containsExactly(
            "--raw",
            OUT.substring(0, OUT.length() - 1),
            "--file",
            "azureml://datastores/lake/paths/in/a.csv",
            "--who",
            "the",
            "world");
    assertThat(consume.environment()).containsOnlyKeys("AML_PARAMETER_n");
    assertThat(NodeInvocation.of(body("python consume.py"), "produce").argument("--raw"))
        .isEqualTo(consume.argument("--raw"));
  }

  @Test
  void aPlaceholderNamingNoPortOfItsNodeIsAnError() {
    assertThatThrownBy(
            () -> NodeInvocation.of(body("python consume.py --x ${{inputs.ghost}}"), "consume"))
        .hasMessageContaining("${{inputs.ghost}}");
  }
}
