package io.sluice.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

class DbfsRoundTripTest {
  private static final String TOKEN = "dapi11112222333344445555666677778888";

  @Test
  void twentyMegabytesGoUpInOneMegabyteBlocksAndComeBackByteIdentical() throws Exception {
    FakeDatabricks fake = new FakeDatabricks(TOKEN);
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(fake);
      server.start();
      DbfsClient dbfs =
          new DatabricksClientBuilder()
              .endpoint(server.url("/").toString())
              .token(TOKEN)
              .environment(Map.of())
              .retryOptions(
                  new RetryOptions(
                      new ExponentialBackoffOptions()
                          .setMaxRetries(3)
                          .setBaseDelay(Duration.ofMillis(5))
                          .setMaxDelay(Duration.ofMillis(50))))
              .buildClient()
              .getDbfsClient();
      byte[] data = new byte[20 * 1024 * 1024 + 123];
      new Random(7).nextBytes(data);

      long written = dbfs.upload("dbfs:/sluice/big.bin", new ByteArrayInputStream(data), true);
      byte[] back = dbfs.readAll("dbfs:/sluice/big.bin");

      assertThat(written).isEqualTo(data.length);
      assertThat(back).isEqualTo(data);
      assertThat(fake.dbfsFile("/sluice/big.bin")).isEqualTo(data);
      assertThat(fake.calls("/api/2.0/dbfs/add-block")).hasSize(21);
      assertThat(fake.calls("/api/2.0/dbfs/read")).hasSize(22);
      assertThat(VendorModels.checkAll(fake.calls())).isEqualTo(23);
    }
  }
}
