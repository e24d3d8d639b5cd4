"""Benchmark: importing a 10 000-row workbook (goal: at most 2x bare openpyxl read_only iteration
of the same file, measured in the same run), with peak memory.

The workbook is an export of `demo --activities N` re-imported into a database without those
activities, so every row is parsed, matched and checked for duplicates.

    python3 bench/import_xlsx.py [N]
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import load_workbook  # noqa: E402

from desktop import app  # noqa: E402
from desktop.store import db  # noqa: E402
from desktop.store.demo import create_demo  # noqa: E402


def bare(path: Path) -> int:
    wb = load_workbook(path, read_only=True, data_only=True)
    n = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            n += 1
    wb.close()
    return n


def best(fn, repeat=3):
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src.db"
        create_demo(src, n, 7)
        conn = db.open_db(src)
        xlsx = Path(tmp) / "hoat_dong.xlsx"
        t = time.perf_counter()
        app.write_xlsx_export(conn, xlsx)
        export_s = time.perf_counter() - t
        conn.execute("DELETE FROM activities")
        floor, rows = best(lambda: bare(xlsx))
        took, results = best(lambda: app.read_imports(conn, [xlsx]))
        res = results[0]
        assert res.ok and len(res.to_add) == n, (len(res.to_add), res.rejected[:3])
        tracemalloc.start()
        app.read_imports(conn, [xlsx])
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        t = time.perf_counter()
        app.commit_import(conn, res)
        commit_s = time.perf_counter() - t
        size = xlsx.stat().st_size
        conn.close()
    print(f"rows: {n} activities ({rows} sheet rows incl. header and summary), file {size / 1e6:.1f} MB")
    print(f"export (write-only workbook):      {export_s:6.2f} s")
    print(f"bare openpyxl read_only iteration: {floor:6.2f} s   (floor)")
    print(f"import read + parse + match:       {took:6.2f} s   {took / floor:.2f}x floor (goal <= 2x)")
    print(f"commit in one transaction:         {commit_s:6.2f} s")
    print(f"peak traced memory during import:  {peak / 1e6:6.1f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
