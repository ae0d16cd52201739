package io.sluice.core.local;

import io.sluice.core.Sluice;
import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.model.RunConfiguration;
import io.sluice.core.run.RunOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A runner in its own JVM, killed mid-run by {@link LocalTransportIT}. */
public final class ResumeFixture {
  private ResumeFixture() {}

  static Pipeline pipeline(Path base) {
    RunConfiguration config =
        RunConfiguration.builder().putEnvironmentVariable("SLUICE_BASE", base.toString()).build();
    PythonScriptStep first =
        PythonScriptStep.builder()
            .name("first")
            .scriptName("first.py")
            .sourceDirectory("src")
            .runconfig(config)
            .build();
    return Pipeline.builder()
        .name("resumable")
        .steps(
            first,
            PythonScriptStep.builder()
                .name("second")
                .scriptName("second.py")
                .sourceDirectory("src")
                .runconfig(config)
                .runAfter(first)
                .build())
        .build();
  }

  /**
   * Runs the pipeline.
   *
   * @param args the base directory
   */
  public static void main(String[] args) {
    Path base = Path.of(args[0]);
    Sluice.transport("local", Map.of("baseDirectory", base.toString()))
        .submit(
            PipelineCompiler.compile(pipeline(base), base),
            RunOptions.builder().runId("resume-me").build())
        .waitForCompletion(Duration.ofMinutes(5));
  }
}
