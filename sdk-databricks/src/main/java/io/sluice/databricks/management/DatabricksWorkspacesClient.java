package io.sluice.databricks.management;

import com.azure.core.annotation.ServiceClient;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpMethod;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.databricks.DatabricksClient;
import io.sluice.databricks.DatabricksClientBuilder;
import io.sluice.databricks.DatabricksResourceNotFoundException;
import io.sluice.databricks.implementation.DatabricksHttp;
import io.sluice.databricks.implementation.DatabricksJson;
import io.sluice.databricks.implementation.RunPolling;
import io.sluice.databricks.implementation.TypedFailurePoller;
import io.sluice.databricks.models.CreatedToken;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Azure Databricks workspaces in one subscription, through ARM ({@code
 * Microsoft.Databricks/workspaces}, api-version {@value #API_VERSION}). Long operations return a
 * {@link SyncPoller} that polls the workspace until its provisioning state ends; {@code Failed} or
 * {@code Canceled} throws {@link DatabricksWorkspaceProvisioningException}.
 */
@ServiceClient(builder = DatabricksWorkspacesClientBuilder.class)
public final class DatabricksWorkspacesClient {
  /** The ARM api-version used. */
  public static final String API_VERSION = "2026-01-01";

  private final DatabricksHttp http;
  private final String subscriptionId;
  private final RunPolling polling;

  DatabricksWorkspacesClient(DatabricksHttp http, String subscriptionId, RunPolling polling) {
    this.http = http;
    this.subscriptionId = subscriptionId;
    this.polling = polling;
  }

  /**
   * Creates a workspace, or replaces one's definition, and waits until it is provisioned.
   *
   * @param resourceGroup the resource group
   * @param name the workspace's name
   * @param definition what it should be
   * @return the poller; its final result is the provisioned workspace
   */
  public SyncPoller<AzureDatabricksWorkspace, AzureDatabricksWorkspace> beginCreateOrUpdate(
      String resourceGroup, String name, WorkspaceDefinition definition) {
    Objects.requireNonNull(definition, "'definition' is null");
    ObjectNode body = definition.toJson(subscriptionId, resourceGroup, name);
    return poller(
        resourceGroup,
        name,
        () ->
            AzureDatabricksWorkspace.from(
                http.json(HttpMethod.PUT, path(resourceGroup, name), body, JsonNode.class, true)));
  }

  /**
   * Reads a workspace.
   *
   * @param resourceGroup the resource group
   * @param name the workspace's name
   * @return the workspace
   * @throws DatabricksResourceNotFoundException when there is none
   */
  public AzureDatabricksWorkspace getWorkspace(String resourceGroup, String name) {
    return AzureDatabricksWorkspace.from(http.get(path(resourceGroup, name), null, JsonNode.class));
  }

  /**
   * Replaces a workspace's tags (the only field ARM lets a PATCH change).
   *
   * @param resourceGroup the resource group
   * @param name the workspace's name
   * @param tags the tags
   * @return the poller
   */
  public SyncPoller<AzureDatabricksWorkspace, AzureDatabricksWorkspace> beginUpdateTags(
      String resourceGroup, String name, Map<String, String> tags) {
    ObjectNode body = DatabricksJson.MAPPER.createObjectNode();
    body.set("tags", DatabricksJson.MAPPER.valueToTree(tags));
    // The patch sets whole tags, so a replay changes nothing.
    return poller(
        resourceGroup,
        name,
        () -> {
          http.json(HttpMethod.PATCH, path(resourceGroup, name), body, JsonNode.class, true);
          return getWorkspace(resourceGroup, name);
        });
  }

  /**
   * Links a workspace to an Azure Machine Learning workspace, so that MLflow runs made in
   * Databricks are tracked in Azure ML. ARM takes the link only in a full PUT, so the workspace is
   * read first and written back with {@code parameters.amlWorkspaceId} set.
   *
   * @param resourceGroup the resource group
   * @param name the Databricks workspace's name
   * @param amlWorkspaceId the ARM id of the Azure ML workspace
   * @return the poller
   */
  public SyncPoller<AzureDatabricksWorkspace, AzureDatabricksWorkspace>
      beginLinkToAzureMachineLearning(String resourceGroup, String name, String amlWorkspaceId) {
    AzureDatabricksWorkspace current = getWorkspace(resourceGroup, name);
    WorkspaceDefinition linked =
        WorkspaceDefinition.builder()
            .location(current.location())
            .sku(current.sku())
            .managedResourceGroupId(current.managedResourceGroupId())
            .amlWorkspaceId(amlWorkspaceId)
            .tags(current.tags())
            .build();
    return beginCreateOrUpdate(resourceGroup, name, linked);
  }

  /**
   * Deletes a workspace and waits until it is gone.
   *
   * @param resourceGroup the resource group
   * @param name the workspace's name
   * @return the poller; its final result is the deleted workspace's ARM id
   */
  public SyncPoller<String, String> beginDelete(String resourceGroup, String name) {
    String id =
        "/subscriptions/"
            + subscriptionId
            + "/resourceGroups/"
            + resourceGroup
            + "/providers/Microsoft.Databricks/workspaces/"
            + name;
    AtomicInteger polls = new AtomicInteger();
    return new TypedFailurePoller<>(
        SyncPoller.createPoller(
            polling.min(),
            context -> {
              http.json(HttpMethod.DELETE, path(resourceGroup, name), null, JsonNode.class, false);
              return new PollResponse<>(LongRunningOperationStatus.IN_PROGRESS, id, Duration.ZERO);
            },
            context -> {
              try {
                getWorkspace(resourceGroup, name);
                return new PollResponse<>(
                    LongRunningOperationStatus.IN_PROGRESS,
                    id,
                    polling.delay(polls.incrementAndGet()));
              } catch (DatabricksResourceNotFoundException gone) {
                return new PollResponse<>(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED, id);
              }
            },
            (context, response) -> {
              throw new UnsupportedOperationException("Deleting a workspace cannot be cancelled");
            },
            context -> id));
  }

  /**
   * Mints a personal access token for a pipeline in a provisioned workspace, with the Entra ID
   * credential of a user or service principal, and returns it only as a secret.
   *
   * @param workspace the workspace
   * @param credential the identity the token will act as
   * @param lifetime how long the token lives
   * @return the token
   */
  public CreatedToken createPipelineToken(
      AzureDatabricksWorkspace workspace, TokenCredential credential, Duration lifetime) {
    DatabricksClient databricks =
        new DatabricksClientBuilder()
            .endpoint(
                workspace
                    .endpoint()
                    .orElseThrow(
                        () ->
                            new IllegalStateException(
                                "Workspace "
                                    + workspace.name()
                                    + " has no URL yet ("
                                    + workspace.provisioningState()
                                    + "); wait for provisioning to succeed")))
            .credential(credential)
            .azureWorkspaceResourceId(workspace.id())
            .environment(Map.of())
            .buildClient();
    return databricks.getTokensClient().createToken(lifetime.toSeconds(), "sluice pipeline");
  }

  private SyncPoller<AzureDatabricksWorkspace, AzureDatabricksWorkspace> poller(
      String resourceGroup, String name, Supplier<AzureDatabricksWorkspace> start) {
    AtomicInteger polls = new AtomicInteger();
    return new TypedFailurePoller<>(
        SyncPoller.createPoller(
            polling.min(),
            context ->
                new PollResponse<>(
                    LongRunningOperationStatus.IN_PROGRESS, start.get(), Duration.ZERO),
            context -> {
              AzureDatabricksWorkspace workspace = getWorkspace(resourceGroup, name);
              if (!workspace.isTerminal()) {
                return new PollResponse<>(
                    LongRunningOperationStatus.IN_PROGRESS,
                    workspace,
                    polling.delay(polls.incrementAndGet()));
              }
              if (!"Succeeded".equals(workspace.provisioningState())
                  && workspace.provisioningState() != null) {
                throw new DatabricksWorkspaceProvisioningException(
                    "Databricks workspace "
                        + workspace.id()
                        + " ended "
                        + workspace.provisioningState()
                        + "; see the resource group's deployments and activity log for why");
              }
              return new PollResponse<>(
                  LongRunningOperationStatus.SUCCESSFULLY_COMPLETED, workspace);
            },
            (context, response) -> {
              throw new UnsupportedOperationException("A workspace operation cannot be cancelled");
            },
            context -> context.getLatestResponse().getValue()));
  }

  private String path(String resourceGroup, String name) {
    return "/subscriptions/"
        + subscriptionId
        + "/resourceGroups/"
        + resourceGroup
        + "/providers/Microsoft.Databricks/workspaces/"
        + name
        + "?api-version="
        + API_VERSION;
  }
}
