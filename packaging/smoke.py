"""Smoke test of a frozen bundle (Linux, or Windows under wine), run by build-linux.sh and
build-windows.sh:

    python3 packaging/smoke.py DIST_DIR WORK_DIR [--wine] [--xvfb]

In a data folder named "Tài liệu Kế hoạch": `--version`, `demo`, `render plan`, `render report`,
`check` on both outputs with the frozen command-line executable; a superior's plan imported from a small
text PDF (`plan-import … --json` says `"source": "pdf"`: the bundle carries PDFium); the same with the source
(python3 -m desktop) and the documents compared part by part; the window opened offscreen (and
under Xvfb with --xvfb) with `--self-test`, quitting by itself; and nothing written into the
bundle's folder. Exit 0 when everything passed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from compare_docs import differences  # noqa: E402

NAME = "VanBanYTe"
FOLDER = "Tài liệu Kế hoạch"
TIMEOUT = 300


class Runner:
    def __init__(self, dist: Path, wine: bool):
        self.dist, self.wine = dist, wine

    def path(self, p: Path) -> str:
        return "Z:" + str(p).replace("/", "\\") if self.wine else str(p)

    def cmd(self, exe: str, *args: str) -> list[str]:
        if self.wine:
            return ["wine", str(self.dist / f"{exe}.exe"), *args]
        return [str(self.dist / exe), *args]


def run(cmd: list[str], env=None, expect: int = 0) -> str:
    t0 = time.monotonic()
    # stdin closed and stdout a pipe: the Windows python under wine 8 fails on a redirected file
    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT, env=env)
    out = (p.stdout + p.stderr).decode("utf-8", "replace")
    shown = " ".join(c if " " not in c else repr(c) for c in cmd[-6:])
    print(f"  [{time.monotonic() - t0:5.1f}s] exit {p.returncode}: …{shown}")
    if p.returncode != expect:
        raise SystemExit(f"FAIL: exit {p.returncode} (expected {expect}) from {cmd}\n{out}")
    return out


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(f.relative_to(folder)): (f.stat().st_size, f.stat().st_mtime_ns) for f in folder.rglob("*") if f.is_file()
    }


def version() -> str:
    ns: dict = {}
    exec((HERE.parent / "desktop" / "__init__.py").read_text(encoding="utf-8"), ns)
    return ns["__version__"]


def cli_documents(r: Runner, data: Path) -> None:
    out = run(r.cmd(f"{NAME}-cli", "--version"))
    if version() not in out:
        raise SystemExit(f"FAIL: --version printed {out!r}, expected {version()}")
    db = data / "dữ liệu mẫu.db"
    run(r.cmd(f"{NAME}-cli", "demo", "--db", r.path(db)))
    run(r.cmd(f"{NAME}-cli", "render", "plan", "--db", r.path(db), "--out", r.path(data / "Kế hoạch.docx")))
    run(r.cmd(f"{NAME}-cli", "render", "report", "--db", r.path(db), "--out", r.path(data / "Báo cáo.docx")))
    for doc in ("Kế hoạch.docx", "Báo cáo.docx"):
        out = run(r.cmd(f"{NAME}-cli", "check", r.path(data / doc)))
        if "đạt thể thức" not in out:
            raise SystemExit(f"FAIL: check {doc}: {out}")
    run(r.cmd(f"{NAME}-cli", "check", r.path(data / "không có.docx")), expect=1)
    pdf = superior_pdf(data / "Kế hoạch cấp trên.pdf")
    pdf_import(r.cmd(f"{NAME}-cli"), r.path(db), r.path(pdf))


def superior_pdf(out: Path) -> Path:
    """A small text PDF of a superior's plan, made on the host: tests/docgen/test_read_pdf.py's plan through
    pypdfium2, else the frozen run's "Kế hoạch.docx" beside `out` converted by LibreOffice."""
    sys.path.insert(0, str(HERE.parent))
    try:
        from tests.docgen.test_read_pdf import plan_pdf
    except Exception as e:  # noqa: BLE001 (pytest or pypdfium2 missing on the host)
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            raise SystemExit(f"FAIL: no way to make a PDF on this host ({e}; no LibreOffice)") from e
        docx = out.parent / "Kế hoạch.docx"
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out.parent), str(docx)],
            check=True,
            capture_output=True,
            timeout=TIMEOUT,
        )
        return docx.with_suffix(".pdf").replace(out)
    return plan_pdf(out)


