"""The app installs like any Python application: a wheel built from the tree, installed into a
fresh virtual environment, runs the commands from any folder with only what the wheel carried
(resources, templates and migrations are package data, not files of the source tree)."""

import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def run(args, cwd, env=None, timeout=300):
    p = subprocess.run(args, capture_output=True, text=True, cwd=cwd, timeout=timeout, env=env)
    assert p.returncode == 0, f"{args}: {p.stdout[-2000:]}\n{p.stderr[-2000:]}"
    return p.stdout


def test_wheel_installs_into_a_fresh_venv_and_runs_from_any_folder(tmp_path):
    # built from a copy of the tree without build/ or egg-info leftovers, as from a fresh clone
    src = tmp_path / "src"
    shutil.copytree(
        ROOT,
        src,
        ignore=shutil.ignore_patterns(
            ".git", "build", "dist", "*.egg-info", "__pycache__", ".venv", ".pytest_cache", ".ruff_cache"
        ),
    )
    wheels = tmp_path / "wheels"
    run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(src)],
        cwd=tmp_path,
    )
    [wheel] = wheels.glob("van_ban_y_te-*.whl")
    # the dependencies (PySide6, docxtpl …) come from the site-packages of the interpreter running the
    # tests, a virtual environment or not (`--system-site-packages` would reach the base interpreter's,
    # not a venv's): a .pth names them, after the new venv's own, so `desktop` is the wheel's copy
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp_path)
    py = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    own = run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=tmp_path).strip()
    outer = [p for p in site.getsitepackages() + [site.getusersitepackages()] if Path(p).is_dir()]
    (Path(own) / "zz_outer_site.pth").write_text("\n".join(outer) + "\n", encoding="utf-8")
    # pip, from the outer site-packages, installs into the interpreter that runs it: the new venv
    run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], cwd=tmp_path)
    work = tmp_path / "một thư mục khác"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = run([str(py), "-c", "import desktop; print(desktop.__file__)"], cwd=work, env=env)
    assert Path(where.strip()).is_relative_to(venv), where
    run([str(py), "-m", "desktop", "demo", "--db", "du_lieu.db", "--activities", "30"], cwd=work, env=env)
    run([str(py), "-m", "desktop", "render", "plan", "--db", "du_lieu.db", "--out", "ke_hoach.docx"], cwd=work, env=env)
    run(
        [str(py), "-m", "desktop", "render", "report", "--db", "du_lieu.db", "--out", "bao_cao.docx"], cwd=work, env=env
    )
    for doc in ("ke_hoach.docx", "bao_cao.docx"):
        run([str(py), "-m", "desktop", "check", doc], cwd=work, env=env)
    run([str(py), "-m", "desktop", "xlsx-template", "--db", "du_lieu.db", "--out", "so.xlsx"], cwd=work, env=env)
    assert {p.name for p in work.iterdir()} >= {"du_lieu.db", "ke_hoach.docx", "bao_cao.docx", "so.xlsx"}
