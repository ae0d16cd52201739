/** Internals of the Azure ML client; not an API, may change in any release. */
package io.sluice.azureml.implementation;
