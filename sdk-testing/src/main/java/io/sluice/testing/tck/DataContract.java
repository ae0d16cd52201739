package io.sluice.testing.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.model.DataPath;
import io.sluice.core.model.InputBinding;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PipelineParameter;
import io.sluice.core.run.RunState;
import org.junit.jupiter.api.Test;

/**
 * Where data is: outputs under {@code sluice/runs/<run id>/<step>/<output>} on their datastore, the
 * same location for the producer and its consumers, datastore paths and {@code DATA_PATH}
 * parameters as locations the step can read.
 */
public interface DataContract extends ContractTests {

  private SubmittedRun produceAndConsume() {
    ContractFixture f = fixture();
    PipelineData raw = PipelineData.of("raw");
    PipelineData result =
        PipelineData.builder().name("result").pipelineOutputName("result").build();
    SubmittedRun run =
        f.submit(
            f.compile(
                f.pipeline(
                    f.step("produce").output(raw), f.step("consume").input(raw).output(result))));
    assertThat(run.await()).isEqualTo(RunState.COMPLETED);
    return run;
  }

  private static String location(SubmittedRun run, String output) {
    String uri = run.run().outputs().get(output).toString();
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  /** An output lies at the layout every transport shares. */
  @Test
  default void anOutputLiesUnderTheRunsLayout() {
    SubmittedRun run = produceAndConsume();
    String layout = "sluice/runs/" + run.run().id() + "/produce/raw";
    assertThat(fixture().value("produce", "raw")).endsWith(layout);
    assertThat(location(run, "raw")).endsWith(layout);
  }

  /** A consumer reads the location its producer wrote. */
  @Test
  default void aConsumerReadsWhereItsProducerWrote() {
    produceAndConsume();
    assertThat(fixture().value("consume", "raw")).isEqualTo(fixture().value("produce", "raw"));
  }

  /** The run lists every output, each where its step was told to write it. */
  @Test
  default void theRunListsEveryOutputWhereItsStepWroteIt() {
    SubmittedRun run = produceAndConsume();
    assertThat(run.run().outputs()).containsOnlyKeys("raw", "result");
    assertThat(location(run, "result"))
        .endsWith("sluice/runs/" + run.run().id() + "/consume/result");
  }

  /** Two runs of one pipeline never share an output location. */
  @Test
  default void twoRunsWriteToDifferentLocations() {
    ContractFixture f = fixture();
    PipelineData raw = PipelineData.of("raw");
    var definition = f.compile(f.pipeline(f.step("produce").output(raw)));
    SubmittedRun first = f.submit(definition);
    assertThat(first.await()).isEqualTo(RunState.COMPLETED);
    String firstLocation = f.value("produce", "raw");
    SubmittedRun second = f.submit(definition, o -> o.forceRerun(true));
    assertThat(second.await()).isEqualTo(RunState.COMPLETED);
    assertThat(f.value("produce", "raw")).isNotEqualTo(firstLocation).contains(second.run().id());
  }

  /** A datastore path reaches the step as a location that ends with that path. */
  @Test
  default void aDatastorePathInputReachesTheStepAsItsLocation() {
    ContractFixture f = fixture();
    f.harness().putData("in/customers.csv", "id\n1\n");
    SubmittedRun run =
        f.submit(
            f.compile(
                f.pipeline(
                    f.step("read")
                        .input("customers", f.harness().datastore().path("in/customers.csv")))));
    assertThat(run.await()).isEqualTo(RunState.COMPLETED);
    assertThat(f.value("read", "customers")).endsWith("in/customers.csv");
  }

  /** A {@code DATA_PATH} parameter reaches the step as the location a direct input of it has. */
  @Test
  default void aDataPathParameterReachesTheStepAsTheLocationOfItsPath() {
    ContractFixture f = fixture();
    f.harness().putData("in/customers.csv", "id\n1\n");
    DataPath path = f.harness().datastore().path("in/customers.csv");
    SubmittedRun run =
        f.submit(
            f.compile(
                f.pipeline(
                    f.step("read")
                        .input(InputBinding.of("direct", path).asDirect())
                        .value("source", PipelineParameter.of("source", path)))));
    assertThat(run.await()).isEqualTo(RunState.COMPLETED);
    assertThat(f.value("read", "source"))
        .isEqualTo(f.value("read", "direct"))
        .endsWith("in/customers.csv");
  }

  /** A {@code DATA_PATH} override moves the step to another path. */
  @Test
  default void aDataPathOverrideReachesTheStepAsTheLocationOfTheNewPath() {
    ContractFixture f = fixture();
    f.harness().putData("in/a.csv", "id\n1\n");
    f.harness().putData("in/b.csv", "id\n2\n");
    DataPath a = f.harness().datastore().path("in/a.csv");
    DataPath b = f.harness().datastore().path("in/b.csv");
    SubmittedRun run =
        f.submit(
            f.compile(
                f.pipeline(f.step("read").value("source", PipelineParameter.of("source", a)))),
            o -> o.putParameter("source", b));
    assertThat(run.await()).isEqualTo(RunState.COMPLETED);
    assertThat(f.value("read", "source")).endsWith("in/b.csv");
  }
}
