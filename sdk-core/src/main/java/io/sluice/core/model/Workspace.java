package io.sluice.core.model;

import io.sluice.core.implementation.ModelChecks;
import io.sluice.core.implementation.SluiceStyle;
import io.sluice.core.implementation.WorkspaceConfigReader;
import java.nio.file.Path;
import java.util.Optional;
import org.immutables.value.Value;

/** An Azure Machine Learning workspace: subscription, resource group, name and region. */
@Value.Immutable
@SluiceStyle
public abstract class Workspace {

  /** Returns the Azure subscription id. */
  public abstract String subscriptionId();

  /** Returns the resource group. */
  public abstract String resourceGroup();

  /** Returns the workspace name. */
  public abstract String name();

  /** Returns the Azure region, e.g. {@code westeurope}. */
  public abstract Optional<String> region();

  /**
   * The ARM id of the workspace.
   *
   * @return {@code /subscriptions/.../workspaces/<name>}
   */
  public String resourceId() {
    return "/subscriptions/"
        + subscriptionId()
        + "/resourceGroups/"
        + resourceGroup()
        + "/providers/Microsoft.MachineLearningServices/workspaces/"
        + name();
  }

  @Value.Check
  void check() {
    ModelChecks.notBlank("Workspace", "subscriptionId", subscriptionId());
    ModelChecks.check(
        resourceGroup().matches("[-\\w._()]{1,90}"),
        "Workspace",
        "resourceGroup",
        resourceGroup(),
        "use 1 to 90 letters, digits, '_', '-', '.', '(' or ')'");
    ModelChecks.check(
        name().matches("[A-Za-z0-9][\\w-]{2,32}"),
        "Workspace",
        "name",
        name(),
        "use 3 to 33 letters, digits, '_' or '-', starting with a letter or digit");
  }

  /**
   * Reads the workspace from Azure ML's {@code config.json}, searched as Azure ML v1 does: in
   * {@code .azureml/}, {@code aml_config/} and the folder itself, from the working directory up
   * through its parents.
   *
   * @return the workspace
   * @throws io.sluice.core.ConfigurationException when no file is found or a key is missing
   */
  public static Workspace fromConfig() {
    return fromConfig(Path.of("").toAbsolutePath());
  }

  /**
   * Reads the workspace from a {@code config.json} file, or searches from a folder as {@link
   * #fromConfig()} does.
   *
   * @param path a config file, or the folder to start searching from
   * @return the workspace
   * @throws io.sluice.core.ConfigurationException when no file is found or a key is missing
   */
  public static Workspace fromConfig(Path path) {
    return WorkspaceConfigReader.read(path);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Workspace}. */
  public static final class Builder extends ImmutableWorkspace.Builder {}
}
