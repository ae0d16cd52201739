package io.sluice.databricks.models;

/**
 * Who may do what in a secret scope.
 *
 * @param principal a user, group or service principal
 * @param permission the permission
 */
public record AclItem(String principal, AclPermission permission) {}
