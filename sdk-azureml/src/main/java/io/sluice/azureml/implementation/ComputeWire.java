package io.sluice.azureml.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.azureml.models.ComputeInfo;
import io.sluice.core.definition.ComputeDefinition;
import io.sluice.core.definition.SecretReference;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

/** Maps compute targets to the {@code ComputeResource} wire shape and back. */
public final class ComputeWire {
  private ComputeWire() {}

  /**
   * The body that creates a compute cluster.
   *
   * @param compute the cluster
   * @param location its region
   * @return the body
   */
  public static ObjectNode amlCompute(ComputeDefinition.AmlCompute compute, String location) {
    ObjectNode resource = ArmJson.object().put("location", location);
    ObjectNode properties =
        resource
            .putObject("properties")
            .put("computeType", "AmlCompute")
            .put("computeLocation", location);
    ObjectNode amlProperties = properties.putObject("properties");
    amlProperties.put("vmSize", compute.vmSize() == null ? "Standard_DS3_v2" : compute.vmSize());
    ObjectNode scale =
        amlProperties
            .putObject("scaleSettings")
            .put("maxNodeCount", compute.maxNodes())
            .put("minNodeCount", compute.minNodes());
    if (compute.idleSecondsBeforeScaledown() != null) {
      scale.put(
          "nodeIdleTimeBeforeScaleDown",
          Duration.ofSeconds(compute.idleSecondsBeforeScaledown()).toString());
    }
    return resource;
  }

  /**
   * The body that attaches a Databricks workspace.
   *
   * @param compute the Databricks compute, with resource id, workspace URL and access token
   * @param location the workspace's region
   * @param secretValues resolves the access token's reference to its value
   * @param secrets receives the access token, to keep it out of messages
   * @return the body
   * @throws IllegalArgumentException when a part is missing
   */
  public static ObjectNode databricks(
      ComputeDefinition.Databricks compute,
      String location,
      Function<SecretReference, String> secretValues,
      Collection<String> secrets) {
    String owner = "DatabricksCompute '" + compute.name() + "'";
    String resourceId =
        Optional.ofNullable(compute.resourceId())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        owner
                            + ": resourceId is missing; set the Databricks workspace's ARM id"
                            + " (/subscriptions/.../providers/Microsoft.Databricks/workspaces/<name>)"));
    String url =
        Optional.ofNullable(compute.workspaceUrl())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        owner
                            + ": workspaceUrl is missing; set https://adb-<id>.<n>.azuredatabricks.net"));
    SecretReference reference =
        Optional.ofNullable(compute.accessToken())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        owner
                            + ": accessToken is missing; attach needs a"
                            + " Databricks personal access token"));
    String token = secretValues.apply(reference);
    secrets.add(token);
    ObjectNode resource = ArmJson.object().put("location", location);
    ObjectNode properties =
        resource
            .putObject("properties")
            .put("computeType", "Databricks")
            .put("computeLocation", location)
            .put("resourceId", resourceId);
    // Azure ML stores the host name alone, as the studio and the .NET SDK send it.
    String host = URI.create(url).getHost();
    properties
        .putObject("properties")
        .put("databricksAccessToken", token)
        .put("workspaceUrl", host == null ? url : host);
    return resource;
  }

  /**
   * Reads a compute resource.
   *
   * @param resource the resource
   * @return the compute
   */
  public static ComputeInfo info(JsonNode resource) {
    JsonNode p = ArmJson.properties(resource);
    JsonNode error = p.path("provisioningErrors").path(0).path("error");
    String message = ArmJson.text(error, "message");
    return new ComputeInfo(
        ArmJson.text(resource, "id"),
        ArmJson.text(resource, "name"),
        ArmJson.text(p, "computeType"),
        ArmJson.text(p, "provisioningState"),
        ArmJson.text(resource, "location"),
        ArmJson.text(p, "resourceId"),
        Optional.ofNullable(message));
  }
}
