"""Rotating backups in sao_luu/ next to the database, and restoring one into the live database."""

import shutil
import sqlite3
from datetime import date, datetime, timedelta

import pytest

from desktop.domain.errors import UserError
from desktop.store import backups, db, units
from desktop.store.activities import count_activities

T0 = datetime(2025, 3, 4, 8, 30, 0)


@pytest.fixture
def live(demo_copy):
    conn = db.open_db(demo_copy)
    yield demo_copy, conn
    conn.close()


def _delete_from(conn, first_id: int) -> None:
    with db.transaction(conn):
        conn.execute("DELETE FROM activities WHERE id >= ?", (first_id,))


def _damage(path) -> None:
    """Junk over every page but the first and the last: the header still reads, the b-trees do not."""
    data = bytearray(path.read_bytes())
    for i in range(4096, len(data) - 4096):
        data[i] = (i * 7 + 13) % 256
    path.write_bytes(bytes(data))


def test_backup_is_consistent_and_standalone_while_a_write_is_pending(live, tmp_path):
    path, conn = live
    conn.execute("PRAGMA wal_autocheckpoint = 0")  # the committed delete stays in the -wal file
    _delete_from(conn, 101)
    assert (tmp_path / "demo.db-wal").stat().st_size > 0
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM activities")  # pending, not committed
    try:
        made = backups.make_backup(conn, path, backups.START, now=T0)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert made.parent == tmp_path / "sao_luu"
    assert made.name == "demo-20250304-083000-khoi-dong.db"
    assert sorted(p.name for p in made.parent.iterdir()) == [made.name]  # no -wal, no half-written part
    alone = tmp_path / "elsewhere" / "copy.db"
    alone.parent.mkdir()
    shutil.copy(made, alone)
    copy = sqlite3.connect(alone)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert copy.execute("PRAGMA application_id").fetchone()[0] == db.APPLICATION_ID
    assert copy.execute("SELECT count(*) FROM activities").fetchone()[0] == 100  # committed yes, pending no
    copy.close()


def test_list_newest_first_with_counts_reasons_and_unreadable_files(live, tmp_path):
    path, conn = live
    first = backups.make_backup(conn, path, backups.START, now=T0)
    _delete_from(conn, 51)
    daily = backups.make_backup(conn, path, backups.DAILY, now=T0 + timedelta(days=1))
    same_second = backups.make_backup(conn, path, backups.DAILY, now=T0 + timedelta(days=1))
    manual = backups.make_backup(conn, path, backups.MANUAL, now=T0 + timedelta(days=2))
    broken = backups.make_backup(conn, path, backups.START, now=T0 + timedelta(days=3))
    broken.write_bytes(b"\x00" * 100 + broken.read_bytes()[100:])  # header gone
    foreign = tmp_path / "sao_luu" / "demo-20250310-090000-khoi-dong.db"
    sqlite3.connect(foreign).execute("CREATE TABLE activities (x)").connection.close()
    # neither another database's backup nor a stray file is listed
    (tmp_path / "sao_luu" / "other-20250305-083000-khoi-dong.db").write_bytes(first.read_bytes())
    (tmp_path / "sao_luu" / "ghi chu.txt").write_text("x")
    listed = backups.list_backups(path)
    assert [b.path for b in listed] == [foreign, broken, manual, same_second, daily, first]
    assert same_second.name == "demo-20250305-083000-2-hang-ngay.db"
    assert [b.label for b in listed] == [
        "khởi động",
        "khởi động",
        "sao lưu ngay",
        "hằng ngày",
        "hằng ngày",
        "khởi động",
    ]
    assert [b.activities for b in listed] == [None, None, 50, 50, 50, 150]
    assert listed[0].problem == "không phải tệp của ứng dụng" and not listed[1].readable
    assert listed[-1].created == T0 and listed[-1].size == first.stat().st_size
    assert listed[-1].automatic and not listed[2].automatic


