"""Tạo từ kế hoạch cấp trên: the review before the plan is created — the superior document (what could
not be read asked here, prefilled with what was), the căn cứ to keep, the tasks with their lead
department and targets, and the repairs offered (before and after, each kept or dropped)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ... import app
from ...domain.cascade import Proposal, item_at
from ...domain.errors import UserError
from ...domain.models import Unit
from ...domain.plan_text import target_text
from ...domain.references import cite
from ...domain.targets import read_typed
from ...domain.vnformat import parse_date, short_date
from ..common import ask, warn

REPAIR_KINDS = {
    "citation": "Viết lại trích dẫn theo danh mục",
    "glued": "Tách chữ bị dính",
    "symbol": "Bỏ khoảng trắng trong số, ký hiệu",
    "diacritics": "Đoạn bị mất dấu",
    "wording": "Lời văn của cấp trên",
    "scope": "Phạm vi của cấp trên",
    "channels": "Kênh truyền thông của cấp trên",
    "repeat": "Cụm từ viết lặp lại",
}
MISSING_BG = QColor("#fff3c4")


def _cell(text: str, tip: str = "", editable: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(tip or text)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemIsEditable)
    return item


def _check(on: bool, enabled: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem()
    flags = Qt.ItemIsUserCheckable | Qt.ItemIsSelectable | (Qt.ItemIsEnabled if enabled else Qt.NoItemFlags)
    item.setFlags(flags)
    item.setCheckState(Qt.Checked if on else Qt.Unchecked)
    return item


def _text_box(text: str) -> QPlainTextEdit:
    """A trích yếu: long, shown whole on two or three lines."""
    box = QPlainTextEdit(text)
    box.setFixedHeight(58)
    return box


def _table(headers: list[str], *stretch: int) -> QTableWidget:
    """The `stretch` columns share the width; the others fit their contents."""
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setWordWrap(True)
    h = t.horizontalHeader()
    for i in range(len(headers)):
        h.setSectionResizeMode(i, QHeaderView.Stretch if i in stretch else QHeaderView.ResizeToContents)
    return t


class CascadeDialog(QDialog):
    """The review of a Proposal; on accept the clerk's choices are written back into it."""

    def __init__(self, proposal: Proposal, unit: Unit, source_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.p, self.unit = proposal, unit
        self.setWindowTitle(f"Tạo kế hoạch từ văn bản cấp trên — {source_name}")
        self.resize(1100, 620)
        lay = QVBoxLayout(self)
        notes = list(proposal.warnings)
        if not proposal.is_plan:
            notes.insert(0, "Văn bản này có vẻ không phải là kế hoạch: " + "; ".join(proposal.found) + ".")
        self.notes = QLabel(
            "\n".join(notes)
            or f"Đã đọc {sum(proposal.sections)} mục, {len(proposal.tasks)} nhiệm "
            f"vụ, {len(proposal.basis)} căn cứ. Hãy xem lại trước khi tạo."
        )
        self.notes.setWordWrap(True)
        lay.addWidget(self.notes)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._superior_tab(), "Văn bản cấp trên")
        self.tabs.addTab(self._basis_tab(), f"Căn cứ ({len(proposal.basis)})")
        self.tabs.addTab(self._tasks_tab(), f"Nhiệm vụ ({len(proposal.tasks)})")
        self.tabs.addTab(self._repairs_tab(), f"Sửa lỗi ({len(proposal.repairs)})")
        lay.addWidget(self.tabs, 1)
        self.problem = QLabel(styleSheet="color: #b00020")  # a target that cannot be read, said before creating
        self.problem.setWordWrap(True)
        self.problem.hide()
        lay.addWidget(self.problem)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton("Tạo kế hoạch", QDialogButtonBox.AcceptRole)
        buttons.addButton("Hủy", QDialogButtonBox.RejectRole)
        for b in buttons.buttons():  # Enter in a table cell commits the cell; it never creates the plan
            b.setAutoDefault(False)
            b.setDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self._show_year_problem()

    # ------------------------------------------------------------ superior document
    def _superior_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        sup = self.p.superior
        ref = sup.ref
        own = QGroupBox("Kế hoạch của đơn vị")
        of = QFormLayout(own)
        self.title = _text_box(self.p.plan.title)
        # the year read from the document; none read: asked (tinted), or taken from the date of issue typed below
        self.ask_year = self.p.year_missing
        self.year = QLineEdit("" if self.ask_year else str(self.p.plan.doc_date.year))
        self.year.setMaxLength(4)
        self.year.setPlaceholderText("VD: 2025")
        if self.ask_year:
            self.year.setStyleSheet(f"background: {MISSING_BG.name()}")
            self.year.setPlaceholderText("Văn bản không ghi năm: hãy gõ năm của kế hoạch (VD: 2025) hoặc ngày ban hành")
        self.year_typed = self.deadline_typed = False  # the clerk's own, not followed from another field
        of.addRow("Trích yếu", self.title)
        of.addRow("Năm", self.year)
        self.year.textChanged.connect(self._year_changed)
        self.year.textEdited.connect(lambda text: setattr(self, "year_typed", bool(text.strip())))
        lay.addWidget(own)
        box = QGroupBox("Văn bản cấp trên mà kế hoạch thực hiện (báo cáo gửi cơ quan ban hành)")
        form = QFormLayout(box)
        self.kind = QLineEdit(ref.kind)
        self.number = QLineEdit(ref.number)
        self.issued = QLineEdit(short_date(ref.issued))
        self.issuer = QLineEdit(ref.issuer)
        self.summary = _text_box(ref.summary)
        self.deadline = QLineEdit(short_date(sup.deadline) or self.p.deadline_unyeared)
        self.issued.setPlaceholderText("ngày/tháng/năm, VD: 04/9/2025")
        self.deadline.setPlaceholderText("ngày/tháng/năm, VD: 10/12/2025")
        fields = {
            "number": self.number,
            "date": self.issued,
            "issuer": self.issuer,
            "summary": self.summary,
            "deadline": self.deadline,
        }
        for key, field_box in fields.items():
            if key in self.p.missing:
                field_box.setStyleSheet(f"background: {MISSING_BG.name()}")
                field_box.setPlaceholderText("Chưa đọc được từ văn bản: hãy điền (để trống nếu chưa có)")
        form.addRow("Loại văn bản", self.kind)
        form.addRow("Số, ký hiệu", self.number)
        form.addRow("Ngày ban hành", self.issued)
        form.addRow("Cơ quan ban hành", self.issuer)
        form.addRow("Trích yếu", self.summary)
        form.addRow("Hạn báo cáo", self.deadline)
        self.issued.textChanged.connect(self._issued_changed)
        self.deadline.textEdited.connect(lambda _: setattr(self, "deadline_typed", True))
        hint = []
        if self.p.own_plan:
            hint.append("Đây là kế hoạch của chính đơn vị: văn bản cấp trên là văn bản mà kế hoạch đó thực hiện.")
        if self.p.suggested is not None:
            hint.append(f"Số và ngày lấy theo danh mục ({cite(self.p.suggested)}): hãy kiểm tra.")
        if self.p.missing:
            hint.append("Chưa đọc được: " + ", ".join(self.p.missing_labels()) + " (các ô tô vàng).")
        if self.ask_year:
            hint.append(
                "Văn bản không ghi năm (không có ngày ban hành, tiêu đề không ghi năm): hãy gõ Năm của kế hoạch "
                "hoặc Ngày ban hành."
            )
        self.sup_hint = QLabel("\n".join(hint))
        self.sup_hint.setWordWrap(True)
        form.addRow("", self.sup_hint)
        lay.addWidget(box)
        lay.addWidget(self._cover_box())
        lay.addStretch(1)
        return w

    def _cover_box(self) -> QGroupBox:
        """The công văn that forwarded the plan (hidden when it came alone): the letter, the deadline it sets and its
        requests; the plan will implement it with the superior's plan ("Thực hiện …; Công văn …")."""
        self.cover = QGroupBox("Công văn gửi kèm kế hoạch (đơn vị thực hiện cả công văn)")
        c, lines = self.p.cover, []
        if c is not None:
            lines.append(cite(c, with_summary=True) + ".")
            if self.p.cover_deadline:
                lines.append(f"Hạn báo cáo theo công văn: {short_date(self.p.cover_deadline)} (thay hạn của kế hoạch).")
            if self.p.cover_requests:
                lines.append("Yêu cầu của công văn:")
                lines.extend(f"- {r}" for r in self.p.cover_requests)
            lines.append("Kế hoạch của đơn vị ghi: “Thực hiện " + cite(self.p.superior.ref) + "; " + cite(c) + " …”.")
        self.cover_text = QLabel("\n".join(lines))
        self.cover_text.setWordWrap(True)
        self.cover_text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidget(self.cover_text)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setMaximumHeight(150)
        QVBoxLayout(self.cover).addWidget(scroll)
        self.cover.setVisible(c is not None)
        return self.cover

    def _typed_year(self) -> int | None:
        text = self.year.text().strip()
        return int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else None

    def _year_problem(self) -> str:
        """What keeps the plan from being created for want of a year, or ""."""
        text = self.year.text().strip()
        if not text:
            why = ": văn bản cấp trên không ghi ngày ban hành, tiêu đề không ghi năm" if self.ask_year else ""
            where = "ô “Năm” (thẻ “Văn bản cấp trên”)" + (" hoặc ngày ban hành" if self.ask_year else "")
            return f"Chưa có năm của kế hoạch{why}. Hãy gõ năm ở {where}. Chưa tạo kế hoạch."
        if self._typed_year() is None:
            return f"Ô “Năm”: “{text}” không phải là năm của kế hoạch (từ 2000 đến 2100). Chưa tạo kế hoạch."
        return ""

    def _show_year_problem(self) -> None:
        """No year (or not a year): said in red, and “Tạo kế hoạch” held back until there is one."""
        text = self._year_problem()
        self.ok.setEnabled(not text)
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _issued_changed(self, text: str) -> None:
        """A document without a year: the date of issue the clerk types gives it, unless the clerk typed one."""
        if not self.ask_year or self.year_typed:
            return
        try:
            self.year.setText(str(parse_date(text).year))
        except ValueError:
            pass

    def _year_changed(self) -> None:
        """A yearly deadline ("05/12 hàng năm") follows the plan's year while it is the one read."""
        self._show_year_problem()
        year, text = self._typed_year(), self.deadline.text().strip()
        if year is None or not text or self.deadline_typed:
            return
        if self.p.superior.deadline is None and not self.p.deadline_unyeared:
            return
        try:
            due = parse_date(text if text.count("/") != 1 else f"{text}/{year}")
            self.deadline.setText(short_date(due.replace(year=year)))
        except ValueError:  # 29/02
            pass

    # ------------------------------------------------------------ căn cứ
    def _basis_tab(self) -> QWidget:
        self.basis = _table(["Giữ", "Căn cứ", "Đọc từ", ""], 1)
        for c in self.p.basis:
            r = self.basis.rowCount()
            self.basis.insertRow(r)
            self.basis.setItem(r, 0, _check(c.keep))
            self.basis.setItem(
                r, 1, _cell(cite(c.ref, with_summary=True), "Trong văn bản: " + " | ".join(c.spellings or [c.written]))
            )
            self.basis.setItem(r, 2, _cell(c.source))
            self.basis.setItem(r, 3, _cell("mới, thêm vào danh mục" if c.is_new else "có trong danh mục"))
        return self._with_all_none(self.basis)

    # ------------------------------------------------------------ tasks
    def _tasks_tab(self) -> QWidget:
        self.tasks = _table(["Nhiệm vụ", "Mục", "Nội dung", "Chủ trì", "Chỉ tiêu"], 2)
        self.leads: list[QComboBox] = []
        for t in self.p.tasks:
            r = self.tasks.rowCount()
            self.tasks.insertRow(r)
            self.tasks.setItem(r, 0, _check(True))
            self.tasks.setItem(r, 1, _cell(t.where))
            self.tasks.setItem(r, 2, _cell(t.text[:300]))
            lead = QComboBox()
            lead.addItem("(chưa giao)", None)
            for d in self.unit.departments:
                lead.addItem(d.name, d.id)
            lead.setCurrentIndex(max(0, lead.findData(t.lead_dept_id)) if t.lead_dept_id else 0)
            if t.lead_named:
                lead.setToolTip(f"Đề xuất theo: “{t.lead_named}”")
            lead.setMinimumContentsLength(18)
            lead.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            self.tasks.setCellWidget(r, 3, lead)
            self.leads.append(lead)
            self.tasks.setItem(
                r,
                4,
                _cell(
                    ", ".join(target_text(x, self.p.forms) for x in t.targets),
                    "VD: 02 hội nghị, 12 tin, bài",
                    editable=True,
                ),
            )
        self.tasks.itemChanged.connect(lambda item: item.column() == 4 and self._check_targets())
        split = QSplitter(Qt.Vertical)
        split.addWidget(self._with_all_none(self.tasks))
        split.addWidget(self._others_box())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        return split

    def _others_box(self) -> QGroupBox:
        """The superior's duties addressed to other bodies (Văn phòng Bộ, the Sở's own Phòng …): out of the plan
        unless ticked; a ticked one becomes a task of our lead department (hidden when there is none)."""
        n = len(self.p.others)
        self.others_box = QGroupBox(
            f"Việc của đơn vị khác ({n}): không đưa vào kế hoạch; đánh dấu “Nhận” để đơn vị nhận làm "
            "(thành nhiệm vụ của khoa, phòng chủ trì)"
        )
        self.others = _table(["Nhận", "Cấp trên giao cho", "Ở mục", "Nội dung"], 3)
        for o in self.p.others:
            r = self.others.rowCount()
            self.others.insertRow(r)
            self.others.setItem(r, 0, _check(o.take))
            self.others.setItem(r, 1, _cell(o.addressee))
            self.others.setItem(r, 2, _cell(o.where))
            self.others.setItem(r, 3, _cell(o.text[:300], o.text))
        QVBoxLayout(self.others_box).addWidget(self.others)
        self.others_box.setVisible(n > 0)
        return self.others_box

    def _context(self, r: int) -> str:
        """The task's text and its sub-items': what chooses between forms that share a unit."""
        out, todo = [], [item_at(self.p.plan.items, self.p.tasks[r].path)]
        while todo and len(out) < 50:
            it = todo.pop(0)
            out.append(it.text)
            todo.extend(it.children)
        return " ".join(out)

    def _targets(self, r: int):
        item = self.tasks.item(r, 4)
        text = item.text() if item else ""
        proposed = self.p.tasks[r].targets
        if text == ", ".join(target_text(x, self.p.forms) for x in proposed):  # as proposed: each kept its kind
            return list(proposed), []
        return read_typed(text, self._context(r), self.p.forms)

    def _check_targets(self) -> bool:
        """Every typed target read, or the first that is not named in red (the review stays open)."""
        for r, t in enumerate(self.p.tasks):
            if self.tasks.item(r, 0).checkState() != Qt.Checked:
                continue
            unread = self._targets(r)[1]
            if unread:
                self.problem.setText(
                    f"Nhiệm vụ {t.where or r + 1}, cột Chỉ tiêu: chưa hiểu “{unread[0]}”. Hãy viết số rồi đơn "
                    "vị tính, các chỉ tiêu cách nhau bằng dấu chấm phẩy (VD: 02 hội nghị; 500 lượt). "
                    "Chưa tạo kế hoạch."
                )
                self.problem.show()
                self.bad_row = r
                return False
        self._show_year_problem()
        return True

    # ------------------------------------------------------------ repairs
    def _repairs_tab(self) -> QWidget:
        # before and after side by side, each wrapped in half the width: "Sau" sized to its one-line note left
        # "Trước" 28 px wide
        self.repairs = _table(["Sửa", "Loại", "Ở mục", "Trước", "Sau"], 3, 4)
        self.repairs.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        for rp in self.p.repairs:
            r = self.repairs.rowCount()
            self.repairs.insertRow(r)
            self.repairs.setItem(r, 0, _check(rp.accepted and rp.after is not None, rp.after is not None))
            self.repairs.setItem(r, 1, _cell(REPAIR_KINDS.get(rp.kind, rp.kind), rp.note))
            self.repairs.setItem(r, 2, _cell(rp.where))
            self.repairs.setItem(r, 3, _cell(rp.before[:200], rp.before))
            after = _cell(rp.after if rp.after is not None else f"(sửa tay trên màn hình Kế hoạch) {rp.note}")
            if rp.after is None:
                after.setForeground(QBrush(QColor("#8a4b00")))
            self.repairs.setItem(r, 4, after)
        return self._with_all_none(self.repairs, "Sửa tất cả", "Không sửa")

    def _with_all_none(self, table: QTableWidget, all_text: str = "Chọn tất cả", none_text: str = "Bỏ chọn tất cả"):
        w = QWidget()
        lay = QVBoxLayout(w)
        row = QHBoxLayout()
        for text, on in ((all_text, True), (none_text, False)):
            b = QPushButton(text)
            b.clicked.connect(lambda _=False, on=on: self._tick_all(table, on))
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(table, 1)
        return w

    @staticmethod
    def _tick_all(table: QTableWidget, on: bool) -> None:
        for r in range(table.rowCount()):
            item = table.item(r, 0)
            if item.flags() & Qt.ItemIsEnabled:
                item.setCheckState(Qt.Checked if on else Qt.Unchecked)

    # ------------------------------------------------------------ back into the proposal
    def _date(self, box: QLineEdit, label: str):
        text = box.text().strip()
        if not text:
            return None
        try:
            return parse_date(text)
        except ValueError as e:
            raise UserError(f"{label}: {e}.") from None

    def apply(self) -> None:
        """The clerk's choices written into the proposal (UserError naming a field that cannot be read)."""
        issued = self._date(self.issued, "Ngày ban hành")
        deadline = self._date(self.deadline, "Hạn báo cáo")
        year = self._typed_year()
        if year is None:
            raise UserError(self._year_problem())
        app.cascade.set_year(self.p, year)
        sup, old = self.p.superior, self.p.superior.ref
        typed = (
            self.kind.text().strip() or "Kế hoạch",
            self.number.text().strip(),
            issued,
            self.issuer.text().strip(),
            " ".join(self.summary.toPlainText().split()),
        )
        if typed != (old.kind, old.number, old.issued, old.issuer, old.summary):
            sup.ref = replace(
                old, kind=typed[0], number=typed[1], issued=typed[2], issuer=typed[3], summary=typed[4], id=None
            )  # a new reference: the catalogue entry stays as it was
        sup.addressee = sup.ref.issuer
        sup.deadline = deadline
        title = " ".join(self.title.toPlainText().split())
        if title:
            self.p.plan.title = title
        for r, c in enumerate(self.p.basis):
            c.keep = self.basis.item(r, 0).checkState() == Qt.Checked
        for r, t in enumerate(self.p.tasks):
            it = item_at(self.p.plan.items, t.path)
            it.is_task = self.tasks.item(r, 0).checkState() == Qt.Checked
            it.lead_dept_id = self.leads[r].currentData() if it.is_task else None
            it.targets = self._targets(r)[0] if it.is_task else []
        for r, o in enumerate(self.p.others):
            o.take = self.others.item(r, 0).checkState() == Qt.Checked
        for r, rp in enumerate(self.p.repairs):
            rp.accepted = rp.after is not None and self.repairs.item(r, 0).checkState() == Qt.Checked

    def accept(self) -> None:
        if self._year_problem():
            self._show_year_problem()
            self.tabs.setCurrentIndex(0)  # Văn bản cấp trên
            self.year.setFocus()
            return
        if not self._check_targets():
            self.tabs.setCurrentIndex(2)  # Nhiệm vụ
            self.tasks.setCurrentCell(self.bad_row, 4)
            return
        try:
            self.apply()
        except UserError as e:
            warn(self, str(e))
            return
        super().accept()


