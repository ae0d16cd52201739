package io.sluice.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.SluiceException;
import io.sluice.core.definition.SecretReference;
import io.sluice.core.model.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSecretsTest {
  private static final String PATH = System.getenv("PATH");

  @Test
  void theRunsSecretsComeFirstThenTheEnvironmentAnEnvReferenceNames() {
    RunSecrets secrets =
        RunSecrets.of(
            RunOptions.builder()
                .addSecrets(Secret.of("kv:key", "given-value"), Secret.of("env:PATH", "overridden"))
                .build());

    assertThat(secrets.value(new SecretReference("kv:key"))).isEqualTo("given-value");
    assertThat(secrets.value(new SecretReference("env:PATH"))).isEqualTo("overridden");
    assertThat(RunSecrets.of(List.of()).value("env:PATH")).isEqualTo(PATH);
    assertThat(RunSecrets.of(List.of()).find(new SecretReference("kv:key"))).isEmpty();
  }

  @Test
  void aReferenceWithoutAValueIsNamedWithTheFix() {
    RunSecrets secrets = RunSecrets.of(List.of(Secret.of("other", "CANARY-value")));

    assertThatThrownBy(() -> secrets.value(new SecretReference("kv:missing")))
        .isInstanceOf(SluiceException.class)
        .hasMessageStartingWith("Secret 'kv:missing' has no value in this run; pass it with")
        .hasMessageNotContaining("CANARY-value");
    assertThatThrownBy(() -> secrets.value("env:SLUICE_TEST_SURELY_UNSET_VARIABLE"))
        .hasMessageContaining("env:SLUICE_TEST_SURELY_UNSET_VARIABLE");
  }

  @Test
  void aReferenceKeepsItsFormAndItsJsonIsTheBareName() throws Exception {
    assertThat(new SecretReference("env:TOKEN").environmentVariable()).contains("TOKEN");
    assertThat(new SecretReference("kv:token").environmentVariable()).isEmpty();
    assertThat(
            io.sluice.core.implementation.CanonicalJson.COMPACT.writeValueAsString(
                new SecretReference("kv:t")))
        .isEqualTo("\"kv:t\"");
    assertThatThrownBy(() -> new SecretReference("not a reference"))
        .isInstanceOf(io.sluice.core.definition.DefinitionFormatException.class)
        .hasMessageContaining("'not a reference'");
  }
}
