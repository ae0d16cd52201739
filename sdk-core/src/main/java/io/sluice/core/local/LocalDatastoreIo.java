package io.sluice.core.local;

import io.sluice.core.definition.DatastoreDefinition;
import io.sluice.core.spi.DatastoreIo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Folders on this machine as datastores. Paths are used in place; {@link #download} and {@link
 * #upload} copy. A relative datastore path is relative to the working directory.
 */
public final class LocalDatastoreIo implements DatastoreIo {

  /** Creates the provider; found through {@link java.util.ServiceLoader}. */
  public LocalDatastoreIo() {}

  @Override
  public boolean supports(DatastoreDefinition datastore) {
    return datastore instanceof DatastoreDefinition.Local;
  }

  @Override
  public String uri(DatastoreDefinition datastore, String path) {
    return location(datastore, path).toString();
  }

  /**
   * The local path of a location on a local datastore.
   *
   * @param datastore a {@link DatastoreDefinition.Local}
   * @param path the path below its root
   * @return the absolute path
   */
  public static Path location(DatastoreDefinition datastore, String path) {
    Path root =
        Path.of(((DatastoreDefinition.Local) datastore).path()).toAbsolutePath().normalize();
    return path.isEmpty() ? root : root.resolve(path).normalize();
  }

  @Override
  public void download(
      DatastoreDefinition datastore, String path, Path target, Function<String, String> secrets) {
    copy(location(datastore, path), target);
  }

  @Override
  public void upload(
      Path source, DatastoreDefinition datastore, String path, Function<String, String> secrets) {
    Path target = location(datastore, path);
    if (!source.toAbsolutePath().normalize().equals(target)) {
      copy(source, target);
    }
  }

  @Override
  public String contentHash(
      DatastoreDefinition datastore, String path, Function<String, String> secrets) {
    return hashTree(location(datastore, path));
  }

  /** SHA-256 over every file's relative path and content below a folder (or of one file). */
  public static String hashTree(Path root) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      if (Files.isRegularFile(root)) {
        digest.update(Files.readAllBytes(root));
        return HexFormat.of().formatHex(digest.digest());
      }
      if (!Files.exists(root)) {
        return "missing";
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      byte[] buffer = new byte[64 * 1024];
      for (Path file : files) {
        digest.update(
            root.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        try (var in = Files.newInputStream(file)) {
          for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copy(Path source, Path target) {
    try {
      if (Files.isRegularFile(source)) {
        Files.createDirectories(target.getParent());
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        return;
      }
      try (Stream<Path> walk = Files.walk(source)) {
        for (Path from : walk.toList()) {
          Path to = target.resolve(source.relativize(from).toString());
          if (Files.isDirectory(from)) {
            Files.createDirectories(to);
          } else {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
