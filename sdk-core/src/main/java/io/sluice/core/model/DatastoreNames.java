package io.sluice.core.model;

import io.sluice.core.implementation.ModelChecks;
import io.sluice.core.implementation.NameRule;

/** Azure ML's datastore name rule, shared by every datastore kind. */
final class DatastoreNames {
  private DatastoreNames() {}

  static void check(String owner, String name) {
    ModelChecks.name(NameRule.DATASTORE, owner, "name", name);
  }
}
