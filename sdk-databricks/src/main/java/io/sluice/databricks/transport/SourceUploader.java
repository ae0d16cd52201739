package io.sluice.databricks.transport;

import io.sluice.core.SluiceException;
import io.sluice.core.definition.StepDefinition;
import io.sluice.databricks.DatabricksResourceNotFoundException;
import io.sluice.databricks.WorkspaceClient;
import io.sluice.databricks.models.Language;
import io.sluice.databricks.models.WorkspaceFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Puts a step's local sources in the workspace, in a folder named by the hash of their fingerprints
 * ({@code <workspaceRoot>/sources/<step>/<hash>}). A folder that already holds a completion marker
 * is not uploaded again, so sources go up only when they changed.
 */
final class SourceUploader {
  static final String MARKER = ".sluice-complete";

  private final WorkspaceClient workspace;
  private final String workspaceRoot;
  private final Path baseDirectory;

  SourceUploader(WorkspaceClient workspace, String workspaceRoot, Path baseDirectory) {
    this.workspace = workspace;
    this.workspaceRoot = workspaceRoot;
    this.baseDirectory = baseDirectory;
  }

  /**
   * Uploads a step's sources unless an earlier run did.
   *
   * @param step the step
   * @param notebook the local notebook file, relative to the source folder, or null
   * @return the workspace folder that holds them
   */
  String upload(StepDefinition step, String notebook) {
    Map<String, String> sources = step.fingerprint().sources();
    String folder = workspaceRoot + "/sources/" + step.name() + "/" + hash(sources);
    if (uploaded(folder)) {
      return folder;
    }
    Path root =
        step.sourceDirectory() == null
            ? baseDirectory
            : baseDirectory.resolve(step.sourceDirectory());
    workspace.mkdirs(folder);
    for (String relative : sources.keySet()) {
      byte[] content = read(root.resolve(relative), step);
      String target = folder + "/" + relative;
      int slash = target.lastIndexOf('/');
      if (slash > folder.length()) {
        workspace.mkdirs(target.substring(0, slash));
      }
      if (relative.equals(notebook)) {
        workspace.importObject(
            withoutExtension(target), WorkspaceFormat.SOURCE, Language.PYTHON, content, true);
      } else {
        workspace.importObject(target, WorkspaceFormat.AUTO, null, content, true);
      }
    }
    // Written last: a folder without it was left half-done and is uploaded again.
    workspace.importObject(folder + "/" + MARKER, WorkspaceFormat.AUTO, null, new byte[0], true);
    return folder;
  }

  private boolean uploaded(String folder) {
    try {
      workspace.getStatus(folder + "/" + MARKER);
      return true;
    } catch (DatabricksResourceNotFoundException e) {
      return false;
    }
  }

  static String withoutExtension(String path) {
    return path.endsWith(".py") ? path.substring(0, path.length() - 3) : path;
  }

  private static byte[] read(Path file, StepDefinition step) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new SluiceException(
          "Step '"
              + step.name()
              + "': cannot read source file "
              + file
              + " ("
              + e.getMessage()
              + "); set the transport's baseDirectory to the folder the pipeline was compiled from",
          e);
    }
  }

  private static String hash(Map<String, String> sources) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      sources.forEach(
          (path, sha) -> digest.update((path + "=" + sha + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
