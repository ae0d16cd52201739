package io.sluice.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabricksStepTest {

  @Test
  void aStepWithOneEntryPointBuilds() {
    DatabricksStep step =
        DatabricksStep.builder().name("prep").computeTarget(DatabricksCompute.of("dbx")).notebookPath("prep").build();

    assertThat(step.notebookPath()).contains("prep");
  }

  @Test
  void twoEntryPointsAreRefusedNamingBoth() {
    assertThatThrownBy(
            () ->
                DatabricksStep.builder()
                    .name("prep")
                    .computeTarget(DatabricksCompute.of("dbx"))
                    .notebookPath("prep")
                    .mainClassName("Main")
                    .build())
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("got notebookPath and mainClassName");
  }
}
