package io.sluice.azureml.models;

import java.util.Objects;

/**
 * An input of a job: a literal value or data at a URI, e.g. {@code
 * azureml://datastores/workspaceblobstore/paths/raw/customers.csv}.
 */
public final class JobInput {
  private final String jobInputType;
  private final String value;
  private final String uri;
  private String mode;

  private JobInput(String jobInputType, String value, String uri) {
    this.jobInputType = jobInputType;
    this.value = value;
    this.uri = uri;
  }

  /**
   * A literal value, such as a parameter.
   *
   * @param value the value as text
   * @return the input
   */
  public static JobInput literal(String value) {
    return new JobInput("literal", Objects.requireNonNull(value, "'value' is null"), null);
  }

  /**
   * A folder.
   *
   * @param uri the folder's URI
   * @return the input, mounted read-only unless {@link #setMode(String)} says otherwise
   */
  public static JobInput uriFolder(String uri) {
    return new JobInput("uri_folder", null, Objects.requireNonNull(uri, "'uri' is null"));
  }

  /**
   * A file.
   *
   * @param uri the file's URI
   * @return the input
   */
  public static JobInput uriFile(String uri) {
    return new JobInput("uri_file", null, Objects.requireNonNull(uri, "'uri' is null"));
  }

  /**
   * A table described by an {@code MLTable} file in a folder.
   *
   * @param uri the folder's URI
   * @return the input
   */
  public static JobInput mltable(String uri) {
    return new JobInput("mltable", null, Objects.requireNonNull(uri, "'uri' is null"));
  }

  /**
   * A binding to an input of the enclosing pipeline job or an output of a sibling, e.g. {@code
   * ${{parent.jobs.prep.outputs.clean_data}}}; only inside a pipeline job. Bindings travel as
   * literal inputs whose value is the expression, as Azure ML's own SDK sends them.
   *
   * @param expression the binding expression
   * @return the input
   */
  public static JobInput binding(String expression) {
    return new JobInput(
        "literal", Objects.requireNonNull(expression, "'expression' is null"), null);
  }

  /** Returns {@code literal}, {@code uri_file}, {@code uri_folder} or {@code mltable}. */
  public String getJobInputType() {
    return jobInputType;
  }

  /** Returns the literal value, or null. */
  public String getValue() {
    return value;
  }

  /** Returns the data URI, or null for a literal. */
  public String getUri() {
    return uri;
  }

  /** Returns how the compute sees the data, or null for the service's default. */
  public String getMode() {
    return mode;
  }

  /**
   * Sets how the compute sees the data.
   *
   * @param mode {@code ReadOnlyMount}, {@code Download}, {@code Direct}, ...
   * @return this input
   */
  public JobInput setMode(String mode) {
    this.mode = mode;
    return this;
  }
}
