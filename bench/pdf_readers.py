"""Benchmark: which PDF text library reads a superior's plan (issue 22, point 1), and how fast the import is.

Makes its own PDFs with LibreOffice: the clerk-style Word files of the seeds (tests/fixtures/clerk_docx.py)
and a long plan (seed 000's sections three times over, cut to 10 pages by PDFium). For each candidate
library that is installed (pypdfium2, pypdf, pdfminer.six, pdfplumber) prints the time to text and how
right the Vietnamese is against the Word file's own words:

- words: share of the Word file's words (multiset) found in the PDF's text (the 10-page cut holds about half);
- glued: PDF words not in the Word file that are two of its words run together (lost word spaces);
- NFC, and broken marks (a combining mark or U+FFFD in the text).

Then the import itself (desktop.docgen.read_text.import_plan_file) on the 10-page PDF: time and peak
memory (tracemalloc), goal ≤ 2 s; and a 200 MB Flate bomb and a 1 000-page PDF: time to refusal.
With --wheels, the sizes of the win_amd64 / cp312 wheels each candidate adds to the Windows bundle
(pip download, no install), and of the OCR engines on PyPI.

    python3 bench/pdf_readers.py [--wheels]
"""

from __future__ import annotations

import copy
import re
import subprocess
import sys
import tempfile
import time
import tracemalloc
import unicodedata
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.docgen.pdf import find_soffice  # noqa: E402
from desktop.docgen.read_text import import_plan_file, read_source  # noqa: E402
from desktop.domain.errors import UserError  # noqa: E402
from desktop.domain.plan_import import parse_plan_text  # noqa: E402
from tests.fixtures.clerk_docx import build_docx  # noqa: E402

SEEDS = ROOT / "tests" / "fixtures" / "seeds"
WORD = re.compile(r"[\wÀ-ỹ]+(?:[-/][\wÀ-ỹ]+)*")


def pypdfium2_text(path: Path) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))


def pypdf_text(path: Path) -> str:
    import pypdf

    return "\n".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages)


def pdfminer_text(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def pdfplumber_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)


def app_text(path: Path) -> str:
    from desktop.docgen.read_pdf import read_pdf

    return read_pdf(path).text


READERS = {
    "pypdfium2": pypdfium2_text,
    "pypdf": pypdf_text,
    "pdfminer.six": pdfminer_text,
    "pdfplumber": pdfplumber_text,
    "app (pypdfium2 + layout)": app_text,
}
LICENCES = {
    "pypdfium2": "Apache-2.0 / BSD-3 (PDFium)",
    "pypdf": "BSD-3",
    "pdfminer.six": "MIT",
    "pdfplumber": "MIT (+ pdfminer.six, Pillow, pypdfium2)",
}


def docx_words(docx: Path) -> list[str]:
    from docx import Document

    doc = Document(str(docx))
    text = [p.text for p in doc.paragraphs] + [p.text for t in doc.tables for c in t._cells for p in c.paragraphs]
    return WORD.findall(unicodedata.normalize("NFC", "\n".join(text)))


def quality(text: str, words: list[str]) -> tuple[float, int, bool, int]:
    got = Counter(WORD.findall(unicodedata.normalize("NFC", text)))
    want = Counter(words)
    found = sum(min(n, got[w]) for w, n in want.items()) / max(sum(want.values()), 1)
    vocab = set(want)
    glued = 0
    for w in got:
        if w not in vocab:
            glued += any(w[:k] in vocab and w[k:] in vocab for k in range(1, len(w)))
    broken = sum(1 for c in text if unicodedata.combining(c) or c == "\ufffd")
    return found, glued, unicodedata.is_normalized("NFC", text), broken


