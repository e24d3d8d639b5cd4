"""The PDF leg of the real corpus (issue 22): every clerk Word file of tests/fixtures/real (the one the .docx leg
of tests/domain/test_corpus_real.py imports) printed to PDF by LibreOffice, imported, and held to the same facts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.docgen.read_text import import_plan_file
from tests.domain.test_corpus_real import CORPUS, DOCS, check_facts, clerk_file, expected

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def corpus_pdfs(tmp_path_factory) -> Path:
    """All the clerk Word files converted in one LibreOffice call (about 5 s for 40 files), with a profile of its
    own so that another LibreOffice running on the machine does not swallow the call."""
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    out = tmp_path_factory.mktemp("corpus-pdf")
    files = []
    for stem in DOCS:
        exp = expected(stem)
        files.append(str(clerk_file(CORPUS / f"{stem}.txt", out / f"{stem}.docx", exp["kind"], "cover" in exp)))
    profile = (out / "profile").as_uri()
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf", "--outdir", str(out)]
        + files,
        capture_output=True,
        timeout=600,
        check=True,
    )
    return out


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.parametrize("fmt", ["pdf"])
@pytest.mark.parametrize("stem", DOCS)
def test_corpus_document_read_from_its_pdf(stem, fmt, corpus_pdfs):
    pdf = corpus_pdfs / f"{stem}.pdf"
    assert pdf.is_file(), f"LibreOffice made no PDF of {stem}.docx"
    imported = import_plan_file(pdf)
    assert imported.source == "pdf"
    check_facts(stem, fmt, imported)
