package io.sluice.azureml;

import com.azure.core.annotation.ReturnType;
import com.azure.core.annotation.ServiceClient;
import com.azure.core.annotation.ServiceMethod;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.rest.PagedIterable;
import com.azure.core.util.polling.SyncPoller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.azureml.implementation.ArmClient;
import io.sluice.azureml.implementation.ArmJson;
import io.sluice.azureml.implementation.AssetWire;
import io.sluice.azureml.implementation.ComputeWire;
import io.sluice.azureml.implementation.CondaSpec;
import io.sluice.azureml.implementation.DatastoreWire;
import io.sluice.azureml.implementation.EndpointWire;
import io.sluice.azureml.implementation.JobFollower;
import io.sluice.azureml.implementation.JobWire;
import io.sluice.azureml.implementation.Scoring;
import io.sluice.azureml.implementation.SnapshotUploads;
import io.sluice.azureml.implementation.SourceSnapshot;
import io.sluice.azureml.implementation.WorkspaceWire;
import io.sluice.azureml.models.CodeSnapshot;
import io.sluice.azureml.models.CodeVersion;
import io.sluice.azureml.models.ComputeInfo;
import io.sluice.azureml.models.DataType;
import io.sluice.azureml.models.DataVersion;
import io.sluice.azureml.models.DatastoreInfo;
import io.sluice.azureml.models.DatastoreSecrets;
import io.sluice.azureml.models.EndpointKeys;
import io.sluice.azureml.models.EndpointToken;
import io.sluice.azureml.models.EnvironmentVersion;
import io.sluice.azureml.models.Job;
import io.sluice.azureml.models.JobDefinition;
import io.sluice.azureml.models.ModelVersion;
import io.sluice.azureml.models.OnlineDeployment;
import io.sluice.azureml.models.OnlineDeploymentInfo;
import io.sluice.azureml.models.OnlineEndpoint;
import io.sluice.azureml.models.OnlineEndpointInfo;
import io.sluice.azureml.models.OperationProgress;
import io.sluice.azureml.models.WorkspaceInfo;
import io.sluice.azureml.models.WorkspaceOptions;
import io.sluice.core.definition.ComputeDefinition;
import io.sluice.core.definition.DatastoreDefinition;
import io.sluice.core.definition.EnvironmentDefinition;
import io.sluice.core.definition.SecretReference;
import io.sluice.core.model.Secret;
import io.sluice.core.model.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Azure ML v2 client for one workspace: the workspace itself, jobs, datastores, computes,
 * environments, code, data and model assets, and managed online endpoints. Built by {@link
 * AzureMlClientBuilder}; safe to share between threads.
 *
 * <p>Every call goes to Azure Resource Manager with the pinned {@link AzureMlServiceVersion}.
 * Long-running operations return a {@link SyncPoller}; lists return a {@link PagedIterable} that
 * follows {@code nextLink}. Errors are {@link AzureMlException}s by type (not found, conflict, bad
 * request, authentication, failed provisioning); no secret reaches their messages.
 */
@ServiceClient(builder = AzureMlClientBuilder.class)
public final class AzureMlClient {
  private static final String MODEL_UPLOAD_PREFIX = "LocalUpload";

  private final ArmClient arm;
  private final Workspace workspace;
  private final HttpClient httpClient;
  private final SnapshotUploader uploader;
  private final String runHistoryEndpoint;
  private final Duration pollInterval;

  AzureMlClient(
      ArmClient arm,
      Workspace workspace,
      HttpClient httpClient,
      SnapshotUploader uploader,
      String runHistoryEndpoint,
      Duration pollInterval) {
    this.arm = arm;
    this.workspace = workspace;
    this.httpClient = httpClient;
    this.uploader = uploader;
    this.runHistoryEndpoint = runHistoryEndpoint;
    this.pollInterval = pollInterval;
  }

  /** Returns the workspace this client works in. */
  public Workspace getWorkspace() {
    return workspace;
  }

  /**
   * Returns the wait between two status requests of a long-running operation or a job, as {@link
   * AzureMlClientBuilder#pollInterval} set it.
   */
  public Duration getPollInterval() {
    return pollInterval;
  }

