"""Benchmark: the Báo cáo of `demo --activities N`, rendered and converted to PDF by LibreOffice.

LibreOffice lays out one long table in more than linear time (a 3 000-row appendix: 29.5 s);
the appendix is written as consecutive tables of bounded length so that the conversion time
grows linearly. Goals: 5 000/1 000 at most 6x, 20 000/5 000 at most 4.5x.

    python3 bench/pdf_report.py [N ...]        # default: 1000 5000 20000
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.docgen.pdf import find_soffice, to_pdf  # noqa: E402

GOALS = {(1000, 5000): 6.0, (5000, 20000): 4.5}


def pages(pdf: Path) -> str:
    try:
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return "?"
    return next((line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")), "?")


def main(sizes: list[int]) -> int:
    if find_soffice() is None:
        print("LibreOffice (soffice) is not installed")
        return 2
    print(f"{'N':>7} {'demo s':>7} {'render s':>8} {'pdf s':>8} {'pages':>6}", flush=True)
    pdf_s: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        d = Path(tmp)
        for n in sizes:
            db, docx = d / f"demo{n}.db", d / f"bc{n}.docx"
            t0 = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "desktop", "demo", "--db", str(db), "--activities", str(n)],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            t1 = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "desktop", "render", "report", "--db", str(db), "--out", str(docx)],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            t2 = time.perf_counter()
            pdf = to_pdf(docx, d / f"bc{n}.pdf", timeout=1800)
            t3 = time.perf_counter()
            pdf_s[n] = t3 - t2
            print(f"{n:>7} {t1 - t0:>7.1f} {t2 - t1:>8.1f} {t3 - t2:>8.1f} {pages(pdf):>6}", flush=True)
    failed = False
    for (a, b), goal in GOALS.items():
        if a in pdf_s and b in pdf_s:
            ratio = pdf_s[b] / pdf_s[a]
            ok = ratio <= goal
            failed |= not ok
            print(f"pdf {b}/{a}: {ratio:.2f}x (goal <= {goal}x) {'ok' if ok else 'MISSED'}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [1000, 5000, 20000]))
