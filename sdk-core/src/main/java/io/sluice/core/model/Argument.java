package io.sluice.core.model;

import io.sluice.core.implementation.ModelChecks;

/**
 * One item of a step's command line or of a notebook's parameters: a literal, a reference to one of
 * the step's inputs or outputs, or a pipeline parameter.
 */
public sealed interface Argument {

  /**
   * A literal value.
   *
   * @param value the text passed as is
   */
  record Literal(String value) implements Argument {
    /** Checks the value. */
    public Literal {
      ModelChecks.check(value != null, "Argument", "value", null, "give a value");
    }
  }

  /**
   * The location of one of the step's inputs or outputs, by port name.
   *
   * @param port the input or output name
   */
  record Port(String port) implements Argument {
    /** Checks the name. */
    public Port {
      ModelChecks.word("Argument", "port", port);
    }
  }

  /**
   * The value of a pipeline parameter.
   *
   * @param parameter the parameter
   */
  record Parameter(PipelineParameter<?> parameter) implements Argument {
    /** Checks the parameter. */
    public Parameter {
      ModelChecks.check(parameter != null, "Argument", "parameter", null, "give a parameter");
    }
  }

  /**
   * Turns a value into an argument: a {@link PipelineData} or {@link InputBinding} refers to the
   * step's port of that name, a {@link PipelineParameter} to its value, anything else (text,
   * numbers, booleans) is a literal.
   *
   * @param value the value
   * @return the argument
   */
  static Argument of(Object value) {
    if (value instanceof Argument argument) {
      return argument;
    }
    if (value instanceof PipelineData data) {
      return new Port(data.name());
    }
    if (value instanceof InputBinding binding) {
      return new Port(binding.name());
    }
    if (value instanceof PipelineParameter<?> parameter) {
      return new Parameter(parameter);
    }
    ModelChecks.check(
        value instanceof String
            || value instanceof Number
            || value instanceof Boolean
            || value instanceof Character,
        "Argument",
        "value",
        value == null ? null : value.getClass().getSimpleName(),
        "use text, a number, a boolean, PipelineData, an InputBinding or a PipelineParameter");
    return new Literal(String.valueOf(value));
  }
}
