package io.sluice.azureml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pipeline job on a timeline, as Azure ML runs one: a node's child job is created once every node
 * whose output it binds ({@code ${{parent.jobs.<node>.outputs.<name>}}}) has completed (Azure ML v2
 * knows no other ordering), is queued for a while, then runs for the running time. A node whose
 * upstream did not complete never gets a child job. A failed child ends the pipeline job at once,
 * canceling the children still active, unless {@code settings.continue_on_step_failure} is true;
 * then the nodes that do not depend on it go on. A hanging child runs until the pipeline job is
 * canceled; a cancel ends every active child and creates no more.
 *
 * <p>Reuse, as Azure ML v2 does it for a node whose component is deterministic (the default): a
 * node whose command, code, environment, settings and inputs equal those of a node that completed
 * in an earlier pipeline job, and whose upstream nodes were all reused, completes at once without
 * running, its child job marked {@code azureml.isreused}. A bound input counts by what it is bound
 * to: a pipeline input by its value, an upstream output by that node's identity. The pipeline job's
 * {@code settings.force_rerun} turns reuse off.
 */
final class FakePipelineJob {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern UPSTREAM =
      Pattern.compile("\\$\\{\\{parent\\.jobs\\.([^.}]+)\\.outputs\\.([^.}]+)}}");
  private static final Pattern PARENT_INPUT =
      Pattern.compile("\\$\\{\\{parent\\.inputs\\.([^.}]+)}}");
  private static final Pattern OWN_PORT = Pattern.compile("\\$\\{\\{(inputs|outputs)\\.([^.}]+)}}");
  private static final long NEVER = Long.MAX_VALUE;

  /**
   * A node as submitted, with the behaviour scripted for it at that moment.
   *
   * @param failure the error it fails with, or null
   * @param hang whether it runs until canceled
   */
  record Node(
      String name,
      String childRunId,
      Set<String> upstream,
      String failure,
      boolean hang,
      String reuseKey,
      boolean reused) {}

  /** When a node's child job is created, starts and ends (NEVER: not), and how it ends. */
  private record Plan(long created, long start, long end, String result, boolean reused) {
    Plan(long created, long start, long end, String result) {
      this(created, start, end, result, false);
    }
  }

  private final JsonNode body;
  private final long submitted;
  private final long queuedMillis;
  private final long runningMillis;
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private volatile long canceledAt = NEVER;

  /**
   * A pipeline job as submitted.
   *
   * @param name the job's name
   * @param body the request body
   * @param failures the error scripted now for a node name, or null
   * @param hangs whether a node name is scripted to hang now
   * @param completedBefore whether a node with this reuse key completed in an earlier pipeline job
   */
  FakePipelineJob(
      String name,
      JsonNode body,
      long submitted,
      long queuedMillis,
      long runningMillis,
      Function<String, String> failures,
      Predicate<String> hangs,
      Predicate<String> completedBefore) {
    this.body = body;
    this.submitted = submitted;
    this.queuedMillis = queuedMillis;
    this.runningMillis = runningMillis;
    JsonNode pipeline = body.path("properties");
    boolean forceRerun = pipeline.path("settings").path("force_rerun").asBoolean(false);
    pipeline
        .path("jobs")
        .fieldNames()
        .forEachRemaining(
            node ->
                node(
                    name,
                    node,
                    pipeline,
                    failures,
                    hangs,
                    forceRerun ? key -> false : completedBefore));
  }

