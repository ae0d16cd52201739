package io.sluice.azureml;

import static io.sluice.azureml.ArmMock.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.util.polling.LongRunningOperationStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.azureml.models.CommandJob;
import io.sluice.azureml.models.Job;
import io.sluice.azureml.models.JobInput;
import io.sluice.azureml.models.JobOutput;
import io.sluice.azureml.models.JobStatus;
import io.sluice.azureml.models.PipelineJob;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class JobsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static String job(String name, String type, String status) {
    return "{\"id\":\""
        + WS
        + "/jobs/"
        + name
        + "\",\"name\":\""
        + name
        + "\",\"type\":"
        + "\"Microsoft.MachineLearningServices/workspaces/jobs\",\"properties\":{\"jobType\":\""
        + type
        + "\",\"status\":\""
        + status
        + "\",\"displayName\":\""
        + name
        + "\"}}";
  }

  static JsonNode body(RecordedRequest request) throws Exception {
    return JSON.readTree(request.getBody().clone().readUtf8());
  }

  @Test
  void createsCommandJobWithCodeEnvironmentComputeInputsAndOutputs() throws Exception {
    try (ArmMock mock = new ArmMock()) {
      mock.reply(201, job("train-1", "Command", "NotStarted"));
      CommandJob command =
          new CommandJob(
                  "python train.py --data ${{inputs.data}}" + " --out ${{outputs.model}}",
                  WS + "/environments/churn/versions/1")
              .setCodeId(WS + "/codes/churn/versions/abc")
              .setComputeId(WS + "/computes/cpu")
              .setTimeout(Duration.ofHours(1))
              .setExperimentName("churn")
              .addInput(
                  "data",
                  JobInput.uriFile("azureml://datastores/blob/paths/raw/customers.csv")
                      .setMode("ReadOnlyMount"))
              .addInput("n_estimators", JobInput.literal("200"))
              .addOutput(
                  "model",
                  JobOutput.uriFolder("azureml://datastores/blob/paths/out/")
                      .setMode("ReadWriteMount"));
      command.getEnvironmentVariables().put("MODE", "train");

      Job job = mock.client().createOrUpdateJob("train-1", command);

      assertThat(job.status()).isEqualTo(JobStatus.NOT_STARTED);
      RecordedRequest request = mock.take();
      assertThat(request.getMethod()).isEqualTo("PUT");
      assertThat(request.getPath()).isEqualTo(WS + "/jobs/train-1?api-version=2026-07-01");
      JsonNode p = body(request).get("properties");
      assertThat(p.get("jobType").asText()).isEqualTo("Command");
      assertThat(p.get("limits").get("timeout").asText()).isEqualTo("PT1H");
      assertThat(p.get("inputs").get("n_estimators").get("value").asText()).isEqualTo("200");
      assertThat(request.getHeader("Authorization")).isEqualTo("Bearer arm-test-token");
    }
  }

  @Test
  void createsPipelineJobWithTypedChildren() {
    try (ArmMock mock = new ArmMock()) {
      mock.reply(201, job("pipe-1", "Pipeline", "NotStarted"));
      PipelineJob pipeline =
          new PipelineJob()
              .setDisplayName("churn")
              .addInput("n", JobInput.literal("3"))
              .addJob(
                  "a",
                  new CommandJob("python a.py ${{inputs.n}}", "azureml:env:1")
                      .setComputeId(WS + "/computes/cpu")
                      .addInput("n", JobInput.binding("${{parent.inputs.n}}"))
                      .addOutput("out", JobOutput.uriFolder(null)));
      pipeline.getSettings().put("continue_on_step_failure", false);
      assertThat(mock.client().createOrUpdateJob("pipe-1", pipeline).jobType())
          .isEqualTo("Pipeline");
    }
  }

  @Test
  void getsListsAcrossPagesAndMapsErrors() {
    try (ArmMock mock = new ArmMock()) {
      mock.reply(200, job("a", "Command", "Running"));
      mock.reply(
          200,
          "{\"value\":["
              + job("a", "Command", "Running")
              + "],\"nextLink\":\""
              + mock.url()
              + WS
              + "/jobs?api-version=2026-07-01&$skip=1\"}");
      mock.reply(200, "{\"value\":[" + job("b", "Pipeline", "Completed") + "]}");
      mock.reply(404, "{\"error\":{\"code\":\"UserError\",\"message\":\"job nope not found\"}}");
      AzureMlClient client = mock.client();

      assertThat(client.getJob("a").status()).isEqualTo(JobStatus.RUNNING);
      assertThat(client.listJobs().stream().map(Job::name).collect(Collectors.toList()))
          .containsExactly("a", "b");
      assertThatThrownBy(() -> client.getJob("nope"))
          .isInstanceOf(AzureMlResourceNotFoundException.class)
          .hasMessageContaining("jobs/nope")
          .hasMessageContaining("UserError")
          .hasMessageContaining("job nope not found");
    }
  }

  @Test
  void cancelsFollowsAndListsChildren() {
    try (ArmMock mock = new ArmMock()) {
      mock.reply(202, null, "Location", "{server}/operations/cancel-p");
      mock.reply(202, null);
      mock.reply(200, "{}");
      mock.reply(200, job("p", "Pipeline", "Running"));
      mock.reply(200, job("p", "Pipeline", "Completed"));
      mock.reply(
          200,
          "{\"value\":[{\"runId\":\"p_child_1\",\"displayName\":\"train\","
              + "\"status\":\"Completed\",\"startTimeUtc\":\"2026-11-24T10:00:00Z\"}]}");
      AzureMlClient client = mock.client();

      assertThat(client.beginCancelJob("p").waitForCompletion().getStatus())
          .isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
      assertThat(client.beginFollowJob("p").getFinalResult().status())
          .isEqualTo(JobStatus.COMPLETED);
      List<Job> children = client.listChildJobs("p").stream().toList();
      assertThat(children)
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.displayName()).isEqualTo("train");
                assertThat(c.startedAt()).isPresent();
              });
      List<RecordedRequest> requests = mock.all();
      assertThat(requests.get(0).getPath()).isEqualTo(WS + "/jobs/p/cancel?api-version=2026-07-01");
      assertThat(requests.get(5).getPath()).isEqualTo("/history/v1.0" + WS + "/runs/p/children");
    }
  }
}
