package io.sluice.databricks.transport;

import io.sluice.core.SluiceException;
import io.sluice.core.definition.DataDefinition;
import io.sluice.core.definition.DataPathDefinition;
import io.sluice.core.definition.DatastoreDefinition;
import io.sluice.core.definition.InputDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.semantics.DataPaths;
import java.util.Map;
import java.util.Optional;

/**
 * Where data lives as a cluster sees it: a datastore path becomes a {@code wasbs://}, {@code
 * abfss://}, {@code dbfs:/} or {@code /Volumes/...} location, and intermediate data goes to {@code
 * <root>/sluice/runs/<runId>/<step>/<output>}, the root being the transport's {@code dataRoot} or
 * else the data's datastore.
 */
final class DataLocations {
  private final PipelineDefinition definition;
  private final String runId;
  private final Optional<String> dataRoot;
  private final Map<String, String> inputUris;
  private final Map<String, String> dataUris;

  DataLocations(PipelineDefinition definition, String runId, Optional<String> dataRoot) {
    this(definition, runId, dataRoot, Map.of(), Map.of());
  }

  /**
   * @param inputUris locations already chosen for inputs, by input name (an orchestrator's)
   * @param dataUris locations already chosen for intermediate data, by data name
   */
  DataLocations(
      PipelineDefinition definition,
      String runId,
      Optional<String> dataRoot,
      Map<String, String> inputUris,
      Map<String, String> dataUris) {
    this.definition = definition;
    this.runId = runId;
    this.dataRoot = dataRoot;
    this.inputUris = Map.copyOf(inputUris);
    this.dataUris = Map.copyOf(dataUris);
  }

  /** The location of intermediate data. */
  String data(String dataName) {
    if (dataUris.containsKey(dataName)) {
      return dataUris.get(dataName);
    }
    DataDefinition data =
        definition
            .data(dataName)
            .orElseThrow(
                () ->
                    new SluiceException(
                        "Data '"
                            + dataName
                            + "' is not in the definition; compile the pipeline again"));
    String relative = DataPaths.output(runId, data);
    return dataRoot
        .map(root -> root + "/" + relative)
        .orElseGet(() -> onDatastore(data.datastore(), relative));
  }

  /**
   * The location an input reads: intermediate data, a datastore path, or a dataset's first path.
   */
  String input(InputDefinition input) {
    if (inputUris.containsKey(input.name())) {
      return inputUris.get(input.name());
    }
    if (input.data() != null) {
      return data(input.data());
    }
    DataPathDefinition path = input.path() != null ? input.path() : input.dataset().paths().get(0);
    return onDatastore(path.datastore(), path.path());
  }

  /**
   * A path on a named datastore; the {@link io.sluice.core.semantics.DataLocationResolver} of this
   * transport.
   */
  String onDatastore(String datastoreName, String path) {
    DatastoreDefinition datastore =
        definition
            .datastore(datastoreName)
            .orElseThrow(
                () ->
                    new SluiceException(
                        "Datastore '"
                            + datastoreName
                            + "' is not in the definition; compile the pipeline again"));
    String clean = path.startsWith("/") ? path.substring(1) : path;
    return root(datastore) + (clean.isEmpty() ? "" : "/" + clean);
  }

  static String root(DatastoreDefinition datastore) {
    if (datastore instanceof DatastoreDefinition.AzureBlob blob) {
      return "wasbs://"
          + blob.containerName()
          + "@"
          + blob.accountName()
          + ".blob."
          + blob.endpointSuffix();
    }
    if (datastore instanceof DatastoreDefinition.AdlsGen2 adls) {
      return "abfss://"
          + adls.fileSystem()
          + "@"
          + adls.accountName()
          + ".dfs."
          + adls.endpointSuffix();
    }
    if (datastore instanceof DatastoreDefinition.Dbfs) {
      return "dbfs:";
    }
    if (datastore instanceof DatastoreDefinition.UnityCatalogVolume volume) {
      return volume.root();
    }
    DatastoreDefinition.Local local = (DatastoreDefinition.Local) datastore;
    throw new SluiceException(
        "Datastore '"
            + local.name()
            + "' is a local folder, which a Databricks cluster cannot"
            + " read; put the data on a blob, ADLS Gen2, DBFS or volume datastore, or set the transport's dataRoot"
            + " for intermediate data");
  }
}
