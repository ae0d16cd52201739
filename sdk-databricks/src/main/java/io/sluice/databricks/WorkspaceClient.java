package io.sluice.databricks;

import com.azure.core.http.rest.PagedIterable;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.databricks.implementation.DatabricksHttp;
import io.sluice.databricks.implementation.Pages;
import io.sluice.databricks.models.Language;
import io.sluice.databricks.models.ObjectInfo;
import io.sluice.databricks.models.WorkspaceFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Workspace API: notebooks and files in the workspace tree, and its folders. */
public final class WorkspaceClient {
  /** The largest content {@code workspace/import} takes. */
  public static final int MAX_IMPORT = 10 * 1024 * 1024;

  private static final String BASE = "/api/2.0/workspace/";

  private final DatabricksHttp http;

  WorkspaceClient(DatabricksHttp http) {
    this.http = http;
  }

  /**
   * Imports a notebook or file. With overwrite the call is safely retried.
   *
   * @param path the absolute workspace path; a notebook imported as SOURCE or AUTO loses its
   *     extension
   * @param format how to read the content
   * @param language the notebook language (SOURCE only), or null
   * @param content the bytes, at most 10 MB
   * @param overwrite whether to replace what is there
   */
  public void importObject(
      String path, WorkspaceFormat format, Language language, byte[] content, boolean overwrite) {
    if (content.length > MAX_IMPORT) {
      throw new IllegalArgumentException(
          "'content' of "
              + path
              + " has "
              + content.length
              + " bytes, over workspace import's "
              + MAX_IMPORT
              + "; put large files on a volume or DBFS");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("path", path);
    body.put("format", format);
    if (language != null) {
      body.put("language", language);
    }
    body.put("content", Base64.getEncoder().encodeToString(content));
    body.put("overwrite", overwrite);
    http.post(BASE + "import", body, Void.class, overwrite);
  }

  /**
   * Exports a notebook or file.
   *
   * @param path the workspace path
   * @param format the format, e.g. SOURCE
   * @return the content
   */
  public byte[] exportObject(String path, WorkspaceFormat format) {
    JsonNode node =
        http.get(BASE + "export", Map.of("path", path, "format", format), JsonNode.class);
    return Base64.getDecoder().decode(node.path("content").asText(""));
  }

  /**
   * Reads an object's metadata.
   *
   * @param path the workspace path
   * @return the metadata
   * @throws DatabricksResourceNotFoundException when nothing is there
   */
  public ObjectInfo getStatus(String path) {
    return http.get(BASE + "get-status", Map.of("path", path), ObjectInfo.class);
  }

  /**
   * Makes a folder and its parents.
   *
   * @param path the workspace folder
   */
  public void mkdirs(String path) {
    http.post(BASE + "mkdirs", Map.of("path", path), Void.class, true);
  }

  /**
   * Lists a folder.
   *
   * @param path the workspace folder
   * @return its objects
   */
  public PagedIterable<ObjectInfo> list(String path) {
    return Pages.iterable(
        token ->
            new Pages.Page<>(
                http.get(BASE + "list", Map.of("path", path), ObjectList.class).objects(), null));
  }

  /**
   * Deletes an object.
   *
   * @param path the workspace path
   * @param recursive whether to delete a folder's content
   */
  public void delete(String path, boolean recursive) {
    http.post(BASE + "delete", Map.of("path", path, "recursive", recursive), Void.class, false);
  }

  private record ObjectList(List<ObjectInfo> objects) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    ObjectList {
      objects = objects == null ? new ArrayList<>() : objects;
    }
  }
}
