package io.sluice.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.sluice.core.implementation.ModelChecks;
import io.sluice.core.implementation.SluiceStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** An Azure Blob Storage container, as Azure ML's {@code register_azure_blob_container}. */
@Value.Immutable
@SluiceStyle
@JsonSerialize(as = ImmutableAzureBlobDatastore.class)
@JsonDeserialize(as = ImmutableAzureBlobDatastore.class)
public abstract non-sealed class AzureBlobDatastore implements Datastore {

  /** The storage account name. @return the account */
  public abstract String accountName();

  /** The blob container name. @return the container */
  public abstract String containerName();

  /** The endpoint suffix, {@code core.windows.net} unless a sovereign cloud. @return the suffix */
  @Value.Default
  public String endpointSuffix() {
    return "core.windows.net";
  }

  /** The protocol, {@code https} unless told otherwise. @return the protocol */
  @Value.Default
  public String protocol() {
    return "https";
  }

  /**
   * A full blob service endpoint that replaces the one built from account, protocol and suffix,
   * e.g. Azurite's {@code http://127.0.0.1:10000/devstoreaccount1}.
   *
   * @return the endpoint override
   */
  public abstract Optional<String> blobEndpoint();

  /** The credential; identity-based access when absent. @return the credential */
  @Value.Default
  public DatastoreCredential credential() {
    return DatastoreCredential.identity();
  }

  /**
   * The blob service endpoint this datastore uses.
   *
   * @return the endpoint URL, without a trailing slash
   */
  public String serviceEndpoint() {
    return blobEndpoint().orElse(protocol() + "://" + accountName() + ".blob." + endpointSuffix());
  }

  @Value.Check
  void check() {
    String owner = "AzureBlobDatastore '" + name() + "'";
    DatastoreNames.check(owner, name());
    ModelChecks.check(
        accountName().matches("[a-z0-9]{3,24}"),
        owner,
        "accountName",
        accountName(),
        "use the storage account name: 3 to 24 lower-case letters and digits");
    ModelChecks.check(
        containerName().matches("\\$root|[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]"),
        owner,
        "containerName",
        containerName(),
        "use 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a"
            + " letter or digit");
    ModelChecks.check(
        protocol().equals("https") || protocol().equals("http"),
        owner,
        "protocol",
        protocol(),
        "use https (or http for a local emulator)");
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AzureBlobDatastore}. */
  public static final class Builder extends ImmutableAzureBlobDatastore.Builder {}
}
