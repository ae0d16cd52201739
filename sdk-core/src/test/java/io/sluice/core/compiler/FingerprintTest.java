package io.sluice.core.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.model.DatabricksCluster;
import io.sluice.core.model.DatabricksCompute;
import io.sluice.core.model.DatabricksStep;
import io.sluice.core.model.Environment;
import io.sluice.core.model.LocalDatastore;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PythonScriptStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * prep (notebook in prep/) -> train (script in train/) -> report (script in the base folder), and
 * an independent step, other.
 */
class FingerprintTest {
  @TempDir Path base;

  private String epochs = "10";
  private Environment environment = Environment.of("train", "scikit-learn==1.5.2");

  @BeforeEach
  void sources() throws IOException {
    write("prep/clean.py", "# Databricks notebook source\nraw = dbutils.widgets.get('raw')\n");
    write("prep/helpers.py", "def clean(df): return df.dropna()\n");
    write("prep/.gitignore", "*.csv\n");
    write("train/train.py", "print('train')\n");
    write("train/.amlignore", "*.log\nscratch/\n");
    write("report.py", "print('report')\n");
    write("other.py", "print('other')\n");
  }

  private void write(String path, String content) throws IOException {
    Path file = base.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private Pipeline pipeline() {
    PipelineData cleaned = PipelineData.of("cleaned");
    PipelineData model = PipelineData.of("model");
    return Pipeline.builder()
        .name("fp")
        .defaultDatastore(LocalDatastore.of("local", "/tmp/fp"))
        .steps(
            DatabricksStep.builder()
                .name("prep")
                .sourceDirectory("prep")
                .notebookPath("clean")
                .addOutputs(cleaned)
                .computeTarget(DatabricksCompute.of("dbx"))
                .cluster(
                    DatabricksCluster.builder()
                        .sparkVersion("15.4.x-scala2.12")
                        .nodeType("Standard_DS3_v2")
                        .numWorkers(1)
                        .build())
                .build(),
            PythonScriptStep.builder()
                .name("train")
                .sourceDirectory("train")
                .scriptName("train.py")
                .addInput(cleaned)
                .addOutputs(model)
                .arguments("--data", cleaned, "--epochs", epochs, "--model", model)
                .environment(environment)
                .build(),
            PythonScriptStep.builder()
                .name("report")
                .scriptName("report.py")
                .addInput(model)
                .build(),
            PythonScriptStep.builder().name("other").scriptName("other.py").build())
        .build();
  }

  private PipelineDefinition compile() {
    return PipelineCompiler.compile(pipeline(), base);
  }

  private static Map<String, String> fingerprints(PipelineDefinition definition) {
    return definition.steps().stream()
        .collect(
            Collectors.toMap(
                StepDefinition::name, s -> s.fingerprint().value(), (a, b) -> a, TreeMap::new));
  }

  private interface Edit {
    void apply() throws IOException;
  }

  /** The steps whose fingerprint an edit changes. */
  private java.util.Set<String> changedBy(Edit edit) throws IOException {
    PipelineDefinition before = compile();
    edit.apply();
    return changed(before, compile());
  }

  /** The steps whose fingerprint differs between two definitions. */
  private static java.util.Set<String> changed(
      PipelineDefinition before, PipelineDefinition after) {
    Map<String, String> a = fingerprints(before);
    Map<String, String> b = fingerprints(after);
    return a.keySet().stream()
        .filter(k -> !a.get(k).equals(b.get(k)))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  @Test
  void theSamePipelineGivesTheSameFingerprints() {
    PipelineDefinition first = compile();
    PipelineDefinition second = compile();

    assertThat(fingerprints(second)).isEqualTo(fingerprints(first));
    assertThat(first.step("train").orElseThrow().fingerprint().value()).matches("[0-9a-f]{64}");
    assertThat(first.step("prep").orElseThrow().fingerprint().sources())
        .containsOnlyKeys(".gitignore", "clean.py", "helpers.py");
    assertThat(first.step("report").orElseThrow().fingerprint().sources())
        .containsOnlyKeys("report.py");
    assertThat(first.step("report").orElseThrow().fingerprint().upstream())
        .containsExactly(
            Map.entry("train", first.step("train").orElseThrow().fingerprint().value()));
  }

  @Test
  void theOrderStepsAreListedInChangesNothing() {
    Pipeline listed = pipeline();
    java.util.List<io.sluice.core.model.Step> reversed = new java.util.ArrayList<>(listed.steps());
    java.util.Collections.reverse(reversed);
    Pipeline dependantsFirst = Pipeline.builder().from(listed).steps(reversed).build();

    // Listed after their dependencies, steps are finished as they are visited; listed before,
    // they wait for the topological order. Both must give the same bytes.
    assertThat(PipelineCompiler.compile(dependantsFirst, base).toJson())
        .isEqualTo(compile().toJson());
  }

  @Test
  void aChangedSourceFileChangesItsStepAndThoseDownstream() throws IOException {
    assertThat(
            changedBy(
                () -> {
                  write("train/train.py", "print('train harder')\n");
                }))
        .containsExactly("report", "train");
  }

  @Test
  void aChangedNotebookChangesEveryStepDownstream() throws IOException {
    assertThat(
            changedBy(
                () -> {
                  write(
                      "prep/clean.py",
                      "# Databricks notebook source\nraw = dbutils.widgets.get('input')\n");
                }))
        .containsExactly("prep", "report", "train");
  }

  @Test
  void aChangedArgumentChangesItsStepAndThoseDownstream() throws IOException {
    assertThat(
            changedBy(
                () -> {
                  epochs = "20";
                }))
        .containsExactly("report", "train");
  }

  @Test
  void aChangedEnvironmentPackageChangesItsStepAndThoseDownstream() throws IOException {
    assertThat(
            changedBy(
                () -> {
                  environment = Environment.of("train", "scikit-learn==1.6.0");
                }))
        .containsExactly("report", "train");
  }

  @Test
  void ignoredFilesAndByteCodeChangeNothing() throws IOException {
    assertThat(
            changedBy(
                () -> {
                  write("train/run.log", "epoch 1\n");
                  write("train/scratch/notes.txt", "try more epochs\n");
                  write("train/__pycache__/train.cpython-311.pyc", "\u0000bytecode");
                  write("prep/sample.csv", "a,b\n1,2\n");
                  write("prep/__pycache__/helpers.cpython-311.pyc", "\u0000bytecode");
                  write("prep/helpers.pyc", "\u0000bytecode");
                }))
        .isEmpty();
  }

  @Test
  void aNewSourceFileChangesItsStep() throws IOException {
    assertThat(
            changedBy(
                () -> {
                  write("prep/extra.py", "x = 1\n");
                }))
        .containsExactly("prep", "report", "train");
  }

  @Test
  void explainSaysWhichFileFieldOrUpstreamStepChanged() throws IOException {
    PipelineDefinition before = compile();
    write("train/train.py", "print('train harder')\n");
    write("train/utils.py", "x = 1\n");
    Files.delete(base.resolve("train/.amlignore"));
    write("train/.gitignore", "*.log\nscratch/\n");
    epochs = "20";
    PipelineDefinition after = compile();

    assertThat(FingerprintDiff.explain(step(before, "train"), step(after, "train")))
        .containsExactly(
            new FingerprintDiff.FieldChanged("arguments[3]"),
            new FingerprintDiff.SourceChanged(".amlignore", FingerprintDiff.Change.REMOVED),
            new FingerprintDiff.SourceChanged(".gitignore", FingerprintDiff.Change.ADDED),
            new FingerprintDiff.SourceChanged("train.py", FingerprintDiff.Change.CHANGED),
            new FingerprintDiff.SourceChanged("utils.py", FingerprintDiff.Change.ADDED))
        .extracting(Object::toString)
        .containsExactly(
            "arguments[3] changed",
            ".amlignore removed",
            ".gitignore added",
            "train.py changed",
            "utils.py added");
    assertThat(FingerprintDiff.explain(step(before, "report"), step(after, "report")))
        .extracting(Object::toString)
        .containsExactly("upstream step 'train' changed");
    assertThat(FingerprintDiff.explain(step(before, "prep"), step(after, "prep"))).isEmpty();
    assertThat(FingerprintDiff.explain(step(before, "other"), step(after, "other"))).isEmpty();
  }

  @Test
  void explainNamesNotebookChangesAndNestedFields() throws IOException {
    PipelineDefinition before = compile();
    write("prep/clean.py", "# Databricks notebook source\n");
    PipelineDefinition after = compile();

    assertThat(FingerprintDiff.explain(step(before, "prep"), step(after, "prep")))
        .extracting(Object::toString)
        .containsExactly("clean.py changed");
  }

  @Test
  void explainSaysWhenOnlyAReferencedDefinitionChanged() {
    PipelineDefinition before = compile();
    environment = Environment.of("train", "scikit-learn==1.6.0");
    PipelineDefinition after = compile();

    assertThat(FingerprintDiff.explain(step(before, "train"), step(after, "train")))
        .containsExactly(new FingerprintDiff.ReferenceChanged())
        .extracting(Object::toString)
        .containsExactly(
            "a referenced environment, compute target, datastore or parameter default changed");
  }

  @Test
  void explainNamesNamedListElementsAndNestedFields() {
    StepDefinition prep = step(compile(), "prep");
    StepDefinition changed =
        prep.toBuilder()
            .inputs(
                java.util.List.of(
                    io.sluice.core.definition.InputDefinition.builder()
                        .name("raw")
                        .mode(io.sluice.core.definition.InputMode.DOWNLOAD)
                        .data("x")
                        .build()))
            .allowReuse(false)
            .version("2")
            .task(
                io.sluice.core.definition.DatabricksTask.builder()
                    .notebook("clean", Map.of())
                    .cluster(
                        ModelTranslation.cluster(
                            DatabricksCluster.builder()
                                .sparkVersion("15.4.x-scala2.12")
                                .nodeType("Standard_DS3_v2")
                                .numWorkers(4)
                                .build()))
                    .build())
            .fingerprint(
                new io.sluice.core.definition.Fingerprint(
                    "f".repeat(64), "e".repeat(64), prep.fingerprint().sources(), Map.of()))
            .build();

    assertThat(FingerprintDiff.explain(prep, changed))
        .extracting(Object::toString)
        .containsExactly(
            "allowReuse changed",
            "cluster.numWorkers changed",
            "inputs[raw] changed",
            "version changed");
  }

  @Test
  void explainNeedsFingerprints() {
    StepDefinition train = step(compile(), "train");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> FingerprintDiff.explain(train.withoutFingerprint(), train))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the step before has no fingerprint; pass steps of a compiled PipelineDefinition");
  }

  private static StepDefinition step(PipelineDefinition definition, String name) {
    return definition.step(name).orElseThrow();
  }
}
