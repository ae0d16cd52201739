package io.sluice.core.orchestrator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
 * The run's write-ahead journal: one {@link JournalEntry} a line, as JSON, forced to disk before
 * the side effect it announces goes ahead, so that a run killed at any point is resumed from what
 * it had recorded. A torn line (the process died while writing it) is ignored on reading, and ended
 * before the next attempt appends, so that it never swallows a later entry.
 */
public final class RunJournal implements AutoCloseable {
  // Timestamps as ISO-8601 text; a property a later version adds is skipped, not an error.
  private static final ObjectMapper MAPPER =
      CanonicalJson.MAPPER
          .copy()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final ObjectWriter WRITER = MAPPER.writerFor(JournalEntry.class);
  private static final ObjectReader READER = MAPPER.readerFor(JournalEntry.class);

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
      boolean torn = endsInTornLine(file);
      RunJournal journal =
          new RunJournal(
              file,
              FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.APPEND));
      if (torn) {
        journal.write(new byte[] {'\n'}); // the next entry starts a line of its own
      }
      return journal;
    } catch (IOException e) {
      throw new SluiceException("Cannot open run journal " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads every complete entry of a journal.
   *
   * @param file the journal file
   * @return its entries, oldest first; empty when the file does not exist
   * @throws SluiceException when a line that is not the last is not an entry
   */
  public static List<JournalEntry> read(Path file) {
    List<JournalEntry> entries = new ArrayList<>();
    if (!Files.exists(file)) {
      return entries;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        entries.add(READER.readValue(line));
      } catch (JsonProcessingException e) {
        if (isTorn(e)) {
          continue; // it was being written when the process died
        }
        throw new SluiceException(
            "Run journal "
                + file
                + " line "
                + (i + 1)
                + " is not a journal entry ("
                + e.getOriginalMessage()
                + "); the run cannot be resumed: submit it with another run id",
            e);
      }
    }
    return entries;
  }

  /** Whether a line ends before its entry does, as a line cut short by a crash does. */
  private static boolean isTorn(JsonProcessingException e) {
    return !(e instanceof MismatchedInputException)
        || e.getOriginalMessage().contains("end-of-input");
  }

  /** Whether a crash left the journal's last line unfinished. */
  private static boolean endsInTornLine(Path file) throws IOException {
    if (!Files.exists(file)) {
      return false;
    }
    try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = reader.size();
      ByteBuffer last = ByteBuffer.allocate(1);
      return size > 0 && reader.read(last, size - 1) == 1 && last.get(0) != '\n';
    }
  }

  /**
   * Appends an entry and forces it to disk.
   *
   * @param entry the entry
   */
  public synchronized void append(JournalEntry entry) {
    byte[] line;
    try {
      line = (WRITER.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A journal entry cannot be written as JSON: " + entry, e);
    }
    try {
      write(line);
    } catch (IOException e) {
      throw new SluiceException("Cannot write run journal " + file + ": " + e.getMessage(), e);
    }
  }

  private void write(byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    channel.force(false);
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
