package io.sluice.databricks;

import com.azure.core.http.rest.PagedIterable;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.databricks.implementation.DatabricksErrors;
import io.sluice.databricks.implementation.DatabricksHttp;
import io.sluice.databricks.implementation.DatabricksJson;
import io.sluice.databricks.implementation.Pages;
import io.sluice.databricks.implementation.RunPolling;
import io.sluice.databricks.implementation.TypedFailurePoller;
import io.sluice.databricks.models.ClusterDetails;
import io.sluice.databricks.models.ClusterSpec;
import io.sluice.databricks.models.ClusterState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Clusters API 2.1, with waiting on the documented state machine: PENDING → RUNNING, RUNNING →
 * RESTARTING / RESIZING → RUNNING, any → TERMINATING → TERMINATED. A wait for RUNNING fails with
 * {@link DatabricksClusterStateException} on ERROR or TERMINATED; {@link #beginEdit} waits for
 * RUNNING only when the cluster was running, since editing a terminated cluster leaves it
 * terminated.
 */
public final class ClustersClient {
  private static final String BASE = "/api/2.1/clusters/";
  private static final Set<ClusterState> TRANSIENT =
      EnumSet.of(
          ClusterState.PENDING,
          ClusterState.RESTARTING,
          ClusterState.RESIZING,
          ClusterState.UNKNOWN);

  private final DatabricksHttp http;
  private final RunPolling polling;

  ClustersClient(DatabricksHttp http, RunPolling polling) {
    this.http = http;
    this.polling = polling;
  }

  /**
   * Creates a cluster and waits until it runs.
   *
   * @param spec its shape; {@code clusterName} is required
   * @return the poller; its final result is the running cluster
   */
  public SyncPoller<ClusterDetails, ClusterDetails> beginCreate(ClusterSpec spec) {
    if (spec.clusterName() == null || spec.clusterName().isBlank()) {
      throw new IllegalArgumentException("'clusterName' is missing; clusters/create needs a name");
    }
    return poller(
        () -> http.post(BASE + "create", spec, JsonNode.class, false).path("cluster_id").asText(),
        ClusterState.RUNNING);
  }

  /**
   * Reads a cluster.
   *
   * @param clusterId the cluster
   * @return its details
   * @throws DatabricksResourceNotFoundException when no such cluster exists
   */
  public ClusterDetails getCluster(String clusterId) {
    return http.get(BASE + "get", Map.of("cluster_id", clusterId), ClusterDetails.class);
  }

  /**
   * Starts a terminated cluster and waits until it runs.
   *
   * @param clusterId the cluster
   * @return the poller
   */
  public SyncPoller<ClusterDetails, ClusterDetails> beginStart(String clusterId) {
    return poller(
        () -> {
          http.post(BASE + "start", Map.of("cluster_id", clusterId), Void.class, false);
          return clusterId;
        },
        ClusterState.RUNNING);
  }

  /**
   * Restarts a running cluster and waits until it runs again.
   *
   * @param clusterId the cluster
   * @return the poller
   */
  public SyncPoller<ClusterDetails, ClusterDetails> beginRestart(String clusterId) {
    return poller(
        () -> {
          http.post(BASE + "restart", Map.of("cluster_id", clusterId), Void.class, false);
          return clusterId;
        },
        ClusterState.RUNNING);
  }

  /**
   * Changes a cluster's shape. A running cluster restarts and is waited for; a terminated one stays
   * terminated and the poller ends at once.
   *
   * @param clusterId the cluster
   * @param spec its new shape; {@code clusterName} is required
   * @return the poller
   */
  public SyncPoller<ClusterDetails, ClusterDetails> beginEdit(String clusterId, ClusterSpec spec) {
    ClusterState before = getCluster(clusterId).state();
    ObjectNode body = DatabricksJson.MAPPER.valueToTree(spec);
    body.put("cluster_id", clusterId);
    ClusterState target =
        before == ClusterState.TERMINATED ? ClusterState.TERMINATED : ClusterState.RUNNING;
    return poller(
        () -> {
          // An edit sends the whole shape, so a replay changes nothing.
          http.post(BASE + "edit", body, Void.class, true);
          return clusterId;
        },
        target);
  }

  /**
   * Terminates a cluster (it can be started again) and waits until it has stopped.
   *
   * @param clusterId the cluster
   * @return the poller
   */
  public SyncPoller<ClusterDetails, ClusterDetails> beginTerminate(String clusterId) {
    return poller(
        () -> {
          http.post(BASE + "delete", Map.of("cluster_id", clusterId), Void.class, true);
          return clusterId;
        },
        ClusterState.TERMINATED);
  }

  /**
   * Deletes a cluster for good; it must be terminated first.
   *
   * @param clusterId the cluster
   */
  public void deleteCluster(String clusterId) {
    http.post(BASE + "permanent-delete", Map.of("cluster_id", clusterId), Void.class, false);
  }

  /**
   * Lists clusters.
   *
   * @return the clusters, read a page at a time
   */
  public PagedIterable<ClusterDetails> listClusters() {
    return Pages.iterable(
        token -> {
          Map<String, Object> query = new LinkedHashMap<>();
          query.put("page_token", token);
          ClusterList page = http.get(BASE + "list", query, ClusterList.class);
          return new Pages.Page<>(page.clusters(), page.nextPageToken());
        });
  }

  private SyncPoller<ClusterDetails, ClusterDetails> poller(
      java.util.function.Supplier<String> start, ClusterState target) {
    String[] id = new String[1];
    AtomicInteger polls = new AtomicInteger();
    return new TypedFailurePoller<>(
        SyncPoller.createPoller(
            polling.min(),
            context -> {
              id[0] = start.get();
              return new PollResponse<>(
                  LongRunningOperationStatus.NOT_STARTED, null, Duration.ZERO);
            },
            context -> {
              ClusterDetails cluster = getCluster(id[0]);
              ClusterState state = cluster.state() == null ? ClusterState.UNKNOWN : cluster.state();
              if (state == target) {
                return new PollResponse<>(
                    LongRunningOperationStatus.SUCCESSFULLY_COMPLETED, cluster);
              }
              boolean passing =
                  TRANSIENT.contains(state)
                      || (target == ClusterState.TERMINATED
                          && (state == ClusterState.TERMINATING || state == ClusterState.RUNNING));
              if (passing) {
                return new PollResponse<>(
                    LongRunningOperationStatus.IN_PROGRESS,
                    cluster,
                    polling.delay(polls.incrementAndGet()));
              }
              throw new DatabricksClusterStateException(
                  id[0],
                  state,
                  "Cluster "
                      + id[0]
                      + " is "
                      + state
                      + " while waiting for "
                      + target
                      + ": "
                      + DatabricksErrors.safe(cluster.stateMessage())
                      + "; check its event log in the workspace, fix the cause and start it again");
            },
            (context, response) -> {
              throw new UnsupportedOperationException(
                  "A cluster operation cannot be cancelled; terminate the cluster instead");
            },
            context -> context.getLatestResponse().getValue()));
  }

  private record ClusterList(List<ClusterDetails> clusters, String nextPageToken) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    ClusterList {
      clusters = clusters == null ? new ArrayList<>() : clusters;
    }
  }
}
