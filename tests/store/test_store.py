"""The SQLite store: migrations, foreign keys, transactions, round trips, foreign files."""

import sqlite3
from datetime import date

import pytest

from desktop.domain.errors import UserError
from desktop.domain.models import Activity, Department, PartialDate, Plan, PlanItem, Signer, Target, Unit
from desktop.store import activities, db, plans, reports, units


def test_new_database_is_at_latest_version_with_foreign_keys(tmp_path):
    conn = db.create(tmp_path / "a.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == db.LATEST
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA application_id").fetchone()[0] == db.APPLICATION_ID
    with pytest.raises(sqlite3.IntegrityError):
        with db.transaction(conn):
            conn.execute(
                "INSERT INTO activities (start_date, dept_id, form_code, title) VALUES ('2025-01-01', 999, 'khac', 'x')"
            )


def test_create_refuses_existing_file(tmp_path):
    p = tmp_path / "a.db"
    p.write_bytes(b"data")
    with pytest.raises(UserError, match="đã tồn tại"):
        db.create(p)
    assert p.read_bytes() == b"data"


def test_old_schema_upgrades_with_data_intact(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    db.migrate(conn, path, upto=1)
    conn.execute("INSERT INTO unit (id, name, abbr, place) VALUES (1, 'Bệnh viện A', 'BVA', 'Hà Nội')")
    conn.execute("INSERT INTO departments (id, name, abbr) VALUES (1, 'Khoa Lao', 'LAO')")
    conn.execute(
        "INSERT INTO activities (start_date, dept_id, form_code, title, cost) "
        "VALUES ('2025-03-05', 1, 'tin_bai', 'Bài viết cũ', 100000)"
    )
    conn.close()
    conn = db.open_db(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == db.LATEST
    row = conn.execute("SELECT title, cost, source_unit, created_at FROM activities").fetchone()
    assert tuple(row)[:3] == ("Bài viết cũ", 100000, "") and row[3]
    assert units.load_unit(conn).name == "Bệnh viện A"
    backups = list(tmp_path.glob("old.v1-*.bak"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT title FROM activities").fetchone()[0] == "Bài viết cũ"


def test_failed_migration_rolls_back(tmp_path, monkeypatch):
    path = tmp_path / "m.db"
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    db.migrate(conn, path, upto=1)
    conn.close()
    real = db.migrations()
    monkeypatch.setattr(
        db, "migrations", lambda: real + [(99, "0099_bad.sql", "CREATE TABLE t (x); SELECT * FROM nope;")]
    )
    monkeypatch.setattr(db, "LATEST", 99)
    with pytest.raises(UserError, match="0099_bad.sql"):
        db.open_db(path)
    conn = sqlite3.connect(path)
    # every real migration applied, 0099 rolled back
    assert conn.execute("PRAGMA user_version").fetchone()[0] == real[-1][0]
    assert conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 't'").fetchone()[0] == 0


@pytest.mark.parametrize(
    "content, message",
    [
        (b"not a database at all" * 100, "không phải là tệp dữ liệu"),
        (b"", "bị hỏng \\(tệp rỗng \\(0 byte\\)"),  # issue 25.9: an empty data file is damage, recovery offered
    ],
)
def test_foreign_files_are_refused_and_left_alone(tmp_path, content, message):
    p = tmp_path / "x.db"
    p.write_bytes(content)
    with pytest.raises(UserError, match=message):
        db.open_db(p)
    assert p.read_bytes() == content


def test_foreign_sqlite_database_is_refused(tmp_path):
    p = tmp_path / "other.db"
    c = sqlite3.connect(p)
    c.execute("CREATE TABLE t (x)")
    c.commit()
    c.close()
    before = p.read_bytes()
    with pytest.raises(UserError, match="không phải là tệp dữ liệu"):
        db.open_db(p)
    assert p.read_bytes() == before


def test_missing_file_is_not_created(tmp_path):
    with pytest.raises(UserError, match="Không tìm thấy"):
        db.open_db(tmp_path / "none.db")
    assert not (tmp_path / "none.db").exists()


def test_newer_database_is_refused(tmp_path):
    p = tmp_path / "new.db"
    conn = db.create(p)
    conn.execute(f"PRAGMA user_version = {db.LATEST + 1}")
    conn.close()
    with pytest.raises(UserError, match="phiên bản mới hơn"):
        db.open_db(p)


def test_unit_plan_activity_report_round_trip(tmp_path):
    conn = db.create(tmp_path / "r.db")
    unit = Unit(
        "Bệnh viện\u00a0A ",
        "bva",
        "Hà Nội",
        "Sở Y tế",
        departments=[Department("Khoa Lao", "LAO"), Department("Phòng KHTH", "KHTH")],
        signers=[Signer("kt. giám đốc", "Nguyễn Văn A", "phó giám đốc")],
        recipients=["Sở Y tế (báo cáo)"],
    )
    with db.transaction(conn):
        units.save_unit(conn, unit)
    u = units.load_unit(conn)
    assert (u.name, u.abbr, u.signers[0].lines) == ("Bệnh viện A", "BVA", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])
    lao, khth = (d.id for d in u.departments)
    task = PlanItem(
        "section",
        "Chủ đề",
        is_task=True,
        lead_dept_id=lao,
        coord_dept_ids=[khth],
        time_frame="Quý IV",
        targets=[Target(12, "tin_bai"), Target(3, "khac", "buổi")],
        children=[PlanItem("bullet", "Ý một"), PlanItem("bullet", "Ý hai")],
    )
    plan = Plan("Tiêu đề", PartialDate(2025, 9), items=[PlanItem("section", "NỘI DUNG", children=[task])])
    with db.transaction(conn):
        pid = plans.insert_plan(conn, plan)
        activities.insert_activities(conn, [Activity(date(2025, 10, 1), lao, "tin_bai", "Bài", task_id=task.id)])
    p = plans.load_plan(conn, pid)
    t = p.tasks()[0]
    assert (p.number, p.doc_date.day, p.doc_date.month) == (None, None, 9)
    assert (t.text, t.lead_dept_id, t.coord_dept_ids, t.time_frame) == ("Chủ đề", lao, [khth], "Quý IV")
    assert [(x.quantity, x.form_code, x.unit_label) for x in t.targets] == [(12, "tin_bai", ""), (3, "khac", "buổi")]
    assert [c.text for c in t.children] == ["Ý một", "Ý hai"]
    acts = activities.load_activities(conn)
    assert acts[0].task_id == t.id and acts[0].title == "Bài"
    with pytest.raises(UserError, match="mã số 999"):
        plans.load_plan(conn, 999)


def test_report_texts_are_kept_and_blank_returns_to_draft(demo_copy):
    conn = db.open_db(demo_copy)
    pid = plans.latest_plan_id(conn)
    r = reports.latest_report(conn, pid)
    with db.transaction(conn):
        reports.set_text(conn, r.id, "uu_diem", "Nội dung do văn thư viết.")
    assert reports.latest_report(conn, pid).texts["uu_diem"] == "Nội dung do văn thư viết."
    with db.transaction(conn):
        reports.set_text(conn, r.id, "uu_diem", "   ")
    assert "uu_diem" not in reports.latest_report(conn, pid).texts


def test_transaction_rolls_back_everything(demo_copy):
    conn = db.open_db(demo_copy)
    before = activities.count_activities(conn)
    with pytest.raises(RuntimeError):
        with db.transaction(conn):
            activities.insert_activities(conn, [Activity(date(2025, 1, 1), None, "khac", "x")] * 3)
            raise RuntimeError("stop")
    assert activities.count_activities(conn) == before


def test_profile_update_and_activity_counts(tmp_path):
    conn = db.create(tmp_path / "c.db")
    unit = Unit(
        "Bệnh viện A",
        "BVA",
        "Hà Nội",
        "Sở Y tế",
        departments=[Department("Khoa Lao", "LAO"), Department("Phòng KHTH", "KHTH")],
    )
    with db.transaction(conn):
        units.save_unit(conn, unit)
        units.update_profile(conn, " Bệnh viện\u00a0B ", "bvb", "Lâm Đồng", "")
    u = units.load_unit(conn)
    assert (u.name, u.abbr, u.place, u.parent_body, len(u.departments)) == ("Bệnh viện B", "BVB", "Lâm Đồng", "", 2)
    lao, khth = (d.id for d in u.departments)
    task = PlanItem("section", "Nhiệm vụ", is_task=True)
    other = PlanItem("section", "Nhiệm vụ khác", is_task=True)
    with db.transaction(conn):
        pid = plans.insert_plan(conn, Plan("Kế hoạch 1", PartialDate(2025, 9), items=[task]))
        plans.insert_plan(conn, Plan("Kế hoạch 2", PartialDate(2025, 9), items=[other]))
        activities.insert_activities(
            conn,
            [
                Activity(date(2025, 10, 1), lao, "tin_bai", "Bài 1", task_id=task.id),
                Activity(date(2025, 10, 2), lao, "tin_bai", "Bài 2", task_id=other.id),
                Activity(date(2025, 10, 3), khth, "khac", "Việc", task_id=None),
            ],
        )
    assert (activities.count_for_department(conn, lao), activities.count_for_department(conn, khth)) == (2, 1)
    assert (activities.count_for_task(conn, task.id), activities.count_for_task(conn, other.id)) == (1, 1)
    assert activities.count_for_plan(conn, pid) == 1


def test_inserted_id_is_the_new_rows_id_and_refuses_a_cursor_that_wrote_none(tmp_path):
    conn = db.create(tmp_path / "a.db")
    cur = conn.execute("INSERT INTO legal_refs (kind, number, issuer, summary) VALUES ('Kế hoạch', '1/KH', 'x', 'y')")
    assert db.inserted_id(cur) == conn.execute("SELECT max(id) FROM legal_refs").fetchone()[0]
    with pytest.raises(RuntimeError, match="no row"):
        db.inserted_id(conn.cursor())  # no statement run on it: sqlite3 leaves lastrowid None