def test_prune_keeps_the_newest_automatic_backups_and_the_safety_copies_apart(live):
    path, conn = live
    auto = [
        backups.make_backup(conn, path, backups.START if i % 2 else backups.DAILY, now=T0 + timedelta(hours=i))
        for i in range(6)
    ]
    safety = [
        backups.make_backup(conn, path, backups.MANUAL, now=T0 - timedelta(days=1)),
        backups.make_backup(conn, path, backups.BEFORE_RESTORE, now=T0 - timedelta(days=2)),
    ]
    deleted = backups.prune(path, keep=3)
    assert sorted(deleted) == sorted(auto[:3])
    assert sorted(b.path for b in backups.list_backups(path)) == sorted(auto[3:] + safety)
    # the backup just made stays even when its stamp is not the newest (clock set back)
    late = backups.make_backup(conn, path, backups.START, now=T0 - timedelta(days=5))
    backups.prune(path, keep=1, protect=late)
    assert sorted(b.path for b in backups.list_backups(path)) == sorted([auto[5], late, safety[0]])


def test_daily_backup_is_due_once_per_day(live):
    path, conn = live
    today = date(2025, 3, 4)
    assert backups.due_daily(path, today)
    backups.make_backup(conn, path, backups.START, now=datetime(2025, 3, 3, 23, 59, 59))
    assert backups.due_daily(path, today)
    backups.make_backup(conn, path, backups.DAILY, now=datetime(2025, 3, 4, 0, 0, 1))
    assert not backups.due_daily(path, today)
    assert backups.due_daily(path, today + timedelta(days=1))


def test_restore_backs_up_the_current_state_then_brings_back_the_old_rows(live, tmp_path):
    path, conn = live
    reader = db.open_db(path)  # a worker's connection open during the restore
    old = backups.make_backup(conn, path, backups.START, now=T0)
    name = units.load_unit(conn).name
    _delete_from(conn, 11)
    with db.transaction(conn):
        conn.execute("UPDATE unit SET name = 'Đơn vị đã đổi tên'")
    before = backups.restore(conn, path, old, now=T0 + timedelta(hours=2))
    assert before.name == "demo-20250304-103000-truoc-khoi-phuc.db"
    assert count_activities(conn) == 150 and units.load_unit(conn).name == name
    assert count_activities(reader) == 150
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    saved = {b.path: b.activities for b in backups.list_backups(path)}
    assert saved == {old: 150, before: 10}
    assert not list((tmp_path / "sao_luu").glob("*.tmp*"))
    reader.close()
    conn.close()
    again = db.open_db(path)
    assert count_activities(again) == 150
    again.close()
    # and back again: the state before the restore is itself restorable
    conn = db.open_db(path)
    backups.restore(conn, path, before)
    assert count_activities(conn) == 10 and units.load_unit(conn).name == "Đơn vị đã đổi tên"
    conn.close()


def _foreign_sqlite(p):
    c = sqlite3.connect(p)
    c.execute("CREATE TABLE activities (id INTEGER PRIMARY KEY)")
    c.execute("INSERT INTO activities VALUES (1)")
    c.commit()
    c.close()


def _newer(p):
    c = sqlite3.connect(p)
    c.execute(f"PRAGMA application_id = {db.APPLICATION_ID}")
    c.execute(f"PRAGMA user_version = {db.LATEST + 1}")
    c.execute("CREATE TABLE activities (id INTEGER PRIMARY KEY)")
    c.commit()
    c.close()


