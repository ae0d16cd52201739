package io.sluice.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Sluice;
import io.sluice.core.run.RunOptions;
import io.sluice.core.spi.Transport;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingTransportProviderTest {
  @TempDir Path sources;

  @BeforeEach
  void resetShared() {
    RecordingTransport.shared().reset();
    RecordingTransport.shared("provider-test").reset();
  }

  @AfterEach
  void clearProperty() {
    System.clearProperty(Sluice.TRANSPORT_PROPERTY);
  }

  @Test
  void sluiceFindsTheSharedInstanceByName() {
    Transport transport = Sluice.transport("recording");

    assertThat(transport)
        .isSameAs(RecordingTransport.shared())
        .isSameAs(Sluice.transport("recording"));
    assertThat(transport.name()).isEqualTo("recording");
    assertThat(RecordingTransport.shared().isStrict()).isTrue();
  }

  @Test
  void codeUnderTestSubmitsAndTheTestReadsItBack() {
    Pipelines.writeSources(sources);
    System.setProperty(Sluice.TRANSPORT_PROPERTY, "recording");

    // what the code under test does
    Sluice.defaultTransport()
        .submit(Pipelines.compile(Pipelines.seed(), sources), RunOptions.defaults());

    assertThat(RecordingTransport.shared().lastSubmission().definition().name()).isEqualTo("seed");
  }

  @Test
  void theInstanceKeyPicksANamedSharedInstance() {
    Transport named =
        Sluice.transport(
            "recording", Map.of(RecordingTransportProvider.INSTANCE_KEY, "provider-test"));

    assertThat(named)
        .isSameAs(RecordingTransport.shared("provider-test"))
        .isNotSameAs(RecordingTransport.shared());
  }
}
