package io.sluice.azureml.implementation;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import io.sluice.azureml.AzureMlException;
import io.sluice.core.http.SluiceHttpPipelineBuilder;
import io.sluice.core.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sends scoring requests to an online endpoint. Its own pipeline: the endpoint wants its key or
 * token, not the ARM credential, and a scoring POST is not replayed (scoring may have effects).
 */
public final class Scoring {
  private Scoring() {}

  /**
   * Posts one request.
   *
   * @param httpClient the client to send with, or null for the default
   * @param scoringUri the endpoint's scoring URI
   * @param secret its key or token
   * @param deployment a deployment to address directly, or null
   * @param body the JSON body
   * @return the response body
   */
  public static String post(
      HttpClient httpClient, String scoringUri, Secret secret, String deployment, String body) {
    String value =
        secret
            .value()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the endpoint's key or token has no value; the service returned none"));
    SluiceHttpPipelineBuilder builder = new SluiceHttpPipelineBuilder().bearerToken(value);
    if (httpClient != null) {
      builder.httpClient(httpClient);
    }
    HttpPipeline pipeline = builder.build();
    HttpRequest request =
        new HttpRequest(HttpMethod.POST, scoringUri)
            .setHeader(HttpHeaderName.CONTENT_TYPE, "application/json")
            .setBody(body.getBytes(StandardCharsets.UTF_8));
    if (deployment != null) {
      request.setHeader(HttpHeaderName.fromString("azureml-model-deployment"), deployment);
    }
    try (HttpResponse response = pipeline.sendSync(request, com.azure.core.util.Context.NONE)) {
      String text = response.getBodyAsBinaryData().toString();
      if (response.getStatusCode() >= 400) {
        throw new AzureMlException(
            ArmErrors.scrub(
                "scoring "
                    + scoringUri
                    + " failed with HTTP "
                    + response.getStatusCode()
                    + ": "
                    + text,
                List.of(value)),
            response.getStatusCode(),
            null);
      }
      return text;
    }
  }
}
