package io.sluice.examples.seed;

import io.sluice.azureml.AzureMlClient;
import io.sluice.azureml.AzureMlClientBuilder;
import io.sluice.azureml.AzureMlResourceNotFoundException;
import io.sluice.azureml.models.ModelVersion;
import io.sluice.azureml.models.OnlineDeployment;
import io.sluice.azureml.models.OnlineDeploymentInfo;
import io.sluice.azureml.models.OnlineEndpoint;
import io.sluice.azureml.models.OnlineEndpointInfo;
import io.sluice.core.model.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The seed scenario's cloud half: registers the MLflow model the seed's {@code train} step saved,
 * deploys it to a managed online endpoint (an MLflow model needs no scoring script or environment),
 * sends all traffic to it and scores one customer.
 *
 * <p>{@link #main} runs it against real Azure: it reads the workspace from {@code config.json} and
 * signs in with azure-identity's {@code DefaultAzureCredential}. The arguments are the model folder
 * (the {@code model} folder inside the train step's output), and optionally the endpoint name and
 * region.
 */
public final class DeploySeedModel {
  /** The registered model's name. */
  public static final String MODEL_NAME = "churn-model";

  /** The deployment's name. */
  public static final String DEPLOYMENT = "blue";

  /** One customer, as the model's signature wants it: numeric features and one-hot plans. */
  public static final String SAMPLE_REQUEST =
      "{\"input_data\":{\"columns\":[\"age\",\"income\","
          + "\"tenure_months\",\"monthly_charges\",\"plan_basic\",\"plan_standard\","
          + "\"plan_premium\"],\"index\":[0],\"data\":[[37.0,29085.0,54.0,99.06,0.0,0.0,1.0]]}}";

  /**
   * What was deployed, and the answer to the sample request.
   *
   * @param model the registered model version
   * @param endpoint the endpoint
   * @param deployment the deployment
   * @param score the scoring response
   */
  public record Deployed(
      ModelVersion model,
      OnlineEndpointInfo endpoint,
      OnlineDeploymentInfo deployment,
      String score) {}

  private DeploySeedModel() {}

  /**
   * Registers, deploys and scores.
   *
   * @param client the workspace's client
   * @param modelFolder the MLflow model folder (with its {@code MLmodel} file)
   * @param endpointName the endpoint's name, unique in its region
   * @param location the region
   * @return what was deployed and the score
   */
  public static Deployed deploy(
      AzureMlClient client, Path modelFolder, String endpointName, String location) {
    if (!Files.isRegularFile(modelFolder.resolve("MLmodel"))) {
      throw new IllegalArgumentException(
          modelFolder
              + " holds no MLmodel file; pass the model"
              + " folder the seed's train step wrote (<train output>/model)");
    }
    ModelVersion model =
        client.registerModelFromLocalFolder(MODEL_NAME, nextVersion(client), modelFolder);
    client
        .beginCreateOrUpdateOnlineEndpoint(
            new OnlineEndpoint(endpointName, location)
                .setAuthMode("Key")
                .setDescription("Churn model from the Sluice seed pipeline"))
        .getFinalResult();
    OnlineDeploymentInfo deployment =
        client
            .beginCreateOrUpdateOnlineDeployment(
                endpointName, new OnlineDeployment(DEPLOYMENT, location, model.id()))
            .getFinalResult();
    // The endpoint as it is once traffic goes to the deployment.
    OnlineEndpointInfo endpoint =
        client.beginUpdateTraffic(endpointName, Map.of(DEPLOYMENT, 100)).getFinalResult();
    String score = client.invoke(endpointName, DEPLOYMENT, SAMPLE_REQUEST);
    return new Deployed(model, endpoint, deployment, score);
  }

  private static String nextVersion(AzureMlClient client) {
    try {
      int highest =
          client.listModelVersions(MODEL_NAME).stream()
              .map(ModelVersion::version)
              .filter(v -> v.matches("\\d{1,9}"))
              .mapToInt(Integer::parseInt)
              .max()
              .orElse(0);
      return Integer.toString(highest + 1);
    } catch (AzureMlResourceNotFoundException firstRegistration) {
      return "1";
    }
  }

  /**
   * Deploys the seed's model to real Azure.
   *
   * @param args the model folder, then optionally the endpoint name and the region
   */
  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: DeploySeedModel <model folder> [endpoint name] [region]");
      System.exit(2);
    }
    Workspace workspace = Workspace.fromConfig();
    String location = args.length > 2 ? args[2] : workspace.region().orElse("westeurope");
    AzureMlClient client =
        new AzureMlClientBuilder().workspace(workspace).defaultAzureCredential().buildClient();
    Deployed deployed =
        deploy(client, Path.of(args[0]), args.length > 1 ? args[1] : "sluice-churn", location);
    System.out.println("Model: " + deployed.model().id());
    System.out.println("Endpoint: " + deployed.endpoint().scoringUri());
    System.out.println("Score for the sample customer: " + deployed.score());
  }
}
