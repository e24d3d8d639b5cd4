"""The subject in a report's title (issue 24): "Kết quả thực hiện Kế hoạch số 05/KH-BV ngày 05/9/2025 của … về
<what the plan is about> năm 2025", so that two numbered plans of one unit and year never share a title.

The subject is the plan's trích yếu without a leading "Kế hoạch" or year (a plan stored as "Kế hoạch năm 2025
về …"), without its own unit at the end and without any "năm <year>" (the report's period says the year once).
The whole title stays within MAX_TITLE characters: a long subject is cut to its first clause (before ";", "
nhằm ", " giai đoạn "), then at a word, never with "…" and never on a word that needs what follows ("của",
"và", "về" …)."""

from __future__ import annotations

import re

from .text import clean, fold

MAX_TITLE = 200
_LEAD = re.compile(r"^(?:kế hoạch\s+)?(?:(?:năm|giai đoạn)\s+\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:về\s+)?", re.IGNORECASE)
_YEAR = re.compile(r",?\s+năm\s+\d{4}\b", re.IGNORECASE)
_CLAUSE = re.compile(r";|\s+nhằm\s+|\s+giai đoạn\s+|\s+[–-]\s+", re.IGNORECASE)
_DANGLING = {"của", "và", "về", "cho", "trong", "tại", "với", "các", "những", "theo", "để", "trên", "số", "ngày"}


def subject(title: str, unit_name: str) -> str:
    """'Truyền thông phòng, chống bệnh lao năm 2025 của Bệnh viện A' -> 'truyền thông phòng, chống bệnh lao'."""
    text = clean(title).rstrip(".")
    own = f" của {clean(unit_name)}"
    if unit_name and fold(text).endswith(fold(own)):
        text = text[: -len(own)].rstrip()
    text = _LEAD.sub("", text, count=1)
    text = _YEAR.sub("", text).strip(" ,;:")
    return text[:1].lower() + text[1:] if text else ""


def _fits(words: list[str], room: int) -> str:
    """The longest start of `words` within `room` characters that does not end on a word needing more."""
    for n in range(len(words), 0, -1):
        cut = " ".join(words[:n]).rstrip(" ,;:")
        last = cut.split()[-1].lower() if cut else ""
        if len(cut) <= room and last not in _DANGLING and not cut.endswith(("(", "“")):
            return cut
    return ""


def with_subject(ref: str, subj: str, room_for_subject: int) -> str:
    """'Kế hoạch số … của …' + ' về ' + the subject, the subject within `room_for_subject` characters (its first
    clause, else cut at a word); the reference alone when nothing of it fits."""
    if not subj or room_for_subject <= 0:
        return ref
    if len(subj) > room_for_subject:
        subj = _CLAUSE.split(subj, maxsplit=1)[0].strip(" ,;:")
    if len(subj) > room_for_subject:
        subj = _fits(subj.split(), room_for_subject)
    return f"{ref} về {subj}" if subj else ref


def title_room(prefix: str, ref: str, period: str) -> int:
    """Characters left for the subject in '<prefix><ref> về <subject> <period>' within MAX_TITLE."""
    return MAX_TITLE - len(prefix) - len(ref) - len(" về ") - len(period) - 1
