package io.sluice.azureml.models;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to create or update as a workspace. Azure ML needs a storage account, a key vault and (for
 * monitoring) Application Insights that already exist, by ARM id.
 */
public final class WorkspaceOptions {
  private final String location;
  private String friendlyName;
  private String description;
  private String storageAccount;
  private String keyVault;
  private String applicationInsights;
  private String containerRegistry;
  private final Map<String, String> tags = new LinkedHashMap<>();

  /**
   * Creates the options.
   *
   * @param location the region, e.g. {@code westeurope}
   */
  public WorkspaceOptions(String location) {
    this.location = Objects.requireNonNull(location, "'location' is null");
  }

  /** Returns the region. */
  public String getLocation() {
    return location;
  }

  /** Returns the studio name, or null. */
  public String getFriendlyName() {
    return friendlyName;
  }

  /**
   * Sets the name shown in the studio.
   *
   * @param friendlyName the name
   * @return these options
   */
  public WorkspaceOptions setFriendlyName(String friendlyName) {
    this.friendlyName = friendlyName;
    return this;
  }

  /** Returns the description, or null. */
  public String getDescription() {
    return description;
  }

  /**
   * Sets the description.
   *
   * @param description the description
   * @return these options
   */
  public WorkspaceOptions setDescription(String description) {
    this.description = description;
    return this;
  }

  /** Returns the storage account's ARM id, or null. */
  public String getStorageAccount() {
    return storageAccount;
  }

  /**
   * Sets the storage account.
   *
   * @param storageAccount its ARM id
   * @return these options
   */
  public WorkspaceOptions setStorageAccount(String storageAccount) {
    this.storageAccount = storageAccount;
    return this;
  }

  /** Returns the key vault's ARM id, or null. */
  public String getKeyVault() {
    return keyVault;
  }

  /**
   * Sets the key vault.
   *
   * @param keyVault its ARM id
   * @return these options
   */
  public WorkspaceOptions setKeyVault(String keyVault) {
    this.keyVault = keyVault;
    return this;
  }

  /** Returns application Insights' ARM id, or null. */
  public String getApplicationInsights() {
    return applicationInsights;
  }

  /**
   * Sets Application Insights.
   *
   * @param applicationInsights its ARM id
   * @return these options
   */
  public WorkspaceOptions setApplicationInsights(String applicationInsights) {
    this.applicationInsights = applicationInsights;
    return this;
  }

  /** Returns the container registry's ARM id, or null. */
  public String getContainerRegistry() {
    return containerRegistry;
  }

  /**
   * Sets the container registry for environment images.
   *
   * @param containerRegistry its ARM id
   * @return these options
   */
  public WorkspaceOptions setContainerRegistry(String containerRegistry) {
    this.containerRegistry = containerRegistry;
    return this;
  }

  /** Returns the tags, modifiable. */
  public Map<String, String> getTags() {
    return tags;
  }
}
