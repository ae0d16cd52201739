"""Shared fixtures: the runtime package on sys.path, a DBFS root with path mappings, dbutils."""

import json
import os
import subprocess
import sys

import pytest

RUNTIME_DIR = os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", "..", "main", "resources", "io", "sluice", "databricks", "local", "python")
)
sys.path.insert(0, RUNTIME_DIR)

from sluice_databricks.dbutils import DBUtils  # noqa: E402
from sluice_databricks.mounts import MountTable  # noqa: E402
from sluice_databricks.paths import PathMapper  # noqa: E402

RAW_URI = "wasbs://raw@acct.blob.core.windows.net/"
LAKE_URI = "abfss://lake@acct.dfs.core.windows.net"


@pytest.fixture
def layout(tmp_path):
    """A DBFS root plus two local folders standing in for a blob container and an ADLS filesystem."""
    dirs = {name: tmp_path / name for name in ("dbfs", "raw", "lake")}
    for d in dirs.values():
        d.mkdir()
    return dirs


@pytest.fixture
def mapper(layout):
    mounts = MountTable(str(layout["dbfs"]))
    return PathMapper(str(layout["dbfs"]), {RAW_URI: str(layout["raw"]), LAKE_URI: str(layout["lake"])}, mounts)


@pytest.fixture
def dbutils(mapper):
    return DBUtils(
        {"raw_data": RAW_URI + "in", "clean_data": "dbfs:/out/clean"},
        mapper,
        mapper.mounts,
        {"storage": {"account-key": "s3cr3t-account-key"}},
    )


def run_runtime(tmp_path, **spec_fields) -> tuple[subprocess.CompletedProcess, dict | None]:
    """Run `python -m sluice_databricks` on a spec with sensible defaults; returns the process and result file."""
    spec = {
        "task": "notebook",
        "widgets": {},
        "args": [],
        "dbfsRoot": str(tmp_path / "dbfs"),
        "pathMappings": {},
        "resultFile": str(tmp_path / "result.json"),
        "sparkConf": {"spark.sql.shuffle.partitions": "2"},
        "appName": "sluice-test",
        **spec_fields,
    }
    spec_file = tmp_path / "spec.json"
    spec_file.write_text(json.dumps(spec))
    env = {**os.environ, "PYTHONPATH": RUNTIME_DIR}
    env.setdefault("JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64")
    process = subprocess.run(
        [sys.executable, "-m", "sluice_databricks", str(spec_file)],
        capture_output=True, text=True, env=env, timeout=300,
    )
    result_file = tmp_path / "result.json"
    return process, json.loads(result_file.read_text()) if result_file.exists() else None
