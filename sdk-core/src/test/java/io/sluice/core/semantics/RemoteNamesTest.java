package io.sluice.core.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.PythonScriptStep;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteNamesTest {
  @TempDir Path base;

  private PipelineDefinition withSteps(String... names) {
    return SemanticsPipelines.compile(
        base,
        java.util.Arrays.stream(names)
            .<io.sluice.core.model.Step>map(
                n -> PythonScriptStep.builder().name(n).scriptName("train.py").build())
            .toList());
  }

  @Test
  void aStepNameBecomesAKeyOfLettersDigitsUnderscoresAndDashes() {
    assertThat(RemoteNames.taskKey("train.v2")).isEqualTo("train_v2");
    assertThat(RemoteNames.taskKey("a".repeat(120))).hasSize(RemoteNames.MAX_LENGTH);
    assertThat(RemoteNames.taskKeys(withSteps("prep", "train.v2")))
        .containsExactly(
            java.util.Map.entry("prep", "prep"), java.util.Map.entry("train.v2", "train_v2"));
  }

  @Test
  void twoStepsThatWouldShareAKeyAreRefusedNamingBoth() {
    PipelineDefinition definition = withSteps("train.v2", "train_v2");

    assertThatThrownBy(() -> RemoteNames.taskKeys(definition))
        .isInstanceOf(RemoteNameCollisionException.class)
        .hasMessage(
            "Steps 'train.v2' and 'train_v2' of pipeline 'semantics' both become the remote task key"
                + " 'train_v2' (characters other than letters, digits, '_' and '-' become '_'); rename one of them");
  }

  @Test
  void theSeedLikePipelineHasDistinctKeys() {
    assertThat(RemoteNames.taskKeys(SemanticsPipelines.compile(base)).values())
        .containsExactlyInAnyOrder("prep", "train", "score");
  }
}
