package io.sluice.core.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.Sluice;
import io.sluice.core.compiler.ModelTranslation;
import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.LocalDatastore;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PipelineParameter;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.model.RunConfiguration;
import io.sluice.core.run.DuplicateRunPolicy;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.PipelineRunException;
import io.sluice.core.run.RunOptions;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import io.sluice.core.run.StepStatus;
import io.sluice.core.spi.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The local transport running real Python processes. Each test has a folder of its own, so tests
 * run side by side, and beside the module's other classes: they mostly wait on short processes.
 */
@Execution(ExecutionMode.CONCURRENT)
class LocalTransportIT {
  private static final Duration WAIT = Duration.ofMinutes(5);

  @TempDir Path base;
  private Transport transport;

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(base.resolve("src"));
    transport =
        Sluice.transport("local", Map.of("baseDirectory", base.toString(), "parallelism", "2"));
  }

  private void script(String name, String body) throws IOException {
    Files.writeString(base.resolve("src").resolve(name), body);
  }

  private PipelineDefinition compile(Pipeline pipeline) {
    return PipelineCompiler.compile(pipeline, base);
  }

  /**
   * produce.py writes a file; consume.py copies it with a suffix (parameter {@code suffix}, which
   * only consume uses); both count their runs.
   */
  private Pipeline twoSteps() throws IOException {
    script(
        "produce.py",
        """
        import sys, os
        open(os.path.join(os.environ['SLUICE_BASE'], 'produce.count'), 'a').write('x')
        os.makedirs(sys.argv[2], exist_ok=True)
        open(os.path.join(sys.argv[2], 'data.txt'), 'w').write('hello ' + sys.argv[4])
        """);
    script(
        "consume.py",
        """
        import sys, os
        open(os.path.join(os.environ['SLUICE_BASE'], 'consume.count'), 'a').write('x')
        text = open(os.path.join(os.environ['AZUREML_DATAREFERENCE_raw'], 'data.txt')).read()
        open(os.path.join(sys.argv[2], 'out.txt'), 'w').write(text + sys.argv[4])
        """);
    PipelineData raw = PipelineData.of("raw");
    PipelineData result =
        PipelineData.builder().name("result").pipelineOutputName("result").build();
    RunConfiguration config =
        RunConfiguration.builder().putEnvironmentVariable("SLUICE_BASE", base.toString()).build();
    return Pipeline.builder()
        .name("two-steps")
        .defaultDatastore(LocalDatastore.of("workspace", base.resolve("store").toString()))
        .steps(
            PythonScriptStep.builder()
                .name("produce")
                .scriptName("produce.py")
                .sourceDirectory("src")
                .runconfig(config)
                .addOutput(raw)
                .arguments("--out", raw, "--who", PipelineParameter.of("who", "world"))
                .build(),
            PythonScriptStep.builder()
                .name("consume")
                .scriptName("consume.py")
                .sourceDirectory("src")
                .runconfig(config)
                .addInput(raw)
                .addOutput(result)
                .arguments("--out", result, "--suffix", PipelineParameter.of("suffix", "!"))
                .build())
        .build();
  }

  @Test
  void runsStepsInOrderAndPassesDataAndParameters() throws IOException {
    PipelineRun run =
        transport.submit(
            compile(twoSteps()), RunOptions.builder().putParameter("who", "sluice").build());

    assertThat(run.waitForCompletion(WAIT)).isEqualTo(RunState.COMPLETED);
    Path out = Path.of(run.outputs().get("result"));
    assertThat(Files.readString(out.resolve("out.txt"))).isEqualTo("hello sluice!");
    assertThat(out.toString()).contains("sluice/runs/" + run.id() + "/consume/result");
  }

  @Test
  void reusesUnchangedStepsAndSaysWhyAChangedStepReruns() throws IOException {
    PipelineRun first = transport.submit(compile(twoSteps()), RunOptions.defaults());
    first.waitForCompletion(WAIT);

    List<StepState> secondStates = new java.util.concurrent.CopyOnWriteArrayList<>();
    PipelineRun second =
        transport.submit(
            compile(twoSteps()),
            RunOptions.builder()
                .addListeners(
                    e -> {
                      if (e instanceof io.sluice.core.run.RunEvent.StepStateChanged c) {
                        secondStates.add(c.status().state());
                      }
                    })
                .build());
    second.waitForCompletion(WAIT);
    assertThat(second.steps().values())
        .extracting(StepStatus::state)
        .containsOnly(StepState.REUSED);
    assertThat(secondStates)
        .as("a reused step never shows as running")
        .containsOnly(StepState.REUSED);
    assertThat(second.steps().get("produce").message()).contains("reused run " + first.id());

    Pipeline changed = twoSteps();
    Files.writeString(
        base.resolve("src/consume.py"), "\n# a comment\n", java.nio.file.StandardOpenOption.APPEND);
    List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
    PipelineRun third =
        transport.submit(
            compile(changed),
            RunOptions.builder()
                .addListeners(
                    e -> {
                      if (e instanceof io.sluice.core.run.RunEvent.StepStateChanged c) {
                        messages.add(c.status().step() + ": " + c.status().message());
                      }
                    })
                .build());
    third.waitForCompletion(WAIT);
    // Both scripts share one source directory, so both steps' fingerprints see the edit.
    assertThat(messages)
        .anyMatch(m -> m.startsWith("consume: runs because") && m.contains("consume.py changed"));
    assertThat(Files.readString(base.resolve("consume.count"))).hasSize(2);
  }

  @Test
  void aParameterOnlyTheLastStepUsesRerunsOnlyThatStepAndSaysWhichChanged() throws IOException {
    PipelineDefinition definition = compile(twoSteps());
    transport.submit(definition, RunOptions.defaults()).waitForCompletion(WAIT);

    List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
    PipelineRun second =
        transport.submit(
            definition,
            RunOptions.builder()
                .putParameter("suffix", "?")
                .addListeners(
                    e -> {
                      if (e instanceof io.sluice.core.run.RunEvent.StepStateChanged c) {
                        messages.add(c.status().step() + ": " + c.status().message());
                      }
                    })
                .build());
    second.waitForCompletion(WAIT);

    assertThat(second.steps().get("produce").state()).isEqualTo(StepState.REUSED);
    assertThat(second.steps().get("consume").state()).isEqualTo(StepState.COMPLETED);
    assertThat(Files.readString(base.resolve("produce.count"))).hasSize(1);
    assertThat(Files.readString(Path.of(second.outputs().get("result")).resolve("out.txt")))
        .isEqualTo("hello world?");
    assertThat(messages).contains("consume: runs because parameter suffix changed: ! -> ?");
  }

  @Test
  void aDataPathParameterReachesTheStepAsTheLocationItCanRead() throws IOException {
    script(
        "echo.py",
        """
        import sys, os
        os.makedirs(sys.argv[2], exist_ok=True)
        open(os.path.join(sys.argv[2], 'arg.txt'), 'w').write(sys.argv[4])
        """);
    LocalDatastore raw = LocalDatastore.of("raw", base.resolve("raw").toString());
    PipelineData out = PipelineData.builder().name("out").pipelineOutputName("out").build();
    Pipeline pipeline =
        Pipeline.builder()
            .name("data-path")
            .defaultDatastore(LocalDatastore.of("workspace", base.resolve("store").toString()))
            .steps(
                PythonScriptStep.builder()
                    .name("echo")
                    .scriptName("echo.py")
                    .sourceDirectory("src")
                    .addOutput(out)
                    .arguments(
                        "--out",
                        out,
                        "--source",
                        PipelineParameter.of("source", raw.path("customers.csv")))
                    .build())
            .build();

    PipelineRun run = transport.submit(compile(pipeline), RunOptions.defaults());
    run.waitForCompletion(WAIT);

    // Not "raw:customers.csv": the step gets the path it reads, as it gets its inputs.
    assertThat(Files.readString(Path.of(run.outputs().get("out")).resolve("arg.txt")))
        .isEqualTo(
            LocalDatastoreIo.location(ModelTranslation.datastore(raw), "customers.csv").toString());
  }

  @Test
  void aFailingStepFailsTheRunWithItsLogTailAndSkipsDependants() throws IOException {
    Pipeline pipeline = twoSteps();
    script(
        "produce.py", "import sys\nprint('about to fail')\nsys.exit('the input is malformed')\n");

    PipelineRun run = transport.submit(compile(pipeline), RunOptions.defaults());

    assertThatThrownBy(() -> run.waitForCompletion(WAIT))
        .isInstanceOf(PipelineRunException.class)
        .hasMessageContaining("step 'produce' failed")
        .hasMessageContaining("exited with code 1")
        .hasMessageContaining("the input is malformed");
    assertThat(run.state()).isEqualTo(RunState.FAILED);
    assertThat(run.steps().get("consume").state()).isEqualTo(StepState.SKIPPED);
  }

  @Test
  void aStepPastItsTimeLimitIsStopped() throws IOException {
    script("slow.py", "import time\nprint('sleeping', flush=True)\ntime.sleep(60)\n");
    Pipeline pipeline =
        Pipeline.builder()
            .name("slow")
            .steps(
                PythonScriptStep.builder()
                    .scriptName("slow.py")
                    .sourceDirectory("src")
                    .runconfig(RunConfiguration.builder().maxRunDurationSeconds(2).build())
                    .build())
            .build();
    long started = System.nanoTime();

    PipelineRun run = transport.submit(compile(pipeline), RunOptions.defaults());

    assertThatThrownBy(() -> run.waitForCompletion(WAIT))
        .isInstanceOf(PipelineRunException.class)
        .hasMessageContaining("timed out after 2s");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(40));
  }

  @Test
  void independentBranchesOverlap() throws IOException {
    script("nap.py", "import time\ntime.sleep(2)\n");
    Pipeline pipeline =
        Pipeline.builder()
            .name("branches")
            .steps(
                PythonScriptStep.builder()
                    .name("left")
                    .scriptName("nap.py")
                    .sourceDirectory("src")
                    .allowReuse(false)
                    .build(),
                PythonScriptStep.builder()
                    .name("right")
                    .scriptName("nap.py")
                    .sourceDirectory("src")
                    .allowReuse(false)
                    .build())
            .build();

    PipelineRun run = transport.submit(compile(pipeline), RunOptions.defaults());
    run.waitForCompletion(WAIT);

    StepStatus left = run.steps().get("left");
    StepStatus right = run.steps().get("right");
    assertThat(left.startedAt().orElseThrow()).isBefore(right.endedAt().orElseThrow());
    assertThat(right.startedAt().orElseThrow()).isBefore(left.endedAt().orElseThrow());
  }

  @Test
  void parallelStepsThatNeedTheSameNewVirtualenvBuildItOnce(@TempDir Path cache)
      throws IOException {
    script("hello.py", "print('hello')\n");
    Pipeline pipeline =
        Pipeline.builder()
            .name("fresh")
            .steps(
                PythonScriptStep.builder()
                    .name("one")
                    .scriptName("hello.py")
                    .sourceDirectory("src")
                    .allowReuse(false)
                    .build(),
                PythonScriptStep.builder()
                    .name("two")
                    .scriptName("hello.py")
                    .sourceDirectory("src")
                    .allowReuse(false)
                    .build())
            .build();
    // A cache of its own, so that the virtualenv does not exist when both steps ask for it.
    Transport fresh =
        Sluice.transport(
            "local",
            Map.of(
                "baseDirectory",
                base.toString(),
                "parallelism",
                "2",
                "cacheDirectory",
                cache.toString()));

    assertThat(fresh.submit(compile(pipeline), RunOptions.defaults()).waitForCompletion(WAIT))
        .isEqualTo(RunState.COMPLETED);
    try (Stream<Path> venvs = Files.list(cache.resolve("venvs"))) {
      assertThat(venvs.filter(Files::isDirectory)).hasSize(1);
    }
  }

  @Test
  void aRunnerKilledMidPipelineResumesWithoutRerunningCompletedSteps() throws Exception {
    script(
        "first.py",
        "import os\nopen(os.path.join(os.environ['SLUICE_BASE'], 'first.count'), 'a').write('x')\n");
    script(
        "second.py",
        "import os, time\n"
            + "base = os.environ['SLUICE_BASE']\n"
            + "open(os.path.join(base, 'second.count'), 'a').write('x')\n"
            + "if not os.path.exists(os.path.join(base, 'go')):\n"
            // Written whole, then renamed: the test reads the pid as soon as the file exists.
            + "    with open(os.path.join(base, 'second.pid'), 'w') as f:\n"
            + "        f.write(str(os.getpid()))\n"
            + "    os.replace(os.path.join(base, 'second.pid'), os.path.join(base, 'second.started'))\n"
            + "    time.sleep(120)\n");
    Process runner =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsluice.cache.dir=" + System.getProperty("sluice.cache.dir", ""),
                "-cp",
                System.getProperty("java.class.path"),
                ResumeFixture.class.getName(),
                base.toString())
            .inheritIO()
            .start();
    Path started = base.resolve("second.started");
    for (int i = 0; i < 600 && !Files.exists(started); i++) {
      Thread.sleep(100);
    }
    assertThat(started).exists();
    long orphan = Long.parseLong(Files.readString(started));
    runner.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks run
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);
    Files.writeString(base.resolve("go"), "");

    PipelineRun resumed =
        transport.submit(
            compile(ResumeFixture.pipeline(base)),
            RunOptions.builder()
                .runId("resume-me")
                .duplicateRunPolicy(DuplicateRunPolicy.RESUME)
                .build());

    assertThat(resumed.waitForCompletion(WAIT)).isEqualTo(RunState.COMPLETED);
    assertThat(Files.readString(base.resolve("first.count"))).isEqualTo("x");
    assertThat(Files.readString(base.resolve("second.count"))).isEqualTo("xx");
    assertThat(resumed.steps().get("first").message()).contains("earlier attempt");
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void aDuplicateRunIdIsRejectedByDefault() throws IOException {
    PipelineDefinition definition = compile(twoSteps());
    transport
        .submit(definition, RunOptions.builder().runId("once").build())
        .waitForCompletion(WAIT);

    assertThatThrownBy(
            () -> transport.submit(definition, RunOptions.builder().runId("once").build()))
        .hasMessageContaining("Run 'once' already exists")
        .hasMessageContaining("RESUME");
  }
}
