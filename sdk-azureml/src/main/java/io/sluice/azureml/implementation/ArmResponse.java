package io.sluice.azureml.implementation;

import com.azure.core.http.HttpHeaders;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One ARM response, already read.
 *
 * @param statusCode the HTTP status
 * @param headers the response headers
 * @param body the JSON body, or a missing node when empty
 */
public record ArmResponse(int statusCode, HttpHeaders headers, JsonNode body) {}
