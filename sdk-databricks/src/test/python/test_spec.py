import subprocess
import sys

import pytest

from conftest import RUNTIME_DIR, run_runtime
from sluice_databricks.spec import SpecError, load_spec, parse_spec


@pytest.fixture
def notebook(tmp_path):
    path = tmp_path / "nb.py"
    path.write_text("print(1)\n")
    return str(path)


def minimal(notebook, tmp_path, **extra):
    return {"task": "notebook", "path": notebook, "dbfsRoot": str(tmp_path / "dbfs"),
            "resultFile": str(tmp_path / "r.json"), **extra}


def test_minimal_spec_gets_defaults(notebook, tmp_path):
    spec = parse_spec(minimal(notebook, tmp_path))
    assert (spec.widgets, spec.args, spec.path_mappings, spec.secrets_file, spec.spark_conf, spec.app_name) == (
        {}, [], {}, None, {}, "sluice")


@pytest.mark.parametrize("change, key", [
    ({"task": "jar"}, "'task'"),
    ({"task": None}, "'task'"),
    ({"path": "relative.py"}, "'path'"),
    ({"path": "/does/not/exist.py"}, "'path'"),
    ({"dbfsRoot": None}, "'dbfsRoot'"),
    ({"resultFile": 3}, "'resultFile'"),
    ({"widgets": {"a": 1}}, "'widgets'"),
    ({"args": "-x"}, "'args'"),
    ({"pathMappings": {"wasbs://c@a.blob.core.windows.net/": "rel"}}, "'pathMappings'"),
    ({"secretsFile": "/no/secrets.json"}, "'secretsFile'"),
    ({"sparkConf": {"spark.x": True}}, "'sparkConf'"),
    ({"appName": 1}, "'appName'"),
    ({"clusterId": "x"}, "clusterId"),
])
def test_bad_values_name_the_key(notebook, tmp_path, change, key):
    with pytest.raises(SpecError, match=key):
        parse_spec({**minimal(notebook, tmp_path), **change})


def test_unreadable_and_invalid_spec_files(tmp_path):
    with pytest.raises(SpecError, match="Cannot read"):
        load_spec(str(tmp_path / "missing.json"))
    (tmp_path / "bad.json").write_text("{")
    with pytest.raises(SpecError, match="not valid JSON"):
        load_spec(str(tmp_path / "bad.json"))


def test_bad_spec_exits_2_before_starting_spark(notebook, tmp_path):
    process, result = run_runtime(tmp_path, path=notebook, task="scala")
    assert process.returncode == 2
    assert "Spec key 'task'" in process.stderr
    assert result is None


def test_malformed_secrets_file_exits_2_without_quoting_it(notebook, tmp_path):
    secrets = tmp_path / "secrets.json"
    secrets.write_text('{"scope": {"key": "hunter2-value", "n": 5}}')
    process, _ = run_runtime(tmp_path, path=notebook, secretsFile=str(secrets))
    assert process.returncode == 2
    assert "secretsFile" in process.stderr
    assert "hunter2" not in process.stderr + process.stdout


def test_missing_argument_exits_2():
    process = subprocess.run([sys.executable, "-m", "sluice_databricks"], capture_output=True, text=True,
                             env={"PYTHONPATH": RUNTIME_DIR})
    assert process.returncode == 2 and "usage" in process.stderr
