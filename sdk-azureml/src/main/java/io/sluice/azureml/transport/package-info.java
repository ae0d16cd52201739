/** The {@code azureml} transport: a pipeline definition as one Azure ML v2 pipeline job. */
package io.sluice.azureml.transport;
