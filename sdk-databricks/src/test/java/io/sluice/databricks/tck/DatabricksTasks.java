package io.sluice.databricks.tck;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.testing.tck.StepInvocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a Databricks task was given, read from its {@code runs/submit} spec. */
public final class DatabricksTasks {
  private DatabricksTasks() {}

  /**
   * A task's invocation: its {@code spark_python_task} parameters as the command line, its {@code
   * notebook_task} base parameters as widgets.
   *
   * @param task the task as submitted
   * @return what the step was given
   */
  public static StepInvocation invocation(JsonNode task) {
    List<String> arguments = new ArrayList<>();
    task.path("spark_python_task").path("parameters").forEach(a -> arguments.add(a.asText()));
    Map<String, String> widgets = new LinkedHashMap<>();
    task.path("notebook_task")
        .path("base_parameters")
        .properties()
        .forEach(e -> widgets.put(e.getKey(), e.getValue().asText()));
    return new StepInvocation(arguments, widgets, Map.of());
  }
}
