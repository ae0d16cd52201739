package io.sluice.examples.tck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.testing.tck.StepInvocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an Azure ML command job was given, read from the body that created it: its command line
 * split as the POSIX shell Azure ML runs it in splits it, each {@code ${{inputs.x}}} and {@code
 * ${{outputs.y}}} replaced by the value or location bound to it. A location on a datastore ({@code
 * azureml://datastores/<name>/paths/<path>}) is the storage location the workspace's registration
 * of that datastore points at, spelled as Sluice spells storage locations ({@code wasbs://} for
 * blob, {@code abfss://} for ADLS Gen2), so that it compares with what other executors were given;
 * it is read so wherever the job holds it: a data input's URI, a literal input's value (a {@code
 * DATA_PATH} parameter) or an environment variable.
 */
final class CommandJobs {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern BINDING =
      Pattern.compile("\\$\\{\\{(inputs|outputs)\\.([A-Za-z0-9_.-]+)}}");
  private static final Pattern DATASTORE_URI =
      Pattern.compile("azureml://datastores/([^/]+)/paths/(.*)");

  private final Map<String, JsonNode> datastores;

  /**
   * Reads jobs of a workspace.
   *
   * @param datastores the workspace's datastores by name, as registered
   */
  CommandJobs(Map<String, JsonNode> datastores) {
    this.datastores = Map.copyOf(datastores);
  }

  /**
   * A job's invocation: the command line after {@code python <script>}, and its {@code AZUREML_*}
   * and {@code AML_PARAMETER_*} environment variables.
   *
   * @param job the job's body as created
   * @return what the step was given
   */
  StepInvocation invocation(JsonNode job) {
    JsonNode properties = job.path("properties");
    List<String> words = shellWords(properties.path("command").asText());
    List<String> arguments = new ArrayList<>();
    for (String word : words.subList(Math.min(2, words.size()), words.size())) {
      arguments.add(resolve(word, properties));
    }
    Map<String, String> environment = new LinkedHashMap<>();
    properties
        .path("environmentVariables")
        .properties()
        .forEach(
            e -> {
              if (e.getKey().startsWith("AZUREML_") || e.getKey().startsWith("AML_PARAMETER_")) {
                environment.put(e.getKey(), literal(e.getValue().asText()));
              }
            });
    return new StepInvocation(arguments, Map.of(), environment);
  }

  /**
   * A request body with the secrets of a datastore registration left out: the workspace keeps them
   * as a secret store does, so that is where a credential belongs.
   *
   * @param path the request's path below the workspace
   * @param body the body
   * @return the body, without {@code properties.credentials.secrets} when it registers a datastore
   */
  static String withoutDatastoreSecrets(String path, String body) {
    if (!path.startsWith("datastores/") || body.isEmpty()) {
      return body;
    }
    try {
      JsonNode tree = JSON.readTree(body);
      JsonNode credentials = tree.path("properties").path("credentials");
      if (credentials instanceof ObjectNode object) {
        object.remove("secrets");
      }
      return tree.toString();
    } catch (IOException e) {
      return body;
    }
  }

  /** The value of a binding: a literal input's value, else the location of its data. */
  private String resolve(String word, JsonNode properties) {
    Matcher matcher = BINDING.matcher(word);
    StringBuilder resolved = new StringBuilder();
    while (matcher.find()) {
      JsonNode bound = properties.path(matcher.group(1)).path(matcher.group(2));
      String value =
          bound.has("value")
              ? literal(bound.path("value").asText())
              : location(bound.path("uri").asText());
      matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
    }
    return matcher.appendTail(resolved).toString();
  }

  /** A literal value: the storage location when it is a location on a datastore, else as it is. */
  private String literal(String value) {
    return DATASTORE_URI.matcher(value).matches() ? location(value) : value;
  }

  /**
   * The storage location of a datastore URI, without the trailing {@code /} that marks a folder; a
   * URI on a datastore the run did not register is kept as it is.
   */
  private String location(String uri) {
    String folder = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    Matcher matcher = DATASTORE_URI.matcher(folder);
    if (!matcher.matches() || !datastores.containsKey(matcher.group(1))) {
      return folder;
    }
    JsonNode store = datastores.get(matcher.group(1)).path("properties");
    String suffix = store.path("endpoint").asText("core.windows.net");
    String account = store.path("accountName").asText();
    return store.path("datastoreType").asText().equals("AzureDataLakeGen2")
        ? "abfss://"
            + store.path("filesystem").asText()
            + "@"
            + account
            + ".dfs."
            + suffix
            + "/"
            + matcher.group(2)
        : "wasbs://"
            + store.path("containerName").asText()
            + "@"
            + account
            + ".blob."
            + suffix
            + "/"
            + matcher.group(2);
  }

  /**
   * Parses a request body.
   *
   * @param body JSON text
   * @return its tree; an empty object for an empty body
   */
  static JsonNode json(String body) {
    try {
      return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Splits a command line into words: single and double quotes and backslashes as the shell reads
   * them.
   */
  static List<String> shellWords(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (c == '\'') {
        int end = command.indexOf('\'', i + 1);
        word.append(command, i + 1, end);
        i = end;
        inWord = true;
      } else if (c == '"') {
        for (i++; command.charAt(i) != '"'; i++) {
          if (command.charAt(i) == '\\' && "\"\\$`".indexOf(command.charAt(i + 1)) >= 0) {
            i++;
          }
          word.append(command.charAt(i));
        }
        inWord = true;
      } else if (c == '\\') {
        word.append(command.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
