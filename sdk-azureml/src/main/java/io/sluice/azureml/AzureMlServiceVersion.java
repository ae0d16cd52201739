package io.sluice.azureml;

import com.azure.core.util.ServiceVersion;

/** The Azure ML resource provider API versions this client speaks. */
public enum AzureMlServiceVersion implements ServiceVersion {
  /** The stable API of July 2026, the one Sluice is tested against. */
  V2026_07_01("2026-07-01");

  private final String version;

  AzureMlServiceVersion(String version) {
    this.version = version;
  }

  @Override
  public String getVersion() {
    return version;
  }

  /**
   * The version this client uses unless told otherwise; pinned, so behaviour never changes under a
   * user with a new service release.
   *
   * @return {@link #V2026_07_01}
   */
  public static AzureMlServiceVersion getLatest() {
    return V2026_07_01;
  }
}
