"""Đơn vị: the profile, departments, signers and default recipients, each saved as edited."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ... import app
from ...domain.errors import UserError
from ...domain.models import Department, Signer
from ..common import ask, warn
from ..widgets.unit_kind import kind_combos, show_kind


class UnitPage(QWidget):
    changed = Signal()  # the profile changed: other screens reload
    status = Signal(str)

    def __init__(self, conn, parent=None):
        super().__init__(parent)
        self.conn = conn
        self._loading = False
        lay = QVBoxLayout(self)
        box = QGroupBox("Thông tin đơn vị")
        form = QFormLayout(box)
        self.parent_body = QLineEdit(placeholderText="VD: Sở Y tế tỉnh Lâm Đồng")
        self.name = QLineEdit(placeholderText="VD: Bệnh viện Phổi Bình Thuận")
        self.abbr = QLineEdit(placeholderText="Chữ viết tắt trong số, ký hiệu văn bản, VD: BVPBT")
        self.place = QLineEdit(placeholderText="Địa danh ghi ở dòng ngày tháng, VD: Lâm Đồng")
        form.addRow("Cơ quan chủ quản", self.parent_body)
        form.addRow("Tên đơn vị", self.name)
        form.addRow("Viết tắt", self.abbr)
        form.addRow("Địa danh", self.place)
        for w in (self.parent_body, self.name, self.abbr, self.place):
            w.editingFinished.connect(self._save_profile)
        # which duties of a superior's plan are the unit's: read from its name and parent body until chosen here
        self.kind, self.level = kind_combos()
        kinds = QHBoxLayout()
        kinds.addWidget(self.kind, 1)
        kinds.addWidget(self.level, 1)
        form.addRow("Loại đơn vị, trực thuộc", kinds)
        for combo in (self.kind, self.level):
            combo.activated.connect(self._save_kind)
        lay.addWidget(box)

        row = QHBoxLayout()
        self.depts = self._table(["Tên khoa, phòng", "Viết tắt"])
        self.depts.itemChanged.connect(self._dept_edited)
        row.addWidget(self._group("Khoa, phòng", self.depts, self.add_department, self.delete_department))
        # short headers, shown whole at 1280 px; the examples in the headers' tooltips
        self.signers = self._table(["Thẩm quyền ký", "Chức vụ", "Họ và tên"])
        for c, tip in enumerate(
            (
                "Viết hoa, VD: GIÁM ĐỐC; cấp phó ký thay: KT. GIÁM ĐỐC",
                "Chức vụ của người ký thay, VD: PHÓ GIÁM ĐỐC (để trống khi người đứng đầu ký)",
                "Họ và tên người ký, VD: Nguyễn Văn An",
            )
        ):
            self.signers.horizontalHeaderItem(c).setToolTip(tip)
        self.signers.horizontalHeader().setMinimumSectionSize(
            self.signers.fontMetrics().horizontalAdvance("Thẩm quyền ký") + 16
        )
        self.signers.itemChanged.connect(self._signer_edited)
        row.addWidget(self._group("Người ký", self.signers, self.add_signer, self.delete_signer))
        lay.addLayout(row, 2)
        rbox = QGroupBox("Nơi nhận mặc định (mỗi dòng một nơi; dòng “Lưu: VT, …” được thêm tự động)")
        rl = QVBoxLayout(rbox)
        self.recipients = QPlainTextEdit()
        rl.addWidget(self.recipients)
        # the unit's own channels: proposed in a plan made from a superior's in place of its national media
        cbox = QGroupBox("Kênh truyền thông của đơn vị (mỗi dòng một kênh)")
        self.channels = QPlainTextEdit(
            placeholderText="VD:\nTrang thông tin điện tử của Bệnh viện\nFanpage Bệnh viện\nBảng tin\nLoa nội bộ\nNhóm Zalo"
        )
        self.channels.setToolTip(
            "Khi lập kế hoạch từ kế hoạch cấp trên, các kênh này được đề xuất thay cho báo chí, cổng thông tin của cấp trên"
        )
        QVBoxLayout(cbox).addWidget(self.channels)
        bottom = QHBoxLayout()
        bottom.addWidget(rbox, 1)
        bottom.addWidget(cbox, 1)
        lay.addLayout(bottom, 1)
        self._chan_timer = QTimer(self, singleShot=True, interval=500)
        self._chan_timer.timeout.connect(self._save_channels)
        self.channels.textChanged.connect(lambda: None if self._loading else self._chan_timer.start())
        self._recip_timer = QTimer(self, singleShot=True, interval=500)
        self._recip_timer.timeout.connect(self._save_recipients)
        self.recipients.textChanged.connect(lambda: None if self._loading else self._recip_timer.start())

    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        t = QTableWidget(0, len(headers))
        t.setHorizontalHeaderLabels(headers)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        t.verticalHeader().setVisible(False)
        t.setSelectionBehavior(QAbstractItemView.SelectRows)
        return t

    @staticmethod
    def _group(title, table, add, delete) -> QGroupBox:
        g = QGroupBox(title)
        v = QVBoxLayout(g)
        v.addWidget(table)
        h = QHBoxLayout()
        for text, slot in (("Thêm", add), ("Xóa", delete)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            h.addWidget(b)
        h.addStretch()
        v.addLayout(h)
        return g

    # ---------------------------------------------------------------- load
    def load(self) -> None:
        self.flush()  # the recipients typed a moment ago are saved before the fields are filled anew
        self._loading = True
        u = app.units.load_unit(self.conn)
        self.parent_body.setText(u.parent_body)
        self.name.setText(u.name)
        self.abbr.setText(u.abbr)
        self.place.setText(u.place)
        show_kind(self.kind, self.level, u)
        self.depts.setRowCount(0)
        for d in u.departments:
            self._append(self.depts, d.id, [d.name, d.abbr])
        self.signers.setRowCount(0)
        for s in u.signers:
            self._append(self.signers, s.id, [s.authority, s.position, s.full_name])
        self.recipients.setPlainText("\n".join(u.recipients))
        self.channels.setPlainText("\n".join(u.channels))
        self._loading = False

    @staticmethod
    def _append(table: QTableWidget, row_id, values) -> None:
        r = table.rowCount()
        table.insertRow(r)
        for c, v in enumerate(values):
            item = QTableWidgetItem(v)
            item.setData(256, row_id)
            table.setItem(r, c, item)

    # ---------------------------------------------------------------- saving
    def _save_profile(self) -> None:
        if self._loading:
            return
        try:
            app.save_profile(self.conn, self.name.text(), self.abbr.text(), self.place.text(), self.parent_body.text())
        except UserError as e:
            self.status.emit(str(e))
            return
        show_kind(self.kind, self.level, app.units.load_unit(self.conn))  # one not chosen follows the name
        self.status.emit("Đã lưu thông tin đơn vị")
        self.changed.emit()

    def _save_kind(self, *_) -> None:
        """The kind and level chosen: stored, and the next plan made from a superior's reads its duties by them."""
        try:
            app.units.save_kind(self.conn, self.kind.currentData(), self.level.currentData())
        except UserError as e:
            self.status.emit(str(e))
            return
        level = self.level.currentText()
        self.status.emit(f"Đã lưu loại đơn vị: {self.kind.currentText()}, {level[:1].lower()}{level[1:]}")
        self.changed.emit()

    def _dept_edited(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        r = item.row()
        name, abbr = (self.depts.item(r, c).text() if self.depts.item(r, c) else "" for c in (0, 1))
        app.units.save_department(self.conn, Department(name, abbr, item.data(256)))
        self.changed.emit()

    def _signer_edited(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        r = item.row()
        auth, pos, full = (self.signers.item(r, c).text() if self.signers.item(r, c) else "" for c in (0, 1, 2))
        app.units.save_signer(self.conn, Signer(auth, full, pos, item.data(256)))
        self.changed.emit()

    def _save_recipients(self) -> None:
        app.units.set_recipients(self.conn, self.recipients.toPlainText().splitlines())
        self.status.emit("Đã lưu nơi nhận")
        self.changed.emit()

    def _save_channels(self) -> None:
        app.units.set_channels(self.conn, self.channels.toPlainText().splitlines())
        self.status.emit("Đã lưu kênh truyền thông của đơn vị")
        self.changed.emit()

    def add_department(self) -> None:
        d = app.units.add_department(self.conn)
        self._loading = True
        self._append(self.depts, d.id, [d.name, d.abbr])
        self._loading = False
        self.depts.editItem(self.depts.item(self.depts.rowCount() - 1, 0))
        self.changed.emit()

    def delete_department(self) -> None:
        r = self.depts.currentRow()
        if r < 0:
            return
        item = self.depts.item(r, 0)
        n = app.department_activity_count(self.conn, item.data(256))
        if n and not ask(
            self,
            f"{item.text()} có {n} hoạt động; xóa khoa, phòng thì các hoạt động này không còn "
            "ghi khoa, phòng. Vẫn xóa?",
        ):
            return
        app.delete_department(self.conn, item.data(256))
        self.depts.removeRow(r)
        self.changed.emit()

    def add_signer(self) -> None:
        s = app.units.add_signer(self.conn)
        self._loading = True
        self._append(self.signers, s.id, [s.authority, s.position, s.full_name])
        self._loading = False
        self.changed.emit()

    def delete_signer(self) -> None:
        r = self.signers.currentRow()
        if r < 0:
            return
        try:
            app.units.delete_signer(self.conn, self.signers.item(r, 0).data(256))
        except UserError as e:
            warn(self, str(e))
            return
        self.signers.removeRow(r)
        self.changed.emit()

    def flush(self) -> None:
        if self._recip_timer.isActive():
            self._recip_timer.stop()
            self._save_recipients()
        if self._chan_timer.isActive():
            self._chan_timer.stop()
            self._save_channels()
