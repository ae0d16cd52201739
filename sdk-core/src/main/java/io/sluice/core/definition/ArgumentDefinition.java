package io.sluice.core.definition;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One argument in a definition: exactly one of a literal, a port (input or output name) or a
 * parameter name.
 *
 * @param literal a literal value
 * @param port the name of one of the step's inputs or outputs
 * @param parameter the name of a pipeline parameter
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArgumentDefinition(String literal, String port, String parameter) {
  /** Checks that exactly one part is set. */
  public ArgumentDefinition {
    int set = (literal != null ? 1 : 0) + (port != null ? 1 : 0) + (parameter != null ? 1 : 0);
    if (set != 1) {
      throw new DefinitionFormatException(
          "argument: exactly one of literal, port or parameter is required, got " + set);
    }
  }

  /**
   * A literal argument.
   *
   * @param value the value
   * @return the argument
   */
  public static ArgumentDefinition literal(String value) {
    return new ArgumentDefinition(value, null, null);
  }

  /**
   * A port argument.
   *
   * @param name the input or output name
   * @return the argument
   */
  public static ArgumentDefinition port(String name) {
    return new ArgumentDefinition(null, name, null);
  }

  /**
   * A parameter argument.
   *
   * @param name the parameter name
   * @return the argument
   */
  public static ArgumentDefinition parameter(String name) {
    return new ArgumentDefinition(null, null, name);
  }
}