  /** Adds a node, after the nodes it binds, with its reuse key. */
  private Node node(
      String name,
      String node,
      JsonNode pipeline,
      Function<String, String> failures,
      Predicate<String> hangs,
      Predicate<String> completedBefore) {
    Node known = nodes.get(node);
    if (known != null) {
      return known;
    }
    ObjectNode identity = pipeline.path("jobs").path(node).deepCopy();
    identity.remove("displayName");
    Set<String> upstream = new LinkedHashSet<>();
    boolean upstreamReused = true;
    for (Map.Entry<String, JsonNode> input : identity.path("inputs").properties()) {
      String value = input.getValue().path("value").asText();
      Matcher bound = UPSTREAM.matcher(value);
      Matcher parent = PARENT_INPUT.matcher(value);
      if (bound.find()) {
        Node before = node(name, bound.group(1), pipeline, failures, hangs, completedBefore);
        upstream.add(before.name());
        upstreamReused &= before.reused();
        ((ObjectNode) input.getValue()).put("value", before.reuseKey() + "." + bound.group(2));
      } else if (parent.find()) {
        ((ObjectNode) input.getValue())
            .set("value", pipeline.path("inputs").path(parent.group(1)).path("value"));
      }
    }
    String key = identity.toString();
    Node created =
        new Node(
            node,
            name + "_" + node,
            upstream,
            failures.apply(node),
            hangs.test(node),
            key,
            upstreamReused && completedBefore.test(key));
    nodes.put(node, created);
    return created;
  }

  /** Returns the reuse keys of the nodes that have completed by now, having run or been reused. */
  Set<String> completedReuseKeys() {
    long now = System.currentTimeMillis();
    Map<String, Plan> plans = plans();
    Set<String> keys = new LinkedHashSet<>();
    nodes
        .values()
        .forEach(
            node -> {
              Plan plan = plans.get(node.name());
              if (plan.result.equals("Completed") && plan.end <= now) {
                keys.add(node.reuseKey());
              }
            });
    return keys;
  }

