package io.sluice.core.compiler;

import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.Pipeline;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles a {@link Pipeline} into its {@link PipelineDefinition}: validates the graph (reporting
 * every problem at once), orders the steps, and fingerprints each step. Compilation is hermetic: it
 * reads the steps' source files and nothing else, uses no clock, randomness or network.
 */
public final class PipelineCompiler {
  private static final Logger LOGGER = LoggerFactory.getLogger(PipelineCompiler.class);

  private PipelineCompiler() {}

  /**
   * Compiles a pipeline whose relative source paths are relative to the working directory.
   *
   * @param pipeline the pipeline
   * @return the definition
   * @throws PipelineValidationException listing every error (and warning) found
   */
  public static PipelineDefinition compile(Pipeline pipeline) {
    return compile(pipeline, Path.of(""));
  }

  /**
   * Compiles a pipeline whose relative source paths are relative to a base directory.
   *
   * @param pipeline the pipeline
   * @param baseDirectory the folder relative source directories, scripts and notebooks are in
   * @return the definition
   * @throws PipelineValidationException listing every error (and warning) found
   */
  public static PipelineDefinition compile(Pipeline pipeline, Path baseDirectory) {
    Compilation compilation = new Compilation(pipeline, baseDirectory);
    PipelineDefinition definition = compilation.run();
    if (definition == null) {
      throw new PipelineValidationException(pipeline.name(), compilation.problems());
    }
    compilation.problems().forEach(p -> LOGGER.warn("Pipeline '{}': {}", pipeline.name(), p));
    return definition;
  }

  /**
   * Validates a pipeline without throwing.
   *
   * @param pipeline the pipeline
   * @param baseDirectory the folder relative source paths are in
   * @return every problem found, errors first; empty when the pipeline is clean
   */
  public static List<Problem> validate(Pipeline pipeline, Path baseDirectory) {
    Compilation compilation = new Compilation(pipeline, baseDirectory);
    compilation.run();
    return compilation.problems();
  }
}
