package io.sluice.core.model;

import io.sluice.core.implementation.ModelChecks;
import io.sluice.core.implementation.SluiceStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Runs a notebook, a Python script or a JAR on Databricks, as Azure ML v1's {@code DatabricksStep},
 * with every v1 parameter and rule:
 *
 * <ul>
 *   <li>exactly one entry point: {@link #notebookPath()}, {@link #pythonScriptPath()}, {@link
 *       #pythonScriptName()} (which needs {@link #sourceDirectory()}) or {@link #mainClassName()};
 *   <li>the cluster ({@link #cluster()}: existing, or new with spark version, node type or pool,
 *       fixed or autoscaling workers, spark conf and environment, init scripts, log path, permit
 *       restart), given on the step, in the {@link #runconfig()}, or by the compute's default
 *       cluster, never in two places;
 *   <li>libraries ({@link #libraries()}) or a run configuration's libraries, not both;
 *   <li>a {@link #computeTarget()} is required.
 * </ul>
 *
 * <p>Notebooks read inputs, outputs and {@link #notebookParams()} as widgets ({@code
 * dbutils.widgets.get("<name>")}); scripts and JARs get {@code -<name> <location>} pairs before
 * their own parameters, as in v1. Parameters keep their types: an Integer {@link PipelineParameter}
 * works in {@link #pythonScriptParams()} (v1 accepted strings only).
 */
@Value.Immutable
@SluiceStyle
public abstract non-sealed class DatabricksStep implements Step {

  /** Returns a notebook: a workspace path, or a path relative to the source directory. */
  public abstract Optional<String> notebookPath();

  /** Returns widget values by name: literals or pipeline parameters. */
  public abstract Map<String, Argument> notebookParams();

  /** Returns a Python script already on DBFS or in the workspace. */
  public abstract Optional<String> pythonScriptPath();

  /** Returns a Python script inside {@link #sourceDirectory()}, uploaded with it. */
  public abstract Optional<String> pythonScriptName();

  /** Returns parameters of the Python script. */
  public abstract List<Argument> pythonScriptParams();

  /** Returns the JAR entry class, with {@link Library.Jar} libraries. */
  public abstract Optional<String> mainClassName();

  /** Returns parameters of the JAR's main class. */
  public abstract List<Argument> jarParams();

  /** Returns the cluster to run on; the compute's default cluster when absent. */
  public abstract Optional<DatabricksCluster> cluster();

  /** Returns libraries to install on the cluster for this step. */
  public abstract List<Library> libraries();

  /** Returns a run configuration holding libraries and a cluster (v1 {@code runconfig}). */
  public abstract Optional<RunConfiguration> runconfig();

  /** Returns the Databricks run name; the step name by default. */
  public abstract Optional<String> runName();

  /** Returns the run's time limit in seconds. */
  public abstract Optional<Integer> timeoutSeconds();

  @Override
  @Value.Default
  public boolean allowReuse() {
    return true;
  }

  @Value.Check
  void check() {
    StepChecks.common(this);
    String owner = StepChecks.owner(this);
    List<String> entryPoints = new ArrayList<>();
    notebookPath().ifPresent(v -> entryPoints.add("notebookPath"));
    pythonScriptPath().ifPresent(v -> entryPoints.add("pythonScriptPath"));
    pythonScriptName().ifPresent(v -> entryPoints.add("pythonScriptName"));
    mainClassName().ifPresent(v -> entryPoints.add("mainClassName"));
    ModelChecks.rule(
        entryPoints.size() == 1,
        owner,
        entryPoints.size() > 1 ? entryPoints.get(1) : "notebookPath",
        "exactly one of notebookPath, pythonScriptPath, pythonScriptName or mainClassName is"
            + " required, got "
            + (entryPoints.isEmpty() ? "none" : String.join(" and ", entryPoints))
            + "; keep the one entry point the step runs");
    ModelChecks.rule(
        pythonScriptName().isEmpty() || sourceDirectory().isPresent(),
        owner,
        "sourceDirectory",
        "pythonScriptName is set but sourceDirectory is missing; set the folder that holds "
            + pythonScriptName().orElse("")
            + ", or use pythonScriptPath for a script already on DBFS");
    ModelChecks.rule(
        notebookParams().isEmpty() || notebookPath().isPresent(),
        owner,
        "notebookParams",
        "notebookParams are set but the step runs no notebook; pass script parameters with"
            + " pythonScriptParams or jarParams");
    ModelChecks.rule(
        pythonScriptParams().isEmpty()
            || pythonScriptPath().isPresent()
            || pythonScriptName().isPresent(),
        owner,
        "pythonScriptParams",
        "pythonScriptParams are set but the step runs no Python script; use notebookParams or"
            + " jarParams");
    ModelChecks.rule(
        jarParams().isEmpty() || mainClassName().isPresent(),
        owner,
        "jarParams",
        "jarParams are set but no mainClassName; set the JAR's main class or drop jarParams");
    notebookParams().keySet().forEach(k -> ModelChecks.notBlank(owner, "notebookParams", k));
    notebookParams()
        .forEach(
            (k, v) ->
                ModelChecks.check(
                    !(v instanceof Argument.Port),
                    owner,
                    "notebookParams",
                    k,
                    "inputs and outputs are widgets already; pass literals or parameters here"));
    ModelChecks.rule(
        computeTarget().isPresent(),
        owner,
        "computeTarget",
        "computeTarget is missing; set a DatabricksCompute (or ComputeTarget.named(name))");
    computeTarget()
        .ifPresent(
            c ->
                ModelChecks.check(
                    c instanceof DatabricksCompute || c instanceof ComputeTarget.Named,
                    owner,
                    "computeTarget",
                    c.name(),
                    "run a DatabricksStep on a DatabricksCompute or a compute named in the"
                        + " workspace"));
    runconfig()
        .ifPresent(
            rc -> {
              ModelChecks.rule(
                  libraries().isEmpty() || rc.databricksLibraries().isEmpty(),
                  owner,
                  "libraries",
                  "libraries are set both on the step and in runconfig; pass runconfig or each"
                      + " library on the step, not both");
              ModelChecks.rule(
                  cluster().isEmpty() || rc.databricksCluster().isEmpty(),
                  owner,
                  "cluster",
                  "a cluster is set both on the step and in runconfig; pass the cluster in"
                      + " runconfig or on the step, not both");
            });
    timeoutSeconds().ifPresent(t -> ModelChecks.atLeast(owner, "timeoutSeconds", t, 1));
    runName().ifPresent(n -> ModelChecks.notBlank(owner, "runName", n));
  }

  /**
   * The cluster the step runs on: its own, its run configuration's, or its compute's default.
   *
   * @return the effective cluster
   */
  public Optional<DatabricksCluster> effectiveCluster() {
    if (cluster().isPresent()) {
      return cluster();
    }
    Optional<DatabricksCluster> fromRunconfig =
        runconfig().flatMap(RunConfiguration::databricksCluster);
    if (fromRunconfig.isPresent()) {
      return fromRunconfig;
    }
    return computeTarget()
        .filter(DatabricksCompute.class::isInstance)
        .flatMap(c -> ((DatabricksCompute) c).defaultCluster());
  }

  /**
   * The libraries the step needs: its own or its run configuration's.
   *
   * @return the libraries
   */
  public List<Library> effectiveLibraries() {
    return libraries().isEmpty()
        ? runconfig().map(RunConfiguration::databricksLibraries).orElse(List.of())
        : libraries();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DatabricksStep}. */
  public static final class Builder extends ImmutableDatabricksStep.Builder
      implements StepBuilder<Builder> {

    /**
     * Sets a widget value.
     *
     * @param widget the widget name
     * @param value a literal or a pipeline parameter
     * @return this builder
     */
    public Builder notebookParam(String widget, Object value) {
      putNotebookParam(widget, Argument.of(value));
      return this;
    }

    /**
     * Adds Python script parameters, turning each value with {@link Argument#of(Object)}.
     *
     * @param values literals, data or parameters
     * @return this builder
     */
    public Builder pythonScriptParams(Object... values) {
      addAllPythonScriptParams(Arrays.stream(values).map(Argument::of).toList());
      return this;
    }

    /**
     * Adds JAR parameters, turning each value with {@link Argument#of(Object)}.
     *
     * @param values literals, data or parameters
     * @return this builder
     */
    public Builder jarParams(Object... values) {
      addAllJarParams(Arrays.stream(values).map(Argument::of).toList());
      return this;
    }
  }
}
