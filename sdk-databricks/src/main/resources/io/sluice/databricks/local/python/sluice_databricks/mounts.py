"""DBFS mount table, persisted under the DBFS root so later steps of the same run see it."""

import json
import os
from dataclasses import dataclass

MOUNTS_FILE_NAME = ".sluice-mounts.json"


class MountError(Exception):
    """Raised for mount operations Databricks would refuse."""


@dataclass(frozen=True)
class MountInfo:
    """One mount, shaped like the MountInfo dbutils.fs.mounts() returns."""

    mountPoint: str
    source: str
    encryptionType: str = ""


def normalize_mount_point(mount_point: str) -> str:
    """Return a mount point as a DBFS path: '/mnt/raw' for 'dbfs:/mnt/raw/' or '/mnt/raw'."""
    point = mount_point[len("dbfs:"):] if mount_point.startswith("dbfs:") else mount_point
    point = "/" + point.strip("/")
    if point == "/":
        raise MountError("The DBFS root cannot be used as a mount point")
    return point


class MountTable:
    """Mounts of one DBFS root. Only source and encryption type are stored: extra configs carry keys."""

    def __init__(self, dbfs_root: str):
        self._file = os.path.join(dbfs_root, MOUNTS_FILE_NAME)
        self._mounts: dict[str, MountInfo] = {}
        self.refresh()

    def refresh(self) -> None:
        """Reload the table from disk (another step may have changed it)."""
        if not os.path.exists(self._file):
            self._mounts = {}
            return
        with open(self._file, encoding="utf-8") as f:
            stored = json.load(f)
        self._mounts = {
            point: MountInfo(point, entry["source"], entry.get("encryptionType", ""))
            for point, entry in stored.items()
        }

    def all(self) -> list[MountInfo]:
        """All mounts, ordered by mount point."""
        return [self._mounts[p] for p in sorted(self._mounts)]

    def add(self, source: str, mount_point: str, encryption_type: str = "") -> None:
        """Add a mount; refuses a mount point already in use, as Databricks does."""
        self.refresh()
        point = normalize_mount_point(mount_point)
        if point in self._mounts:
            raise MountError(f"Directory already mounted: {point}")
        self._mounts[point] = MountInfo(point, source, encryption_type)
        self._save()

    def update(self, source: str, mount_point: str, encryption_type: str = "") -> None:
        """Point an existing mount at a new source."""
        self.refresh()
        point = self._existing(mount_point)
        self._mounts[point] = MountInfo(point, source, encryption_type)
        self._save()

    def remove(self, mount_point: str) -> None:
        """Remove a mount; an unknown mount point raises."""
        self.refresh()
        del self._mounts[self._existing(mount_point)]
        self._save()

    def find(self, dbfs_path: str) -> tuple[MountInfo, str] | None:
        """Return the mount holding a DBFS path ('/mnt/raw/a.csv') and the rest of the path ('a.csv')."""
        for point in sorted(self._mounts, key=len, reverse=True):
            if dbfs_path == point or dbfs_path.startswith(point + "/"):
                return self._mounts[point], dbfs_path[len(point):].lstrip("/")
        return None

    def _existing(self, mount_point: str) -> str:
        point = normalize_mount_point(mount_point)
        if point not in self._mounts:
            raise MountError(f"Directory not mounted: {point}")
        return point

    def _save(self) -> None:
        # Write-then-rename so a reader in a parallel step never sees half a file.
        os.makedirs(os.path.dirname(self._file), exist_ok=True)
        stored = {
            p: {"source": m.source, "encryptionType": m.encryptionType} for p, m in self._mounts.items()
        }
        temp = f"{self._file}.{os.getpid()}.tmp"
        with open(temp, "w", encoding="utf-8") as f:
            json.dump(stored, f, indent=2, sort_keys=True)
        os.replace(temp, self._file)
