/**
 * The {@code databricks} transport: a compiled pipeline runs as one Databricks multi-task job run,
 * with steps' sources uploaded to the workspace when they changed, intermediate data under a data
 * root, and storage credentials passed through a secret scope.
 */
package io.sluice.databricks.transport;
