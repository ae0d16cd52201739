"""A local dbutils: widgets, fs (incl. mounts), notebook, secrets and jobs.taskValues.

Follows the Databricks semantics notebooks rely on; file operations act on the local folders
the PathMapper resolves Databricks paths to.
"""

from __future__ import annotations  # the `list` method of SecretsUtil shadows the builtin in annotations

import json
import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass

from .mounts import MountInfo, MountTable
from .paths import PathMapper
from .secret_store import SecretNotFound

TASK_VALUE_MAX_BYTES = 48 * 1024


class InputWidgetNotDefined(Exception):
    """dbutils.widgets.get was asked for a widget the task has no value for."""


class NotebookExit(BaseException):
    """Raised by dbutils.notebook.exit; a BaseException so `except Exception` in user code cannot swallow it."""

    def __init__(self, value: str):
        super().__init__(value)
        self.value = value


@dataclass(frozen=True)
class FileInfo:
    """An entry of dbutils.fs.ls; directory paths and names end with '/'."""

    path: str
    name: str
    size: int
    modificationTime: int

    def isDir(self) -> bool:
        return self.name.endswith("/")

    def isFile(self) -> bool:
        return not self.isDir()


@dataclass(frozen=True)
class SecretMetadata:
    key: str


@dataclass(frozen=True)
class SecretScope:
    name: str


class WidgetsUtil:
    """dbutils.widgets: values come from the task's parameters; definitions only add defaults."""

    def __init__(self, values: dict[str, str]):
        self._values = dict(values)

    def get(self, name: str) -> str:
        """The widget's value; an unknown name raises InputWidgetNotDefined listing the known widgets."""
        if name not in self._values:
            known = ", ".join(sorted(self._values))
            listing = f"This notebook has widgets: {known}" if known else "This notebook has no widgets."
            raise InputWidgetNotDefined(f"No widget named '{name}'. {listing}")
        return self._values[name]

    def getArgument(self, name: str, default: str | None = None) -> str | None:
        """The widget's value, or `default` when it has none."""
        return self._values.get(name, default)

    def getAll(self) -> dict[str, str]:
        """All widget values."""
        return dict(self._values)

    def text(self, name: str, defaultValue: str, label: str | None = None) -> None:
        """Define a text widget; the default applies only when the task gave no value."""
        self._values.setdefault(name, defaultValue)

    def dropdown(self, name: str, defaultValue: str, choices: list[str], label: str | None = None) -> None:
        """Define a dropdown widget; the default must be one of the choices."""
        self._check_choice(name, defaultValue, choices)
        self._values.setdefault(name, defaultValue)

    def combobox(self, name: str, defaultValue: str, choices: list[str], label: str | None = None) -> None:
        """Define a combobox widget (any value allowed)."""
        self._values.setdefault(name, defaultValue)

    def multiselect(self, name: str, defaultValue: str, choices: list[str], label: str | None = None) -> None:
        """Define a multiselect widget; its value is the comma-joined selection."""
        for value in defaultValue.split(","):
            self._check_choice(name, value, choices)
        self._values.setdefault(name, defaultValue)

    def remove(self, name: str) -> None:
        """Remove one widget."""
        self._values.pop(name, None)

    def removeAll(self) -> None:
        """Remove every widget."""
        self._values.clear()

    @contextmanager
    def overridden(self, values: dict[str, str]):
        """Give widgets other values for a block (a notebook included with `%run ... $name=value`)."""
        saved = dict(self._values)
        self._values.update(values)
        try:
            yield
        finally:
            self._values = saved

    @staticmethod
    def _check_choice(name: str, value: str, choices: list[str]) -> None:
        if value not in choices:
            raise ValueError(f"Default value '{value}' of widget '{name}' is not one of its choices: {choices}")


