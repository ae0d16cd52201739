"""`python -m sluice_databricks spec.json` end to end: exit codes, result file, redaction. Each run starts Spark."""

import json

from conftest import RAW_URI, run_runtime

SECRET = "Zx9-account-key-value"


def test_notebook_success_writes_result_and_never_prints_secrets(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.csv").write_text("id\n1\n2\n")
    secrets = tmp_path / "secrets.json"
    secrets.write_text(json.dumps({"storage": {"key": SECRET}}))
    notebook = tmp_path / "nb.py"
    notebook.write_text(
        "# Databricks notebook source\n"
        "key = dbutils.secrets.get('storage', 'key')\n"
        "print('the key is', key)\n"
        "import sys; print('to stderr', key, file=sys.stderr)\n"
        "# COMMAND ----------\n"
        "# MAGIC %sh\n"
        f"# MAGIC echo shell sees {SECRET}\n"
        "# COMMAND ----------\n"
        "n = spark.read.csv(dbutils.widgets.get('raw_data'), header=True).count()\n"
        "dbutils.fs.mount('" + RAW_URI + "', '/mnt/raw', extra_configs={'k': key})\n"
        "dbutils.jobs.taskValues.set('rows', n)\n"
        "dbutils.notebook.exit({'rows': n})\n"
        "# COMMAND ----------\n"
        "raise RuntimeError('must not run after exit')\n"
    )
    process, result = run_runtime(
        tmp_path, path=str(notebook), widgets={"raw_data": RAW_URI + "a.csv"},
        pathMappings={RAW_URI: str(raw)}, secretsFile=str(secrets),
    )
    assert process.returncode == 0, process.stderr
    assert result == {"result": "{'rows': 2}", "taskValues": {"rows": 2}}
    assert "the key is [REDACTED]" in process.stdout
    assert "shell sees [REDACTED]" in process.stdout
    assert "to stderr [REDACTED]" in process.stderr
    assert SECRET not in process.stdout + process.stderr
    assert SECRET not in (tmp_path / "dbfs" / ".sluice-mounts.json").read_text()


def test_failing_cell_exits_1_naming_cell_and_first_line(tmp_path):
    notebook = tmp_path / "nb.py"
    notebook.write_text(
        "# Databricks notebook source\n"
        "x = 1\n"
        "# COMMAND ----------\n"
        "value = dbutils.widgets.get('missing')\n"
    )
    process, result = run_runtime(tmp_path, path=str(notebook), widgets={"a": "1"})
    assert process.returncode == 1
    assert f"Notebook {notebook} failed in cell 2 (\"value = dbutils.widgets.get('missing')\")" in process.stderr
    assert "No widget named 'missing'. This notebook has widgets: a" in process.stderr
    assert result == {"result": None, "taskValues": {}}


def test_python_script_gets_argv_dbutils_and_the_same_session(tmp_path):
    script = tmp_path / "job.py"
    script.write_text(
        "import json, sys\n"
        "from pyspark.sql import SparkSession\n"
        "from pyspark.dbutils import DBUtils\n"
        "spark = SparkSession.builder.getOrCreate()\n"
        "dbutils = DBUtils(spark)\n"
        "assert spark.conf.get('spark.app.name') == 'sluice-test'\n"
        "dbutils.fs.put('dbfs:/argv.json', json.dumps(sys.argv), overwrite=True)\n"
        "if '--fail' in sys.argv:\n"
        "    sys.exit(4)\n"
        "sys.exit(0)\n"
    )
    process, _ = run_runtime(tmp_path, task="python_script", path=str(script), args=["-input", "dbfs:/in", "x y"])
    assert process.returncode == 0, process.stderr
    assert json.loads((tmp_path / "dbfs" / "argv.json").read_text()) == [str(script), "-input", "dbfs:/in", "x y"]

    process, _ = run_runtime(tmp_path, task="python_script", path=str(script), args=["--fail"])
    assert process.returncode == 1
    assert json.loads((tmp_path / "dbfs" / "argv.json").read_text()) == [str(script), "--fail"]
