"""PDF through LibreOffice (any system) or Microsoft Word (Windows), whichever is installed."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..domain.errors import UserError
from ..files import atomic_path

_WINDOWS_SOFFICE = (r"C:\Program Files\LibreOffice\program\soffice.exe",
                    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if sys.platform == "win32":
        return next((p for p in _WINDOWS_SOFFICE if os.path.exists(p)), None)
    return None


def _word_available() -> bool:
    if sys.platform != "win32":
        return False
    import winreg  # noqa: PLC0415 (Windows only)

    try:
        winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"Word.Application")
        return True
    except OSError:
        return False


def _via_soffice(soffice: str, docx: Path, out_dir: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="vbyt-lo-") as profile:
        cmd = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--convert-to", "pdf",
               "--outdir", str(out_dir), str(docx)]
        try:
            subprocess.run(cmd, check=True, capture_output=True, timeout=300)
        except (subprocess.SubprocessError, OSError) as e:
            raise UserError(f"LibreOffice không chuyển được {docx.name} sang PDF ({e}).") from e
    pdf = out_dir / (docx.stem + ".pdf")
    if not pdf.exists():
        raise UserError(f"LibreOffice không tạo được tệp PDF cho {docx.name}.")
    return pdf


def _via_word(docx: Path, pdf: Path) -> None:
    script = ("$w = New-Object -ComObject Word.Application; $w.Visible = $false; "
              f"$d = $w.Documents.Open('{docx}', $false, $true); $d.SaveAs([ref]'{pdf}', [ref]17); "
              "$d.Close($false); $w.Quit()")
    try:
        subprocess.run(["powershell", "-NoProfile", "-Command", script], check=True, capture_output=True,
                       timeout=300)
    except (subprocess.SubprocessError, OSError) as e:
        raise UserError(f"Word không chuyển được {docx.name} sang PDF ({e}).") from e


def to_pdf(docx: str | Path, pdf: str | Path | None = None) -> Path:
    """Write the PDF of `docx` (default: same name, .pdf) and return its path."""
    src = Path(docx)
    target = Path(pdf) if pdf else src.with_suffix(".pdf")
    soffice = find_soffice()
    if soffice is None and not _word_available():
        raise UserError("Không tạo được PDF: máy chưa cài LibreOffice hoặc Microsoft Word. "
                        "Hãy cài một trong hai, hoặc mở tệp .docx và dùng “Lưu thành PDF”.")
    with atomic_path(target) as tmp:
        if soffice:
            with tempfile.TemporaryDirectory(prefix="vbyt-pdf-") as work:
                made = _via_soffice(soffice, src, Path(work))
                shutil.move(str(made), tmp)
        else:
            _via_word(src.resolve(), tmp.resolve())
    return target
