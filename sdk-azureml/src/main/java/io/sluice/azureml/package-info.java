/**
 * The Azure ML v2 client: {@link io.sluice.azureml.AzureMlClient}, built by {@link
 * io.sluice.azureml.AzureMlClientBuilder}, and its typed exceptions.
 */
package io.sluice.azureml;
