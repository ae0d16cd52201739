package io.sluice.databricks;

import com.azure.core.http.rest.PagedIterable;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.databricks.implementation.DatabricksHttp;
import io.sluice.databricks.implementation.Pages;
import io.sluice.databricks.models.FileInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DBFS (legacy; Unity Catalog volumes use {@link FilesClient}). Small files go up in one {@code
 * put}; larger ones stream through {@code create} / {@code add-block} / {@code close} in blocks of
 * at most 1 MB, the API's limit. File contents are never logged.
 */
public final class DbfsClient {
  /** The largest block {@code put}, {@code add-block} and {@code read} accept. */
  public static final int MAX_BLOCK = 1024 * 1024;

  private static final String BASE = "/api/2.0/dbfs/";

  private final DatabricksHttp http;

  DbfsClient(DatabricksHttp http) {
    this.http = http;
  }

  /**
   * Writes a file of at most 1 MB in one call.
   *
   * @param path e.g. {@code dbfs:/tmp/a.csv} or {@code /tmp/a.csv}
   * @param contents the bytes
   * @param overwrite whether to replace an existing file
   */
  public void put(String path, byte[] contents, boolean overwrite) {
    if (contents.length > MAX_BLOCK) {
      throw new IllegalArgumentException(
          "'contents' has "
              + contents.length
              + " bytes, over DBFS put's "
              + MAX_BLOCK
              + "; use upload(path, stream, overwrite), which sends blocks");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("path", dbfsPath(path));
    body.put("contents", Base64.getEncoder().encodeToString(contents));
    body.put("overwrite", overwrite);
    // Writing the same bytes again leaves the same file.
    http.post(BASE + "put", body, Void.class, overwrite);
  }

  /**
   * Streams a file of any size up in 1 MB blocks. The stream is read once and not closed.
   *
   * @param path the DBFS path
   * @param data the bytes
   * @param overwrite whether to replace an existing file
   * @return the number of bytes written
   */
  public long upload(String path, InputStream data, boolean overwrite) {
    Map<String, Object> create = new LinkedHashMap<>();
    create.put("path", dbfsPath(path));
    create.put("overwrite", overwrite);
    long handle = http.post(BASE + "create", create, JsonNode.class, false).path("handle").asLong();
    long total = 0;
    boolean closed = false;
    try {
      byte[] block = new byte[MAX_BLOCK];
      int n;
      while ((n = data.readNBytes(block, 0, MAX_BLOCK)) > 0) {
        Map<String, Object> add = new LinkedHashMap<>();
        add.put("handle", handle);
        add.put(
            "data",
            Base64.getEncoder()
                .encodeToString(n == MAX_BLOCK ? block : java.util.Arrays.copyOf(block, n)));
        // Not replayed: a block that was appended before the failure would be appended twice.
        http.post(BASE + "add-block", add, Void.class, false);
        total += n;
      }
      http.post(BASE + "close", Map.of("handle", handle), Void.class, false);
      closed = true;
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (!closed) {
        closeQuietly(handle);
      }
    }
  }

  private void closeQuietly(long handle) {
    try {
      http.post(BASE + "close", Map.of("handle", handle), Void.class, false);
    } catch (RuntimeException ignored) {
      // The upload already failed with its own exception; an idle handle expires after 10 minutes.
    }
  }

  /**
   * Reads up to 1 MB of a file.
   *
   * @param path the DBFS path
   * @param offset where to start
   * @param length how many bytes, at most 1 MB
   * @return the bytes read; fewer than asked at the end of the file
   */
  public byte[] read(String path, long offset, int length) {
    JsonNode node =
        http.get(
            BASE + "read",
            Map.of("path", dbfsPath(path), "offset", offset, "length", length),
            JsonNode.class);
    if (node.path("bytes_read").asLong() == 0) {
      return new byte[0];
    }
    return Base64.getDecoder().decode(node.path("data").asText());
  }

  /**
   * Reads a whole file, a block at a time.
   *
   * @param path the DBFS path
   * @return its bytes
   */
  public byte[] readAll(String path) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long offset = 0;
    while (true) {
      byte[] block = read(path, offset, MAX_BLOCK);
      if (block.length == 0) {
        return out.toByteArray();
      }
      out.writeBytes(block);
      offset += block.length;
    }
  }

  /**
   * Reads a file's or folder's metadata.
   *
   * @param path the DBFS path
   * @return the metadata
   * @throws DatabricksResourceNotFoundException when nothing is there
   */
  public FileInfo getStatus(String path) {
    return http.get(BASE + "get-status", Map.of("path", dbfsPath(path)), FileInfo.class);
  }

  /**
   * Lists a folder.
   *
   * @param path the DBFS folder
   * @return its entries
   */
  public PagedIterable<FileInfo> list(String path) {
    return Pages.iterable(
        token ->
            new Pages.Page<>(
                http.get(BASE + "list", Map.of("path", dbfsPath(path)), FileList.class).files(),
                null));
  }

  /**
   * Makes a folder and its parents.
   *
   * @param path the DBFS folder
   */
  public void mkdirs(String path) {
    http.post(BASE + "mkdirs", Map.of("path", dbfsPath(path)), Void.class, true);
  }

  /**
   * Deletes a file or folder.
   *
   * @param path the DBFS path
   * @param recursive whether to delete a folder's content
   */
  public void delete(String path, boolean recursive) {
    http.post(
        BASE + "delete", Map.of("path", dbfsPath(path), "recursive", recursive), Void.class, true);
  }

  /** The API takes {@code /a/b}; {@code dbfs:/a/b} is what users and Spark write. */
  static String dbfsPath(String path) {
    return path.startsWith("dbfs:") ? path.substring("dbfs:".length()) : path;
  }

  private record FileList(List<FileInfo> files) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    FileList {
      files = files == null ? new ArrayList<>() : files;
    }
  }
}
