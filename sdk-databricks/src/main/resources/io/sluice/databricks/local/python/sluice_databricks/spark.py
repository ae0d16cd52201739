"""The local SparkSession, and translation of Databricks paths in Spark's readers and writers."""

import functools
import os
import sys
from typing import Callable

# Methods whose first argument (or `path`/`paths` keyword) is a path; the reader's `parquet` takes *paths.
_READER_METHODS = ("load", "csv", "json", "parquet", "text", "orc", "table")
_WRITER_METHODS = ("save", "csv", "json", "parquet", "text", "orc")
_PATH_KEYWORDS = ("path", "paths")

_DEFAULT_CONF = {
    "spark.ui.enabled": "false",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.sql.shuffle.partitions": "4",
    "spark.ui.showConsoleProgress": "false",  # progress bars garble captured logs
}


def create_spark_session(app_name: str, spark_conf: dict[str, str]):
    """Start a local[*] SparkSession; `spark_conf` overrides the defaults."""
    from pyspark.sql import SparkSession

    # Python workers must use this interpreter (and its packages), not whatever `python` is on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # keeps Spark off external interfaces
    builder = SparkSession.builder.master("local[*]").appName(app_name)
    for key, value in {**_DEFAULT_CONF, **spark_conf}.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


def _translated(value, to_local: Callable[[str], str]):
    if isinstance(value, str):
        return to_local(value)
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return type(value)(to_local(v) for v in value)
    return value  # an RDD or a Dataset of strings is content, not a path


def _translating(method, to_local: Callable[[str], str], all_positional: bool):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        count = len(args) if all_positional else 1
        args = tuple(_translated(a, to_local) for a in args[:count]) + args[count:]
        for key in _PATH_KEYWORDS:
            if key in kwargs:
                kwargs[key] = _translated(kwargs[key], to_local)
        return method(self, *args, **kwargs)

    return wrapper


def install_path_translation(to_local: Callable[[str], str]) -> Callable[[], None]:
    """Make DataFrameReader/DataFrameWriter accept dbfs:/, /dbfs/, /mnt/ and mapped storage URIs.

    Returns a function that restores the original methods.
    """
    from pyspark.sql.readwriter import DataFrameReader, DataFrameWriter

    originals = []
    for cls, names in ((DataFrameReader, _READER_METHODS), (DataFrameWriter, _WRITER_METHODS)):
        for name in names:
            method = getattr(cls, name)
            originals.append((cls, name, method))
            all_positional = cls is DataFrameReader and name == "parquet"
            setattr(cls, name, _translating(method, to_local, all_positional))

    def restore() -> None:
        for cls, name, method in originals:
            setattr(cls, name, method)

    return restore
