package io.sluice.azureml.models;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pipeline job: named child jobs whose inputs bind to the pipeline's inputs ({@code
 * ${{parent.inputs.x}}}) and to each other's outputs ({@code ${{parent.jobs.a.outputs.y}}}).
 */
public final class PipelineJob extends JobDefinition<PipelineJob> {
  private final Map<String, CommandJob> jobs = new LinkedHashMap<>();
  private final Map<String, Object> settings = new LinkedHashMap<>();

  /** Creates an empty pipeline job. */
  public PipelineJob() {}

  @Override
  public String getJobType() {
    return "Pipeline";
  }

  /** Returns the child jobs by node name, modifiable. */
  public Map<String, CommandJob> getJobs() {
    return jobs;
  }

  /**
   * Adds a child job.
   *
   * @param name the node name
   * @param job the job
   * @return this pipeline job
   */
  public PipelineJob addJob(String name, CommandJob job) {
    jobs.put(name, job);
    return this;
  }

  /**
   * The settings, e.g. {@code continue_on_step_failure} and {@code default_compute}.
   *
   * @return the settings, modifiable
   */
  public Map<String, Object> getSettings() {
    return settings;
  }
}
