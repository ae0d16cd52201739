package io.sluice.core.definition;

/**
 * A path on a datastore, by datastore name.
 *
 * @param datastore the datastore's name
 * @param path the path below its root
 */
public record DataPathDefinition(String datastore, String path) {}
