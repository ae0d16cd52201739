"""The run specification the Java executor writes for one local Databricks task."""

import json
import os
from dataclasses import dataclass, field

TASK_TYPES = ("notebook", "python_script")
_KNOWN_KEYS = {
    "task", "path", "widgets", "args", "dbfsRoot", "pathMappings",
    "secretsFile", "resultFile", "sparkConf", "appName",
}


class SpecError(Exception):
    """The spec file is missing, unreadable or has a bad value; the message names the key."""


@dataclass(frozen=True)
class RunSpec:
    """A validated spec.json."""

    task: str
    path: str
    dbfs_root: str
    result_file: str
    widgets: dict[str, str] = field(default_factory=dict)
    args: list[str] = field(default_factory=list)
    path_mappings: dict[str, str] = field(default_factory=dict)
    secrets_file: str | None = None
    spark_conf: dict[str, str] = field(default_factory=dict)
    app_name: str = "sluice"


def load_spec(spec_file: str) -> RunSpec:
    """Read and validate a spec file; raises SpecError naming the offending key."""
    try:
        with open(spec_file, encoding="utf-8") as f:
            raw = json.load(f)
    except OSError as e:
        raise SpecError(f"Cannot read spec file {spec_file}: {e.strerror}") from None
    except json.JSONDecodeError as e:
        raise SpecError(f"Spec file {spec_file} is not valid JSON: {e}") from None
    return parse_spec(raw)


def parse_spec(raw: object) -> RunSpec:
    """Validate a decoded spec.json object."""
    if not isinstance(raw, dict):
        raise SpecError("The spec must be a JSON object")
    unknown = sorted(set(raw) - _KNOWN_KEYS)
    if unknown:
        raise SpecError(f"Unknown spec key(s): {', '.join(unknown)}")

    task = _required(raw, "task", str)
    if task not in TASK_TYPES:
        raise SpecError(f"Spec key 'task' must be one of {', '.join(TASK_TYPES)}, got '{task}'")
    path = _absolute(raw, "path", required=True)
    if not os.path.isfile(path):
        raise SpecError(f"Spec key 'path': file not found: {path}")
    secrets_file = _absolute(raw, "secretsFile", required=False)
    if secrets_file is not None and not os.path.isfile(secrets_file):
        raise SpecError(f"Spec key 'secretsFile': file not found: {secrets_file}")
    path_mappings = _string_map(raw, "pathMappings")
    for uri, local in path_mappings.items():
        if not os.path.isabs(local):
            raise SpecError(f"Spec key 'pathMappings': folder for '{uri}' must be an absolute path")

    return RunSpec(
        task=task,
        path=path,
        dbfs_root=_absolute(raw, "dbfsRoot", required=True),
        result_file=_absolute(raw, "resultFile", required=True),
        widgets=_string_map(raw, "widgets"),
        args=_string_list(raw, "args"),
        path_mappings=path_mappings,
        secrets_file=secrets_file,
        spark_conf=_string_map(raw, "sparkConf"),
        app_name=_optional_string(raw, "appName") or "sluice",
    )


def _required(raw: dict, key: str, kind: type):
    value = raw.get(key)
    if value is None:
        raise SpecError(f"Spec key '{key}' is required")
    if not isinstance(value, kind):
        raise SpecError(f"Spec key '{key}' must be a {kind.__name__}")
    return value


def _optional_string(raw: dict, key: str) -> str | None:
    return None if raw.get(key) is None else _required(raw, key, str)


def _absolute(raw: dict, key: str, required: bool) -> str | None:
    value = _required(raw, key, str) if required else _optional_string(raw, key)
    if value is None:
        return None
    if not os.path.isabs(value):
        raise SpecError(f"Spec key '{key}' must be an absolute path, got '{value}'")
    return value


def _string_map(raw: dict, key: str) -> dict[str, str]:
    value = raw.get(key) or {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise SpecError(f"Spec key '{key}' must be an object of string values")
    return dict(value)


def _string_list(raw: dict, key: str) -> list[str]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SpecError(f"Spec key '{key}' must be an array of strings")
    return list(value)
