"""The pages a reader gets, through LibreOffice: the closing block (Nơi nhận + signer) on one page
with body text above it, whatever the length of the plan or report and of the unit's name; no
word of an appendix cell broken; a long appendix written as several tables."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop import app
from desktop.docgen.render import render_plan, render_report
from desktop.domain.forms import FORMS
from desktop.domain.report import APPENDIX_HEAD, appendix_rows, appendix_totals
from desktop.nd30 import check_docx
from desktop.store import db, plans, units
from desktop.store.demo import create_demo

LONG_NAME = "Trung tâm Kiểm soát bệnh tật tỉnh Bình Thuận Nam Bộ"  # 50 characters
FILLER = (
    "Các khoa, phòng tiếp tục quán triệt, tuyên truyền sâu rộng nội dung Kế hoạch đến toàn thể viên chức, "
    "người lao động trong đơn vị."
)

soffice = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.libreoffice,
    pytest.mark.skipif(not soffice or not shutil.which("pdftotext"), reason="LibreOffice or poppler missing"),
]


def to_pdfs(docs: list[Path], out: Path, profile: Path) -> list[Path]:
    """All documents converted in one LibreOffice run (a private profile)."""
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, docs),
        ],
        check=True,
        capture_output=True,
        timeout=900,
    )
    pdfs = [out / (d.stem + ".pdf") for d in docs]
    missing = [p.name for p in pdfs if not p.exists()]
    assert not missing, f"LibreOffice wrote no PDF for {missing}"
    return pdfs


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def page_text(pdf: Path, n: int) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def pages(pdf: Path, last: int | None = None) -> list[str]:
    """The text of every page (or of the first `last`), read page by page."""
    return [page_text(pdf, n) for n in range(1, min(page_count(pdf), last or 10**6) + 1)]


def assert_closing_on_one_page(pdf: Path, signer) -> int:
    """Nơi nhận, the signer's authority and name on one page, with body text above; its number."""
    texts = pages(pdf, 12)
    where = [i for i, t in enumerate(texts) if "Nơi nhận:" in t]
    assert len(where) == 1, f"{pdf.name}: 'Nơi nhận:' on pages {[i + 1 for i in where]}"
    page = texts[where[0]]
    for line in (*[x.upper() for x in signer.lines], signer.full_name):
        assert line in page, f"{pdf.name}: '{line}' is not on page {where[0] + 1} with 'Nơi nhận:'"
    above = page.split("Nơi nhận:")[0]
    body = [ln for ln in above.splitlines() if ln.strip() and not ln.strip().isdigit()]
    assert len(body) >= 2, f"{pdf.name}: page {where[0] + 1} holds the closing block alone"
    assert "./." in page, f"{pdf.name}: the closing sentence is not on the page of the signature"
    return where[0] + 1


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("layout") / "demo.db"
    create_demo(path, 1500, 1)
    return path


def _unit(conn, long_name: bool):
    unit = units.load_unit(conn)
    if long_name:
        unit = dataclasses.replace(unit, name=LONG_NAME, parent_body="Sở Y tế tỉnh Bình Thuận")
    return unit


@pytest.mark.parametrize("long_name", [False, True], ids=["ten-thuong", "ten-50-ky-tu"])
def test_plan_closing_block_stays_together(demo, tmp_path, long_name):
    conn = db.open_db(demo)
    plan = plans.load_plan(conn, plans.latest_plan_id(conn))
    unit = _unit(conn, long_name)
    signer = unit.signer(plan.signer_id) or unit.signers[0]
    docs = []
    for k in range(0, 27, 2):  # the closing block lands at every height of a page, over a page boundary
        p = dataclasses.replace(plan, intro=" ".join([FILLER] * k)) if k else plan
        docs.append(render_plan(p, unit, tmp_path / f"kh_{k:02d}.docx"))
    pdfs = to_pdfs(docs, tmp_path / "pdf", tmp_path / "pr")
    closing_pages = {assert_closing_on_one_page(pdf, signer) for pdf in pdfs}
    assert len(closing_pages) >= 2  # the sweep did cross a page boundary


