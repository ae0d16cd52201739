package io.sluice.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * An in-process Databricks workspace for tests: Jobs runs that move PENDING → RUNNING → TERMINATED
 * with result states as time passes, submissions deduplicated by idempotency token as Databricks
 * does, repairs of ended runs ({@code runs/repair}), DBFS streams, workspace objects, secrets, and
 * canned answers for the rest. Faults: a share of calls answered 429 (with Retry-After) or 503
 * before being applied, and a connection dropped after the first {@code runs/submit} was applied.
 */
public final class FakeDatabricks extends Dispatcher {
  /** A request as received, for assertions; {@code atMillis} is when it arrived. */
  public record Call(
      String method, String path, String query, String body, long atMillis, int status) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String token;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Long> runsByToken = new ConcurrentHashMap<>();
  private final Map<Long, FakeRun> runs = new ConcurrentHashMap<>();
  // The run each task run belongs to.
  private final Map<Long, Long> taskRuns = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(1000);
  private final Map<String, byte[]> dbfs = new ConcurrentHashMap<>();
  private final Map<Long, ByteArrayOutputStream> handles = new ConcurrentHashMap<>();
  private final Map<String, byte[]> workspace = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>();
  private final Map<String, String> canned = new ConcurrentHashMap<>();
  private final Map<Long, JsonNode> jobs = new ConcurrentHashMap<>();
  private final Map<String, String> failingTasks = new ConcurrentHashMap<>();
  private final Set<String> hangingTasks = ConcurrentHashMap.newKeySet();
  private final Map<String, String> exitValues = new ConcurrentHashMap<>();
  private volatile long pendingMillis = 300;
  private volatile long runningMillis = 700;
  private volatile double faultRate;
  private volatile boolean resetFirstSubmit;
  private final Random random = new Random(42);

  /**
   * Creates the fake.
   *
   * @param token the only bearer token it accepts
   */
  public FakeDatabricks(String token) {
    this.token = token;
  }

  /** Makes a task fail with this error. */
  public FakeDatabricks failTask(String taskKey, String error) {
    failingTasks.put(taskKey, error);
    return this;
  }

  /** Makes a task run until its run is canceled. */
  public FakeDatabricks hangTask(String taskKey) {
    hangingTasks.add(taskKey);
    return this;
  }

  /**
   * Makes a task, failing or hanging until now, complete in runs submitted or repaired from now on.
   */
  public FakeDatabricks succeedTask(String taskKey) {
    failingTasks.remove(taskKey);
    hangingTasks.remove(taskKey);
    return this;
  }

  /** Sets the value a notebook task passes to {@code dbutils.notebook.exit}. */
  public FakeDatabricks exitValue(String taskKey, String value) {
    exitValues.put(taskKey, value);
    return this;
  }

  /** Answers 429 or 503 to this share of calls, and drops the connection after the first submit. */
  public FakeDatabricks faults(double rate, boolean resetFirstSubmit) {
    this.faultRate = rate;
    this.resetFirstSubmit = resetFirstSubmit;
    return this;
  }

  /** Sets how long runs stay pending and running. */
  public FakeDatabricks timing(long pending, long running) {
    this.pendingMillis = pending;
    this.runningMillis = running;
    return this;
  }

  /** Answers {@code METHOD path} with this JSON body. */
  public FakeDatabricks respond(String methodAndPath, String json) {
    canned.put(methodAndPath, json);
    return this;
  }

  /** Returns every call received. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Returns the calls to one path. */
  public List<Call> calls(String path) {
    return calls.stream().filter(c -> c.path().equals(path)).toList();
  }

  /** Returns how many distinct runs were started. */
  public int runsStarted() {
    return runs.size();
  }

  /**
   * The task as submitted, once for every time it has started by now: in every run, oldest first,
   * and again in every repair of a run that ran it again.
   *
   * @param taskKey the task's key
   * @return the submitted task specs
   */
  public List<JsonNode> startedTasks(String taskKey) {
    long now = System.currentTimeMillis();
    return runs.values().stream()
        .sorted(java.util.Comparator.comparingLong(r -> r.runId))
        .flatMap(r -> r.started(taskKey, now).stream())
        .toList();
  }

  /** Returns the text of every DBFS file and workspace object, as uploaded. */
  public String storedText() {
    StringBuilder text = new StringBuilder();
    dbfs.values().forEach(b -> text.append(new String(b, StandardCharsets.UTF_8)).append('\n'));
    workspace
        .values()
        .forEach(b -> text.append(new String(b, StandardCharsets.UTF_8)).append('\n'));
    return text.toString();
  }

