package io.sluice.databricks;

import com.azure.core.annotation.ServiceClient;
import io.sluice.databricks.implementation.DatabricksHttp;
import io.sluice.databricks.implementation.RunPolling;

/**
 * A client of one Databricks workspace's REST API, grouped by service. Thread-safe; build it once
 * with {@link DatabricksClientBuilder} and share it.
 *
 * <pre>{@code
 * DatabricksClient client = new DatabricksClientBuilder().buildClient(); // DATABRICKS_HOST/TOKEN
 * Run run = client.getJobsClient().beginSubmitRun(request).getFinalResult();
 * }</pre>
 */
@ServiceClient(builder = DatabricksClientBuilder.class)
public final class DatabricksClient {
  private final DatabricksHttp http;
  private final JobsClient jobs;
  private final ClustersClient clusters;
  private final DbfsClient dbfs;
  private final FilesClient files;
  private final WorkspaceClient workspace;
  private final SecretsClient secrets;
  private final TokensClient tokens;

  DatabricksClient(DatabricksHttp http, RunPolling polling) {
    this.http = http;
    this.jobs = new JobsClient(http, polling);
    this.clusters = new ClustersClient(http, polling);
    this.dbfs = new DbfsClient(http);
    this.files = new FilesClient(http);
    this.workspace = new WorkspaceClient(http);
    this.secrets = new SecretsClient(http);
    this.tokens = new TokensClient(http);
  }

  /** Returns the workspace URL this client talks to. */
  public String getEndpoint() {
    return http.host();
  }

  /** Returns jobs: submitted runs, saved jobs, outputs, repairs. */
  public JobsClient getJobsClient() {
    return jobs;
  }

  /** Returns clusters: create, start, edit, terminate, and wait on their states. */
  public ClustersClient getClustersClient() {
    return clusters;
  }

  /** Returns dBFS: put, streamed upload in blocks, reads by offset. */
  public DbfsClient getDbfsClient() {
    return dbfs;
  }

  /** Returns the Files API for Unity Catalog volumes ({@code /Volumes/...}). */
  public FilesClient getFilesClient() {
    return files;
  }

  /** Returns workspace: import and export notebooks and files, folders. */
  public WorkspaceClient getWorkspaceClient() {
    return workspace;
  }

  /** Returns secrets: scopes, secrets and their ACLs. */
  public SecretsClient getSecretsClient() {
    return secrets;
  }

  /** Returns tokens: personal access tokens. */
  public TokensClient getTokensClient() {
    return tokens;
  }
}
