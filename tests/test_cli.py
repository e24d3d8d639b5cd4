"""The command line contract (spec/cli.md): success paths and every kind of bad input."""

import errno
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import cli
from desktop.store import activities, db

pytestmark = pytest.mark.slow  # subprocesses, generated documents or big inputs: the full run only

ROOT = Path(__file__).resolve().parent.parent


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True, cwd=cwd or ROOT, timeout=300
    )


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def assert_one_line_error(res):
    assert res.returncode != 0
    assert "Traceback" not in res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    return lines[0]


def test_demo_is_deterministic_and_refuses_to_overwrite(tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    assert run("demo", "--db", a, "--activities", 40, "--seed", 7).returncode == 0
    assert run("demo", "--db", b, "--activities", 40, "--seed", 7).returncode == 0
    rows = [
        [
            tuple(r)
            for r in db.open_db(p).execute(
                "SELECT start_date, dept_id, task_id, form_code, title, quantity, participants, cost FROM activities ORDER BY id"
            )
        ]
        for p in (a, b)
    ]
    assert rows[0] == rows[1] and len(rows[0]) == 40
    before = digest(a)
    res = run("demo", "--db", a)
    assert "đã tồn tại" in assert_one_line_error(res)
    assert digest(a) == before


def test_demo_is_realistic(demo_db):
    conn = db.open_db(demo_db)
    acts = activities.load_activities(conn)
    assert len(acts) == 150
    assert len({a.form_code for a in acts}) == 10
    assert len({a.dept_id for a in acts}) >= 8
    assert {a.start.month for a in acts} == set(range(1, 13))
    assert conn.execute("SELECT COUNT(*) FROM item_targets").fetchone()[0] >= 5
    assert conn.execute("SELECT COUNT(*) FROM signers").fetchone()[0] >= 1


def test_render_plan_and_report(demo_db, tmp_path):
    res = run("render", "plan", "--db", demo_db, "--out", tmp_path / "kh.docx")
    assert res.returncode == 0, res.stderr
    res = run(
        "render",
        "report",
        "--db",
        demo_db,
        "--out",
        tmp_path / "bc.docx",
        "--plan",
        1,
        "--from",
        "2025-04-01",
        "--to",
        "2025-06-30",
    )
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "kh.docx").stat().st_size > 10000 and (tmp_path / "bc.docx").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


@pytest.mark.parametrize(
    "args, expected",
    [
        (["render", "plan", "--db", "{missing}", "--out", "{out}"], "Không tìm thấy tệp dữ liệu"),
        (["render", "plan", "--db", "{foreign}", "--out", "{out}"], "không phải là tệp dữ liệu"),
        (["render", "plan", "--db", "{db}", "--out", "{out}", "--plan", "42"], "mã số 42"),
        (["render", "plan", "--db", "{db}", "--out", "{out}", "--plan", "abc"], "số nguyên"),
        (
            ["render", "report", "--db", "{db}", "--out", "{out}", "--from", "2025-13-01", "--to", "2025-12-31"],
            "Ngày không hợp lệ",
        ),
        (
            ["render", "report", "--db", "{db}", "--out", "{out}", "--from", "2025-12-01", "--to", "2025-01-31"],
            "Kỳ báo cáo không hợp lệ",
        ),
        (["render", "report", "--db", "{db}", "--out", "{out}", "--from", "2025-12-01"], "--from và --to"),
        (["render", "plan", "--db", "{db}", "--out", "{nodir}"], "không tồn tại"),
        (["render", "plan", "--db", "{db}", "--out", "{underfile}"], "không phải là thư mục"),
        (["render", "plan", "--db", "{db}", "--out", "{locked}"], "đang được mở"),
        (["render", "plan", "--db", "{db}"], "thiếu tham số"),
        (["frobnicate"], "Lệnh không đúng"),
        (["demo", "--db", "{db}", "--activities", "-5"], "số nguyên"),
        (["check", "{foreign}"], ""),
    ],
)
def test_bad_input_gives_one_vietnamese_line_and_changes_nothing(demo_copy, tmp_path, args, expected):
    foreign = tmp_path / "foreign.db"
    foreign.write_bytes(b"PK\x03\x04 not really anything")
    (tmp_path / "afile.txt").write_text("x")
    locked = tmp_path / "open.docx"
    locked.write_bytes(b"old content")
    (tmp_path / ".~lock.open.docx#").write_text("someone,host")
    paths = {
        "db": demo_copy,
        "missing": tmp_path / "missing.db",
        "foreign": foreign,
        "out": tmp_path / "o.docx",
        "nodir": tmp_path / "no" / "such" / "o.docx",
        "underfile": tmp_path / "afile.txt" / "o.docx",
        "locked": locked,
    }
    before = digest(demo_copy)
    res = run(*[a.format(**paths) for a in args])
    line = assert_one_line_error(res)
    assert expected in line
    assert digest(demo_copy) == before
    assert not (tmp_path / "o.docx").exists() and not (tmp_path / "missing.db").exists()
    assert locked.read_bytes() == b"old content"


