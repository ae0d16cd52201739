package io.sluice.azureml.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.azureml.models.EndpointKeys;
import io.sluice.azureml.models.EndpointToken;
import io.sluice.azureml.models.OnlineDeployment;
import io.sluice.azureml.models.OnlineDeploymentInfo;
import io.sluice.azureml.models.OnlineEndpoint;
import io.sluice.azureml.models.OnlineEndpointInfo;
import io.sluice.core.model.Secret;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps online endpoints and deployments to their wire shapes and back. */
public final class EndpointWire {
  private EndpointWire() {}

  /** The body of {@code OnlineEndpoints_CreateOrUpdate}. */
  public static ObjectNode endpoint(OnlineEndpoint endpoint) {
    ObjectNode resource = ArmJson.object().put("location", endpoint.getLocation());
    ArmJson.putMap(resource, "tags", endpoint.getTags());
    resource.putObject("identity").put("type", "SystemAssigned");
    ObjectNode p = resource.putObject("properties").put("authMode", endpoint.getAuthMode());
    ArmJson.put(p, "description", endpoint.getDescription());
    if (!endpoint.getTraffic().isEmpty()) {
      ObjectNode traffic = p.putObject("traffic");
      endpoint.getTraffic().forEach(traffic::put);
    }
    return resource;
  }

  /** The body of {@code OnlineDeployments_CreateOrUpdate} for a managed deployment. */
  public static ObjectNode deployment(OnlineDeployment deployment) {
    ObjectNode resource = ArmJson.object().put("location", deployment.getLocation());
    resource.putObject("sku").put("name", "Default").put("capacity", deployment.getInstanceCount());
    ObjectNode p =
        resource
            .putObject("properties")
            .put("endpointComputeType", "Managed")
            .put("model", deployment.getModelId())
            .put("instanceType", deployment.getInstanceType());
    ArmJson.put(p, "environmentId", deployment.getEnvironmentId());
    if (deployment.getCodeId() != null) {
      p.putObject("codeConfiguration")
          .put("codeId", deployment.getCodeId())
          .put("scoringScript", deployment.getScoringScript());
    }
    ArmJson.putMap(p, "environmentVariables", deployment.getEnvironmentVariables());
    p.putObject("scaleSettings").put("scaleType", "Default");
    return resource;
  }

  /** Reads an endpoint. */
  public static OnlineEndpointInfo endpointInfo(JsonNode resource) {
    JsonNode p = ArmJson.properties(resource);
    Map<String, Integer> traffic = new LinkedHashMap<>();
    p.path("traffic").properties().forEach(e -> traffic.put(e.getKey(), e.getValue().asInt()));
    return new OnlineEndpointInfo(
        ArmJson.text(resource, "id"),
        ArmJson.text(resource, "name"),
        ArmJson.text(resource, "location"),
        ArmJson.text(p, "authMode"),
        ArmJson.text(p, "provisioningState"),
        ArmJson.text(p, "scoringUri"),
        traffic);
  }

  /** Reads a deployment. */
  public static OnlineDeploymentInfo deploymentInfo(JsonNode resource) {
    JsonNode p = ArmJson.properties(resource);
    return new OnlineDeploymentInfo(
        ArmJson.text(resource, "id"),
        ArmJson.text(resource, "name"),
        ArmJson.text(p, "model"),
        ArmJson.text(p, "instanceType"),
        resource.path("sku").path("capacity").asInt(1),
        ArmJson.text(p, "provisioningState"));
  }

  /** Reads {@code listKeys}. */
  public static EndpointKeys keys(String endpoint, JsonNode body) {
    return new EndpointKeys(
        secret("azureml:endpoints/" + endpoint + "/primary", ArmJson.text(body, "primaryKey")),
        secret("azureml:endpoints/" + endpoint + "/secondary", ArmJson.text(body, "secondaryKey")));
  }

  /** Reads {@code token}. */
  public static EndpointToken token(String endpoint, JsonNode body) {
    return new EndpointToken(
        secret("azureml:endpoints/" + endpoint + "/token", ArmJson.text(body, "accessToken")),
        Instant.ofEpochSecond(body.path("expiryTimeUtc").asLong()),
        Instant.ofEpochSecond(body.path("refreshAfterTimeUtc").asLong()));
  }

  private static Secret secret(String reference, String value) {
    return value == null || value.isEmpty()
        ? Secret.reference(reference)
        : Secret.of(reference, value);
  }
}
