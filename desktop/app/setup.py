"""First run: a new database for the unit the clerk described, or the demo."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from ..domain.models import Unit
from ..store import db, units
from .plans import insert_preset_plan

DEMO_ACTIVITIES, DEMO_SEED = 150, 1


def create_demo_database(path: Path) -> None:
    """A new database at `path` holding the demo unit, its plan and a year of activities."""
    from ..store.demo import create_demo

    path.parent.mkdir(parents=True, exist_ok=True)
    create_demo(path, DEMO_ACTIVITIES, DEMO_SEED)


def create_unit_database(path: Path, unit: Unit, today: date | None = None) -> None:
    """A new database at `path` with the unit and a first plan from the preset; all or nothing (no file is
    left behind when it fails or is killed)."""
    path.parent.mkdir(parents=True, exist_ok=True)

    def fill(conn) -> None:
        units.save_unit(conn, unit)
        insert_preset_plan(conn, unit, today or date.today(), superior_short=unit.parent_body or "cấp trên")

    db.build(path, fill)  # built beside it, renamed into place when whole
