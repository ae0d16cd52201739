package io.sluice.databricks.management;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.databricks.implementation.DatabricksJson;
import java.util.Map;

/**
 * What an Azure Databricks workspace should be. Build one with {@link #builder()}:
 *
 * <pre>{@code
 * WorkspaceDefinition premium = WorkspaceDefinition.builder()
 *     .location("westeurope")
 *     .sku("premium")
 *     .tags(Map.of("team", "ml"))
 *     .build();
 * }</pre>
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

  /**
   * Starts a definition with nothing set; a location and a SKU are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
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

  /** Builds a {@link WorkspaceDefinition}; the location and the SKU are required. */
  public static final class Builder {
    private String location;
    private String sku;
    private String managedResourceGroupId;
    private String amlWorkspaceId;
    private Map<String, String> tags;

    private Builder() {}

    /**
     * Sets the Azure region.
     *
     * @param location e.g. {@code westeurope}
     * @return this builder
     */
    public Builder location(String location) {
      this.location = location;
      return this;
    }

    /**
     * Sets the pricing tier.
     *
     * @param sku {@code standard}, {@code premium} or {@code trial}
     * @return this builder
     */
    public Builder sku(String sku) {
      this.sku = sku;
      return this;
    }

    /**
     * Sets the resource group Databricks will manage.
     *
     * @param managedResourceGroupId its ARM id; null for {@code databricks-rg-<name>} in the same
     *     subscription
     * @return this builder
     */
    public Builder managedResourceGroupId(String managedResourceGroupId) {
      this.managedResourceGroupId = managedResourceGroupId;
      return this;
    }

    /**
     * Links an Azure Machine Learning workspace.
     *
     * @param amlWorkspaceId its ARM id, or null for none
     * @return this builder
     */
    public Builder amlWorkspaceId(String amlWorkspaceId) {
      this.amlWorkspaceId = amlWorkspaceId;
      return this;
    }

    /**
     * Sets the workspace's tags.
     *
     * @param tags the tags
     * @return this builder
     */
    public Builder tags(Map<String, String> tags) {
      this.tags = tags;
      return this;
    }

    /**
     * Builds the definition.
     *
     * @return a new definition
     * @throws IllegalArgumentException when the location is missing or the SKU is not one of {@code
     *     standard}, {@code premium} or {@code trial}
     */
    public WorkspaceDefinition build() {
      return new WorkspaceDefinition(location, sku, managedResourceGroupId, amlWorkspaceId, tags);
    }
  }
}
