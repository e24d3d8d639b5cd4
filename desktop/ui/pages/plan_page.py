"""Kế hoạch: the plans, the header of the chosen one (number, date, signer, the legal basis from the
catalogue, the superior document it implements), starting from the preset or a superior's plan; the
item tree and the item panel are in plan_items.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ... import app
from ...domain.errors import UserError
from ...domain.models import PartialDate, Plan, Unit
from ...domain.references import cite, implementing_sentence
from ...domain.text import clean, one_line
from ...domain.vnformat import field_date, number
from ..common import ask, warn
from ..widgets.fields import DateField, NumberBox
from .plan_items import PlanItemsEditor


class PlanPage(PlanItemsEditor, QWidget):
    plans_changed = Signal()
    export_requested = Signal(str, bool)
    status = Signal(str)

    def __init__(self, conn, parent=None):
        super().__init__(parent)
        self.conn = conn
        self.unit: Unit | None = None
        self.plan: Plan | None = None
        self._loading = False
        self.undo = QUndoStack(self)  # the window gives its own (main.py)
        self.item_ids: dict[int, int] = {}  # undo: an item put back gets a new id
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.plan_combo = QComboBox()
        self.plan_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.plan_combo.setMinimumContentsLength(20)
        self.plan_combo.currentIndexChanged.connect(self._plan_chosen)
        plan_label = QLabel("&Kế hoạch")
        plan_label.setBuddy(self.plan_combo)
        top.addWidget(plan_label)
        top.addWidget(self.plan_combo, 1)
        for text, slot in (
            ("Kế hoạch mới từ mẫu", self.new_from_preset),
            ("Tạo từ kế hoạch cấp trên (.docx, .pdf, .txt)…", self.import_superior),
            ("Tạo kế hoạch năm sau…", self.copy_to_next_year),
            ("Xóa kế hoạch", self.delete_plan),
        ):
            b = QPushButton(text)
            b.clicked.connect(slot)
            top.addWidget(b)
        lay.addLayout(top)

        head = QGroupBox("Thông tin văn bản")
        hf = QFormLayout(head)
        self.title = QPlainTextEdit()
        self.title.setTabChangesFocus(True)
        self.title.setMinimumHeight(40)
        self.title.setMaximumHeight(56)
        self.number = NumberBox(minimum=0, maximum=99999, specialValueText="(để trống)")
        self.day = QSpinBox(minimum=0, maximum=31, specialValueText="(trống)")
        self.month = QSpinBox(minimum=0, maximum=12, specialValueText="(trống)")
        self.year = QSpinBox(minimum=2000, maximum=2100)
        self.signer = QComboBox()
        self.archive = QComboBox()
        for combo in (self.signer, self.archive):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        row = QHBoxLayout()
        for label, w in (
            ("Số", self.number),
            ("ngày", self.day),
            ("tháng", self.month),
            ("năm", self.year),
            ("Người ký", self.signer),
            ("Lưu", self.archive),
        ):
            row.addWidget(QLabel(label))
            row.addWidget(w, 1 if isinstance(w, QComboBox) else 0)
        hf.addRow("Trích yếu", self.title)
        hf.addRow("", row)
        basis_row = QHBoxLayout()
        self.basis = QListWidget()
        self.basis.setMinimumHeight(40)
        self.basis.setMaximumHeight(70)
        self.catalogue = QComboBox(editable=True, insertPolicy=QComboBox.NoInsert)
        self.catalogue.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.catalogue.setMinimumContentsLength(40)
        self.catalogue.lineEdit().setPlaceholderText("Chọn trong danh mục hoặc gõ căn cứ mới")
        self.catalogue.setToolTip(
            "Chọn một văn bản trong danh mục, hoặc gõ văn bản mới theo mẫu “Quyết định số "
            "12/QĐ-SYT ngày 05/01/2025 của Sở Y tế tỉnh Lâm Đồng về việc …” rồi bấm Thêm căn cứ: "
            "văn bản mới được lưu vào danh mục."
        )
        add_basis = QPushButton("Thêm căn cứ")
        add_basis.clicked.connect(self.add_basis)
        del_basis = QPushButton("Bỏ căn cứ")
        del_basis.clicked.connect(self.remove_basis)
        bcol = QVBoxLayout()
        bcol.addWidget(self.catalogue)
        bh = QHBoxLayout()
        bh.addWidget(add_basis)
        bh.addWidget(del_basis)
        refs_button = QPushButton("Danh mục…")
        refs_button.setToolTip("Sửa các căn cứ đã lưu, gộp những căn cứ bị ghi trùng")
        refs_button.clicked.connect(self.show_refs)
        bh.addWidget(refs_button)
        bcol.addLayout(bh)
        basis_row.addWidget(self.basis, 2)
        basis_row.addLayout(bcol, 1)
        hf.addRow("Căn cứ", basis_row)
        sup_row = QHBoxLayout()
        self.sup_cite = QLineEdit(placeholderText="VD: Kế hoạch số 357/KH-SYT ngày 04/9/2025 của Sở Y tế tỉnh Lâm Đồng")
        self.sup_summary = QLineEdit(placeholderText="về việc …")
        self.sup_deadline = DateField(optional=True)
        self.sup_deadline.edit.setPlaceholderText("hạn báo cáo")
        self.sup_deadline.setToolTip("Hạn báo cáo, VD: 10/12/2025")
        sup_row.addWidget(self.sup_cite, 3)
        sup_row.addWidget(self.sup_summary, 3)
        sup_row.addWidget(QLabel("Hạn báo cáo"), 0, Qt.AlignTop)
        sup_row.addWidget(self.sup_deadline, 0, Qt.AlignTop)
        hf.addRow("Văn bản cấp trên", sup_row)
        self.sup_state = QLabel(styleSheet="color: #8a4b00")
        hf.addRow("", self.sup_state)
        # the unit's own opening: empty fields print the generated sentences shown as placeholders
        self.intro_edit = QLineEdit()
        self.intro_edit.setToolTip("Câu mở đầu của kế hoạch; để trống: “Thực hiện <văn bản cấp trên>.”")
        self.lead_edit = QLineEdit()
        self.lead_edit.setToolTip("Câu dẫn trước mục I; để trống: “<Đơn vị> xây dựng Kế hoạch như sau:”")
        hf.addRow("Mở đầu", self.intro_edit)
        hf.addRow("Câu dẫn", self.lead_edit)
        for w in (self.intro_edit, self.lead_edit):
            w.editingFinished.connect(self._save_opening)
        for w in (self.sup_cite, self.sup_summary, self.sup_deadline.edit):
            w.editingFinished.connect(self._save_superior)
        head_scroll = QScrollArea()
        head_scroll.setWidgetResizable(True)
        head_scroll.setFrameShape(QScrollArea.NoFrame)
        head_scroll.setWidget(head)
        head_scroll.setMinimumHeight(90)
        self._title_timer = QTimer(self, singleShot=True, interval=500)
        self._title_timer.timeout.connect(self._save_header)
        self.title.textChanged.connect(lambda: None if self._loading else self._title_timer.start())
        for w in (self.number, self.day, self.month, self.year):
            w.valueChanged.connect(self._save_header)
        for w in (self.signer, self.archive):
            w.currentIndexChanged.connect(self._save_header)

        split = QSplitter()
        left = self._tree_panel()
        split.addWidget(left)
        split.addWidget(self._details())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.splitter = split
        # the document's header above the content, each scrolling when the window is short
        self.head_splitter = QSplitter(Qt.Vertical)
        self.head_splitter.setChildrenCollapsible(False)
        self.head_splitter.addWidget(head_scroll)
        self.head_splitter.addWidget(split)
        self.head_splitter.setStretchFactor(1, 1)
        lay.addWidget(self.head_splitter, 1)
        bottom = QHBoxLayout()
        self.warning = QLabel(styleSheet="color: #8a4b00")
        self.warning.setWordWrap(True)
        bottom.addWidget(self.warning, 1)
        preview = QPushButton("Xem trước", toolTip="Xem trước kế hoạch (Ctrl+P)")
        preview.setShortcut("Ctrl+P")
        preview.clicked.connect(self.show_preview)
        bottom.addWidget(preview)
        for text, pdf, key in (("Xuất Word", False, "Ctrl+E"), ("Xuất PDF", True, "Ctrl+Shift+E")):
            b = QPushButton(text, toolTip=f"{text} ({key})")
            b.setShortcut(key)
            b.clicked.connect(lambda _=False, p=pdf: self.export_requested.emit("plan", p))
            bottom.addWidget(b)
        lay.addLayout(bottom)

    # ---------------------------------------------------------------- loading
    def load(self, unit: Unit, plan_id: int | None = None) -> None:
        self.flush()  # the typing of the plan shown goes into it before its lists are filled anew
        self.unit = unit
        self._loading = True
        self.plan_combo.clear()
        for pid, title, year in app.plans.list_plans(self.conn):
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
        from ..dialogs.preview_dialog import PreviewDialog

        if self.plan is None or self.unit is None:
            return None
        self.flush()
        plan = app.plans.load_plan(self.conn, self.plan.id)
        dlg = PreviewDialog(app.previews.plan_html(plan, self.unit, self.forms), "Xem trước kế hoạch", self)
        dlg.export_requested.connect(lambda pdf: self.export_requested.emit("plan", pdf))
        dlg.show()
        self.preview_dialog = dlg
        return dlg

    def _fill_catalogue(self) -> None:
        self.catalogue.clear()
        for r in app.catalogue.list_references(self.conn):
            self.catalogue.addItem(cite(r, with_summary=True), r.id)
        self.catalogue.setCurrentIndex(-1)

    def current_plan_id(self) -> int | None:
        return self.plan_combo.currentData()

    def _plan_chosen(self, *_):
        if self._loading:
            return
        self.flush()  # into the plan the fields were showing: self.plan is still that one
        pid = self.current_plan_id()
        self.plan = app.plans.load_plan(self.conn, pid) if pid is not None else None
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
        for w in (self.sup_cite, self.sup_summary):
            w.setCursorPosition(0)
        self.sup_deadline.setDate(sup.deadline if sup and sup.deadline else None)
        self.sup_state.setText(
            ""
            if sup or p is None
            else "Chưa có văn bản cấp trên: báo cáo sẽ không có dòng “Thực hiện …” và “Kính gửi”."
        )
        self.intro_edit.setText(p.intro if p else "")
        self.lead_edit.setText(p.lead_sentence if p else "")
        self.intro_edit.setPlaceholderText(implementing_sentence(sup) if sup else "Không có văn bản cấp trên")
        self.lead_edit.setPlaceholderText(f"{self.unit.name} xây dựng Kế hoạch như sau:" if self.unit else "")
        for w in (self.intro_edit, self.lead_edit):
            w.setCursorPosition(0)
        self.basis.clear()
        for r in p.basis if p else []:
            it = QListWidgetItem(cite(r, with_summary=True))
            it.setData(Qt.UserRole, r.id)
            self.basis.addItem(it)
        self._loading = False

    # ---------------------------------------------------------------- header
    def _save_opening(self) -> None:
        """The opening and lead sentence as typed (empty: the generated ones)."""
        if self._loading or self.plan is None:
            return
        intro, lead = clean(self.intro_edit.text()), clean(self.lead_edit.text())
        if (intro, lead) == (self.plan.intro, self.plan.lead_sentence):
            return
        self.plan = app.plans.save_opening(self.conn, self.plan.id, intro, lead)
        self.status.emit("Đã lưu câu mở đầu của kế hoạch")

    def _save_header(self, *_):
        if self._loading or self.plan is None:
            return
        try:
            self.plan = app.plans.save_header(
                self.conn,
                self.plan.id,
                title=self.title.toPlainText(),
                number=self.number.value() or None,
                doc_date=PartialDate(self.year.value(), self.month.value() or None, self.day.value() or None),
                signer_id=self.signer.currentData(),
                archive_dept_id=self.archive.currentData(),
            )
        except UserError as e:
            self.status.emit(str(e))
            return
        self.status.emit("Đã lưu thông tin kế hoạch")

    def _save_superior(self) -> None:
        """The superior document the plan implements: a citation typed in one canonical line."""
        if self._loading or self.plan is None:
            return
        if not clean(self.sup_cite.text()):
            if app.clear_superior(self.conn, self.plan):
                self.plan = app.plans.load_plan(self.conn, self.plan.id)
                self.status.emit("Đã bỏ văn bản cấp trên của kế hoạch.")
            return
        if not self.sup_deadline.commit():
            self.sup_state.setText(f"Hạn báo cáo: {self.sup_deadline.problem()}")
            return
        try:
            app.set_superior(
                self.conn,
                self.plan,
                self.sup_cite.text(),
                self.sup_summary.text(),
                field_date(self.sup_deadline.date()),
            )
        except UserError as e:
            self.sup_state.setText(str(e))
            return
        self.plan = app.plans.load_plan(self.conn, self.plan.id)
        self.sup_state.setText("")
        self.status.emit("Đã lưu văn bản cấp trên")

    def show_refs(self) -> None:
        """Danh mục căn cứ (ui/dialogs/refs_dialog.py): its edits are steps of the window's undo; the plan shows the
        corrected wording afterwards, and again after an undo or redo of one of them."""
        from ..dialogs.refs_dialog import RefsDialog

        self.flush()
        dlg = RefsDialog(self.conn, self, undo=self.undo, on_change=self._refs_changed)
        dlg.setAttribute(Qt.WA_DeleteOnClose)
        dlg.exec()
        self._refs_changed()

    def _refs_changed(self) -> None:
        if self.unit is not None:
            self.load(self.unit, self.current_plan_id())

    def add_basis(self) -> None:
        """Adds the chosen catalogue entry, or a citation typed in the box (saved to the catalogue)."""
        if self.plan is None:
            return
        typed = clean(self.catalogue.currentText())
        i = self.catalogue.findText(typed)
        ref_id = self.catalogue.itemData(i) if i >= 0 else None
        if ref_id is None:
            try:
                ref_id = app.catalogue_citation(self.conn, typed)
            except UserError as e:
                warn(self, str(e))
                return
            self._fill_catalogue()
            self.status.emit("Đã thêm văn bản vào danh mục căn cứ")
        app.set_basis(self.conn, self.plan.id, [r.id for r in self.plan.basis] + [ref_id])
        self.plan = app.plans.load_plan(self.conn, self.plan.id)
        self._show_header()

    def remove_basis(self) -> None:
        row = self.basis.currentRow()
        if self.plan is None or row < 0:
            return
        app.set_basis(self.conn, self.plan.id, [r.id for i, r in enumerate(self.plan.basis) if i != row])
        self.plan = app.plans.load_plan(self.conn, self.plan.id)
        self._show_header()

    def flush(self) -> None:
        self._flush_item()
        if self._title_timer.isActive():
            self._title_timer.stop()
            self._save_header()

    # ---------------------------------------------------------------- new plans
    def new_from_preset(self) -> int | None:
        if self.unit is None:
            return None
        pid = app.new_plan_from_preset(self.conn, self.unit)
        self.load(self.unit, pid)
        self.status.emit("Đã tạo kế hoạch mới từ mẫu; hãy sửa tên, ngày và nhiệm vụ cho phù hợp.")
        return pid

    def copy_to_next_year(self) -> int | None:
        """Tạo kế hoạch năm sau: the dialog (ui/dialogs/copy_plan_dialog.py) asks the year, shows the changes, creates."""
        pid = self.current_plan_id()
        if self.unit is None or pid is None:
            return None
        from ..dialogs.copy_plan_dialog import copy_plan

        new_id = copy_plan(self, self.conn, pid)
        if new_id is None:
            return None
        self.load(self.unit, new_id)
        self.status.emit("Đã tạo kế hoạch năm sau; hãy điền số văn bản và văn bản cấp trên của năm mới.")
        return new_id

    def import_superior(self, path: str | None = None) -> int | None:
        """Tạo từ kế hoạch cấp trên: choose the file, review what was read (ui/dialogs/cascade_dialog.py), create."""
        if self.unit is None:
            return None
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, "Chọn kế hoạch của cấp trên", "", "Văn bản (*.docx *.pdf *.txt)"
            )
            if not path:
                return None
        from ..dialogs.cascade_dialog import import_superior_plan

        pid = import_superior_plan(self, self.conn, self.unit, path)
        if pid is None:
            return None
        self.load(self.unit, pid)
        self.status.emit(f"Đã tạo kế hoạch mới từ {Path(path).name}; các đoạn cần sửa tay được tô màu.")
        return pid

    def delete_plan(self) -> None:
        if self.plan is None:
            return
        self.flush()
        plan = app.plans.load_plan(self.conn, self.plan.id)
        n = app.plan_activity_count(self.conn, plan.id)
        items = [it for it, _ in plan.walk()]
        if not ask(
            self,
            f"Xóa kế hoạch “{one_line(plan.title)[:120]}” năm {plan.doc_date.year}? Kế hoạch gồm "
            f"{number(len(items))} mục, trong đó {number(len(plan.tasks()))} nhiệm vụ."
            + (
                f" {number(n)} hoạt động đã ghi theo kế hoạch này vẫn được giữ trong sổ, nhưng không còn thuộc kế "
                "hoạch nào."
                if n
                else " Chưa có hoạt động nào ghi theo kế hoạch này."
            )
            + " Việc xóa không hoàn tác được.",
        ):
            return
        app.delete_plan(self.conn, self.plan.id)
        self.load(app.units.load_unit(self.conn))
