package io.sluice.core.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.sluice.core.implementation.ModelChecks;

/** How a compute authenticates to a datastore. Secrets are held as {@link Secret}s. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = DatastoreCredential.AccountKey.class, name = "accountKey"),
  @JsonSubTypes.Type(value = DatastoreCredential.Sas.class, name = "sas"),
  @JsonSubTypes.Type(value = DatastoreCredential.ServicePrincipal.class, name = "servicePrincipal"),
  @JsonSubTypes.Type(value = DatastoreCredential.Identity.class, name = "identity")
})
public sealed interface DatastoreCredential {

  /**
   * A storage account key.
   *
   * @param key the account key
   */
  record AccountKey(Secret key) implements DatastoreCredential {
    /** Checks the key is present. */
    public AccountKey {
      ModelChecks.check(key != null, "AccountKey", "key", null, "give the account key as a Secret");
    }
  }

  /**
   * A shared access signature token.
   *
   * @param token the SAS token, without a leading {@code ?}
   */
  record Sas(Secret token) implements DatastoreCredential {
    /** Checks the token is present. */
    public Sas {
      ModelChecks.check(token != null, "Sas", "token", null, "give the SAS token as a Secret");
    }
  }

  /**
   * A Microsoft Entra service principal (ADLS Gen2 OAuth).
   *
   * @param tenantId the directory (tenant) id
   * @param clientId the application (client) id
   * @param clientSecret the client secret
   */
  record ServicePrincipal(String tenantId, String clientId, Secret clientSecret)
      implements DatastoreCredential {
    /** Checks every part is present. */
    public ServicePrincipal {
      ModelChecks.notBlank("ServicePrincipal", "tenantId", tenantId);
      ModelChecks.notBlank("ServicePrincipal", "clientId", clientId);
      ModelChecks.check(
          clientSecret != null,
          "ServicePrincipal",
          "clientSecret",
          null,
          "give the client secret as a Secret");
    }
  }

  /** The compute's own identity; no secret is stored. */
  record Identity() implements DatastoreCredential {}

  /**
   * An account key credential.
   *
   * @param key the key
   * @return the credential
   */
  static DatastoreCredential accountKey(Secret key) {
    return new AccountKey(key);
  }

  /**
   * A SAS credential.
   *
   * @param token the token
   * @return the credential
   */
  static DatastoreCredential sas(Secret token) {
    return new Sas(token);
  }

  /**
   * Identity-based access.
   *
   * @return the credential
   */
  static DatastoreCredential identity() {
    return new Identity();
  }
}
