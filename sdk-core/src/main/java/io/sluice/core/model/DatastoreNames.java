package io.sluice.core.model;

import io.sluice.core.implementation.ModelChecks;

/** Azure ML's datastore name rule, shared by every datastore kind. */
final class DatastoreNames {
  private DatastoreNames() {}

  static void check(String owner, String name) {
    ModelChecks.check(
        name != null && ModelChecks.DATASTORE_NAME.matcher(name).matches(),
        owner,
        "name",
        name,
        "use lower-case letters, digits and underscores (Azure ML's datastore name rule)");
  }
}
