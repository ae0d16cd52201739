package io.sluice.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Model values held as their interface type keep their type name through JSON. */
class PolymorphicJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());

  @Test
  void computeTargetsRoundTrip() throws Exception {
    for (ComputeTarget compute : List.of(DatabricksCompute.of("dbx"), AmlCompute.of("cpu"))) {
      String json = JSON.writerFor(ComputeTarget.class).writeValueAsString(compute);
      assertThat(JSON.readValue(json, ComputeTarget.class)).as(json).isEqualTo(compute);
    }
  }

  @Test
  void datastoresRoundTrip() throws Exception {
    Datastore blob =
        AzureBlobDatastore.builder().name("raw").accountName("acct").containerName("raw").build();
    Datastore adls =
        AdlsGen2Datastore.builder().name("lake").accountName("acct").fileSystem("lake").build();
    for (Datastore store : List.of(blob, adls)) {
      String json = JSON.writerFor(Datastore.class).writeValueAsString(store);
      assertThat(JSON.readValue(json, Datastore.class)).as(json).isEqualTo(store);
    }
  }
}
