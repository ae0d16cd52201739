package io.sluice.testing.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.SluiceException;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PipelineParameter;
import io.sluice.core.run.RunState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How values reach a step, as Azure ML v1 passed them: a script gets its arguments in order, a
 * notebook gets one widget per input, output and notebook parameter. A transport that cannot run
 * notebooks refuses them before anything happens.
 */
public interface InvocationContract extends ContractTests {

  /** Arguments reach a script in the order given, literals unchanged. */
  @Test
  default void argumentsReachAScriptInTheirOrderWithLiteralsUnchanged() {
    ContractFixture f = fixture();
    PipelineData raw = PipelineData.of("raw");
    SubmittedRun run =
        f.submit(
            f.compile(
                f.pipeline(
                    f.step("show")
                        .kind(StepKind.PYTHON_SCRIPT)
                        .output(raw)
                        .value("label", "two words, ünïcode & $HOME")
                        .value("n", PipelineParameter.of("n", 3)))));
    assertThat(run.await()).isEqualTo(RunState.COMPLETED);
    List<String> arguments = f.invocation("show").arguments();
    assertThat(arguments).hasSize(6);
    assertThat(arguments.subList(2, 6))
        .containsExactly("--label", "two words, ünïcode & $HOME", "--n", "3");
    assertThat(arguments.get(0)).isEqualTo("--raw");
  }

  /**
   * A notebook sees a widget per input, output and parameter, and nothing else of the pipeline's.
   */
  @Test
  default void aNotebookGetsAWidgetPerInputOutputAndParameter() {
    ContractFixture f = fixture();
    if (!f.harness().stepKinds().contains(StepKind.DATABRICKS_NOTEBOOK)) {
      notebooksAreRefusedBeforeAnySideEffect();
      return;
    }
    PipelineData raw = PipelineData.of("raw");
    PipelineData clean = PipelineData.of("clean");
    SubmittedRun run =
        f.submit(
            f.compile(
                f.pipeline(
                    f.step("produce").output(raw),
                    f.step("prep")
                        .kind(StepKind.DATABRICKS_NOTEBOOK)
                        .input(raw)
                        .output(clean)
                        .value("mode", "strict")
                        .value("limit", PipelineParameter.of("limit", 10)))),
            o -> o.putParameter("limit", 20));
    assertThat(run.await()).isEqualTo(RunState.COMPLETED);
    StepInvocation prep = f.invocation("prep");
    assertThat(prep.widgets()).containsKeys("raw", "clean", "mode", "limit");
    assertThat(prep.widgets()).containsEntry("mode", "strict").containsEntry("limit", "20");
    assertThat(prep.widgets().get("raw")).isEqualTo(f.value("produce", "raw"));
    assertThat(prep.widgets().get("clean"))
        .endsWith("sluice/runs/" + run.run().id() + "/prep/clean");
  }

  /** A literal notebook parameter reaches its widget unchanged. */
  @Test
  default void aLiteralNotebookParameterReachesItsWidgetUnchanged() {
    ContractFixture f = fixture();
    if (!f.harness().stepKinds().contains(StepKind.DATABRICKS_NOTEBOOK)) {
      notebooksAreRefusedBeforeAnySideEffect();
      return;
    }
    SubmittedRun run =
        f.submit(
            f.compile(
                f.pipeline(
                    f.step("prep").kind(StepKind.DATABRICKS_NOTEBOOK).value("label", "a b=c;d"))));
    assertThat(run.await()).isEqualTo(RunState.COMPLETED);
    assertThat(f.invocation("prep").widgets()).containsEntry("label", "a b=c;d");
  }

  /** On a widget name clash the input's location wins over a notebook parameter, as in v1. */
  @Test
  default void anInputWinsAWidgetNameClashWithANotebookParameter() {
    ContractFixture f = fixture();
    if (!f.harness().stepKinds().contains(StepKind.DATABRICKS_NOTEBOOK)) {
      notebooksAreRefusedBeforeAnySideEffect();
      return;
    }
    PipelineData raw = PipelineData.of("raw");
    SubmittedRun run =
        f.submit(
            f.compile(
                f.pipeline(
                    f.step("produce").output(raw),
                    f.step("prep")
                        .kind(StepKind.DATABRICKS_NOTEBOOK)
                        .input(raw)
                        .value("raw", "not-a-location"))));
    assertThat(run.await()).isEqualTo(RunState.COMPLETED);
    assertThat(f.invocation("prep").widgets()).containsEntry("raw", f.value("produce", "raw"));
  }

  private void notebooksAreRefusedBeforeAnySideEffect() {
    ContractFixture f = fixture();
    PipelineDefinition definition =
        f.compile(
            f.pipeline(f.step("prep").kind(StepKind.DATABRICKS_NOTEBOOK).value("mode", "strict")));
    List<String> before = f.harness().sideEffects();
    assertThatThrownBy(() -> f.submit(definition))
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("prep");
    assertThat(f.harness().sideEffects()).isEqualTo(before);
  }
}
