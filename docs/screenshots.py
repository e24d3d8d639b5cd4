"""Takes a screenshot of every screen of the running app (offscreen) into docs/screenshots/: each screen in a
1280 × 680 window, and again as a 1920 × 1080 laptop at 150 % shows it (QT_SCALE_FACTOR=1.5, "-150" names).

    python3 docs/screenshots.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NAMES = ("tong-quan", "don-vi", "ke-hoach", "hoat-dong", "bao-cao")


def shoot(out: Path, suffix: str, size: tuple[int, int], extras: bool) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.store.demo import create_demo

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setDefaultFormat(QSettings.IniFormat)
        QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tmp)
        from desktop.ui import qt_vi
        from desktop.ui.main import MainWindow

        qt_vi.install(app)
        db = Path(tmp) / "demo.db"
        create_demo(db, 150, 1)
        win = MainWindow(db, QSettings(str(Path(tmp) / "s.ini"), QSettings.IniFormat))
        win.resize(*size)
        win.show()
        for i, name in enumerate(NAMES):
            win.tabs.setCurrentIndex(i)
            if name == "hoat-dong":
                win.ledger_page.search.setText("chuyen doi so")
                win.ledger_page.table.selectRow(0)
            if name == "ke-hoach":
                win.plan_page.select_item(win.plan_page.plan.tasks()[0].id)
            if name == "bao-cao":
                win.report_page.list.setCurrentRow(2)
            app.processEvents()
            win.grab().save(str(out / f"{name}{suffix}.png"))
        if extras:
            _import_preview(win, out, Path(tmp), app)
        win.close()
        if extras:
            _wizard(out, app)


def _import_preview(win, out: Path, tmp: Path, app) -> None:
    from openpyxl import Workbook

    from desktop.app.workbooks import read_imports_rows
    from desktop.ui.dialogs.excel_import import ImportPreview

    dept = win.unit.departments[0].name
    old = win.ledger_page.model.activities()[0]
    path = tmp / "Khoa_Duoc_thang_4.xlsx"
    wb = Workbook()
    wb.active.append(["Ngày", "Khoa, phòng", "Nội dung hoạt động", "Hình thức"])
    wb.active.append([date(2025, 4, 2), dept, "Tập huấn kê đơn điện tử cho bác sĩ nội trú", "Tập huấn"])
    wb.active.append([date(2025, 4, 9), dept, "Bài viết về tra cứu kết quả xét nghiệm trên ứng dụng", "Tin, bài"])
    wb.active.append([old.start, win.unit.department(old.dept_id).name, old.title, "Khác"])
    wb.active.append(["31/4/2025", dept, "Buổi sinh hoạt ghi sai ngày", "Sinh hoạt"])
    wb.save(path)
    results = read_imports_rows(win.conn, [path])
    dlg = ImportPreview(results, win, {d.id: d.name for d in win.unit.departments})
    dlg.resize(1000, 560)
    dlg.show()
    app.processEvents()
    dlg.grab().save(str(out / "nhap-excel.png"))
    dlg.close()


def _wizard(out: Path, app) -> None:
    from desktop.ui.dialogs.wizard import FirstRunWizard

    wiz = FirstRunWizard()
    wiz.resize(760, 560)
    wiz.show()
    wiz.unit_page.name.setText("Trung tâm Y tế khu vực Đức Trọng")
    wiz.unit_page.abbr.setText("TTYTĐT")
    wiz.unit_page.place.setText("Lâm Đồng")
    wiz.unit_page.parent_body.setText("Sở Y tế tỉnh Lâm Đồng")
    for _ in range(5):
        wiz.next()
    app.processEvents()
    wiz.grab().save(str(out / "khoi-dau-ke-hoach.png"))


def main() -> None:
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    if os.environ.get("VBYT_SHOT_SCALED"):
        shoot(out, "-150", (1280, 720), extras=False)  # 1920 × 1080 at 150 %: 1280 × 720 logical pixels
        return
    shoot(out, "", (1280, 680), extras=True)
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", VBYT_SHOT_SCALED="1")
    subprocess.run([sys.executable, __file__], env=env, check=True)
    print("\n".join(sorted(p.name for p in out.iterdir())))


if __name__ == "__main__":
    main()
