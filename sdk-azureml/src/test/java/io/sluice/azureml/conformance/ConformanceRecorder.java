package io.sluice.azureml.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Assertions;

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
    if (!available()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail("../shared/specs is missing; CI=true requires the Azure ML conformance"
            + " check");
      }
      return;
    }
    SwaggerConformance conformance = SwaggerConformance.load();
    for (RecordedRequest request : requests) {
      if (conformance.check(request)) {
        CHECKED.incrementAndGet();
      }
    }
    // The running total, so a build shows the check really ran and on how many requests.
    try {
      Files.writeString(Path.of("target", "azureml-conformance.txt"), CHECKED.get()
          + " ARM requests matched the Azure ML 2026-07-01 swagger\n");
    } catch (IOException e) {
      // Only a report; a read-only target folder must not fail the test.
    }
  }

  /** @return whether the Azure ML swagger is where the conformance check looks */
  public static boolean available() {
    return SwaggerConformance.specsDirectory() != null
        && Files.isRegularFile(SwaggerConformance.specsDirectory().resolve(SwaggerConformance.SPEC));
  }

  /** @return how many ARM requests were checked in this JVM */
  public static int checked() {
    return CHECKED.get();
  }
}
