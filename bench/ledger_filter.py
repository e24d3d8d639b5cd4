"""Benchmark: one keystroke in the ledger's search box over 20 000 activities (goal: < 50 ms).

Measures the model's re-filter for each prefix of a typed query, with and without diacritics,
and, as a baseline in the same run, a bare Python pass over all the folded strings.

    QT_QPA_PLATFORM=offscreen python3 bench/ledger_filter.py [N]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.domain.plan_text import task_labels  # noqa: E402
from desktop.domain.text import fold  # noqa: E402
from desktop.store import activities, db, plans, units  # noqa: E402
from desktop.store.demo import create_demo  # noqa: E402
from desktop.ui.pages.ledger_model import LedgerModel  # noqa: E402


def main(n: int) -> None:
    QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "b.db"
        create_demo(path, n, 3)
        conn = db.open_db(path)
        unit = units.load_unit(conn)
        plan = plans.load_plan(conn, plans.latest_plan_id(conn))
        t = time.perf_counter()
        model = LedgerModel(activities.load_activities(conn), unit, task_labels(plan))
        load = time.perf_counter() - t
        print(f"{n} activities, model built in {load * 1000:.0f} ms")
        print(f"{'query':<24} {'rows':>6} {'last ms':>8} {'worst ms':>9} {'backsp ms':>10} {'bare ms':>8}")
        worst = 0.0
        for query in ("chuyen doi so", "chuyển đổi số", "hoi nghi khoa lao", "bệnh án điện tử"):
            model.set_query("")
            q_worst = 0.0
            for i in range(1, len(query) + 1):
                prefix = query[:i]
                t = time.perf_counter()
                model.set_query(prefix)
                rows = model.rowCount()
                ms = (time.perf_counter() - t) * 1000
                words = fold(prefix).split()
                t = time.perf_counter()
                folded = model._fold
                bare = sum(1 for s in folded if all(w in s for w in words))
                bare_ms = (time.perf_counter() - t) * 1000
                assert bare == rows
                q_worst = max(q_worst, ms)
            t = time.perf_counter()
            model.set_query(query[:-1])  # backspace: a wider query, a full pass
            back_ms = (time.perf_counter() - t) * 1000
            worst = max(worst, q_worst, back_ms)
            print(f"{query:<24} {rows:>6} {ms:>8.1f} {q_worst:>9.1f} {back_ms:>10.1f} {bare_ms:>8.1f}")
        print(f"worst keystroke: {worst:.1f} ms (goal < 50 ms)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
