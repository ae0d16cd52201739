package io.sluice.core.orchestrator;

/**
 * Where a completed step's output is, and the hash of its content when it was stored.
 *
 * @param datastore the datastore's name
 * @param path the path below the datastore's root
 * @param uri the location as steps see it
 * @param localPath the copy on this machine
 * @param hash the content hash when stored
 */
public record OutputRecord(
    String datastore, String path, String uri, String localPath, String hash) {}
