"""Tệp › Mẫu văn bản: the unit's own Word templates for the Kế hoạch and the Báo cáo.

A clerk saves the built-in template to a file, edits it in Word (letterhead, wording), and
chooses it here; it is checked (app/templates.py) before it is kept, and every export
then uses it. The choice is a setting ("templates/plan", "templates/report").
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout

from ... import app
from ...domain.errors import UserError
from ..common import TITLE, warn

KINDS = {"plan": "Kế hoạch", "report": "Báo cáo"}
BUILT_IN = {"plan": "ke_hoach.docx", "report": "bao_cao.docx"}


def chosen_template(settings, kind: str) -> Path | None:
    """The unit's template for `kind`, or None for the built-in one."""
    value = settings.value(f"templates/{kind}")
    return Path(value) if value else None


class TemplatesDialog(QDialog):
    def __init__(self, settings, documents_dir: str, parent=None):
        super().__init__(parent)
        self.settings, self.documents_dir = settings, documents_dir
        self.setWindowTitle("Mẫu văn bản của đơn vị")
        self.setMinimumWidth(640)
        grid = QGridLayout()
        self.labels: dict[str, QLabel] = {}
        for i, (kind, name) in enumerate(KINDS.items()):
            grid.addWidget(QLabel(f"<b>{name}</b>"), 2 * i, 0)
            for col, (text, slot) in enumerate(
                (
                    ("Chọn mẫu của đơn vị…", self.choose),
                    ("Dùng mẫu có sẵn", self.use_built_in),
                    ("Lưu mẫu có sẵn ra tệp…", self.save_built_in),
                ),
                start=1,
            ):
                button = QPushButton(text)
                button.clicked.connect(lambda _=False, k=kind, s=slot: s(k))
                grid.addWidget(button, 2 * i, col)
            self.labels[kind] = QLabel(wordWrap=True)
            grid.addWidget(self.labels[kind], 2 * i + 1, 0, 1, 4)
        self.message = QLabel(wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Mẫu có sẵn đúng thể thức Nghị định 30/2020/NĐ-CP. Để dùng mẫu riêng của đơn vị: "
                "lưu mẫu có sẵn ra tệp, sửa bằng Word (giữ nguyên các thẻ {{ … }} và {% … %}), "
                "rồi chọn tệp đó. Mẫu được kiểm tra trước khi dùng.",
                wordWrap=True,
            )
        )
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        for kind, label in self.labels.items():
            path = chosen_template(self.settings, kind)
            label.setText(f"Mẫu của đơn vị: {path}" if path else "Mẫu có sẵn")

    def choose(self, kind: str, path: str | None = None) -> bool:
        """Check the template at `path` (asked for when None) and keep it when it can be used."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, f"Chọn mẫu {KINDS[kind]}", self.documents_dir, "Văn bản Word (*.docx)"
            )
            if not path:
                return False
        try:
            app.templates.validate(path, kind)
        except UserError as e:
            warn(self, f"Chưa dùng được mẫu này, mẫu đang dùng giữ nguyên.\n\n{e}", TITLE)
            return False
        self.settings.setValue(f"templates/{kind}", str(path))
        self.message.setText(f"Từ nay {KINDS[kind]} được xuất theo mẫu {Path(path).name}.")
        self.refresh()
        return True

    def use_built_in(self, kind: str) -> None:
        self.settings.remove(f"templates/{kind}")
        self.message.setText(f"{KINDS[kind]} được xuất theo mẫu có sẵn.")
        self.refresh()

    def save_built_in(self, kind: str, path: str | None = None) -> Path | None:
        """Copy the built-in template to a file the clerk can edit in Word."""
        from ...files import atomic_path
        from ...paths import template

        if path is None:
            default = Path(self.documents_dir) / f"Mẫu {KINDS[kind]}.docx"
            path, _ = QFileDialog.getSaveFileName(self, f"Lưu mẫu {KINDS[kind]}", str(default), "Văn bản Word (*.docx)")
            if not path:
                return None
        out = Path(path)
        try:
            with atomic_path(out) as tmp:
                tmp.write_bytes(template(BUILT_IN[kind]).read_bytes())
        except (UserError, OSError) as e:
            warn(self, str(e))
            return None
        self.message.setText(f"Đã lưu mẫu {KINDS[kind]} vào {out}. Sửa bằng Word rồi chọn lại tệp này.")
        return out
