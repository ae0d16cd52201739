package io.sluice.databricks.models;

/**
 * A workspace object.
 *
 * @param path its path
 * @param objectType NOTEBOOK, DIRECTORY, FILE, LIBRARY, REPO or DASHBOARD
 * @param language a notebook's language
 * @param objectId its id
 * @param size a file's size in bytes
 */
public record ObjectInfo(
    String path, String objectType, Language language, Long objectId, Long size) {}