  // ---------------------------------------------------------------- workspaces

  /**
   * Reads this client's workspace from Azure Resource Manager.
   *
   * @return the workspace's properties
   * @throws AzureMlResourceNotFoundException when it does not exist
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public WorkspaceInfo getWorkspaceProperties() {
    return WorkspaceWire.info(arm.send(HttpMethod.GET, arm.url(""), null).body());
  }

  /**
   * Lists the Azure ML workspaces of this client's resource group.
   *
   * @return the workspaces
   */
  @ServiceMethod(returns = ReturnType.COLLECTION)
  public PagedIterable<WorkspaceInfo> listWorkspaces() {
    return arm.list(arm.workspacesUrl(), WorkspaceWire::info);
  }

  /**
   * Creates this client's workspace, or updates it.
   *
   * @param options region, dependent resources, names and tags
   * @return a poller that ends when the workspace is provisioned
   */
  @ServiceMethod(returns = ReturnType.LONG_RUNNING_OPERATION)
  public SyncPoller<OperationProgress, WorkspaceInfo> beginCreateOrUpdateWorkspace(
      WorkspaceOptions options) {
    return arm.begin(
        HttpMethod.PUT,
        arm.url(""),
        WorkspaceWire.resource(options),
        List.of(),
        WorkspaceWire::info);
  }

  // ---------------------------------------------------------------- jobs

  /**
   * Creates a job, or returns the existing one when a job of that name was already submitted (job
   * names are the idempotency key).
   *
   * @param name the job's name, unique in the workspace
   * @param job a {@link io.sluice.azureml.models.CommandJob} or {@link
   *     io.sluice.azureml.models.PipelineJob}
   * @return the job as created
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public Job createOrUpdateJob(String name, JobDefinition<?> job) {
    return JobWire.job(
        arm.send(HttpMethod.PUT, arm.url("jobs/" + segment("name", name)), JobWire.resource(job))
            .body());
  }

  /**
   * Gets a job.
   *
   * @param name the job's name
   * @return the job
   * @throws AzureMlResourceNotFoundException when there is no such job
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public Job getJob(String name) {
    return JobWire.job(
        arm.send(HttpMethod.GET, arm.url("jobs/" + segment("name", name)), null).body());
  }

  /**
   * Lists the workspace's jobs, newest first.
   *
   * @return the jobs
   */
  @ServiceMethod(returns = ReturnType.COLLECTION)
  public PagedIterable<Job> listJobs() {
    return arm.list(arm.url("jobs"), JobWire::job);
  }

  /**
   * Lists the child jobs of a pipeline job, from Azure ML run history (ARM has no such list); a
   * child's {@link Job#displayName()} is its node name in the pipeline. Right after submission the
   * list may still be empty.
   *
   * @param pipelineJobName the pipeline job's name
   * @return the child jobs
   */
  @ServiceMethod(returns = ReturnType.COLLECTION)
  public PagedIterable<Job> listChildJobs(String pipelineJobName) {
    String url =
        runHistory()
            + "/history/v1.0"
            + workspace.resourceId()
            + "/runs/"
            + segment("pipelineJobName", pipelineJobName)
            + "/children";
    return arm.list(url, JobWire::childRun);
  }

  /**
   * Reads why a job failed from Azure ML run history, which keeps a job as a run (ARM's job
   * resource does not say): the message of the run's {@code error.error}, an {@code ErrorResponse}
   * whose {@code error} is a {@code RootError} with a {@code code} and a {@code message} (Run
   * History API, {@code Run.error}).
   *
   * @param name the job's name
   * @return the error's message; empty when the job has not failed or run history gives no message
   * @throws AzureMlResourceNotFoundException when run history has no such run
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public Optional<String> getJobError(String name) {
    String url =
        runHistory() + "/history/v1.0" + workspace.resourceId() + "/runs/" + segment("name", name);
    return JobWire.childRun(arm.send(HttpMethod.GET, url, null).body()).error();
  }

  /**
   * Cancels a job.
   *
   * @param name the job's name
   * @return a poller that ends when the service has accepted the cancellation
   */
  @ServiceMethod(returns = ReturnType.LONG_RUNNING_OPERATION)
  public SyncPoller<OperationProgress, OperationProgress> beginCancelJob(String name) {
    return arm.begin(
        HttpMethod.POST,
        arm.url("jobs/" + segment("name", name) + "/cancel"),
        null,
        List.of(),
        body -> new OperationProgress("Succeeded", null, null));
  }

