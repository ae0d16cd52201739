/**
 * The rules every transport applies the same way, each coded once: parameter typing, override
 * checks and rendering ({@link io.sluice.core.semantics.RunParameters}); how a step receives its
 * arguments, widgets and environment variables ({@link io.sluice.core.semantics.StepArguments});
 * where intermediate data lives ({@link io.sluice.core.semantics.DataPaths}); what a duplicate run
 * id means ({@link io.sluice.core.semantics.DuplicateRuns}); remote task keys and job names ({@link
 * io.sluice.core.semantics.RemoteNames}); and when a step may be reused, with the reason it runs
 * again ({@link io.sluice.core.semantics.ReuseKeys}).
 *
 * <p>A transport author calls these functions rather than re-implementing them, so that a pipeline
 * gives its steps the same values on this machine, on Databricks and on Azure ML. They work on
 * definition types only and do no I/O: where a rule depends on the platform (the location of a
 * datastore path on a compute), the transport passes a {@link
 * io.sluice.core.semantics.DataLocationResolver}.
 */
package io.sluice.core.semantics;
