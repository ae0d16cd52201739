package io.sluice.azureml.transport;

/**
 * The assets one script step needs before its pipeline job can be submitted.
 *
 * @param step the step's name
 * @param codeId the uploaded code version's ARM id
 * @param environmentId the environment version's ARM id or registry reference
 */
record CompiledStep(String step, String codeId, String environmentId) {}
