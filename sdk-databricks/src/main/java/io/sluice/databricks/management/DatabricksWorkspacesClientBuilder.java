package io.sluice.databricks.management;

import com.azure.core.annotation.ServiceClientBuilder;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpPipeline;
import io.sluice.core.http.SluiceHttpPipelineBuilder;
import io.sluice.databricks.implementation.DatabricksHttp;
import io.sluice.databricks.implementation.RunPolling;
import java.time.Duration;

/**
 * Builds a {@link DatabricksWorkspacesClient}: a subscription, and a {@link TokenCredential} for
 * Azure Resource Manager (or a whole {@link HttpPipeline}, which then takes precedence).
 */
@ServiceClientBuilder(serviceClients = DatabricksWorkspacesClient.class)
public final class DatabricksWorkspacesClientBuilder {
  private String endpoint = "https://management.azure.com";
  private String subscriptionId;
  private TokenCredential credential;
  private HttpPipeline pipeline;
  private Duration pollInterval = RunPolling.FLOOR;
  private Duration maxPollInterval = Duration.ofSeconds(30);

  /** Creates a builder. */
  public DatabricksWorkspacesClientBuilder() {}

  /**
   * Sets the ARM endpoint of a sovereign cloud.
   *
   * @param endpoint default {@code https://management.azure.com}
   * @return this builder
   */
  public DatabricksWorkspacesClientBuilder endpoint(String endpoint) {
    this.endpoint = endpoint;
    return this;
  }

  /**
   * Sets the subscription.
   *
   * @param subscriptionId the subscription id
   * @return this builder
   */
  public DatabricksWorkspacesClientBuilder subscriptionId(String subscriptionId) {
    this.subscriptionId = subscriptionId;
    return this;
  }

  /**
   * Authenticates with Microsoft Entra ID for {@code https://management.azure.com/.default}.
   *
   * @param credential for example {@code DefaultAzureCredential}
   * @return this builder
   */
  public DatabricksWorkspacesClientBuilder credential(TokenCredential credential) {
    this.credential = credential;
    return this;
  }

  /**
   * Sends through this pipeline instead of one built from the credential.
   *
   * @param pipeline the pipeline, with its own authentication
   * @return this builder
   */
  public DatabricksWorkspacesClientBuilder pipeline(HttpPipeline pipeline) {
    this.pipeline = pipeline;
    return this;
  }

  /**
   * Sets how often provisioning is polled.
   *
   * @param interval the first delay; at least 2 s
   * @param max the longest delay
   * @return this builder
   */
  public DatabricksWorkspacesClientBuilder pollInterval(Duration interval, Duration max) {
    this.pollInterval = interval;
    this.maxPollInterval = max;
    return this;
  }

  /**
   * Builds the client.
   *
   * @return the client
   * @throws IllegalStateException when the subscription, or both credential and pipeline, are
   *     missing
   */
  public DatabricksWorkspacesClient buildClient() {
    if (subscriptionId == null || subscriptionId.isBlank()) {
      throw new IllegalStateException(
          "'subscriptionId' is missing; set the subscription that holds the workspaces");
    }
    if (pipeline == null && credential == null) {
      throw new IllegalStateException(
          "Neither credential(...) nor pipeline(...) is set; set a TokenCredential for ARM");
    }
    RunPolling polling;
    try {
      polling = new RunPolling(pollInterval, maxPollInterval);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    HttpPipeline http =
        pipeline != null
            ? pipeline
            : new SluiceHttpPipelineBuilder()
                .credential(credential, "https://management.azure.com/.default")
                .build();
    return new DatabricksWorkspacesClient(
        new DatabricksHttp(http, endpoint), subscriptionId, polling);
  }
}