  /**
   * Follows a job until it ends: each poll reads its status.
   *
   * @param name the job's name
   * @return a poller whose final result is the ended job; a failed or canceled job ends the poller
   *     as failed or canceled, and canceling the poller cancels the job
   */
  @ServiceMethod(returns = ReturnType.LONG_RUNNING_OPERATION)
  public SyncPoller<Job, Job> beginFollowJob(String name) {
    segment("name", name);
    return JobFollower.poller(() -> getJob(name), () -> beginCancelJob(name).poll(), pollInterval);
  }

  // ---------------------------------------------------------------- datastores

  /**
   * Registers a datastore, or updates it.
   *
   * @param datastore an Azure Blob datastore (account key, SAS or identity) or an ADLS Gen2
   *     datastore (service principal or identity); a model datastore becomes one with {@link
   *     io.sluice.core.compiler.ModelTranslation#datastore}
   * @param secretValues resolves the credential's secret reference to its value, e.g. {@code
   *     RunSecrets.of(List.of(key))::value}; values are sent, never logged
   * @return the datastore as registered
   * @throws IllegalArgumentException for another kind
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public DatastoreInfo createOrUpdateDatastore(
      DatastoreDefinition datastore, Function<SecretReference, String> secretValues) {
    List<String> secrets = new ArrayList<>();
    ObjectNode body = DatastoreWire.resource(datastore, secretValues, secrets);
    return DatastoreWire.info(
        arm.send(
                HttpMethod.PUT,
                arm.url("datastores/" + segment("name", datastore.name())),
                body,
                secrets)
            .body());
  }

  /**
   * Gets a datastore.
   *
   * @param name its name
   * @return the datastore, without secrets
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public DatastoreInfo getDatastore(String name) {
    return DatastoreWire.info(
        arm.send(HttpMethod.GET, arm.url("datastores/" + segment("name", name)), null).body());
  }

  /**
   * Lists the datastores.
   *
   * @return the datastores
   */
  @ServiceMethod(returns = ReturnType.COLLECTION)
  public PagedIterable<DatastoreInfo> listDatastores() {
    return arm.list(arm.url("datastores"), DatastoreWire::info);
  }

  /**
   * Reads a datastore's secret.
   *
   * @param name its name
   * @return the secret, wrapped so that it is never printed
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public DatastoreSecrets listDatastoreSecrets(String name) {
    return DatastoreWire.secrets(
        name,
        arm.send(
                HttpMethod.POST,
                arm.url("datastores/" + segment("name", name) + "/listSecrets"),
                null)
            .body());
  }

  /**
   * Removes a datastore's registration; the storage itself is untouched.
   *
   * @param name its name
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public void deleteDatastore(String name) {
    arm.send(HttpMethod.DELETE, arm.url("datastores/" + segment("name", name)), null);
  }

  // ---------------------------------------------------------------- computes

  /**
   * Creates a compute cluster, or updates its scale settings.
   *
   * @param compute the cluster
   * @param location its region
   * @return a poller that ends when the cluster is provisioned
   */
  @ServiceMethod(returns = ReturnType.LONG_RUNNING_OPERATION)
  public SyncPoller<OperationProgress, ComputeInfo> beginCreateAmlCompute(
      ComputeDefinition.AmlCompute compute, String location) {
    return arm.begin(
        HttpMethod.PUT,
        arm.url("computes/" + segment("name", compute.name())),
        ComputeWire.amlCompute(compute, segment("location", location)),
        List.of(),
        ComputeWire::info);
  }

