package io.sluice.core.orchestrator;

import io.sluice.core.definition.DataDefinition;
import io.sluice.core.definition.DataPathDefinition;
import io.sluice.core.definition.DatastoreDefinition;
import io.sluice.core.definition.InputDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.implementation.Providers;
import io.sluice.core.local.LocalDatastoreIo;
import io.sluice.core.semantics.DataPaths;
import io.sluice.core.spi.DatastoreIo;
import io.sluice.core.spi.StepLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Puts a run's data in place on this machine: outputs at {@code
 * <datastore>/sluice/runs/<runId>/<step>/<output>} (staged locally and uploaded for remote
 * datastores), inputs read in place from local datastores and downloaded from remote ones. A
 * datastore is read and written in place when its I/O is {@link LocalDatastoreIo}; an orchestrator
 * given another I/O for local datastores stages them as it stages remote ones.
 */
final class DataPlane {
  private final PipelineDefinition definition;
  private final String runId;
  private final Path runDirectory;
  private final List<DatastoreIo> ios;
  private final Function<String, String> secrets;

  DataPlane(
      PipelineDefinition definition,
      String runId,
      Path runDirectory,
      List<DatastoreIo> ios,
      Function<String, String> secrets) {
    this.definition = definition;
    this.runId = runId;
    this.runDirectory = runDirectory;
    this.ios = ios;
    this.secrets = secrets;
  }

  /**
   * Fails early, naming the artifact to add, when a datastore kind has no I/O on the class path.
   */
  static void checkDatastores(PipelineDefinition definition, List<DatastoreIo> ios) {
    definition.datastores().stream()
        .filter(
            d ->
                d instanceof DatastoreDefinition.Local
                    || d instanceof DatastoreDefinition.AzureBlob
                    || d instanceof DatastoreDefinition.AdlsGen2)
        .forEach(d -> io(ios, d));
  }

  /** Where a step writes an output in this run. */
  StepLocation output(String dataName) {
    DataDefinition data = definition.data(dataName).orElseThrow();
    DatastoreDefinition store = datastore(data.datastore());
    String path = DataPaths.output(runId, data);
    if (inPlace(store)) {
      Path local = LocalDatastoreIo.location(store, path);
      return new StepLocation(local, local.toString());
    }
    Path staged = runDirectory.resolve("data").resolve(store.name()).resolve(path);
    return new StepLocation(staged, io(store).uri(store, path));
  }

  /**
   * Records a completed output, uploading it to its remote datastore unless the step wrote it there
   * itself.
   */
  OutputRecord store(String dataName, StepLocation location, boolean upload) {
    DataDefinition data = definition.data(dataName).orElseThrow();
    DatastoreDefinition store = datastore(data.datastore());
    String path = DataPaths.output(runId, data);
    createDirectories(location.localPath());
    if (upload && !inPlace(store)) {
      io(store).upload(location.localPath(), store, path, secrets);
    }
    return new OutputRecord(
        store.name(),
        path,
        location.uri(),
        location.localPath().toString(),
        LocalDatastoreIo.hashTree(location.localPath()));
  }

  /**
   * Where a datastore path is as a step on this machine gets it, the same form as its inputs: a
   * local folder for a datastore read in place, the datastore's URI for a remote one.
   */
  String locate(String datastoreName, String path) {
    DatastoreDefinition store = datastore(datastoreName);
    return inPlace(store)
        ? LocalDatastoreIo.location(store, path).toString()
        : io(store).uri(store, path);
  }

  /** Whether a recorded output still holds what it held when stored. */
  boolean intact(OutputRecord record) {
    Path local = Path.of(record.localPath());
    if (Files.exists(local)) {
      return LocalDatastoreIo.hashTree(local).equals(record.hash());
    }
    return !inPlace(datastore(record.datastore()));
  }

  /** Puts an input in place for a step. */
  StepLocation input(
      InputDefinition input, Map<String, OutputRecord> outputs, Path inputsDirectory) {
    if (input.data() != null) {
      OutputRecord record = outputs.get(input.data());
      Path local = Path.of(record.localPath());
      if (!Files.exists(local)) {
        DatastoreDefinition store = datastore(record.datastore());
        io(store).download(store, record.path(), local, secrets);
      }
      return new StepLocation(local, record.uri());
    }
    DataPathDefinition path = input.path() != null ? input.path() : input.dataset().paths().get(0);
    DatastoreDefinition store = datastore(path.datastore());
    if (inPlace(store)) {
      Path local = LocalDatastoreIo.location(store, path.path());
      return new StepLocation(local, local.toString());
    }
    Path target = inputsDirectory.resolve(input.name());
    List<DataPathDefinition> paths =
        input.path() != null ? List.of(input.path()) : input.dataset().paths();
    for (DataPathDefinition each : paths) {
      DatastoreDefinition eachStore = datastore(each.datastore());
      io(eachStore).download(eachStore, each.path(), target, secrets);
    }
    return new StepLocation(target, io(store).uri(store, path.path()));
  }

  /** The content hash of an input, so that reuse notices changed data. */
  String inputHash(InputDefinition input, Map<String, OutputRecord> outputs) {
    if (input.data() != null) {
      return outputs.get(input.data()).hash();
    }
    List<DataPathDefinition> paths =
        input.path() != null ? List.of(input.path()) : input.dataset().paths();
    StringBuilder hashes = new StringBuilder();
    for (DataPathDefinition path : paths) {
      DatastoreDefinition store = datastore(path.datastore());
      hashes.append(io(store).contentHash(store, path.path(), secrets)).append(';');
    }
    return hashes.toString();
  }

  /** Whether a datastore is a folder on this machine that steps read and write directly. */
  private boolean inPlace(DatastoreDefinition store) {
    return ios.stream()
        .filter(io -> io.supports(store))
        .findFirst()
        .filter(LocalDatastoreIo.class::isInstance)
        .isPresent();
  }

  private DatastoreDefinition datastore(String name) {
    return definition.datastore(name).orElseThrow();
  }

  private DatastoreIo io(DatastoreDefinition store) {
    return io(ios, store);
  }

  private static DatastoreIo io(List<DatastoreIo> ios, DatastoreDefinition store) {
    return ios.stream()
        .filter(io -> io.supports(store))
        .findFirst()
        .orElseThrow(
            () ->
                Providers.notFound(
                    DatastoreIo.class,
                    "datastore I/O for "
                        + store.getClass().getSimpleName().replace("Immutable", ""),
                    store instanceof DatastoreDefinition.AdlsGen2 ? "adls-gen2" : "azure-blob",
                    List.of()));
  }

  private static void createDirectories(Path path) {
    try {
      if (!Files.exists(path)) {
        Files.createDirectories(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