@pytest.mark.parametrize(
    "spoil, message",
    [
        (
            _damage,
            r"^Bản sao lưu demo-20250304-083000-khoi-dong\.db bị hỏng nên không khôi phục được; "
            r"dữ liệu hiện tại giữ nguyên\.$",
        ),
        (lambda p: p.write_bytes(p.read_bytes()[:5000]), "bị hỏng"),
        (
            lambda p: p.write_bytes(b"not a database at all " * 300),
            r"^Tệp demo-20250304-083000-khoi-dong\.db bị hỏng hoặc không phải là tệp dữ liệu, nên không khôi phục được; "
            r"dữ liệu hiện tại giữ nguyên\.$",
        ),
        (
            lambda p: (p.unlink(), _foreign_sqlite(p)),
            r"^Tệp demo-20250304-083000-khoi-dong\.db không phải là bản sao lưu của ứng dụng; dữ liệu hiện tại giữ nguyên\.$",
        ),
        (
            lambda p: (p.unlink(), _newer(p)),
            r"^Bản sao lưu demo-20250304-083000-khoi-dong\.db do phiên bản mới hơn của ứng dụng tạo ra; hãy cập nhật "
            r"ứng dụng rồi khôi phục\. Dữ liệu hiện tại giữ nguyên\.$",
        ),
    ],
    ids=["damaged", "truncated", "not-sqlite", "foreign-sqlite", "newer-schema"],
)
def test_restore_refuses_a_damaged_or_foreign_file_and_leaves_the_live_data(live, spoil, message):
    path, conn = live
    made = backups.make_backup(conn, path, backups.START, now=T0)
    spoil(made)
    _delete_from(conn, 21)
    with pytest.raises(UserError, match=message):
        backups.restore(conn, path, made)
    assert count_activities(conn) == 20
    assert [b.path for b in backups.list_backups(path)] == [made]  # no "before restore" copy either
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restore_is_abandoned_when_the_current_state_cannot_be_backed_up(live, monkeypatch):
    path, conn = live
    made = backups.make_backup(conn, path, backups.START, now=T0)
    _delete_from(conn, 21)

    def full(source, dest):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(db, "copy_to", full)
    with pytest.raises(UserError, match="ổ đĩa chứa thư mục .* đã đầy"):
        backups.restore(conn, path, made)
    assert count_activities(conn) == 20


def test_an_older_schema_backup_is_migrated_when_restored(live, tmp_path):
    path, conn = live
    old = tmp_path / "sao_luu" / "demo-20240101-070000-khoi-dong.db"
    old.parent.mkdir()
    c = sqlite3.connect(old)
    c.isolation_level = None
    db.migrate(c, upto=1)
    c.execute("INSERT INTO unit (id, name, abbr, place) VALUES (1, 'Bệnh viện Cũ', 'BVC', 'Huế')")
    c.execute("INSERT INTO departments (id, name, abbr) VALUES (1, 'Khoa Lao', 'LAO')")
    c.execute(
        "INSERT INTO activities (start_date, dept_id, form_code, title) VALUES ('2024-05-02', 1, 'tin_bai', 'Bài cũ')"
    )
    c.close()
    assert [(b.path, b.activities) for b in backups.list_backups(path)] == [(old, 1)]
    backups.restore(conn, path, old)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == db.LATEST
    row = conn.execute("SELECT title, source_unit, source_dept FROM activities").fetchone()
    assert tuple(row) == ("Bài cũ", "", "")
    assert units.load_unit(conn).name == "Bệnh viện Cũ"
    assert sqlite3.connect(old).execute("PRAGMA user_version").fetchone()[0] == 1  # the backup itself unchanged


def test_a_backup_that_cannot_be_written_is_a_clear_message(live, tmp_path, monkeypatch):
    path, conn = live
    (tmp_path / "sao_luu").write_text("a file where the folder should be")
    with pytest.raises(UserError) as e:
        backups.make_backup(conn, path, backups.START)
    assert str(e.value) == (
        f"Không sao lưu được dữ liệu: không ghi được vào thư mục {tmp_path / 'sao_luu'}. "
        "Dữ liệu hiện tại không bị ảnh hưởng."
    )
    assert backups.list_backups(path) == [] and backups.due_daily(path, date.today())
    (tmp_path / "sao_luu").unlink()
    real = db.copy_to

    def fills_the_disk(source, dest):
        real(source, dest)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(db, "copy_to", fills_the_disk)
    with pytest.raises(UserError) as e:
        backups.make_backup(conn, path, backups.DAILY)
    assert str(e.value) == (
        f"Không sao lưu được dữ liệu: ổ đĩa chứa thư mục {tmp_path / 'sao_luu'} đã đầy. "
        "Dữ liệu hiện tại không bị ảnh hưởng."
    )
    assert list((tmp_path / "sao_luu").iterdir()) == []  # the half-written file is gone
    assert count_activities(conn) == 150
