/** The requests and results of {@link io.sluice.azureml.AzureMlClient}. */
package io.sluice.azureml.models;
