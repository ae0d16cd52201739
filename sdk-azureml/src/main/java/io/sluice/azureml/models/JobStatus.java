package io.sluice.azureml.models;

import com.azure.core.util.ExpandableStringEnum;
import java.util.Collection;
import java.util.Set;

/** A job's status as Azure ML reports it; an open set, so new service values still parse. */
public final class JobStatus extends ExpandableStringEnum<JobStatus> {
  /** Created, not yet started. */
  public static final JobStatus NOT_STARTED = fromString("NotStarted");

  /** Waiting for compute. */
  public static final JobStatus QUEUED = fromString("Queued");

  /** Preparing the environment. */
  public static final JobStatus PREPARING = fromString("Preparing");

  /** Compute is being provisioned. */
  public static final JobStatus PROVISIONING = fromString("Provisioning");

  /** Starting. */
  public static final JobStatus STARTING = fromString("Starting");

  /** Running. */
  public static final JobStatus RUNNING = fromString("Running");

  /** Uploading outputs. */
  public static final JobStatus FINALIZING = fromString("Finalizing");

  /** A cancel was asked for and is under way. */
  public static final JobStatus CANCEL_REQUESTED = fromString("CancelRequested");

  /** Ended successfully. */
  public static final JobStatus COMPLETED = fromString("Completed");

  /** Ended with an error. */
  public static final JobStatus FAILED = fromString("Failed");

  /** Canceled. */
  public static final JobStatus CANCELED = fromString("Canceled");

  /** The compute stopped answering. */
  public static final JobStatus NOT_RESPONDING = fromString("NotResponding");

  /** Paused. */
  public static final JobStatus PAUSED = fromString("Paused");

  /** Unknown to the service. */
  public static final JobStatus UNKNOWN = fromString("Unknown");

  private static final Set<JobStatus> TERMINAL = Set.of(COMPLETED, FAILED, CANCELED);

  /**
   * Creates an instance; use {@link #fromString(String)}.
   *
   * @deprecated use {@link #fromString(String)}
   */
  @Deprecated
  public JobStatus() {}

  /**
   * The status with a name.
   *
   * @param name the service's name, e.g. {@code Running}
   * @return the status
   */
  public static JobStatus fromString(String name) {
    return fromString(name, JobStatus.class);
  }

  /** Returns every known status. */
  public static Collection<JobStatus> values() {
    return values(JobStatus.class);
  }

  /** Returns true for {@code Completed}, {@code Failed} and {@code Canceled}. */
  public boolean isTerminal() {
    return TERMINAL.contains(this);
  }
}
