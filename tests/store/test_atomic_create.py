"""`demo` and the first-run wizard build the database aside and rename it into place: killed (SIGKILL) at
any moment or out of disk, they leave no file where the database goes, and a retry succeeds."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date

import pytest

from desktop import app, cli
from desktop.domain.errors import UserError
from desktop.store import db
from desktop.store.demo import create_demo


def _complete(path) -> bool:
    c = sqlite3.connect(path)
    try:
        return (
            c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            and c.execute("SELECT count(*) FROM plans").fetchone()[0] == 1
        )
    finally:
        c.close()


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_demo_leaves_nothing_or_the_whole_database(tmp_path):
    def run(target, kill_after=None):
        proc = subprocess.Popen(
            [sys.executable, "-m", "desktop", "demo", "--db", str(target), "--activities", "3000"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if kill_after is None:
            return proc.wait(timeout=300)
        time.sleep(kill_after)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        return None

    t = time.perf_counter()
    assert run(tmp_path / "full.db") == 0
    duration = time.perf_counter() - t
    for i, frac in enumerate((0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0)):
        target = tmp_path / f"k{i}.db"
        run(target, duration * frac)
        assert not target.exists() or _complete(target), f"kill at {frac:.2f}"
        if not target.exists():  # the retry works, and cleans the killed build's leftover
            assert cli.main(["demo", "--db", str(target), "--activities", "5"]) == 0
            assert _complete(target)
            assert [f.name for f in tmp_path.iterdir() if f.name.startswith(f".{target.name}")] == []


@pytest.mark.parametrize("maker", ["demo", "unit"])
def test_a_full_disk_during_creation_leaves_no_file(tmp_path, monkeypatch, maker, demo_db):
    from desktop.store import units as store_units

    target = tmp_path / "sub" / "v.db"
    calls = {"n": 0}

    def full(*a, **k):
        calls["n"] += 1
        raise sqlite3.OperationalError("database or disk is full")

    if maker == "demo":
        monkeypatch.setattr("desktop.store.demo.insert_activities", full)
        with pytest.raises(UserError, match="đã đầy") as caught:
            app.create_demo_database(target)
    else:
        c = db.open_db(demo_db)
        unit = store_units.load_unit(c)
        c.close()
        monkeypatch.setattr("desktop.app.setup.insert_preset_plan", full)
        with pytest.raises(UserError, match="đã đầy") as caught:
            app.create_unit_database(target, unit, date(2025, 1, 2))
    assert "không thay đổi" in str(caught.value)
    assert calls["n"] == 1
    assert list(target.parent.iterdir()) == []
    assert str(target) in str(caught.value)
    monkeypatch.undo()
    app.create_demo_database(target)  # and a retry succeeds
    assert _complete(target)


def test_creation_never_replaces_a_file_that_appeared_meanwhile(tmp_path, monkeypatch):
    target = tmp_path / "v.db"

    def sneaky(conn, *a):
        target.write_bytes(b"someone else's file")

    monkeypatch.setattr("desktop.store.demo.fill_demo", sneaky)
    with pytest.raises(UserError, match="đã tồn tại"):
        create_demo(target, 5, 1)
    assert target.read_bytes() == b"someone else's file"
