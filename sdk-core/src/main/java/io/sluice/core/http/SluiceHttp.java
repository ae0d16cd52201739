package io.sluice.core.http;

import com.azure.core.util.Context;
import io.sluice.core.http.implementation.SluiceVersion;

/** Names shared by every Sluice HTTP client: the user agent and the retry-safety marker. */
public final class SluiceHttp {
  /**
   * The {@link Context} key that marks a non-idempotent request (a POST or PATCH) as safe to
   * replay, because the service deduplicates it (an idempotency token, or a payload whose replay
   * has no further effect). Its value must be {@link Boolean#TRUE}.
   */
  public static final String RETRY_SAFE_KEY = "sluice-retry-safe";

  private SluiceHttp() {}

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
}
