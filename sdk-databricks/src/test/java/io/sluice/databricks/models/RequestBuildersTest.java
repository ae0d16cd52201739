package io.sluice.databricks.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each builder puts every value in its own component (all values differ, so a swap shows), and
 * {@code toBuilder()} carries every value over.
 */
class RequestBuildersTest {
  private static final ClusterSpec CLUSTER =
      new ClusterSpec(
          "etl",
          "15.4.x-scala2.12",
          "Standard_DS3_v2",
          "Standard_DS4_v2",
          "pool-1",
          2,
          new AutoScale(1, 4),
          Map.of("spark.speculation", "true"),
          Map.of("PYSPARK_PYTHON", "/databricks/python3/bin/python3"),
          List.of(InitScript.of("/Volumes/main/init/setup.sh")),
          ClusterLogConf.of("dbfs:/logs"),
          Map.of("team", "ml"),
          30);

  private static final JobTask TASK =
      new JobTask(
          "train",
          List.of(new TaskDependency("prep")),
          "cluster-1",
          CLUSTER,
          "shared",
          List.of(ClusterLibrary.jar("/Volumes/main/libs/etl.jar")),
          new NotebookTask("/Shared/n", Map.of("input", "dbfs:/in")),
          new SparkPythonTask("/Shared/a.py", List.of("-x")),
          new SparkJarTask("com.example.Main", List.of("--y")),
          new SparkSubmitTask(List.of("--class", "com.example.Main")),
          600,
          3);

  @Test
  void clusterSpecBuilderFillsEachComponent() {
    ClusterSpec built =
        ClusterSpec.builder()
            .clusterName("etl")
            .sparkVersion("15.4.x-scala2.12")
            .nodeTypeId("Standard_DS3_v2")
            .driverNodeTypeId("Standard_DS4_v2")
            .instancePoolId("pool-1")
            .numWorkers(2)
            .autoscale(new AutoScale(1, 4))
            .sparkConf(Map.of("spark.speculation", "true"))
            .sparkEnvVars(Map.of("PYSPARK_PYTHON", "/databricks/python3/bin/python3"))
            .initScripts(List.of(InitScript.of("/Volumes/main/init/setup.sh")))
            .clusterLogConf(ClusterLogConf.of("dbfs:/logs"))
            .customTags(Map.of("team", "ml"))
            .autoterminationMinutes(30)
            .build();

    assertThat(built).isEqualTo(CLUSTER);
    assertThat(CLUSTER.toBuilder().build()).isEqualTo(CLUSTER);
    assertThat(CLUSTER.toBuilder().numWorkers(5).build().numWorkers()).isEqualTo(5);
  }

  @Test
  void jobTaskBuilderFillsEachComponent() {
    JobTask built =
        JobTask.builder()
            .taskKey("train")
            .dependsOn(List.of(new TaskDependency("prep")))
            .existingClusterId("cluster-1")
            .newCluster(CLUSTER)
            .jobClusterKey("shared")
            .libraries(List.of(ClusterLibrary.jar("/Volumes/main/libs/etl.jar")))
            .notebookTask(new NotebookTask("/Shared/n", Map.of("input", "dbfs:/in")))
            .sparkPythonTask(new SparkPythonTask("/Shared/a.py", List.of("-x")))
            .sparkJarTask(new SparkJarTask("com.example.Main", List.of("--y")))
            .sparkSubmitTask(new SparkSubmitTask(List.of("--class", "com.example.Main")))
            .timeoutSeconds(600)
            .maxRetries(3)
            .build();

    assertThat(built).isEqualTo(TASK);
    assertThat(TASK.toBuilder().build()).isEqualTo(TASK);
  }

  @Test
  void anUnsetValueIsLeftOutAsNull() {
    JobTask task = JobTask.builder().taskKey("a").dependsOn(List.of()).build();

    assertThat(task.dependsOn()).isNull();
    assertThat(task.timeoutSeconds()).isNull();
    assertThat(task.maxRetries()).isNull();
  }

  @Test
  void jobSettingsBuilderFillsEachComponentAndMergeKeepsTheRest() {
    JobSettings settings =
        new JobSettings(
            "j",
            List.of(TASK),
            List.of(new JobCluster("shared", CLUSTER)),
            1,
            3600,
            Map.of("team", "ml"));
    JobSettings built =
        JobSettings.builder()
            .name("j")
            .tasks(List.of(TASK))
            .jobClusters(List.of(new JobCluster("shared", CLUSTER)))
            .maxConcurrentRuns(1)
            .timeoutSeconds(3600)
            .tags(Map.of("team", "ml"))
            .build();
    JobTask other = TASK.toBuilder().taskKey("score").build();

    assertThat(built).isEqualTo(settings);
    assertThat(settings.toBuilder().build()).isEqualTo(settings);
    assertThat(settings.merge(JobSettings.builder().tasks(List.of(other)).build()))
        .isEqualTo(settings.toBuilder().tasks(List.of(TASK, other)).build());
  }

  @Test
  void runRequestBuildersFillEachComponent() {
    SubmitRunRequest submit = new SubmitRunRequest("r", List.of(TASK), 7200, "tok");
    RunNowRequest runNow = new RunNowRequest(7, "tok", Map.of("p", "1"), Map.of("w", "2"));

    assertThat(
            SubmitRunRequest.builder()
                .runName("r")
                .tasks(List.of(TASK))
                .timeoutSeconds(7200)
                .idempotencyToken("tok")
                .build())
        .isEqualTo(submit);
    assertThat(submit.toBuilder().build()).isEqualTo(submit);
    assertThat(
            RunNowRequest.builder(7)
                .idempotencyToken("tok")
                .jobParameters(Map.of("p", "1"))
                .notebookParams(Map.of("w", "2"))
                .build())
        .isEqualTo(runNow);
    assertThat(runNow.toBuilder().build()).isEqualTo(runNow);
    assertThat(
            RepairRunRequest.builder(8)
                .rerunTasks(List.of("a"))
                .rerunAllFailedTasks(false)
                .rerunDependentTasks(true)
                .latestRepairId(9L)
                .build())
        .isEqualTo(new RepairRunRequest(8, List.of("a"), false, true, 9L));
  }

  @Test
  void eachLibraryFactorySetsOnlyItsKind() {
    assertThat(ClusterLibrary.jar("a.jar"))
        .isEqualTo(new ClusterLibrary("a.jar", null, null, null, null, null, null));
    assertThat(ClusterLibrary.whl("a.whl"))
        .isEqualTo(new ClusterLibrary(null, "a.whl", null, null, null, null, null));
    assertThat(ClusterLibrary.egg("a.egg"))
        .isEqualTo(new ClusterLibrary(null, null, "a.egg", null, null, null, null));
    assertThat(ClusterLibrary.requirements("r.txt"))
        .isEqualTo(new ClusterLibrary(null, null, null, "r.txt", null, null, null));
    PyPiLibrary pypi = new PyPiLibrary("pandas==2.2.3", null);
    assertThat(ClusterLibrary.pypi(pypi))
        .isEqualTo(new ClusterLibrary(null, null, null, null, pypi, null, null));
    MavenLibrary maven = new MavenLibrary("g:a:1", null, List.of());
    assertThat(ClusterLibrary.maven(maven))
        .isEqualTo(new ClusterLibrary(null, null, null, null, null, maven, null));
    CranLibrary cran = new CranLibrary("forecast", null);
    assertThat(ClusterLibrary.cran(cran))
        .isEqualTo(new ClusterLibrary(null, null, null, null, null, null, cran));
  }
}
