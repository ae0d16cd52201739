"""Notebook cells against one real local SparkSession shared by the module."""

import builtins
import os

import pytest

from conftest import RAW_URI
from sluice_databricks.notebook import CellFailure, NotebookRunner
from sluice_databricks.runner import dbfs_aware_open, run_notebook
from sluice_databricks.spark import create_spark_session, install_path_translation


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64")
    session = create_spark_session("sluice-test", {"spark.sql.shuffle.partitions": "2"})
    yield session
    session.stop()


@pytest.fixture
def translated(spark, mapper, monkeypatch):
    """Spark readers/writers and open() translating through this test's mapper."""
    restore = install_path_translation(mapper.to_local)
    monkeypatch.setattr(builtins, "open", dbfs_aware_open(mapper, builtins.open))
    yield
    restore()


def write_notebook(folder, name, *cells):
    path = folder / name
    path.write_text("# Databricks notebook source\n" + "\n# COMMAND ----------\n".join(cells))
    return str(path)


def test_spark_config_is_local_and_quiet(spark):
    conf = spark.sparkContext.getConf()
    assert conf.get("spark.master") == "local[*]"
    assert conf.get("spark.ui.enabled") == "false"
    assert conf.get("spark.driver.host") == "127.0.0.1"
    assert spark.conf.get("spark.sql.shuffle.partitions") == "2"


def test_notebook_reads_a_wasbs_widget_and_writes_to_dbfs(spark, dbutils, layout, translated, tmp_path, capsys):
    (layout["raw"] / "in").mkdir()
    (layout["raw"] / "in" / "a.csv").write_text("id,v\n1,10\n2,20\n2,20\n")
    path = write_notebook(
        tmp_path, "nb.py",
        "# MAGIC %md\n# MAGIC Reads and writes\n",
        'df = spark.read.csv(dbutils.widgets.get("raw_data"), header=True, inferSchema=True)\n'
        "display(df)\n"
        "df.createOrReplaceTempView('t')\n",
        "# MAGIC %sql\n# MAGIC SELECT id, sum(v) AS total FROM t GROUP BY id ORDER BY id\n",
        '_sqldf.coalesce(1).write.mode("overwrite").csv(dbutils.widgets.get("clean_data"), header=True)\n'
        'with open("/dbfs/out/marker.txt", "w") as f:\n    f.write("done")\n',
    )
    run_notebook(path, spark, dbutils)
    out = capsys.readouterr().out
    assert "| id|  v|" in out  # display() of the raw rows
    assert "| id|total|" in out  # the %sql result
    written = [f for f in os.listdir(layout["dbfs"] / "out" / "clean") if f.endswith(".csv")]
    assert len(written) == 1
    lines = (layout["dbfs"] / "out" / "clean" / written[0]).read_text().splitlines()
    assert lines == ["id,total", "1,10", "2,40"]
    assert (layout["dbfs"] / "out" / "marker.txt").read_text() == "done"


def test_reader_translates_lists_and_keywords(spark, layout, translated):
    for name in ("a", "b"):
        (layout["raw"] / f"{name}.json").write_text('{"x": 1}\n')
    df = spark.read.json([RAW_URI + "a.json", RAW_URI + "b.json"])
    assert df.count() == 2
    assert spark.read.load(path=RAW_URI + "a.json", format="json").count() == 1


def test_sh_cell_output_and_failure(spark, dbutils, tmp_path, capsys):
    ok = write_notebook(tmp_path, "ok.py", "# MAGIC %sh\n# MAGIC echo from-shell\n")
    run_notebook(ok, spark, dbutils)
    assert "from-shell" in capsys.readouterr().out
    bad = write_notebook(tmp_path, "bad.py", "x = 1\n", "# MAGIC %sh\n# MAGIC exit 3\n")
    with pytest.raises(CellFailure) as e:
        run_notebook(bad, spark, dbutils)
    assert e.value.cell.number == 2 and "exited with code 3" in e.value.details


def test_pip_cell_points_to_the_environment(spark, dbutils, tmp_path):
    path = write_notebook(tmp_path, "pip.py", "# MAGIC %pip install requests\n")
    with pytest.raises(CellFailure) as e:
        run_notebook(path, spark, dbutils)
    assert "%pip is not supported" in e.value.details and "Environment" in e.value.details


def test_run_includes_a_relative_notebook_with_arguments(spark, dbutils, tmp_path):
    (tmp_path / "lib").mkdir()
    write_notebook(tmp_path / "lib", "helpers.py", 'greeting = "hi " + dbutils.widgets.get("who")\n')
    path = write_notebook(tmp_path, "main.py", '# MAGIC %run ./lib/helpers $who="sam"\n', "result = greeting\n")
    namespace = {"dbutils": dbutils}
    NotebookRunner(namespace, spark, dbutils).run(path)
    assert namespace["result"] == "hi sam"
    assert dbutils.widgets.getArgument("who") is None


def test_failure_in_an_included_notebook_reports_its_cell(spark, dbutils, tmp_path):
    write_notebook(tmp_path, "child.py", "a = 1\n", "raise ValueError('broken child')\n")
    path = write_notebook(tmp_path, "main.py", "# MAGIC %run ./child\n")
    with pytest.raises(CellFailure) as e:
        run_notebook(path, spark, dbutils)
    assert e.value.notebook_path.endswith("child.py") and e.value.cell.number == 2


def test_python_failure_names_the_cell_and_shows_the_user_traceback(spark, dbutils, tmp_path):
    path = write_notebook(tmp_path, "nb.py", "x = 1\n", "def f():\n    return 1 / 0\n\nf()\n")
    with pytest.raises(CellFailure) as e:
        run_notebook(path, spark, dbutils)
    assert str(e.value) == f"Notebook {path} failed in cell 2 ('def f():')"
    assert "ZeroDivisionError" in e.value.details
    assert "return 1 / 0" in e.value.details  # the cell's source line
    assert "notebook.py" not in e.value.details  # the runtime's own frames are hidden
