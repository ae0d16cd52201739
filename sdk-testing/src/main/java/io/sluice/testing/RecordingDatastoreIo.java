package io.sluice.testing;

import io.sluice.core.definition.DatastoreDefinition;
import io.sluice.core.spi.DatastoreIo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The datastore I/O of a {@link RecordingTransport} run: every datastore, local or remote, is only
 * named, at {@code recording:/<datastore>/<path>}; nothing is read or written there.
 */
final class RecordingDatastoreIo implements DatastoreIo {

  @Override
  public boolean supports(DatastoreDefinition datastore) {
    return true;
  }

  @Override
  public String uri(DatastoreDefinition datastore, String path) {
    return "recording:/" + datastore.name() + "/" + path;
  }

  /** Makes an empty folder where the data would be. */
  @Override
  public void download(
      DatastoreDefinition datastore, String path, Path target, Function<String, String> secrets) {
    try {
      Files.createDirectories(target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void upload(
      Path source, DatastoreDefinition datastore, String path, Function<String, String> secrets) {
    // Nothing is written: the run is recorded, not run.
  }

  /** The same for every path: recorded data never changes. */
  @Override
  public String contentHash(
      DatastoreDefinition datastore, String path, Function<String, String> secrets) {
    return "recorded";
  }
}
