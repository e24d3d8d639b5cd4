"""Kế hoạch › the plan's content: the item tree (numbered automatically) with its tools, and the panel of
the chosen item or task (its departments, time frame and targets), each saved as edited."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from ... import app
from ...domain.forms import DEFAULTS, Forms
from ...domain.models import PlanItem, Target
from ...domain.plan_text import number_items
from ...domain.text import clean, one_line
from ...domain.vnformat import number
from ..common import ask
from ..undo import ItemCopy, ItemCreated, ItemEdited, ItemMoved, item_ids
from ..widgets import target_rows

VOICE_BG = QColor("#fff0c0")  # light amber: a passage still in the superior's voice (domain/superior_voice.py)
KINDS = (("section", "Mục (đánh số)"), ("bullet", "Ý gạch đầu dòng"), ("text", "Đoạn văn"))


class PlanItemsEditor:
    """The item tree and the item panel of PlanPage (a part of that class: it uses the page's conn, plan,
    _loading, warning label and its status and plans_changed signals)."""

    forms: Forms = DEFAULTS  # the unit's forms, read anew each time the tree is filled

    def _tree_panel(self) -> QWidget:
        left = QWidget()
        ll = QVBoxLayout(left)
        tools = QHBoxLayout()
        for text, slot, key in (
            ("+ Mục", lambda: self.add_item("section"), "Ctrl+Shift+M"),
            ("+ Ý", lambda: self.add_item("bullet"), "Ctrl+Shift+Y"),
            ("+ Đoạn", lambda: self.add_item("text"), "Ctrl+Shift+D"),
            ("↑", lambda: self.move(-1), "Alt+Shift+Up"),
            ("↓", lambda: self.move(1), "Alt+Shift+Down"),
            ("→ Thụt vào", self.indent, "Alt+Shift+Right"),
            ("← Lùi ra", self.outdent, "Alt+Shift+Left"),
            ("Xóa", self.delete_item, ""),
        ):
            b = QPushButton(text, toolTip=f"{text.strip('+ ')} ({key})" if key else "Xóa mục đang chọn (Del trong cây)")
            b.clicked.connect(slot)
            if key:
                b.setShortcut(QKeySequence(key))
            tools.addWidget(b)
        tools.addStretch()
        ll.addLayout(tools)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Nội dung kế hoạch (số mục tự động)", "Chỉ tiêu"])
        self.tree.setColumnWidth(0, 520)
        self.tree.currentItemChanged.connect(self._item_chosen)
        QShortcut(QKeySequence.Delete, self.tree, activated=self.delete_item, context=Qt.WidgetShortcut)
        ll.addWidget(self.tree)
        return left

    def _details(self) -> QWidget:
        box = QGroupBox("Mục, nhiệm vụ đang chọn")
        f = QFormLayout(box)
        self.kind = QComboBox()
        for code, label in KINDS:
            self.kind.addItem(label, code)
        self.text = QPlainTextEdit()
        self.is_task = QCheckBox("Là &nhiệm vụ", toolTip="Hoạt động được ghi theo nhiệm vụ này")
        self.lead = QComboBox()
        for combo in (self.kind, self.lead):  # long department names never widen the panel past its view
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.coord = QListWidget()
        self.coord.setFixedHeight(90)
        self.time_frame = QLineEdit(placeholderText="VD: Quý IV/2025")
        self.targets = QTableWidget(0, 4)
        target_rows.setup(self.targets)  # what, value, kind (Số lượng, Tỷ lệ, Độ bao phủ), period
        self.targets.setFixedHeight(110)
        tb = QHBoxLayout()
        for text, slot in (("Thêm &chỉ tiêu", self.add_target), ("&Bỏ chỉ tiêu", self.remove_target)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            tb.addWidget(b)
        # a task's targets right under its text, the kind and "Là nhiệm vụ" on one line: at 1280 × 680 the
        # target table is in sight as soon as a task is chosen, without scrolling the panel
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind, 1)
        kind_row.addWidget(self.is_task)
        f.addRow("Loại", kind_row)
        f.addRow("Nội dung", self.text)
        f.addRow("Chỉ tiêu", self.targets)
        f.addRow("Chủ trì", self.lead)
        f.addRow("Phối hợp", self.coord)
        f.addRow("Thời gian", self.time_frame)
        chain = (self.kind, self.is_task, self.text, self.targets, self.lead, self.coord, self.time_frame)
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)
        self.add_target_button = tb.itemAt(0).widget()
        self._panel_item: int | None = None  # the item the panel shows: the one its edits are saved into
        self._item_timer = QTimer(self, singleShot=True, interval=500)
        self._item_timer.timeout.connect(self._save_item)
        self.text.textChanged.connect(self._item_edited)
        self.time_frame.textEdited.connect(self._item_edited)
        for w in (self.kind, self.lead):
            w.currentIndexChanged.connect(self._item_edited)
        self.is_task.toggled.connect(self._item_edited)
        self.coord.itemChanged.connect(self._item_edited)
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(48)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setWidget(box)
        # never narrower than its fields: a splitter state saved in a narrower window gave it 270 px for 304
        scroll.setMinimumWidth(box.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())
        panel = QWidget()  # the target buttons stay in sight below the scrolling fields
        pl = QVBoxLayout(panel)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(scroll, 1)
        tb.addStretch()
        pl.addLayout(tb)
        return panel

    def _fill_tree(self, select_id: int | None = None) -> None:
        from ...domain.plan_import import lost_diacritics
        from ...domain.superior_voice import superior_voice

        self.tree.clear()
        if self.plan is None:
            return
        self.forms = app.load_forms(self.conn)
        labels = {id(it): b for it, b in number_items(self.plan.items)}
        unit = getattr(self, "unit", None)
        voiced = {id(v.item): v for v in superior_voice(self.plan, unit)} if unit is not None else {}
        damaged = 0
        chosen = None

        def add(parent, items):
            nonlocal damaged, chosen
            for it in items:
                b = labels[id(it)]
                node = QTreeWidgetItem([b.full, _targets_text(it.targets, self.forms)])
                node.setData(0, Qt.UserRole, it.id)
                if it.is_task:
                    node.setForeground(0, QBrush(QColor("#0b4f8a")))
                _show_voice(node, voiced.get(id(it)))
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
        self._lost_note = (
            f"{damaged} dòng có vẻ bị mất dấu tiếng Việt (tô màu): hãy sửa trước khi xuất." if damaged else ""
        )
        self._say_voice(len(voiced))
        if chosen is not None:
            self.tree.setCurrentItem(chosen)

    def _say_voice(self, n: int) -> None:
        voice = f"{n} đoạn còn lời của cấp trên (nền vàng nhạt): hãy viết lại cho đơn vị." if n else ""
        self.warning.setText(" ".join(t for t in (getattr(self, "_lost_note", ""), voice) if t))

    def _recolour(self, node: QTreeWidgetItem, item: PlanItem) -> None:
        """After an edit: the item coloured, and counted, as the superior's voice only while it still is."""
        from ...domain.plan_import import lost_diacritics
        from ...domain.superior_voice import superior_voice

        unit = getattr(self, "unit", None)
        if self.plan is None or unit is None or lost_diacritics(item.text):
            return
        voiced = superior_voice(self.plan, unit)
        _show_voice(node, next((v for v in voiced if v.item is item), None))
        self._say_voice(len(voiced))

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

    def select_item(self, item_id: int) -> None:
        """Make the tree's node of an item current."""
        node = self._node(item_id)
        if node is not None:
            self.tree.setCurrentItem(node)

    def _node(self, item_id: int | None) -> QTreeWidgetItem | None:
        """The tree's node of an item."""
        it = QTreeWidgetItemIterator(self.tree)
        while it.value():
            if it.value().data(0, Qt.UserRole) == item_id:
                return it.value()
            it += 1
        return None

    def selected_id(self) -> int | None:
        node = self.tree.currentItem()
        return node.data(0, Qt.UserRole) if node else None

    def _reload(self, select_id: int | None) -> None:
        self.plan = app.plans.load_plan(self.conn, self.plan.id)
        self._fill_tree(select_id)
        self.plans_changed.emit()

    def show_plan_change(self, plan_id: int, select_id: int | None) -> None:
        """After an undoable plan command: the plan it changed shown, the item selected."""
        if self.plan is None or self.plan.id != plan_id:
            i = self.plan_combo.findData(plan_id)
            if i < 0:
                return
            self.plan_combo.setCurrentIndex(i)
        self._reload(select_id)

    def add_item(self, kind: str) -> None:
        if self.plan is None:
            return
        self._flush_item()
        item, parent, sibs = self._find(self.selected_id())
        text = {"section": "Mục mới", "bullet": "Ý mới", "text": "Đoạn mới"}[kind]
        if item is None:
            where = (None, None)
            text = text.upper() if kind == "section" else text
        elif item.kind == "section" and kind != "section":
            where = (item.id, None)
        else:
            where = (parent.id if parent else None, sibs.index(item) + 1)
        self.undo.push(ItemCreated(self, ItemCopy(kind, text), *where, f"thêm “{text}”"))
        self.status.emit(f"Đã thêm “{text}” — Ctrl+Z để hoàn tác")
        self.text.setFocus()
        self.text.selectAll()

    def _move_to(
        self, item: PlanItem, parent: PlanItem | None, index: int, new_parent_id: int | None, new_index: int, what: str
    ) -> None:
        self._flush_item()
        self.undo.push(
            ItemMoved(
                self,
                item.id,
                (parent.id if parent else None, index),
                (new_parent_id, new_index),
                f"{what} “{item.text[:30]}”",
            )
        )

    def move(self, step: int) -> None:
        item, parent, sibs = self._find(self.selected_id())
        if item is None:
            return
        i = sibs.index(item) + step
        if 0 <= i < len(sibs):
            pid = parent.id if parent else None
            self._move_to(item, parent, sibs.index(item), pid, i, "chuyển lên" if step < 0 else "chuyển xuống")

    def indent(self) -> None:
        item, parent, sibs = self._find(self.selected_id())
        if item is None or sibs.index(item) == 0:
            return
        new_parent = sibs[sibs.index(item) - 1]
        self._move_to(item, parent, sibs.index(item), new_parent.id, len(new_parent.children), "thụt vào")

    def outdent(self) -> None:
        item, parent, sibs = self._find(self.selected_id())
        if item is None or parent is None:
            return
        _, grand, psibs = self._find(parent.id)
        self._move_to(item, parent, sibs.index(item), grand.id if grand else None, psibs.index(parent) + 1, "lùi ra")

    def delete_item(self) -> None:
        self._flush_item()
        item, parent, sibs = self._find(self.selected_id())
        if item is None:
            return
        under = app.plans.activities_under(self.conn, item_ids(item))
        n, subs = sum(len(ids) for ids in under.values()), len(item_ids(item)) - 1
        inside = f" cùng {number(subs)} mục con bên trong" if subs else ""
        whose = "các nhiệm vụ trong mục này" if subs else "nhiệm vụ này"
        extra = f" {number(n)} hoạt động đang ghi theo {whose} sẽ không còn thuộc nhiệm vụ nào." if n else ""
        if (subs or n) and not ask(
            self, f"Xóa “{one_line(item.text)[:60]}”{inside}?{extra} Ctrl+Z (Sửa › Hoàn tác) để khôi phục."
        ):
            return
        copy = ItemCopy.of(item, under)
        self.undo.push(
            ItemCreated(
                self, copy, parent.id if parent else None, sibs.index(item), f"xóa “{item.text[:30]}”", deleted=True
            )
        )
        self.status.emit(f"Đã xóa “{item.text[:40]}” — Ctrl+Z (Sửa › Hoàn tác) để khôi phục")

    def _item_chosen(self, node, _prev=None):
        self._flush_item()  # into the item the panel was showing (the tree's current one is already `node`)
        item, _, _ = self._find(node.data(0, Qt.UserRole) if node else None)
        self._panel_item = item.id if item else None
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
        target_rows.add_row(self.targets, t, self.forms, self._item_edited)

    def add_target(self) -> None:
        if self.selected_id() is None:
            return
        self._target_row(Target(1, "tin_bai"))
        self.is_task.setChecked(True)
        self._item_edited()
        self.targets.setCurrentCell(self.targets.rowCount() - 1, 0)
        self.targets.cellWidget(self.targets.rowCount() - 1, 0).setFocus()

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
        """The panel's fields saved into the item the panel was filled from: never the tree's current item,
        which is already the next one when a click or an arrow key moves the selection."""
        item_id = self._panel_item
        if self.plan is None or item_id is None:
            return
        text = clean(self.text.toPlainText())
        if not text:
            self.status.emit("Nội dung mục không được để trống.")
            return
        kind = self.kind.currentData()
        targets = target_rows.read(self.targets)  # each with the id of the target its row was filled from
        coords = [
            self.coord.item(i).data(Qt.UserRole)
            for i in range(self.coord.count())
            if self.coord.item(i).checkState() == Qt.Checked
        ]
        new = {
            "kind": kind,
            "text": text,
            "is_task": self.is_task.isChecked(),
            "lead_dept_id": self.lead.currentData(),
            "time_frame": self.time_frame.text(),
            "coord_dept_ids": coords,
            "targets": targets,
        }
        before, _, _ = self._find(item_id)
        old = ItemCopy.of(before, {}).fields() if before else new
        if old == new:
            return
        self.undo.push(ItemEdited(self, item_id, old, new, f"sửa “{text[:30]}”"))
        self.plan = app.plans.load_plan(self.conn, self.plan.id)
        labels = {it.id: b for it, b in number_items(self.plan.items)}
        node = self._node(item_id)
        item, _, _ = self._find(item_id)
        if item is not None:  # a new row now carries its target's id: the next edit updates it, never replaces it
            target_rows.keep_ids(self.targets, item.targets)
        if node is not None and item is not None:
            node.setText(0, labels[item.id].full)
            node.setText(1, _targets_text(item.targets, self.forms))
            self._recolour(node, item)
        self.status.emit("Đã lưu mục kế hoạch")
        self.plans_changed.emit()


def _show_voice(node: QTreeWidgetItem, v) -> None:
    """A passage the review flagged as the superior's words and the clerk has not rewritten: light amber."""
    node.setBackground(0, QBrush(VOICE_BG) if v is not None else QBrush())
    node.setToolTip(0, f"Còn lời của cấp trên: “{v.phrase}”: {v.note}." if v is not None else "")


def _targets_text(targets: list[Target], forms: Forms) -> str:
    """The tree's Chỉ tiêu column: '12 tin bài, 4 buổi, 3.000 người nhà (quý I)'."""
    return target_rows.summary(targets, forms)
