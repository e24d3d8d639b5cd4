"""Benchmark: how long hostile inputs take to be refused, and at what peak memory (goal: each under
10 s and 300 MB on the CI machine; the tests assert the refusal and the memory, this prints the time).
The baseline in the same run is the time to read the good file each hostile one was made from.

    python3 bench/hostile_inputs.py
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop import app  # noqa: E402
from desktop.domain.errors import UserError  # noqa: E402
from desktop.store import db  # noqa: E402
from desktop.store.demo import create_demo  # noqa: E402
from tests.excel.hostile import rewrite  # noqa: E402

SHEET = "xl/worksheets/sheet1.xml"


def measure(fn) -> tuple[float, float, str]:
    tracemalloc.start()
    t = time.perf_counter()
    outcome = "đọc được"
    try:
        fn()
    except UserError as e:
        outcome = str(e)[:90]
    finally:
        elapsed = time.perf_counter() - t
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return elapsed, peak, outcome


def main() -> int:
    from desktop.docgen.template_check.sandbox import sandbox_env
    from desktop.nd30 import check_docx

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        dbp = folder / "v.db"
        create_demo(dbp, activities=200, seed=1)
        conn = db.open_db(dbp)
        good_xlsx = folder / "good.xlsx"
        app.write_xlsx_export(conn, good_xlsx)
        plan_docx = folder / "ke_hoach.docx"
        app.write_plan(conn, plan_docx)
        conn.close()

        with zipfile.ZipFile(good_xlsx) as z:
            sheet = z.read(SHEET)
        inflating = rewrite(
            good_xlsx,
            folder / "bomb.xlsx",
            {SHEET: sheet.replace(b"</sheetData>", b" " * 300_000_000 + b"</sheetData>")},
            level=9,
        )

        def read(path):
            c = db.open_db(dbp)
            try:
                app.read_imports(c, [path])
            finally:
                c.close()

        cases = [
            ("sổ Excel tốt (mốc so sánh)", lambda: read(good_xlsx)),
            ("sổ Excel phình 300 MB khi giải nén", lambda: read(inflating)),
        ]
        with zipfile.ZipFile(plan_docx) as z:
            doc = z.read("word/document.xml")
        big = rewrite(
            plan_docx,
            folder / "big.docx",
            {"word/document.xml": doc.replace(b"</w:body>", b" " * 300_000_000 + b"</w:body>")},
            level=9,
        )
        para = "<w:p><w:r><w:t>Nội dung lặp lại của văn bản.</w:t></w:r></w:p>".encode()
        paras = rewrite(  # issue 25 point 7: real paragraphs, not blank space
            plan_docx,
            folder / "bom150.docx",
            {"word/document.xml": doc.replace(b"</w:body>", para * (150 * 2**20 // len(para)) + b"</w:body>")},
            level=9,
        )

        def check(path):
            from desktop.nd30 import CheckError

            try:
                check_docx(path)
            except CheckError as e:  # the checker's own refusal: one Vietnamese line as well
                raise UserError(str(e)) from None

        from desktop.docgen.read_text import import_plan_file
        from desktop.domain.report import Section, apply_edits

        def edit(text):
            apply_edits([Section("I.", "Ưu điểm", 1, key="uu_diem", draft="Nháp.", text="Nháp.")], {"uu_diem": text})

        cases += [
            ("check kế hoạch tốt (mốc)", lambda: check(plan_docx)),
            ("check .docx phình 300 MB", lambda: check(big)),
            ("check .docx: 150 MB đoạn văn", lambda: check(paras)),
            ("nhập kế hoạch .docx: 150 MB đoạn văn", lambda: import_plan_file(paras)),
            ("sửa một phần báo cáo: 11 triệu ký tự", lambda: edit("chữ " * 2_750_000)),
            ("sửa một phần báo cáo: 12 triệu ký tự liền", lambda: edit("x" * 12_000_000)),
        ]
        env = sandbox_env()
        rows = list(range(3000))
        loop = "{% for a in l %}{% for b in l %}{% for c in l %}{% endfor %}{% endfor %}{% endfor %}"

        def endless():
            try:
                env.from_string(loop).render(l=rows)
            except Exception as e:  # noqa: BLE001 - the deadline's own exception: what is timed is when it comes
                raise UserError(type(e).__name__) from None

        cases.append(("mẫu lặp 3000³ bước (hạn 30 s)", endless))
        base = None
        for name, fn in cases:
            elapsed, peak, outcome = measure(fn)
            base = base or elapsed
            print(f"{name:40s} {elapsed:7.2f} s  ×{elapsed / base:6.1f}  {peak:7.1f} MB  {outcome}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
