"""Kế hoạch: the plans, the section tree (numbered automatically), tasks with their departments,
time frame and targets, the legal basis from the catalogue, and starting from a superior's plan."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QSpinBox,
                               QSplitter, QTableWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from ..domain.forms import FORMS
from ..domain.models import PartialDate, Plan, PlanItem, SuperiorDoc, Target, Unit
from ..domain.plan_text import number_items
from ..domain.presets import plan_from_preset
from ..domain.errors import UserError
from ..domain.references import cite, parse_citation
from ..domain.text import clean
from ..domain.vnformat import parse_date, short_date
from ..store import catalogue, db, plans, refs, units
from .common import ask, warn

KINDS = (("section", "Mục (đánh số)"), ("bullet", "Ý gạch đầu dòng"), ("text", "Đoạn văn"))
ROLE_HINTS = {"lead": ("KHTH", "kế hoạch"), "personnel": ("TCCB", "tổ chức"), "it": ("CNTT", "công nghệ"),
              "nursing": ("ĐD", "điều dưỡng"), "union": ("CĐ", "công đoàn")}


def guess_roles(unit: Unit) -> dict[str, int | None]:
    """Departments for the preset's roles, by abbreviation or name; the first department leads otherwise."""
    out: dict[str, int | None] = {}
    for role, (abbr, word) in ROLE_HINTS.items():
        out[role] = next((d.id for d in unit.departments
                          if d.abbr.upper() == abbr or word in d.name.lower()), None)
    if out["lead"] is None and unit.departments:
        out["lead"] = unit.departments[0].id
    return out


