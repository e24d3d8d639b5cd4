"""The unit's own channels stored (migration 0013, issue 23 point 3): an older database reads none; the lines
the clerk typed are kept, blank lines dropped."""

from __future__ import annotations

import sqlite3

from desktop.app import units as app_units
from desktop.domain.models import Unit
from desktop.store import db, units


def test_a_version_12_database_has_no_channels(tmp_path):
    path = tmp_path / "cu.db"
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    db.migrate(conn, path, upto=12)
    conn.execute(
        "INSERT INTO unit (id, name, abbr, place, parent_body) "
        "VALUES (1, 'Bệnh viện Phổi Khánh Hòa', 'BVPKH', 'Khánh Hòa', 'Sở Y tế tỉnh Khánh Hòa')"
    )
    conn.close()
    conn = db.open_db(path)
    assert db.version_of(conn) >= 13
    assert units.load_unit(conn).channels == []
    conn.close()


def test_channels_typed_are_kept(tmp_path):
    conn = db.create(tmp_path / "d.db")
    units.save_unit(conn, Unit("Bệnh viện Phổi Khánh Hòa", "BVPKH", "Khánh Hòa", channels=["Fanpage bệnh viện"]))
    assert units.load_unit(conn).channels == ["Fanpage bệnh viện"]
    app_units.set_channels(conn, ["Trang thông tin điện tử  bvphoi.vn", "", "  bảng tin ", "loa nội bộ"])
    unit = units.load_unit(conn)
    assert unit.channels == ["Trang thông tin điện tử bvphoi.vn", "bảng tin", "loa nội bộ"]
    assert unit.name == "Bệnh viện Phổi Khánh Hòa"
    conn.close()
