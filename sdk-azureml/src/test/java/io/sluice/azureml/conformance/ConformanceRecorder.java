package io.sluice.azureml.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Validates the requests of every MockWebServer test against the swagger when the specs are
 * present; without them the tests still check behaviour, and {@code CI=true} fails instead.
 */
public final class ConformanceRecorder {
  private static final AtomicInteger CHECKED = new AtomicInteger();

  private ConformanceRecorder() {}

  /**
   * Checks each ARM request.
   *
   * @param requests the recorded requests
   */
  public static void checkAll(List<RecordedRequest> requests) {
    Optional<SwaggerConformance> conformance = SwaggerConformance.ifPresent();
    if (conformance.isEmpty()) {
      return;
    }
    for (RecordedRequest request : requests) {
      if (conformance.get().check(request)) {
        CHECKED.incrementAndGet();
      }
    }
    // The running total, so a build shows the check really ran and on how many requests.
    try {
      Files.writeString(
          Path.of("target", "azureml-conformance.txt"),
          CHECKED.get() + " ARM requests matched the Azure ML 2026-07-01 swagger\n");
    } catch (IOException e) {
      // Only a report; a read-only target folder must not fail the test.
    }
  }
}
