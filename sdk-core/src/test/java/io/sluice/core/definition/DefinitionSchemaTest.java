package io.sluice.core.definition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.model.AdlsGen2Datastore;
import io.sluice.core.model.AmlCompute;
import io.sluice.core.model.AzureBlobDatastore;
import io.sluice.core.model.ComputeTarget;
import io.sluice.core.model.DatabricksCluster;
import io.sluice.core.model.DatabricksCompute;
import io.sluice.core.model.DatabricksStep;
import io.sluice.core.model.DatastoreCredential;
import io.sluice.core.model.DbfsDatastore;
import io.sluice.core.model.Environment;
import io.sluice.core.model.FileDataset;
import io.sluice.core.model.InputBinding;
import io.sluice.core.model.Library;
import io.sluice.core.model.LocalDatastore;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PipelineParameter;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.model.RunConfiguration;
import io.sluice.core.model.Secret;
import io.sluice.core.model.TabularDataset;
import io.sluice.core.model.UnityCatalogVolumeDatastore;
import io.sluice.core.testing.DefinitionSchema;
import io.sluice.core.testing.SeedPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefinitionSchemaTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path base;

  /** Every datastore, credential, compute, library, parameter type, input kind and entry point. */
  private PipelineDefinition everything() throws IOException {
    Files.createDirectories(base.resolve("jobs"));
    Files.writeString(base.resolve("jobs/job.py"), "print(1)\n");
    Files.writeString(base.resolve("score.py"), "print(2)\n");
    AzureBlobDatastore blob =
        AzureBlobDatastore.builder()
            .name("blob")
            .accountName("acct01")
            .containerName("data")
            .protocol("http")
            .blobEndpoint("http://127.0.0.1:10000/devstoreaccount1")
            .credential(DatastoreCredential.sas(Secret.of("sas-token", "sv=2024&sig=x")))
            .build();
    AdlsGen2Datastore lake =
        AdlsGen2Datastore.builder()
            .name("lake")
            .accountName("acct02")
            .fileSystem("fs")
            .dfsEndpoint("https://acct02.dfs.core.windows.net")
            .credential(
                new DatastoreCredential.ServicePrincipal(
                    "tenant", "client", Secret.fromEnvironment("SP_SECRET")))
            .build();
    AzureBlobDatastore keyed =
        AzureBlobDatastore.builder()
            .name("keyed")
            .accountName("acct03")
            .containerName("c01")
            .credential(DatastoreCredential.accountKey(Secret.reference("kv:key")))
            .build();
    AzureBlobDatastore identity =
        AzureBlobDatastore.builder()
            .name("ident")
            .accountName("acct04")
            .containerName("c02")
            .build();
    DbfsDatastore dbfs = DbfsDatastore.of("dbfs");
    UnityCatalogVolumeDatastore volume =
        new UnityCatalogVolumeDatastore("volume", "main", "ml", "raw");
    LocalDatastore local = LocalDatastore.of("local", "/tmp/everything");
    DatabricksCompute dbx =
        DatabricksCompute.builder()
            .name("dbx")
            .workspaceUrl("https://adb-1.2.azuredatabricks.net")
            .resourceId(
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/w")
            .accessToken(Secret.fromEnvironment("DATABRICKS_TOKEN"))
            .defaultCluster(DatabricksCluster.existing("0101-abc"))
            .build();
    PipelineData fromJar = PipelineData.builder().name("from_jar").datastore(dbfs).build();
    PipelineData uploaded =
        PipelineData.builder()
            .name("uploaded")
            .datastore(lake)
            .outputMode(OutputMode.UPLOAD)
            .outputPathOnCompute("/tmp/out")
            .outputOverwrite(true)
            .isDirectory(false)
            .pipelineOutputName("scores")
            .build();
    PipelineData fromScript = PipelineData.builder().name("from_script").datastore(volume).build();
    PipelineParameter<Integer> nodes = PipelineParameter.of("nodes", 2);

    DatabricksStep jar =
        DatabricksStep.builder()
            .name("jar")
            .mainClassName("com.example.Main")
            .jarParams("--rows", PipelineParameter.of("rows", 1000L))
            .computeTarget(dbx)
            .addInputs(InputBinding.of("raw", volume.path("in")))
            .addOutputs(fromJar)
            .runconfig(
                RunConfiguration.builder()
                    .addDatabricksLibraries(
                        new Library.Maven(
                            "org.example:lib:1.0",
                            Optional.of("https://repo.example"),
                            List.of("org.bad:x")),
                        Library.jar("dbfs:/libs/main.jar"),
                        new Library.Egg("dbfs:/libs/x.egg"),
                        new Library.Whl("dbfs:/libs/x.whl"),
                        new Library.Cran("forecast", Optional.of("https://cran.example")),
                        new Library.PyPi(
                            "pandas==2.2.3", Optional.of("https://pypi.example/simple")))
                    .databricksCluster(
                        DatabricksCluster.builder()
                            .sparkVersion("15.4.x-scala2.12")
                            .instancePoolId("pool-1")
                            .driverNodeType("Standard_DS4_v2")
                            .minWorkers(1)
                            .maxWorkers(4)
                            .addInitScripts("dbfs:/init.sh")
                            .clusterLogPath("dbfs:/logs")
                            .build())
                    .build())
            .runName("jar-run")
            .version("1")
            .allowReuse(false)
            .build();
    DatabricksStep named =
        DatabricksStep.builder()
            .name("named")
            .sourceDirectory("jobs")
            .pythonScriptName("job.py")
            .pythonScriptParams("--flag", PipelineParameter.of("flag", true))
            .computeTarget(dbx)
            .addInput(fromJar)
            .addInputs(InputBinding.of("files", FileDataset.fromFiles(dbfs.path("files/*.json"))))
            .build();
    DatabricksStep path =
        DatabricksStep.builder()
            .name("path")
            .pythonScriptPath("dbfs:/scripts/x.py")
            .computeTarget(ComputeTarget.named("dbx-named"))
            .cluster(DatabricksCluster.existing("0202-def"))
            .runAfter(named)
            .build();
    DatabricksStep notebook =
        DatabricksStep.builder()
            .name("notebook")
            .notebookPath("/Shared/report")
            .notebookParam("flag", PipelineParameter.of("flag", true))
            .computeTarget(dbx)
            .runAfter(path)
            .build();
    PythonScriptStep score =
        PythonScriptStep.builder()
            .scriptName("score.py")
            .computeTarget(
                AmlCompute.builder()
                    .name("cpu")
                    .vmSize("Standard_DS3_v2")
                    .maxNodes(4)
                    .idleSecondsBeforeScaledown(120)
                    .build())
            .addInputs(
                InputBinding.of(
                    "table",
                    TabularDataset.builder()
                        .addPaths(blob.path("t.csv"), keyed.path("u.csv"))
                        .separator(";")
                        .header(false)
                        .encoding("latin1")
                        .putColumnType("x", ColumnType.DOUBLE)
                        .build()),
                InputBinding.of("ident", identity.path("i")).asDownload("/tmp/ident"),
                InputBinding.of("direct", local.path("d")).asDirect())
            .addOutputs(uploaded, fromScript)
            .arguments(
                "--threshold",
                PipelineParameter.of("threshold", 0.5),
                "--at",
                PipelineParameter.of("at", local.path("x")))
            .param("mode", PipelineParameter.of("mode", "fast"))
            .param("fixed", 3)
            .putRunconfigPipelineParam("NodeCount", nodes)
            .runconfig(
                RunConfiguration.builder()
                    .environment(
                        Environment.builder()
                            .name("full")
                            .pythonVersion("3.12")
                            .requirementsFile("req.txt")
                            .condaFile("conda.yml")
                            .dockerImage("mcr.microsoft.com/azureml/base")
                            .pipIndexUrl("https://pypi.example")
                            .putEnvironmentVariable("A", "B")
                            .build())
                    .maxRunDurationSeconds(600)
                    .putEnvironmentVariable("C", "D")
                    .build())
            .build();
    PythonScriptStep onLocal =
        PythonScriptStep.builder()
            .name("local_step")
            .scriptName("score.py")
            .computeTarget(ComputeTarget.local())
            .addInputs(fromScript.asDownload())
            .build();
    return PipelineCompiler.compile(
        Pipeline.builder()
            .name("everything")
            .continueOnStepFailure(true)
            .defaultDatastore(local)
            .steps(jar, named, path, notebook, score, onLocal)
            .build(),
        base);
  }

  @Test
  void aDefinitionUsingEveryFeatureValidatesAndRoundTrips() throws IOException {
    PipelineDefinition definition = everything();
    String json = definition.toJson();

    assertThat(DefinitionSchema.errors(json)).isEmpty();
    assertThat(PipelineDefinition.fromJson(json)).isEqualTo(definition);
    assertThat(PipelineDefinition.fromJson(json).toJson()).isEqualTo(json);
    assertThat(json).doesNotContain("sv=2024&sig=x");
    for (String type :
        List.of(
            "azureBlob",
            "adlsGen2",
            "dbfs",
            "unityCatalogVolume",
            "local",
            "sas",
            "servicePrincipal",
            "accountKey",
            "identity",
            "named",
            "databricks",
            "amlCompute",
            "maven",
            "pypi",
            "egg",
            "jar",
            "whl",
            "cran",
            "pythonScript",
            "databricksNotebook",
            "databricksPythonScript",
            "databricksPythonScriptName",
            "databricksJar")) {
      assertThat(json).contains("\"type\" : \"" + type + "\"");
    }
  }

  @Test
  void theSeedDefinitionValidates() {
    PipelineDefinition seed =
        PipelineCompiler.compile(SeedPipeline.pipeline(), SeedPipeline.baseDirectory());
    assertThat(DefinitionSchema.errors(seed.toJson())).isEmpty();
  }

  private List<String> errorsAfter(Consumer<ObjectNode> breakIt) throws IOException {
    ObjectNode tree = (ObjectNode) MAPPER.readTree(everything().toJson());
    breakIt.accept(tree);
    return DefinitionSchema.errors(tree);
  }

  private static ObjectNode step(ObjectNode tree, int index) {
    return (ObjectNode) tree.get("steps").get(index);
  }

  @Test
  void brokenDefinitionsFail() throws IOException {
    assertThat(errorsAfter(t -> t.put("schemaVersion", 1))).isNotEmpty();
    assertThat(errorsAfter(t -> t.remove("steps"))).isNotEmpty();
    assertThat(errorsAfter(t -> t.put("surprise", true))).isNotEmpty();
    assertThat(errorsAfter(t -> ((ObjectNode) step(t, 0).get("task")).put("type", "shell")))
        .isNotEmpty();
    assertThat(errorsAfter(t -> step(t, 0).remove("task"))).isNotEmpty();
    assertThat(errorsAfter(t -> ((ObjectNode) step(t, 0).get("task")).put("notebookPath", "x")))
        .isNotEmpty();
    assertThat(errorsAfter(t -> ((ObjectNode) step(t, 0).get("inputs").get(0)).put("mode", "COPY")))
        .isNotEmpty();
    assertThat(errorsAfter(t -> ((ObjectNode) t.get("datastores").get(0)).put("type", "s3")))
        .isNotEmpty();
    assertThat(errorsAfter(t -> ((ObjectNode) t.get("computes").get(0)).put("extra", 1)))
        .isNotEmpty();
    assertThat(errorsAfter(t -> ((ObjectNode) t.get("parameters").get(0)).put("type", "FLOAT")))
        .isNotEmpty();
    assertThat(errorsAfter(t -> ((ObjectNode) t.get("data").get(0)).put("outputMode", "STREAM")))
        .isNotEmpty();
    assertThat(
            errorsAfter(
                t ->
                    ((ArrayNode) step(t, 0).get("task").get("parameters"))
                        .addObject()
                        .put("literal", "a")
                        .put("port", "b")))
        .isNotEmpty();
    assertThat(
            errorsAfter(
                t -> ((ObjectNode) step(t, 0).get("fingerprint")).put("value", "not-a-hash")))
        .isNotEmpty();
  }

  @Test
  void aSecretValueInPlaceOfAReferenceFails() throws IOException {
    List<String> errors =
        errorsAfter(
            t -> {
              for (var store : t.get("datastores")) {
                if (store.has("credential") && store.get("credential").has("token")) {
                  ((ObjectNode) store.get("credential"))
                      .putObject("token")
                      .put("value", "sv=2024&sig=x");
                }
              }
            });
    assertThat(errors).isNotEmpty();
  }

  @Test
  void aParameterDefaultMustMatchItsType() throws IOException {
    assertThat(
            errorsAfter(
                t -> ((ObjectNode) t.get("parameters").get(0)).put("defaultValue", "not a path")))
        .isNotEmpty();
  }
}
