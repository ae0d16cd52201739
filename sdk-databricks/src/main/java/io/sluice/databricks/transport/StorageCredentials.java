package io.sluice.databricks.transport;

import io.sluice.core.definition.DatastoreCredentialDefinition;
import io.sluice.core.definition.DatastoreDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.SecretReference;
import io.sluice.databricks.DatabricksResourceAlreadyExistsException;
import io.sluice.databricks.SecretsClient;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Gives new clusters access to the pipeline's storage without putting a key in a parameter or a
 * request: each datastore secret is put in a Databricks secret scope, and the cluster's Spark
 * configuration names it as {@code {{secrets/<scope>/<key>}}}, which Databricks resolves on the
 * cluster. Datastores with identity-based access need nothing.
 */
final class StorageCredentials {
  private final String scope;
  private final Map<String, String> sparkConf = new TreeMap<>();
  private final Map<String, SecretReference> secrets = new TreeMap<>();

  StorageCredentials(PipelineDefinition definition, String scope) {
    this.scope = scope;
    for (DatastoreDefinition datastore : definition.datastores()) {
      if (datastore instanceof DatastoreDefinition.AzureBlob blob) {
        String host = blob.accountName() + ".blob." + blob.endpointSuffix();
        if (blob.credential() instanceof DatastoreCredentialDefinition.AccountKey key) {
          sparkConf.put("fs.azure.account.key." + host, reference(key.key()));
        } else if (blob.credential() instanceof DatastoreCredentialDefinition.Sas sas) {
          sparkConf.put(
              "fs.azure.sas." + blob.containerName() + "." + host, reference(sas.token()));
        }
      } else if (datastore instanceof DatastoreDefinition.AdlsGen2 adls) {
        String host = adls.accountName() + ".dfs." + adls.endpointSuffix();
        if (adls.credential() instanceof DatastoreCredentialDefinition.AccountKey key) {
          sparkConf.put("fs.azure.account.key." + host, reference(key.key()));
        } else if (adls.credential() instanceof DatastoreCredentialDefinition.ServicePrincipal sp) {
          sparkConf.put("fs.azure.account.auth.type." + host, "OAuth");
          sparkConf.put(
              "fs.azure.account.oauth.provider.type." + host,
              "org.apache.hadoop.fs.azurebfs.oauth2.ClientCredsTokenProvider");
          sparkConf.put("fs.azure.account.oauth2.client.id." + host, sp.clientId());
          sparkConf.put(
              "fs.azure.account.oauth2.client.secret." + host, reference(sp.clientSecret()));
          sparkConf.put(
              "fs.azure.account.oauth2.client.endpoint." + host,
              "https://login.microsoftonline.com/" + sp.tenantId() + "/oauth2/token");
        }
      }
    }
  }

  private String reference(SecretReference secret) {
    String key = secretKey(secret.reference());
    secrets.put(key, secret);
    return "{{secrets/" + scope + "/" + key + "}}";
  }

  /** A secret reference as a scope key: letters, digits, {@code _ . -}. */
  static String secretKey(String reference) {
    return reference.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  /** Returns the Spark configuration new clusters get; values are secret references only. */
  Map<String, String> sparkConf() {
    return sparkConf;
  }

  /**
   * Puts every secret the configuration refers to in the scope, creating the scope if needed.
   *
   * @param values resolves a reference to its value, failing when the run has none
   */
  void store(SecretsClient client, Function<SecretReference, String> values) {
    if (secrets.isEmpty()) {
      return;
    }
    try {
      client.createScope(scope, null);
    } catch (DatabricksResourceAlreadyExistsException e) {
      // The scope outlives runs; its secrets are overwritten below.
    }
    secrets.forEach(
        (key, secret) -> {
          client.putSecret(scope, key, values.apply(secret));
        });
  }
}
