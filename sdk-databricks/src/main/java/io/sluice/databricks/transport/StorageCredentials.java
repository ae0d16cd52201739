package io.sluice.databricks.transport;

import io.sluice.core.SluiceException;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.AdlsGen2Datastore;
import io.sluice.core.model.AzureBlobDatastore;
import io.sluice.core.model.Datastore;
import io.sluice.core.model.DatastoreCredential;
import io.sluice.core.model.Secret;
import io.sluice.databricks.ResourceAlreadyExistsException;
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
  private final Map<String, Secret> secrets = new TreeMap<>();

  StorageCredentials(PipelineDefinition definition, String scope) {
    this.scope = scope;
    for (Datastore datastore : definition.datastores()) {
      if (datastore instanceof AzureBlobDatastore blob) {
        String host = blob.accountName() + ".blob." + blob.endpointSuffix();
        if (blob.credential() instanceof DatastoreCredential.AccountKey key) {
          sparkConf.put("fs.azure.account.key." + host, reference(key.key()));
        } else if (blob.credential() instanceof DatastoreCredential.Sas sas) {
          sparkConf.put("fs.azure.sas." + blob.containerName() + "." + host, reference(sas.token()));
        }
      } else if (datastore instanceof AdlsGen2Datastore adls) {
        String host = adls.accountName() + ".dfs." + adls.endpointSuffix();
        if (adls.credential() instanceof DatastoreCredential.AccountKey key) {
          sparkConf.put("fs.azure.account.key." + host, reference(key.key()));
        } else if (adls.credential() instanceof DatastoreCredential.ServicePrincipal sp) {
          sparkConf.put("fs.azure.account.auth.type." + host, "OAuth");
          sparkConf.put("fs.azure.account.oauth.provider.type." + host,
              "org.apache.hadoop.fs.azurebfs.oauth2.ClientCredsTokenProvider");
          sparkConf.put("fs.azure.account.oauth2.client.id." + host, sp.clientId());
          sparkConf.put("fs.azure.account.oauth2.client.secret." + host, reference(sp.clientSecret()));
          sparkConf.put("fs.azure.account.oauth2.client.endpoint." + host,
              "https://login.microsoftonline.com/" + sp.tenantId() + "/oauth2/token");
        }
      }
    }
  }

  private String reference(Secret secret) {
    String key = secretKey(secret.reference());
    secrets.put(key, secret);
    return "{{secrets/" + scope + "/" + key + "}}";
  }

  /** A secret reference as a scope key: letters, digits, {@code _ . -}. */
  static String secretKey(String reference) {
    return reference.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  /** @return the Spark configuration new clusters get; values are secret references only */
  Map<String, String> sparkConf() {
    return sparkConf;
  }

  /** Puts every secret the configuration refers to in the scope, creating the scope if needed. */
  void store(SecretsClient client, Function<String, String> values) {
    if (secrets.isEmpty()) {
      return;
    }
    try {
      client.createScope(scope, null);
    } catch (ResourceAlreadyExistsException e) {
      // The scope outlives runs; its secrets are overwritten below.
    }
    secrets.forEach((key, secret) -> {
      String value = values.apply(secret.reference());
      if (value == null) {
        throw new SluiceException("Secret '" + secret.reference() + "' has no value in this run; pass it with"
            + " RunOptions.builder().addSecrets(...) so that it can be put in secret scope '" + scope + "'");
      }
      client.putSecret(scope, key, value);
    });
  }
}
