package io.sluice.databricks.models;

import io.sluice.core.model.Secret;
import java.util.Objects;

/**
 * A new personal access token: its metadata and its value, held as a {@link Secret} so that
 * printing or logging it shows only its reference.
 */
public final class CreatedToken {
  private final TokenInfo info;
  private final Secret value;

  /**
   * Creates the result.
   *
   * @param info the token's metadata
   * @param value the token, as a secret
   */
  public CreatedToken(TokenInfo info, Secret value) {
    this.info = Objects.requireNonNull(info, "info");
    this.value = Objects.requireNonNull(value, "value");
  }

  /** Returns the token's metadata. */
  public TokenInfo info() {
    return info;
  }

  /** Returns the token value, as a secret whose reference is {@code databricks-token-<id>}. */
  public Secret value() {
    return value;
  }

  @Override
  public String toString() {
    return "CreatedToken{" + info + "}";
  }
}