  /** Returns a DBFS file's bytes. */
  public byte[] dbfsFile(String path) {
    return dbfs.get(path);
  }

  /** Returns the workspace paths that hold objects. */
  public Set<String> workspacePaths() {
    return Collections.unmodifiableSet(workspace.keySet());
  }

  /** Returns a secret's value. */
  public String secret(String scope, String key) {
    return secrets.getOrDefault(scope, Map.of()).get(key);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    // On arrival: handling time varies from call to call and would blur the spacing of calls.
    long arrived = System.currentTimeMillis();
    String body = request.getBody().readUtf8();
    String path = request.getRequestUrl().encodedPath();
    String query = request.getRequestUrl().encodedQuery();
    MockResponse response;
    try {
      response = handle(request, path, body);
    } catch (RuntimeException e) {
      response = error(500, "INTERNAL_ERROR", String.valueOf(e));
    }
    int status =
        response.getSocketPolicy() == SocketPolicy.DISCONNECT_AFTER_REQUEST
            ? -1
            : Integer.parseInt(response.getStatus().split(" ", -1)[1]);
    calls.add(new Call(request.getMethod(), path, query, body, arrived, status));
    return response;
  }

  private MockResponse handle(RecordedRequest request, String path, String body) {
    if (!("Bearer " + token).equals(request.getHeader("Authorization"))) {
      return error(403, "PERMISSION_DENIED", "Invalid access token.");
    }
    synchronized (random) {
      if (faultRate > 0 && random.nextDouble() < faultRate) {
        return random.nextBoolean()
            ? error(429, "REQUEST_LIMIT_EXCEEDED", "Too many requests")
                .setHeader("Retry-After", "1")
            : error(503, "TEMPORARILY_UNAVAILABLE", "The service is busy");
      }
    }
    String type = request.getHeader("Content-Type");
    JsonNode json =
        body.isEmpty() || type == null || !type.contains("json")
            ? JSON.createObjectNode()
            : read(body);
    String method = request.getMethod();
    var url = request.getRequestUrl();
    if (canned.containsKey(method + " " + path)) {
      return ok(canned.get(method + " " + path));
    }
    switch (method + " " + path) {
      case "POST /api/2.2/jobs/runs/submit" -> {
        return submit(
            json.path("run_name").asText("fake"),
            json.path("tasks"),
            json.path("idempotency_token").asText(null));
      }
      case "POST /api/2.2/jobs/create" -> {
        long jobId = ids.incrementAndGet();
        jobs.put(jobId, json);
        return ok("{\"job_id\":" + jobId + "}");
      }
      case "POST /api/2.2/jobs/run-now" -> {
        return submit(
            jobs.get(json.path("job_id").asLong()).path("name").asText("fake"),
            jobs.get(json.path("job_id").asLong()).path("tasks"),
            json.path("idempotency_token").asText(null));
      }
      case "GET /api/2.2/jobs/runs/list" -> {
        ObjectNode list = JSON.createObjectNode().put("has_more", false);
        ArrayNode newestFirst = list.putArray("runs");
        runs.keySet().stream()
            .sorted(java.util.Comparator.reverseOrder())
            .forEach(id -> newestFirst.add(runs.get(id).json(false)));
        return ok(list.toString());
      }
      case "GET /api/2.2/jobs/runs/get" -> {
        return getRun(
            Long.parseLong(url.queryParameter("run_id")),
            Boolean.parseBoolean(url.queryParameter("include_history")));
      }
      case "GET /api/2.2/jobs/runs/get-output" -> {
        return getOutput(Long.parseLong(url.queryParameter("run_id")));
      }
      case "POST /api/2.2/jobs/runs/repair" -> {
        FakeRun run = runs.get(json.path("run_id").asLong());
        return run == null
            ? error(
                400,
                "INVALID_PARAMETER_VALUE",
                "Run " + json.path("run_id").asLong() + " does not exist.")
            : run.repair(json);
      }
      case "POST /api/2.2/jobs/runs/cancel" -> {
        FakeRun run = runs.get(json.path("run_id").asLong());
        if (run != null) {
          run.cancel();
        }
        return ok("{}");
      }
      case "POST /api/2.0/dbfs/create" -> {
        long handle = ids.incrementAndGet();
        handles.put(handle, new ByteArrayOutputStream());
        handlePaths.put(handle, json.path("path").asText());
        return ok("{\"handle\":" + handle + "}");
      }
      case "POST /api/2.0/dbfs/add-block" -> {
        byte[] data = Base64.getDecoder().decode(json.path("data").asText());
        if (data.length > 1024 * 1024) {
          return error(400, "MAX_BLOCK_SIZE_EXCEEDED", "block too large");
        }
        handles.get(json.path("handle").asLong()).writeBytes(data);
        return ok("{}");
      }
      case "POST /api/2.0/dbfs/close" -> {
        long handle = json.path("handle").asLong();
        dbfs.put(handlePaths.remove(handle), handles.remove(handle).toByteArray());
        return ok("{}");
      }
      case "POST /api/2.0/dbfs/put" -> {
        dbfs.put(
            json.path("path").asText(), Base64.getDecoder().decode(json.path("contents").asText()));
        return ok("{}");
      }
      case "GET /api/2.0/dbfs/read" -> {
        return readDbfs(
            url.queryParameter("path"),
            Long.parseLong(url.queryParameter("offset")),
            Integer.parseInt(url.queryParameter("length")));
      }
      case "GET /api/2.0/workspace/get-status" -> {
        String p = url.queryParameter("path");
        boolean folder = workspace.keySet().stream().anyMatch(k -> k.startsWith(p + "/"));
        if (!workspace.containsKey(p) && !folder) {
          return error(404, "RESOURCE_DOES_NOT_EXIST", "Path (" + p + ") doesn't exist.");
        }
        return ok(
            "{\"path\":\"" + p + "\",\"object_type\":\"" + (folder ? "DIRECTORY" : "FILE") + "\"}");
      }
      case "POST /api/2.0/workspace/import" -> {
        workspace.put(
            json.path("path").asText(), Base64.getDecoder().decode(json.path("content").asText()));
        return ok("{}");
      }
      case "GET /api/2.0/workspace/export" -> {
        byte[] content = workspace.get(url.queryParameter("path"));
        return content == null
            ? error(404, "RESOURCE_DOES_NOT_EXIST", "missing")
            : ok("{\"content\":\"" + Base64.getEncoder().encodeToString(content) + "\"}");
      }
      case "POST /api/2.0/secrets/scopes/create" -> {
        String scope = json.path("scope").asText();
        if (secrets.putIfAbsent(scope, new ConcurrentHashMap<>()) != null) {
          return error(400, "RESOURCE_ALREADY_EXISTS", "Scope " + scope + " already exists!");
        }
        return ok("{}");
      }
      case "POST /api/2.0/secrets/put" -> {
        secrets
            .computeIfAbsent(json.path("scope").asText(), k -> new ConcurrentHashMap<>())
            .put(json.path("key").asText(), json.path("string_value").asText());
        return ok("{}");
      }
      default -> {
        return ok("{}");
      }
    }
  }

