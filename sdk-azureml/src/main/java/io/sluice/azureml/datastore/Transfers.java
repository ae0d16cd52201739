package io.sluice.azureml.datastore;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.ParallelTransferOptions;
import com.azure.storage.blob.options.BlobUploadFromFileOptions;
import io.sluice.core.SluiceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one transfer per blob on a bounded pool; the first failure cancels the rest, since the
 * operation as a whole has failed and a retry starts it over. Also the one way a file is written to
 * a blob, for datastore uploads and code snapshots alike.
 */
final class Transfers {
  /** Files in flight at once; each large file is itself split into parallel blocks. */
  static final int FILES_IN_PARALLEL = 8;

  /** Files larger than this travel as blocks of this size, several at once. */
  static final long BLOCK_SIZE = 8L * 1024 * 1024;

  static final int BLOCKS_IN_PARALLEL = 4;

  private Transfers() {}

  static <T> void forEach(List<T> items, Consumer<T> transfer) {
    if (items.isEmpty()) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(FILES_IN_PARALLEL, items.size()));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> transfer.accept(item)));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new SluiceException("A transfer failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SluiceException("Interrupted while transferring blobs", e);
    } finally {
      pool.shutdownNow();
      awaitQuietly(pool);
    }
  }

  /**
   * Uploads a file to a blob, with its Content-MD5 and, in the same commit, the given metadata: a
   * block blob becomes visible only when its block list is committed, so a cut upload never leaves
   * a blob whose metadata vouches for content it does not have.
   *
   * @param metadata e.g. the file's SHA-256; may be null
   */
  static void uploadFile(BlobClient blob, Path file, Map<String, String> metadata) {
    // Storage keeps the whole-blob MD5 only for single-shot uploads; setting it for every blob
    // keeps content hashes stable across re-uploads of the same bytes and lets downloads verify.
    BlobUploadFromFileOptions options =
        new BlobUploadFromFileOptions(file.toString())
            .setHeaders(new BlobHttpHeaders().setContentMd5(Md5.of(file)))
            .setMetadata(metadata)
            .setParallelTransferOptions(
                new ParallelTransferOptions()
                    .setBlockSizeLong(BLOCK_SIZE)
                    .setMaxSingleUploadSizeLong(BLOCK_SIZE)
                    .setMaxConcurrency(BLOCKS_IN_PARALLEL));
    blob.uploadFromFileWithResponse(options, null, null);
  }

  /** Waits for cancelled transfers to stop so that nothing writes after the call returned. */
  private static void awaitQuietly(ExecutorService pool) {
    try {
      pool.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