def import_superior_plan(parent: QWidget, conn, unit: Unit, path: str | Path) -> int | None:
    """Read, review, create: the new plan's id, or None when the clerk cancelled or the file was refused."""
    name = Path(path).name
    try:
        try:
            proposal = app.cascade.propose(conn, unit, path)
        except app.cascade.NotAPlan as e:
            if not ask(parent, f"{e}\n\nVẫn nhập văn bản này như một kế hoạch?"):
                return None
            proposal = app.cascade.propose(conn, unit, path, accept_non_plan=True)
    except UserError as e:
        warn(parent, str(e))
        return None
    same = app.cascade.plans_from_same_superior(conn, proposal)
    if same:
        pid, title, year = same[0]
        more = f" (và {len(same) - 1} kế hoạch khác)" if len(same) > 1 else ""
        if not ask(
            parent,
            f"Đã có kế hoạch “{title[:120]}” năm {year}{more} tạo từ {cite(proposal.superior.ref)}.\n\n"
            f"Tạo thêm một kế hoạch nữa từ {name}? Chọn “Không”: chưa tạo gì, dữ liệu giữ nguyên.",
        ):
            return None
    dialog = CascadeDialog(proposal, unit, name, parent)
    if dialog.exec() != QDialog.Accepted:
        return None
    return app.cascade.create(conn, proposal)
