package io.sluice.azureml.models;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to create or update as a managed online deployment. An MLflow model needs neither an
 * environment nor a scoring script; a custom model needs both.
 */
public final class OnlineDeployment {
  private final String name;
  private final String location;
  private final String modelId;
  private String instanceType = "Standard_DS3_v2";
  private int instanceCount = 1;
  private String environmentId;
  private String codeId;
  private String scoringScript;
  private final Map<String, String> environmentVariables = new LinkedHashMap<>();

  /**
   * Creates the definition.
   *
   * @param name the deployment's name
   * @param location the endpoint's region
   * @param modelId the model version's ARM id
   */
  public OnlineDeployment(String name, String location, String modelId) {
    this.name = Objects.requireNonNull(name, "'name' is null");
    this.location = Objects.requireNonNull(location, "'location' is null");
    this.modelId = Objects.requireNonNull(modelId, "'modelId' is null");
  }

  /** Returns the name. */
  public String getName() {
    return name;
  }

  /** Returns the region. */
  public String getLocation() {
    return location;
  }

  /** Returns the model version's ARM id. */
  public String getModelId() {
    return modelId;
  }

  /** Returns the VM size, {@code Standard_DS3_v2} by default. */
  public String getInstanceType() {
    return instanceType;
  }

  /**
   * Sets the VM size.
   *
   * @param instanceType e.g. {@code Standard_DS3_v2}
   * @return this deployment
   */
  public OnlineDeployment setInstanceType(String instanceType) {
    this.instanceType = Objects.requireNonNull(instanceType, "'instanceType' is null");
    return this;
  }

  /** Returns the number of instances, 1 by default. */
  public int getInstanceCount() {
    return instanceCount;
  }

  /**
   * Sets the number of instances.
   *
   * @param instanceCount at least 1
   * @return this deployment
   * @throws IllegalArgumentException when below 1
   */
  public OnlineDeployment setInstanceCount(int instanceCount) {
    if (instanceCount < 1) {
      throw new IllegalArgumentException(
          "'instanceCount' is " + instanceCount + "; a managed deployment needs at least 1");
    }
    this.instanceCount = instanceCount;
    return this;
  }

  /** Returns the environment's ARM id, or null for an MLflow model. */
  public String getEnvironmentId() {
    return environmentId;
  }

  /**
   * Sets the environment the scoring script runs in.
   *
   * @param environmentId an environment version's ARM id
   * @return this deployment
   */
  public OnlineDeployment setEnvironmentId(String environmentId) {
    this.environmentId = environmentId;
    return this;
  }

  /** Returns the code asset's ARM id, or null. */
  public String getCodeId() {
    return codeId;
  }

  /** Returns the scoring script, relative to the code, or null. */
  public String getScoringScript() {
    return scoringScript;
  }

  /**
   * Sets the scoring code.
   *
   * @param codeId a code version's ARM id
   * @param scoringScript the script with {@code init()} and {@code run(data)}, relative to it
   * @return this deployment
   */
  public OnlineDeployment setCodeConfiguration(String codeId, String scoringScript) {
    this.codeId = Objects.requireNonNull(codeId, "'codeId' is null");
    this.scoringScript = Objects.requireNonNull(scoringScript, "'scoringScript' is null");
    return this;
  }

  /** Returns environment variables, modifiable. */
  public Map<String, String> getEnvironmentVariables() {
    return environmentVariables;
  }
}
