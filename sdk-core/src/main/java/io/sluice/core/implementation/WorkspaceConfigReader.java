package io.sluice.core.implementation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.ConfigurationException;
import io.sluice.core.model.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads Azure ML's {@code config.json} the way Azure ML v1's {@code Workspace.from_config} does.
 */
public final class WorkspaceConfigReader {
  private static final List<String> FOLDERS = List.of(".azureml", "aml_config", "");
  private static final List<String> FILES = List.of("config.json", "project.json");

  private WorkspaceConfigReader() {}

  /** Reads a config file, or searches from a folder up through its parents. */
  public static Workspace read(Path start) {
    Path file = Files.isRegularFile(start) ? start : find(start.toAbsolutePath());
    return parse(file);
  }

  private static Path find(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      for (String folder : FOLDERS) {
        for (String name : FILES) {
          Path candidate = dir.resolve(folder).resolve(name);
          if (Files.isRegularFile(candidate)) {
            return candidate;
          }
        }
      }
    }
    throw new ConfigurationException(
        "No config.json found in .azureml/, aml_config/ or the folder itself, in "
            + start
            + " or any of its parents; download config.json from the Azure portal (workspace"
            + " overview) into your project, or build the Workspace with Workspace.builder()");
  }

  private static Workspace parse(Path file) {
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new ConfigurationException(
          file + " is not valid JSON (line " + e.getLocation().getLineNr() + "); fix the file", e);
    } catch (IOException e) {
      throw new ConfigurationException(file + " cannot be read: " + e.getMessage(), e);
    }
    if (json == null || !json.isObject()) {
      throw new ConfigurationException(file + " holds no JSON object; fix the file");
    }
    Workspace.Builder builder = Workspace.builder();
    if (json.hasNonNull("Scope")) {
      String scope = json.get("Scope").asText();
      String[] parts = scope.split("/", -1);
      if (parts.length < 9 || parts[8].isEmpty()) {
        throw new ConfigurationException(
            file
                + ": Scope is '"
                + scope
                + "'; use /subscriptions/<id>/resourceGroups/<group>/providers/"
                + "Microsoft.MachineLearningServices/workspaces/<name>");
      }
      builder.subscriptionId(parts[2]).resourceGroup(parts[4]).name(parts[8]);
    } else {
      builder
          .subscriptionId(required(json, file, "subscription_id"))
          .resourceGroup(required(json, file, "resource_group"))
          .name(required(json, file, "workspace_name"));
    }
    if (json.hasNonNull("location")) {
      builder.region(json.get("location").asText());
    }
    return builder.build();
  }

  private static String required(JsonNode json, Path file, String key) {
    JsonNode value = json.get(key);
    if (value == null || value.asText().isBlank()) {
      throw new ConfigurationException(
          file
              + " has no "
              + key
              + "; add \""
              + key
              + "\" (config.json needs subscription_id, resource_group and workspace_name, or"
              + " Scope)");
    }
    return value.asText();
  }
}
