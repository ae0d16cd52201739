package io.sluice.core.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sluice.core.SluiceException;
import io.sluice.core.definition.ParameterDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.ParameterType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterValuesTest {
  private final PipelineDefinition definition =
      new PipelineDefinition(
          1, "p", null, false, null,
          List.of(
              new ParameterDefinition("epochs", ParameterType.INTEGER, IntNode.valueOf(10)),
              new ParameterDefinition("mode", ParameterType.STRING, TextNode.valueOf("fast"))),
          null, null, null, null, null);

  @Test
  void defaultsAreReplacedByGivenValues() {
    assertThat(ParameterValues.resolve(definition, Map.of("epochs", 3)))
        .containsExactlyInAnyOrderEntriesOf(Map.of("epochs", "3", "mode", "fast"));
  }

  @Test
  void anUnknownParameterIsRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> ParameterValues.resolve(definition, Map.of("epoch", 3)))
        .isInstanceOf(SluiceException.class)
        .hasMessage("Pipeline parameter 'epoch' does not exist in pipeline 'p'; known parameters: epochs, mode");
  }

  @Test
  void aValueOfTheWrongTypeIsRefused() {
    assertThatThrownBy(() -> ParameterValues.resolve(definition, Map.of("epochs", "ten")))
        .isInstanceOf(SluiceException.class)
        .hasMessage("Pipeline parameter 'epochs' is INTEGER but was given ten (String); pass a value of type Integer");
  }
}