def pdf_import(cmd: list[str], db: str, pdf: str, env=None) -> None:
    """`plan-import PDF --json --again` read through PDFium: "source": "pdf"."""
    out = run(cmd + ["plan-import", "--db", db, pdf, "--json", "--again"], env)
    start = out.find("{")
    got = json.loads(out[start : out.rfind("}") + 1]) if start >= 0 else {}
    if got.get("source") != "pdf" or not got.get("plan_id"):
        raise SystemExit(f"FAIL: plan-import of a PDF: {out[:400]}")
    print(f"    plan {got['plan_id']} from the PDF, source {got['source']}, {got.get('tasks')} tasks")


def source_documents(src: Path) -> None:
    py = [sys.executable, "-m", "desktop"]
    env = dict(os.environ, PYTHONPATH=str(HERE.parent))
    db = src / "dữ liệu mẫu.db"
    run(py + ["demo", "--db", str(db)], env)
    run(py + ["render", "plan", "--db", str(db), "--out", str(src / "Kế hoạch.docx")], env)
    run(py + ["render", "report", "--db", str(db), "--out", str(src / "Báo cáo.docx")], env)
    pdf_import(py, str(db), str(superior_pdf(src / "Kế hoạch cấp trên.pdf")), env)


def window(r: Runner, data: Path, label: str, prefix: list[str], qt_args: list[str]) -> None:
    result = data / f"self-test {label}.txt"
    cmd = prefix + r.cmd(NAME, "--db", r.path(data / "dữ liệu mẫu.db"), "--self-test", r.path(result), *qt_args)
    try:
        run(cmd)
    except SystemExit:
        if result.exists():
            print(result.read_text(encoding="utf-8"))
        raise
    text = result.read_text(encoding="utf-8") if result.exists() else "(no result file)"
    print("    " + text.strip().replace("\n", "\n    "))
    if "RESULT=OK" not in text or "activities=150" not in text:
        raise SystemExit(f"FAIL: window self-test ({label})")
    facts = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
    if r.wine and not facts.get("data_dir", "").endswith("\\AppData\\Roaming\\VanBanYTe"):
        raise SystemExit(f"FAIL: the data folder is not under %APPDATA% ({label})")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dist", type=Path)
    ap.add_argument("work", type=Path)
    ap.add_argument("--wine", action="store_true")
    ap.add_argument("--xvfb", action="store_true")
    a = ap.parse_args()
    r = Runner(a.dist.resolve(), a.wine)
    work = a.work.resolve()
    shutil.rmtree(work, ignore_errors=True)
    data, src = work / FOLDER, work / "source"
    data.mkdir(parents=True)
    src.mkdir()
    before = snapshot(r.dist)

    print("smoke: command line of the frozen app")
    cli_documents(r, data)
    print("smoke: the same documents from the source")
    source_documents(src)
    for doc in ("Kế hoạch.docx", "Báo cáo.docx"):
        diffs = differences(str(src / doc), str(data / doc))
        if diffs:
            raise SystemExit(f"FAIL: {doc} differs from the source run:\n" + "\n".join(diffs[:5]))
        print(f"  {doc}: identical to the source run (every XML part)")
    print("smoke: the window, offscreen")
    window(r, data, "offscreen", [], ["-platform", "offscreen"])
    if a.xvfb:
        print("smoke: the window, under Xvfb")
        window(r, data, "xvfb", ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24"], [])
    after = snapshot(r.dist)
    if after != before:
        changed = sorted(set(after.items()) ^ set(before.items()))
        raise SystemExit(f"FAIL: the app wrote into its own folder: {changed[:5]}")
    print("smoke: the bundle's folder is unchanged")
    print("SMOKE PASSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
