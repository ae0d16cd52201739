package io.sluice.core.model;

/** Something a step can consume: data produced by another step, a dataset, or a datastore path. */
public sealed interface InputSource permits PipelineData, Dataset, DataPath {}
