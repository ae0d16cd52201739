package io.sluice.azureml.datastore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Writes and compares local folder trees. */
final class LocalTrees {
  private LocalTrees() {}

  /** Writes files given as relative name to UTF-8 text. */
  static Path write(Path root, Map<String, String> files) throws IOException {
    for (var file : files.entrySet()) {
      Path target = root.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
    }
    return root;
  }

  /** Writes {@code count} files of {@code size} random bytes, spread over nested folders. */
  static Path random(Path root, int count, int size, long seed) throws IOException {
    Random random = new Random(seed);
    byte[] bytes = new byte[size];
    for (int i = 0; i < count; i++) {
      random.nextBytes(bytes);
      Path target =
          root.resolve("part-" + (i % 7)).resolve("sub-" + (i % 3)).resolve("f" + i + ".bin");
      Files.createDirectories(target.getParent());
      Files.write(target, bytes);
    }
    return root;
  }

  /** Relative name to size of every regular file below a folder. */
  static Map<String, Long> listing(Path root) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString().replace('\\', '/'), Files.size(file));
      }
    }
    return files;
  }

  /** Asserts that two folders hold the same names with the same bytes. */
  static void assertSameTree(Path actual, Path expected) throws IOException {
    assertThat(listing(actual)).isEqualTo(listing(expected));
    for (String name : listing(expected).keySet()) {
      assertThat(Files.mismatch(actual.resolve(name), expected.resolve(name)))
          .as("first differing byte of %s", name)
          .isEqualTo(-1L);
    }
  }
}
