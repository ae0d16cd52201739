package io.sluice.core.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.ConfigurationException;
import io.sluice.core.Sluice;
import io.sluice.core.definition.ComputeDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.spi.StepContext;
import io.sluice.core.spi.StepExecutor;
import io.sluice.core.spi.StepResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutorSettingsTest {
  @TempDir Path base;

  /** An executor that records the settings it is asked to check. */
  private static final class Namespaced implements StepExecutor {
    private final String namespace;
    private final List<Map<String, String>> checked = new ArrayList<>();

    Namespaced(String namespace) {
      this.namespace = namespace;
    }

    @Override
    public String name() {
      return namespace;
    }

    @Override
    public boolean supports(StepDefinition step, ComputeDefinition compute, String transport) {
      return false;
    }

    @Override
    public StepResult execute(StepContext context) {
      return StepResult.empty();
    }

    @Override
    public Optional<String> settingsNamespace() {
      return Optional.of(namespace);
    }

    @Override
    public void checkSettings(Map<String, String> settings) {
      checked.add(settings);
    }
  }

  private Orchestrator.Settings settings(Map<String, String> executorSettings) {
    return Orchestrator.Settings.builder()
        .transport("orchestrated")
        .runsDirectory(base.resolve("runs"))
        .baseDirectory(base)
        .executorSettings(executorSettings)
        .build();
  }

  @Test
  void eachExecutorChecksAndGetsOnlyTheKeysOfItsNamespaceWithoutThePrefix() {
    Namespaced one = new Namespaced("one");
    Namespaced two = new Namespaced("two");
    Orchestrator.Settings settings =
        settings(Map.of("one.a", "1", "one.b", "2", "two.a", "3", "onex.a", "4"));

    assertThatThrownBy(() -> Orchestrator.checkExecutorSettings(settings, List.of(one, two)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "orchestrated transport: unknown configuration key 'onex.a' (value '4'); its namespace 'onex' is"
                + " read by no step executor on the class path; known namespaces: one, two");

    Orchestrator.Settings good = settings(Map.of("one.a", "1", "one.b", "2", "two.a", "3"));
    Orchestrator.checkExecutorSettings(good, List.of(one, two));
    assertThat(one.checked).containsExactly(Map.of("a", "1", "b", "2"));
    assertThat(two.checked).containsExactly(Map.of("a", "3"));
    assertThat(good.executorSettings("one")).isEqualTo(Map.of("a", "1", "b", "2"));
    assertThat(good.toString()).contains("one.a").doesNotContain("a=1", "=3");
  }

  @Test
  void anUnknownKeyOfTheTransportItselfFailsNamingKeyValueAndKnownKeys() {
    assertThatThrownBy(
            () ->
                Sluice.transport(
                    "orchestrated", Map.of("baseDirectory", base.toString(), "paralelism", "2")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "orchestrated transport: unknown configuration key 'paralelism' (value '2'); known keys:"
                + " baseDirectory, cacheDirectory, mlflowTrackingUri, parallelism, runsDirectory, and <namespace>.<key>"
                + " for step executors");
  }
}
