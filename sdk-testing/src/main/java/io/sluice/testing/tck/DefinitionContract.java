package io.sluice.testing.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.core.SluiceException;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PipelineParameter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A definition that breaks the graph or value rules never reaches a transport: loading it fails
 * with every problem and its JSON path, and nothing is submitted.
 */
public interface DefinitionContract extends ContractTests {

  private ObjectNode compiledTree() {
    ContractFixture f = fixture();
    PipelineData x = PipelineData.of("x");
    PipelineDefinition definition =
        f.compile(
            f.pipeline(
                f.step("a").output(x).value("n", PipelineParameter.of("n", 1)),
                f.step("b").input(x)));
    try {
      return (ObjectNode) new ObjectMapper().readTree(definition.toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode step(ObjectNode tree, String name) {
    for (JsonNode step : tree.withArray("steps")) {
      if (step.path("name").asText().equals(name)) {
        return (ObjectNode) step;
      }
    }
    throw new AssertionError("no step " + name);
  }

  private void refused(Consumer<ObjectNode> mutation, String... messageParts) {
    ObjectNode tree = compiledTree();
    mutation.accept(tree);
    List<String> before = fixture().harness().sideEffects();
    assertThatThrownBy(
            () ->
                fixture()
                    .harness()
                    .transport()
                    .submit(
                        PipelineDefinition.fromJson(tree.toString()),
                        fixture().harness().runOptions().build()))
        .isInstanceOf(SluiceException.class)
        .hasMessageContainingAll(messageParts);
    assertThat(fixture().harness().sideEffects()).isEqualTo(before);
  }

  /**
   * Every text value under a node whose field is {@code field}, for edits that follow the schema.
   */
  private static void replaceText(JsonNode node, String field, String from, String to) {
    if (node instanceof ObjectNode object) {
      if (object.path(field).isTextual() && object.path(field).asText().equals(from)) {
        object.put(field, to);
      }
      object.forEach(child -> replaceText(child, field, from, to));
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual() && array.get(i).asText().equals(from)) {
          array.set(i, array.textNode(to));
        } else {
          replaceText(array.get(i), field, from, to);
        }
      }
    }
  }

  /** A cycle is refused and shown as its path. */
  @Test
  default void aCycleIsRefusedAndShownAsItsPath() {
    refused(t -> step(t, "a").withArray("dependsOn").add("b"), "cycle", "a -> b -> a");
  }

  /** A step that depends on a step that does not exist is refused. */
  @Test
  default void aDanglingStepReferenceIsRefused() {
    refused(t -> step(t, "b").withArray("dependsOn").add("ghost"), "steps[1].dependsOn", "ghost");
  }

  /** An input that reads data nobody defines is refused. */
  @Test
  default void aDanglingDataReferenceIsRefused() {
    refused(
        t -> replaceText(step(t, "b").withArray("inputs"), "data", "x", "ghost"),
        "steps[1].inputs[0]",
        "ghost");
  }

  /** Two steps of one name are refused. */
  @Test
  default void aDuplicateStepNameIsRefused() {
    refused(t -> step(t, "b").put("name", "a"), "steps[1].name", "'a'");
  }

  /** A step name that could leave its folder is refused. */
  @Test
  default void aPathLikeStepNameIsRefused() {
    refused(t -> replaceText(t, "name", "b", "../b"), "steps[1].name", "../b");
  }

  /** An integer default beyond int is refused, never wrapped. */
  @Test
  default void anIntegerDefaultBeyondIntIsRefused() {
    refused(
        t -> ((ObjectNode) t.withArray("parameters").get(0)).put("defaultValue", 3_000_000_000L),
        "parameters[0].defaultValue",
        "3000000000");
  }

  /** An argument that names a parameter the pipeline does not have is refused. */
  @Test
  default void anArgumentNamingAnUnknownParameterIsRefused() {
    refused(t -> replaceText(step(t, "a"), "parameter", "n", "ghost"), "steps[0]", "ghost");
  }

  /** A step with nothing to run is refused. */
  @Test
  default void aStepWithNoTaskIsRefused() {
    refused(
        t -> {
          ObjectNode b = step(t, "b");
          b.remove(List.of("task", "pythonScript", "databricks"));
        },
        "steps[1]",
        "task");
  }
}
