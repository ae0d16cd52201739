package io.sluice.databricks;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.rest.PagedIterable;
import com.fasterxml.jackson.annotation.JsonCreator;
import io.sluice.databricks.implementation.DatabricksHttp;
import io.sluice.databricks.implementation.Pages;
import io.sluice.databricks.models.DirectoryEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Files API for Unity Catalog volumes ({@code /Volumes/<catalog>/<schema>/<volume>/...}): files
 * up to 5 GiB in one request (streamed from and to disk with the {@link Path} overloads), and
 * folders.
 */
public final class FilesClient {
  /** The largest file one upload takes. */
  public static final long MAX_FILE = 5L * 1024 * 1024 * 1024;

  private final DatabricksHttp http;

  FilesClient(DatabricksHttp http) {
    this.http = http;
  }

  /**
   * Uploads a file; a PUT of the whole content, so it is safely retried.
   *
   * @param path e.g. {@code /Volumes/main/default/data/a.csv}
   * @param contents the bytes
   * @param overwrite whether to replace an existing file
   */
  public void upload(String path, byte[] contents, boolean overwrite) {
    http.raw(
        HttpMethod.PUT,
        "/api/2.0/fs/files" + encode(path) + "?overwrite=" + overwrite,
        contents,
        "application/octet-stream");
  }

  /**
   * Uploads a local file of up to 5 GiB, streamed from disk; retried like any PUT, as the file can
   * be read again.
   *
   * @param path the volume path
   * @param file the local file
   * @param overwrite whether to replace an existing file
   */
  public void upload(String path, Path file, boolean overwrite) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (size > MAX_FILE) {
      throw new IllegalArgumentException(
          "'"
              + file
              + "' has "
              + size
              + " bytes, over the Files API's "
              + MAX_FILE
              + "; split it, or write it from a cluster");
    }
    http.putFile("/api/2.0/fs/files" + encode(path) + "?overwrite=" + overwrite, file);
  }

  /**
   * Downloads a file to local disk, streamed.
   *
   * @param path the volume path
   * @param target the local file; replaced if it exists
   * @return the number of bytes written
   */
  public long download(String path, Path target) {
    return http.getToFile("/api/2.0/fs/files" + encode(path), target);
  }

  /**
   * Downloads a file.
   *
   * @param path the volume path
   * @return its bytes
   * @throws DatabricksResourceNotFoundException when there is no such file
   */
  public byte[] download(String path) {
    return http.raw(HttpMethod.GET, "/api/2.0/fs/files" + encode(path), null, null);
  }

  /**
   * Deletes a file.
   *
   * @param path the volume path
   */
  public void deleteFile(String path) {
    http.raw(HttpMethod.DELETE, "/api/2.0/fs/files" + encode(path), null, null);
  }

  /**
   * Makes a folder and its parents; nothing happens when it exists.
   *
   * @param path the volume folder
   */
  public void createDirectory(String path) {
    http.raw(HttpMethod.PUT, "/api/2.0/fs/directories" + encode(path), null, null);
  }

  /**
   * Deletes an empty folder.
   *
   * @param path the volume folder
   */
  public void deleteDirectory(String path) {
    http.raw(HttpMethod.DELETE, "/api/2.0/fs/directories" + encode(path), null, null);
  }

  /**
   * Lists a folder.
   *
   * @param path the volume folder
   * @return its entries, read a page at a time
   */
  public PagedIterable<DirectoryEntry> listDirectory(String path) {
    return Pages.iterable(
        token -> {
          Map<String, Object> query = new LinkedHashMap<>();
          query.put("page_token", token);
          DirectoryList page =
              http.get("/api/2.0/fs/directories" + encode(path), query, DirectoryList.class);
          return new Pages.Page<>(page.contents(), page.nextPageToken());
        });
  }

  /** Encodes each segment, keeping the slashes. */
  static String encode(String path) {
    if (!path.startsWith("/Volumes/")) {
      throw new IllegalArgumentException(
          "'path' is " + path + "; the Files API takes /Volumes/<catalog>/<schema>/<volume>/...");
    }
    StringBuilder out = new StringBuilder();
    for (String segment : path.substring(1).split("/", -1)) {
      out.append('/')
          .append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return out.toString();
  }

  private record DirectoryList(List<DirectoryEntry> contents, String nextPageToken) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    DirectoryList {
      contents = contents == null ? new ArrayList<>() : contents;
    }
  }
}
