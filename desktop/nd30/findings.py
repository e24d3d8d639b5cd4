"""What the checker reports: a Finding per place a rule is broken, collected by Findings."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .ooxml import one_line

__all__ = ["MAX_PER_RULE", "Finding", "Findings"]


@dataclass(frozen=True)
class Finding:
    rule: str  # short stable id, e.g. "trang.kho-giay"
    message: str  # one Vietnamese line: what is wrong and where


MAX_PER_RULE = 5  # places listed per rule before "… và N chỗ khác"


class Findings:
    """At most one finding per (rule, place); at most MAX_PER_RULE places per rule."""

    def __init__(self):
        self._by_rule: dict[str, list[str]] = {}
        self._seen: set[tuple[str, str]] = set()

    def add(self, rule: str, place: str, problem: str) -> None:
        key = (rule, place)
        if key in self._seen:
            return
        self._seen.add(key)
        message = f"{place}: {problem}" if place else problem
        self._by_rule.setdefault(rule, []).append(unicodedata.normalize("NFC", one_line(message)))

    def result(self) -> list[Finding]:
        out = []
        for rule, messages in self._by_rule.items():
            out.extend(Finding(rule, m) for m in messages[:MAX_PER_RULE])
            rest = len(messages) - MAX_PER_RULE
            if rest > 0:
                out.append(Finding(rule, f"… và {rest} chỗ khác có cùng lỗi"))
        return out
