"""Kế hoạch › the plan's content: the item tree (numbered automatically) with its tools, and the panel of
the chosen item or task (its departments, time frame and targets), each saved as edited."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLineEdit, QListWidget,
                               QPlainTextEdit, QPushButton, QSpinBox, QTableWidget, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from .. import app
from ..domain.forms import FORMS
from ..domain.models import PlanItem, Target
from ..domain.plan_text import number_items
from ..domain.text import clean
from ..store import db, plans
from .common import ask

KINDS = (("section", "Mục (đánh số)"), ("bullet", "Ý gạch đầu dòng"), ("text", "Đoạn văn"))


class PlanItemsEditor:
    """The item tree and the item panel of PlanPage (a part of that class: it uses the page's conn, plan,
    _loading, warning label and its status and plans_changed signals)."""

    def _tree_panel(self) -> QWidget:
        left = QWidget()
        ll = QVBoxLayout(left)
        tools = QHBoxLayout()
        for text, slot in (("+ Mục", lambda: self.add_item("section")), ("+ Ý", lambda: self.add_item("bullet")),
                           ("+ Đoạn", lambda: self.add_item("text")), ("↑", lambda: self.move(-1)),
                           ("↓", lambda: self.move(1)), ("→ Thụt vào", self.indent), ("← Lùi ra", self.outdent),
                           ("Xóa", self.delete_item)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            tools.addWidget(b)
        ll.addLayout(tools)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Nội dung kế hoạch (số mục tự động)", "Chỉ tiêu"])
        self.tree.setColumnWidth(0, 520)
        self.tree.currentItemChanged.connect(self._item_chosen)
        ll.addWidget(self.tree)
        return left

    def _details(self) -> QWidget:
        box = QGroupBox("Mục, nhiệm vụ đang chọn")
        f = QFormLayout(box)
        self.kind = QComboBox()
        for code, label in KINDS:
            self.kind.addItem(label, code)
        self.text = QPlainTextEdit()
        self.is_task = QCheckBox("Là nhiệm vụ (hoạt động được ghi theo nhiệm vụ này)")
        self.lead = QComboBox()
        self.coord = QListWidget()
        self.coord.setFixedHeight(90)
        self.time_frame = QLineEdit(placeholderText="VD: Quý IV/2025")
        self.targets = QTableWidget(0, 2)
        self.targets.setHorizontalHeaderLabels(["Hình thức", "Chỉ tiêu"])
        self.targets.horizontalHeader().setStretchLastSection(True)
        self.targets.setFixedHeight(110)
        tb = QHBoxLayout()
        for text, slot in (("Thêm chỉ tiêu", self.add_target), ("Bỏ chỉ tiêu", self.remove_target)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            tb.addWidget(b)
        f.addRow("Loại", self.kind)
        f.addRow("Nội dung", self.text)
        f.addRow(self.is_task)
        f.addRow("Chủ trì", self.lead)
        f.addRow("Phối hợp", self.coord)
        f.addRow("Thời gian", self.time_frame)
        f.addRow("Chỉ tiêu", self.targets)
        f.addRow("", tb)
        self._item_timer = QTimer(self, singleShot=True, interval=500)
        self._item_timer.timeout.connect(self._save_item)
        self.text.textChanged.connect(self._item_edited)
        self.time_frame.textEdited.connect(self._item_edited)
        for w in (self.kind, self.lead):
            w.currentIndexChanged.connect(self._item_edited)
        self.is_task.toggled.connect(self._item_edited)
        self.coord.itemChanged.connect(self._item_edited)
        return box

    def _fill_tree(self, select_id: int | None = None) -> None:
        from ..domain.plan_import import lost_diacritics

        self.tree.clear()
        if self.plan is None:
            return
        labels = {id(it): b for it, b in number_items(self.plan.items)}
        damaged = 0
        chosen = None

        def add(parent, items):
            nonlocal damaged, chosen
            for it in items:
                b = labels[id(it)]
                targets = ", ".join(
                    f"{t.quantity} {t.unit_label or next(f.unit for f in FORMS if f.code == t.form_code)}"
                    for t in it.targets)
                node = QTreeWidgetItem([b.full, targets])
                node.setData(0, Qt.UserRole, it.id)
                if it.is_task:
                    node.setForeground(0, QBrush(QColor("#0b4f8a")))
                if lost_diacritics(it.text):
                    damaged += 1
                    node.setBackground(0, QBrush(QColor("#ffe9c2")))
                    node.setToolTip(0, "Dòng này có vẻ bị mất dấu tiếng Việt: hãy sửa lại.")
                (parent.addChild(node) if parent else self.tree.addTopLevelItem(node))
                if it.id == select_id:
                    chosen = node
                add(node, it.children)

        add(None, self.plan.items)
        self.tree.expandAll()
        self.warning.setText(f"{damaged} dòng có vẻ bị mất dấu tiếng Việt (tô màu): hãy sửa trước khi xuất."
                             if damaged else "")
        if chosen is not None:
            self.tree.setCurrentItem(chosen)

    def _find(self, item_id: int | None) -> tuple[PlanItem | None, PlanItem | None, list[PlanItem]]:
        """(item, parent, siblings) of an id in the loaded plan."""
        if self.plan is None:
            return None, None, []

        def rec(items, parent):
            for it in items:
                if it.id == item_id:
                    return it, parent, items
                found = rec(it.children, it)
                if found:
                    return found
            return None

        return rec(self.plan.items, None) or (None, None, [])

    def selected_id(self) -> int | None:
        node = self.tree.currentItem()
        return node.data(0, Qt.UserRole) if node else None

    def _reload(self, select_id: int | None) -> None:
        self.plan = plans.load_plan(self.conn, self.plan.id)
        self._fill_tree(select_id)
        self.plans_changed.emit()

    def add_item(self, kind: str) -> None:
        if self.plan is None:
            return
        item, parent, sibs = self._find(self.selected_id())
        text = {"section": "Mục mới", "bullet": "Ý mới", "text": "Đoạn mới"}[kind]
        with db.transaction(self.conn):
            if item is None:
                new_id = plans.add_item(self.conn, self.plan.id, None, None, kind,
                                        text.upper() if kind == "section" else text)
            elif item.kind == "section" and kind != "section":
                new_id = plans.add_item(self.conn, self.plan.id, item.id, None, kind, text)
            else:
                new_id = plans.add_item(self.conn, self.plan.id, parent.id if parent else None,
                                        sibs.index(item) + 1, kind, text)
        self._reload(new_id)
        self.text.setFocus()
        self.text.selectAll()

    def move(self, step: int) -> None:
        item, parent, sibs = self._find(self.selected_id())
        if item is None:
            return
        i = sibs.index(item) + step
        if 0 <= i < len(sibs):
            with db.transaction(self.conn):
                plans.move_item(self.conn, item.id, parent.id if parent else None, i)
            self._reload(item.id)

    def indent(self) -> None:
        item, parent, sibs = self._find(self.selected_id())
        if item is None or sibs.index(item) == 0:
            return
        new_parent = sibs[sibs.index(item) - 1]
        with db.transaction(self.conn):
            plans.move_item(self.conn, item.id, new_parent.id, len(new_parent.children))
        self._reload(item.id)

    def outdent(self) -> None:
        item, parent, _ = self._find(self.selected_id())
        if item is None or parent is None:
            return
        _, grand, psibs = self._find(parent.id)
        with db.transaction(self.conn):
            plans.move_item(self.conn, item.id, grand.id if grand else None, psibs.index(parent) + 1)
        self._reload(item.id)

    def delete_item(self) -> None:
        item, _, _ = self._find(self.selected_id())
        if item is None:
            return
        n = app.task_activity_count(self.conn, item.id)
        extra = f" {n} hoạt động đang ghi theo nhiệm vụ này sẽ không còn thuộc nhiệm vụ nào." if n else ""
        if (item.children or n) and not ask(self, f"Xóa “{item.text[:60]}” và mọi nội dung bên trong?{extra}"):
            return
        app.delete_item(self.conn, item.id)
        self._reload(None)

    def _item_chosen(self, node, _prev=None):
        self._flush_item()
        item, _, _ = self._find(node.data(0, Qt.UserRole) if node else None)
        self._loading = True
        self.text.setPlainText(item.text if item else "")
        self.kind.setCurrentIndex(max(self.kind.findData(item.kind), 0) if item else 0)
        self.is_task.setChecked(bool(item and item.is_task))
        self.lead.setCurrentIndex(max(self.lead.findData(item.lead_dept_id), 0) if item else 0)
        self.time_frame.setText(item.time_frame if item else "")
        for i in range(self.coord.count()):
            c = self.coord.item(i)
            c.setCheckState(Qt.Checked if item and c.data(Qt.UserRole) in item.coord_dept_ids else Qt.Unchecked)
        self.targets.setRowCount(0)
        for t in item.targets if item else []:
            self._target_row(t)
        self._loading = False

    def _target_row(self, t: Target) -> None:
        r = self.targets.rowCount()
        self.targets.insertRow(r)
        combo = QComboBox()
        for f in FORMS:
            combo.addItem(f"{f.label} ({f.unit})", f.code)
        combo.setCurrentIndex(max(combo.findData(t.form_code), 0))
        spin = QSpinBox(minimum=1, maximum=1_000_000, value=max(t.quantity, 1))
        combo.currentIndexChanged.connect(self._item_edited)
        spin.valueChanged.connect(self._item_edited)
        self.targets.setCellWidget(r, 0, combo)
        self.targets.setCellWidget(r, 1, spin)

    def add_target(self) -> None:
        if self.selected_id() is None:
            return
        self._target_row(Target(1, "tin_bai"))
        self.is_task.setChecked(True)
        self._item_edited()

    def remove_target(self) -> None:
        r = self.targets.currentRow()
        if r < 0:
            r = self.targets.rowCount() - 1
        if r >= 0:
            self.targets.removeRow(r)
            self._item_edited()

    def _item_edited(self, *_):
        if not self._loading:
            self._item_timer.start()

    def _flush_item(self) -> None:
        if self._item_timer.isActive():
            self._item_timer.stop()
            self._save_item()

    def _save_item(self) -> None:
        item_id = self.selected_id()
        if self.plan is None or item_id is None:
            return
        text = clean(self.text.toPlainText())
        if not text:
            self.status.emit("Nội dung mục không được để trống.")
            return
        kind = self.kind.currentData()
        targets = [Target(self.targets.cellWidget(r, 1).value(), self.targets.cellWidget(r, 0).currentData())
                   for r in range(self.targets.rowCount())]
        coords = [self.coord.item(i).data(Qt.UserRole) for i in range(self.coord.count())
                  if self.coord.item(i).checkState() == Qt.Checked]
        app.save_item(self.conn, item_id, kind=kind, text=text, is_task=self.is_task.isChecked(),
                      lead_dept_id=self.lead.currentData(), time_frame=self.time_frame.text(), coord_dept_ids=coords,
                      targets=targets)
        self.plan = plans.load_plan(self.conn, self.plan.id)
        labels = {it.id: b for it, b in number_items(self.plan.items)}
        node = self.tree.currentItem()
        item, _, _ = self._find(item_id)
        if node is not None and item is not None:
            node.setText(0, labels[item.id].full)
        self.status.emit("Đã lưu mục kế hoạch")
        self.plans_changed.emit()
