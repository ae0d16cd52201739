package io.sluice.azureml.datastore;

import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import io.sluice.core.SluiceException;
import io.sluice.core.definition.DatastoreCredentialDefinition;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns storage failures into typed exceptions that say what to fix, with every secret value
 * removed from the messages of the whole cause chain: service errors and transport exceptions can
 * quote request URLs, and a SAS token travels in the URL.
 */
final class StorageErrors {
  private static final Pattern SIGNATURE = Pattern.compile("(?i)(sig=)[^&\\s\"'<]+");
  private static final int MAX_CAUSES = 10;

  private final BlobLocation location;
  private final List<String> secretValues;

  StorageErrors(BlobLocation location, List<String> secretValues) {
    this.location = location;
    // A SAS token may be quoted URL-encoded (inside a request URL) as well as verbatim.
    this.secretValues =
        secretValues.stream()
            .flatMap(v -> Stream.of(v, URLEncoder.encode(v, StandardCharsets.UTF_8)))
            .distinct()
            .toList();
  }

  /** The errors of a location, masking the value of its account key or SAS token. */
  static StorageErrors of(BlobLocation location, Function<String, String> secrets) {
    List<String> values = new ArrayList<>();
    DatastoreCredentialDefinition credential = location.credential();
    if (credential instanceof DatastoreCredentialDefinition.AccountKey key) {
      values.add(StorageClients.value(key.key(), location, secrets));
    } else if (credential instanceof DatastoreCredentialDefinition.Sas sas) {
      values.add(StorageClients.value(sas.token(), location, secrets));
    }
    return new StorageErrors(location, values);
  }

  /** The typed exception for a failure while doing {@code action} (e.g. "upload to") a path. */
  DatastoreException translate(RuntimeException failure, String action, String path) {
    if (failure instanceof DatastoreException known) {
      return known;
    }
    String where = location.describe(path);
    Throwable cause = redacted(failure, 0);
    BlobStorageException storage = find(failure);
    if (storage == null) {
      return new DatastoreException(
          "Could not "
              + action
              + " "
              + where
              + " at "
              + location.blobEndpoint()
              + ": "
              + redact(rootMessage(failure))
              + "; check the local files, the endpoint and the network",
          cause);
    }
    int status = storage.getStatusCode();
    BlobErrorCode code = storage.getErrorCode();
    String http = " (HTTP " + status + (code == null ? "" : " " + code) + ")";
    if (status == 401 || status == 403) {
      return new DatastoreAuthenticationException(
          "The storage account refused to let us " + action + " " + where + http + "; " + authFix(),
          cause);
    }
    if (BlobErrorCode.CONTAINER_NOT_FOUND.equals(code)) {
      return new DatastoreNotFoundException(
          "Container '"
              + location.container()
              + "' does not exist, so could not "
              + action
              + " "
              + where
              + http
              + "; create it, or fix the container name of datastore '"
              + location.datastoreName()
              + "'",
          cause);
    }
    if (status == 404) {
      return new DatastoreNotFoundException(
          "Nothing found to " + action + " at " + where + http + "; check the path", cause);
    }
    return new DatastoreException(
        "Could not " + action + " " + where + http + ": " + redact(storage.getServiceMessage()),
        cause);
  }

  private String authFix() {
    DatastoreCredentialDefinition credential = location.credential();
    if (credential instanceof DatastoreCredentialDefinition.AccountKey key) {
      return "check that secret '"
          + key.key().reference()
          + "' holds a current key of storage"
          + " account '"
          + location.accountName()
          + "'";
    }
    if (credential instanceof DatastoreCredentialDefinition.Sas sas) {
      return "check that the SAS token in secret '"
          + sas.token().reference()
          + "' is for account '"
          + location.accountName()
          + "', not expired, and grants read, write, delete and list";
    }
    return "grant the identity the Storage Blob Data Contributor role on container '"
        + location.container()
        + "'";
  }

  /** The text with every secret value and SAS signature masked. */
  String redact(String text) {
    if (text == null) {
      return "";
    }
    String out = text;
    for (String secret : secretValues) {
      out = out.replace(secret, "****");
    }
    return SIGNATURE.matcher(out).replaceAll("$1****");
  }

  /** A copy of the cause chain with redacted messages and the original stack traces. */
  private Throwable redacted(Throwable failure, int depth) {
    if (failure == null || depth == MAX_CAUSES) {
      return null;
    }
    SluiceException copy =
        new SluiceException(
            failure.getClass().getName() + ": " + redact(failure.getMessage()),
            redacted(failure.getCause(), depth + 1));
    copy.setStackTrace(failure.getStackTrace());
    return copy;
  }

  private static BlobStorageException find(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BlobStorageException storage) {
        return storage;
      }
    }
    return null;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