def test_unwritable_folder_and_locked_target_in_process(demo_copy, tmp_path, monkeypatch, capsys):
    import tempfile

    def deny(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", deny)
    assert cli.main(["render", "plan", "--db", str(demo_copy), "--out", str(tmp_path / "x.docx")]) == 1
    assert "Không có quyền ghi vào thư mục" in capsys.readouterr().err
    monkeypatch.undo()

    target = tmp_path / "word.docx"
    target.write_bytes(b"open in Word")
    import os

    monkeypatch.setattr(os, "replace", deny)
    assert cli.main(["render", "plan", "--db", str(demo_copy), "--out", str(target)]) == 1
    err = capsys.readouterr().err
    assert "đang được mở" in err and "Traceback" not in err
    assert target.read_bytes() == b"open in Word"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_full_disk_keeps_old_file(demo_copy, tmp_path, monkeypatch, capsys):
    import os

    target = tmp_path / "kh.docx"
    target.write_bytes(b"previous version")

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    assert cli.main(["render", "plan", "--db", str(demo_copy), "--out", str(target)]) == 1
    assert "Ổ đĩa đã đầy" in capsys.readouterr().err
    assert target.read_bytes() == b"previous version"


def test_version():
    res = run("--version")
    assert res.returncode == 0 and "0." in res.stdout


def test_pdf_without_libreoffice_or_word_says_so(demo_copy, tmp_path, monkeypatch, capsys):
    from desktop.docgen import pdf

    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    monkeypatch.setattr(pdf, "_word_available", lambda: False)
    assert cli.main(["render", "plan", "--db", str(demo_copy), "--out", str(tmp_path / "kh.docx"), "--pdf"]) == 1
    err = capsys.readouterr().err
    assert "chưa cài LibreOffice hoặc Microsoft Word" in err
    assert (tmp_path / "kh.docx").exists() and not (tmp_path / "kh.pdf").exists()


def test_broken_user_template_is_reported_by_name(demo_copy, tmp_path):
    from docx import Document

    bad = tmp_path / "mau_don_vi.docx"
    doc = Document()
    doc.add_paragraph("{% for x in blocks %}{{ x.text }")
    doc.save(bad)
    res = run("render", "plan", "--db", demo_copy, "--out", tmp_path / "o.docx", "--template", bad)
    line = assert_one_line_error(res)
    assert "mau_don_vi.docx" in line and "lỗi" in line
    assert not (tmp_path / "o.docx").exists()


def test_sandbox_blocks_python_internals_in_user_templates(demo_copy, tmp_path):
    from docx import Document

    evil = tmp_path / "evil.docx"
    doc = Document()
    doc.add_paragraph("{{ blocks.__class__.__mro__[1].__subclasses__() }}")
    doc.save(evil)
    res = run("render", "plan", "--db", demo_copy, "--out", tmp_path / "o.docx", "--template", evil)
    assert_one_line_error(res)
    assert not (tmp_path / "o.docx").exists()


def test_unknown_field_in_user_template_is_named(demo_copy, tmp_path):
    from docx import Document

    tpl = tmp_path / "mau.docx"
    doc = Document()
    doc.add_paragraph("{{ ten_truong_la }}")
    doc.save(tpl)
    res = run("render", "plan", "--db", demo_copy, "--out", tmp_path / "o.docx", "--template", tpl)
    assert "ten_truong_la" in assert_one_line_error(res)