  /**
   * Attaches an Azure Databricks workspace as a compute target, with its access token and URL.
   *
   * @param compute the Databricks compute: resource id, workspace URL and access token
   * @param location the Databricks workspace's region
   * @param secretValues resolves the access token's reference to its value
   * @return a poller that ends when the attachment is done
   * @throws IllegalArgumentException when the resource id, URL or token is missing
   */
  @ServiceMethod(returns = ReturnType.LONG_RUNNING_OPERATION)
  public SyncPoller<OperationProgress, ComputeInfo> beginAttachDatabricks(
      ComputeDefinition.Databricks compute,
      String location,
      Function<SecretReference, String> secretValues) {
    List<String> secrets = new ArrayList<>();
    ObjectNode body =
        ComputeWire.databricks(compute, segment("location", location), secretValues, secrets);
    return arm.begin(
        HttpMethod.PUT,
        arm.url("computes/" + segment("name", compute.name())),
        body,
        secrets,
        ComputeWire::info);
  }

  /**
   * Gets a compute target.
   *
   * @param name its name
   * @return the compute
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public ComputeInfo getCompute(String name) {
    return ComputeWire.info(
        arm.send(HttpMethod.GET, arm.url("computes/" + segment("name", name)), null).body());
  }

  /**
   * Deletes a compute cluster and its underlying resources.
   *
   * @param name its name
   * @return a poller that ends when it is gone
   */
  @ServiceMethod(returns = ReturnType.LONG_RUNNING_OPERATION)
  public SyncPoller<OperationProgress, OperationProgress> beginDeleteCompute(String name) {
    return deleteCompute(name, "Delete");
  }

  /**
   * Detaches an attached compute (a Databricks workspace) without deleting it.
   *
   * @param name its name
   * @return a poller that ends when it is detached
   */
  @ServiceMethod(returns = ReturnType.LONG_RUNNING_OPERATION)
  public SyncPoller<OperationProgress, OperationProgress> beginDetachCompute(String name) {
    return deleteCompute(name, "Detach");
  }

  private SyncPoller<OperationProgress, OperationProgress> deleteCompute(
      String name, String action) {
    return arm.begin(
        HttpMethod.DELETE,
        arm.url("computes/" + segment("name", name), "underlyingResourceAction", action),
        null,
        List.of(),
        body -> new OperationProgress("Succeeded", null, null));
  }

  // ---------------------------------------------------------------- environments

  /**
   * Creates an environment version from a Sluice environment: its docker image (Azure ML's Ubuntu
   * image by default) and a conda file built from its Python version and pip packages.
   *
   * @param environment the environment
   * @param version the version, e.g. a hash of the environment
   * @param baseDirectory where the environment's relative file names are resolved
   * @return the environment version
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public EnvironmentVersion createOrUpdateEnvironment(
      EnvironmentDefinition environment, String version, Path baseDirectory) {
    ObjectNode body =
        AssetWire.environment(
            CondaSpec.image(environment), CondaSpec.condaFile(environment, baseDirectory), null);
    return AssetWire.environmentVersion(
        arm.send(
                HttpMethod.PUT,
                arm.url(
                    "environments/"
                        + segment("name", environment.name())
                        + "/versions/"
                        + segment("version", version)),
                body)
            .body());
  }

  /**
   * Gets an environment version.
   *
   * @param name the environment's name
   * @param version the version
   * @return the environment version
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public EnvironmentVersion getEnvironment(String name, String version) {
    return AssetWire.environmentVersion(
        arm.send(HttpMethod.GET, arm.url(versionPath("environments", name, version)), null).body());
  }

  /**
   * Lists an environment's versions.
   *
   * @param name the environment's name
   * @return the versions
   */
  @ServiceMethod(returns = ReturnType.COLLECTION)
  public PagedIterable<EnvironmentVersion> listEnvironmentVersions(String name) {
    return arm.list(
        arm.url("environments/" + segment("name", name) + "/versions"),
        AssetWire::environmentVersion);
  }

  // ---------------------------------------------------------------- code

