package io.sluice.core.definition;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.core.implementation.CanonicalJson;
import io.sluice.core.implementation.GraphText;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The compiled, canonical form of a pipeline: what every transport runs. Steps are in a
 * deterministic topological order; datastores, computes, environments, parameters and data are
 * sorted by name; secrets appear only as references. The same pipeline always gives the same {@link
 * #toJson()} bytes, and {@link #fromJson(String)} reads them back to an equal definition. The JSON
 * Schema is the resource {@value #SCHEMA_RESOURCE}.
 *
 * @param schemaVersion the version of the definition format, {@value #SCHEMA_VERSION}
 * @param name the pipeline's name
 * @param description its description
 * @param continueOnStepFailure whether independent steps go on after a failure
 * @param defaultDatastore the name of the default datastore
 * @param parameters its parameters
 * @param datastores the datastores it uses
 * @param computes the compute targets its steps run on
 * @param environments the environments its steps run in
 * @param data its intermediate data
 * @param steps its steps, dependencies first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PipelineDefinition(
    int schemaVersion,
    String name,
    String description,
    boolean continueOnStepFailure,
    String defaultDatastore,
    List<ParameterDefinition> parameters,
    List<DatastoreDefinition> datastores,
    List<ComputeDefinition> computes,
    List<EnvironmentDefinition> environments,
    List<DataDefinition> data,
    List<StepDefinition> steps) {

  /** The definition format this version of Sluice writes. */
  public static final int SCHEMA_VERSION = 2;

  /** The class-path resource that holds the definition's JSON Schema. */
  public static final String SCHEMA_RESOURCE =
      "/io/sluice/core/definition/pipeline-definition.schema.json";

  /**
   * Normalises absent collections and checks the definition, so that no invalid one exists: every
   * transport only ever sees definitions whose references resolve, whose graph has no cycle, whose
   * names are unique and safe and whose parameter defaults fit their types.
   *
   * @throws InvalidDefinitionException listing every problem, each with its JSON path
   */
  public PipelineDefinition(
      int schemaVersion,
      String name,
      String description,
      boolean continueOnStepFailure,
      String defaultDatastore,
      List<ParameterDefinition> parameters,
      List<DatastoreDefinition> datastores,
      List<ComputeDefinition> computes,
      List<EnvironmentDefinition> environments,
      List<DataDefinition> data,
      List<StepDefinition> steps) {
    this.schemaVersion = schemaVersion;
    this.name = name;
    this.description = description;
    this.continueOnStepFailure = continueOnStepFailure;
    this.defaultDatastore = defaultDatastore;
    this.parameters = Definitions.list(parameters);
    this.datastores = Definitions.list(datastores);
    this.computes = Definitions.list(computes);
    this.environments = Definitions.list(environments);
    this.data = Definitions.list(data);
    this.steps = Definitions.list(steps);
    DefinitionChecks.requireValid(this);
  }

  /**
   * The canonical JSON.
   *
   * @return indented JSON with sorted keys and {@code \n} line ends
   */
  public String toJson() {
    try {
      return CanonicalJson.WRITER.writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a definition written by {@link #toJson()} and checks it as every definition is checked.
   *
   * @param json the JSON
   * @return the definition
   * @throws DefinitionFormatException when the JSON is not a definition of a known version, naming
   *     the JSON path of what does not fit
   * @throws InvalidDefinitionException when it is one but breaks the definition's rules, listing
   *     every problem with its JSON path
   */
  public static PipelineDefinition fromJson(String json) {
    JsonNode tree;
    try {
      tree = CanonicalJson.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw DefinitionJsonErrors.translate(e);
    }
    if (tree == null || !tree.isObject()) {
      throw new DefinitionFormatException(
          "Not a pipeline definition: the JSON is not an object; give the"
              + " JSON that PipelineDefinition.toJson() writes");
    }
    // Checked first: another version's JSON fails every other way, and this says why.
    JsonNode version = tree.get("schemaVersion");
    if (version != null && version.isInt() && version.intValue() != SCHEMA_VERSION) {
      throw new DefinitionFormatException(DefinitionChecks.unreadableVersion(version.intValue()));
    }
    try {
      return CanonicalJson.MAPPER.treeToValue(tree, PipelineDefinition.class);
    } catch (JsonProcessingException e) {
      throw DefinitionJsonErrors.translate(e);
    }
  }

  /**
   * A step by name.
   *
   * @param stepName the step's name
   * @return the step
   */
  public Optional<StepDefinition> step(String stepName) {
    return steps.stream().filter(s -> s.name().equals(stepName)).findFirst();
  }

  /**
   * A datastore by name.
   *
   * @param datastoreName the datastore's name
   * @return the datastore
   */
  public Optional<DatastoreDefinition> datastore(String datastoreName) {
    return datastores.stream().filter(d -> d.name().equals(datastoreName)).findFirst();
  }

  /**
   * An environment by name.
   *
   * @param environmentName the environment's name
   * @return the environment
   */
  public Optional<EnvironmentDefinition> environment(String environmentName) {
    return environments.stream().filter(e -> e.name().equals(environmentName)).findFirst();
  }

  /**
   * A compute target by name.
   *
   * @param computeName the compute target's name
   * @return the compute target
   */
  public Optional<ComputeDefinition> compute(String computeName) {
    return computes.stream().filter(c -> c.name().equals(computeName)).findFirst();
  }

  /**
   * Intermediate data by name.
   *
   * @param dataName the data's name
   * @return the data
   */
  public Optional<DataDefinition> data(String dataName) {
    return data.stream().filter(d -> d.name().equals(dataName)).findFirst();
  }

  /**
   * The graph as a Mermaid flowchart: steps as boxes, intermediate data as labelled edges.
   *
   * @return Mermaid text
   */
  @JsonIgnore
  public String toMermaid() {
    return GraphText.mermaid(this);
  }

  /**
   * The graph as Graphviz DOT.
   *
   * @return DOT text
   */
  @JsonIgnore
  public String toDot() {
    return GraphText.dot(this);
  }

  /**
   * Starts a definition of the current schema version with nothing else set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a copy of this definition, to change some of its values; the copy is checked again when
   * it is built.
   *
   * @return a new builder holding this definition's values
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Builds a {@link PipelineDefinition}, checked as every definition is; a list left unset is
   * empty.
   */
  public static final class Builder {
    private int schemaVersion = SCHEMA_VERSION;
    private String name;
    private String description;
    private boolean continueOnStepFailure;
    private String defaultDatastore;
    private List<ParameterDefinition> parameters;
    private List<DatastoreDefinition> datastores;
    private List<ComputeDefinition> computes;
    private List<EnvironmentDefinition> environments;
    private List<DataDefinition> data;
    private List<StepDefinition> steps;

    private Builder() {}

    private Builder(PipelineDefinition definition) {
      schemaVersion = definition.schemaVersion;
      name = definition.name;
      description = definition.description;
      continueOnStepFailure = definition.continueOnStepFailure;
      defaultDatastore = definition.defaultDatastore;
      parameters = definition.parameters;
      datastores = definition.datastores;
      computes = definition.computes;
      environments = definition.environments;
      data = definition.data;
      steps = definition.steps;
    }

    /**
     * Sets the version of the definition format.
     *
     * @param schemaVersion the version; {@value PipelineDefinition#SCHEMA_VERSION}, the one this
     *     version of Sluice writes, by default
     * @return this builder
     */
    public Builder schemaVersion(int schemaVersion) {
      this.schemaVersion = schemaVersion;
      return this;
    }

    /**
     * Sets the pipeline's name.
     *
     * @param name the pipeline's name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets its description.
     *
     * @param description its description
     * @return this builder
     */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /**
     * Sets whether independent steps go on after a failure.
     *
     * @param continueOnStepFailure whether independent steps go on after a failure
     * @return this builder
     */
    public Builder continueOnStepFailure(boolean continueOnStepFailure) {
      this.continueOnStepFailure = continueOnStepFailure;
      return this;
    }

    /**
     * Sets the name of the default datastore.
     *
     * @param defaultDatastore the name of the default datastore
     * @return this builder
     */
    public Builder defaultDatastore(String defaultDatastore) {
      this.defaultDatastore = defaultDatastore;
      return this;
    }

    /**
     * Sets its parameters.
     *
     * @param parameters its parameters
     * @return this builder
     */
    public Builder parameters(List<ParameterDefinition> parameters) {
      this.parameters = parameters;
      return this;
    }

    /**
     * Sets the datastores it uses.
     *
     * @param datastores the datastores it uses
     * @return this builder
     */
    public Builder datastores(List<DatastoreDefinition> datastores) {
      this.datastores = datastores;
      return this;
    }

    /**
     * Sets the compute targets its steps run on.
     *
     * @param computes the compute targets its steps run on
     * @return this builder
     */
    public Builder computes(List<ComputeDefinition> computes) {
      this.computes = computes;
      return this;
    }

    /**
     * Sets the environments its steps run in.
     *
     * @param environments the environments its steps run in
     * @return this builder
     */
    public Builder environments(List<EnvironmentDefinition> environments) {
      this.environments = environments;
      return this;
    }

    /**
     * Sets its intermediate data.
     *
     * @param data its intermediate data
     * @return this builder
     */
    public Builder data(List<DataDefinition> data) {
      this.data = data;
      return this;
    }

    /**
     * Sets its steps, dependencies first.
     *
     * @param steps its steps, dependencies first
     * @return this builder
     */
    public Builder steps(List<StepDefinition> steps) {
      this.steps = steps;
      return this;
    }

    /**
     * Builds the definition and checks it.
     *
     * @return a new definition
     * @throws InvalidDefinitionException listing every problem, each with its JSON path
     */
    public PipelineDefinition build() {
      return new PipelineDefinition(
          schemaVersion,
          name,
          description,
          continueOnStepFailure,
          defaultDatastore,
          parameters,
          datastores,
          computes,
          environments,
          data,
          steps);
    }
  }
}
