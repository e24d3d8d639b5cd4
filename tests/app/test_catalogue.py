"""The unit's catalogue of legal references: corrected in place, duplicates merged."""

from datetime import date

import pytest

from desktop import app
from desktop.domain.errors import UserError
from desktop.domain.models import LegalRef, PartialDate, Plan, SuperiorDoc
from desktop.domain.references import cite
from desktop.store import db, plans, refs


def _setup(demo_copy):
    conn = db.open_db(demo_copy)
    with db.transaction(conn):
        twin = LegalRef("Nghị quyết", "57- NQ/TW", date(2024, 12, 22), "Bộ Chính trị")  # typed with a space
        refs.save_ref(conn, twin)
        sup = SuperiorDoc(twin, "Bộ Chính trị")
        refs.save_superior(conn, sup)
        canonical = next(r for r in refs.list_refs(conn) if r.number == "57-NQ/TW")
        pid = plans.insert_plan(conn, Plan("lao", PartialDate(2025), basis=[canonical, twin], superior=sup))
        other = plans.insert_plan(conn, Plan("tim mạch", PartialDate(2025), basis=[twin]))
    return conn, twin, canonical, pid, other


def test_duplicates_found_and_merged_everywhere(demo_copy):
    conn, twin, canonical, pid, other = _setup(demo_copy)
    groups = app.catalogue.duplicates(conn)
    assert [sorted(r.id for r in g) for g in groups] == [sorted([canonical.id, twin.id])]
    assert app.catalogue.merge_references(conn, canonical.id, [twin.id]) == 1
    assert all(r.id != twin.id for r in refs.list_refs(conn))
    assert [r.id for r in plans.load_plan(conn, pid).basis] == [canonical.id]  # cited once, not twice
    assert [r.id for r in plans.load_plan(conn, other).basis] == [canonical.id]
    assert plans.load_plan(conn, pid).superior.ref.id == canonical.id
    assert app.catalogue.duplicates(conn) == []
    with pytest.raises(UserError, match="ít nhất hai"):
        app.catalogue.merge_references(conn, canonical.id, [canonical.id])


def test_a_corrected_reference_is_printed_so_by_every_plan(demo_copy):
    conn, twin, canonical, pid, other = _setup(demo_copy)
    app.catalogue.save_reference(
        conn,
        twin.id,
        "Nghị quyết",
        "57-NQ/TW",
        date(2024, 12, 22),
        "Bộ Chính trị",
        "về đột phá phát triển khoa học, công nghệ",
    )
    assert cite(plans.load_plan(conn, other).basis[0], with_summary=True) == (
        "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ"
    )
    with pytest.raises(UserError, match="loại văn bản và số"):
        app.catalogue.save_reference(conn, twin.id, "", "", None, "", "")
