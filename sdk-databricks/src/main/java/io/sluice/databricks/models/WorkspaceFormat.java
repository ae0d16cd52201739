package io.sluice.databricks.models;

/** How a workspace object is imported or exported. */
public enum WorkspaceFormat {
  /** By extension and header; a notebook loses its extension. */
  AUTO,
  /** Notebook source code. */
  SOURCE,
  /** An HTML notebook. */
  HTML,
  /** A Jupyter notebook. */
  JUPYTER,
  /** A Databricks archive; the only format for folders besides SOURCE. */
  DBC,
  /** R Markdown. */
  R_MARKDOWN,
  /** A plain file. */
  RAW
}
