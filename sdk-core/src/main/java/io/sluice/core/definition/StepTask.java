package io.sluice.core.definition;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What a step runs: a Python script, or one of the Databricks entry points. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = PythonScriptTask.class, name = "pythonScript"),
  @JsonSubTypes.Type(value = DatabricksTask.Notebook.class, name = "databricksNotebook"),
  @JsonSubTypes.Type(value = DatabricksTask.PythonScript.class, name = "databricksPythonScript"),
  @JsonSubTypes.Type(
      value = DatabricksTask.PythonScriptName.class,
      name = "databricksPythonScriptName"),
  @JsonSubTypes.Type(value = DatabricksTask.Jar.class, name = "databricksJar")
})
public sealed interface StepTask permits PythonScriptTask, DatabricksTask {

  /**
   * The name of the environment the task runs in locally, if any.
   *
   * @return the environment's name, or null
   */
  String environment();
}