  /**
   * Uploads a source directory as a code asset. The version is a hash of the files (honouring
   * {@code .amlignore}, else {@code .gitignore}), so an unchanged directory uploads nothing; in a
   * new snapshot only files whose content is not already in the upload folder are sent.
   *
   * @param name the code asset's name
   * @param sourceDirectory the directory
   * @return the code version and what was uploaded
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public CodeSnapshot uploadCode(String name, Path sourceDirectory) {
    return new SnapshotUploads(arm, uploader)
        .code(versionPath("codes", name, "{version}"), name, sourceDirectory);
  }

  /**
   * Creates a code version pointing at files already in blob storage.
   *
   * @param name the code asset's name
   * @param version the version
   * @param codeUri the blob folder
   * @return the code version
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public CodeVersion createOrUpdateCodeVersion(String name, String version, String codeUri) {
    return AssetWire.codeVersion(
        arm.send(
                HttpMethod.PUT,
                arm.url(versionPath("codes", name, version)),
                AssetWire.code(segment("codeUri", codeUri)))
            .body());
  }

  /**
   * Gets a code version.
   *
   * @param name the code asset's name
   * @param version the version
   * @return the code version
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public CodeVersion getCodeVersion(String name, String version) {
    return AssetWire.codeVersion(
        arm.send(HttpMethod.GET, arm.url(versionPath("codes", name, version)), null).body());
  }

  /**
   * Lists a code asset's versions.
   *
   * @param name the code asset's name
   * @return the versions
   */
  @ServiceMethod(returns = ReturnType.COLLECTION)
  public PagedIterable<CodeVersion> listCodeVersions(String name) {
    return arm.list(
        arm.url("codes/" + segment("name", name) + "/versions"), AssetWire::codeVersion);
  }

  // ---------------------------------------------------------------- data

  /**
   * Creates a data asset version.
   *
   * @param name the asset's name
   * @param version the version
   * @param type {@code uri_file}, {@code uri_folder} or {@code mltable}
   * @param uri where the data is, e.g. {@code azureml://datastores/blob/paths/raw/}
   * @return the data version
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public DataVersion createOrUpdateDataVersion(
      String name, String version, DataType type, String uri) {
    return AssetWire.dataVersion(
        arm.send(
                HttpMethod.PUT,
                arm.url(versionPath("data", name, version)),
                AssetWire.data(type, segment("uri", uri), null))
            .body());
  }

  /**
   * Gets a data asset version.
   *
   * @param name the asset's name
   * @param version the version
   * @return the data version
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public DataVersion getDataVersion(String name, String version) {
    return AssetWire.dataVersion(
        arm.send(HttpMethod.GET, arm.url(versionPath("data", name, version)), null).body());
  }

  /**
   * Lists a data asset's versions.
   *
   * @param name the asset's name
   * @return the versions
   */
  @ServiceMethod(returns = ReturnType.COLLECTION)
  public PagedIterable<DataVersion> listDataVersions(String name) {
    return arm.list(arm.url("data/" + segment("name", name) + "/versions"), AssetWire::dataVersion);
  }

  // ---------------------------------------------------------------- models

