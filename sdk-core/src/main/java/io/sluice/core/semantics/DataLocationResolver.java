package io.sluice.core.semantics;

/**
 * Where a datastore path is as a step's code sees it on its compute, supplied by the transport:
 * {@code wasbs://…}, {@code abfss://…}, {@code dbfs:/…}, {@code /Volumes/…}, {@code
 * azureml://datastores/…/paths/…}, or a folder on this machine for a local datastore.
 */
@FunctionalInterface
public interface DataLocationResolver {
  /**
   * The location of a path on a datastore.
   *
   * @param datastore the datastore's name, as the definition names it
   * @param path the path below the datastore's root
   * @return the location the step's code reads
   */
  String locate(String datastore, String path);
}
