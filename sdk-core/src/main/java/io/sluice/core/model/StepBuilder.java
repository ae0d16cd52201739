package io.sluice.core.model;

/**
 * Conveniences every step builder has, on top of its generated methods.
 *
 * @param <B> the builder type
 */
public interface StepBuilder<B extends StepBuilder<B>> {

  /**
   * Adds the name of a step that must finish first.
   *
   * @param stepName the step's name
   * @return this builder
   */
  B addRunAfter(String stepName);

  /**
   * Adds inputs.
   *
   * @param inputs the input bindings
   * @return this builder
   */
  B addInputs(InputBinding... inputs);

  /**
   * Adds a step that must finish first.
   *
   * @param step the step
   * @return this builder
   */
  default B runAfter(Step step) {
    return addRunAfter(step.name());
  }

  /**
   * Adds intermediate data as a mounted input named after it.
   *
   * @param data the data
   * @return this builder
   */
  default B addInput(PipelineData data) {
    return addInputs(data.asMount());
  }
}