@pytest.mark.parametrize("long_name", [False, True], ids=["ten-thuong", "ten-50-ky-tu"])
def test_report_closing_block_stays_together(demo, tmp_path, long_name):
    conn = db.open_db(demo)
    plan, _, report, compiled, sections = app.compile_for(conn, None)
    unit = _unit(conn, long_name)
    signer = unit.signer(report.signer_id or plan.signer_id) or unit.signers[0]
    docs = []
    last_section, closing = [i for i, s in enumerate(sections) if s.key][-2:]  # V. ĐỀ XUẤT …, "Trên đây là …"
    variants = [(last_section, k) for k in range(0, 27, 3)] + [(closing, 8), (closing, 14)]  # a long closing too
    for i, k in variants:
        secs = list(sections)
        if k:
            more = " ".join([FILLER] * k)
            text = secs[i].text
            text = f"{more} {text}" if i == closing else f"{text} {more}"
            secs[i] = dataclasses.replace(secs[i], text=text)
        docs.append(render_report(plan, unit, report, secs, compiled, tmp_path / f"bc_{i}_{k:02d}.docx"))
    pdfs = to_pdfs(docs, tmp_path / "pdf", tmp_path / "pr")
    closing_pages = {assert_closing_on_one_page(pdf, signer) for pdf in pdfs}
    assert len(closing_pages) >= 2


def test_header_of_a_long_unit_name_is_broken_and_ruled(demo, tmp_path):
    """A 50-character name is broken before "TỈNH" and between words of two syllables, never inside
    one ("BỆNH | TẬT"); `check` finds nothing (its line is measured on the longest line)."""
    conn = db.open_db(demo)
    plan = plans.load_plan(conn, plans.latest_plan_id(conn))
    out = render_plan(plan, _unit(conn, True), tmp_path / "kh.docx")
    assert check_docx(out) == []
    (pdf,) = to_pdfs([out], tmp_path / "pdf", tmp_path / "pr")
    left = [ln[:40].strip() for ln in page_text(pdf, 1).splitlines()[:6]]  # the header's left column
    assert left[1:4] == ["TRUNG TÂM", "KIỂM SOÁT BỆNH TẬT", "TỈNH BÌNH THUẬN NAM BỘ"], left


def test_no_word_of_an_appendix_cell_is_broken(demo, tmp_path):
    """Every word of the departments' names, the form labels, the dates and the figures appears
    whole in the PDF text of the appendix (a word broken in a narrow cell shows as two pieces)."""
    conn = db.open_db(demo)
    _, unit, _, compiled, _ = app.compile_for(conn, None)
    out = tmp_path / "bc.docx"
    app.write_report(conn, out)
    (pdf,) = to_pdfs([out], tmp_path / "pdf", tmp_path / "pr")
    n = page_count(pdf)
    first = next(i for i in range(1, n + 1) if "DANH SÁCH HOẠT ĐỘNG TRUYỀN THÔNG" in page_text(pdf, i))
    text = subprocess.run(
        ["pdftotext", "-layout", "-f", str(first), "-l", str(n), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    tokens = set(text.split())
    rows = appendix_rows(compiled, unit) + [appendix_totals(compiled)]
    words = {w for d in unit.departments for w in d.name.split()}
    words |= {w for f in FORMS for w in f.label.split()}
    words |= {w for r in rows for col in (1, 3, 4, 5, 6, 7) for w in r[col].split()}
    words |= {w for h in APPENDIX_HEAD for w in h.split()}
    broken = sorted(w for w in words if w not in tokens)
    assert not broken, f"words not found whole in the appendix: {broken[:20]}"


def test_a_long_appendix_is_landscape_and_numbered_on(demo, tmp_path):
    conn = db.open_db(demo)
    out = tmp_path / "bc.docx"
    app.write_report(conn, out)
    (pdf,) = to_pdfs([out], tmp_path / "pdf", tmp_path / "pr")
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True).stdout
    sizes = re.findall(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", info)
    first = next(i for i in range(1, page_count(pdf) + 1) if "DANH SÁCH HOẠT ĐỘNG" in page_text(pdf, i))
    for num, w, h in sizes:
        portrait = float(w) < float(h)
        assert portrait == (int(num) < first), f"page {num}: {w} x {h}"
    for num in (first, first + 1, page_count(pdf)):  # page numbers go on through the appendix
        assert page_text(pdf, num).split()[0] == str(num)
    assert "Tháng 1/2025" in page_text(pdf, first)
