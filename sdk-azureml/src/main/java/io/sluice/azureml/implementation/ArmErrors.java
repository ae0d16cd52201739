package io.sluice.azureml.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.azureml.AzureMlAuthenticationException;
import io.sluice.azureml.AzureMlBadRequestException;
import io.sluice.azureml.AzureMlConflictException;
import io.sluice.azureml.AzureMlException;
import io.sluice.azureml.AzureMlResourceNotFoundException;
import java.util.Collection;

/** Turns ARM error responses into typed exceptions whose messages hold no secret. */
public final class ArmErrors {
  private static final String MASK = "REDACTED";

  private ArmErrors() {}

  /**
   * The exception for an error response.
   *
   * @param what the operation, e.g. {@code PUT jobs/train-1}
   * @param status the HTTP status
   * @param body the error body ({@code {"error": {"code", "message"}}}), may be missing
   * @param secrets values the request carried; masked wherever they appear
   * @return the exception to throw
   */
  public static AzureMlException toException(
      String what, int status, JsonNode body, Collection<String> secrets) {
    JsonNode error = body == null ? null : body.get("error");
    String code = ArmJson.text(error, "code");
    String message = ArmJson.text(error, "message");
    if (message == null && body != null && body.isTextual()) {
      message = body.asText();
    }
    String text =
        scrub(
            what
                + " failed with HTTP "
                + status
                + (code == null ? "" : " " + code)
                + (message == null ? "" : ": " + message)
                + hint(status),
            secrets);
    return switch (status) {
      case 400 -> new AzureMlBadRequestException(text, status, code);
      case 401, 403 -> new AzureMlAuthenticationException(text, status, code);
      case 404 -> new AzureMlResourceNotFoundException(text, status, code);
      case 409 -> new AzureMlConflictException(text, status, code);
      default -> new AzureMlException(text, status, code);
    };
  }

  /**
   * Masks each secret value in a text.
   *
   * @param text the text
   * @param secrets the values to mask
   * @return the text with each value replaced by {@value #MASK}
   */
  public static String scrub(String text, Collection<String> secrets) {
    String result = text;
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        result = result.replace(secret, MASK);
      }
    }
    return result;
  }

  private static String hint(int status) {
    return switch (status) {
      case 401 -> " (the credential was refused; check the TokenCredential's tenant)";
      case 403 -> " (the identity needs a role such as AzureML Data Scientist on the workspace)";
      case 404 -> " (check the name, the version and the workspace in config.json)";
      default -> "";
    };
  }
}
