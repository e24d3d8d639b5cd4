"""Benchmark: adding N forms of activity one after another through app.add_form (issue 25: 10 000 forms took
1 408 s, each addition reading and folding every form). Prints the total, the time of the last 1 000
additions against the first 1 000 (equal when an addition does not grow with the catalogue) and the peak
Python memory.

    python3 bench/forms_add.py [N]
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop import app  # noqa: E402
from desktop.store import db  # noqa: E402


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        conn = db.create(Path(tmp) / "f.db")
        tracemalloc.start()
        marks = [time.perf_counter()]
        for i in range(n):
            app.add_form(conn, f"Hình thức số {i} {{{{x}}}}" if i % 100 == 0 else f"Hình thức số {i}", "lượt")
            if (i + 1) % 1000 == 0 or i + 1 == n:
                marks.append(time.perf_counter())
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        total = marks[-1] - marks[0]
        count = conn.execute("SELECT count(*) FROM forms").fetchone()[0]
        conn.close()
    steps = [b - a for a, b in zip(marks, marks[1:])]
    print(f"{n} forms added in {total:.1f} s ({total / n * 1000:.2f} ms each); {count} in the table")
    if len(steps) > 1:
        print(f"first 1 000: {steps[0]:.2f} s, last 1 000: {steps[-1]:.2f} s")
    print(f"peak Python memory: {peak:.1f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
