package io.sluice.databricks.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.definition.DataPathDefinition;
import io.sluice.core.definition.DatastoreCredentialDefinition;
import io.sluice.core.definition.DatastoreDefinition;
import io.sluice.core.definition.InputDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.spi.StepContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The secrets a step's code may read with {@code dbutils.secrets.get}: the credentials of the Blob
 * and ADLS datastores it reads or writes, in scope {@value #SCOPE} under {@code <datastore>-key},
 * {@code <datastore>-sas} or {@code <datastore>-client-secret}. They reach the process in a file
 * only its owner can read, deleted when the step ends; never in argv, the environment or a log.
 */
final class StepSecrets {
  static final String SCOPE = "sluice";

  private StepSecrets() {}

  /** The scope's keys and values for the step's datastores. */
  static Map<String, String> of(StepContext context) {
    PipelineDefinition definition = context.definition();
    Map<String, String> keys = new TreeMap<>();
    for (String name : datastores(context.step(), definition)) {
      Optional<DatastoreDefinition> store = definition.datastore(name);
      DatastoreCredentialDefinition credential =
          store
              .filter(DatastoreDefinition.AzureBlob.class::isInstance)
              .map(s -> ((DatastoreDefinition.AzureBlob) s).credential())
              .or(
                  () ->
                      store
                          .filter(DatastoreDefinition.AdlsGen2.class::isInstance)
                          .map(s -> ((DatastoreDefinition.AdlsGen2) s).credential()))
              .orElse(null);
      if (credential instanceof DatastoreCredentialDefinition.AccountKey k) {
        keys.put(name + "-key", context.secret(k.key().reference()));
      } else if (credential instanceof DatastoreCredentialDefinition.Sas s) {
        keys.put(name + "-sas", context.secret(s.token().reference()));
      } else if (credential instanceof DatastoreCredentialDefinition.ServicePrincipal p) {
        keys.put(name + "-client-secret", context.secret(p.clientSecret().reference()));
      }
    }
    return keys;
  }

  /** The names of the datastores a step reads or writes, sorted. */
  private static NavigableSet<String> datastores(
      StepDefinition step, PipelineDefinition definition) {
    TreeSet<String> names = new TreeSet<>();
    for (InputDefinition input : step.inputs()) {
      if (input.data() != null) {
        definition.data(input.data()).ifPresent(d -> names.add(d.datastore()));
      }
      Stream.concat(
              Stream.ofNullable(input.path()),
              Stream.ofNullable(input.dataset()).flatMap(d -> d.paths().stream()))
          .map(DataPathDefinition::datastore)
          .forEach(names::add);
    }
    step.outputs().forEach(o -> definition.data(o).ifPresent(d -> names.add(d.datastore())));
    return names;
  }

  /**
   * Writes {@code {"sluice": {key: value}}} to a file only the owner can read.
   *
   * @param file the file, replaced if it exists
   * @param keys the scope's keys and values
   */
  static void write(Path file, Map<String, String> keys) {
    try {
      Files.deleteIfExists(file);
      // Created with its permissions, so the values are never readable by others, not even briefly.
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      Files.write(file, new ObjectMapper().writeValueAsBytes(Map.of(SCOPE, keys)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the step's secrets file " + file, e);
    }
  }
}
