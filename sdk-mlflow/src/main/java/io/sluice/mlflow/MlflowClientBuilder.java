package io.sluice.mlflow;

import com.azure.core.credential.TokenCredential;
import io.sluice.core.http.SluiceHttpPipelineBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds an {@link MlflowClient}.
 *
 * <p>The tracking URI is the one passed to {@link #trackingUri}, else the environment variable
 * {@code MLFLOW_TRACKING_URI}, else {@code http://localhost:5000} (where {@code mlflow server}
 * listens by default). Supported: {@code http(s)://…} (credentials from {@code
 * MLFLOW_TRACKING_TOKEN}, or {@code MLFLOW_TRACKING_USERNAME} and {@code
 * MLFLOW_TRACKING_PASSWORD}), {@code databricks} and {@code databricks://<profile>} ({@code
 * DATABRICKS_HOST}/{@code DATABRICKS_TOKEN} or {@code ~/.databrickscfg}), and {@code azureml://…}
 * (with a {@link #credential TokenCredential}). Anything else fails {@link #buildClient()} with an
 * {@link MlflowConfigurationException} that says what to use.
 */
public final class MlflowClientBuilder {
  private String trackingUri;
  private TokenCredential credential;
  private Map<String, String> environment = System.getenv();
  private int asyncQueueCapacity = 100_000;
  private final List<Consumer<SluiceHttpPipelineBuilder>> httpSettings = new ArrayList<>();

  /** Creates a builder. */
  public MlflowClientBuilder() {}

  /**
   * Sets the tracking URI.
   *
   * @param trackingUri for example {@code http://127.0.0.1:5000} or {@code databricks://dev}
   * @return this builder
   */
  public MlflowClientBuilder trackingUri(String trackingUri) {
    this.trackingUri = Objects.requireNonNull(trackingUri, "'trackingUri' is null");
    return this;
  }

  /**
   * Sets the Entra ID credential for {@code azureml://} URIs and Azure Databricks workspaces
   * without a token.
   *
   * @param credential for example {@code DefaultAzureCredential}
   * @return this builder
   */
  public MlflowClientBuilder credential(TokenCredential credential) {
    this.credential = Objects.requireNonNull(credential, "'credential' is null");
    return this;
  }

  /**
   * Sets how many times a failed request is retried (429, 5xx, I/O errors; see {@link
   * SluiceHttpPipelineBuilder}).
   *
   * @param maxRetries 0 or more; default 6
   * @return this builder
   */
  public MlflowClientBuilder maxRetries(int maxRetries) {
    return http(builder -> builder.maxRetries(maxRetries));
  }

  /**
   * Sets the backoff between retries when the server sends no {@code Retry-After}.
   *
   * @param base the first delay; default 500 ms
   * @param max the longest delay; default 30 s
   * @return this builder
   */
  public MlflowClientBuilder retryDelay(Duration base, Duration max) {
    return http(builder -> builder.retryDelay(base, max));
  }

  /**
   * Sets the connect timeout.
   *
   * @param timeout a positive duration; default 10 s
   * @return this builder
   */
  public MlflowClientBuilder connectTimeout(Duration timeout) {
    return http(builder -> builder.connectTimeout(timeout));
  }

  /**
   * Sets the read timeout.
   *
   * @param timeout a positive duration; default 60 s
   * @return this builder
   */
  public MlflowClientBuilder readTimeout(Duration timeout) {
    return http(builder -> builder.readTimeout(timeout));
  }

  /**
   * Sets how many entries each {@link MlflowRunLogger} may hold before logging calls wait.
   *
   * @param capacity at least 1; default 100,000 (a few MB)
   * @return this builder
   */
  public MlflowClientBuilder asyncQueueCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("'asyncQueueCapacity' is " + capacity + "; use 1 or more");
    }
    this.asyncQueueCapacity = capacity;
    return this;
  }

  /** Replaces the environment variables read (for tests). */
  MlflowClientBuilder environment(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
    return this;
  }

  /**
   * Builds the client.
   *
   * @return the client
   * @throws MlflowConfigurationException when the tracking URI or its credentials cannot be used
   */
  public MlflowClient buildClient() {
    TrackingTarget target = TrackingTarget.resolve(trackingUri, environment, credential);
    SluiceHttpPipelineBuilder pipeline = new SluiceHttpPipelineBuilder();
    httpSettings.forEach(setting -> setting.accept(pipeline));
    target.authentication.accept(pipeline);
    return new MlflowClient(new MlflowRest(pipeline.build(), target.baseUrl), asyncQueueCapacity);
  }

  private MlflowClientBuilder http(Consumer<SluiceHttpPipelineBuilder> setting) {
    // Applied once now so a bad value fails here, naming the field, not at buildClient().
    setting.accept(new SluiceHttpPipelineBuilder());
    httpSettings.add(setting);
    return this;
  }
}
