"""Bundled data: the legal-reference catalogue, plan presets and demo text pools."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from functools import cache

from ..domain.models import LegalRef
from ..paths import resource
from .refs import save_ref


@cache
def load_json(*parts: str):
    with open(resource(*parts), encoding="utf-8") as f:
        return json.load(f)


def catalogue() -> list[tuple[str, LegalRef]]:
    return [
        (
            e["key"],
            LegalRef(
                e["kind"],
                e["number"],
                date.fromisoformat(e["issued"]) if e.get("issued") else None,
                e.get("issuer", ""),
                e.get("summary", ""),
            ),
        )
        for e in load_json("legal_refs.json")
    ]


def install_catalogue(conn: sqlite3.Connection) -> dict[str, LegalRef]:
    """Put the bundled references into the database (by key; existing ones are kept)."""
    out = {}
    for key, ref in catalogue():
        row = conn.execute("SELECT id FROM legal_refs WHERE key = ?", (key,)).fetchone()
        if row:
            ref.id = row["id"]
        else:
            save_ref(conn, ref, key)
        out[key] = ref
    return out


def preset(key: str = "truyen_thong_nq57") -> dict:
    return load_json("presets", f"{key}.json")
