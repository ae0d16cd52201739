package io.sluice.azureml.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.PollingContext;
import com.azure.core.util.polling.SyncPoller;
import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.azureml.AzureMlProvisioningException;
import io.sluice.azureml.AzureMlResourceNotFoundException;
import io.sluice.azureml.models.OperationProgress;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.function.Function;

/**
 * One ARM long-running operation. The status comes from the {@code Azure-AsyncOperation} monitor
 * when the service names one, else from the {@code Location} URL (202 while running), else from the
 * resource's own {@code provisioningState}. A PUT or PATCH ends by reading the resource again
 * (ARM's {@code original-uri} final state); other methods end with the last response.
 */
final class LongRunningOperation<T> {
  private static final String ASYNC = "asyncOperation";
  private static final String LOCATION = "location";

  private final ArmClient client;
  private final HttpMethod method;
  private final String url;
  private final JsonNode body;
  private final Collection<String> secrets;
  private final Function<JsonNode, T> result;
  private volatile JsonNode last;

  LongRunningOperation(
      ArmClient client,
      HttpMethod method,
      String url,
      JsonNode body,
      Collection<String> secrets,
      Function<JsonNode, T> result) {
    this.client = client;
    this.method = method;
    this.url = url;
    this.body = body;
    this.secrets = secrets;
    this.result = result;
  }

  SyncPoller<OperationProgress, T> poller(Duration interval) {
    return SyncPoller.createPoller(
        interval,
        this::activate,
        this::poll,
        (context, response) -> {
          throw new UnsupportedOperationException(
              "ARM operations cannot be canceled once started; delete the resource instead");
        },
        this::fetch);
  }

  private PollResponse<OperationProgress> activate(PollingContext<OperationProgress> context) {
    ArmResponse response = client.send(method, url, body, secrets);
    last = response.body();
    String async = response.headers().getValue(HttpHeaderName.fromString("Azure-AsyncOperation"));
    String location = response.headers().getValue(HttpHeaderName.LOCATION);
    if (async != null) {
      context.setData(ASYNC, async);
    } else if (location != null) {
      context.setData(LOCATION, location);
    }
    if (async == null && location == null && response.statusCode() != 202) {
      return fromProvisioningState(response);
    }
    return progress(LongRunningOperationStatus.IN_PROGRESS, "Accepted", null, null, response);
  }

  private PollResponse<OperationProgress> poll(PollingContext<OperationProgress> context) {
    String async = context.getData(ASYNC);
    if (async != null) {
      ArmResponse response = client.send(HttpMethod.GET, async, null);
      String status = ArmJson.text(response.body(), "status");
      JsonNode error = response.body().get("error");
      return progress(
          status(status),
          status,
          ArmJson.text(error, "code"),
          ArmJson.text(error, "message"),
          response);
    }
    String location = context.getData(LOCATION);
    if (location != null) {
      ArmResponse response = client.send(HttpMethod.GET, location, null);
      if (response.statusCode() == 202) {
        return progress(LongRunningOperationStatus.IN_PROGRESS, "InProgress", null, null, response);
      }
      last = response.body();
      return progress(
          LongRunningOperationStatus.SUCCESSFULLY_COMPLETED, "Succeeded", null, null, response);
    }
    if (method == HttpMethod.DELETE) {
      try {
        client.send(HttpMethod.GET, url, null);
        return progress(
            LongRunningOperationStatus.IN_PROGRESS,
            "Deleting",
            null,
            null,
            new ArmResponse(202, new com.azure.core.http.HttpHeaders(), null));
      } catch (AzureMlResourceNotFoundException gone) {
        // Without a monitor URL, a deletion is done once the resource is gone.
        return progress(
            LongRunningOperationStatus.SUCCESSFULLY_COMPLETED,
            "Succeeded",
            null,
            null,
            new ArmResponse(200, new com.azure.core.http.HttpHeaders(), null));
      }
    }
    return fromProvisioningState(client.send(HttpMethod.GET, url, null));
  }

  private T fetch(PollingContext<OperationProgress> context) {
    PollResponse<OperationProgress> latest = context.getLatestResponse();
    OperationProgress progress = latest.getValue();
    if (LongRunningOperationStatus.FAILED.equals(latest.getStatus())
        || LongRunningOperationStatus.USER_CANCELLED.equals(latest.getStatus())) {
      throw new AzureMlProvisioningException(
          ArmErrors.scrub(
              method
                  + " "
                  + path()
                  + " ended "
                  + progress.status()
                  + progress.error().map(e -> ": " + e).orElse(""),
              secrets),
          progress.errorCode());
    }
    if (method == HttpMethod.PUT || method == HttpMethod.PATCH) {
      return result.apply(client.send(HttpMethod.GET, url, null).body());
    }
    return result.apply(last);
  }

  private PollResponse<OperationProgress> fromProvisioningState(ArmResponse response) {
    JsonNode properties = ArmJson.properties(response.body());
    String state = ArmJson.text(properties, "provisioningState");
    if (state == null) {
      // Resources without a provisioning state (and 204 answers) are done when answered.
      return progress(
          LongRunningOperationStatus.SUCCESSFULLY_COMPLETED, "Succeeded", null, null, response);
    }
    JsonNode errors = properties.path("provisioningErrors").path(0).path("error");
    return progress(
        status(state),
        state,
        ArmJson.text(errors, "code"),
        ArmJson.text(errors, "message"),
        response);
  }

  private static LongRunningOperationStatus status(String status) {
    String value = status == null ? "" : status.toLowerCase(Locale.ROOT);
    return switch (value) {
      case "succeeded" -> LongRunningOperationStatus.SUCCESSFULLY_COMPLETED;
      case "failed" -> LongRunningOperationStatus.FAILED;
      case "canceled", "cancelled" -> LongRunningOperationStatus.USER_CANCELLED;
      default -> LongRunningOperationStatus.IN_PROGRESS;
    };
  }

  private PollResponse<OperationProgress> progress(
      LongRunningOperationStatus status,
      String text,
      String code,
      String message,
      ArmResponse response) {
    String retryAfter = response.headers().getValue(HttpHeaderName.RETRY_AFTER);
    Duration wait = null;
    if (retryAfter != null && retryAfter.matches("\\d{1,5}")) {
      wait = Duration.ofSeconds(Long.parseLong(retryAfter));
    }
    OperationProgress value =
        new OperationProgress(
            text, code, message == null ? null : ArmErrors.scrub(message, secrets));
    return wait == null
        ? new PollResponse<>(status, value)
        : new PollResponse<>(status, value, wait);
  }

  private String path() {
    int query = url.indexOf('?');
    String path = query < 0 ? url : url.substring(0, query);
    return path.substring(path.indexOf(client.workspaceId()) + client.workspaceId().length() + 1);
  }
}
