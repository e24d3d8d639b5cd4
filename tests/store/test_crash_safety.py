"""A running import killed (SIGKILL) at random moments: the database stays sound and holds all or
none of the file's rows."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from desktop import app
from desktop.store import db
from desktop.store.demo import create_demo

N = 3000


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_import_leaves_all_or_nothing(tmp_path):
    src = tmp_path / "src.db"
    create_demo(src, N, 3)
    conn = db.open_db(src)
    xlsx = tmp_path / "hoat_dong.xlsx"
    app.write_xlsx_export(conn, xlsx)
    conn.execute("DELETE FROM activities")
    conn.close()
    empty = tmp_path / "empty.db"
    shutil.copy(src, empty)

    def run(target, kill_after=None):
        proc = subprocess.Popen(
            [sys.executable, "-m", "desktop", "import", "--db", str(target), str(xlsx)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if kill_after is None:
            return proc.wait(timeout=300)
        time.sleep(kill_after)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        return None

    full = tmp_path / "full.db"
    shutil.copy(empty, full)
    t = time.perf_counter()
    assert run(full) == 0
    duration = time.perf_counter() - t

    rng = random.Random(1)
    outcomes = set()
    for i in range(12):
        target = tmp_path / f"k{i}.db"
        shutil.copy(empty, target)
        # half the kills anywhere, half in the last part of the run where the rows are written
        frac = rng.uniform(0.0, 1.0) if i % 2 else rng.uniform(0.8, 1.05)
        run(target, duration * frac)
        c = sqlite3.connect(target)
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        n = c.execute("SELECT COUNT(*) FROM activities").fetchone()[0]
        c.close()
        assert n in (0, N), f"kill {i} at {frac:.2f}: {n} rows"
        outcomes.add(n)
        db.open_db(target).close()  # and the app opens it again
    assert 0 in outcomes
