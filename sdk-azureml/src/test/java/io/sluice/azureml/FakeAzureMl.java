package io.sluice.azureml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A stateful stand-in for the Azure ML workspace API, for {@link ArmMock}: datastores, code and
 * environment versions are kept; a job PUT under a new name creates it (one that exists is
 * answered as it is, as ARM answers an unchanged PUT), and jobs move Queued → Running →
 * Completed (or Failed) as time passes, or Canceled after a cancel; a job keeps the behaviour
 * scripted for its step when it was created (fail, or run until canceled), and run history
 * reports a job as a run, with the error it failed with. Faults: a share of calls
 * answered 429 (with Retry-After) or 503 before being applied, and the connection dropped after
 * the first job PUT was applied.
 */
public final class FakeAzureMl extends Dispatcher {
  /** A request as received, for assertions. */
  public record Call(String method, String path, String body, int status) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WORKSPACE_PATH = ArmMock.WS;
  private static final String RUN_HISTORY_PATH = "/history/v1.0" + WORKSPACE_PATH + "/runs/";

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, JsonNode> resources = new ConcurrentHashMap<>();
  private final Map<String, FakeJob> jobs = new ConcurrentHashMap<>();
  private final Set<String> failing = ConcurrentHashMap.newKeySet();
  private final Map<String, String> failures = new ConcurrentHashMap<>();
  private final Set<String> hanging = ConcurrentHashMap.newKeySet();
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
    failing.add(step);
    return this;
  }

  /** Makes jobs created from now on for this step (their display name) fail with this error. */
  public FakeAzureMl failStep(String step, String error) {
    failures.put(step, error);
    return this;
  }

  /** Makes jobs created from now on for this step run until they are canceled. */
  public FakeAzureMl hangStep(String step) {
    hanging.add(step);
    return this;
  }

  /** Makes jobs created from now on for this step, failing or hanging until now, complete. */
  public FakeAzureMl succeedStep(String step) {
    failing.remove(step);
    failures.remove(step);
    hanging.remove(step);
    return this;
  }

  /** Answers 429 or 503 to this share of calls; optionally drops the answer to the first job PUT. */
  public FakeAzureMl faults(double rate, boolean resetFirstJobPut) {
    this.faultRate = rate;
    this.resetFirstJobPut = resetFirstJobPut;
    return this;
  }

  /** @return every call received */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** @return the calls of one method to paths below the workspace that start with a prefix */
  public List<Call> calls(String method, String prefix) {
    return calls.stream().filter(c -> c.method().equals(method) && c.path().startsWith(prefix)).toList();
  }

  /** @return how many distinct jobs were created */
  public int jobsCreated() {
    return jobs.size();
  }

  /** @return the names of the jobs that received a cancel */
  public Set<String> canceledJobs() {
    Set<String> names = ConcurrentHashMap.newKeySet();
    jobs.forEach((name, job) -> {
      if (job.canceled) {
        names.add(name);
      }
    });
    return names;
  }

  /**
   * The body of every job of a step (its display name) that has started running by now, oldest
   * first.
   *
   * @param step the step's name
   * @return the bodies the jobs were created with
   */
  public List<JsonNode> startedJobs(String step) {
    long now = System.currentTimeMillis();
    return jobs.values().stream()
        .filter(j -> j.body.path("properties").path("displayName").asText().equals(step))
        .filter(j -> j.created + queuedMillis <= Math.min(now, j.canceledAt))
        .sorted(java.util.Comparator.comparingLong((FakeJob j) -> j.created))
        .map(j -> j.body)
        .toList();
  }

  /** @return the body a job was created with */
  public JsonNode jobBody(String name) {
    return jobs.get(name).body;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String body = request.getBody().clone().readUtf8(); // a copy: ArmMock checks the request later
    String full = request.getRequestUrl().encodedPath();
    String path = full.startsWith(WORKSPACE_PATH + "/") ? full.substring(WORKSPACE_PATH.length() + 1) : full;
    MockResponse response;
    try {
      response = handle(request.getMethod(), path, body);
    } catch (RuntimeException e) {
      response = error(500, "InternalError", String.valueOf(e));
    }
    int status = response.getSocketPolicy() == SocketPolicy.DISCONNECT_AFTER_REQUEST ? -1
        : Integer.parseInt(response.getStatus().split(" ")[1]);
    calls.add(new Call(request.getMethod(), path, body, status));
    return response;
  }

  private MockResponse handle(String method, String path, String body) {
    synchronized (random) {
      if (faultRate > 0 && random.nextDouble() < faultRate) {
        return random.nextBoolean()
            ? error(429, "TooManyRequests", "Too many requests").setHeader("Retry-After", "1")
            : error(503, "ServiceUnavailable", "The service is busy");
      }
    }
    if (path.startsWith(RUN_HISTORY_PATH) && !path.substring(RUN_HISTORY_PATH.length()).contains("/")) {
      return run(path.substring(RUN_HISTORY_PATH.length()));
    }
    if (path.startsWith("jobs/")) {
      return job(method, path.substring("jobs/".length()), body);
    }
    if (method.equals("POST") && path.endsWith("/startPendingUpload")) {
      return ok(200, "{\"blobReferenceForConsumption\":{\"blobUri\":\"https://wsstore.blob.core.windows.net/code/"
          + path.hashCode() + "\",\"credential\":{\"credentialType\":\"SAS\",\"sasUri\":"
          + "\"https://wsstore.blob.core.windows.net/code/" + path.hashCode() + "?sv=2024&sig=fake\"}}}");
    }
    if (method.equals("GET")) {
      JsonNode resource = resources.get(path);
      return resource == null ? error(404, "UserError", "Not found: " + path) : ok(200, resource.toString());
    }
    if (method.equals("PUT")) {
      ObjectNode resource = (ObjectNode) read(body);
      resource.put("id", WORKSPACE_PATH + "/" + path).put("name", path.substring(path.lastIndexOf('/') + 1));
      resources.put(path, resource);
      return ok(201, resource.toString());
    }
    return ok(200, "{}");
  }

  private MockResponse job(String method, String rest, String body) {
    String name = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    FakeJob job = jobs.get(name);
    if (method.equals("POST") && rest.endsWith("/cancel")) {
      if (job == null) {
        return error(404, "UserError", "Job " + name + " not found");
      }
      job.cancel();
      return new MockResponse().setResponseCode(202);
    }
    if (method.equals("PUT")) {
      FakeJob created = jobs.computeIfAbsent(name, n -> new FakeJob(n, read(body), System.currentTimeMillis()));
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

  /** A job as Azure ML run history reports it: a run, with the error it failed with. */
  private MockResponse run(String name) {
    FakeJob job = jobs.get(name);
    if (job == null) {
      return error(404, "UserError", "Run " + name + " not found");
    }
    String status = job.status();
    ObjectNode run = JSON.createObjectNode().put("runId", name).put("status", status)
        .put("displayName", job.body.path("properties").path("displayName").asText());
    if (status.equals("Failed")) {
      run.putObject("error").putObject("error").put("code", "UserError")
          .put("message", job.failure == null ? "Execution failed" : job.failure);
    }
    return ok(200, run.toString());
  }

  private final class FakeJob {
    final String name;
    final JsonNode body;
    final long created;
    final String failure;
    final boolean hang;
    volatile boolean canceled;
    volatile long canceledAt = Long.MAX_VALUE;

    FakeJob(String name, JsonNode body, long created) {
      this.name = name;
      this.body = body;
      this.created = created;
      String step = body.path("properties").path("displayName").asText();
      this.failure = failures.get(step);
      this.hang = hanging.contains(step);
    }

    void cancel() {
      if (!canceled) {
        canceledAt = System.currentTimeMillis();
        canceled = true;
      }
    }

    String status() {
      long age = System.currentTimeMillis() - created;
      if (canceled) {
        return "Canceled";
      }
      if (age < queuedMillis) {
        return "Queued";
      }
      if (hang || age < queuedMillis + runningMillis) {
        return "Running";
      }
      return failure != null || failing.contains(body.path("properties").path("displayName").asText()) ? "Failed" : "Completed";
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
      throw new IllegalArgumentException("not JSON: " + body.substring(0, Math.min(80, body.length())), e);
    }
  }

  private static MockResponse ok(int status, String json) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(json);
  }

  private static MockResponse error(int status, String code, String message) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
        .setBody("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'") + "\"}}");
  }
}
