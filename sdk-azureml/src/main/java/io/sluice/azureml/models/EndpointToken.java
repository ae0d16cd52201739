package io.sluice.azureml.models;

import io.sluice.core.model.Secret;
import java.time.Instant;

/**
 * A short-lived token for an online endpoint with {@code AMLToken} authentication.
 *
 * @param accessToken the token; never printed
 * @param expiresAt when it stops working
 * @param refreshAfter when a new one should be asked for
 */
public record EndpointToken(Secret accessToken, Instant expiresAt, Instant refreshAfter) {}
