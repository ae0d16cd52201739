package io.sluice.azureml.models;

/**
 * A version of an environment asset.
 *
 * @param id its ARM id, which jobs and deployments refer to
 * @param name the environment's name
 * @param version the version
 * @param image the docker image it builds on
 * @param condaFile the conda specification, or null
 */
public record EnvironmentVersion(
    String id, String name, String version, String image, String condaFile) {}
