"""The command line never replaces a file it was not named: `render … --out FILE.pdf` converts from a temporary
.docx; `import --skip-bad FILE.xlsx` adds the valid rows and hands the rejected ones back in a workbook."""

from pathlib import Path

import pytest

from desktop import cli
from desktop.docgen import pdf


@pytest.fixture
def fake_converter(monkeypatch):
    """Stands in for LibreOffice: copies the .docx it is given to OUTDIR/STEM.pdf."""
    seen = []

    def convert(cmd, timeout, cancel=None):
        src = Path(cmd[-1])
        seen.append(src)
        (Path(cmd[cmd.index("--outdir") + 1]) / (src.stem + ".pdf")).write_bytes(src.read_bytes())
        return 0

    monkeypatch.setattr(pdf, "find_soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(pdf, "run_converter", convert)
    return seen


def test_render_to_a_pdf_leaves_the_docx_beside_it(demo_copy, tmp_path, capsys, fake_converter):
    docx = tmp_path / "ke_hoach.docx"
    docx.write_bytes(b"hand edits made in Word")
    out = tmp_path / "ke_hoach.pdf"
    assert cli.main(["render", "plan", "--db", str(demo_copy), "--out", str(out), "--pdf"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"Đã ghi {out}"]
    assert docx.read_bytes() == b"hand edits made in Word" and out.read_bytes()[:2] == b"PK"
    (src,) = fake_converter
    assert not src.parent.exists()  # the temporary .docx and its folder are gone


def test_render_docx_with_pdf_still_writes_both(demo_copy, tmp_path, capsys, fake_converter):
    out = tmp_path / "bao_cao.docx"
    assert cli.main(["render", "report", "--db", str(demo_copy), "--out", str(out), "--pdf"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"Đã ghi {out}", f"Đã ghi {out.with_suffix('.pdf')}"]