class FsUtil:
    """dbutils.fs over local folders, with mounts persisted for later steps."""

    def __init__(self, paths: PathMapper, mounts: MountTable):
        self._paths = paths
        self._mounts = mounts

    def ls(self, path: str) -> list[FileInfo]:
        """List a directory (or describe one file); entries are named in the Databricks form."""
        local = self._existing(path)
        if os.path.isfile(local):
            return [self._info(local)]
        return [self._info(os.path.join(local, name)) for name in sorted(os.listdir(local))]

    def cp(self, src: str, dst: str, recurse: bool = False) -> bool:
        """Copy a file, or a directory when recurse=True."""
        source, target = self._existing(src), self._paths.to_local(dst)
        if os.path.isdir(source):
            if not recurse:
                raise IsADirectoryError(f"{src} is a directory; use recurse=True to copy it")
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
            shutil.copy2(source, target)
        return True

    def mv(self, src: str, dst: str, recurse: bool = False) -> bool:
        """Move a file, or a directory when recurse=True."""
        source, target = self._existing(src), self._paths.to_local(dst)
        if os.path.isdir(source) and not recurse:
            raise IsADirectoryError(f"{src} is a directory; use recurse=True to move it")
        os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
        shutil.move(source, target)
        return True

    def mkdirs(self, path: str) -> bool:
        """Create a directory and its parents."""
        os.makedirs(self._paths.to_local(path), exist_ok=True)
        return True

    def put(self, path: str, contents: str, overwrite: bool = False) -> bool:
        """Write a UTF-8 string to a file."""
        local = self._paths.to_local(path)
        if os.path.exists(local) and not overwrite:
            raise FileExistsError(f"File {path} already exists; use overwrite=True to replace it")
        os.makedirs(os.path.dirname(local) or ".", exist_ok=True)
        data = contents.encode("utf-8")
        with open(local, "wb") as f:
            f.write(data)
        print(f"Wrote {len(data)} bytes.")
        return True

    def head(self, path: str, maxBytes: int = 65536) -> str:
        """The first maxBytes bytes of a file, decoded as UTF-8."""
        local = self._existing(path)
        with open(local, "rb") as f:
            data = f.read(maxBytes + 1)
        if len(data) > maxBytes:
            print(f"[Truncated to first {maxBytes} bytes]")
        return data[:maxBytes].decode("utf-8", errors="replace")

    def rm(self, path: str, recurse: bool = False) -> bool:
        """Delete a file, or a directory tree when recurse=True; False when nothing was there."""
        local = self._paths.to_local(path)
        if not os.path.lexists(local):
            return False
        if os.path.isdir(local):
            if os.listdir(local) and not recurse:
                raise IsADirectoryError(f"{path} is a non-empty directory; use recurse=True to delete it")
            shutil.rmtree(local)
        else:
            os.remove(local)
        return True

    def mount(self, source: str, mountPoint: str, encryptionType: str = "", owner: str | None = None,
              extraConfigs: dict | None = None, extra_configs: dict | None = None) -> bool:
        """Mount a storage URI at a DBFS path. Credentials in extra configs are accepted and ignored:
        local folders need none, and they are never stored."""
        self._paths.to_local(source)  # fail now, not on first use, when the source has no local folder
        self._mounts.add(source, mountPoint, encryptionType)
        return True

    def updateMount(self, source: str, mountPoint: str, encryptionType: str = "", owner: str | None = None,
                    extraConfigs: dict | None = None, extra_configs: dict | None = None) -> bool:
        """Point an existing mount at another source."""
        self._paths.to_local(source)
        self._mounts.update(source, mountPoint, encryptionType)
        return True

    def unmount(self, mountPoint: str) -> bool:
        """Remove a mount; an unknown mount point raises."""
        self._mounts.remove(mountPoint)
        print(f"{mountPoint} has been unmounted.")
        return True

    def mounts(self) -> list[MountInfo]:
        """All mounts."""
        return self._mounts.all()

    def refreshMounts(self) -> bool:
        """Reload mounts made by other steps."""
        self._mounts.refresh()
        return True

    def _existing(self, path: str) -> str:
        local = self._paths.to_local(path)
        if not os.path.exists(local):
            raise FileNotFoundError(f"File {path} does not exist.")
        return local

    def _info(self, local: str) -> FileInfo:
        stat = os.stat(local)
        is_dir = os.path.isdir(local)
        suffix = "/" if is_dir else ""
        return FileInfo(
            path=self._paths.to_databricks(local) + suffix,
            name=os.path.basename(local) + suffix,
            size=0 if is_dir else stat.st_size,
            modificationTime=int(stat.st_mtime * 1000),
        )


