package io.sluice.azureml.implementation;

import io.sluice.azureml.models.BlobFolder;
import io.sluice.core.model.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Splits blob URLs into container, folder and SAS token. */
public final class BlobUris {
  private BlobUris() {}

  /**
   * The folder a pending upload's SAS URI grants, with its token as a secret.
   *
   * @param blobUri the folder, {@code https://acct.blob.core.windows.net/container/path}
   * @param sasUri the same with a SAS query
   * @return the folder
   */
  public static BlobFolder folderFromSas(String blobUri, String sasUri) {
    URI uri = URI.create(blobUri);
    String path = uri.getPath().startsWith("/") ? uri.getPath().substring(1) : uri.getPath();
    // An emulator puts the account first in the path; its container is the next segment.
    boolean emulator = uri.getHost() != null && !uri.getHost().contains(".blob.");
    int containerStart = emulator && path.contains("/") ? path.indexOf('/') + 1 : 0;
    int containerEnd = path.indexOf('/', containerStart);
    String base = uri.getScheme() + "://" + uri.getRawAuthority() + "/";
    String container = containerEnd < 0 ? path : path.substring(0, containerEnd);
    String prefix = containerEnd < 0 ? "" : path.substring(containerEnd + 1);
    while (prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    String query = URI.create(sasUri).getRawQuery();
    Optional<Secret> sas =
        query == null ? Optional.empty() : Optional.of(Secret.of("azureml:pendingUpload", query));
    return new BlobFolder(base + container, prefix, sas, Optional.empty());
  }

  /**
   * A file's size.
   *
   * @param file the file
   * @return its size in bytes
   */
  public static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
