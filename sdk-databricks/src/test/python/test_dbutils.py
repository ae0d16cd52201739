import json
import os

import pytest

from conftest import RAW_URI
from sluice_databricks.dbutils import DBUtils, InputWidgetNotDefined, NotebookExit
from sluice_databricks.mounts import MOUNTS_FILE_NAME, MountError, MountTable
from sluice_databricks.paths import PathMapper, UnmappedPathError
from sluice_databricks.secret_store import SecretNotFound


# --- widgets ---

def test_widget_values_come_from_the_task(dbutils):
    assert dbutils.widgets.get("raw_data") == RAW_URI + "in"


def test_unknown_widget_names_it_and_lists_the_known_ones(dbutils):
    with pytest.raises(InputWidgetNotDefined) as e:
        dbutils.widgets.get("foo")
    assert str(e.value) == "No widget named 'foo'. This notebook has widgets: clean_data, raw_data"


def test_unknown_widget_when_there_are_none(dbutils):
    dbutils.widgets.removeAll()
    with pytest.raises(InputWidgetNotDefined, match=r"^No widget named 'foo'\. This notebook has no widgets\.$"):
        dbutils.widgets.get("foo")


def test_definitions_only_supply_defaults(dbutils):
    dbutils.widgets.text("raw_data", "ignored")
    dbutils.widgets.text("limit", "10", "Row limit")
    dbutils.widgets.dropdown("mode", "fast", ["fast", "slow"])
    dbutils.widgets.combobox("colour", "teal", ["red"])
    dbutils.widgets.multiselect("days", "mon,tue", ["mon", "tue", "wed"])
    assert dbutils.widgets.get("raw_data") == RAW_URI + "in"
    assert [dbutils.widgets.get(n) for n in ("limit", "mode", "colour", "days")] == ["10", "fast", "teal", "mon,tue"]


def test_dropdown_default_must_be_a_choice(dbutils):
    with pytest.raises(ValueError, match="not one of its choices"):
        dbutils.widgets.dropdown("mode", "medium", ["fast", "slow"])


def test_get_argument_and_remove(dbutils):
    assert dbutils.widgets.getArgument("missing", "d") == "d"
    assert dbutils.widgets.getArgument("missing") is None
    dbutils.widgets.remove("raw_data")
    assert dbutils.widgets.getArgument("raw_data") is None
    dbutils.widgets.removeAll()
    assert dbutils.widgets.getAll() == {}


def test_overridden_widgets_are_restored(dbutils):
    with dbutils.widgets.overridden({"raw_data": "x", "extra": "y"}):
        assert dbutils.widgets.get("raw_data") == "x" and dbutils.widgets.get("extra") == "y"
    assert dbutils.widgets.get("raw_data") == RAW_URI + "in"
    assert dbutils.widgets.getArgument("extra") is None


# --- fs ---

def test_put_head_ls_on_dbfs(dbutils, layout, capsys):
    assert dbutils.fs.put("dbfs:/notes/a.txt", "hello")
    assert capsys.readouterr().out == "Wrote 5 bytes.\n"
    assert (layout["dbfs"] / "notes" / "a.txt").read_text() == "hello"
    assert dbutils.fs.head("/dbfs/notes/a.txt") == "hello"
    assert dbutils.fs.head("dbfs:/notes/a.txt", 2) == "he"
    dbutils.fs.mkdirs("dbfs:/notes/sub")
    entries = dbutils.fs.ls("dbfs:/notes")
    assert [(e.path, e.name, e.size) for e in entries] == [
        ("dbfs:/notes/a.txt", "a.txt", 5),
        ("dbfs:/notes/sub/", "sub/", 0),
    ]
    assert entries[1].isDir() and entries[0].isFile() and entries[0].modificationTime > 0


def test_put_refuses_to_overwrite_unless_asked(dbutils):
    dbutils.fs.put("dbfs:/a.txt", "1")
    with pytest.raises(FileExistsError):
        dbutils.fs.put("dbfs:/a.txt", "2")
    dbutils.fs.put("dbfs:/a.txt", "2", overwrite=True)
    assert dbutils.fs.head("dbfs:/a.txt") == "2"


def test_ls_of_a_storage_uri_and_of_a_missing_path(dbutils, layout):
    (layout["raw"] / "in").mkdir()
    (layout["raw"] / "in" / "c.csv").write_text("x\n")
    assert [e.path for e in dbutils.fs.ls(RAW_URI + "in")] == [RAW_URI + "in/c.csv"]
    with pytest.raises(FileNotFoundError, match="dbfs:/nope"):
        dbutils.fs.ls("dbfs:/nope")


