package io.sluice.testing.tck;

import io.sluice.core.model.ComputeTarget;
import io.sluice.core.model.Datastore;
import io.sluice.core.run.RunOptions;
import io.sluice.core.spi.Transport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What a transport author supplies to run the {@link TransportContract}: the transport under test
 * and a way to script and watch its remote side. A transport that runs steps for real (such as
 * {@code local}) scripts them through {@link ObservedSources}; one that talks to a service scripts
 * a fake of that service.
 *
 * <p>The kit makes one harness per test and closes it afterwards.
 */
public interface TransportHarness extends AutoCloseable {

  /**
   * The transport under test, configured to run in this harness.
   *
   * @return the transport
   */
  Transport transport();

  /**
   * The folder of this test: the kit writes step sources under {@code src/} and compiles pipelines
   * against it.
   *
   * @return an empty folder that lives as long as the harness
   */
  Path workDirectory();

  /**
   * The kinds of step this transport runs. A pipeline with a step of another kind must be refused
   * at submission, before any side effect.
   *
   * @return at least one kind
   */
  Set<StepKind> stepKinds();

  /**
   * Where steps of a kind run.
   *
   * @param kind a kind, possibly one the transport does not run
   * @return the compute target the kit gives such steps
   */
  ComputeTarget compute(StepKind kind);

  /**
   * The datastore that holds the pipeline's data: the default datastore, and where inputs are.
   *
   * @return the datastore
   */
  Datastore datastore();

  /**
   * Makes a file exist on {@link #datastore()}, for steps that read it.
   *
   * @param path the path on the datastore
   * @param content the file's content
   */
  void putData(String path, String content);

  /**
   * Says what a step does the next time it runs; steps not scripted complete.
   *
   * @param step the step's name
   * @param behaviour what it does
   */
  void script(String step, StepBehaviour behaviour);

  /**
   * What a step was given, each time it started.
   *
   * @param step the step's name
   * @return its invocations, oldest first; empty when it never started
   */
  List<StepInvocation> invocations(String step);

  /**
   * Every effect the transport had outside this JVM so far: requests that change something (a read
   * such as a GET is no effect), runs or folders made, processes started; one line each. A refused
   * submission must not add to it.
   *
   * @return the effects, oldest first
   */
  List<String> sideEffects();

  /**
   * All text the transport sent out of the process so far, except where a credential belongs (an
   * {@code Authorization} header, a secret store's write): request lines, bodies, files uploaded or
   * written for steps.
   *
   * @return the text
   */
  String outboundText();

  /**
   * The options every submission starts from: the secrets the transport needs to reach its service,
   * for example.
   *
   * @return a builder the kit adds to
   */
  RunOptions.Builder runOptions();

  /**
   * How long the kit waits for a run to end.
   *
   * @return the wait, two minutes unless overridden
   */
  default Duration timeout() {
    return Duration.ofMinutes(2);
  }

  /** Stops what the harness started. */
  @Override
  void close();
}
