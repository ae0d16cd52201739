package io.sluice.azureml.datastore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sluice.core.definition.DatastoreCredentialDefinition;
import io.sluice.core.definition.DatastoreDefinition;
import io.sluice.core.definition.SecretReference;
import io.sluice.testing.azurite.AzuriteExtension;
import io.sluice.testing.azurite.AzuriteServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Failures say what to fix and never show a secret value, in messages, causes or logs. */
@ExtendWith(AzuriteExtension.class)
class BlobErrorsIT {
  static final String KEY_CANARY =
      Base64.getEncoder()
          .encodeToString(
              "CANARY-key-4f1c9e-must-never-be-printed".getBytes(StandardCharsets.UTF_8));
  static final String SAS_CANARY = "CANARYsig4f1c9eNeverPrinted";

  private final BlobDatastoreIo io = new BlobDatastoreIo();
  @TempDir Path dir;

  @Test
  void aWrongAccountKeyIsAnAuthenticationErrorWithoutTheKey(AzuriteServer azurite)
      throws Exception {
    DatastoreDefinition.AzureBlob good = AzuriteStores.fresh(azurite);
    DatastoreDefinition.AzureBlob store =
        AzuriteStores.withCredential(
            good, new DatastoreCredentialDefinition.AccountKey(new SecretReference("key-ref")));
    Function<String, String> secrets = Map.of("key-ref", KEY_CANARY)::get;
    Path source = LocalTrees.write(dir.resolve("src"), Map.of("a", "1"));

    Throwable upload = catchThrowable(() -> io.upload(source, store, "out", secrets));
    Throwable hash = catchThrowable(() -> io.contentHash(store, "out", secrets));

    assertThat(upload)
        .isInstanceOf(DatastoreAuthenticationException.class)
        .hasMessageContaining("datastore '" + store.name() + "'")
        .hasMessageContaining("container '" + store.containerName() + "'")
        .hasMessageContaining("path 'out'")
        .hasMessageContaining("secret 'key-ref'");
    assertThat(hash).isInstanceOf(DatastoreAuthenticationException.class);
    assertNoCanary(upload, KEY_CANARY);
    assertNoCanary(hash, KEY_CANARY);
  }

  @Test
  void aBadSasIsAnAuthenticationErrorWithoutTheToken(AzuriteServer azurite) throws Exception {
    DatastoreDefinition.AzureBlob store =
        AzuriteStores.withCredential(
            AzuriteStores.fresh(azurite),
            new DatastoreCredentialDefinition.Sas(new SecretReference("sas-ref")));
    String sas = "?sv=2021-08-06&ss=b&srt=sco&sp=rwdlac&se=2099-01-01T00:00:00Z&sig=" + SAS_CANARY;
    Function<String, String> secrets = Map.of("sas-ref", sas)::get;

    Throwable download = catchThrowable(() -> io.download(store, "out", dir.resolve("x"), secrets));

    assertThat(download)
        .isInstanceOf(DatastoreAuthenticationException.class)
        .hasMessageContaining("SAS token in secret 'sas-ref'");
    assertNoCanary(download, SAS_CANARY);
  }

  @Test
  void aMissingContainerSaysWhichAndHowToFixIt(AzuriteServer azurite) throws Exception {
    DatastoreDefinition.AzureBlob store =
        AzuriteStores.existing(azurite, "absent", "never-created");
    Path source = LocalTrees.write(dir.resolve("src"), Map.of("a", "1"));

    assertThatThrownBy(() -> io.upload(source, store, "out", azurite.secrets()))
        .isInstanceOf(DatastoreNotFoundException.class)
        .hasMessageContaining("Container 'never-created' does not exist")
        .hasMessageContaining("create it");
    assertThatThrownBy(() -> io.download(store, "out", dir.resolve("x"), azurite.secrets()))
        .isInstanceOf(DatastoreNotFoundException.class)
        .hasMessageContaining("never-created");
  }

  @Test
  void storageRunsOnOkHttpAndNettyIsAbsent(AzuriteServer azurite) {
    var container = io.containerClient(AzuriteStores.fresh(azurite), azurite.secrets());

    assertThat(container.getHttpPipeline().getHttpClient().getClass().getName())
        .isEqualTo("com.azure.core.http.okhttp.OkHttpAsyncHttpClient");
    assertThatThrownBy(() -> Class.forName("com.azure.core.http.netty.NettyAsyncHttpClient"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  /** The failure, its causes and every log line written so far are free of the canary. */
  static void assertNoCanary(Throwable failure, String canary) throws Exception {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(canary).doesNotContain(canary.substring(0, 12));
    Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));
    assertThat(Files.readString(log)).as("captured logs").isNotEmpty().doesNotContain(canary);
  }
}
