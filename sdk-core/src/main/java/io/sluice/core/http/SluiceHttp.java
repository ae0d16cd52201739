package io.sluice.core.http;

import com.azure.core.util.Context;
import com.azure.core.util.logging.ClientLogger;
import io.sluice.core.http.implementation.SluiceVersion;
import java.net.URI;

/**
 * What every Sluice HTTP client shares: the user agent, the retry-safety marker and the check of an
 * endpoint given to a client builder.
 */
public final class SluiceHttp {
  /** The Azure Resource Manager endpoint of the public cloud. */
  public static final String ARM_PUBLIC_CLOUD = "https://management.azure.com";

  /**
   * The {@link Context} key that marks a non-idempotent request (a POST or PATCH) as safe to
   * replay, because the service deduplicates it (an idempotency token, or a payload whose replay
   * has no further effect). Its value must be {@link Boolean#TRUE}.
   */
  public static final String RETRY_SAFE_KEY = "sluice-retry-safe";

  private static final ClientLogger LOGGER = new ClientLogger(SluiceHttp.class);

  private SluiceHttp() {}

  /**
   * Checks an endpoint a client builder was given.
   *
   * @param endpoint the endpoint, e.g. {@code https://management.azure.com}
   * @param withTokens whether bearer tokens will be sent to it, which needs https
   * @param example a good endpoint for the message, e.g. {@link #ARM_PUBLIC_CLOUD}
   * @return the endpoint without a trailing slash
   * @throws IllegalStateException when it is not an absolute http(s) URL, or not https while tokens
   *     are sent to it
   */
  public static String checkEndpoint(String endpoint, boolean withTokens, String example) {
    if (endpoint == null) {
      throw fail("no endpoint is set; use " + example);
    }
    URI uri;
    try {
      uri = URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      throw fail("endpoint '" + endpoint + "' is not a URL; use " + example);
    }
    String scheme = uri.getScheme();
    if (scheme == null || uri.getHost() == null || !scheme.matches("https?")) {
      throw fail("endpoint '" + endpoint + "' is not an absolute http(s) URL; use " + example);
    }
    if (withTokens && !scheme.equals("https")) {
      throw fail(
          "endpoint '" + endpoint + "' is not https; Entra ID tokens are only sent over https");
    }
    return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
  }

  /**
   * Marks a request as safe to replay after a retryable failure.
   *
   * @param context the context the request is sent with
   * @return a context that also carries {@link #RETRY_SAFE_KEY}
   */
  public static Context retrySafe(Context context) {
    return context.addData(RETRY_SAFE_KEY, true);
  }

  /**
   * The {@code User-Agent} value Sluice sends.
   *
   * @return {@code sluice/<version>}
   */
  public static String userAgent() {
    return "sluice/" + SluiceVersion.get();
  }

  private static IllegalStateException fail(String message) {
    IllegalStateException error = new IllegalStateException(message);
    LOGGER.logExceptionAsError(error);
    return error;
  }
}
