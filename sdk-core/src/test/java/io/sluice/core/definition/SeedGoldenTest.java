package io.sluice.core.definition;

import static io.sluice.core.testing.SeedPipeline.ACCOUNT_KEY_CANARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.compiler.PipelineValidationException;
import io.sluice.core.model.AzureBlobDatastore;
import io.sluice.core.model.InvalidModelException;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.testing.DefinitionSchema;
import io.sluice.core.testing.SeedPipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The seed-shaped pipeline compiles to the checked-in golden definition, byte for byte.
 *
 * <p>After an intended change to the definition format, regenerate the golden file with
 *
 * <pre>./mvnw -B -q -pl sdk-core test -Dtest=SeedGoldenTest -Dsluice.golden.update=true</pre>
 *
 * and review its diff before committing it.
 */
class SeedGoldenTest {
  /** Relative to the module folder, where the build runs tests. */
  private static final Path GOLDEN = Path.of("src/test/resources/golden/seed-pipeline.json");

  private static PipelineDefinition compile() {
    return PipelineCompiler.compile(SeedPipeline.pipeline(), SeedPipeline.baseDirectory());
  }

  @Test
  void compilesToTheGoldenDefinitionByteForByte() throws IOException {
    byte[] actual = compile().toJson().getBytes(StandardCharsets.UTF_8);
    if (Boolean.getBoolean("sluice.golden.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.write(GOLDEN, actual);
    }
    assertThat(GOLDEN).as("golden file; regenerate with -Dsluice.golden.update=true").exists();
    assertThat(new String(actual, StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    assertThat(actual).isEqualTo(Files.readAllBytes(GOLDEN));
  }

  @Test
  void goldenValidatesAgainstTheShippedSchema() throws IOException {
    assertThat(DefinitionSchema.errors(Files.readString(GOLDEN))).isEmpty();
  }

  @Test
  void goldenHoldsOnlyRelativePaths() throws IOException {
    String golden = Files.readString(GOLDEN);
    assertThat(golden)
        .contains("\"sourceDirectory\" : \"prep\"", "\"sourceDirectory\" : \"train\"")
        .doesNotContain(SeedPipeline.baseDirectory().toString(), "\\\\", "target/", "/work/");
  }

  @Test
  void compilingTwiceGivesIdenticalBytes() {
    assertThat(compile().toJson().getBytes(StandardCharsets.UTF_8))
        .isEqualTo(compile().toJson().getBytes(StandardCharsets.UTF_8));
    assertThat(compile()).isEqualTo(compile());
  }

  @Test
  void readingTheJsonBackGivesAnEqualDefinitionAndTheSameBytes() {
    PipelineDefinition definition = compile();
    PipelineDefinition back = PipelineDefinition.fromJson(definition.toJson());

    assertThat(back).isEqualTo(definition);
    assertThat(back.toJson()).isEqualTo(definition.toJson());
  }

  @Test
  void theDefinitionHasTheSeedShape() {
    PipelineDefinition definition = compile();

    assertThat(definition.steps())
        .extracting(StepDefinition::name)
        .containsExactly("prep", "train");
    assertThat(definition.step("train").orElseThrow().dependsOn()).containsExactly("prep");
    DatabricksTask.Notebook prep =
        (DatabricksTask.Notebook) definition.step("prep").orElseThrow().task();
    assertThat(prep.notebookPath()).isEqualTo("clean");
    assertThat(prep.notebookParams())
        .containsEntry("min_rows", ArgumentDefinition.parameter("min_rows"));
    assertThat(prep.cluster().sparkVersion()).isEqualTo("15.4.x-scala2.12");
    assertThat(definition.step("prep").orElseThrow().fingerprint().sources())
        .containsOnlyKeys("clean.py");
    assertThat(((PythonScriptTask) definition.step("train").orElseThrow().task()).arguments())
        .containsExactly(
            ArgumentDefinition.literal("--data"),
            ArgumentDefinition.port("cleaned"),
            ArgumentDefinition.literal("--epochs"),
            ArgumentDefinition.parameter("epochs"),
            ArgumentDefinition.literal("--model"),
            ArgumentDefinition.port("model"));
    assertThat(definition.parameters())
        .extracting(ParameterDefinition::name, p -> p.type().name(), p -> p.defaultValue().asInt())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("epochs", "INTEGER", 20),
            org.assertj.core.groups.Tuple.tuple("min_rows", "INTEGER", 100));
  }

  @Test
  void theAccountKeyAppearsNowhereInTheJson() {
    String json = compile().toJson();

    assertThat(json)
        .doesNotContain(ACCOUNT_KEY_CANARY)
        .contains(SeedPipeline.ACCOUNT_KEY_REFERENCE);
  }

  @Test
  void theAccountKeyAppearsInNoToString() {
    Pipeline pipeline = SeedPipeline.pipeline();
    AzureBlobDatastore datastore = SeedPipeline.datastore();

    assertThat(pipeline.toString()).doesNotContain(ACCOUNT_KEY_CANARY);
    pipeline.steps().forEach(s -> assertThat(s.toString()).doesNotContain(ACCOUNT_KEY_CANARY));
    assertThat(datastore.toString()).doesNotContain(ACCOUNT_KEY_CANARY);
    assertThat(datastore.credential().toString()).doesNotContain(ACCOUNT_KEY_CANARY);
    assertThat(compile().toString()).doesNotContain(ACCOUNT_KEY_CANARY);
    // the value is still there for a transport to hand to a secret store
    var key = ((io.sluice.core.model.DatastoreCredential.AccountKey) datastore.credential()).key();
    assertThat(key.value()).contains(ACCOUNT_KEY_CANARY);
  }

  @Test
  void theAccountKeyAppearsInNoExceptionMessage() {
    AzureBlobDatastore datastore = SeedPipeline.datastore();
    // a model check on the datastore that holds the key
    Throwable invalid =
        catchThrowable(
            () ->
                AzureBlobDatastore.builder()
                    .from(datastore)
                    .containerName("Bad_Container")
                    .build());
    assertThat(invalid).isInstanceOf(InvalidModelException.class);
    assertThat(invalid.getMessage()).doesNotContain(ACCOUNT_KEY_CANARY);

    // a compiler problem that prints the datastore: two different datastores under one name
    AzureBlobDatastore other =
        AzureBlobDatastore.builder().from(datastore).accountName("other").build();
    PythonScriptStep write =
        PythonScriptStep.builder()
            .scriptName("train.py")
            .sourceDirectory("train")
            .addOutputs(PipelineData.builder().name("elsewhere").datastore(other).build())
            .build();
    Pipeline pipeline = Pipeline.builder().from(SeedPipeline.pipeline()).addSteps(write).build();
    Throwable problems =
        catchThrowable(() -> PipelineCompiler.compile(pipeline, SeedPipeline.baseDirectory()));
    assertThat(problems)
        .isInstanceOf(PipelineValidationException.class)
        .hasMessageContaining("Datastore 'seed_blob' has two different definitions");
    assertThat(problems.getMessage()).doesNotContain(ACCOUNT_KEY_CANARY);
  }
}
