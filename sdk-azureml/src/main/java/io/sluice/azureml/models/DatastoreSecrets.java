package io.sluice.azureml.models;

import io.sluice.core.model.Secret;

/**
 * A datastore's secret as {@code listSecrets} returns it. The value is a {@link Secret}: it never
 * appears in {@link #toString()}, logs or exception messages.
 *
 * @param secretsType {@code AccountKey}, {@code Sas} or {@code ServicePrincipal}
 * @param secret the account key, SAS token or client secret
 */
public record DatastoreSecrets(String secretsType, Secret secret) {}
