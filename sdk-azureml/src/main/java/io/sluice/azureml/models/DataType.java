package io.sluice.azureml.models;

import com.azure.core.util.ExpandableStringEnum;
import java.util.Collection;

/** The type of a data asset. */
public final class DataType extends ExpandableStringEnum<DataType> {
  /** One file. */
  public static final DataType URI_FILE = fromString("uri_file");

  /** A folder. */
  public static final DataType URI_FOLDER = fromString("uri_folder");

  /** A folder with an {@code MLTable} file describing a table. */
  public static final DataType MLTABLE = fromString("mltable");

  /**
   * Creates an instance; use {@link #fromString(String)}.
   *
   * @deprecated use {@link #fromString(String)}
   */
  @Deprecated
  public DataType() {}

  /**
   * The type with a name.
   *
   * @param name e.g. {@code uri_folder}
   * @return the type
   */
  public static DataType fromString(String name) {
    return fromString(name, DataType.class);
  }

  /** Returns every known type. */
  public static Collection<DataType> values() {
    return values(DataType.class);
  }
}
