"""What the frozen build relies on, checked from the source: the launcher's options, what the
bundle leaves out, the bundle audit, the per-user folders, Vietnamese paths with spaces."""

import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FOLDER = "Tài liệu Kế hoạch"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        spec.loader.exec_module(mod)
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    return mod


def test_launcher_takes_qt_platform_option_before_argparse(monkeypatch):
    launcher = _load("launcher")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    rest = launcher._qt_platform_option(["--db", "a.db", "-platform", "offscreen", "--self-test", "r.txt"])
    assert rest == ["--db", "a.db", "--self-test", "r.txt"]
    import os

    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"
    assert launcher._qt_platform_option(["render", "plan"]) == ["render", "plan"]


@pytest.mark.parametrize(
    "dest, kept",
    [
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/translations/qtbase_fr.qm", False),
        ("PySide6/qt_help_de.qm".replace("qt_help", "translations/qt_help"), False),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/plugins/platforms/qoffscreen.dll", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/imageformats/libqico.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/tls/qopensslbackend.dll", False),
        ("PySide6/Qt/lib/libQt6DBus.so.6", True),  # Qt6Gui links it
        ("PySide6/Qt6Network.dll", False),
        ("PySide6/opengl32sw.dll", False),
        ("PySide6\\Qt6Widgets.dll", True),
    ],
)
def test_slim_drops_only_what_the_app_never_loads(dest, kept):
    assert _load("slim").keep(dest) is kept


def test_audit_refuses_test_only_files_and_missing_data(tmp_path, capsys):
    audit = _load("audit_bundle")
    good = tmp_path / "b"
    for rel in audit.REQUIRED:
        (good / "_internal" / rel).parent.mkdir(parents=True, exist_ok=True)
        (good / "_internal" / rel).write_text("x")
    pdfium = good / "_internal" / "pypdfium2_raw" / "libpdfium.so"  # PDFium, named by platform: its own check
    pdfium.parent.mkdir(parents=True)
    pdfium.write_bytes(b"\x7fELF")
    monkey_argv = [sys.argv[0], str(good)]
    sys_argv, sys.argv = sys.argv, monkey_argv
    try:
        assert audit.main() == 0
        pdfium.rename(pdfium.with_name("pdfium.txt"))
        assert audit.main() == 1  # a bundle that cannot read a superior's PDF is refused
        pdfium.with_name("pdfium.txt").rename(pdfium)
        (good / "_internal" / "icuuc.dll").write_bytes(b"MZ")
        assert audit.main() == 1
        (good / "_internal" / "icuuc.dll").unlink()
        z = tmp_path / "a.zip"
        with zipfile.ZipFile(z, "w") as zf:
            for p in good.rglob("*"):
                if p.is_file():
                    zf.write(p, "VanBanYTe/" + p.relative_to(good).as_posix())
            zf.writestr("VanBanYTe/_internal/tests/test_x.py", "")
        sys.argv = [sys.argv[0], str(z)]
        assert audit.main() == 1
        (good / "_internal" / "desktop" / "templates_docx" / "bao_cao.docx").unlink()
        sys.argv = [sys.argv[0], str(good)]
        assert audit.main() == 1
    finally:
        sys.argv = sys_argv
    out = capsys.readouterr().out
    assert (
        "icuuc.dll" in out
        and "tests/test_x.py" in out
        and "missing from the bundle: desktop/templates_docx/bao_cao.docx" in out
    )


def test_zip_has_the_bundle_and_a_readable_doc_toi(tmp_path, monkeypatch):
    make_zip = _load("make_zip")
    dist = tmp_path / "VanBanYTe"
    (dist / "_internal").mkdir(parents=True)
    (dist / "VanBanYTe.exe").write_bytes(b"MZ")
    (dist / "_internal" / "x.dll").write_bytes(b"MZ")
    out = tmp_path / "dist" / "VanBanYTe-9.9-windows-x64.zip"
    monkeypatch.setattr(sys, "argv", ["make_zip", str(dist), str(out), "9.9"])
    assert make_zip.main() == 0
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        readme = z.read("VanBanYTe-9.9/Đọc tôi.txt")
    assert "VanBanYTe-9.9/VanBanYTe.exe" in names and "VanBanYTe-9.9/_internal/x.dll" in names
    assert readme.startswith("\ufeff".encode("utf-8"))  # Notepad shows the accents
    text = readme.decode("utf-8-sig")
    assert "VĂN BẢN Y TẾ 9.9" in text and "%APPDATA%" in text and "\r\n" in text
    import unicodedata

    assert unicodedata.is_normalized("NFC", text)


def test_data_folder_is_the_roaming_profile(monkeypatch):
    import platformdirs

    from desktop import paths

    seen = {}
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: seen.update(args=a, kwargs=k) or "/x/VanBanYTe")
    assert paths.data_dir() == Path("/x/VanBanYTe")
    assert seen["args"] == ("VanBanYTe",) and seen["kwargs"] == {"appauthor": False, "roaming": True}


def test_commands_work_in_a_vietnamese_folder_with_spaces(tmp_path):
    folder = tmp_path / FOLDER
    folder.mkdir()
    db, out = folder / "dữ liệu mẫu.db", folder / "Kế hoạch năm.docx"
    env_run = [sys.executable, "-m", "desktop"]
    for args in (
        ["demo", "--db", str(db), "--activities", "20"],
        ["render", "plan", "--db", str(db), "--out", str(out)],
        ["check", str(out)],
    ):
        p = subprocess.run(env_run + args, capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert p.returncode == 0, p.stderr
    assert out.is_file() and (folder / "dữ liệu mẫu.db").is_file()
