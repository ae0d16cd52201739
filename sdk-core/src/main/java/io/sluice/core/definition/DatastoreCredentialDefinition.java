package io.sluice.core.definition;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How a compute authenticates to a datastore. Secrets appear only as references. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = DatastoreCredentialDefinition.AccountKey.class, name = "accountKey"),
  @JsonSubTypes.Type(value = DatastoreCredentialDefinition.Sas.class, name = "sas"),
  @JsonSubTypes.Type(
      value = DatastoreCredentialDefinition.ServicePrincipal.class,
      name = "servicePrincipal"),
  @JsonSubTypes.Type(value = DatastoreCredentialDefinition.Identity.class, name = "identity")
})
public sealed interface DatastoreCredentialDefinition {

  /**
   * A storage account key.
   *
   * @param key the account key's reference
   */
  record AccountKey(SecretReference key) implements DatastoreCredentialDefinition {}

  /**
   * A shared access signature token.
   *
   * @param token the SAS token's reference
   */
  record Sas(SecretReference token) implements DatastoreCredentialDefinition {}

  /**
   * A Microsoft Entra service principal (ADLS Gen2 OAuth).
   *
   * @param tenantId the directory (tenant) id
   * @param clientId the application (client) id
   * @param clientSecret the client secret's reference
   */
  record ServicePrincipal(String tenantId, String clientId, SecretReference clientSecret)
      implements DatastoreCredentialDefinition {}

  /** The compute's own identity; no secret is involved. */
  record Identity() implements DatastoreCredentialDefinition {}
}
