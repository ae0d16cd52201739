package io.sluice.azureml.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.azureml.models.CodeVersion;
import io.sluice.azureml.models.DataType;
import io.sluice.azureml.models.DataVersion;
import io.sluice.azureml.models.EnvironmentVersion;
import io.sluice.azureml.models.ModelVersion;

/** Maps versioned assets (environments, code, data, models) to their wire shapes and back. */
public final class AssetWire {
  private AssetWire() {}

  /** Wraps asset properties as a resource body. */
  public static ObjectNode resource(ObjectNode properties) {
    ObjectNode resource = ArmJson.object();
    resource.set("properties", properties);
    return resource;
  }

  /** The body of an environment version. */
  public static ObjectNode environment(String image, String condaFile, String description) {
    ObjectNode p = ArmJson.object().put("image", image);
    ArmJson.put(p, "condaFile", condaFile);
    ArmJson.put(p, "description", description);
    p.put("osType", "Linux");
    return resource(p);
  }

  /** The body of a code version. */
  public static ObjectNode code(String codeUri) {
    return resource(ArmJson.object().put("codeUri", codeUri).put("isAnonymous", false));
  }

  /** The body of a data version. */
  public static ObjectNode data(DataType type, String uri, String description) {
    ObjectNode p = ArmJson.object().put("dataType", type.toString()).put("dataUri", uri);
    ArmJson.put(p, "description", description);
    return resource(p);
  }

  /** The body of a model version. */
  public static ObjectNode model(String modelType, String uri, String jobName, String description) {
    ObjectNode p = ArmJson.object().put("modelType", modelType).put("modelUri", uri);
    ArmJson.put(p, "jobName", jobName);
    ArmJson.put(p, "description", description);
    return resource(p);
  }

  /** Reads an environment version; its name is the container's, from the id. */
  public static EnvironmentVersion environmentVersion(JsonNode resource) {
    JsonNode p = ArmJson.properties(resource);
    return new EnvironmentVersion(
        ArmJson.text(resource, "id"),
        container(resource),
        ArmJson.text(resource, "name"),
        ArmJson.text(p, "image"),
        ArmJson.text(p, "condaFile"));
  }

  /** Reads a code version. */
  public static CodeVersion codeVersion(JsonNode resource) {
    return new CodeVersion(
        ArmJson.text(resource, "id"),
        container(resource),
        ArmJson.text(resource, "name"),
        ArmJson.text(ArmJson.properties(resource), "codeUri"));
  }

  /** Reads a data version. */
  public static DataVersion dataVersion(JsonNode resource) {
    JsonNode p = ArmJson.properties(resource);
    String type = ArmJson.text(p, "dataType");
    return new DataVersion(
        ArmJson.text(resource, "id"),
        container(resource),
        ArmJson.text(resource, "name"),
        type == null ? null : DataType.fromString(type),
        ArmJson.text(p, "dataUri"),
        ArmJson.text(p, "description"));
  }

  /** Reads a model version. */
  public static ModelVersion modelVersion(JsonNode resource) {
    JsonNode p = ArmJson.properties(resource);
    return new ModelVersion(
        ArmJson.text(resource, "id"),
        container(resource),
        ArmJson.text(resource, "name"),
        ArmJson.text(p, "modelType"),
        ArmJson.text(p, "modelUri"),
        ArmJson.text(p, "jobName"));
  }

  /** A version resource's name is its version; the asset name is the id segment before it. */
  private static String container(JsonNode resource) {
    String id = ArmJson.text(resource, "id");
    if (id == null) {
      return null;
    }
    String[] parts = id.split("/", -1);
    return parts.length >= 3 && parts[parts.length - 2].equals("versions")
        ? parts[parts.length - 3]
        : null;
  }
}
