package io.sluice.azureml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A stateful stand-in for the Azure ML workspace API, for {@link ArmMock}: datastores, code and
 * environment versions are kept; a job PUT under a new name creates it (one that exists is answered
 * as it is, as ARM answers an unchanged PUT), and command jobs move Queued → Running → Completed
 * (or Failed) as time passes, or Canceled after a cancel that came before their end. A pipeline job
 * runs its nodes as child jobs on a timeline ({@link FakePipelineJob}), listed by run history. Each
 * job keeps the behaviour scripted for its step (by display name, or node name in a pipeline job)
 * when it was submitted; run history reports a command job as a run, with the error it failed with;
 * a pipeline job's node reuses a node that completed unchanged in an earlier one. Code snapshots go
 * to an in-memory {@link #uploader()}. Faults: a share of calls answered 429 (with Retry-After) or
 * 503 before being applied, and the connection dropped after the first job PUT was applied.
 */
public final class FakeAzureMl extends Dispatcher {
  /**
   * A request as received, for assertions.
   *
   * @param path below the workspace for ARM calls, else the whole path (a blob's URL for an upload)
   * @param query the encoded query, or null
   */
  public record Call(String method, String path, String body, int status, String query) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WORKSPACE_PATH = ArmMock.WS;
  private static final String RUN_HISTORY_PATH = "/history/v1.0" + WORKSPACE_PATH + "/runs/";
  private static final String OPERATION_RESULTS = "/mfeOperationResults/";

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, JsonNode> resources = new ConcurrentHashMap<>();
  private final Map<String, FakeJob> jobs = new ConcurrentHashMap<>();
  private final Map<String, String> failures = new ConcurrentHashMap<>();
  private final Set<String> hanging = ConcurrentHashMap.newKeySet();
  private final AtomicLong submissions = new AtomicLong();
  private final Random random = new Random(7);
  private volatile long queuedMillis = 200;
  private volatile long runningMillis = 600;
  private volatile double faultRate;
  private volatile boolean resetFirstJobPut;

  /** Sets how long jobs stay queued and running. */
  public FakeAzureMl timing(long queued, long running) {
    this.queuedMillis = queued;
    this.runningMillis = running;
    return this;
  }

  /** Makes jobs whose display name is this step fail. */
  public FakeAzureMl failStep(String step) {
    return failStep(step, "step " + step + " failed");
  }

  /** Makes the jobs of this step submitted from now on fail with this error. */
  public FakeAzureMl failStep(String step, String message) {
    failures.put(step, message);
    hanging.remove(step);
    return this;
  }

  /** Makes the jobs of this step submitted from now on run until they are canceled. */
  public FakeAzureMl hangStep(String step) {
    failures.remove(step);
    hanging.add(step);
    return this;
  }

  /** Makes the jobs of this step submitted from now on complete. */
  public FakeAzureMl succeedStep(String step) {
    failures.remove(step);
    hanging.remove(step);
    return this;
  }

  /**
   * The pipeline jobs, oldest first, in which a node's child job has started running by now.
   *
   * @param node the node's name
   * @return the bodies those pipeline jobs were submitted with
   */
  public List<JsonNode> pipelineJobsStarting(String node) {
    return jobs.values().stream()
        .filter(j -> j.pipeline != null && j.pipeline.started(node))
        .sorted(Comparator.comparingLong(j -> j.sequence))
        .map(j -> j.body)
        .toList();
  }

  /**
   * A blob uploader that sends nothing: each file is recorded as a {@code PUT} of its blob URL
   * (without the SAS query), with its content as the body.
   *
   * @return the uploader, for {@link AzureMlClientBuilder#snapshotUploader}
   */
  public SnapshotUploader uploader() {
    return (folder, files, sha256) -> {
      files.forEach(
          (relative, file) -> {
            try {
              calls.add(
                  new Call(
                      "PUT",
                      folder.containerUrl() + "/" + folder.prefix() + "/" + relative,
                      Files.readString(file),
                      201,
                      null));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      return List.copyOf(files.keySet());
    };
  }

  /**
   * Answers 429 or 503 to this share of calls; optionally drops the answer to the first job PUT.
   */
  public FakeAzureMl faults(double rate, boolean resetFirstJobPut) {
    this.faultRate = rate;
    this.resetFirstJobPut = resetFirstJobPut;
    return this;
  }

  /** Returns every call received. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Returns the calls of one method to paths below the workspace that start with a prefix. */
  public List<Call> calls(String method, String prefix) {
    return calls.stream()
        .filter(c -> c.method().equals(method) && c.path().startsWith(prefix))
        .toList();
  }

  /** Returns how many distinct jobs were created. */
  public int jobsCreated() {
    return jobs.size();
  }

  /** Returns the names of the jobs a cancel ended. */
  public Set<String> canceledJobs() {
    Set<String> names = ConcurrentHashMap.newKeySet();
    jobs.forEach(
        (name, job) -> {
          if (job.canceled()) {
            names.add(name);
          }
        });
    return names;
  }

  /**
   * The body of every command job of a step (its display name) that has started running by now,
   * oldest first.
   *
   * @param step the step's name
   * @return the bodies the jobs were created with
   */
  public List<JsonNode> startedJobs(String step) {
    long now = System.currentTimeMillis();
    return jobs.values().stream()
        .filter(
            j ->
                j.pipeline == null
                    && j.body.path("properties").path("displayName").asText().equals(step))
        .filter(j -> j.created + queuedMillis <= Math.min(now, j.canceledAt))
        .sorted(Comparator.comparingLong(j -> j.sequence))
        .map(j -> j.body)
        .toList();
  }

  /** Returns the body a job was created with. */
  public JsonNode jobBody(String name) {
    return jobs.get(name).body;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String body = request.getBody().clone().readUtf8(); // a copy: ArmMock checks the request later
    String full = request.getRequestUrl().encodedPath();
    String path =
        full.startsWith(WORKSPACE_PATH + "/") ? full.substring(WORKSPACE_PATH.length() + 1) : full;
    MockResponse response;
    try {
      String base =
          request.getRequestUrl().newBuilder().encodedPath("/").query(null).build().toString();
      response = handle(request.getMethod(), path, body, base.substring(0, base.length() - 1));
    } catch (RuntimeException e) {
      response = error(500, "InternalError", String.valueOf(e));
    }
    int status =
        response.getSocketPolicy() == SocketPolicy.DISCONNECT_AFTER_REQUEST
            ? -1
            : Integer.parseInt(response.getStatus().split(" ", -1)[1]);
    calls.add(
        new Call(request.getMethod(), path, body, status, request.getRequestUrl().encodedQuery()));
    return response;
  }

  /**
   * @param base the server's URL, without a trailing slash, for the URLs of its answers
   */
  private MockResponse handle(String method, String path, String body, String base) {
    synchronized (random) {
      if (faultRate > 0 && random.nextDouble() < faultRate) {
        return random.nextBoolean()
            ? error(429, "TooManyRequests", "Too many requests").setHeader("Retry-After", "1")
            : error(503, "ServiceUnavailable", "The service is busy");
      }
    }
    if (path.startsWith("jobs/")) {
      return job(method, path.substring("jobs/".length()), body, base);
    }
    if (method.equals("GET") && path.startsWith(OPERATION_RESULTS)) {
      return ok(200, "{}"); // a cancel is done when it is accepted
    }
    if (method.equals("GET")
        && path.startsWith(RUN_HISTORY_PATH)
        && !path.substring(RUN_HISTORY_PATH.length()).contains("/")) {
      return run(path.substring(RUN_HISTORY_PATH.length()));
    }
    if (method.equals("GET") && path.startsWith(RUN_HISTORY_PATH) && path.endsWith("/children")) {
      String name = path.substring(RUN_HISTORY_PATH.length(), path.length() - "/children".length());
      FakeJob job = jobs.get(name);
      return job == null || job.pipeline == null
          ? error(404, "UserError", "Run " + name + " not found")
          : ok(200, job.pipeline.children().toString());
    }
    if (method.equals("POST") && path.endsWith("/startPendingUpload")) {
      return ok(
          200,
          "{\"blobReferenceForConsumption\":{\"blobUri\":\"https://wsstore.blob.core.windows.net/code/"
              + path.hashCode()
              + "\",\"credential\":{\"credentialType\":\"SAS\",\"sasUri\":"
              + "\"https://wsstore.blob.core.windows.net/code/"
              + path.hashCode()
              + "?sv=2024&sig=fake\"}}}");
    }
    if (method.equals("GET")) {
      JsonNode resource = resources.get(path);
      return resource == null
          ? error(404, "UserError", "Not found: " + path)
          : ok(200, resource.toString());
    }
    if (method.equals("PUT")) {
      ObjectNode resource = (ObjectNode) read(body);
      resource
          .put("id", WORKSPACE_PATH + "/" + path)
          .put("name", path.substring(path.lastIndexOf('/') + 1));
      resources.put(path, resource);
      return ok(201, resource.toString());
    }
    return ok(200, "{}");
  }

  private MockResponse job(String method, String rest, String body, String base) {
    String name = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    FakeJob job = jobs.get(name);
    if (method.equals("POST") && rest.endsWith("/cancel")) {
      if (job == null) {
        return error(404, "UserError", "Job " + name + " not found");
      }
      job.cancel();
      return new MockResponse()
          .setResponseCode(202)
          .setHeader("Location", base + OPERATION_RESULTS + name)
          .setHeader("Retry-After", "0");
    }
    if (method.equals("PUT")) {
      String problem =
          job != null || !read(body).path("properties").path("jobType").asText().equals("Pipeline")
              ? null
              : FakePipelineJob.problem(read(body));
      if (problem != null) {
        return error(400, "UserError", problem);
      }
      FakeJob created = jobs.computeIfAbsent(name, n -> new FakeJob(n, read(body)));
      MockResponse response = ok(created == job ? 200 : 201, created.json().toString());
      if (resetFirstJobPut) {
        resetFirstJobPut = false;
        return response.setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
      }
      return response;
    }
    if (job == null) {
      return error(404, "UserError", "Job " + name + " not found");
    }
    return ok(200, job.json().toString());
  }

  /** Whether a node with this reuse key has completed in a pipeline job of the workspace. */
  private boolean completedInAPipelineJob(String reuseKey) {
    return jobs.values().stream()
        .anyMatch(j -> j.pipeline != null && j.pipeline.completedReuseKeys().contains(reuseKey));
  }

  /** A job as Azure ML run history reports it: a run, with the error it failed with. */
  private MockResponse run(String name) {
    FakeJob job = jobs.get(name);
    if (job == null) {
      return error(404, "UserError", "Run " + name + " not found");
    }
    String status = job.status();
    ObjectNode run =
        JSON.createObjectNode()
            .put("runId", name)
            .put("status", status)
            .put("displayName", job.body.path("properties").path("displayName").asText());
    if (status.equals("Failed")) {
      run.putObject("error")
          .putObject("error")
          .put("code", "UserError")
          .put("message", job.failure == null ? "Execution failed" : job.failure);
    }
    return ok(200, run.toString());
  }

  /** A job as submitted, with the behaviour scripted for its step at that moment. */
  private final class FakeJob {
    final String name;
    final JsonNode body;
    final long created = System.currentTimeMillis();
    final long sequence = submissions.incrementAndGet();
    final String failure;
    final boolean hang;
    final FakePipelineJob pipeline;
    volatile boolean canceled;
    volatile long canceledAt = Long.MAX_VALUE;

    FakeJob(String name, JsonNode body) {
      this.name = name;
      this.body = body;
      String step = body.path("properties").path("displayName").asText();
      this.failure = failures.get(step);
      this.hang = hanging.contains(step);
      this.pipeline =
          body.path("properties").path("jobType").asText().equals("Pipeline")
              ? new FakePipelineJob(
                  name,
                  body,
                  created,
                  queuedMillis,
                  runningMillis,
                  failures::get,
                  hanging::contains,
                  FakeAzureMl.this::completedInAPipelineJob)
              : null;
    }

    boolean canceled() {
      return pipeline == null ? canceled : pipeline.status().equals("Canceled");
    }

    /** A cancel that comes after the job ended changes nothing, as on Azure ML. */
    void cancel() {
      if (pipeline != null) {
        pipeline.cancel();
      } else if (!Set.of("Completed", "Failed", "Canceled").contains(status())) {
        canceledAt = System.currentTimeMillis();
        canceled = true;
      }
    }

    String status() {
      if (pipeline != null) {
        return pipeline.status();
      }
      long age = System.currentTimeMillis() - created;
      if (canceled) {
        return "Canceled";
      }
      if (age < queuedMillis) {
        return "Queued";
      }
      if (age < queuedMillis + runningMillis || hang) {
        return "Running";
      }
      return failure != null ? "Failed" : "Completed";
    }

    JsonNode json() {
      ObjectNode job = JSON.createObjectNode();
      job.put("id", WORKSPACE_PATH + "/jobs/" + name).put("name", name);
      ObjectNode properties = ((ObjectNode) body.path("properties")).deepCopy();
      properties.put("status", status());
      job.set("properties", properties);
      return job;
    }
  }

  private static JsonNode read(String body) {
    try {
      return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "not JSON: " + body.substring(0, Math.min(80, body.length())), e);
    }
  }

  private static MockResponse ok(int status, String json) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(json);
  }

  private static MockResponse error(int status, String code, String message) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"error\":{\"code\":\""
                + code
                + "\",\"message\":\""
                + message.replace("\"", "'")
                + "\"}}");
  }
}
