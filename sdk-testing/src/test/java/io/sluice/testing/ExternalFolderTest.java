package io.sluice.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ExternalFolderTest {
  @TempDir Path tmp;

  private Path repository() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("work/repo"));
    Files.writeString(root.resolve("mvnw"), "");
    Files.createDirectories(root.resolve("module/src"));
    Files.createDirectories(tmp.resolve("work/shared/specs"));
    Files.writeString(tmp.resolve("work/shared/specs/api.json"), "{}");
    return root;
  }

  private ExternalFolder folder(String property, Map<String, String> env, Path cwd) {
    return ExternalFolder.of("x.specs.dir", "../shared/specs", name -> property, env, cwd);
  }

  @Test
  void theDefaultIsReadFromTheRepositoryRootWhereverTheTestRuns() throws IOException {
    Path root = repository();
    ExternalFolder specs = folder(null, Map.of(), root.resolve("module/src"));
    assertThat(specs.path()).isEqualTo(tmp.resolve("work/shared/specs"));
    assertThat(specs.require("api.json")).isEqualTo(tmp.resolve("work/shared/specs/api.json"));
  }

  @Test
  void thePropertyWinsAndARelativeValueIsReadFromTheRepositoryRoot() throws IOException {
    Path root = repository();
    assertThat(folder("other", Map.of(), root.resolve("module")).path())
        .isEqualTo(root.resolve("other"));
    assertThat(folder(tmp.toString(), Map.of(), root.resolve("module")).path()).isEqualTo(tmp);
  }

  @Test
  void aMissingFileSkipsTheTestWithTheWayToEnableIt() throws IOException {
    ExternalFolder specs = folder(null, Map.of(), repository());
    assertThat(specs.find("absent.json")).isEmpty();
    assertThatThrownBy(() -> specs.require("absent.json"))
        .isInstanceOf(TestAbortedException.class)
        .hasMessage(
            tmp.resolve("work/shared/specs/absent.json")
                + " not found; skipped: run with -Dx.specs.dir=<folder> to enable it");
  }

  @Test
  void underCiAMissingFileFailsTheTest() throws IOException {
    ExternalFolder specs = folder(null, Map.of("CI", "true"), repository());
    assertThat(specs.find("api.json")).isPresent();
    assertThatThrownBy(() -> specs.find("absent.json"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining(
            "absent.json not found; CI=true, so the check may not be skipped:"
                + " run with -Dx.specs.dir=<folder>");
    assertThatThrownBy(() -> specs.require("absent.json")).isInstanceOf(AssertionFailedError.class);
  }
}
