package io.sluice.testing.tck;

/** The kinds of step the kit builds pipelines from; a transport declares which it runs. */
public enum StepKind {
  /** A {@code PythonScriptStep}: arguments reach the script as its command line. */
  PYTHON_SCRIPT,
  /** A {@code DatabricksStep} running a notebook: inputs, outputs and parameters are widgets. */
  DATABRICKS_NOTEBOOK
}