def test_cp_mv_rm(dbutils, layout):
    dbutils.fs.put("dbfs:/src/a.txt", "a")
    dbutils.fs.put("dbfs:/src/deep/b.txt", "b")
    with pytest.raises(IsADirectoryError):
        dbutils.fs.cp("dbfs:/src", "dbfs:/copy")
    assert dbutils.fs.cp("dbfs:/src", RAW_URI + "copy", recurse=True)
    assert (layout["raw"] / "copy" / "deep" / "b.txt").read_text() == "b"
    assert dbutils.fs.cp("dbfs:/src/a.txt", "dbfs:/one/a2.txt")
    assert dbutils.fs.mv("dbfs:/one/a2.txt", "dbfs:/two/a3.txt")
    assert not (layout["dbfs"] / "one" / "a2.txt").exists() and (layout["dbfs"] / "two" / "a3.txt").exists()
    with pytest.raises(IsADirectoryError):
        dbutils.fs.rm("dbfs:/src")
    assert dbutils.fs.rm("dbfs:/src", recurse=True)
    assert not (layout["dbfs"] / "src").exists()
    assert dbutils.fs.rm("dbfs:/src") is False


def test_mounts_persist_for_a_later_step(dbutils, layout):
    assert dbutils.fs.mount(RAW_URI, "/mnt/raw", extra_configs={"fs.azure.account.key.acct": "s3cr3t-account-key"})
    (layout["raw"] / "f.txt").write_text("from blob")
    assert dbutils.fs.head("/mnt/raw/f.txt") == "from blob"
    stored = (layout["dbfs"] / MOUNTS_FILE_NAME).read_text()
    assert "s3cr3t-account-key" not in stored

    later_mounts = MountTable(str(layout["dbfs"]))
    later = PathMapper(str(layout["dbfs"]), {RAW_URI: str(layout["raw"])}, later_mounts)
    assert later.to_local("dbfs:/mnt/raw/f.txt") == str(layout["raw"] / "f.txt")
    assert [(m.mountPoint, m.source) for m in later_mounts.all()] == [("/mnt/raw", RAW_URI)]


def test_mount_twice_and_unmount_unknown_raise_like_databricks(dbutils):
    dbutils.fs.mount(RAW_URI, "/mnt/raw")
    with pytest.raises(MountError, match="^Directory already mounted: /mnt/raw$"):
        dbutils.fs.mount(RAW_URI, "dbfs:/mnt/raw/")
    with pytest.raises(MountError, match="^Directory not mounted: /mnt/other$"):
        dbutils.fs.unmount("/mnt/other")
    assert dbutils.fs.unmount("/mnt/raw")
    assert dbutils.fs.mounts() == []


def test_mount_of_an_unmapped_source_fails_at_mount_time(dbutils):
    with pytest.raises(UnmappedPathError, match="wasbs://other@acct"):
        dbutils.fs.mount("wasbs://other@acct.blob.core.windows.net/", "/mnt/other")


def test_update_and_refresh_mounts(dbutils, layout):
    lake = "abfss://lake@acct.dfs.core.windows.net/"
    dbutils.fs.mount(RAW_URI, "/mnt/data")
    assert dbutils.fs.updateMount(lake, "/mnt/data")
    assert dbutils.fs.mounts()[0].source == lake
    os.remove(layout["dbfs"] / MOUNTS_FILE_NAME)  # another step unmounted everything
    assert dbutils.fs.refreshMounts()
    assert dbutils.fs.mounts() == []


# --- notebook ---

def test_notebook_exit_carries_the_value_as_a_string(dbutils):
    with pytest.raises(NotebookExit) as e:
        dbutils.notebook.exit(42)
    assert e.value.value == "42"


def test_notebook_exit_is_not_caught_by_except_exception(dbutils):
    with pytest.raises(NotebookExit):
        try:
            dbutils.notebook.exit("x")
        except Exception:
            pytest.fail("user code swallowed notebook.exit")


def test_notebook_run_is_not_available_locally(dbutils):
    with pytest.raises(NotImplementedError, match="DatabricksStep"):
        dbutils.notebook.run("./other", 60, {})


# --- secrets ---

def test_secrets(dbutils):
    assert dbutils.secrets.get("storage", "account-key") == "s3cr3t-account-key"
    assert dbutils.secrets.getBytes("storage", "account-key") == b"s3cr3t-account-key"
    assert [m.key for m in dbutils.secrets.list("storage")] == ["account-key"]
    assert [s.name for s in dbutils.secrets.listScopes()] == ["storage"]


def test_unknown_secret_names_scope_and_key_but_no_value(dbutils):
    for scope, key in (("storage", "nope"), ("nope", "account-key")):
        with pytest.raises(SecretNotFound) as e:
            dbutils.secrets.get(scope, key)
        assert scope in str(e.value) and key in str(e.value)
        assert "s3cr3t" not in str(e.value)
    with pytest.raises(SecretNotFound, match="nope"):
        dbutils.secrets.list("nope")


# --- task values ---

def test_task_values(dbutils):
    dbutils.jobs.taskValues.set("rows", 10)
    assert dbutils.jobs.taskValues.get("prep", "rows") == 10
    assert dbutils.jobs.taskValues.get("prep", "other", default=1) == 1
    assert dbutils.jobs.taskValues.get("prep", "other", debugValue=2) == 2
    with pytest.raises(ValueError, match="'other'"):
        dbutils.jobs.taskValues.get("prep", "other")
    with pytest.raises(ValueError, match="48 KiB"):
        dbutils.jobs.taskValues.set("big", "x" * 50_000)
    with pytest.raises(TypeError):
        dbutils.jobs.taskValues.set("obj", object())
    assert json.dumps(dbutils.jobs.taskValues.values) == '{"rows": 10}'