  /**
   * Registers a model from files already on a datastore.
   *
   * @param name the model's name
   * @param version the version
   * @param datastore the datastore's name
   * @param path the folder or file below the datastore's root
   * @return the model version, of type {@code custom_model}
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public ModelVersion registerModelFromDatastore(
      String name, String version, String datastore, String path) {
    return registerModel(
        name,
        version,
        "custom_model",
        "azureml://datastores/"
            + segment("datastore", datastore)
            + "/paths/"
            + trimSlashes(segment("path", path)),
        null);
  }

  /**
   * Registers the MLflow model a job logged as an artifact.
   *
   * @param name the model's name
   * @param version the version
   * @param jobName the job (MLflow run) that logged it
   * @param artifactPath the artifact folder, e.g. {@code model}
   * @return the model version, of type {@code mlflow_model}
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public ModelVersion registerModelFromJob(
      String name, String version, String jobName, String artifactPath) {
    return registerModel(
        name,
        version,
        "mlflow_model",
        "azureml://jobs/"
            + segment("jobName", jobName)
            + "/outputs/artifacts/paths/"
            + trimSlashes(segment("artifactPath", artifactPath)),
        jobName);
  }

  /**
   * Registers a model from a local folder, uploaded to the workspace's default datastore under a
   * hash of its content (so the same folder is uploaded once).
   *
   * @param name the model's name
   * @param version the version
   * @param folder the folder; an MLflow model when it holds an {@code MLmodel} file
   * @return the model version
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public ModelVersion registerModelFromLocalFolder(String name, String version, Path folder) {
    SourceSnapshot snapshot = SourceSnapshot.of(folder);
    DatastoreInfo store = getDefaultDatastore();
    String prefix = MODEL_UPLOAD_PREFIX + "/" + snapshot.hash().substring(0, 32) + "/" + name;
    new SnapshotUploads(arm, uploader)
        .toDatastore(snapshot, store, listDatastoreSecrets(store.name()), prefix);
    String type = snapshot.files().containsKey("MLmodel") ? "mlflow_model" : "custom_model";
    return registerModel(
        name, version, type, "azureml://datastores/" + store.name() + "/paths/" + prefix, null);
  }

  private ModelVersion registerModel(
      String name, String version, String type, String uri, String jobName) {
    return AssetWire.modelVersion(
        arm.send(
                HttpMethod.PUT,
                arm.url(versionPath("models", name, version)),
                AssetWire.model(type, uri, jobName, null))
            .body());
  }

  /**
   * Gets a model version.
   *
   * @param name the model's name
   * @param version the version
   * @return the model version
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public ModelVersion getModelVersion(String name, String version) {
    return AssetWire.modelVersion(
        arm.send(HttpMethod.GET, arm.url(versionPath("models", name, version)), null).body());
  }

  /**
   * Lists a model's versions.
   *
   * @param name the model's name
   * @return the versions
   */
  @ServiceMethod(returns = ReturnType.COLLECTION)
  public PagedIterable<ModelVersion> listModelVersions(String name) {
    return arm.list(
        arm.url("models/" + segment("name", name) + "/versions"), AssetWire::modelVersion);
  }

  // ---------------------------------------------------------------- online endpoints

  /**
   * Creates or updates a managed online endpoint.
   *
   * @param endpoint the endpoint
   * @return a poller that ends when the endpoint is provisioned
   */
  @ServiceMethod(returns = ReturnType.LONG_RUNNING_OPERATION)
  public SyncPoller<OperationProgress, OnlineEndpointInfo> beginCreateOrUpdateOnlineEndpoint(
      OnlineEndpoint endpoint) {
    return arm.begin(
        HttpMethod.PUT,
        arm.url(endpointPath(endpoint.getName())),
        EndpointWire.endpoint(endpoint),
        List.of(),
        EndpointWire::endpointInfo);
  }

  /**
   * Creates or updates a managed deployment of an endpoint.
   *
   * @param endpointName the endpoint's name
   * @param deployment the deployment
   * @return a poller that ends when the deployment is serving, or fails with its error
   */
  @ServiceMethod(returns = ReturnType.LONG_RUNNING_OPERATION)
  public SyncPoller<OperationProgress, OnlineDeploymentInfo> beginCreateOrUpdateOnlineDeployment(
      String endpointName, OnlineDeployment deployment) {
    return arm.begin(
        HttpMethod.PUT,
        arm.url(deploymentPath(endpointName, deployment.getName())),
        EndpointWire.deployment(deployment),
        List.of(),
        EndpointWire::deploymentInfo);
  }

