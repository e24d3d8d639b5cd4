"""The clerk's year, end to end, on the REAL window (X11, not offscreen), for a unit that is not the demo:
Trung tâm Y tế huyện Tân Phú (Đồng Nai) and its departments.

    python3 docs/walk.py            # 1366 × 768, then 1920 × 1080 at 150 % (QT_SCALE_FACTOR=1.5)
    python3 docs/walk.py --only 100 # one of the two runs (100 or 150)

Each run starts `Xvfb :99` at its screen size when DISPLAY is unset (with DISPLAY set, that display is
used for both runs) and drives the app's own main() on a new database, with its own settings (never those in
~/.config), through the steps of docs/walk_year.py: (1) the first-run wizard, typed, (2) Sở Y tế's plan
imported (tests/fixtures/seeds/003 under a dated header) and reviewed, (3) activities typed in the ledger,
(4) a department workbook written, filled in, imported, (5) Tổng quan, (6) the report of a quarter and of the
year, a section edited, (7) Xem trước, Xuất Word, Xuất PDF of the plan and of the report, (8) an evidence file
attached, (9) Xuất hồ sơ minh chứng, (10) next year's plan. Dialogs are found with activeModalWidget() /
topLevelWidgets() from a timer and clicked; only the file dialogs are patched (fixed paths). A message box
that comes instead of what a step waits for fails that step at once, its text printed.

At every step the window and each open dialog are saved to docs/screenshots/walk/NN-name.png (NN-name-150.png
at 150 %), and checked: a top-level window or dialog, or a visible button in it, that lies outside the
screen's available geometry (or outside its own window) is printed, one line each. Exit 1 if any check
failed or a step could not be done.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

from walk_year import Year  # docs/walk_year.py: the steps (docs/ is on sys.path as the script's folder)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots" / "walk"
RUNS = {"100": ("1366x768", "1"), "150": ("1920x1080", "1.5")}


# ====================================================================== parent: one child per screen size
def main(argv: list[str]) -> int:
    if "--run" in argv:
        return run(argv[argv.index("--run") + 1])
    only = argv[argv.index("--only") + 1] if "--only" in argv else None
    OUT.mkdir(parents=True, exist_ok=True)
    status = 0
    for key, (size, scale) in RUNS.items():
        if only and key != only:
            continue
        env = dict(os.environ, QT_QPA_PLATFORM="xcb", QT_SCALE_FACTOR=scale)
        env.pop("QT_SCREEN_SCALE_FACTORS", None)
        xvfb = None
        if not os.environ.get("DISPLAY"):
            n = next(n for n in range(99, 200) if not Path(f"/tmp/.X{n}-lock").exists())  # :99 unless taken
            xvfb = subprocess.Popen(
                ["Xvfb", f":{n}", "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            env["DISPLAY"] = f":{n}"
            time.sleep(1.5)
        print(f"== {size}, QT_SCALE_FACTOR={scale}", flush=True)
        try:
            p = subprocess.run([sys.executable, __file__, "--run", key], cwd=ROOT, env=env, timeout=900)
            status |= p.returncode != 0
        except subprocess.TimeoutExpired:
            print(f"FAIL the walk at {size} did not end in 900 s", flush=True)
            status = 1
        finally:
            if xvfb is not None:
                xvfb.terminate()
                xvfb.wait()
    print("walk: " + ("FAILED" if status else "OK"))
    return 1 if status else 0


# ====================================================================== child: the walk in the real window
def run(key: str) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="walk-"))
    os.environ["VANBANYTE_DATA_DIR"] = str(tmp / "data")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.IniFormat)
    # the window's QSettings(ORG, APP) is NativeFormat: without its own path it read the splitters and window size
    # another run had saved in ~/.config/VanBanYTe (a plan panel narrowed at 960 px came back at 1280)
    for fmt in (QSettings.IniFormat, QSettings.NativeFormat):
        QSettings.setPath(fmt, QSettings.UserScope, str(tmp / "settings"))
    walk = Walk(tmp, "" if key == "100" else "-150")
    try:
        code = walk.start()
        log = tmp / "data" / "logs" / "vanbanyte.log"
        if (walk.failures or code) and log.exists():  # what the app logged, before its folder goes
            print("".join(log.read_text(encoding="utf-8", errors="replace").splitlines(True)[-30:]), flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for line in walk.failures:
        print("FAIL", line, flush=True)
    print(f"{len(walk.shots)} pictures, {len(walk.failures)} failures", flush=True)
    return 1 if walk.failures or code else 0


class Walk(Year):
    def __init__(self, tmp: Path, suffix: str):
        self.tmp, self.suffix = tmp, suffix
        self.failures: list[str] = []
        self.shots: list[Path] = []
        self.files: dict[str, object] = {}  # what the patched file dialogs answer, by kind
        self.db = tmp / "Dữ liệu" / "vanbanyte.db"
        self.gen = None
        self.busy = False
        self._box_since = None
        self.ended = False
        self.step = "start"

    # ------------------------------------------------------------ plumbing
    def start(self) -> int:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QFileDialog

        from desktop.ui import main as ui_main

        self.db.parent.mkdir(parents=True)
        patched = {
            "getOpenFileName": lambda *a, **k: (str(self.files.pop("open", "")), ""),
            "getOpenFileNames": lambda *a, **k: ([str(p) for p in self.files.pop("open_many", [])], ""),
            "getSaveFileName": lambda *a, **k: (str(self.files.pop("save", "")), ""),
            "getExistingDirectory": lambda *a, **k: str(self.files.pop("dir", "")),
        }
        for name, fn in patched.items():
            setattr(QFileDialog, name, staticmethod(fn))
        QApplication.instance() or QApplication(sys.argv[:1])  # the walk's timer needs it before main() runs
        self.gen = self.steps()
        self.timer = QTimer(interval=60)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.app_module = ui_main
        code = ui_main.main([], db_path=self.db)
        if self.gen is not None and not self.ended:
            self.failures.append(f"the window closed before the walk ended (at {self.step})")
        return code

    def _tick(self) -> None:
        """Advance the walk: each yield is a condition (a callable) to wait for, or a number of seconds."""
        import time as _t

        if self.busy or self.gen is None:
            return
        if getattr(self, "_until", None) is not None:
            cond, deadline, what = self._until
            ok = False
            try:
                ok = bool(cond())
            except Exception:  # noqa: BLE001
                ok = False
            box = None if ok else self.modal_of("QMessageBox")
            if box is not None and self._box_since is None:
                self._box_since = _t.monotonic()
            elif box is None:
                self._box_since = None
            if box is not None and _t.monotonic() - self._box_since > 2:  # a message came instead: say it, go on
                self._until = self._box_since = None
                self.fail(f"{self.step}: waited for {what}, got the message “{box.text()}”")
                self.dismiss_modals()
            else:
                if not ok and _t.monotonic() < deadline:
                    return
                self._until = None
                if not ok:
                    self.fail(f"{self.step}: waited in vain for {what}")
                    self.dismiss_modals()
        self.busy = True
        try:
            wait = next(self.gen)
        except StopIteration:
            self.gen = None
            self.timer.stop()
            return
        except Exception:  # noqa: BLE001
            self.fail(f"{self.step}: {traceback.format_exc().strip().splitlines()[-1]}")
            traceback.print_exc()
            self.gen = None
            self.timer.stop()
            self.quit()
            return
        finally:
            self.busy = False
        if isinstance(wait, tuple):
            cond, seconds, what = wait
            self._until = (cond, _t.monotonic() + seconds, what)
        elif isinstance(wait, (int, float)):
            end = _t.monotonic() + wait
            self._until = (lambda: _t.monotonic() >= end, end + 1, "time")

    def fail(self, text: str) -> None:
        print("FAIL", text, flush=True)
        self.failures.append(text)

    def later(self, fn, *args) -> None:
        """Run fn from the event loop: an action that opens a modal dialog must not run inside the walk."""
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: fn(*args))

    @staticmethod
    def modal():
        from PySide6.QtWidgets import QApplication

        return QApplication.activeModalWidget()

    def modal_of(self, cls_name: str):
        m = self.modal()
        return m if m is not None and any(c.__name__ == cls_name for c in type(m).__mro__) else None

    def dismiss_modals(self) -> None:
        for _ in range(5):
            m = self.modal()
            if m is None:
                return
            self.shot(f"{self.step}-unexpected")
            m.reject() if hasattr(m, "reject") else m.close()

    def window(self):
        from PySide6.QtWidgets import QApplication

        return next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, self.app_module.MainWindow) and w.isVisible()),
            None,
        )

    @staticmethod
    def button(parent, text: str):
        from PySide6.QtWidgets import QAbstractButton

        for b in parent.findChildren(QAbstractButton):
            if b.text().replace("&", "").startswith(text) and b.isVisible():
                return b
        raise LookupError(f"no button “{text}” in {parent.windowTitle() or type(parent).__name__}")

    def click(self, widget) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.mouseClick(widget, Qt.LeftButton)

    @staticmethod
    def type(widget, text: str) -> None:
        """Key events, Vietnamese letters included (QTest.keyClicks takes ASCII only)."""
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        widget.setFocus()
        for ch in text:
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))

    @staticmethod
    def key(widget, key, modifiers=None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(widget, key, modifiers or Qt.NoModifier)

    def quit(self) -> None:
        from PySide6.QtWidgets import QApplication

        w = self.window()
        if w is not None:
            w.close()
        QApplication.instance().quit()

    # ------------------------------------------------------------ pictures and the fit check
    def shot(self, name: str) -> None:
        from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox

        QApplication.processEvents()
        tops = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and isinstance(w, (QMainWindow, QDialog, QMessageBox)) and w.width() > 40
        ]
        main = [w for w in tops if isinstance(w, QMainWindow)]
        dialogs = [w for w in tops if not isinstance(w, QMainWindow)]
        for i, w in enumerate(main + dialogs):
            tail = "" if w in main else ("-dialog" if i == len(main) else f"-dialog{i - len(main) + 1}")
            path = OUT / f"{name}{tail}{self.suffix}.png"
            w.grab().save(str(path))
            self.shots.append(path)
            self.check_fit(w, f"{name}{tail}")

    def check_fit(self, w, where: str) -> None:
        from PySide6.QtCore import QRect
        from PySide6.QtWidgets import QAbstractButton

        screen = (w.screen() or w.window().screen()).availableGeometry()
        frame = w.frameGeometry()
        title = w.windowTitle() or type(w).__name__
        if not screen.contains(frame):
            self.fail(f"{where}: window “{title}” {_rect(frame)} lies outside the screen {_rect(screen)}")
        inside = w.rect()
        for b in w.findChildren(QAbstractButton):
            if not b.isVisibleTo(w) or b.window() is not w or b.width() == 0:
                continue
            top_left = b.mapTo(w, b.rect().topLeft())
            r = QRect(top_left, b.size())
            glob = QRect(w.mapToGlobal(top_left), b.size())
            label = b.text().replace("&", "") or b.toolTip() or type(b).__name__
            if not inside.contains(r):
                self.fail(f"{where}: button “{label}” {_rect(r)} lies outside its window “{title}” {_rect(inside)}")
            elif not screen.contains(glob):
                self.fail(f"{where}: button “{label}” {_rect(glob)} lies outside the screen {_rect(screen)}")

    # ------------------------------------------------------------ the year
    def action(self, win, text: str):
        for a in win.file_menu.actions():
            if a.text().replace("&", "").startswith(text):
                return a
        raise LookupError(f"no menu item “{text}”")

    def close_box(self) -> None:
        """Đóng on the message an export gives (or its default button)."""
        m = self.modal()
        if m is None:
            return
        try:
            self.click(self.button(m, "Đóng"))
        except LookupError:
            m.accept() if hasattr(m, "accept") else m.close()


def _rect(r) -> str:
    return f"({r.x()},{r.y()} {r.width()}×{r.height()})"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
