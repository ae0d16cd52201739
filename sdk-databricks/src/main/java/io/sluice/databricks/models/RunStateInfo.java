package io.sluice.databricks.models;

/**
 * Where a run or task stands.
 *
 * @param lifeCycleState its life-cycle state
 * @param resultState its outcome, once terminated
 * @param stateMessage Databricks' explanation, unstructured
 * @param userCancelledOrTimedout whether a user or a timeout stopped it
 */
public record RunStateInfo(
    RunLifeCycleState lifeCycleState,
    RunResultState resultState,
    String stateMessage,
    Boolean userCancelledOrTimedout) {}
