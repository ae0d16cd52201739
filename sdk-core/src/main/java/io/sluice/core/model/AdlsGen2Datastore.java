package io.sluice.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.sluice.core.implementation.ModelChecks;
import io.sluice.core.implementation.SluiceStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** An Azure Data Lake Storage Gen2 file system ({@code abfss://}). */
@Value.Immutable
@SluiceStyle
@JsonSerialize(as = ImmutableAdlsGen2Datastore.class)
@JsonDeserialize(as = ImmutableAdlsGen2Datastore.class)
public abstract non-sealed class AdlsGen2Datastore implements Datastore {

  /** The storage account name. @return the account */
  public abstract String accountName();

  /** The file system (container) name. @return the file system */
  public abstract String fileSystem();

  /** The endpoint suffix. @return the suffix, {@code core.windows.net} by default */
  @Value.Default
  public String endpointSuffix() {
    return "core.windows.net";
  }

  /** A full DFS endpoint replacing the one built from account and suffix. @return the override */
  public abstract Optional<String> dfsEndpoint();

  /** The credential; identity-based access when absent. @return the credential */
  @Value.Default
  public DatastoreCredential credential() {
    return DatastoreCredential.identity();
  }

  @Value.Check
  void check() {
    String owner = "AdlsGen2Datastore '" + name() + "'";
    DatastoreNames.check(owner, name());
    ModelChecks.check(
        accountName().matches("[a-z0-9]{3,24}"),
        owner,
        "accountName",
        accountName(),
        "use the storage account name: 3 to 24 lower-case letters and digits");
    ModelChecks.notBlank(owner, "fileSystem", fileSystem());
    ModelChecks.check(
        !(credential() instanceof DatastoreCredential.Sas),
        owner,
        "credential",
        "sas",
        "use a service principal, an account key or identity-based access for ADLS Gen2");
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AdlsGen2Datastore}. */
  public static final class Builder extends ImmutableAdlsGen2Datastore.Builder {}
}
