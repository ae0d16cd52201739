package io.sluice.azureml.models;

/** An output of a job: a file or folder the job writes, at a URI or a service-chosen place. */
public final class JobOutput {
  private final String jobOutputType;
  private String uri;
  private String mode;

  private JobOutput(String jobOutputType, String uri) {
    this.jobOutputType = jobOutputType;
    this.uri = uri;
  }

  /**
   * A folder output.
   *
   * @param uri where it is written, or null for the service's default place
   * @return the output
   */
  public static JobOutput uriFolder(String uri) {
    return new JobOutput("uri_folder", uri);
  }

  /**
   * A file output.
   *
   * @param uri where it is written, or null for the service's default place
   * @return the output
   */
  public static JobOutput uriFile(String uri) {
    return new JobOutput("uri_file", uri);
  }

  /** Returns {@code uri_folder} or {@code uri_file}. */
  public String getJobOutputType() {
    return jobOutputType;
  }

  /** Returns where it is written, or null. */
  public String getUri() {
    return uri;
  }

  /**
   * Sets where the output is written.
   *
   * @param uri an {@code azureml://datastores/...} URI, or a binding inside a pipeline job
   * @return this output
   */
  public JobOutput setUri(String uri) {
    this.uri = uri;
    return this;
  }

  /** Returns {@code ReadWriteMount}, {@code Upload} or {@code Direct}, or null. */
  public String getMode() {
    return mode;
  }

  /**
   * Sets how the compute writes the output.
   *
   * @param mode {@code ReadWriteMount}, {@code Upload} or {@code Direct}
   * @return this output
   */
  public JobOutput setMode(String mode) {
    this.mode = mode;
    return this;
  }
}
