"""A database whose header is zeroed, or which is empty (0 bytes), is damage like a half-cut file: refused
with its newest good backup named and recovery offered, never "not a file of the app". A file that was never
a database of the app (no backup of it, not SQLite) is still refused as foreign."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.domain.errors import UserError
from desktop.store import backups, db
from desktop.store.demo import create_demo

T0 = datetime(2025, 3, 4, 8, 30, 0)


@pytest.fixture
def backed_up(tmp_path):
    p = tmp_path / "v.db"
    create_demo(p, 300, 1)
    conn = db.open_db(p)
    good = backups.make_backup(conn, p, backups.START, now=T0)
    conn.close()
    return p, good


def _refused(p):
    before = p.read_bytes()
    with pytest.raises(db.Damaged) as e:
        db.open_db(p)
    assert p.read_bytes() == before  # nothing written into it
    return e.value


@pytest.mark.parametrize("zeros", [100, 4096])
def test_a_zeroed_header_names_the_newest_good_backup(backed_up, zeros):
    p, good = backed_up
    data = p.read_bytes()
    p.write_bytes(b"\0" * zeros + data[zeros:])
    e = _refused(p)
    assert e.backup is not None and e.backup.path == good
    msg = str(e)
    assert "bị hỏng" in msg and good.name in msg and "300 hoạt động" in msg and "restore --db" in msg
    assert "không phải là tệp dữ liệu" not in msg


def test_an_empty_file_names_the_newest_good_backup(backed_up):
    p, good = backed_up
    p.write_bytes(b"")
    e = _refused(p)
    assert e.backup is not None and e.backup.path == good and e.empty
    assert "rỗng (0 byte)" in str(e) and good.name in str(e)


def test_an_empty_file_without_backup_says_there_is_nothing_to_recover(tmp_path):
    p = tmp_path / "v.db"
    p.write_bytes(b"")
    e = _refused(p)
    assert e.backup is None and e.empty
    msg = str(e)
    assert "rỗng (0 byte)" in msg and "không có bản sao lưu" in msg and "bắt đầu lại" in msg
    assert "salvage" not in msg  # nothing to salvage


def test_a_zeroed_header_without_backup_is_damage_too(tmp_path):
    p = tmp_path / "v.db"
    create_demo(p, 50, 1)
    data = p.read_bytes()
    p.write_bytes(b"\0" * 100 + data[100:])
    e = _refused(p)
    assert e.backup is None and not e.empty and "bị hỏng" in str(e)


def test_junk_over_the_header_of_a_backed_up_database_is_damage(backed_up):
    p, good = backed_up
    data = p.read_bytes()
    p.write_bytes(bytes((i * 91 + 7) % 256 for i in range(4096)) + data[4096:])
    e = _refused(p)
    assert e.backup is not None and e.backup.path == good


def test_a_foreign_file_is_still_not_a_file_of_the_app(tmp_path):
    p = tmp_path / "bao_cao.docx"
    p.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
    with pytest.raises(UserError, match="không phải là tệp dữ liệu của ứng dụng") as e:
        db.open_db(p)
    assert not isinstance(e.value, db.Damaged)
