"""Frozen app against a frozen hello-PySide6 built the same way in the same run: start to first
window, bundle size, compressed size. Run by hand (needs PyInstaller: pip install -e '.[build]'):

    python bench/frozen_start.py [--runs 15] [--reuse]

Builds bench/hello/hello.spec and build.spec into build/bench/ (--reuse keeps earlier builds),
then starts each executable offscreen `--runs` times, alternating, and reports medians. The app
opens the demo database (150 activities) with --self-test, which records when its window first
paints (as hello does: "Đang mở dữ liệu…", tabs and menus) and when its screens and data are in. Goals (issue 6): start ≤ 1.25× hello, size ≤ 1.3× hello.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "bench"


def build(spec: Path, name: str, reuse: bool) -> Path:
    dist = OUT / "dist" / name
    if not (reuse and dist.exists()):
        t0 = time.monotonic()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--log-level",
                "ERROR",
                "--distpath",
                str(OUT / "dist"),
                "--workpath",
                str(OUT / "work" / name),
                str(spec),
            ],
            check=True,
            cwd=ROOT,
        )
        print(f"built {name} in {time.monotonic() - t0:.0f} s")
    return dist


def size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]  # Linux onedir links libraries
    return sum(p.stat().st_size for p in files), len(files)


def zipped(folder: Path) -> int:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for p in folder.rglob("*"):
            if p.is_file() and not p.is_symlink():
                z.write(p, p.relative_to(folder).as_posix())
    return buf.tell()


def start_once(cmd: list[str], result: Path) -> tuple[float, float]:
    """(first paint, ready) in seconds after the launch; ready = screens and data in (hello: = paint)."""
    result.unlink(missing_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t0 = time.time()
    subprocess.run(
        cmd,
        check=True,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=120,
    )
    facts = dict(line.split("=", 1) for line in result.read_text(encoding="utf-8").splitlines() if "=" in line)
    assert facts.get("RESULT") == "OK", facts
    shown = float(facts["shown_at"]) - t0
    return shown, float(facts.get("ready_at", facts["shown_at"])) - t0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--reuse", action="store_true")
    a = ap.parse_args()
    hello = build(ROOT / "bench" / "hello" / "hello.spec", "hello", a.reuse)
    app = build(ROOT / "build.spec", "VanBanYTe", a.reuse)
    tmp = Path(tempfile.mkdtemp(prefix="vbyt-bench-"))
    try:
        db = tmp / "demo.db"
        subprocess.run([str(app / "VanBanYTe-cli"), "demo", "--db", str(db)], check=True, stdout=subprocess.DEVNULL)
        cmds = {
            "hello": ([str(hello / "hello"), str(tmp / "h.txt")], tmp / "h.txt"),
            "app": ([str(app / "VanBanYTe"), "--db", str(db), "--self-test", str(tmp / "a.txt")], tmp / "a.txt"),
        }
        for name, (cmd, res) in cmds.items():  # warm the page cache once
            start_once(cmd, res)
        times: dict[str, list[float]] = {"hello": [], "app": [], "app ready": []}
        for _ in range(a.runs):
            for name, (cmd, res) in cmds.items():
                shown, ready = start_once(cmd, res)
                times[name].append(shown)
                if name == "app":
                    times["app ready"].append(ready)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    h = statistics.median(times["hello"])
    print(f"start to first window (first paint), median of {a.runs} (offscreen, demo database of 150 activities):")
    for name, label in (("hello", "hello-PySide6"), ("app", "app, window up"), ("app ready", "app, filled in")):
        m = statistics.median(times[name])
        ratio = "" if name == "hello" else f"  {m / h:.2f}× hello" + ("  (goal ≤ 1.25×)" if name == "app" else "")
        print(f"  {label:15} {m:.3f} s (min {min(times[name]):.3f}, max {max(times[name]):.3f}){ratio}")
    (hs, hn), (ps, pn) = size(hello), size(app)
    print("bundle size:")
    print(f"  hello-PySide6 {hs / 1e6:.1f} MB, {hn} files")
    print(f"  app           {ps / 1e6:.1f} MB, {pn} files")
    print(f"  ratio         {ps / hs:.2f}×  (goal ≤ 1.3×)")
    hz, pz = zipped(hello), zipped(app)
    print(f"zip (deflate 9): hello {hz / 1e6:.1f} MB, app {pz / 1e6:.1f} MB ({pz / hz:.2f}×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