  private final Map<Long, String> handlePaths = new ConcurrentHashMap<>();

  private MockResponse submit(String name, JsonNode taskList, String idempotency) {
    Long existing = idempotency == null ? null : runsByToken.get(idempotency);
    long runId;
    if (existing != null) {
      runId = existing;
    } else {
      runId = ids.incrementAndGet();
      FakeRun run = new FakeRun(runId, name, System.currentTimeMillis());
      for (JsonNode task : taskList) {
        run.tasks.put(task.path("task_key").asText(), newTask(runId, task, run.created));
      }
      run.history.add(
          new HistoryItem(
              null,
              "ORIGINAL",
              run.created,
              run.tasks.values().stream().map(FakeTask::runId).toList()));
      runs.put(runId, run);
      if (idempotency != null) {
        runsByToken.put(idempotency, runId);
      }
    }
    MockResponse response = ok("{\"run_id\":" + runId + "}");
    if (resetFirstSubmit) {
      resetFirstSubmit = false;
      // Applied, then the answer is lost: the client cannot know the run started.
      return response.setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
    }
    return response;
  }

  /** A task run of a run, queued at a time, with the behaviour scripted for its key now. */
  private FakeTask newTask(long runId, JsonNode spec, long queuedAt) {
    List<String> deps = new ArrayList<>();
    spec.path("depends_on").forEach(d -> deps.add(d.path("task_key").asText()));
    long taskRunId = ids.incrementAndGet();
    String key = spec.path("task_key").asText();
    taskRuns.put(taskRunId, runId);
    return new FakeTask(
        taskRunId,
        key,
        deps,
        spec.has("notebook_task"),
        failingTasks.get(key),
        hangingTasks.contains(key),
        spec,
        queuedAt);
  }

