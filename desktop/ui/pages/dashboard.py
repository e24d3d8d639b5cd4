"""Tổng quan: progress against each target, activities per month, days left to the deadline."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain.report import Compiled, change_text
from ...domain.target_kinds import RATE, REACH, percent_text, target_value
from ...domain.vnformat import field_date, number


class MonthChart(QWidget):
    """Bars of activities per month, drawn with QPainter (no plotting library)."""

    NOW, BEFORE = QColor("#2f6f9f"), QColor("#b8c4ce")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.counts = [0] * 12
        self.previous: list[int] | None = None  # the same months of the year before, a second bar each
        self.legend = ("", "")
        self.setMinimumHeight(180)

    def set_counts(
        self, counts: list[int], previous: list[int] | None = None, legend: tuple[str, str] = ("", "")
    ) -> None:
        self.counts, self.previous, self.legend = counts, previous, legend
        self.update()

    def paintEvent(self, _event):  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        w, h = self.width(), self.height()
        fm = p.fontMetrics()
        top, bottom, left = fm.height() + 4, fm.height() + 6, 8
        before = self.previous
        if before is not None:
            top += fm.height() + 4
            self._legend(p, left, 2)
        peak = max([*self.counts, *(before or [])]) or 1
        slot = (w - 2 * left) / 12
        p.setPen(QPen(QColor("#888")))
        p.drawLine(left, h - bottom, w - left, h - bottom)
        width = slot * (0.35 if before is not None else 0.7)
        for i, n in enumerate(self.counts):
            x = left + i * slot + slot * 0.15
            bars = [(x, n, self.NOW)] if before is None else [(x, before[i], self.BEFORE), (x + width, n, self.NOW)]
            for bx, value, color in bars:
                bar_h = (h - top - bottom) * value / peak
                rect = QRectF(bx, h - bottom - bar_h, width, bar_h)
                p.fillRect(rect, color)
                p.setPen(QColor("#222"))
                if value:
                    p.drawText(
                        QRectF(bx - 6, rect.top() - fm.height() - 1, width + 12, fm.height()),
                        Qt.AlignCenter,
                        str(value),
                    )
            p.drawText(QRectF(x - 4, h - bottom + 2, slot * 0.7 + 8, fm.height()), Qt.AlignCenter, f"T{i + 1}")
        p.end()

    def _legend(self, p: QPainter, x: float, y: float) -> None:
        fm = p.fontMetrics()
        for color, text in ((self.BEFORE, self.legend[1]), (self.NOW, self.legend[0])):
            p.fillRect(QRectF(x, y + 3, 12, fm.height() - 6), color)
            p.setPen(QColor("#222"))
            p.drawText(QRectF(x + 16, y, fm.horizontalAdvance(text) + 4, fm.height()), Qt.AlignLeft, text)
            x += 16 + fm.horizontalAdvance(text) + 18


class Dashboard(QWidget):
    plan_chosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.plan_combo = QComboBox()
        self.plan_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.plan_combo.setMinimumContentsLength(30)
        self.plan_combo.activated.connect(lambda i: self.plan_chosen.emit(self.plan_combo.itemData(i)))
        label = QLabel("&Kế hoạch")
        label.setBuddy(self.plan_combo)
        top.addWidget(label)
        top.addWidget(self.plan_combo, 1)
        lay.addLayout(top)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-size: 15px")
        lay.addWidget(self.headline)
        self.compare = QLabel()  # last year's same period, when the plan has a plan of the year before
        self.compare.setWordWrap(True)
        self.compare.hide()
        lay.addWidget(self.compare)
        box = QGroupBox("Tiến độ so với chỉ tiêu của kế hoạch")
        self.grid = QGridLayout()
        inner = QWidget()
        inner.setLayout(self.grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        bl = QVBoxLayout(box)
        bl.addWidget(scroll)
        lay.addWidget(box, 2)
        cbox = QGroupBox("Số hoạt động theo tháng")
        cl = QVBoxLayout(cbox)
        self.chart = MonthChart()
        cl.addWidget(self.chart)
        lay.addWidget(cbox, 1)
        self.bars: list[QProgressBar] = []
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)

    def set_plans(self, plans: list[tuple[int, str, int]], current: int | None) -> None:
        self.plan_combo.clear()
        for pid, title, year in plans:
            self.plan_combo.addItem(f"{year} — {title}", pid)
        self.plan_combo.setCurrentIndex(max(self.plan_combo.findData(current), 0))

    def show_figures(
        self, compiled: Compiled | None, deadline: date | None, year: int, today: date | None = None, guessed: int = 0
    ):
        today = today or date.today()
        while self.grid.count():
            w = self.grid.takeAt(0).widget()
            if w:
                w.deleteLater()
        self.bars = []
        if compiled is None:
            self.headline.setText("Chưa có kế hoạch.")
            self.compare.hide()
            self.chart.set_counts([0] * 12)
            return
        parts = [
            f"<b>{number(compiled.total)}</b> hoạt động, <b>{number(compiled.participants)}</b> lượt người "
            f"tham dự, kinh phí <b>{number(compiled.cost)}</b> đồng"
        ]
        if deadline:
            days = (deadline - today).days
            when = field_date(deadline)
            parts.append(
                f"hạn báo cáo {when}: còn <b>{number(days)}</b> ngày"
                if days >= 0
                else f"hạn báo cáo {when} <b style='color:#b00020'>đã qua {number(-days)} ngày</b>"
            )
        else:
            parts.append("chưa có hạn báo cáo (nhập ở Kế hoạch › Văn bản cấp trên)")
        if guessed:
            parts.append(
                f"<span style='color:#8a4b00'>{number(guessed)} hoạt động cần kiểm tra kế hoạch "
                "(trang Hoạt động)</span>"
            )
        self.headline.setText(" · ".join(parts))
        row = 0
        for tr in compiled.tasks:
            for t in tr.targets:
                unit = t.unit
                what = _target_what(t.target, compiled.catalogue)
                label = QLabel(f"{tr.label} {tr.task.text} — {what}")
                label.setWordWrap(True)
                label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
                label.setToolTip(tr.task.text)
                bar = QProgressBar()
                goal = target_value(t.target)  # a rate's percentage, else a quantity
                bar.setRange(0, max(round(goal), 1))
                bar.setValue(round(min(t.achieved or 0, goal)))
                bar.setFormat(_bar_text(t, goal, unit))
                self.grid.addWidget(label, row, 0)
                self.grid.addWidget(bar, row, 1)
                self.bars.append(bar)
                row += 1
        if not row:
            self.grid.addWidget(QLabel("Kế hoạch chưa đặt chỉ tiêu nào."), 0, 0)
        now = [compiled.by_month.get((year, m), 0) for m in range(1, 13)]
        prev = compiled.previous
        if prev is None:
            self.compare.hide()
            self.chart.set_counts(now)
            return
        last = prev.period_end.year
        self.compare.setText(
            f"Cùng kỳ năm {last}: <b>{number(prev.total)}</b> hoạt động, "
            f"<b>{number(prev.participants)}</b> lượt người tham dự, kinh phí "
            f"<b>{number(prev.cost)}</b> đồng · năm nay {change_text(compiled.total, prev.total)}"
        )
        self.compare.show()
        self.chart.set_counts(
            now, [prev.by_month.get((last, m), 0) for m in range(1, 13)], (f"Năm {year}", f"Năm {last}")
        )


def _target_what(t, forms) -> str:
    """What a target counts: a form of activity, the group reached, what a rate measures."""
    if t.kind == RATE:
        return f"tỷ lệ {t.group}".strip()
    if t.kind == REACH:
        return t.group or "người"
    return forms.form(t.form_code).label


def _bar_text(t, goal: float, unit: str) -> str:
    """'8/12 tin, bài (67%)', '98,8% / 95%', 'chưa ghi / 95%' (a rate or reach nobody recorded yet)."""
    if t.target.kind == RATE:
        got = "chưa ghi" if t.achieved is None else percent_text(t.achieved)
        return f"{got} / {percent_text(goal)}"
    if t.achieved is None:
        return f"chưa ghi / {number(round(goal))} {unit}"
    return f"{number(round(t.achieved))}/{number(round(goal))} {unit} ({t.percent:.0f}%)"
