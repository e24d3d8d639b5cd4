"""The unit's kind and level stored (migration 0012, issue 23): an older database keeps reading them from the
unit's name and parent body; a kind the clerk chose is kept and read back."""

from __future__ import annotations

import sqlite3

from desktop.app import units as app_units
from desktop.domain.duties import kind_of, level_of
from desktop.domain.models import Unit
from desktop.store import db, units


def test_a_version_11_database_gets_empty_kind_and_level_read_from_its_name(tmp_path):
    path = tmp_path / "cu.db"
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    db.migrate(conn, path, upto=11)
    conn.execute(
        "INSERT INTO unit (id, name, abbr, place, parent_body) "
        "VALUES (1, 'Trung tâm Y tế khu vực Ninh Hòa', 'TTYT', 'Khánh Hòa', 'Sở Y tế tỉnh Khánh Hòa')"
    )
    conn.close()
    conn = db.open_db(path)
    assert db.version_of(conn) >= 12
    unit = units.load_unit(conn)
    assert (unit.kind, unit.level) == ("", "")
    assert (kind_of(unit), level_of(unit)) == ("trung_tam_y_te", "so")
    conn.close()


def test_kind_and_level_chosen_are_kept(tmp_path):
    conn = db.create(tmp_path / "d.db")
    units.save_unit(conn, Unit("Trung tâm Kiểm soát bệnh tật tỉnh", "CDC", "Khánh Hòa", "Sở Y tế", kind="trung_tam"))
    assert (units.load_unit(conn).kind, units.load_unit(conn).level) == ("trung_tam", "")
    app_units.save_kind(conn, "benh_vien", "bo")
    unit = units.load_unit(conn)
    assert (unit.kind, unit.level, unit.name) == ("benh_vien", "bo", "Trung tâm Kiểm soát bệnh tật tỉnh")
    conn.close()
