package io.sluice.testing;

import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.compiler.PipelineValidationException;
import io.sluice.core.compiler.Problem;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.Step;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks on a {@link Pipeline} as built: its steps and how they depend on each other (worked out as
 * the compiler does, without compiling), its parameters, and whether it compiles cleanly. Get one
 * from {@link SluiceAssertions#assertThat(Pipeline)}.
 *
 * <p>The compiling checks resolve relative source directories, scripts and notebooks against the
 * working directory, or against {@link #withBaseDirectory(Path)}:
 *
 * <pre>{@code
 * assertThat(pipeline).withBaseDirectory(sources).compilesWithoutWarnings();
 * assertThat(broken).withBaseDirectory(sources).failsValidationWith("cycle", "a -> b -> a");
 * }</pre>
 */
public final class PipelineAssert extends AbstractPipelineAssert<PipelineAssert, Pipeline> {

  private Path baseDirectory = Path.of("");

  PipelineAssert(Pipeline actual) {
    super(actual, PipelineAssert.class, PipelineFacts::of);
  }

  /**
   * Sets the folder relative source paths are resolved against by the compiling checks.
   *
   * @param directory the base directory, as for {@link PipelineCompiler#compile(Pipeline, Path)}
   * @return this assertion
   */
  public PipelineAssert withBaseDirectory(Path directory) {
    this.baseDirectory = directory;
    return myself;
  }

  /**
   * Goes on to check one step.
   *
   * @param stepName the step's name
   * @return an assertion on that step; fails here when there is no such step
   */
  public StepAssert step(String stepName) {
    existingStep(stepName);
    Step step =
        actual.steps().stream().filter(s -> s.name().equals(stepName)).findFirst().orElseThrow();
    return new StepAssert(step, facts().steps().get(stepName)).as("%s", facts().describe());
  }

  /**
   * Checks that the pipeline compiles with no error and no warning (such as an output nobody
   * consumes), as a test should demand.
   *
   * @return this assertion
   */
  public PipelineAssert compilesWithoutWarnings() {
    List<Problem> problems = problems();
    if (!problems.isEmpty()) {
      fail(
          "Expected %s to compile without errors or warnings, but validation found %d problem(s):%n%s",
          facts().describe(), problems.size(), describe(problems));
    }
    return myself;
  }

  /**
   * Checks that validation fails, and that every fragment is part of some error (as {@link
   * Problem#toString()} shows it: step, field and message), e.g. {@code "a -> b -> a"}.
   *
   * @param messageFragments text the errors must contain, each in one of them
   * @return this assertion
   */
  public PipelineAssert failsValidationWith(String... messageFragments) {
    List<Problem> problems = problems();
    List<String> errors =
        problems.stream()
            .filter(p -> p.severity() == Problem.Severity.ERROR)
            .map(Problem::toString)
            .toList();
    if (errors.isEmpty()) {
      fail(
          "Expected %s to fail validation with %s, but it has no errors%s",
          facts().describe(),
          quoted(messageFragments),
          problems.isEmpty() ? "" : String.format(" (warnings:%n%s)", describe(problems)));
    }
    List<String> missing =
        Arrays.stream(messageFragments)
            .filter(f -> errors.stream().noneMatch(e -> e.contains(f)))
            .toList();
    if (!missing.isEmpty()) {
      fail(
          "Expected %s to fail validation with %s, but no problem mentions %s; the problems are:%n%s",
          facts().describe(),
          quoted(messageFragments),
          quoted(missing.toArray(String[]::new)),
          describe(problems));
    }
    return myself;
  }

  /**
   * Compiles the pipeline and goes on to check its definition.
   *
   * @return an assertion on the compiled definition; fails here, listing the problems, when the
   *     pipeline does not compile
   */
  public PipelineDefinitionAssert compiles() {
    isNotNull();
    PipelineDefinition definition;
    try {
      definition = PipelineCompiler.compile(actual, baseDirectory);
    } catch (PipelineValidationException e) {
      fail(
          "Expected %s to compile, but validation found:%n%s",
          facts().describe(), describe(e.problems()));
      return null;
    }
    return new PipelineDefinitionAssert(definition);
  }

  private List<Problem> problems() {
    isNotNull();
    return PipelineCompiler.validate(actual, baseDirectory);
  }

  private static String describe(List<Problem> problems) {
    return problems.stream()
        .map(p -> "  - " + p)
        .collect(Collectors.joining(System.lineSeparator()));
  }

  private static String quoted(String[] fragments) {
    return Arrays.stream(fragments)
        .map(f -> "\"" + f + "\"")
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
