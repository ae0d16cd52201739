package io.sluice.core.model;

import static io.sluice.core.testing.ModelAssertions.assertIncomplete;

import org.junit.jupiter.api.Test;

class IncompleteModelTest {
  private static final String NULL_FIX =
      " is null; give a value, or leave the call out for an optional field";

  private static String missing(String type, String attributes) {
    return "Cannot build "
        + type
        + ", some of required attributes are not set ["
        + attributes
        + "]; set each of them on the builder";
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    assertIncomplete(() -> PipelineData.builder().build(), missing("PipelineData", "name"));
    assertIncomplete(
        () -> AzureBlobDatastore.builder().name("s").build(),
        missing("AzureBlobDatastore", "accountName, containerName"));
    assertIncomplete(
        () -> PythonScriptStep.builder().build(), missing("PythonScriptStep", "scriptName"));
    assertIncomplete(
        () -> DatabricksStep.builder().notebookPath("/n").build(),
        missing("DatabricksStep", "name"));
    assertIncomplete(() -> Pipeline.builder().build(), missing("Pipeline", "name"));
    assertIncomplete(() -> Environment.builder().build(), missing("Environment", "name"));
    assertIncomplete(
        () -> Workspace.builder().name("ws1").build(),
        missing("Workspace", "subscriptionId, resourceGroup"));
  }

  @Test
  void nullsAreNamed() {
    assertIncomplete(() -> PipelineData.builder().name(null), "name" + NULL_FIX);
    assertIncomplete(
        () -> PipelineData.builder().datastore((Datastore) null), "datastore" + NULL_FIX);
    assertIncomplete(() -> PythonScriptStep.builder().scriptName(null), "scriptName" + NULL_FIX);
    assertIncomplete(
        () -> PythonScriptStep.builder().addInputs((InputBinding) null),
        "inputs element" + NULL_FIX);
    assertIncomplete(
        () -> DatabricksStep.builder().putNotebookParam("w", null),
        "notebookParams value for key: w" + NULL_FIX);
    assertIncomplete(
        () -> Environment.builder().addPipPackage(null), "pipPackages element" + NULL_FIX);
  }
}
