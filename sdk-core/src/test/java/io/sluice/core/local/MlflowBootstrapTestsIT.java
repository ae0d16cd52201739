package io.sluice.core.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Sluice;
import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.model.Environment;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.model.RunConfiguration;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.PipelineRunException;
import io.sluice.core.run.RunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the pytest suite of the MLflow run bootstrap ({@code src/test/python}) in the build, as a
 * step of a local pipeline whose environment holds mlflow and pytest.
 */
// Longer than the run's own 20-minute wait: on a machine without it yet, the run first builds a
// virtualenv with mlflow and pytest.
@Timeout(value = 25, unit = TimeUnit.MINUTES)
class MlflowBootstrapTestsIT {
  @TempDir Path base;

  @Test
  void theBootstrapsPythonTestsPass() throws Exception {
    Path tests = Path.of("src", "test", "python").toAbsolutePath();
    Files.createDirectories(base.resolve("src"));
    // In process: a child "python -m pytest" would find a script named pytest.py first.
    Files.writeString(
        base.resolve("src/run_tests.py"),
        """
        import os, sys
        import pytest
        sys.exit(pytest.main([os.environ['SLUICE_PYTHON_TESTS'], '-q', '-p', 'no:cacheprovider']))
        """);
    Pipeline pipeline =
        Pipeline.builder()
            .name("bootstrap-tests")
            .steps(
                PythonScriptStep.builder()
                    .scriptName("run_tests.py")
                    .sourceDirectory("src")
                    .allowReuse(false)
                    .runconfig(
                        RunConfiguration.builder()
                            .environment(
                                Environment.of("bootstrap-tests", "mlflow==3.17.2", "pytest"))
                            .putEnvironmentVariable("SLUICE_PYTHON_TESTS", tests.toString())
                            .putEnvironmentVariable("PYTHONDONTWRITEBYTECODE", "1")
                            .build())
                    .build())
            .build();
    PipelineRun run =
        Sluice.transport("local", Map.of("baseDirectory", base.toString()))
            .submit(PipelineCompiler.compile(pipeline, base), RunOptions.defaults());
    try {
      run.waitForCompletion(Duration.ofMinutes(20));
    } catch (PipelineRunException e) {
      throw new AssertionError("pytest " + tests + " failed:\n" + e.getMessage(), e);
    }
    Path log =
        base.resolve("sluice-runs").resolve(run.id()).resolve("steps/run_tests.py/logs/stdout.log");
    assertThat(Files.readString(log)).contains("passed").doesNotContain("failed");
  }
}