def make_pdfs(out: Path) -> dict[str, tuple[Path, Path]]:
    docs = {}
    for txt in sorted(SEEDS.glob("*.txt")):
        imp = parse_plan_text(read_source(txt))
        docs[f"seed {txt.name[:3]}"] = build_docx(imp, out / f"seed{txt.name[:3]}.docx")
    imp = parse_plan_text(read_source(next(SEEDS.glob("000_*.txt"))))
    imp.items = imp.items + copy.deepcopy(imp.items) + copy.deepcopy(imp.items)
    docs["long"] = build_docx(imp, out / "long.docx")
    subprocess.run(
        [find_soffice(), "--headless", "--convert-to", "pdf", "--outdir", str(out)] + [str(d) for d in docs.values()],
        capture_output=True,
        timeout=600,
        check=True,
    )
    import pypdfium2 as pdfium

    long_pdf = pdfium.PdfDocument(str(out / "long.pdf"))
    ten = pdfium.PdfDocument.new()
    ten.import_pages(long_pdf, list(range(10)))
    ten.save(str(out / "ten.pdf"))
    pairs = {k: (d, d.with_suffix(".pdf")) for k, d in docs.items()}
    pairs["10 pages"] = (docs["long"], out / "ten.pdf")
    return pairs


def best_of(fn, *args, n: int = 3) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(n):
        t = time.perf_counter()
        result = fn(*args)
        best = min(best, time.perf_counter() - t)
    return best, result


def main() -> int:
    if find_soffice() is None:
        print("LibreOffice is needed to make the PDFs")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        pairs = make_pdfs(out)
        import pypdfium2 as pdfium

        print("| document | pages | reader | time (s) | words found | glued words | NFC | broken marks |")
        print("|---|---|---|---|---|---|---|---|")
        for name, (docx, pdf) in pairs.items():
            words = docx_words(docx)
            pages = len(pdfium.PdfDocument(str(pdf)))
            for reader, fn in READERS.items():
                try:
                    secs, text = best_of(fn, pdf)
                except ImportError:
                    continue
                found, glued, nfc, broken = quality(text, words)
                print(
                    f"| {name} | {pages} | {reader} | {secs:.3f} | {found:.1%} | {glued} | {'yes' if nfc else 'NO'} "
                    f"| {broken} |"
                )
        ten = out / "ten.pdf"
        tracemalloc.start()
        t = time.perf_counter()
        plan = import_plan_file(ten)
        secs = time.perf_counter() - t
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(
            f"\nimport_plan_file(10-page PDF): {secs:.2f} s (goal ≤ 2 s), peak Python memory {peak / 2**20:.1f} MB, "
            f"{len(plan.items)} top sections, source {plan.source}"
        )
        bomb = out / "bom.pdf"
        stream = zlib.compress(b"\x00" * (200 * 2**20), 9)
        bomb.write_bytes(
            b"%%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n4 0 obj << /Length %d /Filter /FlateDecode >>\nstream\n"
            % len(stream)
            + stream
            + b"\nendstream endobj\n%%EOF\n"
        )
        big = pdfium.PdfDocument.new()
        for _ in range(1000):
            big.new_page(595, 842).close()
        big.save(str(out / "nghin-trang.pdf"))
        for path in (bomb, out / "nghin-trang.pdf"):
            t = time.perf_counter()
            try:
                import_plan_file(path)
                print(f"{path.name}: NOT refused")
            except UserError as e:
                print(
                    f"{path.name} ({path.stat().st_size / 2**20:.2f} MB): refused in {time.perf_counter() - t:.2f} s: {e}"
                )
    if "--wheels" in sys.argv:
        wheels()
    return 0


def wheels() -> None:
    """Sizes of the win_amd64 cp312 wheels (and their dependencies) from PyPI, downloaded, not installed."""
    print("\n| package (win_amd64, cp312, with dependencies) | wheels (MB) | licence |")
    print("|---|---|---|")
    for pkg in ("pypdfium2", "pypdf", "pdfminer.six", "pdfplumber", "rapidocr-onnxruntime", "tesserocr"):
        with tempfile.TemporaryDirectory() as tmp:
            done = subprocess.run(
                [sys.executable, "-m", "pip", "download", "-q", "--only-binary=:all:", "--platform", "win_amd64"]
                + ["--python-version", "3.12", "-d", tmp, pkg],
                capture_output=True,
                text=True,
                timeout=600,
            )
            if done.returncode:
                print(f"| {pkg} | no wheel ({done.stderr.strip().splitlines()[-1][:80]}) | |")
                continue
            files = sorted(Path(tmp).iterdir())
            size = sum(f.stat().st_size for f in files) / 2**20
            print(
                f"| {pkg} ({', '.join(f.name.split('-')[0] for f in files)}) | {size:.1f} | {LICENCES.get(pkg, '')} |"
            )


if __name__ == "__main__":
    sys.exit(main())
