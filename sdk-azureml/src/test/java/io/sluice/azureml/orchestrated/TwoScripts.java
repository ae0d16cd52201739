package io.sluice.azureml.orchestrated;

import io.sluice.core.Sluice;
import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.AmlCompute;
import io.sluice.core.model.AzureBlobDatastore;
import io.sluice.core.model.DatastoreCredential;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.model.Secret;
import io.sluice.core.run.DuplicateRunPolicy;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.RunOptions;
import io.sluice.testing.azurite.AzuriteServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Two script steps on an Azure ML cluster, the second training on the first's output on a shared
 * blob datastore (Azurite); {@link #main} runs it in a JVM of its own, to be killed.
 */
public final class TwoScripts {
  static final Secret LAKE_KEY =
      Secret.of(AzuriteServer.ACCOUNT_KEY_REFERENCE, AzuriteServer.ACCOUNT_KEY);

  private TwoScripts() {}

  static void writeSources(Path base) throws IOException {
    Files.createDirectories(base.resolve("src"));
    Files.writeString(base.resolve("src/prep.py"), "print('prep')\n");
    Files.writeString(base.resolve("src/train.py"), "print('train')\n");
  }

  /** The Azurite container as datastore {@code lake}, the same in every JVM. */
  static AzureBlobDatastore lake(String blobEndpoint, String container) {
    return azuriteStore("lake", blobEndpoint, container);
  }

  /**
   * A container of an Azurite server as a datastore, built the same in every JVM (a child JVM has
   * no handle on the server, only its endpoint).
   *
   * @param name the datastore's name
   * @param blobEndpoint Azurite's blob endpoint
   * @param container the container
   * @return the datastore, its key held as secret {@value AzuriteServer#ACCOUNT_KEY_REFERENCE}
   */
  public static AzureBlobDatastore azuriteStore(
      String name, String blobEndpoint, String container) {
    return AzureBlobDatastore.builder()
        .name(name)
        .accountName(AzuriteServer.ACCOUNT_NAME)
        .containerName(container)
        .protocol("http")
        .blobEndpoint(blobEndpoint)
        .credential(DatastoreCredential.accountKey(LAKE_KEY))
        .build();
  }

  static PipelineDefinition compile(Path base, AzureBlobDatastore lake) {
    AmlCompute cluster =
        AmlCompute.builder().name("cpu-cluster").vmSize("STANDARD_DS3_V2").maxNodes(2).build();
    PipelineData clean = PipelineData.of("clean_data");
    PipelineData model = PipelineData.of("model");
    PythonScriptStep prep =
        PythonScriptStep.builder()
            .name("prep")
            .sourceDirectory("src")
            .scriptName("prep.py")
            .addOutput(clean)
            .arguments("--output", clean)
            .computeTarget(cluster)
            .build();
    PythonScriptStep train =
        PythonScriptStep.builder()
            .name("train")
            .sourceDirectory("src")
            .scriptName("train.py")
            .addInput(clean)
            .addOutput(model)
            .arguments("--input", clean, "--output", model)
            .computeTarget(cluster)
            .build();
    return PipelineCompiler.compile(
        Pipeline.builder().name("two-scripts").defaultDatastore(lake).steps(prep, train).build(),
        base);
  }

  static PipelineRun submit(
      Path base, AzureBlobDatastore lake, String armUrl, String runId, DuplicateRunPolicy policy) {
    FakeWorkspaces.pointAt(base, armUrl);
    return Sluice.transport(
            "orchestrated", Map.of("baseDirectory", base.toString(), "parallelism", "4"))
        .submit(
            compile(base, lake),
            RunOptions.builder()
                .runId(runId)
                .duplicateRunPolicy(policy)
                .addSecrets(LAKE_KEY)
                .build());
  }

  /**
   * Runs the pipeline to its end.
   *
   * @param args the base directory, Azurite's blob endpoint, the container, the ARM URL and the run
   *     id
   */
  public static void main(String[] args) {
    submit(Path.of(args[0]), lake(args[1], args[2]), args[3], args[4], DuplicateRunPolicy.REJECT)
        .waitForCompletion(Duration.ofMinutes(5));
  }
}
