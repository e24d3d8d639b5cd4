"""python -m desktop evidence-zip: the dossier from the command line."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop import app
from desktop.store import db

pytestmark = pytest.mark.slow  # subprocesses, generated documents or big inputs: the full run only

ROOT = Path(__file__).resolve().parents[2]


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        encoding="utf-8",
    )


def test_evidence_zip_writes_the_dossier_of_a_period(demo_copy, tmp_path):
    conn = db.open_db(demo_copy)
    try:
        plan_id = app.resolve_plan_id(conn, None)
        start, end = app.period_of_plan(conn, plan_id, "q1")
        first = app.compile_for(conn, plan_id, start, end)[3].activities[0]
        (tmp_path / "ảnh.jpg").write_bytes(b"anh" * 10)
        app.evidence.attach(conn, first.id, [tmp_path / "ảnh.jpg"])
    finally:
        conn.close()
    out = tmp_path / "ho_so.zip"
    r = run("evidence-zip", "--db", demo_copy, "--out", out, "--period", "q1", "--no-pdf")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"Đã ghi {out}: 1 tệp minh chứng, không kèm PDF"
    names = zipfile.ZipFile(out).namelist()
    assert names[:2] == ["Báo cáo.docx", "Phụ lục.xlsx"]
    assert [n for n in names if n.startswith("001 - ")] == [app.evidence.safe_name(f"001 - {first.title}") + "/ảnh.jpg"]


def test_evidence_zip_refuses_another_suffix_and_the_database(demo_copy, tmp_path):
    r = run("evidence-zip", "--db", demo_copy, "--out", tmp_path / "ho_so.docx")
    assert r.returncode != 0 and ".zip" in r.stderr
    r = run("evidence-zip", "--db", demo_copy, "--out", tmp_path / "sao_luu" / "x.zip")
    assert r.returncode != 0
