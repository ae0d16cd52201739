package io.sluice.azureml.models;

import io.sluice.core.model.Secret;

/**
 * The keys of an online endpoint with key authentication; never printed.
 *
 * @param primaryKey the primary key
 * @param secondaryKey the secondary key
 */
public record EndpointKeys(Secret primaryKey, Secret secondaryKey) {}
