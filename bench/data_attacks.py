"""Issue 25 points 1–5: each attack on the data folder run as the clerk would meet it (the command line, or
the service the window calls), with its wall time, the peak memory of its process and the message shown.

    python bench/data_attacks.py

Builds a demo database (150 activities) in a temporary folder, then the hostile inputs (a colleague's
backup with an evidence row '../v.db', a manifest whose sha256 climbs out of the store, evidence rows
pointing outside minh_chung/, links, a 2 GB sparse file, a 248-byte emoji name) and runs each in its own
process (os.wait4 gives that process's peak RSS). Prints a Markdown table.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(args: list[str]) -> tuple[float, float, int, str]:
    """(seconds, peak RSS in MB, exit code, the message) of `python -m desktop *args` or `python -c`."""
    cmd = [sys.executable, *args] if args[0] == "-c" else [sys.executable, "-m", "desktop", *args]
    t = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    took = time.perf_counter() - t
    out, err = p.stdout.read().decode("utf-8", "replace"), p.stderr.read().decode("utf-8", "replace")
    p.returncode = os.waitstatus_to_exitcode(status)
    text = (err.strip() or out.strip()).splitlines()
    return took, usage.ru_maxrss / 1024, p.returncode, " ⏎ ".join(text[-3:])


def attach(db: Path, activity: int, src: Path) -> list[str]:
    code = (
        "import sys\nfrom desktop.app import evidence\nfrom desktop.store import db\nfrom desktop.domain.errors import "
        "UserError\nc = db.open_db(sys.argv[1])\ntry:\n    f = evidence.attach(c, int(sys.argv[2]), [sys.argv[3]])\n"
        "    print('Đã thêm', f[0].stored, len(f[0].stored.encode()), 'byte')\nexcept UserError as e:\n"
        "    print(e, file=sys.stderr); sys.exit(1)\n"
    )
    return ["-c", code, str(db), str(activity), str(src)]


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="vbyt-tan-cong-"))
    try:
        data = tmp / "data"
        data.mkdir()
        v = data / "v.db"
        subprocess.run([sys.executable, "-m", "desktop", "demo", "--db", str(v)], cwd=ROOT, check=True)
        secret = data / "secret_outside.txt"
        secret.write_text("mat khau")
        sys.path.insert(0, str(ROOT))
        from desktop import app
        from desktop.store import backups, db, recovery

        conn = db.open_db(v)
        a = conn.execute("SELECT min(id) FROM activities").fetchone()[0]
        (tmp / "bb.pdf").write_bytes(b"%PDF bien ban" * 100)
        (f,) = app.evidence.attach(conn, a, [tmp / "bb.pdf"])
        made = backups.make_backup(conn, v, backups.MANUAL)
        bak = db.backup_copy(conn, v, "v5")
        conn.close()
        hong = recovery.aside_name(v)
        shutil.copy(v, hong)

        # 1. a colleague's backup with stored='../v.db'
        colleague = tmp / "dong_nghiep"
        colleague.mkdir()
        hostile = colleague / "v-20250301-080000-thu-cong.db"
        shutil.copy(made, hostile)
        c = sqlite3.connect(hostile)
        c.execute(
            "INSERT INTO evidence (activity_id, name, stored, size, sha256) VALUES (?, 'v.db', '../v.db', 1, 'x')",
            (a,),
        )
        c.commit()
        c.close()
        # 4. a manifest whose sha256 climbs out of the store
        climbing = backups.make_backup(db.open_db(v), v, backups.MANUAL)
        backups.evidence_manifest(climbing).write_text(
            json.dumps(
                {"version": 1, "files": [{"path": f"{a}/h", "size": 1, "sha256": "../../../../../etc/hostname"}]}
            )
        )
        # 3. rows pointing outside minh_chung/, written into a copy of the data
        rows_db = data / "w.db"
        shutil.copy(v, rows_db)
        (data / "minh_chung").mkdir(exist_ok=True)
        c = sqlite3.connect(rows_db)
        for stored in ("../secret_outside.txt", "../v.db"):
            c.execute(
                "INSERT INTO evidence (activity_id, name, stored, size, sha256) VALUES (?, 'x', ?, 1, 'x')", (a, stored)
            )
        c.commit()
        c.close()
        # 5. links, a 2 GB sparse file, a long emoji name
        link_shadow, link_db = tmp / "shadow.pdf", tmp / "db.pdf"
        link_shadow.symlink_to("/etc/shadow")
        link_db.symlink_to(v)
        big = tmp / "video hội nghị.mp4"
        with open(big, "wb") as fh:
            fh.truncate(2 * 1024**3)
        emoji = tmp / ("\U0001f600" * 61 + ".pdf")
        emoji.write_bytes(b"%PDF emoji")
        rlo = tmp / "bien_ban\u202efdp.exe"
        rlo.write_bytes(b"MZ")

        cases = [
            ("1. restore --from a backup with stored='../v.db'", ["restore", "--db", v, "--from", hostile]),
            ("2. render plan --out x.v5-….db.bak", ["render", "plan", "--db", v, "--out", bak]),
            ("2. export --out v.db.hong-…", ["export", "--db", v, "--out", hong]),
            ("2. export --out minh_chung/1/bb.pdf", ["export", "--db", v, "--out", data / "minh_chung" / f.stored]),
            (
                "3. evidence-zip, rows ../secret_outside.txt and ../v.db",
                ["evidence-zip", "--db", rows_db, "--out", tmp / "hs.zip", "--no-pdf"],
            ),
            ("4. restore, manifest sha256 ../../…/etc/hostname", ["restore", "--db", v, "--from", climbing]),
            ("5. attach a link to /etc/shadow", attach(v, a, link_shadow)),
            ("5. attach a link to the database", attach(v, a, link_db)),
            ("5. attach bien_ban\u202efdp.exe", attach(v, a, rlo)),
            ("8. attach a 248-byte emoji name", attach(v, a, emoji)),
            ("10. attach a 2 GB file", attach(v, a, big)),
        ]
        print("| attack | exit | time | peak RSS | message |\n|---|---|---|---|---|")
        for label, args in cases:
            took, rss, code, msg = run([str(x) for x in args])
            print(f"| {label} | {code} | {took:.2f} s | {rss:.0f} MB | {msg.replace('|', '/')} |")
        # the data survived
        assert v.is_file() and db.open_db(v) and secret.read_text() == "mat khau"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
