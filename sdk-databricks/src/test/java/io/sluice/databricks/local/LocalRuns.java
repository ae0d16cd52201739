package io.sluice.databricks.local;

import io.sluice.core.Sluice;
import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.local.LocalTransport;
import io.sluice.core.model.Environment;
import io.sluice.core.model.LocalDatastore;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.model.RunConfiguration;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.RunOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Runs pipelines on the real {@code local} transport in a test's folder. */
final class LocalRuns {
  static final Duration WAIT = Duration.ofMinutes(10);

  final Path base;
  final LocalTransport transport;

  LocalRuns(Path base) {
    this.base = base;
    this.transport =
        (LocalTransport) Sluice.transport("local", Map.of("baseDirectory", base.toString()));
  }

  /** The pipelines' default datastore. */
  LocalDatastore workspace() {
    return LocalDatastore.of("workspace", base.resolve("store").toString());
  }

  PipelineRun submit(Pipeline pipeline, RunOptions options) {
    return transport.submit(PipelineCompiler.compile(pipeline, base), options);
  }

  /** Copies a test resource of this package into the base folder. */
  Path resource(String name, String target) {
    try (InputStream in = LocalRuns.class.getResourceAsStream(name)) {
      Path file = base.resolve(target);
      Files.createDirectories(file.getParent());
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path write(String target, String text) {
    try {
      Path file = base.resolve(target);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last lines a step printed. */
  String stdout(PipelineRun run, String step) throws IOException {
    return Files.readString(
        transport.runsDirectory().resolve(run.id()).resolve("steps/" + step + "/logs/stdout.log"));
  }

  /**
   * Runs a script as a one-step pipeline in a virtualenv with the given packages; the script's
   * first argument is a folder it may write to, the run's output {@code <name>_out}.
   */
  PipelineRun runScript(
      String name, String script, RunConfiguration.Builder config, String... packages) {
    write("scripts/" + name + ".py", script);
    PipelineData out =
        PipelineData.builder().name(name + "_out").pipelineOutputName(name + "_out").build();
    Pipeline pipeline =
        Pipeline.builder()
            .name(name)
            .defaultDatastore(workspace())
            .steps(
                PythonScriptStep.builder()
                    .name(name)
                    .scriptName(name + ".py")
                    .sourceDirectory("scripts")
                    .runconfig(config.environment(Environment.of(name, packages)).build())
                    .addOutput(out)
                    .arguments(out)
                    .allowReuse(false)
                    .build())
            .build();
    return submit(pipeline, RunOptions.defaults());
  }
}
