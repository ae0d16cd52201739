package io.sluice.databricks;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.sluice.core.model.Secret;
import io.sluice.databricks.implementation.DatabricksHttp;
import io.sluice.databricks.models.CreatedToken;
import io.sluice.databricks.models.TokenInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Tokens API: the caller's personal access tokens. A new token's value is kept as a {@link
 * Secret}.
 */
public final class TokensClient {
  private static final String BASE = "/api/2.0/token/";

  private final DatabricksHttp http;

  TokensClient(DatabricksHttp http) {
    this.http = http;
  }

  /**
   * Creates a token.
   *
   * @param lifetimeSeconds how long it lives, or null for the workspace's maximum
   * @param comment what it is for
   * @return the token; its value only as a secret
   */
  public CreatedToken createToken(Long lifetimeSeconds, String comment) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (lifetimeSeconds != null) {
      body.put("lifetime_seconds", lifetimeSeconds);
    }
    if (comment != null) {
      body.put("comment", comment);
    }
    Created created = http.post(BASE + "create", body, Created.class, false);
    return new CreatedToken(
        created.tokenInfo(),
        Secret.of("databricks-token-" + created.tokenInfo().tokenId(), created.tokenValue()));
  }

  /** Returns the caller's tokens, without values. */
  public List<TokenInfo> listTokens() {
    return http.get(BASE + "list", null, TokenList.class).tokenInfos();
  }

  /**
   * Revokes a token.
   *
   * @param tokenId the token's id
   */
  public void revokeToken(String tokenId) {
    http.post(BASE + "delete", Map.of("token_id", tokenId), Void.class, false);
  }

  private record Created(String tokenValue, TokenInfo tokenInfo) {
    @Override
    public String toString() {
      return "Created{" + tokenInfo + "}";
    }
  }

  private record TokenList(List<TokenInfo> tokenInfos) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    TokenList {
      tokenInfos = tokenInfos == null ? List.of() : tokenInfos;
    }
  }
}
