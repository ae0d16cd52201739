package io.sluice.core.compiler;

import io.sluice.core.implementation.IgnoreRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * SHA-256 of each file a step runs, relative to its source directory, honouring its ignore file. A
 * directory shared by many steps is read once per compilation.
 */
final class SourceManifests {
  private final Map<Path, Map<String, String>> directories = new HashMap<>();

  Map<String, String> directory(Path directory) {
    return directories.computeIfAbsent(
        directory.toAbsolutePath().normalize(), SourceManifests::read);
  }

  static Map<String, String> file(Path file, String key) {
    return Map.of(key, sha256(file));
  }

  private static Map<String, String> read(Path directory) {
    IgnoreRules ignore = IgnoreRules.forDirectory(directory);
    TreeMap<String, String> manifest = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path file : files) {
      String relative = directory.relativize(file).toString().replace('\\', '/');
      if (!ignore.ignores(relative)) {
        manifest.put(relative, sha256(file));
      }
    }
    return java.util.Collections.unmodifiableSortedMap(manifest);
  }

  static String sha256(Path file) {
    MessageDigest digest = newDigest();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
