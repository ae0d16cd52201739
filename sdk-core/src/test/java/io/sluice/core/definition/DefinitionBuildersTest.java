package io.sluice.core.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.SluiceException;
import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.testing.SeedPipeline;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each definition builder puts every value in its own component (all values differ, so a swap
 * shows), and {@code toBuilder()} carries every value over.
 */
class DefinitionBuildersTest {
  private static final ArgumentDefinition STRICT = ArgumentDefinition.literal("strict");
  private static final ClusterDefinition CLUSTER =
      new ClusterDefinition(
          null,
          "15.4.x-scala2.12",
          "Standard_DS3_v2",
          "Standard_DS4_v2",
          "pool-1",
          2,
          1,
          8,
          Map.of("spark.speculation", "true"),
          Map.of("MODE", "strict"),
          List.of("/Volumes/main/init/setup.sh"),
          "dbfs:/logs",
          true);

  @Test
  void aCompiledDefinitionAndItsStepsRebuildToTheSameBytes() {
    PipelineDefinition seed =
        PipelineCompiler.compile(SeedPipeline.pipeline(), SeedPipeline.baseDirectory());

    PipelineDefinition rebuilt =
        seed.toBuilder()
            .steps(seed.steps().stream().map(s -> s.toBuilder().build()).toList())
            .build();

    assertThat(rebuilt).isEqualTo(seed);
    assertThat(rebuilt.toJson()).isEqualTo(seed.toJson());
  }

  @Test
  void theClusterBuilderFillsEachComponent() {
    ClusterDefinition built =
        ClusterDefinition.builder()
            .sparkVersion("15.4.x-scala2.12")
            .nodeType("Standard_DS3_v2")
            .driverNodeType("Standard_DS4_v2")
            .instancePoolId("pool-1")
            .numWorkers(2)
            .minWorkers(1)
            .maxWorkers(8)
            .sparkConf(Map.of("spark.speculation", "true"))
            .sparkEnvVariables(Map.of("MODE", "strict"))
            .initScripts(List.of("/Volumes/main/init/setup.sh"))
            .clusterLogPath("dbfs:/logs")
            .permitClusterRestart(true)
            .build();

    assertThat(built).isEqualTo(CLUSTER);
    assertThat(ClusterDefinition.existing("0101-1"))
        .isEqualTo(
            new ClusterDefinition(
                "0101-1", null, null, null, null, null, null, null, null, null, null, null, false));
  }

  @Test
  void theAmlComputeBuilderFillsEachComponentAndDefaultsToZeroToOneNode() {
    assertThat(
            ComputeDefinition.AmlCompute.builder()
                .name("cpu")
                .vmSize("Standard_DS3_v2")
                .minNodes(2)
                .maxNodes(4)
                .idleSecondsBeforeScaledown(120)
                .build())
        .isEqualTo(new ComputeDefinition.AmlCompute("cpu", "Standard_DS3_v2", 2, 4, 120));
    assertThat(ComputeDefinition.AmlCompute.builder().name("cpu").build())
        .isEqualTo(new ComputeDefinition.AmlCompute("cpu", null, 0, 1, null));
  }

  @Test
  void theDatabricksTaskBuilderMakesTheTaskOfItsEntryPoint() {
    List<ArgumentDefinition> argv = List.of(STRICT);

    assertThat(
            DatabricksTask.builder()
                .notebook("prep", Map.of("mode", STRICT))
                .cluster(CLUSTER)
                .libraries(List.of(new LibraryDefinition.Jar("/Volumes/main/libs/a.jar")))
                .environment("prep-env")
                .runName("prep run")
                .timeoutSeconds(600)
                .build())
        .isEqualTo(
            new DatabricksTask.Notebook(
                "prep",
                Map.of("mode", STRICT),
                CLUSTER,
                List.of(new LibraryDefinition.Jar("/Volumes/main/libs/a.jar")),
                "prep-env",
                "prep run",
                600));
    assertThat(DatabricksTask.builder().pythonScript("dbfs:/a.py", argv).build())
        .isEqualTo(
            new DatabricksTask.PythonScript("dbfs:/a.py", argv, null, null, null, null, null));
    assertThat(DatabricksTask.builder().pythonScriptName("a.py", argv).build())
        .isEqualTo(new DatabricksTask.PythonScriptName("a.py", argv, null, null, null, null, null));
    assertThat(
            DatabricksTask.builder()
                .notebook("prep", Map.of())
                .jar("com.example.Main", argv)
                .build())
        .isEqualTo(new DatabricksTask.Jar("com.example.Main", argv, null, null, null, null, null));
    assertThatThrownBy(() -> DatabricksTask.builder().timeoutSeconds(60).build())
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("no entry point");
  }

