package io.sluice.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceFromConfigTest {
  private static final String SUB = "00000000-1111-2222-3333-444444444444";

  @TempDir Path root;

  private static String keys(String workspace) {
    return "{\"subscription_id\": \""
        + SUB
        + "\", \"resource_group\": \"rg-ml\", \"workspace_name\": \""
        + workspace
        + "\"}";
  }

  private Path write(String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  @Test
  void readsTheThreeKeysAndTheRegion() throws IOException {
    write(
        ".azureml/config.json",
        "{\"subscription_id\": \""
            + SUB
            + "\", \"resource_group\": \"rg-ml\","
            + " \"workspace_name\": \"ws-main\", \"location\": \"westeurope\"}");

    Workspace workspace = Workspace.fromConfig(root);

    assertThat(workspace.subscriptionId()).isEqualTo(SUB);
    assertThat(workspace.resourceGroup()).isEqualTo("rg-ml");
    assertThat(workspace.name()).isEqualTo("ws-main");
    assertThat(workspace.region()).contains("westeurope");
    assertThat(workspace.resourceId())
        .isEqualTo(
            "/subscriptions/"
                + SUB
                + "/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws-main");
  }

  @Test
  void readsTheScopeFormat() throws IOException {
    write(
        "config.json",
        "{\"Scope\": \"/subscriptions/"
            + SUB
            + "/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws-scope\"}");

    Workspace workspace = Workspace.fromConfig(root);

    assertThat(workspace.subscriptionId()).isEqualTo(SUB);
    assertThat(workspace.resourceGroup()).isEqualTo("rg-ml");
    assertThat(workspace.name()).isEqualTo("ws-scope");
  }

  @Test
  void searchesDotAzuremlThenAmlConfigThenTheFolderItself() throws IOException {
    write("config.json", keys("ws-folder"));
    assertThat(Workspace.fromConfig(root).name()).isEqualTo("ws-folder");
    write("aml_config/config.json", keys("ws-amlconfig"));
    assertThat(Workspace.fromConfig(root).name()).isEqualTo("ws-amlconfig");
    write(".azureml/config.json", keys("ws-azureml"));
    assertThat(Workspace.fromConfig(root).name()).isEqualTo("ws-azureml");
  }

  @Test
  void readsProjectJsonWhenThereIsNoConfigJson() throws IOException {
    write("aml_config/project.json", keys("ws-project"));
    assertThat(Workspace.fromConfig(root).name()).isEqualTo("ws-project");
  }

  @Test
  void walksUpThroughParentsAndTheNearestWins() throws IOException {
    write(".azureml/config.json", keys("ws-root"));
    Path deep = Files.createDirectories(root.resolve("a/b/c"));
    assertThat(Workspace.fromConfig(deep).name()).isEqualTo("ws-root");

    write("a/config.json", keys("ws-a"));
    assertThat(Workspace.fromConfig(deep).name()).isEqualTo("ws-a");
  }

  @Test
  void readsAFileGivenDirectly() throws IOException {
    Path file = write("elsewhere/my-workspace.json", keys("ws-file"));
    assertThat(Workspace.fromConfig(file).name()).isEqualTo("ws-file");
  }

  @Test
  void aMissingKeyNamesTheFileAndTheKey() throws IOException {
    Path file =
        write(
            ".azureml/config.json",
            "{\"subscription_id\": \"" + SUB + "\", \"workspace_name\": \"ws\"}");

    assertThatThrownBy(() -> Workspace.fromConfig(root))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            file
                + " has no resource_group; add \"resource_group\" (config.json needs subscription_id,"
                + " resource_group and workspace_name, or Scope)");
  }

  @Test
  void aBlankKeyCountsAsMissing() throws IOException {
    Path file =
        write(
            "config.json",
            "{\"subscription_id\": \" \", \"resource_group\": \"rg\", \"workspace_name\": \"ws1\"}");

    assertThatThrownBy(() -> Workspace.fromConfig(root))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(file + " has no subscription_id; add \"subscription_id\"");
  }

  @Test
  void aShortScopeIsExplained() throws IOException {
    Path file = write("config.json", "{\"Scope\": \"/subscriptions/" + SUB + "\"}");

    assertThatThrownBy(() -> Workspace.fromConfig(root))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            file
                + ": Scope is '/subscriptions/"
                + SUB
                + "'; use /subscriptions/<id>/resourceGroups/<group>/"
                + "providers/Microsoft.MachineLearningServices/workspaces/<name>");
  }

  @Test
  void badJsonNamesTheFileAndLine() throws IOException {
    Path file = write("config.json", "{\n  \"subscription_id\": \"x\",\n  oops\n}");

    assertThatThrownBy(() -> Workspace.fromConfig(root))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(file + " is not valid JSON (line 3); fix the file");
  }

  @Test
  void jsonThatIsNotAnObject() throws IOException {
    Path file = write("config.json", "[1, 2]");

    assertThatThrownBy(() -> Workspace.fromConfig(root))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(file + " holds no JSON object; fix the file");
  }

  @Test
  void noConfigAnywhere() throws IOException {
    Path empty = Files.createDirectories(root.resolve("empty"));

    assertThatThrownBy(() -> Workspace.fromConfig(empty))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "No config.json found in .azureml/, aml_config/ or the folder itself, in "
                + empty
                + " or any of its parents; download config.json from the Azure portal (workspace"
                + " overview) into your project, or build the Workspace with Workspace.builder()");
  }

  @Test
  void invalidValuesAreCheckedByTheModel() throws IOException {
    write("config.json", keys("x"));

    assertThatThrownBy(() -> Workspace.fromConfig(root))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "Workspace: name is 'x'; use 3 to 33 letters, digits, '_' or '-', starting with a letter or digit");
  }
}
