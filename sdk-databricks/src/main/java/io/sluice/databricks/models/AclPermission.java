package io.sluice.databricks.models;

/** A permission on a secret scope. */
public enum AclPermission {
  /** Read secrets. */
  READ,
  /** Read and write secrets. */
  WRITE,
  /** Read, write and manage permissions. */
  MANAGE
}
