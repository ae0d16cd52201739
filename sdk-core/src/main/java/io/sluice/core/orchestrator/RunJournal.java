package io.sluice.core.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.core.SluiceException;
import io.sluice.core.implementation.CanonicalJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's write-ahead journal: one JSON object a line, forced to disk before the side effect it
 * announces goes ahead, so that a run killed at any point is resumed from what it had recorded.
 * A torn last line (the process died while writing it) is ignored on reading.
 */
public final class RunJournal implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;

  private RunJournal(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * Opens a journal for appending, creating it if needed.
   *
   * @param file the journal file
   * @return the journal
   */
  public static RunJournal open(Path file) {
    try {
      Files.createDirectories(file.getParent());
      return new RunJournal(
          file,
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    } catch (IOException e) {
      throw new SluiceException("Cannot open run journal " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads every complete entry of a journal.
   *
   * @param file the journal file
   * @return its entries, oldest first; empty when the file does not exist
   */
  public static List<JsonNode> read(Path file) {
    List<JsonNode> entries = new ArrayList<>();
    if (!Files.exists(file)) {
      return entries;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          entries.add(CanonicalJson.MAPPER.readTree(line));
        } catch (IOException torn) {
          break; // only the last line can be torn: it was being written when the process died
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  /**
   * A new entry of a type, to fill and {@link #append}.
   *
   * @param type the entry's type
   * @return the entry
   */
  public static ObjectNode entry(String type) {
    return CanonicalJson.MAPPER.createObjectNode().put("type", type);
  }

  /**
   * Appends an entry and forces it to disk.
   *
   * @param entry the entry
   */
  public synchronized void append(ObjectNode entry) {
    byte[] line = (entry.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new SluiceException("Cannot write run journal " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
