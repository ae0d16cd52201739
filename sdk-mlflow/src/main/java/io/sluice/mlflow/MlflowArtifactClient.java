package io.sluice.mlflow;

import static io.sluice.mlflow.MlflowRest.body;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import io.sluice.mlflow.models.FileInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Run artifacts through the tracking server's artifact proxy ({@code --serve-artifacts}, the
 * default of {@code mlflow server}): files stream from and to disk, so their size is not bounded by
 * memory, and no Python is needed. Get it from {@link MlflowClient#getArtifactClient()};
 * thread-safe.
 */
public final class MlflowArtifactClient {
  private final MlflowRest rest;
  private final MlflowClient tracking;

  MlflowArtifactClient(MlflowRest rest, MlflowClient tracking) {
    this.rest = rest;
    this.tracking = tracking;
  }

  /**
   * Uploads a file into a run's artifacts through the server's artifact proxy, streaming it from
   * disk (any size).
   *
   * @param runId the run
   * @param file the local file
   * @param artifactDirectory the directory inside the run's artifacts, or null for the root
   */
  public void uploadArtifact(String runId, Path file, String artifactDirectory) {
    String path = join(artifactDirectory, file.getFileName().toString());
    HttpRequest request =
        new HttpRequest(HttpMethod.PUT, artifactUrl(runId, path))
            .setHeader(HttpHeaderName.CONTENT_TYPE, "application/octet-stream")
            .setBody(BinaryData.fromFile(file));
    rest.send(request, true).close();
  }

  /**
   * Uploads a directory tree into a run's artifacts, file by file.
   *
   * @param runId the run
   * @param directory the local directory
   * @param artifactDirectory the directory inside the run's artifacts, or null for the root
   */
  public void uploadArtifacts(String runId, Path directory, String artifactDirectory) {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        Path parent = directory.relativize(file).getParent();
        uploadArtifact(
            runId,
            file,
            join(artifactDirectory, parent == null ? null : parent.toString().replace('\\', '/')));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory, e);
    }
  }

  /**
   * Lists a directory of a run's artifacts.
   *
   * @param runId the run
   * @param path the directory, or null for the root
   * @return its files and directories, paths relative to the run's artifact root
   */
  public List<FileInfo> listArtifacts(String runId, String path) {
    List<FileInfo> files = new ArrayList<>();
    MlflowRest.paged(
            token ->
                rest.get(
                    "artifacts/list", body("run_id", runId, "path", path, "page_token", token)),
            "files",
            FileInfo.class)
        .forEach(files::add);
    return files;
  }

  /**
   * Downloads one artifact file, streaming it to disk; the target appears only when complete.
   *
   * @param runId the run
   * @param path the artifact's path inside the run's artifacts
   * @param target the local file to write (replaced if present)
   */
  public void downloadArtifact(String runId, String path, Path target) {
    HttpRequest request = new HttpRequest(HttpMethod.GET, artifactUrl(runId, path));
    try (HttpResponse response = rest.send(request, false);
        InputStream in = response.getBodyAsBinaryData().toStream()) {
      Path absolute = target.toAbsolutePath();
      Files.createDirectories(absolute.getParent());
      Path partial =
          Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".part");
      try {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(
            partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot download artifact '" + path + "' to " + target, e);
    }
  }

  private String artifactUrl(String runId, String path) {
    String root = tracking.getRun(runId).info().artifactUri();
    String prefix = "mlflow-artifacts:";
    if (root == null || !root.startsWith(prefix)) {
      throw new MlflowConfigurationException(
          "run "
              + runId
              + " stores artifacts at '"
              + root
              + "', which the server's artifact proxy does not serve; start the server with"
              + " --serve-artifacts and create the experiment without an artifact location");
    }
    String rootPath = root.substring(prefix.length());
    if (rootPath.startsWith("//")) {
      // mlflow-artifacts://host:port/path names the server by address; we already know it.
      rootPath = rootPath.substring(rootPath.indexOf('/', 2));
    }
    StringBuilder url = new StringBuilder(rest.baseUrl()).append(MlflowRest.ARTIFACTS_API);
    for (String part : (rootPath + "/" + path).split("/", -1)) {
      if (!part.isEmpty()) {
        url.append('/').append(MlflowRest.segment(part));
      }
    }
    return url.toString();
  }

  private static String join(String directory, String name) {
    return directory == null || directory.isEmpty()
        ? name
        : name == null ? directory : directory + "/" + name;
  }
}