  private MockResponse getRun(long runId, boolean includeHistory) {
    FakeRun run = runs.get(runId);
    if (run == null) {
      return error(400, "INVALID_PARAMETER_VALUE", "Run " + runId + " does not exist.");
    }
    return ok(run.json(includeHistory).toString());
  }

  private MockResponse getOutput(long taskRunId) {
    if (runs.containsKey(taskRunId)) {
      return error(
          400,
          "INVALID_PARAMETER_VALUE",
          "Retrieving the output of runs with multiple tasks is not supported."
              + " Please retrieve the output of each individual task run instead.");
    }
    Long owner = taskRuns.get(taskRunId);
    if (owner == null) {
      return error(400, "INVALID_PARAMETER_VALUE", "Run " + taskRunId + " does not exist.");
    }
    FakeRun.Attempt attempt = runs.get(owner).attempt(taskRunId);
    FakeTask task = attempt.task();
    String result =
        attempt.plan().end() <= System.currentTimeMillis() ? attempt.plan().result() : null;
    ObjectNode out = JSON.createObjectNode();
    if ("FAILED".equals(result)) {
      out.put("error", task.failure());
      out.put("error_trace", "Traceback (most recent call last):\n  " + task.failure());
    } else if ("SUCCESS".equals(result) && task.notebook() && exitValues.containsKey(task.key())) {
      out.putObject("notebook_output")
          .put("result", exitValues.get(task.key()))
          .put("truncated", false);
    }
    return ok(out.toString());
  }

  private MockResponse readDbfs(String path, long offset, int length) {
    byte[] file = dbfs.get(path);
    if (file == null) {
      return error(
          404, "RESOURCE_DOES_NOT_EXIST", "No file or directory exists on path " + path + ".");
    }
    if (length > 1024 * 1024) {
      return error(400, "MAX_READ_SIZE_EXCEEDED", "length too large");
    }
    int from = (int) Math.min(offset, file.length);
    int to = Math.min(file.length, from + length);
    byte[] slice = java.util.Arrays.copyOfRange(file, from, to);
    return ok(
        "{\"bytes_read\":"
            + slice.length
            + ",\"data\":\""
            + Base64.getEncoder().encodeToString(slice)
            + "\"}");
  }

  /**
   * A multi-task run on a timeline, as Databricks runs one: the run is pending for a while, then
   * each task starts when the tasks it depends on have succeeded and runs for the running time; a
   * task whose upstream did not succeed ends {@code UPSTREAM_FAILED} when that upstream ends; a
   * hanging task runs until the run is canceled, and a cancel ends every task not yet ended.
   *
   * <p>A repair of the ended run starts new task runs for the tasks it names, with the behaviour
   * scripted at that moment, on the same timeline from the repair on; the other tasks keep how they
   * ended. The run shows each task's latest task run, and with {@code include_history} the original
   * attempt and each repair.
   */
  private final class FakeRun {
    final long runId;
    final String name;
    final long created;
    // The latest task run of each task.
    final Map<String, FakeTask> tasks = new LinkedHashMap<>();
    // How the tasks the latest repair did not name ended.
    final Map<String, Plan> kept = new LinkedHashMap<>();
    // The task runs a repair replaced, with how they ended.
    final List<Attempt> replaced = new ArrayList<>();
    final List<HistoryItem> history = new ArrayList<>();
    long attemptStart;
    long canceledAt = Long.MAX_VALUE;
    boolean canceled;

    FakeRun(long runId, String name, long created) {
      this.runId = runId;
      this.name = name;
      this.created = created;
      this.attemptStart = created;
    }

    /** A task run and how it goes. */
    record Attempt(FakeTask task, Plan plan) {}

