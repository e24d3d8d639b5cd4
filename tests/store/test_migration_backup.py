"""The copy made before migrating (<db>.vN-….bak) is written under a temporary name, flushed and renamed:
a process killed in the middle of the copy leaves no .bak at all (a half-written one opened as an empty
database), and the next open makes a whole one and removes the dead process's temporary file."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.store import db

ROOT = Path(__file__).resolve().parent.parent.parent


def _old_database(path: Path, rows: int = 3000) -> None:
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    db.migrate(conn, path, upto=1)
    conn.execute("INSERT INTO unit (id, name, abbr, place) VALUES (1, 'Bệnh viện A', 'BVA', 'Hà Nội')")
    conn.execute("INSERT INTO departments (id, name, abbr) VALUES (1, 'Khoa Lao', 'LAO')")
    conn.execute("BEGIN")
    for i in range(rows):
        conn.execute(
            "INSERT INTO activities (start_date, dept_id, form_code, title, cost) VALUES (?, 1, 'tin_bai', ?, 0)",
            ("2025-03-05", f"Hoạt động {i} " + "x" * 200),
        )
    conn.execute("COMMIT")
    conn.close()


KILLED_DURING_COPY = textwrap.dedent(
    """
    import os, signal, sqlite3, sys
    from desktop.store import db

    def half_then_killed(source, dest):
        target = sqlite3.connect(dest)
        source.backup(target, pages=3, progress=lambda *a: os.kill(os.getpid(), signal.SIGKILL))
        # a few pages reached the file, then the power went

    db.copy_to = half_then_killed
    db.open_db(sys.argv[1])
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_copy_killed_half_way_is_never_a_backup(tmp_path):
    p = tmp_path / "v.db"
    _old_database(p)
    proc = subprocess.run([sys.executable, "-c", KILLED_DURING_COPY, str(p)], cwd=ROOT, timeout=120)
    assert proc.returncode == -signal.SIGKILL
    assert list(tmp_path.glob("*.bak")) == []  # only a whole copy ever bears the name of a backup
    assert db.version_of(sqlite3.connect(p)) == 1  # nothing migrated without its copy
    conn = db.open_db(p)  # the next open: a whole copy, then the migration
    assert db.version_of(conn) == db.LATEST
    conn.close()
    [bak] = tmp_path.glob("v.v1-*.bak")
    old = sqlite3.connect(bak)
    assert old.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert old.execute("SELECT count(*) FROM activities").fetchone()[0] == 3000
    old.close()
    assert sorted(f.name for f in tmp_path.iterdir() if f.name.startswith(".")) == []  # the dead copy's temp removed