  /**
   * Sets how traffic is split between an endpoint's deployments.
   *
   * @param endpointName the endpoint's name
   * @param traffic percentage per deployment name, summing to 100 (or 0 for none)
   * @return a poller that ends when the endpoint is updated
   */
  @ServiceMethod(returns = ReturnType.LONG_RUNNING_OPERATION)
  public SyncPoller<OperationProgress, OnlineEndpointInfo> beginUpdateTraffic(
      String endpointName, Map<String, Integer> traffic) {
    int sum = traffic.values().stream().mapToInt(Integer::intValue).sum();
    if (sum != 100 && sum != 0) {
      throw new IllegalArgumentException(
          "traffic for endpoint '"
              + endpointName
              + "' sums to "
              + sum
              + "%; give percentages that sum to 100, or all 0");
    }
    JsonNode current = arm.send(HttpMethod.GET, arm.url(endpointPath(endpointName)), null).body();
    OnlineEndpoint endpoint =
        new OnlineEndpoint(endpointName, ArmJson.text(current, "location"))
            .setAuthMode(ArmJson.text(ArmJson.properties(current), "authMode"))
            .setDescription(ArmJson.text(ArmJson.properties(current), "description"));
    endpoint.getTraffic().putAll(traffic);
    endpoint.getTags().putAll(ArmJson.map(current, "tags"));
    return beginCreateOrUpdateOnlineEndpoint(endpoint);
  }

  /**
   * Gets an endpoint.
   *
   * @param name its name
   * @return the endpoint
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public OnlineEndpointInfo getOnlineEndpoint(String name) {
    return EndpointWire.endpointInfo(
        arm.send(HttpMethod.GET, arm.url(endpointPath(name)), null).body());
  }

  /**
   * Lists the endpoints.
   *
   * @return the endpoints
   */
  @ServiceMethod(returns = ReturnType.COLLECTION)
  public PagedIterable<OnlineEndpointInfo> listOnlineEndpoints() {
    return arm.list(arm.url("onlineEndpoints"), EndpointWire::endpointInfo);
  }

  /**
   * Gets a deployment.
   *
   * @param endpointName the endpoint's name
   * @param name the deployment's name
   * @return the deployment
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public OnlineDeploymentInfo getOnlineDeployment(String endpointName, String name) {
    return EndpointWire.deploymentInfo(
        arm.send(HttpMethod.GET, arm.url(deploymentPath(endpointName, name)), null).body());
  }

  /**
   * Lists an endpoint's deployments.
   *
   * @param endpointName the endpoint's name
   * @return the deployments
   */
  @ServiceMethod(returns = ReturnType.COLLECTION)
  public PagedIterable<OnlineDeploymentInfo> listOnlineDeployments(String endpointName) {
    return arm.list(
        arm.url(endpointPath(endpointName) + "/deployments"), EndpointWire::deploymentInfo);
  }

  /**
   * Deletes an endpoint and its deployments.
   *
   * @param name its name
   * @return a poller that ends when it is gone
   */
  @ServiceMethod(returns = ReturnType.LONG_RUNNING_OPERATION)
  public SyncPoller<OperationProgress, OperationProgress> beginDeleteOnlineEndpoint(String name) {
    return arm.begin(
        HttpMethod.DELETE,
        arm.url(endpointPath(name)),
        null,
        List.of(),
        body -> new OperationProgress("Succeeded", null, null));
  }

  /**
   * Deletes a deployment.
   *
   * @param endpointName the endpoint's name
   * @param name the deployment's name
   * @return a poller that ends when it is gone
   */
  @ServiceMethod(returns = ReturnType.LONG_RUNNING_OPERATION)
  public SyncPoller<OperationProgress, OperationProgress> beginDeleteOnlineDeployment(
      String endpointName, String name) {
    return arm.begin(
        HttpMethod.DELETE,
        arm.url(deploymentPath(endpointName, name)),
        null,
        List.of(),
        body -> new OperationProgress("Succeeded", null, null));
  }

