package io.sluice.databricks.management;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.databricks.implementation.DatabricksJson;
import java.util.Map;

/**
 * What an Azure Databricks workspace should be.
 *
 * @param location the Azure region, e.g. {@code westeurope}
 * @param sku {@code standard}, {@code premium} or {@code trial}
 * @param managedResourceGroupId the ARM id of the resource group Databricks will manage; null for
 *     {@code databricks-rg-<name>} in the same subscription
 * @param amlWorkspaceId the ARM id of an Azure Machine Learning workspace to link, or null
 * @param tags tags
 */
public record WorkspaceDefinition(
    String location,
    String sku,
    String managedResourceGroupId,
    String amlWorkspaceId,
    Map<String, String> tags) {
  /** Checks the required fields. */
  public WorkspaceDefinition {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException(
          "'location' is missing; use an Azure region such as westeurope");
    }
    if (sku == null || !sku.matches("standard|premium|trial")) {
      throw new IllegalArgumentException("'sku' is " + sku + "; use standard, premium or trial");
    }
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }

  ObjectNode toJson(String subscriptionId, String resourceGroup, String name) {
    ObjectNode body = DatabricksJson.MAPPER.createObjectNode();
    body.put("location", location);
    body.putObject("sku").put("name", sku);
    if (!tags.isEmpty()) {
      body.set("tags", DatabricksJson.MAPPER.valueToTree(new java.util.TreeMap<>(tags)));
    }
    ObjectNode properties = body.putObject("properties");
    properties.put("computeMode", "Hybrid");
    properties.put(
        "managedResourceGroupId",
        managedResourceGroupId != null
            ? managedResourceGroupId
            : "/subscriptions/" + subscriptionId + "/resourceGroups/databricks-rg-" + name);
    if (amlWorkspaceId != null) {
      properties.putObject("parameters").putObject("amlWorkspaceId").put("value", amlWorkspaceId);
    }
    return body;
  }
}