  @Test
  void theStepPartBuildersFillEachComponent() {
    DatasetDefinition dataset =
        DatasetDefinition.builder()
            .kind("tabular")
            .paths(List.of(new DataPathDefinition("raw", "customers.csv")))
            .separator(";")
            .header(true)
            .encoding("utf-8")
            .columnTypes(Map.of("age", ColumnType.INTEGER))
            .build();
    assertThat(dataset)
        .isEqualTo(
            new DatasetDefinition(
                "tabular",
                List.of(new DataPathDefinition("raw", "customers.csv")),
                ";",
                true,
                "utf-8",
                Map.of("age", ColumnType.INTEGER)));
    assertThat(
            InputDefinition.builder()
                .name("raw")
                .mode(InputMode.DOWNLOAD)
                .pathOnCompute("/mnt/raw")
                .data("clean")
                .dataset(dataset)
                .path(new DataPathDefinition("raw", "x"))
                .build())
        .isEqualTo(
            new InputDefinition(
                "raw",
                InputMode.DOWNLOAD,
                "/mnt/raw",
                "clean",
                dataset,
                new DataPathDefinition("raw", "x")));
    assertThat(
            DataDefinition.builder()
                .name("clean")
                .datastore("store")
                .outputMode(OutputMode.UPLOAD)
                .directory(true)
                .outputPathOnCompute("/tmp/out")
                .outputOverwrite(false)
                .pipelineOutputName("cleaned")
                .producer("prep")
                .consumers(List.of("train"))
                .build())
        .isEqualTo(
            new DataDefinition(
                "clean",
                "store",
                OutputMode.UPLOAD,
                true,
                "/tmp/out",
                false,
                "cleaned",
                "prep",
                List.of("train")));
    assertThat(
            PythonScriptTask.builder()
                .scriptName("train.py")
                .arguments(List.of(STRICT))
                .environment("train-env")
                .maxRunDurationSeconds(3600)
                .nodeCount(2)
                .environmentVariables(Map.of("A", "1"))
                .runconfigPipelineParams(Map.of("B", "b"))
                .params(Map.of("c", STRICT))
                .build())
        .isEqualTo(
            new PythonScriptTask(
                "train.py",
                List.of(STRICT),
                "train-env",
                3600,
                2,
                Map.of("A", "1"),
                Map.of("B", "b"),
                Map.of("c", STRICT)));
    assertThat(PythonScriptTask.builder().scriptName("train.py").build().nodeCount()).isEqualTo(1);
  }

  @Test
  void theEnvironmentAndDatastoreBuildersFillEachComponent() {
    assertThat(
            EnvironmentDefinition.builder()
                .name("train")
                .pythonVersion("3.11")
                .pipPackages(List.of("pandas==2.2.3"))
                .requirementsFile("requirements.txt")
                .condaFile("conda.yml")
                .dockerImage("python:3.11")
                .pipIndexUrl("https://pypi.example/simple")
                .environmentVariables(Map.of("A", "1"))
                .build())
        .isEqualTo(
            new EnvironmentDefinition(
                "train",
                "3.11",
                List.of("pandas==2.2.3"),
                "requirements.txt",
                "conda.yml",
                "python:3.11",
                "https://pypi.example/simple",
                Map.of("A", "1")));
    DatastoreDefinition.AzureBlob blob =
        DatastoreDefinition.AzureBlob.builder()
            .name("raw")
            .accountName("acct")
            .containerName("data")
            .endpointSuffix("core.windows.net")
            .protocol("https")
            .blobEndpoint("https://acct.blob.core.windows.net")
            .credential(new DatastoreCredentialDefinition.Identity())
            .build();
    assertThat(blob)
        .isEqualTo(
            new DatastoreDefinition.AzureBlob(
                "raw",
                "acct",
                "data",
                "core.windows.net",
                "https",
                "https://acct.blob.core.windows.net",
                new DatastoreCredentialDefinition.Identity()));
    assertThat(blob.toBuilder().build()).isEqualTo(blob);
    assertThat(
            DatastoreDefinition.AdlsGen2.builder()
                .name("lake")
                .accountName("acct")
                .fileSystem("fs")
                .endpointSuffix("core.chinacloudapi.cn")
                .dfsEndpoint("https://acct.dfs.core.chinacloudapi.cn")
                .credential(new DatastoreCredentialDefinition.Identity())
                .build())
        .isEqualTo(
            new DatastoreDefinition.AdlsGen2(
                "lake",
                "acct",
                "fs",
                "core.chinacloudapi.cn",
                "https://acct.dfs.core.chinacloudapi.cn",
                new DatastoreCredentialDefinition.Identity()));
  }
}
