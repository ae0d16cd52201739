package io.sluice.azureml.implementation;

import io.sluice.core.implementation.IgnoreRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of a source directory that go into a snapshot, each with its SHA-256, and a hash of the
 * whole: equal hashes mean equal snapshots, so an unchanged directory is never sent again.
 *
 * @param root the directory
 * @param files relative path ({@code /} separators) to file, sorted
 * @param sha256 relative path to the file's SHA-256 in hex
 * @param hash the snapshot's SHA-256 in hex, over every path and file hash
 */
public record SourceSnapshot(
    Path root, NavigableMap<String, Path> files, Map<String, String> sha256, String hash) {

  /**
   * Reads a directory.
   *
   * @param root the source directory
   * @return its snapshot
   * @throws IllegalArgumentException when it is not a directory
   */
  public static SourceSnapshot of(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException(
          "source directory "
              + root
              + " does not exist or is not"
              + " a directory; pass the folder that holds the code");
    }
    IgnoreRules ignore = IgnoreRules.forDirectory(root);
    NavigableMap<String, Path> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> regular = walk.filter(Files::isRegularFile).toList();
      for (Path file : regular) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        if (!ignore.ignores(relative)) {
          files.put(relative, file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + root, e);
    }
    Map<String, String> hashes = new TreeMap<>();
    MessageDigest total = digest();
    for (Map.Entry<String, Path> e : files.entrySet()) {
      String hash = sha256(e.getValue());
      hashes.put(e.getKey(), hash);
      total.update((e.getKey() + "\0" + hash + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return new SourceSnapshot(root, files, hashes, HexFormat.of().formatHex(total.digest()));
  }

  private static String sha256(Path file) {
    MessageDigest digest = digest();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
