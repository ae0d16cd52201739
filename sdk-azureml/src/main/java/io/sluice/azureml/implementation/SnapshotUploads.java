package io.sluice.azureml.implementation;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.azureml.AzureMlException;
import io.sluice.azureml.AzureMlResourceNotFoundException;
import io.sluice.azureml.SnapshotUploader;
import io.sluice.azureml.models.BlobFolder;
import io.sluice.azureml.models.CodeSnapshot;
import io.sluice.azureml.models.CodeVersion;
import io.sluice.azureml.models.DatastoreInfo;
import io.sluice.azureml.models.DatastoreSecrets;
import io.sluice.core.model.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Uploads source snapshots: code assets through a pending upload, models to a datastore. */
public final class SnapshotUploads {
  private final ArmClient arm;
  private final SnapshotUploader uploader;

  /**
   * Creates the uploads.
   *
   * @param arm the ARM client
   * @param uploader the blob uploader
   */
  public SnapshotUploads(ArmClient arm, SnapshotUploader uploader) {
    this.arm = arm;
    this.uploader = uploader;
  }

  /**
   * Uploads a directory as a code version named by the hash of its files; an existing version of
   * that name means the same files are already there, so nothing is sent.
   *
   * @param pathTemplate the code version's path with {@code {version}} for the version
   * @param name the code asset's name, for messages
   * @param directory the source directory
   * @return the code version and what was sent
   */
  public CodeSnapshot code(String pathTemplate, String name, Path directory) {
    SourceSnapshot snapshot = SourceSnapshot.of(directory);
    String path = pathTemplate.replace("{version}", snapshot.hash().substring(0, 32));
    try {
      CodeVersion existing =
          AssetWire.codeVersion(arm.send(HttpMethod.GET, arm.url(path), null).body());
      return new CodeSnapshot(existing, snapshot.files().size(), 0, 0);
    } catch (AzureMlResourceNotFoundException notYetUploaded) {
      // A new snapshot: ask for a place to upload it to.
    }
    ObjectNode request =
        ArmJson.object()
            .put("pendingUploadId", UUID.randomUUID().toString())
            .put("pendingUploadType", "TemporaryBlobReference");
    JsonNode reference =
        arm.send(HttpMethod.POST, arm.url(path + "/startPendingUpload"), request)
            .body()
            .path("blobReferenceForConsumption");
    String blobUri = ArmJson.text(reference, "blobUri");
    String sasUri = ArmJson.text(reference.path("credential"), "sasUri");
    if (blobUri == null || sasUri == null) {
      throw new AzureMlException(
          "startPendingUpload for code '"
              + name
              + "' returned no blob"
              + " reference with a SAS credential; the workspace's storage may not allow SAS",
          200,
          null);
    }
    List<String> sent =
        uploader.upload(
            BlobUris.folderFromSas(blobUri, sasUri), snapshot.files(), snapshot.sha256());
    CodeVersion created =
        AssetWire.codeVersion(
            arm.send(HttpMethod.PUT, arm.url(path), AssetWire.code(blobUri)).body());
    return new CodeSnapshot(created, snapshot.files().size(), sent.size(), bytes(snapshot, sent));
  }

  /**
   * Uploads a snapshot to a folder of a blob datastore with the datastore's own credential.
   *
   * @param snapshot the files
   * @param store the datastore
   * @param secrets its account key or SAS token
   * @param prefix the folder below the container
   * @return the relative paths sent
   */
  public List<String> toDatastore(
      SourceSnapshot snapshot, DatastoreInfo store, DatastoreSecrets secrets, String prefix) {
    String containerUrl =
        "https://"
            + store.accountName()
            + ".blob."
            + Optional.ofNullable(store.endpoint()).orElse("core.windows.net")
            + "/"
            + store.container();
    Optional<Secret> secret = Optional.of(secrets.secret());
    BlobFolder target =
        "Sas".equals(secrets.secretsType())
            ? new BlobFolder(containerUrl, prefix, secret, Optional.empty())
            : new BlobFolder(containerUrl, prefix, Optional.empty(), secret);
    return uploader.upload(target, snapshot.files(), snapshot.sha256());
  }

  private static long bytes(SourceSnapshot snapshot, List<String> sent) {
    return sent.stream().map(snapshot.files()::get).mapToLong(BlobUris::size).sum();
  }
}
