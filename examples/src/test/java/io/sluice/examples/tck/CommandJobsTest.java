package io.sluice.examples.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandJobsTest {
  private static final String LAKE =
      "{\"properties\":{\"datastoreType\":\"AzureBlob\",\"accountName\":\"acct\","
          + "\"containerName\":\"work\",\"endpoint\":\"core.windows.net\"}}";

  @Test
  void aCommandIsSplitAsTheShellSplitsIt() {
    assertThat(
            CommandJobs.shellWords("python 'my script.py' 'it'\"'\"'s' \"a \\\"b\\\"\" c\\ d  e"))
        .containsExactly("python", "my script.py", "it's", "a \"b\"", "c d", "e");
  }

  @Test
  void bindingsAreReplacedByTheirValuesAndLocations() {
    String job =
        "{\"properties\":{\"command\":\"python run.py --raw ${{outputs.raw}} --n ${{inputs.n}}"
            + " --in ${{inputs.in}} --other ${{inputs.other}}\","
            + "\"inputs\":{\"n\":{\"jobInputType\":\"literal\",\"value\":\"3\"},"
            + "\"in\":{\"jobInputType\":\"uri_file\",\"uri\":\"azureml://datastores/lake/paths/in/a.csv\"},"
            + "\"other\":{\"jobInputType\":\"uri_folder\",\"uri\":\"azureml://datastores/elsewhere/paths/x/\"}},"
            + "\"outputs\":{\"raw\":{\"jobOutputType\":\"uri_folder\","
            + "\"uri\":\"azureml://datastores/lake/paths/sluice/runs/r/s/raw/\"}},"
            + "\"environmentVariables\":{\"AML_PARAMETER_n\":\"3\",\"PATH\":\"/bin\"}}}";

    var invocation =
        new CommandJobs(Map.of("lake", CommandJobs.json(LAKE))).invocation(CommandJobs.json(job));

    assertThat(invocation.arguments())
        .containsExactly(
            "--raw", "wasbs://work@acct.blob.core.windows.net/sluice/runs/r/s/raw",
            "--n", "3",
            "--in", "wasbs://work@acct.blob.core.windows.net/in/a.csv",
            "--other", "azureml://datastores/elsewhere/paths/x");
    assertThat(invocation.environment()).containsOnly(Map.entry("AML_PARAMETER_n", "3"));
  }

  @Test
  void aLiteralOnADatastoreIsReadAsTheLocationADataInputOfItHas() {
    String job =
        "{\"properties\":{\"command\":\"python run.py --source ${{inputs.source}} --direct ${{inputs.direct}}"
            + " --name ${{inputs.name}}\","
            + "\"inputs\":{\"source\":{\"jobInputType\":\"literal\",\"value\":\"azureml://datastores/lake/paths/in/a.csv\"},"
            + "\"direct\":{\"jobInputType\":\"uri_file\",\"mode\":\"Direct\","
            + "\"uri\":\"azureml://datastores/lake/paths/in/a.csv\"},"
            + "\"name\":{\"jobInputType\":\"literal\",\"value\":\"in/\"}},"
            + "\"environmentVariables\":{\"AML_PARAMETER_source\":\"azureml://datastores/lake/paths/in/a.csv\"}}}";

    var invocation =
        new CommandJobs(Map.of("lake", CommandJobs.json(LAKE))).invocation(CommandJobs.json(job));

    String location = "wasbs://work@acct.blob.core.windows.net/in/a.csv";
    assertThat(invocation.arguments())
        .containsExactly("--source", location, "--direct", location, "--name", "in/");
    assertThat(invocation.environment()).containsOnly(Map.entry("AML_PARAMETER_source", location));
  }

  @Test
  void aDatastoreRegistrationIsReadWithoutItsSecrets() {
    String body =
        "{\"properties\":{\"accountName\":\"acct\",\"credentials\":{\"credentialsType\":\"AccountKey\","
            + "\"secrets\":{\"secretsType\":\"AccountKey\",\"key\":\"s3cr3t\"}}}}";

    assertThat(CommandJobs.withoutDatastoreSecrets("datastores/lake", body))
        .contains("acct", "AccountKey")
        .doesNotContain("s3cr3t");
    assertThat(CommandJobs.withoutDatastoreSecrets("jobs/j", body)).isEqualTo(body);
  }
}
