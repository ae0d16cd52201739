package io.sluice.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.databricks.sdk.service.compute.CreateCluster;
import com.databricks.sdk.service.jobs.SubmitRun;
import com.databricks.sdk.service.workspace.PutSecret;
import io.sluice.databricks.models.AclPermission;
import io.sluice.databricks.models.ClusterDetails;
import io.sluice.databricks.models.ClusterLibrary;
import io.sluice.databricks.models.ClusterSpec;
import io.sluice.databricks.models.ClusterState;
import io.sluice.databricks.models.CreatedToken;
import io.sluice.databricks.models.Job;
import io.sluice.databricks.models.JobCluster;
import io.sluice.databricks.models.JobSettings;
import io.sluice.databricks.models.JobTask;
import io.sluice.databricks.models.Language;
import io.sluice.databricks.models.NotebookTask;
import io.sluice.databricks.models.PyPiLibrary;
import io.sluice.databricks.models.RepairRunRequest;
import io.sluice.databricks.models.Run;
import io.sluice.databricks.models.RunNowRequest;
import io.sluice.databricks.models.SparkPythonTask;
import io.sluice.databricks.models.SubmitRunRequest;
import io.sluice.databricks.models.TaskDependency;
import io.sluice.databricks.models.WorkspaceFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabricksClientTest {
  private static final String TOKEN = "dapi0123456789abcdef0123456789abcdef";

  private final MockWebServer server = new MockWebServer();
  private FakeDatabricks fake;
  private DatabricksClient client;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeDatabricks(TOKEN);
    server.setDispatcher(fake);
    server.start();
    client = FakePolling.on(builder()).buildClient();
  }

  /** A builder for the fake workspace, polling it as a real one. */
  private DatabricksClientBuilder builder() {
    return new DatabricksClientBuilder()
        .endpoint(server.url("/").toString())
        .token(TOKEN)
        .environment(Map.of())
        .retryOptions(
            new RetryOptions(
                new ExponentialBackoffOptions()
                    .setMaxRetries(3)
                    .setBaseDelay(Duration.ofMillis(5))
                    .setMaxDelay(Duration.ofMillis(50))));
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private static JobTask notebook(String key, String... deps) {
    return JobTask.builder()
        .taskKey(key)
        .dependsOn(List.of(deps).stream().map(TaskDependency::new).toList())
        .newCluster(
            ClusterSpec.builder()
                .sparkVersion("15.4.x-scala2.12")
                .nodeTypeId("Standard_DS3_v2")
                .numWorkers(1)
                .build())
        .libraries(List.of(ClusterLibrary.pypi(new PyPiLibrary("pandas==2.2.3", null))))
        .notebookTask(new NotebookTask("/Shared/n", Map.of("input", "dbfs:/in")))
        .timeoutSeconds(600)
        .build();
  }

  @Test
  void submitWaitsAndReturnsTheSucceededRun() {
    fake.timing(100, 200).exitValue("a", "42");
    SubmitRunRequest request =
        SubmitRunRequest.builder()
            .runName("r")
            .tasks(List.of(notebook("a"), notebook("b", "a")))
            .idempotencyToken("tok-1")
            .build();
    Run run = client.getJobsClient().beginSubmitRun(request).getFinalResult();

    assertThat(run.state().resultState().name()).isEqualTo("SUCCESS");
    assertThat(run.tasks()).extracting(t -> t.taskKey()).containsExactly("a", "b");
    assertThat(
            client
                .getJobsClient()
                .getRunOutput(run.tasks().get(0).runId())
                .notebookOutput()
                .result())
        .isEqualTo("42");
    SubmitRun vendor =
        VendorModels.read(
            "/api/2.2/jobs/runs/submit",
            fake.calls("/api/2.2/jobs/runs/submit").get(0).body(),
            SubmitRun.class);
    assertThat(vendor.getIdempotencyToken()).isEqualTo("tok-1");
    assertThat(vendor.getTasks()).hasSize(2);
  }

  @Test
  void aFailedRunIsATypedFailureWithEachTasksError() {
    fake.timing(50, 100).failTask("a", "ValueError: bad column 'x'");
    var poller =
        client
            .getJobsClient()
            .beginSubmitRun(
                SubmitRunRequest.builder()
                    .runName("r")
                    .tasks(List.of(notebook("a"), notebook("b", "a")))
                    .build());

    assertThatThrownBy(poller::waitForCompletion)
        .isInstanceOf(DatabricksRunException.class)
        .hasMessageContaining("FAILED")
        .hasMessageContaining("task 'a': FAILED: ValueError: bad column 'x'")
        .satisfies(
            e -> assertThat(((DatabricksRunException) e).getTaskErrors()).containsKeys("a", "b"));
    // A token was added though the request had none, so the submit could be retried.
    assertThat(
            VendorModels.read(
                    "/api/2.2/jobs/runs/submit",
                    fake.calls("/api/2.2/jobs/runs/submit").get(0).body(),
                    SubmitRun.class)
                .getIdempotencyToken())
        .isNotBlank();
  }

  @Test
  void pollingIsNoFasterThanOnceEveryTwoSeconds() {
    fake.timing(2500, 3000);
    builder()
        .buildClient()
        .getJobsClient()
        .beginSubmitRun(
            SubmitRunRequest.builder()
                .runName("r")
                .tasks(List.of(notebook("a")))
                .idempotencyToken("t")
                .build())
        .waitForCompletion();

    List<FakeDatabricks.Call> polls = fake.calls("/api/2.2/jobs/runs/get");
    assertThat(polls.size()).isBetween(2, 5);
    for (int i = 1; i < polls.size(); i++) {
      assertThat(polls.get(i).atMillis() - polls.get(i - 1).atMillis())
          .isGreaterThanOrEqualTo(1990);
    }
  }

  @Test
  void idempotencyTokensStayWithin64Characters() {
    String token =
        JobsClient.idempotencyToken(
            "a-very-long-pipeline-run-identifier-20261124-093000-beef", "a-long-step-name");
    assertThat(token)
        .hasSizeLessThanOrEqualTo(64)
        .isEqualTo(
            JobsClient.idempotencyToken(
                "a-very-long-pipeline-run-identifier-20261124-093000-beef", "a-long-step-name"));
    assertThat(JobsClient.idempotencyToken("run-1", "prep")).isEqualTo("run-1.prep");
    assertThatThrownBy(
            () ->
                client
                    .getJobsClient()
                    .submitRun(
                        SubmitRunRequest.builder()
                            .runName("r")
                            .idempotencyToken("x".repeat(65))
                            .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'idempotencyToken' has 65 characters");
  }

  @Test
  void everyJobsCallSendsAVendorShapedBody() {
    fake.respond("POST /api/2.2/jobs/create", "{\"job_id\":7}")
        .respond("POST /api/2.2/jobs/run-now", "{\"run_id\":8}")
        .respond("POST /api/2.2/jobs/runs/repair", "{\"repair_id\":9}")
        .respond("GET /api/2.2/jobs/list", "{\"jobs\":[{\"job_id\":7}],\"next_page_token\":\"\"}")
        .respond(
            "GET /api/2.2/jobs/get",
            "{\"job_id\":7,\"settings\":{\"name\":\"j\",\"tasks\":[{\"task_key\":\"a\"}]}}")
        .respond("GET /api/2.2/jobs/runs/list", "{\"runs\":[{\"run_id\":8}]}");
    JobsClient jobs = client.getJobsClient();
    ClusterSpec shared =
        ClusterSpec.builder()
            .sparkVersion("15.4.x-scala2.12")
            .nodeTypeId("Standard_DS3_v2")
            .numWorkers(2)
            .build();
    JobTask task =
        JobTask.builder()
            .taskKey("a")
            .jobClusterKey("shared")
            .sparkPythonTask(new SparkPythonTask("/Shared/a.py", List.of("-x", "1")))
            .maxRetries(1)
            .build();
    long jobId =
        jobs.createJob(
            JobSettings.builder()
                .name("j")
                .tasks(List.of(task))
                .jobClusters(List.of(new JobCluster("shared", shared)))
                .maxConcurrentRuns(1)
                .timeoutSeconds(3600)
                .tags(Map.of("team", "ml"))
                .build());
    assertThat(jobId).isEqualTo(7);
    assertThat(jobs.runNow(RunNowRequest.builder(7).jobParameters(Map.of("p", "1")).build()))
        .isEqualTo(8);
    assertThat(
            jobs.repairRun(
                RepairRunRequest.builder(8)
                    .rerunTasks(List.of("a"))
                    .rerunDependentTasks(true)
                    .build()))
        .isEqualTo(9);
    jobs.cancelRun(8);
    jobs.deleteJob(7);
    assertThat(jobs.getJob(7).settings().tasks()).hasSize(1);
    assertThat(jobs.listJobs().stream().map(Job::jobId)).containsExactly(7L);
    assertThat(jobs.listRuns(7L).stream().map(Run::runId)).containsExactly(8L);

    assertThat(VendorModels.checkAll(fake.calls())).isEqualTo(5);
  }

  @Test
  void runsAndJobsWithMoreThanOnePageOfTasksAreMerged() throws Exception {
    try (MockWebServer pages = new MockWebServer()) {
      pages.enqueue(
          new okhttp3.mockwebserver.MockResponse()
              .setBody(
                  "{\"run_id\":1,\"tasks\":[{\"task_key\":\"a\"}],\"next_page_token\":\"t2\"}"));
      pages.enqueue(
          new okhttp3.mockwebserver.MockResponse()
              .setBody("{\"run_id\":1,\"tasks\":[{\"task_key\":\"b\"}],\"next_page_token\":\"\"}"));
      pages.enqueue(
          new okhttp3.mockwebserver.MockResponse()
              .setBody(
                  "{\"job_id\":2,\"settings\":{\"name\":\"j\",\"tasks\":[{\"task_key\":\"a\"}]},\"next_page_token\":\"u2\"}"));
      pages.enqueue(
          new okhttp3.mockwebserver.MockResponse()
              .setBody(
                  "{\"job_id\":2,\"settings\":{\"tasks\":[{\"task_key\":\"b\"}],\"job_clusters\":[{\"job_cluster_key\":\"c\"}]}}"));
      pages.start();
      JobsClient jobs =
          new DatabricksClientBuilder()
              .endpoint(pages.url("/").toString())
              .token(TOKEN)
              .environment(Map.of())
              .buildClient()
              .getJobsClient();

      assertThat(jobs.getRun(1).tasks()).extracting(t -> t.taskKey()).containsExactly("a", "b");
      Job job = jobs.getJob(2);
      assertThat(job.settings().tasks()).extracting(JobTask::taskKey).containsExactly("a", "b");
      assertThat(job.settings().jobClusters())
          .extracting(JobCluster::jobClusterKey)
          .containsExactly("c");
      pages.takeRequest();
      assertThat(pages.takeRequest().getRequestUrl().queryParameter("page_token")).isEqualTo("t2");
    }
  }

  @Test
  void listsFollowNextPageTokens() {
    fake.respond(
        "GET /api/2.2/jobs/list", "{\"jobs\":[{\"job_id\":1}],\"next_page_token\":\"p2\"}");
    var jobs = client.getJobsClient().listJobs().iterator();
    assertThat(jobs.next().jobId()).isEqualTo(1);
    fake.respond("GET /api/2.2/jobs/list", "{\"jobs\":[{\"job_id\":2}]}");
    assertThat(jobs.next().jobId()).isEqualTo(2);
    assertThat(jobs.hasNext()).isFalse();
    assertThat(fake.calls("/api/2.2/jobs/list").get(1).query()).isEqualTo("page_token=p2");
  }

  @Test
  void clusterCallsWaitOnTheStateMachineAndSendVendorShapedBodies() {
    fake.respond("POST /api/2.1/clusters/create", "{\"cluster_id\":\"c-1\"}")
        .respond("GET /api/2.1/clusters/get", "{\"cluster_id\":\"c-1\",\"state\":\"RUNNING\"}")
        .respond(
            "GET /api/2.1/clusters/list",
            "{\"clusters\":[{\"cluster_id\":\"c-1\",\"state\":\"RUNNING\"}]}");
    ClustersClient clusters = client.getClustersClient();
    ClusterSpec spec =
        ClusterSpec.builder()
            .clusterName("etl")
            .sparkVersion("15.4.x-scala2.12")
            .nodeTypeId("Standard_DS3_v2")
            .numWorkers(2)
            .sparkConf(Map.of("spark.speculation", "true"))
            .sparkEnvVars(Map.of("PYSPARK_PYTHON", "/databricks/python3/bin/python3"))
            .initScripts(
                List.of(
                    io.sluice.databricks.models.InitScript.of(
                        "/Volumes/main/default/init/setup.sh")))
            .clusterLogConf(io.sluice.databricks.models.ClusterLogConf.of("dbfs:/cluster-logs"))
            .customTags(Map.of("team", "ml"))
            .autoterminationMinutes(30)
            .build();

    assertThat(clusters.beginCreate(spec).getFinalResult().state()).isEqualTo(ClusterState.RUNNING);
    clusters.beginRestart("c-1").waitForCompletion();
    clusters.beginEdit("c-1", spec).waitForCompletion();
    fake.respond("GET /api/2.1/clusters/get", "{\"cluster_id\":\"c-1\",\"state\":\"TERMINATED\"}");
    clusters.beginTerminate("c-1").waitForCompletion();
    clusters.deleteCluster("c-1");
    fake.respond(
        "GET /api/2.1/clusters/get",
        "{\"cluster_id\":\"c-1\",\"state\":\"ERROR\",\"state_message\":\"Quota\"}");
    assertThatThrownBy(() -> clusters.beginStart("c-1").waitForCompletion())
        .isInstanceOf(DatabricksClusterStateException.class)
        .hasMessageContaining("is ERROR while waiting for RUNNING: Quota");
    assertThat(clusters.listClusters().stream().map(ClusterDetails::clusterId))
        .containsExactly("c-1");

    assertThat(VendorModels.checkAll(fake.calls())).isEqualTo(6);
    CreateCluster vendor =
        VendorModels.read(
            "/api/2.1/clusters/create",
            fake.calls("/api/2.1/clusters/create").get(0).body(),
            CreateCluster.class);
    assertThat(vendor.getClusterName()).isEqualTo("etl");
    assertThat(vendor.getAutoterminationMinutes()).isEqualTo(30L);
  }

  @Test
  void workspaceSecretsTokensAndDbfsCallsSendVendorShapedBodies() {
    fake.respond(
            "POST /api/2.0/token/create",
            "{\"token_value\":\"dapiffffffffffffffffffffffffffffffff\",\"token_info\":{\"token_id\":\"t1\",\"comment\":\"ci\"}}")
        .respond("GET /api/2.0/token/list", "{\"token_infos\":[{\"token_id\":\"t1\"}]}")
        .respond(
            "GET /api/2.0/secrets/scopes/list",
            "{\"scopes\":[{\"name\":\"s\",\"backend_type\":\"DATABRICKS\"}]}")
        .respond(
            "GET /api/2.0/secrets/list",
            "{\"secrets\":[{\"key\":\"k\",\"last_updated_timestamp\":1}]}")
        .respond(
            "GET /api/2.0/secrets/acls/list",
            "{\"items\":[{\"principal\":\"users\",\"permission\":\"READ\"}]}")
        .respond(
            "GET /api/2.0/workspace/list",
            "{\"objects\":[{\"path\":\"/Shared/n\",\"object_type\":\"NOTEBOOK\",\"language\":\"PYTHON\"}]}");

    WorkspaceClient workspace = client.getWorkspaceClient();
    workspace.mkdirs("/Shared/x");
    workspace.importObject(
        "/Shared/x/n",
        WorkspaceFormat.SOURCE,
        Language.PYTHON,
        "print(1)".getBytes(StandardCharsets.UTF_8),
        true);
    assertThat(
            new String(
                workspace.exportObject("/Shared/x/n", WorkspaceFormat.SOURCE),
                StandardCharsets.UTF_8))
        .isEqualTo("print(1)");
    assertThat(workspace.list("/Shared").stream().map(o -> o.language()))
        .containsExactly(Language.PYTHON);
    workspace.delete("/Shared/x", true);

    SecretsClient secrets = client.getSecretsClient();
    secrets.createScope("s", "users");
    secrets.putSecret("s", "k", "hunter2");
    secrets.putAcl("s", "users", AclPermission.READ);
    assertThat(secrets.listScopes()).extracting(s -> s.name()).containsExactly("s");
    assertThat(secrets.listSecrets("s")).extracting(s -> s.key()).containsExactly("k");
    assertThat(secrets.listAcls("s"))
        .extracting(a -> a.permission())
        .containsExactly(AclPermission.READ);
    secrets.deleteAcl("s", "users");
    secrets.deleteSecret("s", "k");
    secrets.deleteScope("s");

    TokensClient tokens = client.getTokensClient();
    CreatedToken created = tokens.createToken(3600L, "ci");
    assertThat(created.value().value()).contains("dapiffffffffffffffffffffffffffffffff");
    assertThat(created.toString()).doesNotContain("dapif");
    assertThat(tokens.listTokens()).extracting(t -> t.tokenId()).containsExactly("t1");
    tokens.revokeToken("t1");

    DbfsClient dbfs = client.getDbfsClient();
    dbfs.put("dbfs:/tmp/a.txt", "hello".getBytes(StandardCharsets.UTF_8), true);
    dbfs.mkdirs("dbfs:/tmp/d");
    dbfs.delete("dbfs:/tmp/d", true);
    assertThat(new String(dbfs.readAll("dbfs:/tmp/a.txt"), StandardCharsets.UTF_8))
        .isEqualTo("hello");

    assertThat(VendorModels.checkAll(fake.calls())).isEqualTo(14);
    PutSecret put =
        VendorModels.read(
            "/api/2.0/secrets/put",
            fake.calls("/api/2.0/secrets/put").get(0).body(),
            PutSecret.class);
    assertThat(put.getStringValue()).isEqualTo("hunter2");
  }

  @Test
  void filesApiStreamsLargeFilesFromAndToDisk(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    byte[] data = new byte[3 * 1024 * 1024];
    new java.util.Random(3).nextBytes(data);
    java.nio.file.Path local = java.nio.file.Files.write(dir.resolve("big.bin"), data);
    client.getFilesClient().upload("/Volumes/main/default/v/big.bin", local, true);
    assertThat(fake.calls("/api/2.0/fs/files/Volumes/main/default/v/big.bin")).hasSize(1);
    assertThat(fake.calls("/api/2.0/fs/files/Volumes/main/default/v/big.bin").get(0).query())
        .isEqualTo("overwrite=true");

    fake.respond("GET /api/2.0/fs/files/Volumes/main/default/v/small.csv", "a,b");
    java.nio.file.Path target = dir.resolve("small.csv");
    assertThat(client.getFilesClient().download("/Volumes/main/default/v/small.csv", target))
        .isEqualTo(3);
    assertThat(java.nio.file.Files.readString(target)).isEqualTo("a,b");
  }

  @Test
  void filesApiUploadsDownloadsAndListsVolumes() {
    fake.respond(
        "GET /api/2.0/fs/directories/Volumes/main/default/v/dir",
        "{\"contents\":[{\"path\":\"/Volumes/main/default/v/dir/a b.csv\",\"name\":\"a b.csv\",\"is_directory\":false}]}");
    FilesClient files = client.getFilesClient();
    files.createDirectory("/Volumes/main/default/v/dir");
    files.upload(
        "/Volumes/main/default/v/dir/a b.csv", "x,y\n".getBytes(StandardCharsets.UTF_8), true);
    assertThat(files.listDirectory("/Volumes/main/default/v/dir").stream().map(e -> e.name()))
        .containsExactly("a b.csv");
    files.deleteFile("/Volumes/main/default/v/dir/a b.csv");

    assertThat(fake.calls())
        .extracting(c -> c.method() + " " + c.path())
        .contains(
            "PUT /api/2.0/fs/directories/Volumes/main/default/v/dir",
            "PUT /api/2.0/fs/files/Volumes/main/default/v/dir/a%20b.csv",
            "DELETE /api/2.0/fs/files/Volumes/main/default/v/dir/a%20b.csv");
    assertThat(fake.calls("/api/2.0/fs/files/Volumes/main/default/v/dir/a%20b.csv").get(0).body())
        .isEqualTo("x,y\n");
    assertThatThrownBy(() -> files.upload("dbfs:/x", new byte[0], true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/Volumes/");
  }

  @Test
  void errorCodesBecomeTypedExceptions() {
    assertThatThrownBy(() -> client.getJobsClient().getRun(999))
        .isInstanceOf(DatabricksResourceNotFoundException.class)
        .hasMessageContaining(
            "GET /api/2.2/jobs/runs/get failed with 400 INVALID_PARAMETER_VALUE: Run 999 does not exist");
    assertThatThrownBy(() -> client.getDbfsClient().read("/missing", 0, 10))
        .isInstanceOf(DatabricksResourceNotFoundException.class)
        .satisfies(
            e ->
                assertThat(((DatabricksException) e).getErrorCode())
                    .contains("RESOURCE_DOES_NOT_EXIST"));
    client.getSecretsClient().createScope("dup", null);
    assertThatThrownBy(() -> client.getSecretsClient().createScope("dup", null))
        .isInstanceOf(DatabricksResourceAlreadyExistsException.class);
    DatabricksClient wrongToken =
        new DatabricksClientBuilder()
            .endpoint(server.url("/").toString())
            .token("dapi00000000000000000000000000000000")
            .environment(Map.of())
            .buildClient();
    assertThatThrownBy(() -> wrongToken.getClustersClient().getCluster("c"))
        .isInstanceOf(DatabricksPermissionDeniedException.class)
        .hasMessageNotContaining("dapi00000000000000000000000000000000");
  }
}