    private Plan plan(String key, Map<String, Plan> plans) {
      Plan known = plans.get(key);
      if (known != null) {
        return known;
      }
      if (kept.containsKey(key)) {
        plans.put(key, kept.get(key));
        return kept.get(key);
      }
      FakeTask task = tasks.get(key);
      long start = task.queuedAt() + pendingMillis;
      long upstreamFailedAt = Long.MAX_VALUE;
      for (String dep : task.deps()) {
        Plan upstream = plan(dep, plans);
        if (upstream.result.equals("SUCCESS")) {
          start = Math.max(start, upstream.end);
        } else {
          upstreamFailedAt = Math.min(upstreamFailedAt, upstream.end);
        }
      }
      Plan plan;
      if (upstreamFailedAt != Long.MAX_VALUE) {
        // An upstream kept from before a repair ended earlier: the task ends once queued.
        plan =
            new Plan(
                Long.MAX_VALUE, Math.max(upstreamFailedAt, task.queuedAt()), "UPSTREAM_FAILED");
      } else if (task.hang()) {
        plan = new Plan(start, Long.MAX_VALUE, "CANCELED");
      } else {
        plan =
            new Plan(start, start + runningMillis, task.failure() == null ? "SUCCESS" : "FAILED");
      }
      if (plan.end > canceledAt) {
        plan = new Plan(plan.start, canceledAt, "CANCELED");
      }
      plans.put(key, plan);
      return plan;
    }

    private Map<String, Plan> plans() {
      Map<String, Plan> plans = new LinkedHashMap<>();
      tasks.keySet().forEach(k -> plan(k, plans));
      return plans;
    }

    private long end(Map<String, Plan> plans) {
      return plans.values().stream().mapToLong(Plan::end).max().orElse(created + pendingMillis);
    }

    synchronized void cancel() {
      if (canceledAt == Long.MAX_VALUE) {
        canceledAt = Math.max(System.currentTimeMillis(), created);
        canceled = true;
      }
    }

    /** The task run with this id, current or replaced by a repair. */
    synchronized Attempt attempt(long taskRunId) {
      Map<String, Plan> plans = plans();
      return tasks.values().stream()
          .filter(t -> t.runId() == taskRunId)
          .findFirst()
          .map(t -> new Attempt(t, plans.get(t.key())))
          .orElseGet(
              () ->
                  replaced.stream()
                      .filter(a -> a.task().runId() == taskRunId)
                      .findFirst()
                      .orElseThrow());
    }

    /** The spec of every task run of this task that has started by then, oldest first. */
    synchronized List<JsonNode> started(String key, long now) {
      List<JsonNode> specs = new ArrayList<>();
      replaced.stream()
          .filter(a -> a.task().key().equals(key) && a.plan().start <= now)
          .forEach(a -> specs.add(a.task().spec()));
      if (tasks.containsKey(key) && plans().get(key).start <= now) {
        specs.add(tasks.get(key).spec());
      }
      return specs;
    }

    /**
     * Repairs the run as {@code runs/repair} does: only an ended run, naming the latest repair
     * after the first, rerunning either the named tasks or every task that did not succeed, and
     * with {@code rerun_dependent_tasks} the tasks downstream of those too.
     */
    synchronized MockResponse repair(JsonNode request) {
      long now = System.currentTimeMillis();
      Map<String, Plan> plans = plans();
      if (end(plans) > now) {
        return error(
            400,
            "INVALID_STATE",
            "Run " + runId + " is still active; only a run that ended can be repaired.");
      }
      Long latest = history.get(history.size() - 1).id();
      Long named =
          request.hasNonNull("latest_repair_id") ? request.path("latest_repair_id").asLong() : null;
      if (!java.util.Objects.equals(latest, named)) {
        return error(
            400,
            "INVALID_PARAMETER_VALUE",
            latest == null
                ? "Run " + runId + " has not been repaired; leave out latest_repair_id."
                : "The latest repair ID needs to be provided in order to create a new repair");
      }
      Set<String> rerun = new java.util.LinkedHashSet<>();
      request.path("rerun_tasks").forEach(t -> rerun.add(t.asText()));
      boolean allFailed = request.path("rerun_all_failed_tasks").asBoolean(false);
      if (allFailed == !rerun.isEmpty()) {
        return error(
            400,
            "INVALID_PARAMETER_VALUE",
            "Exactly one of rerun_tasks or rerun_all_failed_tasks is needed.");
      }
      for (String key : rerun) {
        if (!tasks.containsKey(key)) {
          return error(
              400,
              "INVALID_PARAMETER_VALUE",
              "Task " + key + " is not a task of run " + runId + ".");
        }
      }
      if (allFailed) {
        plans.forEach(
            (key, plan) -> {
              if (!plan.result.equals("SUCCESS")) {
                rerun.add(key);
              }
            });
      }
      if (request.path("rerun_dependent_tasks").asBoolean(false)) {
        for (boolean grew = true; grew; ) {
          grew = false;
          for (FakeTask task : tasks.values()) {
            grew |= task.deps().stream().anyMatch(rerun::contains) && rerun.add(task.key());
          }
        }
      }
      kept.clear();
      List<Long> taskRunIds = new ArrayList<>();
      for (String key : List.copyOf(tasks.keySet())) {
        if (rerun.contains(key)) {
          replaced.add(new Attempt(tasks.get(key), plans.get(key)));
          FakeTask again = newTask(runId, tasks.get(key).spec(), now);
          tasks.put(key, again);
          taskRunIds.add(again.runId());
        } else {
          kept.put(key, plans.get(key));
        }
      }
      attemptStart = now;
      canceledAt = Long.MAX_VALUE;
      canceled = false;
      long repairId = ids.incrementAndGet();
      history.add(new HistoryItem(repairId, "REPAIR", now, taskRunIds));
      return ok("{\"repair_id\":" + repairId + "}");
    }

