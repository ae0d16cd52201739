"""Create or end the MLflow runs of one pipeline step.

    python sluice_mlflow_runs.py --tracking-uri URI --experiment NAME
        [--parent-run-id ID | --parent-run-name NAME] --child-run-name STEP [--tag k=v ...]
        [--artifact-location URI]
  Gets or creates the experiment, creates the parent run unless its id is given, creates a RUNNING
  child run tagged mlflow.parentRunId, and prints {"experimentId", "parentRunId", "childRunId"}.

    python sluice_mlflow_runs.py --tracking-uri URI --end-run ID --status FINISHED|FAILED
  Ends a run and prints {"runId", "status"}.

Exactly one JSON line goes to stdout; MLflow's own output is sent to stderr.
"""

import argparse
import contextlib
import json
import os
import sys

END_STATUSES = ("FINISHED", "FAILED", "KILLED")


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Parse and cross-check the command line (argparse exits with code 2 on errors)."""
    parser = argparse.ArgumentParser(description="Create or end the MLflow runs of a pipeline step.")
    parser.add_argument("--tracking-uri", required=True)
    parser.add_argument("--experiment")
    parents = parser.add_mutually_exclusive_group()
    parents.add_argument("--parent-run-id")
    parents.add_argument("--parent-run-name")
    parser.add_argument("--child-run-name")
    parser.add_argument("--tag", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--artifact-location", help="for a new experiment; default: next to a sqlite database")
    parser.add_argument("--end-run", metavar="RUN_ID")
    parser.add_argument("--status", choices=END_STATUSES)
    args = parser.parse_args(argv)

    if args.end_run:
        if not args.status:
            parser.error("--end-run needs --status")
        return args
    if not args.experiment or not args.child_run_name:
        parser.error("--experiment and --child-run-name are required unless --end-run is given")
    for tag in args.tag:
        if "=" not in tag or tag.startswith("="):
            parser.error(f"--tag must be KEY=VALUE, got '{tag}'")
    return args


def default_artifact_location(tracking_uri: str) -> str | None:
    """For sqlite stores, keep artifacts next to the database instead of in the working directory."""
    prefix = "sqlite:///"
    if tracking_uri.startswith(prefix):
        database = tracking_uri[len(prefix) - 1:]
        return "file://" + os.path.join(os.path.dirname(os.path.abspath(database)), "mlartifacts")
    return None


def is_file_store(tracking_uri: str) -> bool:
    """A plain path or file: URI names MLflow's file store rather than a database or server."""
    return tracking_uri.startswith("file:") or "://" not in tracking_uri


def start_runs(client, args: argparse.Namespace) -> dict:
    """Get or create the experiment, the parent run (unless given) and a child run."""
    experiment = client.get_experiment_by_name(args.experiment)
    if experiment is not None:
        experiment_id = experiment.experiment_id
    else:
        location = args.artifact_location or default_artifact_location(args.tracking_uri)
        experiment_id = client.create_experiment(args.experiment, artifact_location=location)

    parent_run_id = args.parent_run_id
    if parent_run_id is None:
        parent = client.create_run(experiment_id, run_name=args.parent_run_name)
        parent_run_id = parent.info.run_id
    elif client.get_run(parent_run_id).info.experiment_id != experiment_id:
        raise ValueError(f"Parent run {parent_run_id} is not in experiment '{args.experiment}'")

    tags = dict(tag.split("=", 1) for tag in args.tag)
    tags["mlflow.parentRunId"] = parent_run_id
    child = client.create_run(experiment_id, run_name=args.child_run_name, tags=tags)
    return {"experimentId": experiment_id, "parentRunId": parent_run_id, "childRunId": child.info.run_id}


def end_run(client, run_id: str, status: str) -> dict:
    """Mark a run as ended with the given status."""
    client.set_terminated(run_id, status)
    return {"runId": run_id, "status": status}


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if is_file_store(args.tracking_uri):
        # MLflow 3 refuses the file store (in maintenance mode) unless explicitly allowed.
        os.environ.setdefault("MLFLOW_ALLOW_FILE_STORE", "true")
    stdout = sys.stdout
    try:
        with contextlib.redirect_stdout(sys.stderr):
            from mlflow.tracking import MlflowClient

            client = MlflowClient(tracking_uri=args.tracking_uri)
            if args.end_run:
                output = end_run(client, args.end_run, args.status)
            else:
                output = start_runs(client, args)
    except Exception as e:
        print(f"MLflow run bootstrap failed: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    print(json.dumps(output), file=stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
