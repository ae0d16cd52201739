package io.sluice.databricks.management;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An Azure Databricks workspace as ARM describes it.
 *
 * @param id the ARM resource id
 * @param name the workspace's name
 * @param location its Azure region
 * @param sku its pricing tier: {@code standard}, {@code premium} or {@code trial}
 * @param managedResourceGroupId the resource group Databricks manages for it
 * @param amlWorkspaceId the linked Azure Machine Learning workspace, if any
 * @param workspaceUrl its host name, e.g. {@code adb-123.4.azuredatabricks.net}, once provisioned
 * @param provisioningState {@code Succeeded}, {@code Failed}, {@code Canceled} or a transient state
 * @param tags its tags
 */
public record AzureDatabricksWorkspace(
    String id,
    String name,
    String location,
    String sku,
    String managedResourceGroupId,
    String amlWorkspaceId,
    String workspaceUrl,
    String provisioningState,
    Map<String, String> tags) {
  /** Copies the tags. */
  public AzureDatabricksWorkspace {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }

  /** Returns the workspace's https URL, once provisioned. */
  public Optional<String> endpoint() {
    return Optional.ofNullable(workspaceUrl)
        .map(u -> u.startsWith("https://") ? u : "https://" + u);
  }

  /** Returns true when provisioning has ended, well or badly. */
  public boolean isTerminal() {
    return provisioningState == null
        || provisioningState.equals("Succeeded")
        || provisioningState.equals("Failed")
        || provisioningState.equals("Canceled");
  }

  static AzureDatabricksWorkspace from(JsonNode node) {
    JsonNode properties = node.path("properties");
    Map<String, String> tags = new TreeMap<>();
    node.path("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
    return new AzureDatabricksWorkspace(
        node.path("id").asText(null),
        node.path("name").asText(null),
        node.path("location").asText(null),
        node.path("sku").path("name").asText(null),
        properties.path("managedResourceGroupId").asText(null),
        properties.path("parameters").path("amlWorkspaceId").path("value").asText(null),
        properties.path("workspaceUrl").asText(null),
        properties.path("provisioningState").asText(null),
        tags);
  }
}
