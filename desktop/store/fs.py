"""What kind of disk a database lives on: a network share cannot hold a WAL database (WAL needs shared
memory between the processes of one machine), so a database there runs in rollback-journal mode."""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_TYPES = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "ncpfs",
    "afs",
    "9p",
    "fuse.sshfs",
    "sshfs",
    "davfs",
    "fuse.davfs2",
    "glusterfs",
    "ceph",
    "fuse.rclone",
}
DRIVE_REMOTE = 4


def _mount_type(path: str, mounts: str = "/proc/mounts") -> str | None:
    """The file system type of the longest mount point holding `path` (Linux)."""
    try:
        with open(mounts, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return None
    best, kind = "", None
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, parts[2]
    return kind


def is_network(path: str | Path) -> bool:
    """True when `path` is on a network share (Windows: a UNC path or a mapped network drive; Linux: an
    nfs/cifs/smb/sshfs mount). Unknown counts as local."""
    try:
        real = os.path.realpath(path)
    except (OSError, ValueError):
        return False
    if sys.platform == "win32":
        if real.startswith(("\\\\", "//")) and not real.startswith(("\\\\?\\", "\\\\.\\")):
            return True
        if real.startswith("\\\\?\\UNC\\"):
            return True
        drive = os.path.splitdrive(real)[0]
        if not drive:
            return False
        try:
            import ctypes

            return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE
        except (AttributeError, OSError):
            return False
    kind = _mount_type(real)
    return kind is not None and kind.lower() in NETWORK_TYPES
