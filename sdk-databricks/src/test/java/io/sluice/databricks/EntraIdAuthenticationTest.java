package io.sluice.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import java.net.InetAddress;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class EntraIdAuthenticationTest {
  @Test
  void aTokenCredentialIsAskedForTheAzureDatabricksScopeAndSendsTheWorkspaceResourceId()
      throws Exception {
    String host = InetAddress.getByName("localhost").getCanonicalHostName();
    HeldCertificate certificate =
        new HeldCertificate.Builder().addSubjectAlternativeName(host).build();
    HandshakeCertificates server =
        new HandshakeCertificates.Builder().heldCertificate(certificate).build();
    HandshakeCertificates client =
        new HandshakeCertificates.Builder()
            .addTrustedCertificate(certificate.certificate())
            .build();
    List<List<String>> scopes = new CopyOnWriteArrayList<>();
    TokenCredential credential =
        new TokenCredential() {
          @Override
          public Mono<AccessToken> getToken(TokenRequestContext request) {
            return Mono.just(getTokenSync(request));
          }

          @Override
          public AccessToken getTokenSync(TokenRequestContext request) {
            scopes.add(request.getScopes());
            return new AccessToken("entra-token", OffsetDateTime.now(ZoneOffset.UTC).plusHours(1));
          }
        };
    try (MockWebServer web = new MockWebServer()) {
      web.useHttps(server.sslSocketFactory(), false);
      web.enqueue(new MockResponse().setBody("{\"token_infos\":[]}"));
      web.start();
      DatabricksClient databricks =
          new DatabricksClientBuilder()
              .endpoint(web.url("/").toString())
              .credential(credential)
              .azureWorkspaceResourceId(
                  "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/w")
              .environment(Map.of("DATABRICKS_TOKEN", "ignored-when-a-credential-is-set"))
              .httpClient(
                  new OkHttpAsyncHttpClientBuilder(
                          new OkHttpClient.Builder()
                              .sslSocketFactory(client.sslSocketFactory(), client.trustManager())
                              .build())
                      .build())
              .buildClient();

      assertThat(databricks.getTokensClient().listTokens()).isEmpty();
      RecordedRequest request = web.takeRequest();
      assertThat(request.getHeader("Authorization")).isEqualTo("Bearer entra-token");
      assertThat(request.getHeader("X-Databricks-Azure-Workspace-Resource-Id"))
          .endsWith("/workspaces/w");
      assertThat(scopes).containsExactly(List.of(DatabricksClientBuilder.AZURE_DATABRICKS_SCOPE));
      assertThat(DatabricksClientBuilder.AZURE_DATABRICKS_SCOPE)
          .isEqualTo("2ff814a6-3304-4ab8-85cb-cd0e6f879c1d/.default");
    }
  }
}
