package io.sluice.core.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.testing.SeedPipeline;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Definitions are checked whoever builds them: each case edits the seed pipeline's compiled JSON by
 * hand and reads it back. Steps: {@code [0]} prep (Databricks, writes cleaned), {@code [1]} train
 * (script, reads cleaned, writes model).
 */
class DefinitionChecksTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String SEED_JSON =
      PipelineCompiler.compile(SeedPipeline.pipeline(), SeedPipeline.baseDirectory()).toJson();

  private static ObjectNode seed() {
    try {
      return (ObjectNode) MAPPER.readTree(SEED_JSON);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode step(ObjectNode definition, int index) {
    return (ObjectNode) definition.withArray("steps").get(index);
  }

  private static List<DefinitionProblem> problems(Consumer<ObjectNode> edit) {
    ObjectNode definition = seed();
    edit.accept(definition);
    String json = definition.toString();
    return catchThrowableOfType(
            InvalidDefinitionException.class, () -> PipelineDefinition.fromJson(json))
        .problems();
  }

  private static DefinitionProblem problem(String path, String message) {
    return new DefinitionProblem(path, message);
  }

  @Test
  void theSeedDefinitionReadsBackEqual() {
    PipelineDefinition compiled =
        PipelineCompiler.compile(SeedPipeline.pipeline(), SeedPipeline.baseDirectory());
    assertThat(PipelineDefinition.fromJson(SEED_JSON)).isEqualTo(compiled);
  }

  @Test
  void aCycleIsShownAsAPath() {
    assertThat(problems(d -> step(d, 0).putArray("dependsOn").add("train")))
        .containsExactly(
            problem(
                "steps[0].dependsOn[0]",
                "the steps form a cycle: prep -> train -> prep; remove one of these dependencies"));
  }

  @Test
  void stepsAreListedDependenciesFirst() {
    assertThat(
            problems(
                d -> {
                  ArrayNode steps = d.withArray("steps");
                  steps.add(steps.remove(0));
                }))
        .containsExactly(
            problem(
                "steps[0].dependsOn[0]",
                "step 'prep' is listed after this step, as steps[1]; list each step after the steps it depends on"));
  }

  @Test
  void aDanglingStepReference() {
    assertThat(problems(d -> step(d, 1).withArray("dependsOn").add("ghost")))
        .containsExactly(
            problem(
                "steps[1].dependsOn[1]",
                "step 'ghost' is not in steps; name a step of the pipeline or remove the dependency"));
  }

  @Test
  void aDanglingDataReference() {
    assertThat(
            problems(
                d -> ((ObjectNode) step(d, 1).withArray("inputs").get(0)).put("data", "ghost")))
        .containsExactly(
            problem(
                "steps[1].inputs[0].data",
                "data 'ghost' is not in data; name one that is, or add it to data"),
            problem(
                "data[0].consumers[0]",
                "step 'train' does not read 'cleaned'; remove it from consumers or give the step an input"
                    + " that reads it"));
  }

  @Test
  void anInputWhoseProducerIsNotADependency() {
    assertThat(problems(d -> step(d, 1).putArray("dependsOn")))
        .containsExactly(
            problem(
                "steps[1].inputs[0].data",
                "data 'cleaned' is written by step 'prep', which is not in dependsOn; add 'prep' to dependsOn"));
  }

  @Test
  void aDependencyOfAnEarlierStepIsNotOneOfALaterStep() {
    assertThat(
            problems(
                d -> {
                  ObjectNode evaluate = step(d, 1).deepCopy();
                  evaluate.put("name", "evaluate").putArray("dependsOn");
                  evaluate.putArray("outputs");
                  ((ObjectNode) evaluate.get("task"))
                      .putArray("arguments")
                      .add(MAPPER.createObjectNode().put("port", "cleaned"));
                  d.withArray("steps").add(evaluate);
                  ((ObjectNode) d.withArray("data").get(0))
                      .putArray("consumers")
                      .add("evaluate")
                      .add("train");
                }))
        .containsExactly(
            problem(
                "steps[2].inputs[0].data",
                "data 'cleaned' is written by step 'prep', which is not in dependsOn; add 'prep' to dependsOn"));
  }

  @Test
  void aDuplicateStepName() {
    assertThat(problems(d -> step(d, 1).put("name", "prep")))
        .contains(
            problem(
                "steps[1].name",
                "'prep' is also the name of steps[0]; give each step a unique name"));
  }

  @Test
  void aPathLikeStepName() {
    String rule =
        "use 1 to 100 letters, digits, '_', '.' or '-', starting with a letter, digit or '_',"
            + " with no '..'";
    assertThat(problems(d -> step(d, 1).put("name", "../x")))
        .contains(problem("steps[1].name", "step name '../x' is not allowed; " + rule));
    assertThat(problems(d -> step(d, 1).put("name", "a/b")))
        .contains(problem("steps[1].name", "step name 'a/b' is not allowed; " + rule));
    assertThat(problems(d -> step(d, 1).put("name", "a..b")))
        .contains(problem("steps[1].name", "step name 'a..b' is not allowed; " + rule));
  }

  @Test
  void anIntegerDefaultOutsideIntIsRefusedNotWrapped() {
    assertThat(
            problems(
                d ->
                    ((ObjectNode) d.withArray("parameters").get(0))
                        .put("defaultValue", 3_000_000_000L)))
        .containsExactly(
            problem(
                "parameters[0].defaultValue",
                "the INTEGER default 3000000000 of parameter 'epochs' is outside the INTEGER range -2147483648 to"
                    + " 2147483647; use a LONG parameter or a smaller value"));
    assertThat(
            problems(
                d -> ((ObjectNode) d.withArray("parameters").get(0)).put("defaultValue", "20")))
        .containsExactly(
            problem(
                "parameters[0].defaultValue",
                "the INTEGER default \"20\" of parameter 'epochs' is not a whole number"));
  }

  @Test
  void anArgumentNamingAnUnknownParameter() {
    assertThat(
            problems(
                d ->
                    ((ObjectNode)
                            step(d, 1).withObjectProperty("task").withArray("arguments").get(3))
                        .put("parameter", "ghost")))
        .containsExactly(
            problem(
                "steps[1].task.arguments[3].parameter",
                "parameter 'ghost' is not in parameters; name one that is, or add it to parameters"));
    assertThat(
            problems(
                d ->
                    ((ObjectNode)
                            step(d, 0)
                                .withObjectProperty("task")
                                .withObjectProperty("notebookParams")
                                .get("min_rows"))
                        .put("parameter", "ghost")))
        .containsExactly(
            problem(
                "steps[0].task.notebookParams.min_rows.parameter",
                "parameter 'ghost' is not in parameters; name one that is, or add it to parameters"));
  }

  @Test
  void aStepWithNoTask() {
    assertThat(problems(d -> step(d, 1).remove("task")))
        .containsExactly(
            problem(
                "steps[1]",
                "step 'train' has no task; give it a task of type pythonScript,"
                    + " databricksNotebook, databricksPythonScript, databricksPythonScriptName or databricksJar"));
  }

  @Test
  void aTaskWithoutItsEntryPoint() {
    assertThat(problems(d -> step(d, 0).withObjectProperty("task").remove("notebookPath")))
        .containsExactly(
            problem(
                "steps[0].task.notebookPath", "notebookPath is missing; give the notebook to run"));
    assertThat(problems(d -> step(d, 1).withObjectProperty("task").put("scriptName", " ")))
        .containsExactly(
            problem(
                "steps[1].task.scriptName",
                "scriptName is ' '; give the script to run, relative to the source directory"));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    InvalidDefinitionException thrown =
        catchThrowableOfType(
            InvalidDefinitionException.class,
            () -> {
              ObjectNode d = seed();
              step(d, 0).putArray("dependsOn").add("train");
              ((ObjectNode) d.withArray("parameters").get(1)).put("defaultValue", -3_000_000_000L);
              step(d, 1)
                  .withObjectProperty("task")
                  .withArray("arguments")
                  .addObject()
                  .put("port", "nowhere");
              d.put("defaultDatastore", "missing_store");
              PipelineDefinition.fromJson(d.toString());
            });
    assertThat(thrown.problems())
        .containsExactly(
            problem(
                "defaultDatastore",
                "datastore 'missing_store' is not in datastores; name one that is, or add it to datastores"),
            problem(
                "parameters[1].defaultValue",
                "the INTEGER default -3000000000 of parameter 'min_rows' is outside the INTEGER range -2147483648"
                    + " to 2147483647; use a LONG parameter or a smaller value"),
            problem(
                "steps[1].task.arguments[6].port",
                "port 'nowhere' is neither an input nor an output of the step; name one of them"),
            problem(
                "steps[0].dependsOn[0]",
                "the steps form a cycle: prep -> train -> prep; remove one of these dependencies"));
    assertThat(thrown)
        .hasMessageStartingWith(
            "Pipeline definition 'seed' is invalid (4 problems):\n"
                + "  defaultDatastore: datastore 'missing_store' is not in datastores");
  }

  @Test
  void jacksonErrorsNameTheJsonPathAndNoJavaType() {
    ObjectNode wrongType = seed();
    step(wrongType, 1).put("allowReuse", "yes");
    assertThatThrownBy(() -> PipelineDefinition.fromJson(wrongType.toString()))
        .isInstanceOf(DefinitionFormatException.class)
        .hasMessage("Not a pipeline definition at steps[1].allowReuse: 'yes' is not true or false");
    ObjectNode unknown = seed();
    step(unknown, 1).put("retries", 3);
    assertThatThrownBy(() -> PipelineDefinition.fromJson(unknown.toString()))
        .isInstanceOf(DefinitionFormatException.class)
        .hasMessageStartingWith(
            "Not a pipeline definition at steps[1].retries: unknown property 'retries';"
                + " the properties here are allowReuse, compute, dependsOn,")
        .hasNoCause();
    ObjectNode badEnum = seed();
    ((ObjectNode) step(badEnum, 1).withArray("inputs").get(0)).put("mode", "TELEPORT");
    assertThatThrownBy(() -> PipelineDefinition.fromJson(badEnum.toString()))
        .hasMessageStartingWith(
            "Not a pipeline definition at steps[1].inputs[0].mode: 'TELEPORT' is not one of ")
        .message()
        .doesNotContain("java.", "io.sluice", "`");
    assertThatThrownBy(() -> PipelineDefinition.fromJson("{\"steps\": ["))
        .isInstanceOf(DefinitionFormatException.class)
        .hasMessageStartingWith("Not JSON: ");
    assertThatThrownBy(() -> PipelineDefinition.fromJson(""))
        .isInstanceOf(DefinitionFormatException.class)
        .hasMessageStartingWith("Not a pipeline definition: the JSON is not an object");
  }

  @Test
  void anotherSchemaVersionIsNamedBeforeAnythingElse() {
    ObjectNode future = seed();
    future.put("schemaVersion", 9);
    future.put("somethingNew", true);
    assertThatThrownBy(() -> PipelineDefinition.fromJson(future.toString()))
        .isInstanceOf(DefinitionFormatException.class)
        .hasMessage(
            "schemaVersion is 9; this Sluice reads version "
                + PipelineDefinition.SCHEMA_VERSION
                + ", so compile the pipeline again with it");
  }
}
