package io.sluice.testing.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.model.PipelineData;
import io.sluice.core.model.Secret;
import io.sluice.core.run.RunEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** No secret value leaves the process: not in a request, a log line, an event or a run's text. */
public interface SecretContract extends ContractTests {

  /**
   * A canary secret and the transport's own credentials appear in nothing the run sends or says.
   */
  @Test
  default void noSecretValueLeavesTheProcess() {
    ContractFixture f = fixture();
    String canary = "canary-" + UUID.randomUUID();
    PipelineData x = PipelineData.of("x");
    f.harness().script("consume", StepBehaviour.fail("consumer failed"));
    List<String> secrets = new ArrayList<>(List.of(canary));
    f.harness().runOptions().build().secrets().forEach(s -> s.value().ifPresent(secrets::add));

    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    PrintStream capture = new PrintStream(logs, true, StandardCharsets.UTF_8);
    SubmittedRun run;
    try {
      System.setOut(capture);
      System.setErr(capture);
      run =
          f.submit(
              f.compile(f.pipeline(f.step("produce").output(x), f.step("consume").input(x))),
              o -> o.addSecrets(Secret.of("tck-canary", canary)));
      run.await();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    StringBuilder said = new StringBuilder(logs.toString(StandardCharsets.UTF_8));
    run.events().forEach(e -> said.append(e).append('\n'));
    run.events().stream()
        .filter(RunEvent.StepStateChanged.class::isInstance)
        .forEach(e -> said.append(((RunEvent.StepStateChanged) e).status().message()).append('\n'));
    said.append(run.run()).append(run.run().steps()).append(run.run().outputs());
    said.append(f.harness().outboundText());
    for (String secret : secrets) {
      assertThat(said.toString()).as("what the run sent and said").doesNotContain(secret);
    }
  }
}
