package io.sluice.azureml.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.azureml.models.WorkspaceInfo;
import io.sluice.azureml.models.WorkspaceOptions;

/** Maps workspaces to the {@code Workspace} wire shape and back. */
public final class WorkspaceWire {
  private WorkspaceWire() {}

  /** The body of {@code Workspaces_CreateOrUpdate}. */
  public static ObjectNode resource(WorkspaceOptions options) {
    ObjectNode resource = ArmJson.object().put("location", options.getLocation());
    ArmJson.putMap(resource, "tags", options.getTags());
    resource.putObject("identity").put("type", "SystemAssigned");
    ObjectNode p = resource.putObject("properties");
    ArmJson.put(p, "friendlyName", options.getFriendlyName());
    ArmJson.put(p, "description", options.getDescription());
    ArmJson.put(p, "storageAccount", options.getStorageAccount());
    ArmJson.put(p, "keyVault", options.getKeyVault());
    ArmJson.put(p, "applicationInsights", options.getApplicationInsights());
    ArmJson.put(p, "containerRegistry", options.getContainerRegistry());
    return resource;
  }

  /** Reads a workspace. */
  public static WorkspaceInfo info(JsonNode resource) {
    JsonNode p = ArmJson.properties(resource);
    return new WorkspaceInfo(
        ArmJson.text(resource, "id"),
        ArmJson.text(resource, "name"),
        ArmJson.text(resource, "location"),
        ArmJson.text(p, "friendlyName"),
        ArmJson.text(p, "provisioningState"),
        ArmJson.text(p, "discoveryUrl"),
        ArmJson.text(p, "mlFlowTrackingUri"),
        ArmJson.text(p, "storageAccount"),
        ArmJson.text(p, "keyVault"));
  }
}
