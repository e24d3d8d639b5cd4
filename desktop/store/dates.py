"""Dates as the database keeps them: ISO text (YYYY-MM-DD), NULL for none."""

from __future__ import annotations

from datetime import date


def to_iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def from_iso(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None
