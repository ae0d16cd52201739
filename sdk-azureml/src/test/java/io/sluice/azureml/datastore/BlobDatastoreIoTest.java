package io.sluice.azureml.datastore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.ConfigurationException;
import io.sluice.core.definition.DatastoreCredentialDefinition;
import io.sluice.core.definition.DatastoreDefinition;
import io.sluice.core.definition.SecretReference;
import io.sluice.core.spi.DatastoreIo;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** What needs no storage account: URIs, discovery, credentials and redaction. */
class BlobDatastoreIoTest {
  private static final DatastoreDefinition.AzureBlob BLOB =
      DatastoreDefinition.AzureBlob.builder()
          .name("raw")
          .accountName("acct")
          .containerName("data")
          .build();
  private static final DatastoreDefinition.AdlsGen2 ADLS =
      DatastoreDefinition.AdlsGen2.builder()
          .name("lake")
          .accountName("acct")
          .fileSystem("fs")
          .endpointSuffix("core.chinacloudapi.cn")
          .build();
  private final BlobDatastoreIo io = new BlobDatastoreIo();

  @Test
  void urisUseThePlatformSchemes() {
    assertThat(io.uri(BLOB, "/sluice/runs/r1/prep/out/"))
        .isEqualTo("wasbs://data@acct.blob.core.windows.net/sluice/runs/r1/prep/out");
    assertThat(io.uri(ADLS, "a/b.csv"))
        .isEqualTo("abfss://fs@acct.dfs.core.chinacloudapi.cn/a/b.csv");
    assertThat(BlobLocation.of(ADLS).blobEndpoint())
        .isEqualTo("https://acct.blob.core.chinacloudapi.cn");
    assertThatThrownBy(() -> io.uri(BLOB, "a/../b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isFoundByServiceLoaderForBlobAndAdlsOnly() {
    List<DatastoreIo> found =
        ServiceLoader.load(DatastoreIo.class).stream().map(ServiceLoader.Provider::get).toList();

    assertThat(found).hasAtLeastOneElementOfType(BlobDatastoreIo.class);
    assertThat(io.supports(BLOB)).isTrue();
    assertThat(io.supports(ADLS)).isTrue();
    assertThat(io.supports(new DatastoreDefinition.Local("l", "/tmp"))).isFalse();
  }

  @Test
  void identityWithoutACredentialSaysWhatToConfigure() {
    assertThatThrownBy(() -> io.contentHash(BLOB, "x", ref -> null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Datastore 'raw' uses identity-based access")
        .hasMessageContaining("new BlobDatastoreIo(credential)");
  }

  @Test
  void aSecretWithoutAValueIsNamedNotGuessed() {
    DatastoreDefinition.AzureBlob keyed =
        AzuriteStores.withCredential(
            BLOB, new DatastoreCredentialDefinition.AccountKey(new SecretReference("vault/key")));

    assertThatThrownBy(() -> io.contentHash(keyed, "x", ref -> null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("needs secret 'vault/key'");
  }

  @Test
  void redactionMasksSecretsVerbatimEncodedAndSignatures() {
    StorageErrors errors = new StorageErrors(BlobLocation.of(BLOB), List.of("se=1&sig=a+b/c=="));

    assertThat(errors.redact("x se=1&sig=a+b/c== y")).isEqualTo("x **** y");
    assertThat(errors.redact("u?se%3D1%26sig%3Da%2Bb%2Fc%3D%3D")).isEqualTo("u?****");
    assertThat(errors.redact("https://h/c?sv=1&sig=other%2B&x=1"))
        .isEqualTo("https://h/c?sv=1&sig=****&x=1");
  }
}
