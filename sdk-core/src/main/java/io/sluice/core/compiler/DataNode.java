package io.sluice.core.compiler;

import io.sluice.core.model.PipelineData;
import java.util.List;

/**
 * A PipelineData with the step that writes it (and that step's rank) and the steps that read it, in
 * the order they are visited.
 */
record DataNode(PipelineData data, String producer, int producerRank, List<String> consumers) {}
