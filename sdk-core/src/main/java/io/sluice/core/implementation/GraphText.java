package io.sluice.core.implementation;

import io.sluice.core.definition.DataDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import java.util.HashSet;
import java.util.Set;

/** Renders a definition's graph as Mermaid or DOT text. */
public final class GraphText {
  private GraphText() {}

  /** Mermaid flowchart, left to right. */
  public static String mermaid(PipelineDefinition definition) {
    StringBuilder out = new StringBuilder("flowchart LR\n");
    for (StepDefinition step : definition.steps()) {
      out.append("  ")
          .append(id(step.name()))
          .append("[\"")
          .append(step.name())
          .append("<br/>")
          .append(step.type())
          .append("\"]\n");
    }
    edges(
        definition,
        (from, to, label) ->
            out.append("  ")
                .append(id(from))
                .append(label == null ? " -.-> " : " -->|" + label + "| ")
                .append(id(to))
                .append('\n'));
    return out.toString();
  }

  /** Graphviz DOT digraph. */
  public static String dot(PipelineDefinition definition) {
    StringBuilder out = new StringBuilder("digraph \"" + definition.name() + "\" {\n");
    out.append("  rankdir=LR;\n  node [shape=box];\n");
    for (StepDefinition step : definition.steps()) {
      out.append("  \"")
          .append(step.name())
          .append("\" [label=\"")
          .append(step.name())
          .append("\\n")
          .append(step.type())
          .append("\"];\n");
    }
    edges(
        definition,
        (from, to, label) ->
            out.append("  \"")
                .append(from)
                .append("\" -> \"")
                .append(to)
                .append(
                    label == null ? "\" [style=dashed];\n" : "\" [label=\"" + label + "\"];\n"));
    return out.append("}\n").toString();
  }

  private interface EdgeSink {
    void edge(String from, String to, String label);
  }

  /** Data edges labelled with the data's name; ordering-only edges unlabelled. */
  private static void edges(PipelineDefinition definition, EdgeSink sink) {
    Set<String> dataEdges = new HashSet<>();
    for (DataDefinition data : definition.data()) {
      for (String consumer : data.consumers()) {
        if (data.producer() != null) {
          sink.edge(data.producer(), consumer, data.name());
          dataEdges.add(data.producer() + "\n" + consumer);
        }
      }
    }
    for (StepDefinition step : definition.steps()) {
      for (String before : step.dependsOn()) {
        if (!dataEdges.contains(before + "\n" + step.name())) {
          sink.edge(before, step.name(), null);
        }
      }
    }
  }

  private static String id(String stepName) {
    return "s_" + stepName.replaceAll("[^A-Za-z0-9_]", "_");
  }
}
