package io.sluice.azureml.datastore;

import static io.sluice.azureml.datastore.LocalTrees.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.BinaryData;
import io.sluice.core.definition.DatastoreDefinition;
import io.sluice.testing.azurite.AzuriteExtension;
import io.sluice.testing.azurite.AzuriteServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A failed upload never leaves data that reads as complete. */
@ExtendWith(AzuriteExtension.class)
class BlobIntegrityIT {
  private final BlobDatastoreIo io = new BlobDatastoreIo();
  @TempDir Path dir;

  @Test
  void anUploadCutOffMidwayIsIncompleteAndARetryCompletesIt(AzuriteServer azurite)
      throws Exception {
    DatastoreDefinition.AzureBlob store = AzuriteStores.fresh(azurite);
    Path old = LocalTrees.random(dir.resolve("old"), 10, 10_000, 1);
    Path source = LocalTrees.random(dir.resolve("new"), 40, 300_000, 2);
    io.upload(old, store, "out", azurite.secrets());

    BlobDatastoreIo failing = new BlobDatastoreIo(null, List.of(new FailAfterWrites(15)));
    assertThatThrownBy(() -> failing.upload(source, store, "out", azurite.secrets()))
        .isInstanceOf(DatastoreException.class)
        .hasMessageContaining("datastore '" + store.name() + "'")
        .hasMessageContaining("injected connection reset");

    assertThatThrownBy(() -> io.download(store, "out", dir.resolve("partial"), azurite.secrets()))
        .isInstanceOf(IncompleteDataException.class)
        .hasMessageContaining("_SUCCESS")
        .hasMessageContaining("container '" + store.containerName() + "'")
        .hasMessageContaining("path 'out'");
    assertThatThrownBy(() -> io.contentHash(store, "out", azurite.secrets()))
        .isInstanceOf(IncompleteDataException.class);

    io.upload(source, store, "out", azurite.secrets());
    io.download(store, "out", dir.resolve("back"), azurite.secrets());
    assertSameTree(dir.resolve("back"), source);
  }

  @Test
  void blobsWithoutAMarkerAreIncompleteAndAnEmptyPathIsNotFound(AzuriteServer azurite) {
    DatastoreDefinition.AzureBlob store = AzuriteStores.fresh(azurite);
    var container = io.containerClient(store, azurite.secrets());
    container.getBlobClient("half/a.txt").upload(BinaryData.fromString("a"));

    assertThatThrownBy(() -> io.download(store, "half", dir.resolve("x"), azurite.secrets()))
        .isInstanceOf(IncompleteDataException.class);
    assertThatThrownBy(
            () -> io.download(store, "nothing/here", dir.resolve("y"), azurite.secrets()))
        .isInstanceOf(DatastoreNotFoundException.class)
        .hasMessageContaining("path 'nothing/here'");

    // Spark's own marker makes a folder written by a Databricks job complete.
    container.getBlobClient("half/_SUCCESS").upload(BinaryData.fromString(""));
    io.download(store, "half", dir.resolve("z"), azurite.secrets());
    assertThat(dir.resolve("z/a.txt")).hasContent("a");
    assertThat(dir.resolve("z/_SUCCESS")).doesNotExist();
  }

  @Test
  void aFolderReplacedWhileBeingReadIsReportedAsChanged(AzuriteServer azurite) throws Exception {
    DatastoreDefinition.AzureBlob store = AzuriteStores.fresh(azurite);
    Path source = LocalTrees.write(dir.resolve("src"), Map.of("a", "1", "b", "2"));
    io.upload(source, store, "out", azurite.secrets());
    // A writer starts over between the reader's listing and its final check.
    Runnable writer = () -> io.upload(source, store, "out", azurite.secrets());
    BlobDatastoreIo racing = new BlobDatastoreIo(null, List.of(OnFirst.blobRead(writer)));

    assertThatThrownBy(() -> racing.download(store, "out", dir.resolve("x"), azurite.secrets()))
        .isInstanceOf(IncompleteDataException.class)
        .hasMessageContaining("changed while it was being read");
  }

  @Test
  void aSourceFileThatVanishesMidwayFailsTheUploadAndLeavesItIncomplete(AzuriteServer azurite)
      throws Exception {
    DatastoreDefinition.AzureBlob store = AzuriteStores.fresh(azurite);
    Path source = LocalTrees.random(dir.resolve("src"), 40, 50_000, 3);
    String last = List.copyOf(LocalTrees.listing(source).keySet()).get(39);
    Runnable vanish =
        () -> {
          try {
            Files.delete(source.resolve(last));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        };
    BlobDatastoreIo unlucky = new BlobDatastoreIo(null, List.of(OnFirst.blobWrite(vanish)));

    assertThatThrownBy(() -> unlucky.upload(source, store, "out", azurite.secrets()))
        .isInstanceOf(DatastoreException.class)
        .hasMessageContaining(last)
        .hasMessageContaining("local files");
    assertThatThrownBy(() -> io.download(store, "out", dir.resolve("x"), azurite.secrets()))
        .isInstanceOf(IncompleteDataException.class);
  }

  /** Runs an action once, before the first request that matches is sent. */
  private static final class OnFirst implements HttpPipelinePolicy {
    private final Predicate<HttpRequest> matches;
    private final Runnable action;
    private final AtomicBoolean done = new AtomicBoolean();

    OnFirst(Predicate<HttpRequest> matches, Runnable action) {
      this.matches = matches;
      this.action = action;
    }

    static OnFirst blobRead(Runnable action) {
      return new OnFirst(
          request -> {
            String query = request.getUrl().getQuery();
            return request.getHttpMethod() == HttpMethod.GET
                && (query == null || !query.contains("comp=list"));
          },
          action);
    }

    static OnFirst blobWrite(Runnable action) {
      return new OnFirst(request -> request.getHttpMethod() == HttpMethod.PUT, action);
    }

    @Override
    public Mono<HttpResponse> process(
        HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
      if (matches.test(context.getHttpRequest()) && done.compareAndSet(false, true)) {
        // Off the reactor thread: the action may make blocking calls of its own.
        return Mono.fromRunnable(action)
            .subscribeOn(Schedulers.boundedElastic())
            .then(next.process());
      }
      return next.process();
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
      return HttpPipelinePosition.PER_CALL;
    }
  }
}
