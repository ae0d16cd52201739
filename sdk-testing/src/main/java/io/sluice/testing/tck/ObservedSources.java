package io.sluice.testing.tck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step sources that report what they were given and do what the kit scripted, for transports that
 * run steps for real. Each step appends its invocation to {@code observations/<step>.jsonl} under
 * the harness's work folder and reads its behaviour from {@code behaviour/<step>}; each output it
 * was handed gets a file {@code part.txt} holding the step's name.
 */
public final class ObservedSources {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;

  /**
   * Sources under a harness's work folder.
   *
   * @param workDirectory the harness's {@link TransportHarness#workDirectory()}
   */
  public ObservedSources(Path workDirectory) {
    this.root = workDirectory.toAbsolutePath();
  }

  /**
   * Writes a script step's source, {@code src/<step>.py}.
   *
   * @param step the step's name
   * @param outputFlags the flags whose values are output folders to fill
   * @return the file name, relative to {@code src/}
   */
  public String writeScript(String step, List<String> outputFlags) {
    String body =
        "import json, os, sys, time, pathlib\n"
            + "STEP = "
            + quoted(step)
            + "\n"
            + "ROOT = pathlib.Path("
            + quoted(root.toString())
            + ")\n"
            + "args = sys.argv[1:]\n"
            + "env = {k: v for k, v in os.environ.items() if k.startswith('AZUREML_') or k.startswith('AML_PARAMETER_')}\n"
            + "record({'arguments': args, 'widgets': {}, 'environment': env})\n"
            + "for flag in "
            + pythonList(outputFlags)
            + ":\n"
            + "    folder = args[args.index(flag) + 1]\n"
            + "    os.makedirs(folder, exist_ok=True)\n"
            + "    pathlib.Path(folder, 'part.txt').write_text(STEP)\n"
            + "behave()\n";
    return write(step, body);
  }

  /**
   * Writes a notebook step's source in Databricks source format, {@code src/<step>.py}.
   *
   * @param step the step's name
   * @param outputs the widgets that name output folders to fill
   * @return the notebook path, relative to {@code src/}, without {@code .py}
   */
  public String writeNotebook(String step, List<String> outputs) {
    String body =
        "STEP = "
            + quoted(step)
            + "\n"
            + "ROOT = pathlib.Path("
            + quoted(root.toString())
            + ")\n"
            + "widgets = dict(dbutils.widgets.getAll())\n"
            + "record({'arguments': [], 'widgets': widgets, 'environment': {}})\n"
            + "for name in "
            + pythonList(outputs)
            + ":\n"
            + "    dbutils.fs.put(widgets[name].rstrip('/') + '/part.txt', STEP, True)\n"
            + "behave()\n";
    write(step, "# Databricks notebook source\nimport json, os, sys, time, pathlib\n" + body);
    return step;
  }

  private String write(String step, String body) {
    String helpers =
        """
        def record(observed):
            folder = ROOT / 'observations'
            folder.mkdir(parents=True, exist_ok=True)
            with open(folder / (STEP + '.jsonl'), 'a') as lines:
                lines.write(json.dumps(observed) + '\\n')
        def behave():
            scripted = ROOT / 'behaviour' / STEP
            behaviour = scripted.read_text() if scripted.exists() else 'succeed'
            if behaviour.startswith('fail:'):
                raise SystemExit(behaviour[len('fail:'):])
            while behaviour == 'hang':
                time.sleep(0.2)
        """;
    String source = insertAfterImports(body, helpers);
    try {
      Path file = root.resolve("src").resolve(step + ".py");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source);
      return step + ".py";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String insertAfterImports(String body, String helpers) {
    int lineEnd = body.indexOf('\n', body.indexOf("import json")) + 1;
    return body.substring(0, lineEnd) + helpers + body.substring(lineEnd);
  }

  /**
   * Scripts a step's behaviour for its next run.
   *
   * @param step the step's name
   * @param behaviour what it does
   */
  public void script(String step, StepBehaviour behaviour) {
    String text =
        behaviour instanceof StepBehaviour.Fail fail
            ? "fail:" + fail.message()
            : behaviour instanceof StepBehaviour.Hang ? "hang" : "succeed";
    try {
      Path file = root.resolve("behaviour").resolve(step);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every start of a step, oldest first.
   *
   * @param step the step's name
   * @return its invocations; empty when it never started
   */
  public List<StepInvocation> invocations(String step) {
    Path file = root.resolve("observations").resolve(step + ".jsonl");
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      List<StepInvocation> all = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          JsonNode node = JSON.readTree(line);
          List<String> arguments = new ArrayList<>();
          node.path("arguments").forEach(a -> arguments.add(a.asText()));
          all.add(
              new StepInvocation(
                  arguments, strings(node.path("widgets")), strings(node.path("environment"))));
        }
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The steps that have started, for {@link TransportHarness#sideEffects()}.
   *
   * @return one line per started step
   */
  public List<String> startedSteps() {
    Path folder = root.resolve("observations");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (var files = Files.list(folder)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".jsonl"))
          .sorted()
          .map(n -> "started step " + n.substring(0, n.length() - ".jsonl".length()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> values = new LinkedHashMap<>();
    object.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
    return values;
  }

  private static String quoted(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pythonList(List<String> values) {
    return values.stream()
        .map(ObservedSources::quoted)
        .reduce((a, b) -> a + ", " + b)
        .map(s -> "[" + s + "]")
        .orElse("[]");
  }
}
