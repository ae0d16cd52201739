package io.sluice.databricks.orchestrated;

import io.sluice.core.definition.DatastoreDefinition;
import io.sluice.core.local.LocalDatastoreIo;
import io.sluice.core.spi.DatastoreIo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * ADLS Gen2 account {@value #ACCOUNT} kept in a folder (system property {@value #ROOT_PROPERTY}),
 * so that the orchestrator can stage data without a storage emulator in this module's tests.
 */
public final class FolderLakeIo implements DatastoreIo {
  static final String ACCOUNT = "folderlake";
  static final String ROOT_PROPERTY = "sluice.test.folderLake";

  /** Found through {@link java.util.ServiceLoader}. */
  public FolderLakeIo() {}

  @Override
  public boolean supports(DatastoreDefinition datastore) {
    return datastore instanceof DatastoreDefinition.AdlsGen2 adls
        && adls.accountName().equals(ACCOUNT);
  }

  @Override
  public String uri(DatastoreDefinition datastore, String path) {
    DatastoreDefinition.AdlsGen2 adls = (DatastoreDefinition.AdlsGen2) datastore;
    return "abfss://"
        + adls.fileSystem()
        + "@"
        + ACCOUNT
        + ".dfs."
        + adls.endpointSuffix()
        + "/"
        + path;
  }

  private static Path folder(DatastoreDefinition datastore, String path) {
    return Path.of(System.getProperty(ROOT_PROPERTY))
        .resolve(((DatastoreDefinition.AdlsGen2) datastore).fileSystem())
        .resolve(path);
  }

  @Override
  public void download(
      DatastoreDefinition datastore, String path, Path target, Function<String, String> secrets) {
    copy(folder(datastore, path), target);
  }

  @Override
  public void upload(
      Path source, DatastoreDefinition datastore, String path, Function<String, String> secrets) {
    copy(source, folder(datastore, path));
  }

  @Override
  public String contentHash(
      DatastoreDefinition datastore, String path, Function<String, String> secrets) {
    Path folder = folder(datastore, path);
    return Files.exists(folder) ? LocalDatastoreIo.hashTree(folder) : "";
  }

  private static void copy(Path from, Path to) {
    try (Stream<Path> files = Files.exists(from) ? Files.walk(from) : Stream.empty()) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
