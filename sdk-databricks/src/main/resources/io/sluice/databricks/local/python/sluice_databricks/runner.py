"""Runs one task described by a spec file: sets up Spark, dbutils and path translation, then the user code."""

import builtins
import json
import os
import runpy
import sys
import types

from .dbutils import DBUtils, NotebookExit
from .mounts import MountTable
from .notebook import CellFailure, NotebookRunner, user_traceback
from .paths import PathMapper
from .secret_store import RedactingStream, load_secret_scopes
from .spark import create_spark_session, install_path_translation
from .spec import RunSpec, SpecError, load_spec

EXIT_SUCCESS = 0
EXIT_USER_CODE_FAILED = 1
EXIT_BAD_SPEC = 2
EXIT_RUNTIME_UNAVAILABLE = 3

USAGE = "usage: python -m sluice_databricks <spec.json>"


def main(argv: list[str]) -> int:
    """Entry point; returns the process exit code."""
    if len(argv) != 1:
        print(USAGE, file=sys.stderr)
        return EXIT_BAD_SPEC
    try:
        spec = load_spec(argv[0])
        secret_scopes = load_secret_scopes(spec.secrets_file)
    except SpecError as e:
        print(f"Bad spec: {e}", file=sys.stderr)
        return EXIT_BAD_SPEC

    secret_values = [v for keys in secret_scopes.values() for v in keys.values()]
    sys.stdout = RedactingStream(sys.stdout, secret_values)
    sys.stderr = RedactingStream(sys.stderr, secret_values)
    try:
        return _run(spec, secret_scopes)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()


def _run(spec: RunSpec, secret_scopes: dict) -> int:
    mounts = MountTable(spec.dbfs_root)
    paths = PathMapper(spec.dbfs_root, spec.path_mappings, mounts)
    dbutils = DBUtils(spec.widgets, paths, mounts, secret_scopes)
    try:
        spark = create_spark_session(spec.app_name, spec.spark_conf)
    except Exception as e:  # pyspark missing, no Java, port trouble: not the user's code
        print(f"Could not start the local Spark session: {type(e).__name__}: {e}", file=sys.stderr)
        return EXIT_RUNTIME_UNAVAILABLE
    install_path_translation(paths.to_local)
    builtins.open = dbfs_aware_open(paths, builtins.open)
    register_dbutils_module(dbutils)
    sys.path.insert(0, os.path.dirname(spec.path))  # imports next to the notebook/script, as on Databricks

    result = None
    try:
        if spec.task == "notebook":
            run_notebook(spec.path, spark, dbutils)
        else:
            run_python_script(spec.path, spec.args)
        code = EXIT_SUCCESS
    except NotebookExit as e:
        result, code = e.value, EXIT_SUCCESS
    except CellFailure as e:
        print(f"{e}:\n{e.details}", file=sys.stderr, end="")
        code = EXIT_USER_CODE_FAILED
    except SystemExit as e:
        code = _exit_code_of(e)
    except Exception as e:
        print(f"{spec.path} failed:\n{user_traceback(e, spec.path)}", file=sys.stderr, end="")
        code = EXIT_USER_CODE_FAILED
    finally:
        spark.stop()
    write_result(spec.result_file, result, dbutils.jobs.taskValues.values)
    return code


def run_notebook(path: str, spark, dbutils: DBUtils) -> None:
    """Run a notebook with spark, sc, dbutils, display and displayHTML in its namespace."""
    namespace = {
        "__name__": "__main__",
        "spark": spark,
        "sc": spark.sparkContext,
        "dbutils": dbutils,
        "display": display,
        "displayHTML": display_html,
    }
    NotebookRunner(namespace, spark, dbutils).run(path)


def run_python_script(path: str, args: list[str]) -> None:
    """Run a script as __main__ with sys.argv = [path] + args."""
    sys.argv = [path] + list(args)
    runpy.run_path(path, run_name="__main__")


def display(obj) -> None:
    """Databricks' display(): a table for Spark and pandas DataFrames, the value otherwise."""
    if hasattr(obj, "show") and hasattr(obj, "schema"):
        obj.show()
    elif hasattr(obj, "to_string"):
        print(obj.to_string(max_rows=20))
    else:
        print(obj)


def display_html(html: str) -> None:
    """Databricks' displayHTML(): locally the HTML source is printed."""
    print(html)


def dbfs_aware_open(paths: PathMapper, original_open):
    """An open() that maps /dbfs/... paths (the Databricks FUSE view of DBFS) to local files."""

    def open_(file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)):
            name = os.fspath(file)
            if isinstance(name, str) and name.startswith("/dbfs/"):
                file = paths.to_local(name)
        return original_open(file, *args, **kwargs)

    return open_


def register_dbutils_module(dbutils: DBUtils) -> None:
    """Make `from pyspark.dbutils import DBUtils; DBUtils(spark)` return this dbutils when pyspark has none."""
    import importlib.util

    if importlib.util.find_spec("pyspark.dbutils") is not None:
        return
    module = types.ModuleType("pyspark.dbutils")
    module.DBUtils = lambda spark=None: dbutils
    sys.modules["pyspark.dbutils"] = module


def write_result(result_file: str, result: str | None, task_values: dict) -> None:
    """Write {"result": ..., "taskValues": {...}} atomically."""
    os.makedirs(os.path.dirname(result_file), exist_ok=True)
    temp = result_file + ".tmp"
    with open(temp, "w", encoding="utf-8") as f:
        json.dump({"result": result, "taskValues": task_values}, f)
    os.replace(temp, result_file)


def _exit_code_of(exit_: SystemExit) -> int:
    if exit_.code is None or exit_.code == 0:
        return EXIT_SUCCESS
    if not isinstance(exit_.code, int):
        print(exit_.code, file=sys.stderr)
    return EXIT_USER_CODE_FAILED
