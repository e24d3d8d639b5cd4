"""Diagnostics (desktop.log): a rotating log in the data folder, the command line's last-resort
error naming it, --version, and no crash when the log cannot be written."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__, cli
from desktop import log as applog

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def fresh_log(tmp_path, monkeypatch):
    """Each test's own data folder; the log detached afterwards."""
    monkeypatch.setenv("VANBANYTE_DATA_DIR", str(tmp_path / "data"))
    applog.shutdown()
    yield tmp_path / "data" / "logs" / "vanbanyte.log"
    applog.shutdown()


def test_log_goes_to_the_data_folder_and_says_how_the_app_started(fresh_log):
    assert applog.setup(kind="cli") == fresh_log
    assert applog.setup(kind="cli") == fresh_log  # idempotent: one handler
    applog.logger().info("xin chào")
    text = fresh_log.read_text(encoding="utf-8")
    assert text.count(" start VanBanYTe ") == 1 and __version__ in text and "from source" in text
    assert "xin chào" in text and "Python" in text


def test_log_rotates_at_the_size_limit(tmp_path):
    folder = tmp_path / "logs"
    path = applog.setup(folder, max_bytes=4000, backups=3)
    for i in range(400):
        applog.logger().info("dòng %04d %s", i, "x" * 60)
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["vanbanyte.log", "vanbanyte.log.1", "vanbanyte.log.2", "vanbanyte.log.3"]
    for p in folder.iterdir():
        assert p.stat().st_size <= 4000
    assert "dòng 0399" in path.read_text(encoding="utf-8")  # the newest in the current file


def test_default_size_is_one_megabyte_times_three():
    assert (applog.MAX_BYTES, applog.BACKUPS) == (1_000_000, 3)


def test_unwritable_log_folder_does_not_crash(tmp_path, capfd):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the folder should be")
    assert applog.setup(blocker / "logs") is None
    assert applog.log_path() is None and applog.where() == ""
    applog.logger().error("nowhere to go")
    applog.logger().exception("still nowhere")
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_log_removed_while_running_does_not_crash(tmp_path, capfd):
    folder = tmp_path / "logs"
    path = applog.setup(folder)
    applog._handler.stream.close()  # a write failing later (disk full, file gone)
    applog.logger().error("after the failure")
    assert capfd.readouterr().err == ""
    assert path == applog.log_path()


def test_cli_unexpected_error_names_the_log_and_logs_the_traceback(demo_copy, tmp_path, fresh_log, monkeypatch, capsys):
    from desktop import app

    def broken(*a, **k):
        raise RuntimeError("hỏng giữa chừng\ndòng thứ hai")

    monkeypatch.setattr(app, "write_plan", broken)
    assert cli.main(["render", "plan", "--db", str(demo_copy), "--out", str(tmp_path / "kh.docx")]) == 1
    err = capsys.readouterr().err
    assert err == f"Lỗi không mong đợi (RuntimeError): hỏng giữa chừng (chi tiết: {fresh_log})\n"
    text = fresh_log.read_text(encoding="utf-8")
    assert "command: ['render', 'plan'" in text
    assert "Traceback (most recent call last)" in text and "in broken" in text and "dòng thứ hai" in text


def test_cli_user_error_is_logged_as_a_warning(tmp_path, fresh_log, capsys):
    assert cli.main(["render", "plan", "--db", str(tmp_path / "khong_co.db"), "--out", str(tmp_path / "x.docx")]) == 1
    line = capsys.readouterr().err.strip()
    assert line.startswith("Không tìm thấy tệp dữ liệu") and "chi tiết" not in line
    text = fresh_log.read_text(encoding="utf-8")
    assert "WARNING refused: Không tìm thấy tệp dữ liệu" in text and "Traceback" not in text


def test_cli_with_an_unwritable_data_folder_still_works(demo_copy, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    env = {**os.environ, "VANBANYTE_DATA_DIR": str(blocker / "data")}
    res = subprocess.run(
        [sys.executable, "-m", "desktop", "render", "plan", "--db", str(demo_copy), "--out", str(tmp_path / "kh.docx")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert res.returncode == 0 and res.stderr == "", res.stderr
    res = subprocess.run(
        [sys.executable, "-m", "desktop", "check", str(tmp_path / "khong_co.docx")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert res.returncode == 1 and len(res.stderr.strip().splitlines()) == 1, res.stderr


def test_version_names_the_app():
    res = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert res.returncode == 0 and res.stdout == f"Văn bản Y tế {__version__}\n"


def test_log_never_reaches_the_root_logger(tmp_path):
    """The app's records go to its file only, never through the root logger (stderr, a host's
    handlers). Asked of the root logger itself: pytest ≥ 9.1's caplog also listens on loggers that
    do not propagate, so caplog cannot tell."""
    seen: list[logging.LogRecord] = []

    class Catch(logging.Handler):
        def emit(self, record):
            seen.append(record)

    root, catch = logging.getLogger(), Catch(logging.DEBUG)
    root.addHandler(catch)
    try:
        path = applog.setup(tmp_path / "logs")
        applog.logger().warning("riêng")
    finally:
        root.removeHandler(catch)
    assert [r for r in seen if r.name.startswith(applog.NAME)] == []
    assert "riêng" in path.read_text(encoding="utf-8")


def test_a_rotation_that_fails_drops_nothing_after_it(tmp_path, monkeypatch):
    """On Windows another process (the window, a command) may hold the file: the rename fails,
    that record is dropped, logging goes on in the same file."""
    folder = tmp_path / "logs"
    path = applog.setup(folder, max_bytes=2000, backups=2)
    real_replace, failed = os.replace, []

    def locked(src, dst):
        if not failed:
            failed.append(src)
            raise PermissionError(13, "in use by another process")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    for i in range(60):
        applog.logger().info("dòng %03d %s", i, "y" * 60)
    assert failed
    assert "dòng 059" in path.read_text(encoding="utf-8")
    assert sorted(p.name for p in folder.iterdir()) == ["vanbanyte.log", "vanbanyte.log.1", "vanbanyte.log.2"]
