"""Tạo kế hoạch năm sau: the year asked, what the copy's texts change and the structure it keeps shown,
the new plan created on OK (app.copy_plan_to_year)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ... import app
from ...domain.errors import UserError
from ..common import ask, warn


def structure_counts(plan) -> tuple[int, int, int]:
    """(sections, tasks, targets) of a plan."""
    walked = [it for it, _ in plan.walk()]
    return (
        sum(1 for it in walked if it.kind == "section"),
        sum(1 for it in walked if it.is_task),
        sum(len(it.targets) for it in walked),
    )


class CopyPlanDialog(QDialog):
    def __init__(self, conn, plan_id: int, parent=None, today: date | None = None):
        super().__init__(parent)
        self.conn, self.plan_id, self.today = conn, plan_id, today
        self.new_id: int | None = None
        plan = app.plans.load_plan(conn, plan_id)
        self.old_year = app.plans.plan_period(plan)[0].year
        self.setWindowTitle("Tạo kế hoạch năm sau")
        lay = QVBoxLayout(self)
        intro = QLabel(
            f"Kế hoạch mới được tạo từ kế hoạch năm {self.old_year} “{plan.title}”: giữ nguyên các mục, "
            "nhiệm vụ, khoa/phòng và chỉ tiêu; để trống số văn bản và văn bản cấp trên; không mang theo "
            "hoạt động nào."
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.year = QSpinBox(minimum=2000, maximum=2100)
        self.year.setGroupSeparatorShown(False)
        self.year.setValue(self.old_year + 1)
        self.year.setMaximumWidth(120)
        year_label = QLabel("&Năm của kế hoạch mới")
        year_label.setBuddy(self.year)
        form.addRow(year_label, self.year)
        lay.addLayout(form)
        self.kept = QLabel()
        self.kept.setWordWrap(True)
        lay.addWidget(self.kept)
        self.changes_label = QLabel()
        lay.addWidget(self.changes_label)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Ở đâu", "Trước", "Sau"])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.Stretch)
        head.setSectionResizeMode(2, QHeaderView.Stretch)
        lay.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText("Tạo kế hoạch")
        self.buttons.button(QDialogButtonBox.Cancel).setText("Hủy")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.year.valueChanged.connect(self.refresh)
        self.resize(900, 520)
        self.refresh()
        self.year.setFocus()
        self.year.selectAll()

    def refresh(self, *_) -> None:
        new, changes = app.next_year_preview(self.conn, self.plan_id, self.year.value(), self.today)
        sections, tasks, targets = structure_counts(new)
        self.kept.setText(f"Giữ nguyên cấu trúc: {sections} mục, {tasks} nhiệm vụ, {targets} chỉ tiêu.")
        self.changes_label.setText(
            f"Những chỗ sẽ đổi năm {self.old_year} thành năm {self.year.value()}: {len(changes)}"
            if changes
            else "Không có chỗ nào trong nội dung cần đổi năm."
        )
        self.table.setRowCount(len(changes))
        for r, ch in enumerate(changes):
            for c, text in enumerate((ch.where, ch.before, ch.after)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()

    def accept(self) -> None:
        if self.year.value() == self.old_year:
            warn(self, f"Kế hoạch mới phải cho một năm khác năm {self.old_year}.")
            return
        year = self.year.value()
        try:
            try:
                self.new_id = app.copy_plan_to_year(self.conn, self.plan_id, year, self.today)
            except app.PlanExists as e:
                if not ask(self, f"{e} Vẫn tạo thêm một kế hoạch năm {year} nữa từ kế hoạch này?"):
                    return  # the dialog stays open: another year can be chosen
                self.new_id = app.copy_plan_to_year(self.conn, self.plan_id, year, self.today, again=True)
        except UserError as e:
            warn(self, str(e))
            return
        super().accept()


def copy_plan(parent, conn, plan_id: int) -> int | None:
    """Ask, show, create: the new plan's id, None when the clerk cancelled."""
    dlg = CopyPlanDialog(conn, plan_id, parent)
    return dlg.new_id if dlg.exec() == QDialog.Accepted else None