class NotebookUtil:
    """dbutils.notebook: exit is supported, run is not (it needs a Databricks job)."""

    def exit(self, value) -> None:
        """Stop the notebook successfully; the value becomes the task's result."""
        raise NotebookExit(str(value))

    def run(self, path: str, timeout_seconds: int = 0, arguments: dict | None = None) -> str:
        raise NotImplementedError(
            f"dbutils.notebook.run('{path}') is not available when running locally: it starts a "
            "separate Databricks job. Model the called notebook as its own DatabricksStep, or use "
            "%run to execute it inline."
        )


class SecretsUtil:
    """dbutils.secrets over the step's secrets file."""

    def __init__(self, scopes: dict[str, dict[str, str]]):
        self._scopes = scopes

    def get(self, scope: str, key: str) -> str:
        """A secret's value."""
        keys = self._scopes.get(scope)
        if keys is None:
            raise SecretNotFound(f"Secret scope '{scope}' does not exist (asked for key '{key}')")
        if key not in keys:
            raise SecretNotFound(f"Secret does not exist with scope: {scope} and key: {key}")
        return keys[key]

    def getBytes(self, scope: str, key: str) -> bytes:
        """A secret's value as UTF-8 bytes."""
        return self.get(scope, key).encode("utf-8")

    def list(self, scope: str) -> list[SecretMetadata]:
        """The keys of a scope."""
        if scope not in self._scopes:
            raise SecretNotFound(f"Secret scope '{scope}' does not exist")
        return [SecretMetadata(k) for k in sorted(self._scopes[scope])]

    def listScopes(self) -> list[SecretScope]:
        """All scopes."""
        return [SecretScope(s) for s in sorted(self._scopes)]


class TaskValuesUtil:
    """dbutils.jobs.taskValues, kept for this task and reported in its result file."""

    def __init__(self):
        self.values: dict[str, object] = {}

    def set(self, key: str, value) -> None:
        """Set a task value; it must be JSON and at most 48 KiB, as on Databricks."""
        encoded = json.dumps(value)
        if len(encoded.encode("utf-8")) > TASK_VALUE_MAX_BYTES:
            raise ValueError(f"Task value '{key}' is larger than 48 KiB once encoded as JSON")
        self.values[key] = value

    def get(self, taskKey: str, key: str, default=None, debugValue=None):
        """A value this task set. Values of upstream tasks are not passed to a local run, so for any
        other key this returns `default`, then `debugValue` (as Databricks does outside a job)."""
        if key in self.values:
            return self.values[key]
        if default is not None:
            return default
        if debugValue is not None:
            return debugValue
        raise ValueError(f"No task value '{key}' for task '{taskKey}' and no default given")


class JobsUtil:
    def __init__(self):
        self.taskValues = TaskValuesUtil()


class DBUtils:
    """The object notebooks see as `dbutils`."""

    def __init__(self, widgets: dict[str, str], paths: PathMapper, mounts: MountTable,
                 secret_scopes: dict[str, dict[str, str]]):
        self.widgets = WidgetsUtil(widgets)
        self.fs = FsUtil(paths, mounts)
        self.notebook = NotebookUtil()
        self.secrets = SecretsUtil(secret_scopes)
        self.jobs = JobsUtil()
