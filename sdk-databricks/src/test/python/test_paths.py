import os

import pytest

from conftest import LAKE_URI, RAW_URI
from sluice_databricks.paths import UnmappedPathError


def test_dbfs_uri_and_fuse_path_map_under_the_dbfs_root(mapper, layout):
    expected = os.path.join(str(layout["dbfs"]), "x", "y.csv")
    assert mapper.to_local("dbfs:/x/y.csv") == expected
    assert mapper.to_local("/dbfs/x/y.csv") == expected
    assert mapper.to_local("dbfs:/") == str(layout["dbfs"])


def test_storage_uri_maps_with_and_without_trailing_slash_in_the_mapping(mapper, layout):
    assert mapper.to_local(RAW_URI + "in/a.csv") == os.path.join(str(layout["raw"]), "in", "a.csv")
    assert mapper.to_local(RAW_URI.rstrip("/")) == str(layout["raw"])
    assert mapper.to_local(LAKE_URI + "/t") == os.path.join(str(layout["lake"]), "t")
    assert mapper.to_local(LAKE_URI) == str(layout["lake"])


def test_unmapped_uri_names_the_uri_and_the_known_prefixes(mapper):
    with pytest.raises(UnmappedPathError) as e:
        mapper.to_local("abfs://other@acct.dfs.core.windows.net/x")
    message = str(e.value)
    assert "abfs://other@acct.dfs.core.windows.net/x" in message
    assert RAW_URI in message and LAKE_URI + "/" in message


def test_plain_local_paths_and_names_are_unchanged(mapper):
    assert mapper.to_local("/home/me/data.csv") == "/home/me/data.csv"
    assert mapper.to_local("/mnt/c/not-a-mount") == "/mnt/c/not-a-mount"
    assert mapper.to_local("db.table") == "db.table"


def test_mount_points_map_through_the_mount_source(mapper, layout):
    mapper.mounts.add(RAW_URI, "/mnt/raw")
    expected = os.path.join(str(layout["raw"]), "in", "a.csv")
    for path in ("/mnt/raw/in/a.csv", "dbfs:/mnt/raw/in/a.csv", "/dbfs/mnt/raw/in/a.csv"):
        assert mapper.to_local(path) == expected


def test_local_paths_map_back_to_databricks_paths(mapper, layout):
    assert mapper.to_databricks(os.path.join(str(layout["dbfs"]), "out", "x")) == "dbfs:/out/x"
    assert mapper.to_databricks(str(layout["dbfs"])) == "dbfs:/"
    assert mapper.to_databricks(os.path.join(str(layout["lake"]), "t")) == LAKE_URI + "/t"
    assert mapper.to_databricks("/elsewhere/file") == "/elsewhere/file"
    mapper.mounts.add(RAW_URI, "/mnt/raw")
    assert mapper.to_databricks(os.path.join(str(layout["raw"]), "a.csv")) == "dbfs:/mnt/raw/a.csv"
