package io.sluice.azureml.datastore;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What a datastore path holds: either one blob named exactly as the path, or the blobs below it,
 * which count as complete only while the {@link BlobPaths#MARKER} blob exists.
 */
final class BlobTree {
  private final BlobContainerClient container;
  private final BlobLocation location;
  private final String path;

  BlobTree(BlobContainerClient container, BlobLocation location, String path) {
    this.container = container;
    this.location = location;
    this.path = BlobPaths.normalize(path);
  }

  /**
   * One file to read: its name relative to the path (or, for a single blob, its base name), the
   * blob name and what identifies its content: its Content-MD5 in Base64, as the header carries it
   * (null when storage has none), and its ETag.
   */
  record Entry(String relativeName, String blobName, long size, String contentMd5, String etag) {
    /** The content identity used by hashes: the MD5 when storage has one, else the ETag. */
    String contentId() {
      return contentMd5 != null ? contentMd5 : etag;
    }
  }

  /** A Content-MD5 in Base64, or null when there is none. */
  static String base64(byte[] md5) {
    return md5 == null ? null : Base64.getEncoder().encodeToString(md5);
  }

  /** A consistent view of the path: its files and the marker's ETag (null for a single blob). */
  record Snapshot(List<Entry> entries, String markerEtag) {}

  String path() {
    return path;
  }

  BlobContainerClient container() {
    return container;
  }

  BlobLocation location() {
    return location;
  }

  /** The blob named exactly as the path, unless the path is the root or names a folder. */
  BlobProperties singleBlob() {
    if (path.isEmpty()) {
      return null;
    }
    BlobProperties properties = properties(path);
    return properties == null || isFolder(properties.getMetadata()) ? null : properties;
  }

  /** The ETag of the completion marker, or null when the folder is not (yet) complete. */
  String markerEtag() {
    BlobProperties marker = properties(BlobPaths.prefix(path) + BlobPaths.MARKER);
    return marker == null ? null : marker.getETag();
  }

  /** The complete content of the path; fails when it is missing or incomplete. */
  Snapshot snapshot(String action) {
    BlobProperties single = singleBlob();
    if (single != null) {
      Entry entry =
          new Entry(
              BlobPaths.baseName(path),
              path,
              single.getBlobSize(),
              base64(single.getContentMd5()),
              single.getETag());
      return new Snapshot(List.of(entry), null);
    }
    // Marker first: an upload that starts after this point deletes it, which recheck() notices.
    String marker = markerEtag();
    List<Entry> entries = files();
    if (marker == null && entries.isEmpty()) {
      throw new DatastoreNotFoundException(
          "Nothing is at "
              + location.describe(path)
              + " to "
              + action
              + "; check the path, or"
              + " upload the data first",
          null);
    }
    if (marker == null) {
      throw new IncompleteDataException(
          "The data at "
              + location.describe(path)
              + " is incomplete: it has no "
              + BlobPaths.MARKER
              + " marker, so its upload has not finished or failed part-way;"
              + " rerun the step or upload that writes it",
          null);
    }
    return new Snapshot(entries, marker);
  }

  /** Fails when the folder was replaced (or its upload restarted) since the snapshot was taken. */
  void recheck(Snapshot snapshot) {
    if (snapshot.markerEtag() != null && !snapshot.markerEtag().equals(markerEtag())) {
      throw new IncompleteDataException(
          "The data at "
              + location.describe(path)
              + " changed while it was being read; read it"
              + " again once the writer has finished",
          null);
    }
  }

  /** Every file below the path, without the marker and without ADLS Gen2 directory entries. */
  List<Entry> files() {
    String prefix = BlobPaths.prefix(path);
    ListBlobsOptions options =
        new ListBlobsOptions()
            .setPrefix(prefix)
            .setDetails(new BlobListDetails().setRetrieveMetadata(true));
    List<Entry> entries = new ArrayList<>();
    for (BlobItem item : container.listBlobs(options, null)) {
      String relative = item.getName().substring(prefix.length());
      if (!relative.equals(BlobPaths.MARKER) && !isFolder(item.getMetadata())) {
        var p = item.getProperties();
        entries.add(
            new Entry(
                relative,
                item.getName(),
                p.getContentLength(),
                base64(p.getContentMd5()),
                p.getETag()));
      }
    }
    entries.sort(Comparator.comparing(Entry::relativeName));
    return entries;
  }

  /** SHA-256 over the sorted (name, size, content MD5 or ETag) listing. */
  static String hash(List<Entry> entries) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Entry entry : entries) {
        String line = entry.relativeName() + "\t" + entry.size() + "\t" + entry.contentId() + "\n";
        digest.update(line.getBytes(StandardCharsets.UTF_8));
      }
      return "sha256:" + HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  private BlobProperties properties(String blobName) {
    try {
      return container.getBlobClient(blobName).getProperties();
    } catch (BlobStorageException e) {
      if (e.getStatusCode() == 404 && !BlobErrorCode.CONTAINER_NOT_FOUND.equals(e.getErrorCode())) {
        return null;
      }
      throw e;
    }
  }

  /** ADLS Gen2 (hierarchical namespace) lists its directories as empty blobs with this flag. */
  private static boolean isFolder(Map<String, String> metadata) {
    return metadata != null && "true".equalsIgnoreCase(metadata.get("hdi_isfolder"));
  }
}
