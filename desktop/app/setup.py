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


def preset_preview(unit: Unit, today: date | None = None):
    """The preset plan as it would be made for this unit (not stored): what the first-run wizard shows."""
    from ..domain.presets import plan_from_preset
    from ..store import catalogue
    from .plans import guess_roles

    return plan_from_preset(
        catalogue.preset(),
        unit,
        {},
        guess_roles(unit),
        today or date.today(),
        superior_issuer=unit.parent_body,
        superior_short=unit.parent_body or "cấp trên",
    )


def create_unit_database_choosing(
    path: Path, unit: Unit, with_plan: bool, keep_targets: set[tuple[int, int]] | None = None, today: date | None = None
) -> None:
    """A new database at `path` with the unit and, when `with_plan`, a first plan from the preset keeping only
    the targets in `keep_targets` ({(task number, target number)} counted from 0 in plan order; None: all).
    All or nothing, like create_unit_database."""
    from ..domain.presets import plan_from_preset
    from ..store import catalogue, plans
    from .plans import guess_roles

    path.parent.mkdir(parents=True, exist_ok=True)
    conn = db.create(path)
    try:
        with db.transaction(conn):
            units.save_unit(conn, unit)
            if with_plan:
                saved = units.load_unit(conn)
                refs_by_key = catalogue.install_catalogue(conn)
                plan = plan_from_preset(
                    catalogue.preset(),
                    saved,
                    refs_by_key,
                    guess_roles(saved),
                    today or date.today(),
                    superior_issuer=saved.parent_body,
                    superior_short=saved.parent_body or "cấp trên",
                    deadline="10/12",
                )
                plan.doc_date.day = None
                plan.signer_id = saved.signers[0].id if saved.signers else None
                if keep_targets is not None:
                    for i, task in enumerate(plan.tasks()):
                        task.targets = [t for j, t in enumerate(task.targets) if (i, j) in keep_targets]
                plans.insert_plan(conn, plan)
    except BaseException:
        conn.close()
        path.unlink(missing_ok=True)
        raise
    conn.close()