  /**
   * Reads the tail of a deployment's container log.
   *
   * @param endpointName the endpoint's name
   * @param deploymentName the deployment's name
   * @param tail how many lines
   * @return the log text
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public String getDeploymentLogs(String endpointName, String deploymentName, int tail) {
    ObjectNode request = ArmJson.object().put("containerType", "InferenceServer").put("tail", tail);
    return ArmJson.text(
        arm.send(
                HttpMethod.POST,
                arm.url(deploymentPath(endpointName, deploymentName) + "/getLogs"),
                request)
            .body(),
        "content");
  }

  /**
   * Reads the keys of an endpoint with key authentication.
   *
   * @param endpointName the endpoint's name
   * @return the keys, never printed
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public EndpointKeys getEndpointKeys(String endpointName) {
    return EndpointWire.keys(
        endpointName,
        arm.send(HttpMethod.POST, arm.url(endpointPath(endpointName) + "/listKeys"), null).body());
  }

  /**
   * Gets a short-lived token for an endpoint with {@code AMLToken} authentication.
   *
   * @param endpointName the endpoint's name
   * @return the token, never printed
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public EndpointToken getEndpointToken(String endpointName) {
    return EndpointWire.token(
        endpointName,
        arm.send(HttpMethod.POST, arm.url(endpointPath(endpointName) + "/token"), null).body());
  }

  /**
   * Sends one scoring request to an endpoint's scoring URI, authenticated with its key or token.
   *
   * @param endpointName the endpoint's name
   * @param deploymentName a deployment to send to regardless of traffic, or null
   * @param jsonBody the request body, e.g. {@code {"input_data": ...}}
   * @return the response body
   * @throws AzureMlException when the endpoint answers with an error
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public String invoke(String endpointName, String deploymentName, String jsonBody) {
    OnlineEndpointInfo endpoint = getOnlineEndpoint(endpointName);
    if (endpoint.scoringUri() == null) {
      throw new AzureMlException(
          "endpoint '"
              + endpointName
              + "' has no scoring URI yet (state "
              + endpoint.provisioningState()
              + "); wait for its creation to succeed",
          0,
          null);
    }
    Secret secret =
        switch (String.valueOf(endpoint.authMode())) {
          case "Key" -> getEndpointKeys(endpointName).primaryKey();
          case "AMLToken" -> getEndpointToken(endpointName).accessToken();
          default ->
              throw new UnsupportedOperationException(
                  "endpoint '"
                      + endpointName
                      + "' uses "
                      + endpoint.authMode()
                      + " authentication; invoke supports Key and AMLToken,"
                      + " so create it with setAuthMode(\"Key\")");
        };
    return Scoring.post(httpClient, endpoint.scoringUri(), secret, deploymentName, jsonBody);
  }

  // ---------------------------------------------------------------- helpers

  /**
   * The workspace's default datastore.
   *
   * @return the datastore marked default
   * @throws AzureMlResourceNotFoundException when the workspace has none
   */
  @ServiceMethod(returns = ReturnType.SINGLE)
  public DatastoreInfo getDefaultDatastore() {
    for (DatastoreInfo datastore : listDatastores()) {
      if (datastore.isDefault()) {
        return datastore;
      }
    }
    throw new AzureMlResourceNotFoundException(
        "workspace '"
            + workspace.name()
            + "' has no"
            + " default datastore; register one or set it in the studio",
        404,
        null);
  }

  private String runHistory() {
    if (runHistoryEndpoint != null) {
      return runHistoryEndpoint;
    }
    String region = workspace.region().orElseGet(() -> getWorkspaceProperties().location());
    return "https://" + region + ".api.azureml.ms";
  }

  private static String versionPath(String kind, String name, String version) {
    return kind + "/" + segment("name", name) + "/versions/" + segment("version", version);
  }

  private static String endpointPath(String name) {
    return "onlineEndpoints/" + segment("endpointName", name);
  }

  private static String deploymentPath(String endpointName, String name) {
    return endpointPath(endpointName) + "/deployments/" + segment("deploymentName", name);
  }

  private static String trimSlashes(String path) {
    String result = path;
    while (result.startsWith("/")) {
      result = result.substring(1);
    }
    while (result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }

  /** Client-side checks of path segments only; the service validates everything else. */
  private static String segment(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "'" + field + "' is " + (value == null ? "null" : "blank") + "; pass a non-blank value");
    }
    if (value.contains("?") || value.contains("#")) {
      throw new IllegalArgumentException(
          "'" + field + "' is '" + value + "'; it may not contain" + " '?' or '#'");
    }
    return value;
  }
}
