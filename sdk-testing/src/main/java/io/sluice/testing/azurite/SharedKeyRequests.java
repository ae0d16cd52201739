package io.sluice.testing.azurite;

import io.sluice.core.SluiceException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one Blob REST call the test kit makes itself, signed with Shared Key, so that this module
 * does not pull azure-storage-blob into users' test class paths.
 */
final class SharedKeyRequests {
  private static final String API_VERSION = "2021-08-06";

  private SharedKeyRequests() {}

  /** Creates a container; an existing one is fine. */
  static void createContainer(String endpoint, String account, String key, String container) {
    HttpResponse<String> response = containerRequest("PUT", endpoint, account, key, container);
    if (response.statusCode() != 201 && response.statusCode() != 409) {
      throw new SluiceException(
          "Azurite refused to create container '"
              + container
              + "' (HTTP "
              + response.statusCode()
              + "): "
              + response.body());
    }
  }

  /** Sends a signed container-level request ({@code ?restype=container}). */
  static HttpResponse<String> containerRequest(
      String method, String endpoint, String account, String key, String container) {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
    URI uri = URI.create(endpoint + "/" + container + "?restype=container");
    // Path-style (emulator) URLs put the account in the path, so it appears twice here.
    String resource = "/" + account + uri.getPath() + "\nrestype:container";
    String headers = "x-ms-date:" + date + "\nx-ms-version:" + API_VERSION + "\n";
    String toSign = method + "\n".repeat(12) + headers + resource;
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("x-ms-date", date)
            .header("x-ms-version", API_VERSION)
            .header("Authorization", "SharedKey " + account + ":" + sign(key, toSign))
            .build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SluiceException("Could not reach Azurite at " + endpoint + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SluiceException("Interrupted while calling Azurite at " + endpoint, e);
    }
  }

  private static String sign(String key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
