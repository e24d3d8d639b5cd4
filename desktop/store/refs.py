"""The catalogue of legal references and the superior documents."""

from __future__ import annotations

import sqlite3

from ..domain.models import LegalRef, SuperiorDoc
from ..domain.text import clean
from .dates import from_iso, to_iso


def save_ref(conn: sqlite3.Connection, ref: LegalRef, key: str | None = None) -> int:
    """Insert a reference (or update the one with the same key or id); returns its id."""
    vals = (clean(ref.kind), clean(ref.number), to_iso(ref.issued), clean(ref.issuer), clean(ref.summary))
    if ref.id is None and key:
        row = conn.execute("SELECT id FROM legal_refs WHERE key = ?", (key,)).fetchone()
        if row:
            ref.id = row[0]
    if ref.id is None:
        ref.id = conn.execute(
            "INSERT INTO legal_refs (key, kind, number, issued, issuer, summary) VALUES (?, ?, ?, ?, ?, ?)",
            (key, *vals),
        ).lastrowid
    else:
        conn.execute(
            "UPDATE legal_refs SET kind=?, number=?, issued=?, issuer=?, summary=? WHERE id=?", (*vals, ref.id)
        )
    return ref.id


def _ref(row: sqlite3.Row) -> LegalRef:
    return LegalRef(row["kind"], row["number"], from_iso(row["issued"]), row["issuer"], row["summary"], row["id"])


def load_ref(conn: sqlite3.Connection, ref_id: int) -> LegalRef:
    return _ref(conn.execute("SELECT * FROM legal_refs WHERE id = ?", (ref_id,)).fetchone())


def list_refs(conn: sqlite3.Connection) -> list[LegalRef]:
    return [_ref(r) for r in conn.execute("SELECT * FROM legal_refs ORDER BY issued, id")]


def ref_by_key(conn: sqlite3.Connection, key: str) -> LegalRef | None:
    row = conn.execute("SELECT * FROM legal_refs WHERE key = ?", (key,)).fetchone()
    return _ref(row) if row else None


def save_superior(conn: sqlite3.Connection, sup: SuperiorDoc) -> int:
    ref_id = sup.ref.id if sup.ref.id is not None else save_ref(conn, sup.ref)
    if sup.id is None:
        sup.id = conn.execute(
            "INSERT INTO superior_docs (ref_id, addressee, deadline) VALUES (?, ?, ?)",
            (ref_id, clean(sup.addressee), to_iso(sup.deadline)),
        ).lastrowid
    else:
        conn.execute(
            "UPDATE superior_docs SET ref_id=?, addressee=?, deadline=? WHERE id=?",
            (ref_id, clean(sup.addressee), to_iso(sup.deadline), sup.id),
        )
    return sup.id


def load_superior(conn: sqlite3.Connection, sup_id: int) -> SuperiorDoc | None:
    row = conn.execute("SELECT * FROM superior_docs WHERE id = ?", (sup_id,)).fetchone()
    if row is None:
        return None
    return SuperiorDoc(load_ref(conn, row["ref_id"]), row["addressee"], from_iso(row["deadline"]), row["id"])
