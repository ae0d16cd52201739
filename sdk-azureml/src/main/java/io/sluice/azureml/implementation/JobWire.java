package io.sluice.azureml.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.azureml.models.CommandJob;
import io.sluice.azureml.models.Job;
import io.sluice.azureml.models.JobDefinition;
import io.sluice.azureml.models.JobInput;
import io.sluice.azureml.models.JobOutput;
import io.sluice.azureml.models.JobStatus;
import io.sluice.azureml.models.PipelineJob;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** Maps jobs to and from the {@code JobBase} wire shape of the 2026-07-01 API. */
public final class JobWire {
  private JobWire() {}

  /**
   * The request body of {@code Jobs_CreateOrUpdate}.
   *
   * @param job the job
   * @return {@code {"properties": {...}}}
   */
  public static ObjectNode resource(JobDefinition<?> job) {
    ObjectNode resource = ArmJson.object();
    resource.set("properties", properties(job));
    return resource;
  }

  /**
   * The {@code properties} of a job, also the shape of a pipeline job's child.
   *
   * @param job the job
   * @return the properties object
   */
  public static ObjectNode properties(JobDefinition<?> job) {
    ObjectNode node = ArmJson.object();
    node.put("jobType", job.getJobType());
    ArmJson.put(node, "displayName", job.getDisplayName());
    ArmJson.put(node, "experimentName", job.getExperimentName());
    ArmJson.put(node, "description", job.getDescription());
    ArmJson.put(node, "computeId", job.getComputeId());
    ArmJson.putMap(node, "tags", job.getTags());
    if (job instanceof CommandJob command) {
      node.put("command", command.getCommand());
      node.put("environmentId", command.getEnvironmentId());
      ArmJson.put(node, "codeId", command.getCodeId());
      ArmJson.putMap(node, "environmentVariables", command.getEnvironmentVariables());
      if (command.getTimeout() != null) {
        node.putObject("limits")
            .put("jobLimitsType", "Command")
            .put("timeout", command.getTimeout().toString());
      }
      if (command.getInstanceCount() != null) {
        node.putObject("resources").put("instanceCount", command.getInstanceCount());
      }
    }
    inputs(node, job.getInputs());
    outputs(node, job.getOutputs());
    if (job instanceof PipelineJob pipeline) {
      if (!pipeline.getSettings().isEmpty()) {
        node.set("settings", ArmJson.MAPPER.valueToTree(pipeline.getSettings()));
      }
      ObjectNode jobs = node.putObject("jobs");
      pipeline.getJobs().forEach((name, child) -> jobs.set(name, properties(child)));
    }
    return node;
  }

  private static void inputs(ObjectNode node, Map<String, JobInput> inputs) {
    if (inputs.isEmpty()) {
      return;
    }
    ObjectNode map = node.putObject("inputs");
    inputs.forEach(
        (name, input) -> {
          ObjectNode wire = map.putObject(name).put("jobInputType", input.getJobInputType());
          ArmJson.put(wire, "value", input.getValue());
          ArmJson.put(wire, "uri", input.getUri());
          ArmJson.put(wire, "mode", input.getMode());
        });
  }

  private static void outputs(ObjectNode node, Map<String, JobOutput> outputs) {
    if (outputs.isEmpty()) {
      return;
    }
    ObjectNode map = node.putObject("outputs");
    outputs.forEach(
        (name, output) -> {
          ObjectNode wire = map.putObject(name).put("jobOutputType", output.getJobOutputType());
          ArmJson.put(wire, "uri", output.getUri());
          ArmJson.put(wire, "mode", output.getMode());
        });
  }

  /**
   * Reads a job resource.
   *
   * @param resource the ARM resource
   * @return the job
   */
  public static Job job(JsonNode resource) {
    JsonNode p = ArmJson.properties(resource);
    Map<String, String> properties = ArmJson.map(p, "properties");
    String status = ArmJson.text(p, "status");
    return new Job(
        ArmJson.text(resource, "id"),
        ArmJson.text(resource, "name"),
        ArmJson.text(p, "jobType"),
        JobStatus.fromString(status == null ? "Unknown" : status),
        ArmJson.text(p, "displayName"),
        ArmJson.text(p, "experimentName"),
        ArmJson.text(p, "computeId"),
        time(properties.get("StartTimeUtc")),
        time(properties.get("EndTimeUtc")),
        Optional.empty(),
        properties);
  }

  /**
   * Reads a child run from Azure ML run history, where a pipeline's child jobs are listed.
   *
   * @param run the run
   * @return the job, named by run id and displayed by node name
   */
  public static Job childRun(JsonNode run) {
    String status = ArmJson.text(run, "status");
    JsonNode error = run.path("error").path("error");
    String message = ArmJson.text(error, "message");
    return new Job(
        "",
        ArmJson.text(run, "runId"),
        ArmJson.text(run, "runType"),
        JobStatus.fromString(status == null ? "Unknown" : status),
        ArmJson.text(run, "displayName") != null
            ? ArmJson.text(run, "displayName")
            : ArmJson.text(run, "name"),
        ArmJson.text(run, "experimentId"),
        ArmJson.text(run, "target"),
        time(ArmJson.text(run, "startTimeUtc")),
        time(ArmJson.text(run, "endTimeUtc")),
        Optional.ofNullable(message),
        ArmJson.map(run, "properties"));
  }

  private static Optional<OffsetDateTime> time(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
