"""Mapping between Databricks paths (dbfs:/, /dbfs/, /mnt/, cloud storage URIs) and local folders."""

import os
import re

from .mounts import MountTable

_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


class UnmappedPathError(Exception):
    """A cloud storage URI has no local folder in the step's path mappings."""


def _with_slash(prefix: str) -> str:
    return prefix if prefix.endswith("/") else prefix + "/"


def _join(folder: str, rest: str) -> str:
    return os.path.join(folder, rest) if rest else folder


def _under(path: str, folder: str) -> str | None:
    """The part of `path` below `folder` ('' for the folder itself), or None when outside it."""
    folder = folder.rstrip(os.sep) or os.sep
    if path == folder:
        return ""
    if path.startswith(folder.rstrip(os.sep) + os.sep):
        return path[len(folder.rstrip(os.sep)) + 1:]
    return None


def dbfs_path_of(path: str) -> str | None:
    """The DBFS path ('/x/y') named by 'dbfs:/x/y' or '/dbfs/x/y'; None for any other path."""
    if path.startswith("dbfs:"):
        return "/" + path[len("dbfs:"):].lstrip("/")
    if path == "/dbfs" or path.startswith("/dbfs/"):
        return "/" + path[len("/dbfs"):].lstrip("/")
    return None


class PathMapper:
    """Translates the paths a notebook uses into local paths, and local paths back."""

    def __init__(self, dbfs_root: str, path_mappings: dict[str, str], mounts: MountTable):
        self.dbfs_root = os.path.abspath(dbfs_root)
        self.mounts = mounts
        # Longest prefix first so a container mapping beats an account-wide one.
        self._mappings = sorted(
            ((_with_slash(uri), os.path.abspath(local)) for uri, local in path_mappings.items()),
            key=lambda m: len(m[0]),
            reverse=True,
        )

    def to_local(self, path: str) -> str:
        """Local path for a Databricks path; plain local paths and relative names are returned unchanged.

        Raises UnmappedPathError for a storage URI with no mapping.
        """
        dbfs_path = dbfs_path_of(path)
        if dbfs_path is None and path.startswith("/mnt/") and self.mounts.find(path):
            dbfs_path = path
        if dbfs_path is not None:
            return self._dbfs_to_local(dbfs_path)
        if path.startswith("file:"):
            return "/" + path[len("file:"):].lstrip("/")
        if _URI.match(path):
            return self._uri_to_local(path)
        return path

    def to_databricks(self, local_path: str) -> str:
        """Databricks path for a local path: via a mount ('dbfs:/mnt/..') first, then the DBFS root
        ('dbfs:/..'), then a storage URI mapping; a path outside all of them is returned unchanged."""
        local_path = os.path.abspath(local_path)
        for mount in self.mounts.all():
            try:
                rest = _under(local_path, self._uri_to_local(mount.source))
            except UnmappedPathError:
                continue  # mounted by a step with mappings this one lacks
            if rest is not None:
                return "dbfs:" + mount.mountPoint + ("/" + rest.replace(os.sep, "/") if rest else "")
        rest = _under(local_path, self.dbfs_root)
        if rest is not None:
            return "dbfs:/" + rest.replace(os.sep, "/")
        for uri, local in self._mappings:
            rest = _under(local_path, local)
            if rest is not None:
                return uri + rest.replace(os.sep, "/")
        return local_path

    def _dbfs_to_local(self, dbfs_path: str) -> str:
        found = self.mounts.find(dbfs_path)
        if found:
            mount, rest = found
            return _join(self._uri_to_local(mount.source), rest)
        return _join(self.dbfs_root, dbfs_path.lstrip("/"))

    def _uri_to_local(self, uri: str) -> str:
        if uri.startswith("dbfs:"):
            return self._dbfs_to_local(dbfs_path_of(uri))
        for prefix, local in self._mappings:
            if uri.startswith(prefix) or _with_slash(uri) == prefix:
                return _join(local, uri[len(prefix):])
        known = ", ".join(p for p, _ in self._mappings) or "(none)"
        raise UnmappedPathError(f"No local folder is mapped for '{uri}'. Mapped prefixes: {known}")
