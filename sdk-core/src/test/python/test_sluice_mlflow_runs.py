"""The MLflow run bootstrap against a real sqlite-backed tracking store."""

import json
import os
import subprocess
import sys

import pytest

SCRIPT_DIR = os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", "..", "main", "resources", "io", "sluice", "core", "local", "python")
)
SCRIPT = os.path.join(SCRIPT_DIR, "sluice_mlflow_runs.py")
sys.path.insert(0, SCRIPT_DIR)

import sluice_mlflow_runs  # noqa: E402
from mlflow.tracking import MlflowClient  # noqa: E402


@pytest.fixture(scope="module")
def tracking_uri(tmp_path_factory):
    """One sqlite store for the module: creating its schema takes seconds."""
    return "sqlite:///" + str(tmp_path_factory.mktemp("mlflow") / "mlflow.db")


def bootstrap(capsys, *argv) -> dict:
    assert sluice_mlflow_runs.main(list(argv)) == 0, capsys.readouterr().err
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])


def test_creates_experiment_parent_and_child(tracking_uri, capsys):
    ids = bootstrap(capsys, "--tracking-uri", tracking_uri, "--experiment", "seed",
                    "--parent-run-name", "pipeline-1", "--child-run-name", "prep",
                    "--tag", "sluice.step=prep", "--tag", "note=a=b")
    client = MlflowClient(tracking_uri)
    parent, child = client.get_run(ids["parentRunId"]), client.get_run(ids["childRunId"])
    assert client.get_experiment(ids["experimentId"]).name == "seed"
    assert parent.info.run_name == "pipeline-1" and parent.info.status == "RUNNING"
    assert child.info.run_name == "prep" and child.info.status == "RUNNING"
    assert child.data.tags["mlflow.parentRunId"] == ids["parentRunId"]
    assert child.data.tags["sluice.step"] == "prep" and child.data.tags["note"] == "a=b"
    location = client.get_experiment(ids["experimentId"]).artifact_location
    assert location == "file://" + os.path.join(os.path.dirname(tracking_uri[len("sqlite://"):]), "mlartifacts")


def test_reuses_experiment_and_parent_run(tracking_uri, capsys):
    first = bootstrap(capsys, "--tracking-uri", tracking_uri, "--experiment", "reuse", "--child-run-name", "prep")
    second = bootstrap(capsys, "--tracking-uri", tracking_uri, "--experiment", "reuse",
                       "--parent-run-id", first["parentRunId"], "--child-run-name", "train")
    assert second["experimentId"] == first["experimentId"]
    assert second["parentRunId"] == first["parentRunId"]
    assert second["childRunId"] != first["childRunId"]


def test_parent_from_another_experiment_is_refused(tracking_uri, capsys):
    other = bootstrap(capsys, "--tracking-uri", tracking_uri, "--experiment", "other", "--child-run-name", "x")
    assert sluice_mlflow_runs.main(["--tracking-uri", tracking_uri, "--experiment", "seed",
                                    "--parent-run-id", other["parentRunId"], "--child-run-name", "y"]) == 1
    assert "is not in experiment 'seed'" in capsys.readouterr().err


def test_end_run(tracking_uri, capsys):
    ids = bootstrap(capsys, "--tracking-uri", tracking_uri, "--experiment", "seed", "--child-run-name", "train")
    assert bootstrap(capsys, "--tracking-uri", tracking_uri, "--end-run", ids["childRunId"], "--status", "FAILED") == {
        "runId": ids["childRunId"], "status": "FAILED"}
    run = MlflowClient(tracking_uri).get_run(ids["childRunId"])
    assert run.info.status == "FAILED" and run.info.end_time is not None


@pytest.mark.parametrize("argv", [
    ["--tracking-uri", "x", "--child-run-name", "c"],
    ["--tracking-uri", "x", "--experiment", "e"],
    ["--tracking-uri", "x", "--end-run", "r"],
    ["--tracking-uri", "x", "--experiment", "e", "--child-run-name", "c", "--tag", "novalue"],
    ["--tracking-uri", "x", "--experiment", "e", "--child-run-name", "c", "--parent-run-id", "a", "--parent-run-name", "b"],
])
def test_bad_arguments_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as e:
        sluice_mlflow_runs.parse_args(argv)
    assert e.value.code == 2


def test_file_store_from_the_command_line(tmp_path):
    """As the Java side runs it: a separate process printing exactly one JSON line."""
    env = {k: v for k, v in os.environ.items() if k != "MLFLOW_ALLOW_FILE_STORE"}
    store = str(tmp_path / "mlruns")
    process = subprocess.run(
        [sys.executable, SCRIPT, "--tracking-uri", store, "--experiment", "seed", "--child-run-name", "prep"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert process.returncode == 0, process.stderr
    ids = json.loads(process.stdout)
    assert set(ids) == {"experimentId", "parentRunId", "childRunId"}
    assert os.path.isdir(os.path.join(store, ids["experimentId"], ids["childRunId"]))
