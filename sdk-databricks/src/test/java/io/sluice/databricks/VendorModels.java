package io.sluice.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.service.compute.CreateCluster;
import com.databricks.sdk.service.compute.DeleteCluster;
import com.databricks.sdk.service.compute.EditCluster;
import com.databricks.sdk.service.compute.PermanentDeleteCluster;
import com.databricks.sdk.service.compute.RestartCluster;
import com.databricks.sdk.service.compute.StartCluster;
import com.databricks.sdk.service.files.AddBlock;
import com.databricks.sdk.service.files.Close;
import com.databricks.sdk.service.files.Create;
import com.databricks.sdk.service.files.MkDirs;
import com.databricks.sdk.service.files.Put;
import com.databricks.sdk.service.jobs.CancelRun;
import com.databricks.sdk.service.jobs.CreateJob;
import com.databricks.sdk.service.jobs.DeleteJob;
import com.databricks.sdk.service.jobs.RepairRun;
import com.databricks.sdk.service.jobs.RunNow;
import com.databricks.sdk.service.jobs.SubmitRun;
import com.databricks.sdk.service.settings.CreateTokenRequest;
import com.databricks.sdk.service.settings.RevokeTokenRequest;
import com.databricks.sdk.service.workspace.CreateScope;
import com.databricks.sdk.service.workspace.DeleteAcl;
import com.databricks.sdk.service.workspace.DeleteScope;
import com.databricks.sdk.service.workspace.DeleteSecret;
import com.databricks.sdk.service.workspace.Import;
import com.databricks.sdk.service.workspace.Mkdirs;
import com.databricks.sdk.service.workspace.PutAcl;
import com.databricks.sdk.service.workspace.PutSecret;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * Reads recorded request bodies into the vendor's own request models ({@code
 * com.databricks:databricks-sdk-java}) with unknown properties failing, so that every field Sluice
 * sends is one Databricks defines.
 */
public final class VendorModels {
  /** The vendor SDK's own settings, except that unknown fields fail. */
  public static final ObjectMapper STRICT =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

  static final Map<String, Class<?>> BODIES =
      Map.ofEntries(
          Map.entry("/api/2.2/jobs/runs/submit", SubmitRun.class),
          Map.entry("/api/2.2/jobs/runs/cancel", CancelRun.class),
          Map.entry("/api/2.2/jobs/runs/repair", RepairRun.class),
          Map.entry("/api/2.2/jobs/create", CreateJob.class),
          Map.entry("/api/2.2/jobs/run-now", RunNow.class),
          Map.entry("/api/2.2/jobs/delete", DeleteJob.class),
          Map.entry("/api/2.1/clusters/create", CreateCluster.class),
          Map.entry("/api/2.1/clusters/edit", EditCluster.class),
          Map.entry("/api/2.1/clusters/start", StartCluster.class),
          Map.entry("/api/2.1/clusters/restart", RestartCluster.class),
          Map.entry("/api/2.1/clusters/delete", DeleteCluster.class),
          Map.entry("/api/2.1/clusters/permanent-delete", PermanentDeleteCluster.class),
          Map.entry("/api/2.0/dbfs/put", Put.class),
          Map.entry("/api/2.0/dbfs/create", Create.class),
          Map.entry("/api/2.0/dbfs/add-block", AddBlock.class),
          Map.entry("/api/2.0/dbfs/close", Close.class),
          Map.entry("/api/2.0/dbfs/mkdirs", MkDirs.class),
          Map.entry("/api/2.0/dbfs/delete", com.databricks.sdk.service.files.Delete.class),
          Map.entry("/api/2.0/workspace/import", Import.class),
          Map.entry("/api/2.0/workspace/mkdirs", Mkdirs.class),
          Map.entry("/api/2.0/workspace/delete", com.databricks.sdk.service.workspace.Delete.class),
          Map.entry("/api/2.0/secrets/scopes/create", CreateScope.class),
          Map.entry("/api/2.0/secrets/scopes/delete", DeleteScope.class),
          Map.entry("/api/2.0/secrets/put", PutSecret.class),
          Map.entry("/api/2.0/secrets/delete", DeleteSecret.class),
          Map.entry("/api/2.0/secrets/acls/put", PutAcl.class),
          Map.entry("/api/2.0/secrets/acls/delete", DeleteAcl.class),
          Map.entry("/api/2.0/token/create", CreateTokenRequest.class),
          Map.entry("/api/2.0/token/delete", RevokeTokenRequest.class));

  private VendorModels() {}

  /**
   * Reads a body into the vendor model for its path.
   *
   * @param path the request path
   * @param body the JSON body
   * @param type the vendor model of the path
   * @param <T> the model
   * @return the model
   */
  public static <T> T read(String path, String body, Class<T> type) {
    assertThat(type).as("vendor model for " + path).isEqualTo(model(path));
    try {
      return STRICT.readValue(body, type);
    } catch (java.io.IOException e) {
      throw new AssertionError(
          "The body of " + path + " is not a valid " + type.getSimpleName() + ": " + e.getMessage(),
          e);
    }
  }

  private static Class<?> model(String path) {
    Class<?> type = BODIES.get(path);
    assertThat(type).as("vendor model for " + path).isNotNull();
    return type;
  }

  /**
   * Checks every POST body of the calls against the vendor models.
   *
   * @param calls the calls
   * @return how many bodies were checked
   */
  public static int checkAll(List<FakeDatabricks.Call> calls) {
    int checked = 0;
    for (FakeDatabricks.Call call : calls) {
      if (call.method().equals("POST")) {
        read(call.path(), call.body(), model(call.path()));
        checked++;
      }
    }
    return checked;
  }
}
