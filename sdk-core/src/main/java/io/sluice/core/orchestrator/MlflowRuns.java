package io.sluice.core.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.core.implementation.CanonicalJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MLflow runs for a pipeline run: one parent run, and a child run per step, made with the {@code
 * mlflow} package of the step's own virtualenv (so any tracking store the user's code can reach
 * works, including a local sqlite file). A step whose virtualenv has no {@code mlflow} still gets
 * the tracking URI and experiment, and makes its own run if it logs.
 */
final class MlflowRuns {
  private static final Logger LOGGER = LoggerFactory.getLogger(MlflowRuns.class);
  private static final String SCRIPT = "/io/sluice/core/local/python/sluice_mlflow_runs.py";

  private final String trackingUri;
  private final String experiment;
  private final String pipelineRunId;
  private final Path workDirectory;
  private final Consumer<String> journalParent;
  private final Set<Path> withoutMlflow = new HashSet<>();
  private String parentRunId;
  private Path parentPython;

  MlflowRuns(
      String trackingUri,
      String experiment,
      String pipelineRunId,
      Path workDirectory,
      Optional<String> journaledParent,
      Consumer<String> journalParent) {
    this.trackingUri = trackingUri;
    this.experiment = experiment;
    this.pipelineRunId = pipelineRunId;
    this.workDirectory = workDirectory;
    this.journalParent = journalParent;
    this.parentRunId = journaledParent.orElse(null);
  }

  String trackingUri() {
    return trackingUri;
  }

  /** The variables a step gets: tracking URI and experiment, and its child run when one is made. */
  synchronized Map<String, String> forStep(Path python, String step) {
    Map<String, String> env = new HashMap<>();
    env.put("MLFLOW_TRACKING_URI", trackingUri);
    env.put("MLFLOW_EXPERIMENT_NAME", experiment);
    if (withoutMlflow.contains(python)) {
      return env;
    }
    List<String> command =
        new ArrayList<>(List.of("--tracking-uri", trackingUri, "--experiment", experiment));
    if (parentRunId != null) {
      command.addAll(List.of("--parent-run-id", parentRunId));
    } else {
      command.addAll(List.of("--parent-run-name", pipelineRunId));
    }
    command.addAll(List.of("--child-run-name", step, "--tag", "sluice.runId=" + pipelineRunId));
    Optional<JsonNode> ids = call(python, command);
    if (ids.isEmpty()) {
      withoutMlflow.add(python);
      return env;
    }
    if (parentRunId == null) {
      parentRunId = ids.get().get("parentRunId").asText();
      parentPython = python;
      journalParent.accept(parentRunId);
    }
    env.put("MLFLOW_RUN_ID", ids.get().get("childRunId").asText());
    env.put("MLFLOW_PARENT_RUN_ID", parentRunId);
    return env;
  }

  /** Ends the parent run with the pipeline's outcome. */
  synchronized void finish(boolean succeeded) {
    if (parentRunId != null && parentPython != null) {
      call(
          parentPython,
          List.of(
              "--tracking-uri",
              trackingUri,
              "--end-run",
              parentRunId,
              "--status",
              succeeded ? "FINISHED" : "FAILED"));
    }
  }

  private Optional<JsonNode> call(Path python, List<String> arguments) {
    try {
      Files.createDirectories(workDirectory);
      Path script = workDirectory.resolve("sluice_mlflow_runs.py");
      try (InputStream in = MlflowRuns.class.getResourceAsStream(SCRIPT)) {
        Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
      }
      List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
      command.addAll(arguments);
      // The working directory is where a local store puts artifacts by default ("./mlruns").
      Process process = new ProcessBuilder(command).directory(workDirectory.toFile()).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        if (!err.contains("No module named 'mlflow'")) {
          LOGGER.warn("MLflow runs could not be made with {}: {}", python, err.strip());
        }
        return Optional.empty();
      }
      String[] lines = out.strip().split("\n", -1);
      return lines[lines.length - 1].isBlank()
          ? Optional.of(CanonicalJson.MAPPER.createObjectNode())
          : Optional.of(CanonicalJson.MAPPER.readTree(lines[lines.length - 1]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
