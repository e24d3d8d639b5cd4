"""The three kinds of chỉ tiêu (issue 24): counts of activities, rates (a percentage) and reach (people of a
group, places covered); the period a target applies to; how the plan names a target; reading the value a
clerk types for a rate ("98,8", "98,8 %", "247/250")."""

from __future__ import annotations

import re

from .forms import DEFAULTS, Forms
from .models import Target
from .periods import PERIOD_KEYS, PERIOD_LABELS, QUARTERS
from .vnformat import count, number

COUNT, RATE, REACH = "count", "rate", "reach"
KINDS = (COUNT, RATE, REACH)
KIND_LABELS = {COUNT: "Số lượng", RATE: "Tỷ lệ (%)", REACH: "Độ bao phủ"}
# people reached, by group (the workbook's and the ledger's columns), and places covered
PEOPLE_GROUPS = ("người bệnh", "người nhà", "nhân viên y tế", "cộng đồng")
PLACE_GROUPS = ("xã", "thôn bản", "khoa phòng")
REACH_GROUPS = PEOPLE_GROUPS + PLACE_GROUPS
TARGET_PERIODS = PERIOD_KEYS  # year by default; a half, nine months, a quarter or a month possible
MAX_PERCENT = 100.0


def period_words(key: str) -> str:
    """How a sentence names a target's period: 'năm', '6 tháng đầu năm', 'quý I', 'tháng 3'."""
    if key == "year":
        return "năm"
    if key in ("q1", "q2", "q3", "q4"):
        return f"quý {QUARTERS[int(key[1]) - 1]}"
    return PERIOD_LABELS.get(key, key).lower() if key in ("h1", "9m") else f"tháng {key[1:]}"


def unit_of(t: Target, forms: Forms = DEFAULTS) -> str:
    """What the value is counted in: the form's unit (count), the group (reach), '%' (rate)."""
    if t.kind == RATE:
        return "%"
    if t.kind == REACH:
        return t.group or "người"
    return forms.unit_of(t.form_code, t.unit_label)


def percent_text(value: float) -> str:
    """98.8 -> '98,8%', 100.0 -> '100%' (one decimal at most)."""
    return f"{number(round(float(value), 1))}%"


def target_value(t: Target) -> float:
    return t.percent if t.kind == RATE else float(t.quantity)


def target_text(t: Target, forms: Forms = DEFAULTS) -> str:
    """The target as the plan states it: '02 hội nghị', '3.000 người bệnh', 'tỷ lệ văn bản ký số đạt 95%';
    a target of another period than the year says it: '03 tin, bài (quý I)'."""
    if t.kind == RATE:
        what = t.group.strip()
        text = f"tỷ lệ {what} đạt {percent_text(t.percent)}" if what else f"tỷ lệ đạt {percent_text(t.percent)}"
    else:
        text = f"{count(t.quantity)} {unit_of(t, forms)}"
    return text if t.period == "year" else f"{text} ({period_words(t.period)})"


_RATIO = re.compile(r"^\s*(\d{1,9})\s*/\s*(\d{1,9})\s*$")
_PERCENT = re.compile(r"^\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*%?\s*$")
_PEOPLE = re.compile(r"^\s*(\d{1,3}(?:\.\d{3})+|\d{1,12})\s*$")


def read_value(text: str, kind: str) -> tuple[float, int | None, int | None]:
    """The value a clerk typed for a rate ('98,8', '98.8 %', '247/250': 247 of 250, 98,8%) or a reach ('47.111'):
    (value, numerator, denominator). ValueError with a Vietnamese message for anything else."""
    if kind == RATE:
        m = _RATIO.match(text)
        if m:
            num, den = int(m[1]), int(m[2])
            if den == 0 or num > den:
                raise ValueError(f"Tỷ lệ “{text.strip()}” không hợp lệ: số đạt phải từ 0 đến {number(den)}.")
            return round(100.0 * num / den, 1), num, den
        m = _PERCENT.match(text)
        if m and float(m[1].replace(",", ".")) <= MAX_PERCENT:
            return float(m[1].replace(",", ".")), None, None
        raise ValueError(
            f"Tỷ lệ “{text.strip()[:40]}” không đọc được: cần một phần trăm từ 0 đến 100 (VD: 98,8) hoặc "
            "số đạt/tổng số (VD: 247/250)."
        )
    m = _PEOPLE.match(text)
    if m:
        return float(int(m[1].replace(".", ""))), None, None
    raise ValueError(f"Số “{text.strip()[:40]}” không đọc được: cần một số nguyên (VD: 47.111).")
