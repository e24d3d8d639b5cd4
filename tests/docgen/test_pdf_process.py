"""The PDF converter runs in its own process group and is ended, children included, when it
times out or the user cancels (subprocess.run's timeout leaves LibreOffice's soffice.bin running)."""

import os
import sys
import threading
import time

import pytest

from desktop.docgen import pdf
from desktop.domain.errors import UserError

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX process groups")


def fake_soffice(tmp_path, child_pid_file):
    """A stand-in converter that, like soffice, starts a child which does the work (and never ends)."""
    script = tmp_path / "soffice"
    script.write_text(f"#!/bin/sh\nsleep 600 &\necho $! > {child_pid_file}\nwait\n")
    script.chmod(0o755)
    return str(script)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie counts as ended
    with open(f"/proc/{pid}/stat") as f:
        return f.read().split(")")[-1].split()[0] != "Z"


def ended(pid: int, seconds: float = 10) -> bool:
    """The process has ended, or does within `seconds` (a killed process takes a moment to become a zombie
    on a loaded machine: polled, not timed)."""
    end = time.monotonic() + seconds
    while alive(pid):
        if time.monotonic() > end:
            return False
        time.sleep(0.05)
    return True


def wait_for(path, seconds=10):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if path.exists() and path.read_text().strip():
            return int(path.read_text())
        time.sleep(0.05)
    raise AssertionError("the converter did not start its child")


@pytest.mark.slow
def test_timeout_ends_the_converter_and_its_children(tmp_path, monkeypatch):
    pid_file = tmp_path / "child.pid"
    monkeypatch.setattr(pdf, "find_soffice", lambda: fake_soffice(tmp_path, pid_file))
    docx = tmp_path / "bao_cao.docx"
    docx.write_bytes(b"PK")
    with pytest.raises(UserError, match="chưa chuyển xong bao_cao.docx sang PDF sau 1 giây"):
        pdf.to_pdf(docx, timeout=1)
    child = wait_for(pid_file)
    assert ended(child)
    assert not (tmp_path / "bao_cao.pdf").exists()


@pytest.mark.slow
def test_cancel_ends_the_converter_and_its_children(tmp_path, monkeypatch):
    pid_file = tmp_path / "child.pid"
    monkeypatch.setattr(pdf, "find_soffice", lambda: fake_soffice(tmp_path, pid_file))
    docx = tmp_path / "bao_cao.docx"
    docx.write_bytes(b"PK")
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    with pytest.raises(pdf.Cancelled, match="Đã dừng tạo PDF"):
        pdf.to_pdf(docx, cancel=cancel)
    assert ended(wait_for(pid_file))
    assert not (tmp_path / "bao_cao.pdf").exists()
