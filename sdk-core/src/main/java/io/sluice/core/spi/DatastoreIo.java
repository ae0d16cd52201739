package io.sluice.core.spi;

import io.sluice.core.definition.DatastoreDefinition;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Reads and writes one kind of datastore from this machine for the local runner. Found with {@link
 * java.util.ServiceLoader} through {@code META-INF/services/io.sluice.core.spi.DatastoreIo}. For
 * implementors.
 */
public interface DatastoreIo {

  /**
   * Whether this implementation serves a datastore.
   *
   * @param datastore the datastore
   * @return true when it does
   */
  boolean supports(DatastoreDefinition datastore);

  /**
   * A path's URI in the form the datastore's own platform uses, e.g. {@code
   * wasbs://container@account.blob.core.windows.net/path}.
   *
   * @param datastore the datastore
   * @param path the path below its root
   * @return the URI
   */
  String uri(DatastoreDefinition datastore, String path);

  /**
   * Copies everything at or below a path to a local folder (a single blob lands as one file).
   *
   * @param datastore the datastore
   * @param path the path below its root
   * @param target the local folder
   * @param secrets secret values by reference
   */
  void download(
      DatastoreDefinition datastore, String path, Path target, Function<String, String> secrets);

  /**
   * Copies a local folder (or file) to a path, replacing what is there; a failed upload leaves
   * nothing that looks complete.
   *
   * @param source the local folder or file
   * @param datastore the datastore
   * @param path the path below its root
   * @param secrets secret values by reference
   */
  void upload(
      Path source, DatastoreDefinition datastore, String path, Function<String, String> secrets);

  /**
   * A hash of what is at or below a path, cheap to compute (e.g. from names, sizes and content
   * MD5s), so that reuse notices changed input data.
   *
   * @param datastore the datastore
   * @param path the path below its root
   * @param secrets secret values by reference
   * @return the hash
   */
  String contentHash(DatastoreDefinition datastore, String path, Function<String, String> secrets);
}
