"""PDF through LibreOffice (any system) or Microsoft Word (Windows), whichever is installed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from ..domain.errors import UserError
from ..files import atomic_path

_WINDOWS_SOFFICE = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


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


class Cancelled(UserError):
    """The user stopped the conversion; the converter and its children have been ended."""


TIMEOUT = 900  # seconds: a 20 000-activity report converts in a few minutes on an office PC


def _end_group(proc: subprocess.Popen) -> None:
    """End the converter and every process it started (soffice → soffice.bin): the whole group."""
    if proc.poll() is not None and sys.platform == "win32":
        return
    try:
        if sys.platform == "win32":
            subprocess.run(["taskkill", "/T", "/F", "/PID", str(proc.pid)], capture_output=True, timeout=30)
        else:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=3)
            except subprocess.TimeoutExpired:
                pass
            os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError, subprocess.SubprocessError):
        pass  # already gone
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


def run_converter(cmd: list[str], timeout: float, cancel: threading.Event | None = None) -> int:
    """Run a converter in its own process group; on time-out or cancel end the group, children
    included (subprocess.run's timeout kills only the direct child, and LibreOffice's soffice.bin
    survives it). Returns the exit status; raises TimeoutError or Cancelled."""
    if sys.platform == "win32":
        kw = {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP | getattr(subprocess, "CREATE_NO_WINDOW", 0)}
    else:
        kw = {"start_new_session": True}
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                status = proc.wait(timeout=0.2)
                if sys.platform != "win32":
                    _end_group(proc)  # a child left behind by a converter that has exited
                return status
            except subprocess.TimeoutExpired:
                pass
            if cancel is not None and cancel.is_set():
                _end_group(proc)
                raise Cancelled("Đã dừng tạo PDF theo yêu cầu; chưa ghi tệp PDF nào.")
            if time.monotonic() > deadline:
                _end_group(proc)
                raise TimeoutError
    except BaseException:
        if proc.poll() is None:
            _end_group(proc)
        raise


def _via_soffice(soffice: str, docx: Path, out_dir: Path, timeout: float, cancel) -> Path:
    with tempfile.TemporaryDirectory(prefix="vbyt-lo-") as profile:
        cmd = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(docx),
        ]
        try:
            status = run_converter(cmd, timeout, cancel)
        except TimeoutError:
            raise UserError(
                f"LibreOffice chưa chuyển xong {docx.name} sang PDF sau {timeout:.0f} giây nên đã "
                "được dừng; tệp .docx vẫn dùng được (mở bằng Word và “Lưu thành PDF”)."
            ) from None
        except OSError as e:
            raise UserError(f"Không chạy được LibreOffice để tạo PDF cho {docx.name} ({e}).") from e
    pdf = out_dir / (docx.stem + ".pdf")
    if not pdf.exists():
        raise UserError(f"LibreOffice không tạo được tệp PDF cho {docx.name} (mã lỗi {status}).")
    return pdf


def _via_word(docx: Path, pdf: Path, timeout: float, cancel) -> None:
    script = (
        "$w = New-Object -ComObject Word.Application; $w.Visible = $false; "
        f"$d = $w.Documents.Open('{docx}', $false, $true); $d.SaveAs([ref]'{pdf}', [ref]17); "
        "$d.Close($false); $w.Quit()"
    )
    try:
        status = run_converter(["powershell", "-NoProfile", "-Command", script], timeout, cancel)
    except TimeoutError:
        raise UserError(
            f"Word chưa chuyển xong {docx.name} sang PDF sau {timeout:.0f} giây nên đã được dừng."
        ) from None
    except OSError as e:
        raise UserError(f"Word không chuyển được {docx.name} sang PDF ({e}).") from e
    if status != 0:
        raise UserError(f"Word không chuyển được {docx.name} sang PDF (mã lỗi {status}).")


def to_pdf(
    docx: str | Path, pdf: str | Path | None = None, *, timeout: float = TIMEOUT, cancel: threading.Event | None = None
) -> Path:
    """Write the PDF of `docx` (default: same name, .pdf) and return its path. The converter is
    ended, children included, after `timeout` seconds or when `cancel` is set; nothing is written
    then."""
    src = Path(docx)
    target = Path(pdf) if pdf else src.with_suffix(".pdf")
    soffice = find_soffice()
    if soffice is None and not _word_available():
        raise UserError(
            "Không tạo được PDF: máy chưa cài LibreOffice hoặc Microsoft Word. "
            "Hãy cài một trong hai, hoặc mở tệp .docx và dùng “Lưu thành PDF”."
        )
    with atomic_path(target) as tmp:
        if soffice:
            with tempfile.TemporaryDirectory(prefix="vbyt-pdf-") as work:
                made = _via_soffice(soffice, src, Path(work), timeout, cancel)
                shutil.move(str(made), tmp)
        else:
            _via_word(src.resolve(), tmp.resolve(), timeout, cancel)
    return target
