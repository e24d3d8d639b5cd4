"""The review of a superior's plan shows its repairs readable (issue 20, docs/walk.py's 02-ke-hoach-cap-tren-4):
the "Sau" column, sized to its one-line text, left "Trước" 28 px wide, its header and text cut to "n…"."""

from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop.ui.dialogs.cascade_dialog import CascadeDialog

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


def _dated_superior(tmp_path) -> Path:
    """Seed 003 (a real Sở Y tế plan, its header lost in the conversion) under a dated header."""
    (seed,) = SEEDS.glob("003_*.txt")
    head = "SỞ Y TẾ\nSố: 215/KH-SYT\nHải Phòng, ngày 20 tháng 01 năm 2026\n"
    path = tmp_path / "KH_215_SYT.txt"
    path.write_text(head + seed.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_repairs_before_and_after_share_the_width(window, monkeypatch, tmp_path):
    seen = {}

    def review(self):
        self.show()
        self.tabs.setCurrentIndex(self.tabs.count() - 1)  # Sửa lỗi
        QApplication.processEvents()
        t = self.repairs
        seen.update(rows=t.rowCount(), width=t.viewport().width(), header=t.horizontalHeader())
        seen["columns"] = [t.columnWidth(c) for c in range(t.columnCount())]
        seen["hints"] = [t.horizontalHeader().sectionSizeHint(c) for c in range(t.columnCount())]
        self.reject()
        return 0

    monkeypatch.setattr(CascadeDialog, "exec", review)
    window.plan_page.import_superior(str(_dated_superior(tmp_path)))
    assert seen["rows"] > 0
    before, after = seen["columns"][3], seen["columns"][4]
    assert before >= seen["hints"][3] and before >= seen["width"] // 4, seen["columns"]
    assert after >= seen["width"] // 4, seen["columns"]
