package io.sluice.core.definition;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A step input: a name, a mode, and exactly one source (intermediate data, a dataset or a path).
 *
 * @param name the input name
 * @param mode how the step sees it
 * @param pathOnCompute where a download lands, when set
 * @param data the name of the intermediate data it reads
 * @param dataset the dataset it reads
 * @param path the datastore path it reads
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputDefinition(
    String name,
    InputMode mode,
    String pathOnCompute,
    String data,
    DatasetDefinition dataset,
    DataPathDefinition path) {
  /**
   * Starts an input with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link InputDefinition}; a value left unset is null, or empty for a collection. */
  public static final class Builder {
    private String name;
    private InputMode mode;
    private String pathOnCompute;
    private String data;
    private DatasetDefinition dataset;
    private DataPathDefinition path;

    private Builder() {}

    /**
     * Sets the input name.
     *
     * @param name the input name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets how the step sees it.
     *
     * @param mode how the step sees it
     * @return this builder
     */
    public Builder mode(InputMode mode) {
      this.mode = mode;
      return this;
    }

    /**
     * Sets where a download lands, when set.
     *
     * @param pathOnCompute where a download lands, when set
     * @return this builder
     */
    public Builder pathOnCompute(String pathOnCompute) {
      this.pathOnCompute = pathOnCompute;
      return this;
    }

    /**
     * Sets the name of the intermediate data it reads.
     *
     * @param data the name of the intermediate data it reads
     * @return this builder
     */
    public Builder data(String data) {
      this.data = data;
      return this;
    }

    /**
     * Sets the dataset it reads.
     *
     * @param dataset the dataset it reads
     * @return this builder
     */
    public Builder dataset(DatasetDefinition dataset) {
      this.dataset = dataset;
      return this;
    }

    /**
     * Sets the datastore path it reads.
     *
     * @param path the datastore path it reads
     * @return this builder
     */
    public Builder path(DataPathDefinition path) {
      this.path = path;
      return this;
    }

    /**
     * Builds the input.
     *
     * @return a new input
     */
    public InputDefinition build() {
      return new InputDefinition(name, mode, pathOnCompute, data, dataset, path);
    }
  }
}
