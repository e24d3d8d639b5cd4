"""Takes a screenshot of every screen of the running app (offscreen) into docs/screenshots/.

    python3 docs/screenshots.py
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.store.demo import create_demo  # noqa: E402

NAMES = ("tong-quan", "don-vi", "ke-hoach", "hoat-dong", "bao-cao")


def main() -> None:
    app = QApplication.instance() or QApplication([])
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setDefaultFormat(QSettings.IniFormat)
        QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tmp)
        from desktop.ui.main import MainWindow
        from desktop.ui.wizard import FirstRunWizard

        db = Path(tmp) / "demo.db"
        create_demo(db, 150, 1)
        win = MainWindow(db, QSettings(str(Path(tmp) / "s.ini"), QSettings.IniFormat))
        win.resize(1280, 800)
        win.show()
        for i, name in enumerate(NAMES):
            win.tabs.setCurrentIndex(i)
            if name == "hoat-dong":
                win.ledger_page.search.setText("chuyen doi so")
                win.ledger_page.table.selectRow(0)
            if name == "bao-cao":
                win.report_page.list.setCurrentRow(2)
            app.processEvents()
            win.grab().save(str(out / f"{name}.png"))
        win.close()
        wiz = FirstRunWizard()
        wiz.resize(720, 480)
        wiz.show()
        app.processEvents()
        wiz.grab().save(str(out / "khoi-dau.png"))
        wiz.next()
        app.processEvents()
        wiz.grab().save(str(out / "khoi-dau-don-vi.png"))
    print("\n".join(sorted(p.name for p in out.iterdir())))


if __name__ == "__main__":
    main()
