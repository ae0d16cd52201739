package io.sluice.mlflow;

import com.azure.core.credential.TokenCredential;
import io.sluice.core.http.SluiceHttpPipelineBuilder;
import io.sluice.core.http.implementation.Redaction;
import io.sluice.mlflow.implementation.DatabricksConfigFile;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where a tracking URI points and how to authenticate there, resolved the way MLflow's Python
 * client does.
 *
 * <ul>
 *   <li>{@code http(s)://…}: bearer from {@code MLFLOW_TRACKING_TOKEN}, or basic from {@code
 *       MLFLOW_TRACKING_USERNAME} and {@code MLFLOW_TRACKING_PASSWORD}.
 *   <li>{@code databricks}: {@code DATABRICKS_HOST} and {@code DATABRICKS_TOKEN}, else the profile
 *       {@code DATABRICKS_CONFIG_PROFILE} (default {@code DEFAULT}) of the config file.
 *   <li>{@code databricks://<profile>}: that profile of {@code DATABRICKS_CONFIG_FILE} or {@code
 *       ~/.databrickscfg}; the name is read as written, underscores included.
 *   <li>{@code azureml://<host>/<path>}: {@code https://<host>/<path>} with Entra ID tokens.
 * </ul>
 *
 * <p>Messages show the URI with any credentials in it masked.
 */
final class TrackingTarget {
  static final String DEFAULT_URI = "http://localhost:5000";
  static final String AZURE_ML_SCOPE = "https://management.azure.com/.default";
  static final String AZURE_DATABRICKS_SCOPE = "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d/.default";

  final String baseUrl;
  final Consumer<SluiceHttpPipelineBuilder> authentication;

  private TrackingTarget(String baseUrl, Consumer<SluiceHttpPipelineBuilder> authentication) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.authentication = authentication;
  }

  /**
   * Resolves a tracking URI.
   *
   * @param uri the URI given to the builder, or null for {@code MLFLOW_TRACKING_URI}
   * @param env the environment variables
   * @param credential the builder's credential, or null
   * @param pipelineAuthenticates whether the caller's own pipeline authenticates, so that missing
   *     credentials are no error
   */
  static TrackingTarget resolve(
      String uri,
      Map<String, String> env,
      TokenCredential credential,
      boolean pipelineAuthenticates) {
    String value = uri != null ? uri : env.getOrDefault("MLFLOW_TRACKING_URI", DEFAULT_URI);
    int colon = value.indexOf(':');
    String scheme = value.equals("databricks") ? value : colon < 0 ? "" : value.substring(0, colon);
    switch (scheme) {
      case "http", "https" -> {
        return http(value, env);
      }
      case "databricks" -> {
        return databricks(value, env, credential, pipelineAuthenticates);
      }
      case "azureml" -> {
        String baseUrl = "https" + value.substring("azureml".length());
        if (credential == null && pipelineAuthenticates) {
          return new TrackingTarget(baseUrl, builder -> {});
        }
        if (credential == null) {
          throw new MlflowConfigurationException(
              "tracking URI '"
                  + Redaction.redact(value)
                  + "' needs Entra ID"
                  + " tokens; pass a TokenCredential to MlflowClientBuilder.credential(...)");
        }
        return new TrackingTarget(
            baseUrl, builder -> builder.credential(credential, AZURE_ML_SCOPE));
      }
      default ->
          throw new MlflowConfigurationException(
              "tracking URI '"
                  + Redaction.redact(value)
                  + "' has scheme '"
                  + scheme
                  + "', which Sluice does not serve; use http(s)://host:port of an"
                  + " `mlflow server` (for a local store start `mlflow server --backend-store-uri"
                  + " sqlite:///mlflow.db`), databricks, databricks://<profile> or azureml://…");
    }
  }

  private static TrackingTarget http(String value, Map<String, String> env) {
    URI parsed = URI.create(value);
    if (parsed.getHost() == null) {
      throw new MlflowConfigurationException(
          "tracking URI '"
              + Redaction.redact(value)
              + "' has no host;"
              + " use e.g. http://127.0.0.1:5000");
    }
    String token = env.get("MLFLOW_TRACKING_TOKEN");
    String username = env.get("MLFLOW_TRACKING_USERNAME");
    String password = env.get("MLFLOW_TRACKING_PASSWORD");
    if (token != null && !token.isBlank()) {
      return new TrackingTarget(value, builder -> builder.bearerToken(token));
    }
    if ((username == null) != (password == null)) {
      throw new MlflowConfigurationException(
          "only one of MLFLOW_TRACKING_USERNAME and"
              + " MLFLOW_TRACKING_PASSWORD is set; set both for basic authentication, or neither");
    }
    return new TrackingTarget(
        value, username == null ? builder -> {} : builder -> builder.basicAuth(username, password));
  }

  private static TrackingTarget databricks(
      String value,
      Map<String, String> env,
      TokenCredential credential,
      boolean pipelineAuthenticates) {
    Map<String, String> settings;
    String source;
    if (value.equals("databricks") && env.get("DATABRICKS_HOST") != null) {
      settings =
          Map.of(
              "host",
              env.get("DATABRICKS_HOST"),
              "token",
              env.getOrDefault("DATABRICKS_TOKEN", ""));
      source = "DATABRICKS_HOST";
    } else {
      String profile =
          value.startsWith("databricks://")
              ? value.substring("databricks://".length())
              : env.getOrDefault("DATABRICKS_CONFIG_PROFILE", "DEFAULT");
      if (profile.isEmpty() || profile.contains(":") || profile.contains("/")) {
        throw new MlflowConfigurationException(
            "tracking URI '"
                + Redaction.redact(value)
                + "' does not name a"
                + " profile; use databricks://<profile> with a section name of the Databricks config"
                + " file (secret-scope URIs databricks://<scope>:<prefix> are not supported)");
      }
      Path file =
          Path.of(
              env.getOrDefault(
                  "DATABRICKS_CONFIG_FILE",
                  Path.of(
                          env.getOrDefault("HOME", System.getProperty("user.home")),
                          ".databrickscfg")
                      .toString()));
      Map<String, Map<String, String>> profiles = DatabricksConfigFile.read(file);
      settings = profiles.get(profile);
      if (settings == null) {
        throw new MlflowConfigurationException(
            "tracking URI '"
                + Redaction.redact(value)
                + "' names profile '"
                + profile
                + "', which "
                + file
                + " does not have (profiles: "
                + profiles.keySet()
                + "); add a ["
                + profile
                + "] section with host and token, or set DATABRICKS_HOST"
                + " and DATABRICKS_TOKEN with the URI 'databricks'");
      }
      source = "profile '" + profile + "' of " + file;
    }
    String host = settings.getOrDefault("host", "");
    if (host.isBlank()) {
      throw new MlflowConfigurationException(
          source + " has no host; set host = https://<workspace>");
    }
    String baseUrl = host.startsWith("http") ? host : "https://" + host;
    String token = settings.getOrDefault("token", "");
    String username = settings.get("username");
    String password = settings.get("password");
    if (!token.isBlank()) {
      return new TrackingTarget(baseUrl, builder -> builder.bearerToken(token));
    }
    if (username != null && password != null) {
      return new TrackingTarget(baseUrl, builder -> builder.basicAuth(username, password));
    }
    if (credential != null) {
      return new TrackingTarget(
          baseUrl, builder -> builder.credential(credential, AZURE_DATABRICKS_SCOPE));
    }
    if (pipelineAuthenticates) {
      return new TrackingTarget(baseUrl, builder -> {});
    }
    throw new MlflowConfigurationException(
        source
            + " has no token; set token (a personal access"
            + " token), username and password, or pass a TokenCredential to MlflowClientBuilder.credential(...)");
  }
}
