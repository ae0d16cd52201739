package io.sluice.core.http.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void secretJsonFieldsAreMasked() {
    assertThat(Redaction.redact("{\"string_value\":\"s3cr\\\"et\",\"path\":\"/a\",\"key\":\"k\"}"))
        .isEqualTo("{\"string_value\":\"REDACTED\",\"path\":\"/a\",\"key\":\"k\"}");
  }

  @Test
  void aLongValueIsMaskedWithoutExhaustingASmallThreadStack() throws Exception {
    String notebook = "QUJD".repeat(250_000); // a megabyte of base64, as a workspace import sends
    String body = "{\"path\":\"/Shared/n\",\"content\":\"" + notebook + "\",\"overwrite\":true}";
    CompletableFuture<String> redacted = new CompletableFuture<>();
    Thread small =
        new Thread(
            null, () -> redacted.complete(Redaction.redact(body)), "small-stack", 256 * 1024);
    small.setUncaughtExceptionHandler((t, e) -> redacted.completeExceptionally(e));
    small.start();

    assertThat(redacted.get())
        .isEqualTo("{\"path\":\"/Shared/n\",\"content\":\"REDACTED\",\"overwrite\":true}");
  }
}