    synchronized ObjectNode json(boolean includeHistory) {
      long now = System.currentTimeMillis();
      Map<String, Plan> plans = plans();
      long end = end(plans);
      boolean ended = end <= now;
      ObjectNode run = JSON.createObjectNode();
      run.put("run_id", runId)
          .put("run_name", name)
          .put("run_page_url", "https://fake/#job/run/" + runId)
          .put("start_time", created);
      ObjectNode state =
          run.putObject("state")
              .put(
                  "life_cycle_state",
                  ended
                      ? "TERMINATED"
                      : now < attemptStart + pendingMillis ? "PENDING" : "RUNNING");
      boolean anyFailed = false;
      ArrayNode taskArray = run.putArray("tasks");
      for (Map.Entry<String, FakeTask> e : tasks.entrySet()) {
        Plan plan = plans.get(e.getKey());
        ObjectNode task = taskArray.addObject();
        task.put("run_id", e.getValue().runId())
            .put("task_key", e.getKey())
            .put("attempt_number", 0);
        if (plan.start <= now) {
          task.put("start_time", plan.start);
        }
        ObjectNode taskState = task.putObject("state");
        if (plan.end <= now) {
          anyFailed |= !plan.result.equals("SUCCESS");
          taskState
              .put("life_cycle_state", "TERMINATED")
              .put("result_state", plan.result)
              .put(
                  "state_message",
                  plan.result.equals("FAILED")
                      ? "Workload failed, see run output for details"
                      : "");
          task.put("end_time", plan.end);
        } else {
          taskState.put(
              "life_cycle_state",
              plan.start <= now
                  ? "RUNNING"
                  : now < e.getValue().queuedAt() + pendingMillis ? "PENDING" : "BLOCKED");
        }
      }
      if (ended) {
        state
            .put("result_state", canceled ? "CANCELED" : anyFailed ? "FAILED" : "SUCCESS")
            .put("state_message", anyFailed ? "Workload failed" : "");
        run.put("end_time", end);
      }
      if (includeHistory) {
        ArrayNode items = run.putArray("repair_history");
        for (HistoryItem item : history) {
          ObjectNode json =
              items.addObject().put("type", item.type()).put("start_time", item.startTime());
          if (item.id() != null) {
            json.put("id", item.id());
          }
          item.taskRunIds().forEach(json.putArray("task_run_ids")::add);
        }
      }
      return run;
    }
  }

  /** When a task starts (MAX_VALUE: never), ends (MAX_VALUE: not yet known) and how. */
  private record Plan(long start, long end, String result) {}

  /** A task run as submitted or repaired, with the behaviour scripted for it at that moment. */
  private record FakeTask(
      long runId,
      String key,
      List<String> deps,
      boolean notebook,
      String failure,
      boolean hang,
      JsonNode spec,
      long queuedAt) {}

  /** An item of a run's repair history: the original attempt (no id) or a repair. */
  private record HistoryItem(Long id, String type, long startTime, List<Long> taskRunIds) {}

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(
          "not JSON: " + body.substring(0, Math.min(80, body.length())), e);
    }
  }

  private static MockResponse ok(String json) {
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "application/json")
        .setBody(json);
  }

  private static MockResponse error(int status, String code, String message) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"error_code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'") + "\"}");
  }
}
