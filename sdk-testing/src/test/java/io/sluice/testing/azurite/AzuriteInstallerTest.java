package io.sluice.testing.azurite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.ConfigurationException;
import io.sluice.core.SluiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The install-once-and-rename rule, with a stand-in for npm. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the npm stand-ins are shell scripts")
class AzuriteInstallerTest {
  private static final String MAIN = "node_modules/azurite/dist/src/blob/main.js";

  @TempDir Path dir;

  @Test
  void aFailedInstallLeavesNothingThatLooksInstalled() throws IOException {
    Path cache = dir.resolve("cache");
    String npm = script("half", "mkdir -p \"$3/node_modules/azurite\"; echo boom; exit 3");

    assertThatThrownBy(() -> new AzuriteInstaller(cache, npm).blobMain())
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("exit 3")
        .hasMessageContaining("boom");
    assertThat(cache.resolve("azurite-3.37.0")).doesNotExist();
    assertThat(partials(cache)).isEmpty();
  }

  @Test
  void installsOnceIntoTheFinalFolder() throws IOException {
    Path cache = dir.resolve("cache");
    String npm =
        script("good", "mkdir -p \"$(dirname \"$3/" + MAIN + "\")\"; touch \"$3/" + MAIN + "\"");

    Path main = new AzuriteInstaller(cache, npm).blobMain();

    assertThat(main).isEqualTo(cache.resolve("azurite-3.37.0").resolve(MAIN)).isRegularFile();
    String failing = script("fail", "exit 1");
    assertThat(new AzuriteInstaller(cache, failing).blobMain()).isEqualTo(main);
  }

  @Test
  void theLeftoversOfAKilledInstallAreRemovedAndNotUsed() throws IOException {
    Path cache = dir.resolve("cache");
    Path killed = cache.resolve("azurite-3.37.0.partial-123");
    Files.createDirectories(killed.resolve(MAIN).getParent());
    Files.createFile(killed.resolve(MAIN));
    String npm =
        script("good", "mkdir -p \"$(dirname \"$3/" + MAIN + "\")\"; touch \"$3/" + MAIN + "\"");

    new AzuriteInstaller(cache, npm).blobMain();

    assertThat(killed).doesNotExist();
    assertThat(partials(cache)).isEmpty();
  }

  @Test
  void aMissingNpmSaysWhatToInstall() {
    assertThatThrownBy(
            () -> new AzuriteInstaller(dir, dir.resolve("no-such-npm").toString()).blobMain())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("install Node.js")
        .hasMessageContaining("no-such-npm");
  }

  private Set<Path> partials(Path cache) throws IOException {
    try (var entries = Files.list(cache)) {
      return Set.copyOf(
          entries.filter(p -> p.getFileName().toString().contains(".partial-")).toList());
    }
  }

  private String script(String name, String body) throws IOException {
    Path script = dir.resolve(name + ".sh");
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script.toString();
  }
}
