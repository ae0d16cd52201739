package io.sluice.examples.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.azureml.datastore.BlobDatastoreIo;
import io.sluice.core.Sluice;
import io.sluice.core.compiler.ModelTranslation;
import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.model.AzureBlobDatastore;
import io.sluice.core.model.Secret;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.RunOptions;
import io.sluice.core.run.RunState;
import io.sluice.testing.azurite.AzuriteExtension;
import io.sluice.testing.azurite.AzuriteServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed pipeline with Azure Blob datastores on Azurite: the notebook reads its input from a
 * container through its {@code wasbs://} widget and writes its output to another container, as it
 * would on Databricks; the training step reads that output.
 */
// Longer than the run's own 30-minute wait: on a machine without them yet, the run first builds
// the training step's virtualenv (scikit-learn, mlflow) and one with PySpark.
@Timeout(value = 35, unit = TimeUnit.MINUTES)
@ExtendWith(AzuriteExtension.class)
class BlobSeedPipelineIT {
  @TempDir Path work;

  @Test
  void theNotebookStepReadsAndWritesBlobContainers(AzuriteServer azurite) throws Exception {
    azurite.createContainer("raw");
    azurite.createContainer("workspace");
    AzureBlobDatastore raw = azurite.datastore("raw", "raw");
    AzureBlobDatastore workspace = azurite.datastore("workspaceblobstore", "workspace");
    BlobDatastoreIo blobs = new BlobDatastoreIo();
    Path seed = Path.of("src/main/resources/seed").toAbsolutePath();
    blobs.upload(
        seed.resolve("data/customers.csv"),
        ModelTranslation.datastore(raw),
        "customers.csv",
        azurite.secrets());

    PipelineRun run =
        Sluice.transport(
                "local",
                Map.of(
                    "baseDirectory",
                    seed.toString(),
                    "runsDirectory",
                    work.resolve("runs").toString()))
            .submit(
                PipelineCompiler.compile(SeedPipeline.build(raw, workspace), seed),
                RunOptions.builder()
                    .addSecrets(
                        Secret.of(AzuriteServer.ACCOUNT_KEY_REFERENCE, AzuriteServer.ACCOUNT_KEY))
                    .build());

    assertThat(run.waitForCompletion(Duration.ofMinutes(30))).isEqualTo(RunState.COMPLETED);
    assertThat(run.outputs().get("clean_data").toString())
        .isEqualTo(
            "wasbs://workspace@devstoreaccount1.blob.core.windows.net/sluice/runs/"
                + run.id()
                + "/prep/clean_data");
    Path downloaded = work.resolve("clean");
    blobs.download(
        ModelTranslation.datastore(workspace),
        "sluice/runs/" + run.id() + "/prep/clean_data",
        downloaded,
        azurite.secrets());
    List<Path> csvs;
    try (Stream<Path> files = Files.walk(downloaded)) {
      csvs = files.filter(p -> p.toString().endsWith(".csv")).toList();
    }
    assertThat(csvs).hasSize(1);
    assertThat(Files.readAllLines(csvs.get(0)))
        .hasSizeGreaterThan(1900)
        .first()
        .asString()
        .contains("customer_id");
    assertThat(filesContaining(work.resolve("runs"), AzuriteServer.ACCOUNT_KEY))
        .as("files of the run folder holding the account key (definition, journal, logs, secrets)")
        .isEmpty();
    Path model = work.resolve("model");
    blobs.download(
        ModelTranslation.datastore(workspace),
        "sluice/runs/" + run.id() + "/train/model",
        model,
        azurite.secrets());
    assertThat(model.resolve("model/MLmodel")).exists();
  }

  private static List<Path> filesContaining(Path folder, String secret) throws java.io.IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !f.toString().contains("/mlruns/") && f.toFile().length() < 50_000_000)
          .filter(
              f -> {
                try {
                  return new String(
                          Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)
                      .contains(secret);
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }
}
