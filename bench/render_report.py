"""Benchmark: render the Báo cáo of `demo --activities N` against a floor measured in the same run.

The floor writes the same appendix table as raw WordprocessingML into a zip (no template
engine, no XML tree): the least any .docx writer must do. Goal (issue 3): at most 8x the
floor at 5 000 activities, growing linearly.

    python3 bench/render_report.py [N ...]        # default: 5000 50000
"""

from __future__ import annotations

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


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main(sizes: list[int]) -> None:
    print(
        f"{'N':>7} {'floor s':>8} {'compile s':>9} {'render s':>9} {'total s':>8} {'ratio':>6} {'ms/1k':>6} {'peak MB':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for n in sizes:
            path = d / f"demo{n}.db"
            create_demo(path, n, 1)
            conn = db.open_db(path)
            repeat = 3 if n <= 10000 else 1
            t_compile = best(lambda: app.compile_for(conn, None), repeat)
            _, unit, _, compiled, _ = app.compile_for(conn, None)
            rows = appendix_rows(compiled, unit)
            t_floor = best(lambda: floor(rows, d / "floor.docx"), repeat)
            t_total = best(lambda: app.write_report(conn, d / "bc.docx"), repeat)
            tracemalloc.start()
            app.write_report(conn, d / "bc.docx")
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            conn.close()
            print(
                f"{n:>7} {t_floor:>8.2f} {t_compile:>9.2f} {t_total - t_compile:>9.2f} {t_total:>8.2f} "
                f"{t_total / t_floor:>6.1f} {1000 * t_total / n * 1000:>6.0f} {peak:>8.0f}"
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [5000, 50000])
