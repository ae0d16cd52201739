package io.sluice.azureml.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.sluice.azureml.AzureMlClient;
import io.sluice.core.definition.EnvironmentDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The code and environment assets a script step's command job runs with. */
final class StepAssets {
  // Sorted keys, so the same environment always gets the same version.
  private static final ObjectMapper ENVIRONMENT_JSON =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .build();

  private StepAssets() {}

  /**
   * Uploads a script step's source directory as a content-hashed code asset and registers its
   * environment (Azure ML's curated scikit-learn image when it names none).
   */
  static CompiledStep compile(
      AzureMlClient client,
      Path baseDirectory,
      PipelineDefinition definition,
      StepDefinition step) {
    Path source =
        baseDirectory.resolve(step.sourceDirectory() == null ? "." : step.sourceDirectory());
    String codeId =
        client
            .uploadCode(assetName(definition.name() + "-" + step.name()), source)
            .codeVersion()
            .id();
    String environmentName = step.task().environment();
    String environmentId = AzureMlTransport.DEFAULT_ENVIRONMENT;
    if (environmentName != null) {
      EnvironmentDefinition environment =
          definition
              .environment(environmentName)
              .orElseThrow(
                  () ->
                      new AzureMlTransportException(
                          "step '"
                              + step.name()
                              + "' names environment '"
                              + environmentName
                              + "', which the definition does not hold; compile it again"));
      environmentId =
          client.createOrUpdateEnvironment(environment, version(environment), baseDirectory).id();
    }
    return new CompiledStep(step.name(), codeId, environmentId);
  }

  private static String version(EnvironmentDefinition environment) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] json =
          ENVIRONMENT_JSON.writeValueAsString(environment).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(digest.digest(json)).substring(0, 16);
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("cannot hash environment '" + environment.name() + "'", e);
    }
  }

  private static String assetName(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9_-]", "-");
    return cleaned.substring(0, Math.min(cleaned.length(), 250));
  }
}
