package io.sluice.azureml.models;

import java.util.Map;

/**
 * A managed online endpoint as the workspace reports it.
 *
 * @param id its ARM id
 * @param name its name
 * @param location its region
 * @param authMode {@code Key}, {@code AMLToken} or {@code AADToken}
 * @param provisioningState {@code Creating}, {@code Succeeded}, {@code Failed}, ...
 * @param scoringUri where to send scoring requests
 * @param traffic percentage of traffic per deployment
 */
public record OnlineEndpointInfo(
    String id,
    String name,
    String location,
    String authMode,
    String provisioningState,
    String scoringUri,
    Map<String, Integer> traffic) {}
