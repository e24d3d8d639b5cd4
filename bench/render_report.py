"""Benchmark: render the Báo cáo of `demo --activities N` against a floor measured in the same run.

The floor writes the same appendix table as raw WordprocessingML into a zip (no template
engine, no XML tree): the least any .docx writer must do. The two run in pairs (floor, then
report) so that a loaded machine slows both alike; the ratio is the median over the pairs of
report time / floor time. Goal (issue 21): at most 4x the floor at 5 000 activities, growing
linearly.

    python3 bench/render_report.py [--pairs 5] [N ...]        # default: 5000 50000
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop import app  # noqa: E402
from desktop.domain.report import appendix_rows  # noqa: E402
from desktop.store import db  # noqa: E402
from desktop.store.demo import create_demo  # noqa: E402

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def floor(rows: list[tuple[str, ...]], out: Path) -> None:
    cell = (
        '<w:tc><w:p><w:pPr><w:pStyle w:val="VBBang"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p></w:tc>'
    )
    parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body><w:tbl>']
    parts.extend("<w:tr>" + "".join(cell.format(escape(c)) for c in r) + "</w:tr>" for r in rows)
    parts.append("</w:tbl></w:body></w:document>")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "".join(parts))


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main(sizes: list[int], pairs: int = 5) -> None:
    print(
        f"{'N':>7} {'floor s':>8} {'compile s':>9} {'render s':>9} {'total s':>8} {'ratio':>6} "
        f"{'ms/1k':>6} {'peak MB':>8}   (medians of {pairs} paired runs)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for n in sizes:
            path = d / f"demo{n}.db"
            create_demo(path, n, 1)
            conn = db.open_db(path)
            _, unit, _, compiled, _ = app.compile_for(conn, None)
            rows = appendix_rows(compiled, unit)
            app.write_report(conn, d / "bc.docx")  # warm: imports, template read once
            k = pairs if n <= 10000 else 1
            t_compile = statistics.median(timed(lambda: app.compile_for(conn, None)) for _ in range(k))
            floors, totals, ratios = [], [], []
            for _ in range(k):
                f = timed(lambda: floor(rows, d / "floor.docx"))
                t = timed(lambda: app.write_report(conn, d / "bc.docx"))
                floors.append(f)
                totals.append(t)
                ratios.append(t / f)
            t_floor, t_total = statistics.median(floors), statistics.median(totals)
            tracemalloc.start()
            app.write_report(conn, d / "bc.docx")
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            conn.close()
            print(
                f"{n:>7} {t_floor:>8.2f} {t_compile:>9.2f} {t_total - t_compile:>9.2f} {t_total:>8.2f} "
                f"{statistics.median(ratios):>6.1f} {1000 * t_total / n * 1000:>6.0f} {peak:>8.0f}"
            )


if __name__ == "__main__":
    args = sys.argv[1:]
    n_pairs = 5
    if "--pairs" in args:
        at = args.index("--pairs")
        n_pairs = int(args[at + 1])
        del args[at : at + 2]
    main([int(a) for a in args] or [5000, 50000], n_pairs)
