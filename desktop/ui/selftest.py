"""`--self-test FILE`: open the window, visit every screen, write what was seen, quit.

A support check for an installed copy ("does this PC show the window and read the data?"),
also what the packaging smoke test and the start-up benchmark run on the frozen app. FILE
gets key=value lines ending with RESULT=OK or RESULT=FAIL and a traceback; a picture of the
window is saved beside it (FILE with .png).
"""

from __future__ import annotations

import platform
import sys
import time
import traceback
from pathlib import Path

from platformdirs import user_documents_dir
from PySide6.QtCore import QCoreApplication, QTimer, qVersion
from PySide6.QtWidgets import QApplication

from .. import __version__
from ..paths import data_dir
from .common import FirstPaint


def arm(window, out: Path) -> None:
    """Run the check once the event loop has painted `window` (call right after show())."""
    painted = FirstPaint(window, lambda _at: None)

    def when_painted():
        if window.isVisible() and (painted.at is None or not getattr(window, "ready", True)):
            QTimer.singleShot(10, when_painted)  # first paint, then the screens filled in
            return
        _finish(window, Path(out), painted.at or time.time())

    QTimer.singleShot(0, when_painted)


def _facts(window, shown_at: float) -> list[str]:
    app = QApplication.instance()
    ready_at = time.time()  # the screens and their data are in
    tabs = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        tabs.append(window.tabs.tabText(i))
    window.tabs.setCurrentIndex(0)
    QApplication.processEvents()
    from ..app import activities as ledger  # loaded with the screens already

    n = ledger.count(window.conn)
    return [
        f"shown_at={shown_at:.3f}",
        f"ready_at={ready_at:.3f}",
        f"version={__version__}",
        f"frozen={bool(getattr(sys, 'frozen', False))}",
        f"python={sys.version.split()[0]} os={sys.platform} {platform.system()} {platform.release()}",
        f"qt={qVersion()} qpa={app.platformName()} dpr={window.devicePixelRatioF():g}",
        f"window_visible={window.isVisible()} size={window.width()}x{window.height()}",
        f"title={window.windowTitle()}",
        f"tabs={'|'.join(tabs)}",
        f"qt_buttons={QCoreApplication.translate('QPlatformTheme', '&Yes')}|"
        f"{QCoreApplication.translate('QPlatformTheme', '&No')}|{QCoreApplication.translate('QPlatformTheme', 'Cancel')}",
        f"activities={n}",
        f"database={window.db_path}",
        f"data_dir={data_dir()}",
        f"documents={user_documents_dir()}",
    ]


def _finish(window, out: Path, shown_at: float) -> None:
    try:
        lines = _facts(window, shown_at)
        if not window.isVisible():
            raise RuntimeError("the window is not visible")
        window.grab().save(str(out.with_suffix(".png")))
        lines.append("RESULT=OK")
    except Exception:  # noqa: BLE001 — last resort: reported, never a crash
        lines = ["RESULT=FAIL", traceback.format_exc()]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    window.close()
    QApplication.instance().quit()


def fail(out: Path, reason: BaseException | str) -> int:
    """The self-test ends before any window (a damaged or refused database): RESULT=FAIL and the reason in
    FILE, never a dialog that would wait for a click. Returns the exit status (1)."""
    from ..files import one_line

    Path(out).write_text(f"RESULT=FAIL\nreason={one_line(reason)}\n", encoding="utf-8")
    return 1
