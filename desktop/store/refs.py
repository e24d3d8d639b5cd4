"""The catalogue of legal references and the superior documents."""

from __future__ import annotations

import sqlite3

from ..domain.models import LegalRef, SuperiorDoc
from ..domain.text import clean
from .dates import from_iso, to_iso
from .db import inserted_id


def save_ref(conn: sqlite3.Connection, ref: LegalRef, key: str | None = None) -> int:
    """Insert a reference (or update the one with the same key or id); returns its id."""
    vals = (clean(ref.kind), clean(ref.number), to_iso(ref.issued), clean(ref.issuer), clean(ref.summary))
    if ref.id is None and key:
        row = conn.execute("SELECT id FROM legal_refs WHERE key = ?", (key,)).fetchone()
        if row:
            ref.id = row["id"]
    if ref.id is None:
        ref.id = inserted_id(
            conn.execute(
                "INSERT INTO legal_refs (key, kind, number, issued, issuer, summary) VALUES (?, ?, ?, ?, ?, ?)",
                (key, *vals),
            )
        )
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
        sup.id = inserted_id(
            conn.execute(
                "INSERT INTO superior_docs (ref_id, addressee, deadline) VALUES (?, ?, ?)",
                (ref_id, clean(sup.addressee), to_iso(sup.deadline)),
            )
        )
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


def merge_refs(conn: sqlite3.Connection, keep_id: int, drop_ids: list[int]) -> None:
    """The references `drop_ids` become `keep_id` wherever they are cited (a plan's căn cứ, a superior
    document), then are removed; a plan citing both keeps one line, at the first of their places."""
    drop = [d for d in dict.fromkeys(drop_ids) if d != keep_id]
    for d in drop:
        # a plan that cites both: the dropped line goes (the kept one stays where it is)
        conn.execute(
            "DELETE FROM plan_basis WHERE ref_id = ? AND plan_id IN (SELECT plan_id FROM plan_basis WHERE ref_id = ?)",
            (d, keep_id),
        )
        conn.execute("UPDATE plan_basis SET ref_id = ? WHERE ref_id = ?", (keep_id, d))
        conn.execute("UPDATE superior_docs SET ref_id = ? WHERE ref_id = ?", (keep_id, d))
        # the bundled catalogue's key moves to the kept entry, so installing the catalogue again adds nothing
        key = conn.execute("SELECT key FROM legal_refs WHERE id = ?", (d,)).fetchone()
        conn.execute("DELETE FROM legal_refs WHERE id = ?", (d,))
        if key and key[0]:
            conn.execute("UPDATE legal_refs SET key = ? WHERE id = ? AND key IS NULL", (key[0], keep_id))


def uses_of_ref(conn: sqlite3.Connection, ref_id: int) -> int:
    """How many plans and superior documents cite the reference."""
    return (
        conn.execute("SELECT COUNT(*) FROM plan_basis WHERE ref_id = ?", (ref_id,)).fetchone()[0]
        + conn.execute("SELECT COUNT(*) FROM superior_docs WHERE ref_id = ?", (ref_id,)).fetchone()[0]
    )
