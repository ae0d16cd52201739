package io.sluice.core.model;

import static io.sluice.core.testing.ModelAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.definition.InputMode;
import io.sluice.core.definition.OutputMode;
import io.sluice.core.definition.ParameterType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParameterAndArgumentTest {
  private static final String TYPES = "use one of String, Integer, Long, Double, Boolean, DataPath";

  @Test
  void aParameterTakesTheTypeOfItsDefault() {
    DataPath path = LocalDatastore.of("local", "/tmp").path("in");

    assertThat(PipelineParameter.of("s", "text").type()).isEqualTo(ParameterType.STRING);
    assertThat(PipelineParameter.of("i", 3).type()).isEqualTo(ParameterType.INTEGER);
    assertThat(PipelineParameter.of("l", 3L).type()).isEqualTo(ParameterType.LONG);
    assertThat(PipelineParameter.of("d", 0.5).type()).isEqualTo(ParameterType.DOUBLE);
    assertThat(PipelineParameter.of("b", true).type()).isEqualTo(ParameterType.BOOLEAN);
    assertThat(PipelineParameter.of("p", path).type()).isEqualTo(ParameterType.DATA_PATH);
    assertThat(PipelineParameter.of("i", 3).defaultValue()).isEqualTo(3);
    assertThat(PipelineParameter.of("i", 3))
        .isEqualTo(PipelineParameter.of("i", 3))
        .isNotEqualTo(PipelineParameter.of("i", 4));
    assertThat(PipelineParameter.of("i", 3)).hasToString("PipelineParameter{i: INTEGER = 3}");
  }

  @Test
  void parameterNamesAreWords() {
    assertInvalid(
        () -> PipelineParameter.of("learning-rate", 0.1),
        "name",
        "PipelineParameter: name is 'learning-rate'; use only letters, digits and underscores");
    assertInvalid(
        () -> PipelineParameter.of("", 0.1),
        "name",
        "PipelineParameter: name is empty; use only letters, digits and underscores");
  }

  @Test
  void parameterDefaultsHaveASupportedType() {
    assertInvalid(
        () -> PipelineParameter.of("f", 1.5f),
        "defaultValue",
        "PipelineParameter 'f': defaultValue is 'Float'; " + TYPES);
    assertInvalid(
        () -> PipelineParameter.of("o", new Object()),
        "defaultValue",
        "PipelineParameter 'o': defaultValue is 'Object'; " + TYPES);
    assertInvalid(
        () -> PipelineParameter.of("n", null),
        "defaultValue",
        "PipelineParameter 'n': defaultValue is missing; " + TYPES);
  }

  @Test
  void stringDefaultsAreOneLine() {
    assertInvalid(
        () -> PipelineParameter.of("s", "a\nb"),
        "defaultValue",
        "PipelineParameter 's': defaultValue is 'a\nb'; use a single line (no line breaks)");
  }

  @Test
  void argumentsConvertLiteralsPortsAndParameters() {
    PipelineData data = PipelineData.of("cleaned");
    PipelineParameter<Integer> epochs = PipelineParameter.of("epochs", 10);
    Argument literal = new Argument.Literal("x");

    assertThat(Argument.of("--epochs")).isEqualTo(new Argument.Literal("--epochs"));
    assertThat(Argument.of(42)).isEqualTo(new Argument.Literal("42"));
    assertThat(Argument.of(2.5)).isEqualTo(new Argument.Literal("2.5"));
    assertThat(Argument.of(false)).isEqualTo(new Argument.Literal("false"));
    assertThat(Argument.of('c')).isEqualTo(new Argument.Literal("c"));
    assertThat(Argument.of(data)).isEqualTo(new Argument.Port("cleaned"));
    assertThat(Argument.of(data.asInput("renamed"))).isEqualTo(new Argument.Port("renamed"));
    assertThat(Argument.of(epochs)).isEqualTo(new Argument.Parameter(epochs));
    assertThat(Argument.of(literal)).isSameAs(literal);
  }

  @Test
  void argumentChecks() {
    String fix =
        "use text, a number, a boolean, PipelineData, an InputBinding or a PipelineParameter";
    assertInvalid(() -> Argument.of(new Object()), "value", "Argument: value is 'Object'; " + fix);
    assertInvalid(() -> Argument.of(null), "value", "Argument: value is missing; " + fix);
    assertInvalid(
        () -> new Argument.Literal(null), "value", "Argument: value is missing; give a value");
    assertInvalid(
        () -> new Argument.Port("in put"),
        "port",
        "Argument: port is 'in put'; use only letters, digits and underscores");
    assertInvalid(
        () -> new Argument.Parameter(null),
        "parameter",
        "Argument: parameter is missing; give a parameter");
  }

  @Test
  void pipelineDataNamesAreWords() {
    assertInvalid(
        () -> PipelineData.of("clean-data"),
        "name",
        "PipelineData 'clean-data': name is 'clean-data'; use only letters, digits and underscores");
    assertInvalid(
        () -> PipelineData.of(""),
        "name",
        "PipelineData '': name is empty; use only letters, digits and underscores");
    assertInvalid(
        () -> PipelineData.builder().name("d").pipelineOutputName("out put").build(),
        "pipelineOutputName",
        "PipelineData 'd': pipelineOutputName is 'out put'; use only letters, digits and underscores");
  }

  @Test
  void uploadOnlyFieldsNeedUploadMode() {
    assertInvalid(
        () -> PipelineData.builder().name("d").outputPathOnCompute("/tmp/out").build(),
        "outputPathOnCompute",
        "PipelineData 'd': outputPathOnCompute is '/tmp/out'; set it only with outputMode UPLOAD");
    assertInvalid(
        () ->
            PipelineData.builder()
                .name("d")
                .outputMode(OutputMode.MOUNT)
                .outputOverwrite(true)
                .build(),
        "outputOverwrite",
        "PipelineData 'd': outputOverwrite is true; set it only with outputMode UPLOAD");
    PipelineData upload =
        PipelineData.builder()
            .name("d")
            .outputMode(OutputMode.UPLOAD)
            .outputPathOnCompute("/tmp/out")
            .outputOverwrite(true)
            .build();
    assertThat(upload.outputPathOnCompute()).contains("/tmp/out");
    assertThat(PipelineData.of("d").outputMode()).isEqualTo(OutputMode.MOUNT);
    assertThat(PipelineData.of("d").isDirectory()).isTrue();
  }

  @Test
  void inputBindingsCheckNameAndDownloadPath() {
    PipelineData data = PipelineData.of("d");
    assertInvalid(
        () -> data.asInput("in put"),
        "name",
        "InputBinding: name is 'in put'; use only letters, digits and underscores");
    assertInvalid(
        () -> new InputBinding("in", data, InputMode.MOUNT, Optional.of("/mnt/in")),
        "pathOnCompute",
        "InputBinding 'in': pathOnCompute is '/mnt/in'; set pathOnCompute only for a download; mount it"
            + " with asDownload() or drop the path");
    assertInvalid(
        () -> new InputBinding("in", null, InputMode.MOUNT, Optional.empty()),
        "source",
        "InputBinding 'in': source is missing; give the data");
    assertInvalid(
        () -> new InputBinding("in", data, null, Optional.empty()),
        "mode",
        "InputBinding 'in': mode is missing; give a mode");
    InputBinding download = data.asInput("in").asDownload("/tmp/in");
    assertThat(download.mode()).isEqualTo(InputMode.DOWNLOAD);
    assertThat(download.pathOnCompute()).contains("/tmp/in");
    assertThat(download.asMount().pathOnCompute()).isEmpty();
    assertThat(data.asDownload().mode()).isEqualTo(InputMode.DOWNLOAD);
    assertThat(data.asMount().asDirect().mode()).isEqualTo(InputMode.DIRECT);
    // The constructor reads a null path as none, which is what this checks.
    @SuppressWarnings("NullOptional")
    InputBinding noPath = new InputBinding("in", data, InputMode.MOUNT, null);
    assertThat(noPath.pathOnCompute()).isEmpty();
  }
}
