package io.sluice.testing.azurite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.model.AzureBlobDatastore;
import io.sluice.core.model.DatastoreCredential;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Starts real Azurite processes. */
@ExtendWith(AzuriteExtension.class)
class AzuriteServerIT {

  @Test
  void theSharedServerAnswersAsAzurite(AzuriteServer azurite) throws Exception {
    assertThat(azurite).isSameAs(AzuriteServer.shared());
    HttpResponse<String> response = get(azurite.blobEndpoint() + "?comp=list");

    assertThat(response.headers().firstValue("Server")).hasValue("Azurite-Blob/3.37.0");
    assertThat(response.statusCode()).isEqualTo(403); // unsigned request
  }

  @Test
  void createsContainersWithTheWellKnownKey(AzuriteServer azurite) throws Exception {
    azurite.createContainer("made-here");
    azurite.createContainer("made-here"); // already there: fine

    assertThat(properties(azurite, "made-here").statusCode()).isEqualTo(200);
    assertThat(properties(azurite, "never-made").statusCode()).isEqualTo(404);
  }

  @Test
  void buildsADatastoreForTheEmulator(AzuriteServer azurite) {
    AzureBlobDatastore store = azurite.datastore("raw", "raw");

    assertThat(store.serviceEndpoint())
        .isEqualTo("http://127.0.0.1:" + azurite.port() + "/devstoreaccount1");
    assertThat(store.accountName()).isEqualTo(AzuriteServer.ACCOUNT_NAME);
    assertThat(store.credential()).isInstanceOf(DatastoreCredential.AccountKey.class);
    assertThat(store.toString()).doesNotContain(AzuriteServer.ACCOUNT_KEY);
    assertThat(azurite.secrets().apply(AzuriteServer.ACCOUNT_KEY_REFERENCE))
        .isEqualTo(AzuriteServer.ACCOUNT_KEY);
  }

  @Test
  void closeStopsTheProcessAndFreesThePort() {
    AzuriteServer own = AzuriteServer.start();
    assertThat(own.port()).isNotEqualTo(AzuriteServer.shared().port());
    assertThat(own.isRunning()).isTrue();

    own.close();

    assertThat(own.isRunning()).isFalse();
    assertThatThrownBy(
            () -> {
              try (Socket socket = new Socket()) {
                socket.connect(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), own.port()), 500);
              }
            })
        .isInstanceOf(IOException.class);
  }

  private static HttpResponse<String> properties(AzuriteServer azurite, String container) {
    return SharedKeyRequests.containerRequest(
        "GET",
        azurite.blobEndpoint(),
        AzuriteServer.ACCOUNT_NAME,
        AzuriteServer.ACCOUNT_KEY,
        container);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
