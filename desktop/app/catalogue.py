"""The unit's catalogue of legal references (căn cứ): edited, and duplicates merged."""

from __future__ import annotations

import sqlite3
from datetime import date

from ..domain.citations import number_key
from ..domain.errors import UserError
from ..domain.models import LegalRef
from ..domain.text import clean
from ..store import db, refs


def list_references(conn: sqlite3.Connection) -> list[LegalRef]:
    """The catalogue of legal references (Danh mục căn cứ), in its order."""
    return refs.list_refs(conn)


def references(conn: sqlite3.Connection) -> list[tuple[LegalRef, int]]:
    """Every reference with how many plans and superior documents cite it."""
    return [(r, refs.uses_of_ref(conn, r.id)) for r in refs.list_refs(conn) if r.id is not None]  # all: read back


def duplicates(conn: sqlite3.Connection) -> list[list[LegalRef]]:
    """Groups of references with the same number and symbol however typed ('57- NQ/TW', '57-NQ/TW')."""
    groups: dict[str, list[LegalRef]] = {}
    for r in refs.list_refs(conn):
        if clean(r.number):
            groups.setdefault(number_key(r.number), []).append(r)
    return [g for g in groups.values() if len(g) > 1]


def save_reference(
    conn: sqlite3.Connection, ref_id: int, kind: str, number: str, issued: date | None, issuer: str, summary: str
) -> LegalRef:
    """A reference corrected: every plan citing it prints the new wording."""
    if not clean(kind) or not clean(number):
        raise UserError("Căn cứ cần có loại văn bản và số, ký hiệu (VD: Nghị quyết, 57-NQ/TW).")
    ref = LegalRef(clean(kind), clean(number), issued, clean(issuer), clean(summary), ref_id)
    with db.transaction(conn):
        refs.save_ref(conn, ref)
    return ref


def merge_references(conn: sqlite3.Connection, keep_id: int, drop_ids: list[int]) -> int:
    """Duplicates merged into one (in one transaction): how many were merged."""
    drop = [d for d in drop_ids if d != keep_id]
    if not drop:
        raise UserError("Hãy chọn ít nhất hai căn cứ để gộp.")
    with db.transaction(conn):
        refs.merge_refs(conn, keep_id, drop)
    return len(drop)