  /**
   * What Azure ML refuses in a pipeline job at submission: a binding to a node, output or pipeline
   * input that does not exist, a command placeholder naming no port of its node, a cycle.
   *
   * @param body the request body
   * @return the problem, or null when there is none
   */
  static String problem(JsonNode body) {
    JsonNode pipeline = body.path("properties");
    JsonNode jobs = pipeline.path("jobs");
    Map<String, Set<String>> upstream = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> node : jobs.properties()) {
      Set<String> producers = new LinkedHashSet<>();
      upstream.put(node.getKey(), producers);
      for (JsonNode input : node.getValue().path("inputs")) {
        String value = input.path("value").asText();
        Matcher bound = UPSTREAM.matcher(value);
        Matcher parent = PARENT_INPUT.matcher(value);
        if (bound.find()) {
          if (jobs.path(bound.group(1)).path("outputs").path(bound.group(2)).isMissingNode()) {
            return "Node '"
                + node.getKey()
                + "' binds "
                + value
                + ", which no node of the pipeline job outputs";
          }
          producers.add(bound.group(1));
        } else if (parent.find() && pipeline.path("inputs").path(parent.group(1)).isMissingNode()) {
          return "Node '"
              + node.getKey()
              + "' binds "
              + value
              + ", which is not an input of the pipeline job";
        }
      }
      Matcher port = OWN_PORT.matcher(node.getValue().path("command").asText());
      while (port.find()) {
        if (node.getValue().path(port.group(1)).path(port.group(2)).isMissingNode()) {
          return "Node '"
              + node.getKey()
              + "': the command's "
              + port.group()
              + " names no "
              + port.group(1)
              + " of the node";
        }
      }
    }
    for (String node : upstream.keySet()) {
      if (reaches(node, node, upstream, new LinkedHashSet<>())) {
        return "The pipeline job's graph has a cycle through node '" + node + "'";
      }
    }
    return null;
  }

  private static boolean reaches(
      String from, String target, Map<String, Set<String>> upstream, Set<String> seen) {
    for (String next : upstream.getOrDefault(from, Set.of())) {
      if (next.equals(target) || (seen.add(next) && reaches(next, target, upstream, seen))) {
        return true;
      }
    }
    return false;
  }

  /** Returns the body the job was submitted with. */
  JsonNode body() {
    return body;
  }

  /**
   * Returns whether the node's child job has started running its command by now (a reused one never
   * does).
   */
  boolean started(String node) {
    if (!nodes.containsKey(node)) {
      return false;
    }
    Plan plan = plans().get(node);
    return !plan.reused && plan.start <= System.currentTimeMillis();
  }

  /** Cancels the job, unless it has ended. */
  void cancel() {
    long now = System.currentTimeMillis();
    if (canceledAt == NEVER && end(plans()) > now) {
      canceledAt = now;
    }
  }

  /** Returns the pipeline job's status now. */
  String status() {
    long now = System.currentTimeMillis();
    Map<String, Plan> plans = plans();
    if (end(plans) > now) {
      return now < submitted + queuedMillis ? "NotStarted" : "Running";
    }
    if (canceledAt != NEVER) {
      return "Canceled";
    }
    return plans.values().stream().anyMatch(p -> p.result.equals("Failed"))
        ? "Failed"
        : "Completed";
  }

  /** Returns the child jobs created by now, as run history lists them. */
  ObjectNode children() {
    long now = System.currentTimeMillis();
    Map<String, Plan> plans = plans();
    ObjectNode list = JSON.createObjectNode();
    ArrayNode value = list.putArray("value");
    nodes
        .values()
        .forEach(
            node -> {
              Plan plan = plans.get(node.name());
              if (plan.created > now) {
                return;
              }
              ObjectNode run =
                  value
                      .addObject()
                      .put("runId", node.childRunId())
                      .put("displayName", node.name())
                      .put("runType", "azureml.StepRun")
                      .put(
                          "status",
                          plan.end <= now ? plan.result : plan.start <= now ? "Running" : "Queued");
              if (plan.start <= now) {
                run.put("startTimeUtc", Instant.ofEpochMilli(plan.start).toString());
              }
              if (plan.end <= now) {
                run.put("endTimeUtc", Instant.ofEpochMilli(plan.end).toString());
                if (plan.result.equals("Failed")) {
                  run.putObject("error")
                      .putObject("error")
                      .put("code", "UserError")
                      .put("message", node.failure());
                }
              }
              run.putObject("properties")
                  .put("azureml.nodeid", node.name())
                  .put("azureml.isreused", String.valueOf(plan.reused));
            });
    return list;
  }

  private Map<String, Plan> plans() {
    Map<String, Plan> natural = new LinkedHashMap<>();
    nodes.keySet().forEach(n -> natural(n, natural));
    long stop = canceledAt;
    if (!body.path("properties")
        .path("settings")
        .path("continue_on_step_failure")
        .asBoolean(false)) {
      for (Plan plan : natural.values()) {
        if (plan.result.equals("Failed")) {
          stop = Math.min(stop, plan.end);
        }
      }
    }
    Map<String, Plan> plans = new LinkedHashMap<>();
    for (Map.Entry<String, Plan> e : natural.entrySet()) {
      Plan plan = e.getValue();
      if (plan.created >= stop) {
        plan = new Plan(NEVER, NEVER, NEVER, "NotStarted");
      } else if (plan.end > stop) {
        plan =
            new Plan(
                plan.created,
                plan.start < stop ? plan.start : NEVER,
                stop,
                "Canceled",
                plan.reused);
      }
      plans.put(e.getKey(), plan);
    }
    return plans;
  }

  /** A node's plan as if nothing stopped the pipeline job. */
  private Plan natural(String name, Map<String, Plan> plans) {
    Plan known = plans.get(name);
    if (known != null) {
      return known;
    }
    Node node = nodes.get(name);
    long created = submitted;
    for (String upstream : node.upstream()) {
      Plan before = nodes.containsKey(upstream) ? natural(upstream, plans) : null;
      created =
          before == null || !before.result.equals("Completed")
              ? NEVER
              : Math.max(created, before.end);
    }
    Plan plan;
    if (created == NEVER) {
      plan = new Plan(NEVER, NEVER, NEVER, "NotStarted");
    } else if (node.reused()) {
      plan = new Plan(created, created, created, "Completed", true);
    } else {
      long start = created + queuedMillis;
      plan =
          node.hang()
              ? new Plan(created, start, NEVER, "Canceled")
              : new Plan(
                  created,
                  start,
                  start + runningMillis,
                  node.failure() == null ? "Completed" : "Failed");
    }
    plans.put(name, plan);
    return plan;
  }

  /** When the pipeline job ends: when its last created child does (NEVER: not known yet). */
  private static long end(Map<String, Plan> plans) {
    return plans.values().stream()
        .filter(p -> p.created != NEVER)
        .mapToLong(Plan::end)
        .max()
        .orElse(0);
  }
}
