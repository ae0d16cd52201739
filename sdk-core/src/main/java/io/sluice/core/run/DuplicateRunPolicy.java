package io.sluice.core.run;

/** What to do when a run is submitted with the id of a run that already exists. */
public enum DuplicateRunPolicy {
  /** Refuse the submission. */
  REJECT,
  /** Go on with the existing run: completed steps are kept, the rest run. */
  RESUME,
  /** Start the run again only if the existing one failed or was canceled; else refuse. */
  ALLOW_IF_FAILED
}
