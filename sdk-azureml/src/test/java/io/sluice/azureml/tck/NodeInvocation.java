package io.sluice.azureml.tck;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.testing.tck.StepInvocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a node of a submitted pipeline job was given, read from the job's body as Azure ML would run
 * it: each {@code ${{inputs.x}}} or {@code ${{outputs.y}}} in the command is replaced by the text
 * bound to it (a literal's value; a pipeline input's value through {@code ${{parent.inputs.p}}};
 * the producer's output location through {@code ${{parent.jobs.n.outputs.o}}}), and the line is
 * then split by the shell. A folder location is given without its trailing {@code /}, as the path
 * of a mounted folder is.
 */
final class NodeInvocation {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{\\{(inputs|outputs)\\.([A-Za-z0-9_]+)}}");
  private static final Pattern PARENT_INPUT =
      Pattern.compile("\\$\\{\\{parent\\.inputs\\.([A-Za-z0-9_]+)}}");
  private static final Pattern UPSTREAM_OUTPUT =
      Pattern.compile("\\$\\{\\{parent\\.jobs\\.([A-Za-z0-9_]+)\\.outputs\\.([A-Za-z0-9_]+)}}");

  private NodeInvocation() {}

  /**
   * What a node was given.
   *
   * @param body the pipeline job's request body
   * @param node the node's name
   * @return the arguments after the script, and its {@code AZUREML_*} and {@code AML_PARAMETER_*}
   *     environment variables
   */
  static StepInvocation of(JsonNode body, String node) {
    JsonNode pipeline = body.path("properties");
    JsonNode child = pipeline.path("jobs").path(node);
    String command = child.path("command").asText();
    Matcher placeholder = PLACEHOLDER.matcher(command);
    StringBuilder line = new StringBuilder();
    while (placeholder.find()) {
      String bound =
          placeholder.group(1).equals("inputs")
              ? input(
                  pipeline, child.path("inputs").path(placeholder.group(2)), placeholder.group())
              : output(child.path("outputs").path(placeholder.group(2)), placeholder.group());
      placeholder.appendReplacement(line, Matcher.quoteReplacement(bound));
    }
    placeholder.appendTail(line);
    List<String> words = ShellWords.split(line.toString());
    if (words.size() < 2 || !words.get(0).equals("python")) {
      throw new AssertionError("node '" + node + "' does not run a python script: " + command);
    }
    Map<String, String> environment = new LinkedHashMap<>();
    child
        .path("environmentVariables")
        .properties()
        .forEach(
            e -> {
              if (e.getKey().startsWith("AZUREML_") || e.getKey().startsWith("AML_PARAMETER_")) {
                environment.put(e.getKey(), e.getValue().asText());
              }
            });
    return new StepInvocation(words.subList(2, words.size()), Map.of(), environment);
  }

  private static String input(JsonNode pipeline, JsonNode input, String placeholder) {
    if (input.isMissingNode()) {
      throw new AssertionError(
          placeholder + " names no input of its node; Azure ML refuses such a job");
    }
    if (input.has("uri")) {
      return location(input.path("uri").asText());
    }
    String value = input.path("value").asText();
    Matcher parent = PARENT_INPUT.matcher(value);
    if (parent.matches()) {
      return input(pipeline, pipeline.path("inputs").path(parent.group(1)), value);
    }
    Matcher upstream = UPSTREAM_OUTPUT.matcher(value);
    if (upstream.matches()) {
      return output(
          pipeline.path("jobs").path(upstream.group(1)).path("outputs").path(upstream.group(2)),
          value);
    }
    return value;
  }

  private static String output(JsonNode output, String placeholder) {
    if (!output.has("uri")) {
      throw new AssertionError(placeholder + " names no output with a location");
    }
    return location(output.path("uri").asText());
  }

  private static String location(String uri) {
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }
}
