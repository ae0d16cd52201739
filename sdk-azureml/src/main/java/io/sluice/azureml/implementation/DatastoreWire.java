package io.sluice.azureml.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.azureml.models.DatastoreInfo;
import io.sluice.azureml.models.DatastoreSecrets;
import io.sluice.core.definition.DatastoreCredentialDefinition;
import io.sluice.core.definition.DatastoreDefinition;
import io.sluice.core.definition.SecretReference;
import io.sluice.core.model.Secret;
import java.util.Collection;
import java.util.function.Function;

/** Maps Sluice datastore definitions to the {@code Datastore} wire shape and back. */
public final class DatastoreWire {
  private DatastoreWire() {}

  /**
   * The body of {@code Datastores_CreateOrUpdate}.
   *
   * @param datastore an Azure Blob or ADLS Gen2 datastore
   * @param secretValues resolves the credential's secret reference to its value
   * @param secrets receives each secret value the body carries, to keep them out of messages
   * @return the body
   * @throws IllegalArgumentException for another kind
   */
  public static ObjectNode resource(
      DatastoreDefinition datastore,
      Function<SecretReference, String> secretValues,
      Collection<String> secrets) {
    ObjectNode properties = ArmJson.object();
    DatastoreCredentialDefinition credential;
    if (datastore instanceof DatastoreDefinition.AzureBlob blob) {
      properties
          .put("datastoreType", "AzureBlob")
          .put("accountName", blob.accountName())
          .put("containerName", blob.containerName())
          .put("endpoint", blob.endpointSuffix())
          .put("protocol", blob.protocol());
      credential = blob.credential();
    } else if (datastore instanceof DatastoreDefinition.AdlsGen2 adls) {
      properties
          .put("datastoreType", "AzureDataLakeGen2")
          .put("accountName", adls.accountName())
          .put("filesystem", adls.fileSystem())
          .put("endpoint", adls.endpointSuffix())
          .put("protocol", "https");
      credential = adls.credential();
    } else {
      throw new IllegalArgumentException(
          "Datastore '"
              + datastore.name()
              + "' is a "
              + datastore.getClass().getSimpleName()
              + "; Azure ML datastores are registered from an"
              + " AzureBlobDatastore or an AdlsGen2Datastore");
    }
    properties.set("credentials", credentials(credential, secretValues, secrets));
    ObjectNode resource = ArmJson.object();
    resource.set("properties", properties);
    return resource;
  }

  private static ObjectNode credentials(
      DatastoreCredentialDefinition credential,
      Function<SecretReference, String> secretValues,
      Collection<String> secrets) {
    ObjectNode node = ArmJson.object();
    if (credential instanceof DatastoreCredentialDefinition.AccountKey key) {
      node.put("credentialsType", "AccountKey")
          .putObject("secrets")
          .put("secretsType", "AccountKey")
          .put("key", value(key.key(), secretValues, secrets));
    } else if (credential instanceof DatastoreCredentialDefinition.Sas sas) {
      node.put("credentialsType", "Sas")
          .putObject("secrets")
          .put("secretsType", "Sas")
          .put("sasToken", value(sas.token(), secretValues, secrets));
    } else if (credential instanceof DatastoreCredentialDefinition.ServicePrincipal sp) {
      node.put("credentialsType", "ServicePrincipal")
          .put("tenantId", sp.tenantId())
          .put("clientId", sp.clientId())
          .putObject("secrets")
          .put("secretsType", "ServicePrincipal")
          .put("clientSecret", value(sp.clientSecret(), secretValues, secrets));
    } else {
      node.put("credentialsType", "None");
    }
    return node;
  }

  private static String value(
      SecretReference secret,
      Function<SecretReference, String> secretValues,
      Collection<String> secrets) {
    String value = secretValues.apply(secret);
    secrets.add(value);
    return value;
  }

  /**
   * Reads a datastore resource.
   *
   * @param resource the resource
   * @return the datastore
   */
  public static DatastoreInfo info(JsonNode resource) {
    JsonNode p = ArmJson.properties(resource);
    String container = ArmJson.text(p, "containerName");
    return new DatastoreInfo(
        ArmJson.text(resource, "id"),
        ArmJson.text(resource, "name"),
        ArmJson.text(p, "datastoreType"),
        ArmJson.text(p, "accountName"),
        container != null ? container : ArmJson.text(p, "filesystem"),
        ArmJson.text(p, "endpoint"),
        ArmJson.text(p.path("credentials"), "credentialsType"),
        p.path("isDefault").asBoolean(false));
  }

  /**
   * Reads a {@code listSecrets} answer.
   *
   * @param datastore the datastore's name, for the secret's reference
   * @param body the answer
   * @return the secrets, the value wrapped so it is never printed
   */
  public static DatastoreSecrets secrets(String datastore, JsonNode body) {
    String type = ArmJson.text(body, "secretsType");
    String value = ArmJson.text(body, "key");
    if (value == null) {
      value = ArmJson.text(body, "sasToken");
    }
    if (value == null) {
      value = ArmJson.text(body, "clientSecret");
    }
    Secret secret =
        value == null || value.isEmpty()
            ? Secret.reference("azureml:datastores/" + datastore)
            : Secret.of("azureml:datastores/" + datastore, value);
    return new DatastoreSecrets(type, secret);
  }
}
