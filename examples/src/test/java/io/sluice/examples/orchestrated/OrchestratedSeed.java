package io.sluice.examples.orchestrated;

import io.sluice.azureml.orchestrated.FakeWorkspaces;
import io.sluice.azureml.orchestrated.TwoScripts;
import io.sluice.core.Sluice;
import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.model.AmlCompute;
import io.sluice.core.model.AzureBlobDatastore;
import io.sluice.core.model.Secret;
import io.sluice.core.run.DuplicateRunPolicy;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.RunOptions;
import io.sluice.databricks.FakePolling;
import io.sluice.databricks.TestComputes;
import io.sluice.examples.seed.SeedPipeline;
import io.sluice.testing.azurite.AzuriteServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The seed pipeline under the {@code orchestrated} transport: the notebook on a (fake) Databricks
 * workspace, training on a (fake) Azure ML cluster, data on Azurite; {@link #main} runs it in a JVM
 * of its own, to be killed.
 *
 * @param seed the seed folder (sources)
 * @param runs the runs folder (journal)
 * @param databricksUrl the fake Databricks workspace
 * @param armUrl the fake Azure ML API
 * @param blobEndpoint Azurite's blob endpoint
 * @param rawContainer the container that holds {@code customers.csv}
 * @param workspaceContainer the container for intermediate data and outputs
 */
public record OrchestratedSeed(
    Path seed,
    Path runs,
    String databricksUrl,
    String armUrl,
    String blobEndpoint,
    String rawContainer,
    String workspaceContainer) {
  static final String TOKEN = "dapi" + "5eed" + "0rch" + "e57ra7edfeedface01234567";
  static final Secret TOKEN_SECRET = Secret.of("databricks-token", TOKEN);
  static final Secret STORAGE_KEY =
      Secret.of(AzuriteServer.ACCOUNT_KEY_REFERENCE, AzuriteServer.ACCOUNT_KEY);

  AzureBlobDatastore raw() {
    return TwoScripts.azuriteStore("raw", blobEndpoint, rawContainer);
  }

  AzureBlobDatastore workspace() {
    return TwoScripts.azuriteStore("workspaceblobstore", blobEndpoint, workspaceContainer);
  }

  PipelineRun submit(String runId, DuplicateRunPolicy policy) {
    FakeWorkspaces.pointAt(seed, armUrl);
    AmlCompute cluster =
        AmlCompute.builder().name("cpu-cluster").vmSize("STANDARD_DS3_V2").maxNodes(2).build();
    Map<String, String> settings = new HashMap<>(FakePolling.ORCHESTRATED);
    settings.putAll(Map.of("baseDirectory", seed.toString(), "runsDirectory", runs.toString()));
    return Sluice.transport("orchestrated", settings)
        .submit(
            PipelineCompiler.compile(
                SeedPipeline.build(
                    raw(),
                    workspace(),
                    TestComputes.databricks(databricksUrl, TOKEN_SECRET),
                    cluster),
                seed),
            RunOptions.builder()
                .runId(runId)
                .duplicateRunPolicy(policy)
                .addSecrets(TOKEN_SECRET, STORAGE_KEY)
                .build());
  }

  /**
   * Runs the pipeline to its end.
   *
   * @param args the record's fields in order, then the run id
   */
  public static void main(String[] args) {
    new OrchestratedSeed(
            Path.of(args[0]), Path.of(args[1]), args[2], args[3], args[4], args[5], args[6])
        .submit(args[7], DuplicateRunPolicy.REJECT)
        .waitForCompletion(Duration.ofMinutes(5));
  }

  /** Returns the arguments {@link #main} takes, with the run id. */
  String[] arguments(String runId) {
    return new String[] {
      seed.toString(),
      runs.toString(),
      databricksUrl,
      armUrl,
      blobEndpoint,
      rawContainer,
      workspaceContainer,
      runId
    };
  }
}
