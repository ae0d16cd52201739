/**
 * Request and response shapes of the Databricks REST API (Jobs 2.2, Clusters 2.1, DBFS, Files,
 * Workspace, Secrets and Tokens 2.0). Field names map to the wire's snake_case names; absent
 * optional fields are {@code null} and left out of requests.
 */
package io.sluice.databricks.models;
