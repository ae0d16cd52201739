package io.sluice.azureml.models;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What to create or update as a managed online endpoint. */
public final class OnlineEndpoint {
  private final String name;
  private final String location;
  private String authMode = "Key";
  private String description;
  private final Map<String, Integer> traffic = new LinkedHashMap<>();
  private final Map<String, String> tags = new LinkedHashMap<>();

  /**
   * Creates the definition.
   *
   * @param name the endpoint's name, unique in its region
   * @param location the region, e.g. {@code westeurope}
   */
  public OnlineEndpoint(String name, String location) {
    this.name = Objects.requireNonNull(name, "'name' is null");
    this.location = Objects.requireNonNull(location, "'location' is null");
  }

  /** Returns the name. */
  public String getName() {
    return name;
  }

  /** Returns the region. */
  public String getLocation() {
    return location;
  }

  /** Returns {@code Key} (the default), {@code AMLToken} or {@code AADToken}. */
  public String getAuthMode() {
    return authMode;
  }

  /**
   * Sets how callers authenticate.
   *
   * @param authMode {@code Key}, {@code AMLToken} or {@code AADToken}
   * @return this endpoint
   */
  public OnlineEndpoint setAuthMode(String authMode) {
    this.authMode = Objects.requireNonNull(authMode, "'authMode' is null");
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
   * @return this endpoint
   */
  public OnlineEndpoint setDescription(String description) {
    this.description = description;
    return this;
  }

  /** Returns the percentage of traffic per deployment name, modifiable. */
  public Map<String, Integer> getTraffic() {
    return traffic;
  }

  /** Returns the tags, modifiable. */
  public Map<String, String> getTags() {
    return tags;
  }
}
