"""The diagnostics log: <data folder>/logs/vanbanyte.log, rotated at 1 MB, three old files kept.

Logging never gets in the clerk's way: when the folder cannot be written, or a write fails later
(disk full, file removed), records are dropped silently — nothing is printed on stderr, whose one
line is the command line's contract. Qt-free.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from . import APP_NAME, __version__
from .paths import data_dir

NAME = "vanbanyte"
FILE_NAME = "vanbanyte.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(process)d %(threadName)s %(levelname)s %(message)s"


class _QuietRotatingHandler(logging.FileHandler):
    """logging.handlers.RotatingFileHandler's size rotation on logging's own FileHandler:
    importing logging.handlers brings socket, pickle and queue (17 ms of the window's start-up)
    for nothing a log file uses."""

    def __init__(self, filename: Path, maxBytes: int, backupCount: int, encoding: str):  # noqa: N803
        super().__init__(filename, encoding=encoding)
        self.max_bytes, self.backups = maxBytes, backupCount

    def emit(self, record):
        try:
            if self.stream is not None and self.max_bytes > 0:
                size = self.stream.tell() + len(self.format(record).encode(self.encoding or "utf-8")) + 1
                if size > self.max_bytes and self.stream.tell() > 0:
                    self._rotate()
        except Exception:  # noqa: BLE001
            self.handleError(record)
            return
        super().emit(record)

    def _rotate(self) -> None:
        """vanbanyte.log → .1 → .2 → .3 (the oldest dropped)."""
        self.stream.close()
        self.stream = None
        base = self.baseFilename
        for i in range(self.backups - 1, 0, -1):
            if os.path.exists(f"{base}.{i}"):
                os.replace(f"{base}.{i}", f"{base}.{i + 1}")
        if self.backups > 0:
            os.replace(base, f"{base}.1")
        else:
            os.remove(base)
        self.stream = self._open()

    def handleError(self, record):  # noqa: N802 (logging's name) — never a traceback on stderr
        pass


def _system() -> str:
    """The OS line of the log (platform.platform() costs 9 ms at start-up)."""
    if sys.platform == "win32":
        v = sys.getwindowsversion()
        return f"Windows {v.major}.{v.minor}.{v.build}"
    u = os.uname()
    return f"{u.sysname} {u.release} {u.machine}"


_handler: logging.Handler | None = None
_path: Path | None = None
# before setup() (tests, library use) records go nowhere — never to logging's stderr last resort
logging.getLogger(NAME).addHandler(logging.NullHandler())


def logger() -> logging.Logger:
    return logging.getLogger(NAME)


def default_folder() -> Path:
    return data_dir() / "logs"


def log_path() -> Path | None:
    """The file being written, or None when logging is off (folder not writable, setup not run)."""
    return _path


def setup(
    folder: str | Path | None = None, kind: str = "cli", max_bytes: int = MAX_BYTES, backups: int = BACKUPS
) -> Path | None:
    """Send the app's records to the rotating file in `folder` (default: the user data folder).
    Idempotent for the same folder; returns the log file, or None when it cannot be written."""
    global _handler, _path
    try:
        folder = Path(folder) if folder is not None else default_folder()
    except Exception:  # noqa: BLE001 — no data folder at all (odd HOME): run without a log
        folder = None
    target = folder / FILE_NAME if folder is not None else None
    log = logger()
    if _handler is not None and target == _path:
        return _path
    shutdown()
    log.setLevel(logging.INFO)
    log.propagate = False  # never through the root logger (pytest, stderr)
    handler: logging.Handler
    try:
        if target is None:
            raise OSError("no data folder")
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = _QuietRotatingHandler(target, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
        handler.setFormatter(logging.Formatter(FORMAT))
        _path = target
    except Exception:  # noqa: BLE001 — unwritable, read-only, a file in the way: no log, no crash
        handler = logging.NullHandler()
        _path = None
    _handler = handler
    log.addHandler(handler)
    log.info(
        "start %s %s (%s), Python %s, %s, %s",
        APP_NAME,
        __version__,
        kind,
        sys.version.split()[0],
        _system(),
        "frozen" if getattr(sys, "frozen", False) else "from source",
    )
    return _path


def shutdown() -> None:
    """Detach and close the file (tests; a new setup to another folder)."""
    global _handler, _path
    if _handler is not None:
        logger().removeHandler(_handler)
        try:
            _handler.close()
        except Exception:  # noqa: BLE001
            pass
    _handler, _path = None, None


def where() -> str:
    """' (chi tiết: <log>)' for a one-line message, or '' when there is no log."""
    return f" (chi tiết: {_path})" if _path is not None else ""
