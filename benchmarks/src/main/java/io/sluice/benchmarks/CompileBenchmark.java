package io.sluice.benchmarks;

import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.Pipeline;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compiles and validates generated pipelines of 100, 1,000 and 10,000 steps in two shapes (see
 * {@link DagGenerator.Shape}). The pipelines are built once per trial; only {@link
 * PipelineCompiler#compile(Pipeline)} is measured: indexing, validation, topological order,
 * canonical step definitions and SHA-256 fingerprints, including hashing the shared source
 * directory (once per compilation).
 *
 * <p>Sample-time mode reports both the mean and the percentiles (the median is {@code p0.50}) of
 * single compilations; add {@code -bm avgt} for throughput-style averages.
 *
 * <p>Run with {@code java -jar benchmarks/target/benchmarks.jar Compile}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 3)
public class CompileBenchmark {

  /** Number of steps in the generated pipeline. */
  @Param({"100", "1000", "10000"})
  public int steps;

  /** {@code fanOutFanIn} or {@code layered}. */
  @Param({"fanOutFanIn", "layered"})
  public String shape;

  private Path sourceDirectory;
  private Pipeline pipeline;

  /** Creates the shared source directory and builds the pipeline. */
  @Setup(Level.Trial)
  public void setUp() {
    sourceDirectory = DagGenerator.createSourceDirectory();
    pipeline =
        DagGenerator.generate(DagGenerator.Shape.fromParameter(shape), steps, sourceDirectory);
    PipelineDefinition check = PipelineCompiler.compile(pipeline);
    if (check.steps().size() != steps) {
      throw new IllegalStateException(
          "compiled " + check.steps().size() + " steps, expected " + steps);
    }
  }

  /** Deletes the source directory. */
  @TearDown(Level.Trial)
  public void tearDown() {
    DagGenerator.deleteSourceDirectory(sourceDirectory);
  }

  /**
   * Compiles the pipeline.
   *
   * @return the definition, so that the work is not eliminated
   */
  @Benchmark
  public PipelineDefinition compile() {
    return PipelineCompiler.compile(pipeline);
  }
}