class PlanPage(QWidget):
    plans_changed = Signal()
    export_requested = Signal(str, bool)
    status = Signal(str)

    def __init__(self, conn, parent=None):
        super().__init__(parent)
        self.conn = conn
        self.unit: Unit | None = None
        self.plan: Plan | None = None
        self._loading = False
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.plan_combo = QComboBox()
        self.plan_combo.currentIndexChanged.connect(self._plan_chosen)
        top.addWidget(QLabel("Kế hoạch"))
        top.addWidget(self.plan_combo, 1)
        for text, slot in (("Kế hoạch mới từ mẫu", self.new_from_preset),
                           ("Tạo từ kế hoạch cấp trên (.docx, .txt)…", self.import_superior),
                           ("Xóa kế hoạch", self.delete_plan)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            top.addWidget(b)
        lay.addLayout(top)

        head = QGroupBox("Thông tin văn bản")
        hf = QFormLayout(head)
        self.title = QPlainTextEdit()
        self.title.setFixedHeight(56)
        self.number = QSpinBox(minimum=0, maximum=99999, specialValueText="(để trống)")
        self.day = QSpinBox(minimum=0, maximum=31, specialValueText="(trống)")
        self.month = QSpinBox(minimum=0, maximum=12, specialValueText="(trống)")
        self.year = QSpinBox(minimum=2000, maximum=2100)
        self.signer = QComboBox()
        self.archive = QComboBox()
        row = QHBoxLayout()
        for label, w in (("Số", self.number), ("ngày", self.day), ("tháng", self.month), ("năm", self.year),
                         ("Người ký", self.signer), ("Lưu", self.archive)):
            row.addWidget(QLabel(label))
            row.addWidget(w)
        hf.addRow("Trích yếu", self.title)
        hf.addRow("", row)
        basis_row = QHBoxLayout()
        self.basis = QListWidget()
        self.basis.setFixedHeight(70)
        self.catalogue = QComboBox(editable=True, insertPolicy=QComboBox.NoInsert)
        self.catalogue.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.catalogue.setMinimumContentsLength(40)
        self.catalogue.lineEdit().setPlaceholderText("Chọn trong danh mục hoặc gõ căn cứ mới")
        self.catalogue.setToolTip("Chọn một văn bản trong danh mục, hoặc gõ văn bản mới theo mẫu “Quyết định số "
                                  "12/QĐ-SYT ngày 05/01/2025 của Sở Y tế tỉnh Lâm Đồng về việc …” rồi bấm Thêm căn cứ: "
                                  "văn bản mới được lưu vào danh mục.")
        add_basis = QPushButton("Thêm căn cứ")
        add_basis.clicked.connect(self.add_basis)
        del_basis = QPushButton("Bỏ căn cứ")
        del_basis.clicked.connect(self.remove_basis)
        bcol = QVBoxLayout()
        bcol.addWidget(self.catalogue)
        bh = QHBoxLayout()
        bh.addWidget(add_basis)
        bh.addWidget(del_basis)
        bcol.addLayout(bh)
        basis_row.addWidget(self.basis, 2)
        basis_row.addLayout(bcol, 1)
        hf.addRow("Căn cứ", basis_row)
        sup_row = QHBoxLayout()
        self.sup_cite = QLineEdit(placeholderText="VD: Kế hoạch số 357/KH-SYT ngày 04/9/2025 của Sở Y tế tỉnh Lâm Đồng")
        self.sup_summary = QLineEdit(placeholderText="về việc …")
        self.sup_deadline = QLineEdit(placeholderText="hạn báo cáo, VD: 10/12/2025")
        self.sup_deadline.setMaximumWidth(170)
        sup_row.addWidget(self.sup_cite, 3)
        sup_row.addWidget(self.sup_summary, 3)
        sup_row.addWidget(self.sup_deadline, 1)
        hf.addRow("Thực hiện", sup_row)
        self.sup_state = QLabel(styleSheet="color: #8a4b00")
        hf.addRow("", self.sup_state)
        for w in (self.sup_cite, self.sup_summary, self.sup_deadline):
            w.editingFinished.connect(self._save_superior)
        lay.addWidget(head)
        self._title_timer = QTimer(self, singleShot=True, interval=500)
        self._title_timer.timeout.connect(self._save_header)
        self.title.textChanged.connect(lambda: None if self._loading else self._title_timer.start())
        for w in (self.number, self.day, self.month, self.year):
            w.valueChanged.connect(self._save_header)
        for w in (self.signer, self.archive):
            w.currentIndexChanged.connect(self._save_header)

        split = QSplitter()
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
        split.addWidget(left)
        split.addWidget(self._details())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.splitter = split
        lay.addWidget(split, 1)
        bottom = QHBoxLayout()
        self.warning = QLabel(styleSheet="color: #8a4b00")
        self.warning.setWordWrap(True)
        bottom.addWidget(self.warning, 1)
        preview = QPushButton("Xem trước")
        preview.clicked.connect(self.show_preview)
        bottom.addWidget(preview)
        for text, pdf in (("Xuất Word", False), ("Xuất PDF", True)):
            b = QPushButton(text)
            b.clicked.connect(lambda _=False, p=pdf: self.export_requested.emit("plan", p))
            bottom.addWidget(b)
        lay.addLayout(bottom)

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

    # ---------------------------------------------------------------- loading
    def load(self, unit: Unit, plan_id: int | None = None) -> None:
        self.unit = unit
        self._loading = True
        self.plan_combo.clear()
        for pid, title, year in plans.list_plans(self.conn):
            self.plan_combo.addItem(f"{year} — {title[:90]}", pid)
        self.signer.clear()
        for s in unit.signers:
            self.signer.addItem(" / ".join(s.lines) + f" — {s.full_name}", s.id)
        for combo in (self.archive, self.lead):
            combo.clear()
            combo.addItem("(chưa chọn)", None)
            for d in unit.departments:
                combo.addItem(d.name, d.id)
        self.coord.clear()
        for d in unit.departments:
            it = QListWidgetItem(d.name)
            it.setData(Qt.UserRole, d.id)
            it.setFlags(it.flags() | Qt.ItemIsUserCheckable)
            it.setCheckState(Qt.Unchecked)
            self.coord.addItem(it)
        self._fill_catalogue()
        self._loading = False
        if plan_id is not None:
            i = self.plan_combo.findData(plan_id)
            self.plan_combo.setCurrentIndex(max(i, 0))
        self._plan_chosen()

    def show_preview(self):
        """The plan as it will be printed, in a window beside the editor (not modal)."""
        from ..docgen.context import plan_context
        from ..docgen.preview import document_html
        from .preview_dialog import PreviewDialog

        if self.plan is None or self.unit is None:
            return None
        self.flush()
        plan = plans.load_plan(self.conn, self.plan.id)
        dlg = PreviewDialog(document_html(plan_context(plan, self.unit), "KẾ HOẠCH"), "Xem trước kế hoạch", self)
        dlg.export_requested.connect(lambda pdf: self.export_requested.emit("plan", pdf))
        dlg.show()
        self.preview_dialog = dlg
        return dlg

    def _fill_catalogue(self) -> None:
        self.catalogue.clear()
        for r in refs.list_refs(self.conn):
            self.catalogue.addItem(cite(r, with_summary=True), r.id)
        self.catalogue.setCurrentIndex(-1)

    def current_plan_id(self) -> int | None:
        return self.plan_combo.currentData()

    def _plan_chosen(self, *_):
        if self._loading:
            return
        pid = self.current_plan_id()
        self.plan = plans.load_plan(self.conn, pid) if pid is not None else None
        self._show_header()
        self._fill_tree()
        self.plans_changed.emit()

    def _show_header(self) -> None:
        self._loading = True
        p = self.plan
        self.title.setPlainText(p.title if p else "")
        self.number.setValue((p.number or 0) if p else 0)
        self.day.setValue((p.doc_date.day or 0) if p else 0)
        self.month.setValue((p.doc_date.month or 0) if p else 0)
        self.year.setValue(p.doc_date.year if p else date.today().year)
        self.signer.setCurrentIndex(max(self.signer.findData(p.signer_id), 0) if p else 0)
        self.archive.setCurrentIndex(max(self.archive.findData(p.archive_dept_id), 0) if p else 0)
        sup = p.superior if p else None
        self.sup_cite.setText(cite(sup.ref) if sup else "")
        self.sup_summary.setText(sup.ref.summary if sup else "")
        self.sup_deadline.setText(short_date(sup.deadline) if sup and sup.deadline else "")
        self.sup_state.setText("" if sup or p is None else
                               "Chưa có văn bản cấp trên: báo cáo sẽ không có dòng “Thực hiện …” và “Kính gửi”.")
        self.basis.clear()
        for r in p.basis if p else []:
            it = QListWidgetItem(cite(r, with_summary=True))
            it.setData(Qt.UserRole, r.id)
            self.basis.addItem(it)
        self._loading = False

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
                targets = ", ".join(f"{t.quantity} {t.unit_label or next(f.unit for f in FORMS if f.code == t.form_code)}"
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

    # ---------------------------------------------------------------- header
    def _save_header(self, *_):
        if self._loading or self.plan is None:
            return
        title = clean(self.title.toPlainText())
        if not title:
            self.status.emit("Trích yếu không được để trống.")
            return
        with db.transaction(self.conn):
            plans.update_plan(self.conn, self.plan.id, title=title, number=self.number.value() or None,
                              doc_year=self.year.value(), doc_month=self.month.value() or None,
                              doc_day=self.day.value() or None, signer_id=self.signer.currentData(),
                              archive_dept_id=self.archive.currentData())
        self.plan = plans.load_plan(self.conn, self.plan.id)
        self.status.emit("Đã lưu thông tin kế hoạch")

    def _save_superior(self) -> None:
        """The superior document the plan implements: a citation typed in one canonical line."""
        if self._loading or self.plan is None:
            return
        text = clean(self.sup_cite.text())
        if not text:
            if self.plan.superior is not None:
                with db.transaction(self.conn):
                    plans.update_plan(self.conn, self.plan.id, superior_id=None)
                self.plan = plans.load_plan(self.conn, self.plan.id)
                self.status.emit("Đã bỏ văn bản cấp trên của kế hoạch.")
            return
        ref = parse_citation(text)
        if ref is None or not ref.issuer:
            self.sup_state.setText("Chưa đọc được: hãy ghi theo mẫu “Kế hoạch số 357/KH-SYT ngày 04/9/2025 của "
                                   "Sở Y tế tỉnh Lâm Đồng”.")
            return
        deadline = None
        if clean(self.sup_deadline.text()):
            try:
                deadline = parse_date(self.sup_deadline.text())
            except ValueError as e:
                self.sup_state.setText(f"Hạn báo cáo: {e}.")
                return
        ref.summary = clean(self.sup_summary.text()) or ref.summary
        old = self.plan.superior
        sup = SuperiorDoc(ref, addressee=old.addressee if old and old.addressee else ref.issuer, deadline=deadline,
                          id=old.id if old else None)
        if old is not None and cite(old.ref, with_summary=True) == cite(ref, with_summary=True):
            ref.id = old.ref.id  # unchanged: keep the reference (it may be a catalogue entry)
        with db.transaction(self.conn):
            if ref.id is None:
                refs.save_ref(self.conn, ref)
            refs.save_superior(self.conn, sup)
            plans.update_plan(self.conn, self.plan.id, superior_id=sup.id)
        self.plan = plans.load_plan(self.conn, self.plan.id)
        self.sup_state.setText("")
        self.status.emit("Đã lưu văn bản cấp trên")

    def add_basis(self) -> None:
        """Adds the chosen catalogue entry, or a citation typed in the box (saved to the catalogue)."""
        if self.plan is None:
            return
        typed = clean(self.catalogue.currentText())
        i = self.catalogue.findText(typed)
        ref_id = self.catalogue.itemData(i) if i >= 0 else None
        if ref_id is None:
            ref = parse_citation(typed) if typed else None
            if ref is None or not ref.issuer:
                warn(self, "Chưa đọc được căn cứ vừa gõ; hãy ghi theo mẫu “Quyết định số 12/QĐ-SYT ngày 05/01/2025 "
                           "của Sở Y tế tỉnh Lâm Đồng về việc …”.")
                return
            same = next((r for r in refs.list_refs(self.conn) if cite(r) == cite(ref)), None)
            with db.transaction(self.conn):
                ref_id = same.id if same else refs.save_ref(self.conn, ref)
            self._fill_catalogue()
            self.status.emit("Đã thêm văn bản vào danh mục căn cứ")
        ids = [r.id for r in self.plan.basis] + [ref_id]
        with db.transaction(self.conn):
            plans.set_basis(self.conn, self.plan.id, ids)
        self.plan = plans.load_plan(self.conn, self.plan.id)
        self._show_header()

    def remove_basis(self) -> None:
        row = self.basis.currentRow()
        if self.plan is None or row < 0:
            return
        ids = [r.id for i, r in enumerate(self.plan.basis) if i != row]
        with db.transaction(self.conn):
            plans.set_basis(self.conn, self.plan.id, ids)
        self.plan = plans.load_plan(self.conn, self.plan.id)
        self._show_header()

    # ---------------------------------------------------------------- items
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
                new_id = plans.add_item(self.conn, self.plan.id, None, None, kind, text.upper() if kind == "section" else text)
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
        n = self.conn.execute("SELECT COUNT(*) FROM activities WHERE task_id = ?", (item.id,)).fetchone()[0]
        extra = f" {n} hoạt động đang ghi theo nhiệm vụ này sẽ không còn thuộc nhiệm vụ nào." if n else ""
        if (item.children or n) and not ask(self, f"Xóa “{item.text[:60]}” và mọi nội dung bên trong?{extra}"):
            return
        with db.transaction(self.conn):
            plans.delete_item(self.conn, item.id)
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
        with db.transaction(self.conn):
            plans.update_item(self.conn, item_id, kind=kind, text=text, is_task=int(self.is_task.isChecked()),
                              lead_dept_id=self.lead.currentData(), time_frame=self.time_frame.text())
            plans.set_item_details(self.conn, item_id, coords, targets)
        self.plan = plans.load_plan(self.conn, self.plan.id)
        labels = {it.id: b for it, b in number_items(self.plan.items)}
        node = self.tree.currentItem()
        item, _, _ = self._find(item_id)
        if node is not None and item is not None:
            node.setText(0, labels[item.id].full)
        self.status.emit("Đã lưu mục kế hoạch")
        self.plans_changed.emit()

    def flush(self) -> None:
        self._flush_item()
        if self._title_timer.isActive():
            self._title_timer.stop()
            self._save_header()

    # ---------------------------------------------------------------- new plans
    def new_from_preset(self) -> int | None:
        if self.unit is None:
            return None
        today = date.today()
        with db.transaction(self.conn):
            refs_by_key = catalogue.install_catalogue(self.conn)
            plan = plan_from_preset(catalogue.preset(), self.unit, refs_by_key, guess_roles(self.unit), today,
                                    superior_issuer=self.unit.parent_body, superior_short=self.unit.parent_body,
                                    deadline="10/12")
            plan.doc_date.day = None
            plan.signer_id = self.unit.signers[0].id if self.unit.signers else None
            pid = plans.insert_plan(self.conn, plan)
        self.load(self.unit, pid)
        self.status.emit("Đã tạo kế hoạch mới từ mẫu; hãy sửa tên, ngày và nhiệm vụ cho phù hợp.")
        return pid

    def import_superior(self, path: str | None = None) -> int | None:
        from ..docgen.read_text import import_plan_file

        if self.unit is None:
            return None
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, "Chọn kế hoạch của cấp trên", "",
                                                  "Văn bản (*.docx *.txt)")
            if not path:
                return None
        try:
            imported = import_plan_file(Path(path))
        except UserError as e:
            warn(self, str(e))
            return None
        if not imported.items:
            warn(self, f"Không tìm thấy mục nào (I., II., 1., …) trong {Path(path).name}.")
            return None
        today = date.today()
        title = imported.title or f"Kế hoạch của {self.unit.name} năm {today.year}"
        superior = None
        ref = imported.superior_ref()
        if ref is not None:
            superior = SuperiorDoc(ref, addressee=ref.issuer, deadline=imported.deadline_date(today.year))
        plan = Plan(title=title, doc_date=PartialDate(today.year, today.month), superior=superior,
                    items=imported.items, period_start=date(today.year, 1, 1), period_end=date(today.year, 12, 31),
                    recipients=list(self.unit.recipients),
                    signer_id=self.unit.signers[0].id if self.unit.signers else None,
                    intro="" if superior else " ".join(imported.intro),
                    archive_dept_id=guess_roles(self.unit)["lead"])
        with db.transaction(self.conn):
            if superior is not None:
                refs.save_superior(self.conn, superior)
            pid = plans.insert_plan(self.conn, plan)
        self.load(self.unit, pid)
        notes = list(imported.warnings)
        if ref is None:
            notes.append("Không đọc được số, ngày của văn bản cấp trên: hãy điền ở phần “Văn bản cấp trên”.")
        if notes:
            warn(self, "\n".join(notes), "Đã nhập kế hoạch cấp trên")
        self.status.emit(f"Đã nhập {Path(path).name} thành kế hoạch mới.")
        return pid

    def delete_plan(self) -> None:
        if self.plan is None:
            return
        n = self.conn.execute("SELECT COUNT(*) FROM activities a JOIN plan_items i ON i.id = a.task_id "
                              "WHERE i.plan_id = ?", (self.plan.id,)).fetchone()[0]
        if not ask(self, f"Xóa kế hoạch “{self.plan.title[:80]}”?"
                         + (f" {n} hoạt động đang ghi theo nhiệm vụ của kế hoạch này vẫn được giữ lại." if n else "")):
            return
        with db.transaction(self.conn):
            plans.delete_plan(self.conn, self.plan.id)
        self.load(units.load_unit(self.conn))
