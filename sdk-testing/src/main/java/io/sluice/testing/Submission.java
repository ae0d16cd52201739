package io.sluice.testing;

import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.run.RunOptions;

/**
 * One pipeline submitted to a {@link RecordingTransport}: exactly what the transport was given, and
 * the run it played.
 *
 * @param definition the compiled pipeline, as submitted
 * @param options the run options, as submitted
 * @param run the run the transport returned
 */
public record Submission(PipelineDefinition definition, RunOptions options, RecordedRun run) {}
