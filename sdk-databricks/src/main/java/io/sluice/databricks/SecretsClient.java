package io.sluice.databricks;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.sluice.databricks.implementation.DatabricksHttp;
import io.sluice.databricks.models.AclItem;
import io.sluice.databricks.models.AclPermission;
import io.sluice.databricks.models.SecretMetadata;
import io.sluice.databricks.models.SecretScope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Secrets API: Databricks-backed scopes, secrets (write-only from outside a cluster), and who
 * may read them. Clusters read a secret with {@code dbutils.secrets.get} or a Spark conf value
 * {@code {{secrets/<scope>/<key>}}}. Secret values are never logged.
 */
public final class SecretsClient {
  private static final String BASE = "/api/2.0/secrets/";
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  private final DatabricksHttp http;

  SecretsClient(DatabricksHttp http) {
    this.http = http;
  }

  /**
   * Creates a Databricks-backed scope.
   *
   * @param scope the scope's name
   * @param initialManagePrincipal {@code users} to let every user manage it, or null for the
   *     creator only
   * @throws DatabricksResourceAlreadyExistsException when it exists
   */
  public void createScope(String scope, String initialManagePrincipal) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("scope", checkName("scope", scope));
    if (initialManagePrincipal != null) {
      body.put("initial_manage_principal", initialManagePrincipal);
    }
    // A replay can only add RESOURCE_ALREADY_EXISTS, which callers that ensure a scope ignore.
    http.post(BASE + "scopes/create", body, Void.class, true);
  }

  /** Returns every scope. */
  public List<SecretScope> listScopes() {
    return http.get(BASE + "scopes/list", null, ScopeList.class).scopes();
  }

  /**
   * Deletes a scope and its secrets.
   *
   * @param scope the scope
   */
  public void deleteScope(String scope) {
    http.post(BASE + "scopes/delete", Map.of("scope", scope), Void.class, false);
  }

  /**
   * Puts a secret, replacing any value under the key; safely retried.
   *
   * @param scope the scope
   * @param key 1 to 128 letters, digits, {@code _ . -}
   * @param value the value, at most 128 KB; never logged
   */
  public void putSecret(String scope, String key, String value) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("scope", scope);
    body.put("key", checkName("key", key));
    body.put("string_value", value);
    http.post(BASE + "put", body, Void.class, true);
  }

  /**
   * Lists a scope's secrets: keys and times, never values.
   *
   * @param scope the scope
   * @return the secrets
   */
  public List<SecretMetadata> listSecrets(String scope) {
    return http.get(BASE + "list", Map.of("scope", scope), SecretList.class).secrets();
  }

  /**
   * Deletes a secret.
   *
   * @param scope the scope
   * @param key the key
   */
  public void deleteSecret(String scope, String key) {
    http.post(BASE + "delete", Map.of("scope", scope, "key", key), Void.class, false);
  }

  /**
   * Grants a permission on a scope, replacing the principal's earlier one; safely retried.
   *
   * @param scope the scope
   * @param principal a user, group or service principal
   * @param permission the permission
   */
  public void putAcl(String scope, String principal, AclPermission permission) {
    http.post(
        BASE + "acls/put",
        Map.of("scope", scope, "principal", principal, "permission", permission),
        Void.class,
        true);
  }

  /**
   * Lists a scope's permissions.
   *
   * @param scope the scope
   * @return who may do what
   */
  public List<AclItem> listAcls(String scope) {
    return http.get(BASE + "acls/list", Map.of("scope", scope), AclList.class).items();
  }

  /**
   * Removes a principal's permission on a scope.
   *
   * @param scope the scope
   * @param principal the principal
   */
  public void deleteAcl(String scope, String principal) {
    http.post(
        BASE + "acls/delete", Map.of("scope", scope, "principal", principal), Void.class, false);
  }

  private static String checkName(String field, String value) {
    if (value == null || !KEY.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "'" + field + "' is " + value + "; use 1 to 128 letters, digits, '_', '.' or '-'");
    }
    return value;
  }

  private record ScopeList(List<SecretScope> scopes) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    ScopeList {
      scopes = scopes == null ? List.of() : scopes;
    }
  }

  private record SecretList(List<SecretMetadata> secrets) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    SecretList {
      secrets = secrets == null ? List.of() : secrets;
    }
  }

  private record AclList(List<AclItem> items) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    AclList {
      items = items == null ? List.of() : items;
    }
  }
}
