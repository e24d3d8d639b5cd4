"""Pictures of the review “Tạo từ kế hoạch cấp trên” (each tab) for seeds 001 and 003, into
docs/screenshots/: python3 docs/screenshots_cascade.py (offscreen; a demo database in a temp folder)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop import app  # noqa: E402
from desktop.store import db, units  # noqa: E402
from desktop.store.demo import create_demo  # noqa: E402
from desktop.ui.dialogs.cascade_dialog import CascadeDialog  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
TABS = ("van-ban", "can-cu", "nhiem-vu", "sua-loi")


def main() -> None:
    qt = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.db"
        create_demo(path, 20, 1)
        conn = db.open_db(path)
        unit = units.load_unit(conn)
        for prefix, tabs in (("003", (0, 1)), ("001", (2, 3))):
            (src,) = SEEDS.glob(f"{prefix}_*.txt")
            dialog = CascadeDialog(app.cascade.propose(conn, unit, src), unit, src.name)
            dialog.resize(1100, 620)
            dialog.show()
            for i in tabs:
                dialog.tabs.setCurrentIndex(i)
                qt.processEvents()
                target = OUT / f"tu-cap-tren-{TABS[i]}.png"
                dialog.grab().save(str(target))
                print(target.relative_to(ROOT))
            dialog.close()
        conn.close()


if __name__ == "__main__":
    main()
