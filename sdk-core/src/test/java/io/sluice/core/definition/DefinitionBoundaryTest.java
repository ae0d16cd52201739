package io.sluice.core.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The wire format and the SPI depend on no builder type: a change to the model can then never
 * change what transports read.
 */
class DefinitionBoundaryTest {
  /** Relative to the module folder, where the build runs tests. */
  private static final Path SOURCES = Path.of("src/main/java/io/sluice/core");

  private static final Pattern MODEL_IMPORT =
      Pattern.compile(
          "^\\s*import\\s+(static\\s+)?io\\.sluice\\.core\\.model\\.", Pattern.MULTILINE);

  @Test
  void definitionAndSpiImportNothingFromTheModel() {
    List<Path> sources = javaFiles("definition", "spi");

    assertThat(sources).as("source files read").hasSizeGreaterThan(20);
    assertThat(sources)
        .as(
            "files of io.sluice.core.definition or io.sluice.core.spi importing io.sluice.core.model")
        .filteredOn(DefinitionBoundaryTest::importsTheModel)
        .isEmpty();
  }

  @Test
  void theCheckSeesAModelImport() {
    assertThat(MODEL_IMPORT.matcher("package x;\n\nimport io.sluice.core.model.Secret;\n").find())
        .isTrue();
    assertThat(MODEL_IMPORT.matcher("import static io.sluice.core.model.Library.jar;\n").find())
        .isTrue();
    assertThat(MODEL_IMPORT.matcher("/** See {@code io.sluice.core.model.Secret}. */\n").find())
        .isFalse();
  }

  private static List<Path> javaFiles(String... packages) {
    return Stream.of(packages)
        .map(SOURCES::resolve)
        .flatMap(DefinitionBoundaryTest::walk)
        .filter(p -> p.toString().endsWith(".java"))
        .toList();
  }

  private static Stream<Path> walk(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean importsTheModel(Path source) {
    try {
      return MODEL_IMPORT.matcher(Files.readString(source)).find();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
