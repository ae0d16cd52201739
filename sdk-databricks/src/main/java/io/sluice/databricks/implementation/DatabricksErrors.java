package io.sluice.databricks.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.core.http.implementation.Redaction;
import io.sluice.databricks.DatabricksException;
import io.sluice.databricks.DatabricksInvalidParameterException;
import io.sluice.databricks.DatabricksInvalidStateException;
import io.sluice.databricks.DatabricksPermissionDeniedException;
import io.sluice.databricks.DatabricksResourceAlreadyExistsException;
import io.sluice.databricks.DatabricksResourceLimitExceededException;
import io.sluice.databricks.DatabricksResourceNotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps a Databricks error response to a typed exception: by {@code error_code} first, then by HTTP
 * status, as the service's own SDKs do; a few {@code INVALID_PARAMETER_VALUE} answers that really
 * say "not found" become {@link DatabricksResourceNotFoundException}.
 */
public final class DatabricksErrors {
  private static final Set<String> NOT_FOUND =
      Set.of("RESOURCE_DOES_NOT_EXIST", "NOT_FOUND", "FEATURE_DISABLED_NOT_FOUND");
  private static final Set<String> INVALID =
      Set.of(
          "INVALID_PARAMETER_VALUE",
          "BAD_REQUEST",
          "MALFORMED_REQUEST",
          "MAX_BLOCK_SIZE_EXCEEDED",
          "MAX_READ_SIZE_EXCEEDED",
          "MAX_NOTEBOOK_SIZE_EXCEEDED",
          "INVALID_REQUEST");
  private static final Set<String> DENIED =
      Set.of("PERMISSION_DENIED", "UNAUTHENTICATED", "UNAUTHORIZED");
  private static final Set<String> LIMIT =
      Set.of(
          "RESOURCE_LIMIT_EXCEEDED",
          "REQUEST_LIMIT_EXCEEDED",
          "QUOTA_EXCEEDED",
          "RESOURCE_EXHAUSTED",
          "TOO_MANY_REQUESTS");
  private static final Set<String> EXISTS = Set.of("RESOURCE_ALREADY_EXISTS", "ALREADY_EXISTS");
  private static final Pattern DOES_NOT_EXIST =
      Pattern.compile("(?i).*\\b(does not exist|not found)\\b.*");
  private static final int MAX_MESSAGE = 500;

  private DatabricksErrors() {}

  /**
   * The exception for an error response.
   *
   * @param status the HTTP status
   * @param body the response body
   * @param call the method and path, for the message
   * @return the exception
   */
  public static DatabricksException from(int status, byte[] body, String call) {
    String code = null;
    String message = null;
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    try {
      JsonNode node = DatabricksJson.MAPPER.readTree(text);
      if (node != null && node.isObject()) {
        // Databricks: {error_code, message}; API 1.2: {error}; ARM: {error: {code, message}}.
        JsonNode arm = node.path("error");
        code =
            node.hasNonNull("error_code")
                ? node.get("error_code").asText()
                : arm.isObject() && arm.hasNonNull("code") ? arm.get("code").asText() : null;
        message =
            node.hasNonNull("message")
                ? node.get("message").asText()
                : arm.isObject()
                    ? arm.path("message").asText(null)
                    : node.hasNonNull("error") ? node.get("error").asText() : null;
      }
    } catch (java.io.IOException | RuntimeException e) {
      // Not JSON: an HTML error page from a proxy, or a bare 403 "Invalid Token"; keep its text.
    }
    if (message == null) {
      message = text.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
    }
    String full =
        call + " failed with " + status + (code == null ? "" : " " + code) + ": " + safe(message);
    boolean known =
        code != null
            && (NOT_FOUND.contains(code)
                || DENIED.contains(code)
                || LIMIT.contains(code)
                || EXISTS.contains(code)
                || INVALID.contains(code)
                || "INVALID_STATE".equals(code));
    if (!known) {
      // An unknown code (ARM's ResourceNotFound, a new Databricks code) is classified by status.
      return byStatus(status, full, code);
    }
    if (NOT_FOUND.contains(code)
        || ("INVALID_PARAMETER_VALUE".equals(code) && DOES_NOT_EXIST.matcher(message).matches())) {
      return new DatabricksResourceNotFoundException(full, status, code);
    }
    if (DENIED.contains(code)) {
      return denied(full, status, code);
    }
    if (LIMIT.contains(code)) {
      return limited(full, status, code);
    }
    if (EXISTS.contains(code)) {
      return new DatabricksResourceAlreadyExistsException(full, status, code);
    }
    if ("INVALID_STATE".equals(code)) {
      return new DatabricksInvalidStateException(full, status, code);
    }
    return new DatabricksInvalidParameterException(full, status, code);
  }

  private static DatabricksException byStatus(int status, String full, String code) {
    return switch (status) {
      case 400 -> new DatabricksInvalidParameterException(full, status, code);
      case 401, 403 -> denied(full, status, code);
      case 404 -> new DatabricksResourceNotFoundException(full, status, code);
      case 409 -> new DatabricksResourceAlreadyExistsException(full, status, code);
      case 429 -> limited(full, status, code);
      default -> new DatabricksException(full, status, code);
    };
  }

  private static DatabricksException denied(String full, int status, String code) {
    return new DatabricksPermissionDeniedException(
        full + "; check that the token or credential is valid and has access to this resource",
        status,
        code);
  }

  private static DatabricksException limited(String full, int status, String code) {
    return new DatabricksResourceLimitExceededException(
        full + "; wait and retry, or lower the request rate", status, code);
  }

  /**
   * Masks secrets in service text and bounds its length, before it reaches a message.
   *
   * @param text the text
   * @return the safe text
   */
  public static String safe(String text) {
    if (text == null) {
      return "";
    }
    String redacted = Redaction.redact(text).replaceAll("dapi[0-9a-f]{32}(-\\d+)?", Redaction.MASK);
    return redacted.length() > MAX_MESSAGE ? redacted.substring(0, MAX_MESSAGE) + "…" : redacted;
  }
}
