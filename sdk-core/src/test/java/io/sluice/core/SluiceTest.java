package io.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.local.LocalTransport;
import io.sluice.core.spi.TransportNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SluiceTest {

  @AfterEach
  void clearProperty() {
    System.clearProperty(Sluice.TRANSPORT_PROPERTY);
  }

  @Test
  void findsTheLocalTransportByName() {
    assertThat(Sluice.transport("local")).isInstanceOf(LocalTransport.class);
  }

  @Test
  void aMissingTransportNamesTheArtifactToAdd() {
    assertThatThrownBy(() -> Sluice.transport("databricks"))
        .isInstanceOf(TransportNotFoundException.class)
        .hasMessage(
            "No Sluice transport 'databricks' is on the class path (found: local, orchestrated); add the Maven"
                + " dependency io.sluice:sluice-databricks, which registers it in"
                + " META-INF/services/io.sluice.core.spi.TransportProvider");
  }

  @Test
  void anUnknownTransportSaysWhatIsAvailable() {
    assertThatThrownBy(() -> Sluice.transport("kubernetes"))
        .isInstanceOf(TransportNotFoundException.class)
        .hasMessageContaining("'kubernetes'")
        .hasMessageContaining("(found: local, orchestrated)")
        .hasMessageContaining("add the artifact that provides it");
  }

  @Test
  void theSystemPropertyChoosesTheDefaultTransport() {
    System.setProperty(Sluice.TRANSPORT_PROPERTY, "azureml");

    assertThatThrownBy(Sluice::defaultTransport).hasMessageContaining("io.sluice:sluice-azureml");
  }

  @Test
  void theDefaultTransportIsLocal() {
    assertThat(Sluice.defaultTransport().name()).isEqualTo("local");
  }
}
