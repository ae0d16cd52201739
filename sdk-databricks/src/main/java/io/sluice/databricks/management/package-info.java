/**
 * Azure Databricks workspaces through Azure Resource Manager ({@code
 * Microsoft.Databricks/workspaces}): create, read, update tags, link to an Azure Machine Learning
 * workspace so that MLflow runs made in Databricks are tracked there, and delete, each long
 * operation as a {@code SyncPoller}.
 */
package io.sluice.databricks.management;
