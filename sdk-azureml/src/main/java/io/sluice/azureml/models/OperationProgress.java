package io.sluice.azureml.models;

import java.util.Optional;

/**
 * Where a long-running ARM operation stands, as its status monitor reports it.
 *
 * @param status ARM's status, e.g. {@code InProgress}, {@code Creating}, {@code Succeeded}, {@code
 *     Failed}
 * @param errorCode the error code when the operation failed
 * @param errorMessage the error message when the operation failed
 */
public record OperationProgress(String status, String errorCode, String errorMessage) {

  /**
   * The failure, when there is one.
   *
   * @return {@code code: message}, or empty while the operation has not failed
   */
  public Optional<String> error() {
    if (errorCode == null && errorMessage == null) {
      return Optional.empty();
    }
    return Optional.of(
        (errorCode == null ? "" : errorCode + ": ") + (errorMessage == null ? "" : errorMessage));
  }
}
