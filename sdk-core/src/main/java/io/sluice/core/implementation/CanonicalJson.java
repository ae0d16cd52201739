package io.sluice.core.implementation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/**
 * The one JSON form of definitions: properties and map keys sorted, absent values left out, two
 * spaces and {@code \n} whatever the platform, so equal values always give equal bytes.
 */
public final class CanonicalJson {
  /** Reads strictly: an unknown property is an error, not silently dropped. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
          .build();

  /** Writes the canonical, indented form. */
  public static final ObjectWriter WRITER =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  /** Writes the canonical compact form, used for hashing. */
  public static final ObjectWriter COMPACT = MAPPER.writer();

  private CanonicalJson() {}

  /**
   * A generator that feeds the compact canonical bytes of each value written with {@link
   * #writeCompact} straight into a digest, with no copy and no separator between values. One
   * generator serves many values: making one per value is most of what small values cost.
   */
  public static JsonGenerator digestGenerator(MessageDigest digest) {
    try {
      return DIGEST_WRITER.createGenerator(
          new DigestOutputStream(OutputStream.nullOutputStream(), digest));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a value known to serialise to a generator made by {@link #digestGenerator}. */
  public static void writeCompact(JsonGenerator generator, Object value) {
    try {
      DIGEST_WRITER.writeValue(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final ObjectWriter DIGEST_WRITER = COMPACT.withRootValueSeparator("");

  /** The compact canonical bytes of a value that is known to serialise. */
  public static byte[] compactBytes(Object value) {
    try {
      return COMPACT.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
