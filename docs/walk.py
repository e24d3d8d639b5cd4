"""The clerk's year, end to end, on the REAL window (X11, not offscreen), for a unit that is not the demo:
Trung tâm Y tế huyện Tân Phú (Đồng Nai) and its departments.

    python3 docs/walk.py            # 1366 × 768, then 1920 × 1080 at 150 % (QT_SCALE_FACTOR=1.5)
    python3 docs/walk.py --only 100 # one of the two runs (100 or 150)

Each run starts `Xvfb :99` at its screen size when DISPLAY is unset (with DISPLAY set, that display is
used for both runs) and drives the app's own main() on a new database: (1) the first-run wizard, (2) a
superior's plan imported (a copy of tests/fixtures/seeds/003_*.txt), (3) activities typed in the ledger,
(4) a department workbook written then imported, (5) Tổng quan, (6) the report of a quarter and of the
year, a section edited, (7) Xem trước, Xuất Word, Xuất PDF, (8) an evidence file attached, (9) Xuất hồ sơ
minh chứng, (10) next year's plan. Dialogs are found with QApplication.activeModalWidget() /
topLevelWidgets() from a timer and clicked; only the file dialogs are patched (fixed paths).

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
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots" / "walk"
RUNS = {"100": ("1366x768", "1"), "150": ("1920x1080", "1.5")}
UNIT = ("Sở Y tế tỉnh Đồng Nai", "Trung tâm Y tế huyện Tân Phú", "TTYT", "Đồng Nai")
DEPARTMENTS = (
    ("Phòng Kế hoạch - Nghiệp vụ", "KHNV"),
    ("Phòng Tổ chức - Hành chính", "TCHC"),
    ("Khoa Kiểm soát bệnh tật và HIV/AIDS", "KSBT"),
    ("Khoa An toàn thực phẩm", "ATTP"),
    ("Khoa Y tế công cộng và Dinh dưỡng", "YTCC"),
    ("Khoa Chăm sóc sức khỏe sinh sản", "CSSKSS"),
)


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
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp / "settings"))
    walk = Walk(tmp, "" if key == "100" else "-150")
    try:
        code = walk.start()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for line in walk.failures:
        print("FAIL", line, flush=True)
    print(f"{len(walk.shots)} pictures, {len(walk.failures)} failures", flush=True)
    return 1 if walk.failures or code else 0


class Walk:
    def __init__(self, tmp: Path, suffix: str):
        self.tmp, self.suffix = tmp, suffix
        self.failures: list[str] = []
        self.shots: list[Path] = []
        self.files: dict[str, object] = {}  # what the patched file dialogs answer, by kind
        self.db = tmp / "Dữ liệu" / "vanbanyte.db"
        self.gen = None
        self.busy = False

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
        if self.gen is not None:
            self.failures.append("the window closed before the walk ended")
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
    def steps(self):
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication, QWizard

        year = date.today().year
        # ---- (1) the first-run wizard
        self.step = "01-wizard"
        yield (lambda: self.modal_of("FirstRunWizard"), 30, "the first-run wizard")
        wiz = self.modal_of("FirstRunWizard")
        self.shot("01-wizard")
        self.click(wiz.button(QWizard.NextButton))
        page = wiz.currentPage()
        for field, text in zip((page.parent_body, page.name, page.abbr, page.place), UNIT):
            self.type(field, text)
        self.shot("01-wizard-don-vi")
        self.click(wiz.button(QWizard.NextButton))
        table_page = wiz.currentPage()
        t = table_page.table
        t.setFocus()
        t.selectAll()
        self.key(t, Qt.Key_Delete)
        for name, abbr in DEPARTMENTS:
            self.click(table_page.add_button)
            self.type(QApplication.focusWidget(), name)
            self.key(QApplication.focusWidget(), Qt.Key_Tab)
            self.type(QApplication.focusWidget(), abbr)
            self.key(QApplication.focusWidget(), Qt.Key_Return)
        self.shot("01-wizard-khoa-phong")
        self.click(wiz.button(QWizard.NextButton))
        signer = wiz.currentPage().table
        for col, text in ((1, ""), (2, "Nguyễn Văn Bình")):
            if not text:
                continue
            signer.setCurrentCell(0, col)
            self.key(signer, Qt.Key_F2)
            self.type(QApplication.focusWidget(), text)
            self.key(QApplication.focusWidget(), Qt.Key_Return)
        self.shot("01-wizard-nguoi-ky")
        self.click(wiz.button(QWizard.NextButton))
        rec = wiz.currentPage()
        for text in ("Sở Y tế tỉnh Đồng Nai", "UBND huyện Tân Phú"):
            self.click(rec.add_button)
            self.type(QApplication.focusWidget(), text)
            self.key(QApplication.focusWidget(), Qt.Key_Return)
        self.click(wiz.button(QWizard.NextButton))
        self.shot("01-wizard-ke-hoach")
        self.later(self.click, wiz.button(QWizard.FinishButton))
        yield (lambda: self.window() is not None and self.window().ready, 60, "the window filled in")
        win = self.window()
        win.activateWindow()
        yield 0.5
        self.shot("01-cua-so-dau-tien")

        # ---- (2) the superior's plan
        self.step = "02-ke-hoach-cap-tren"
        seed = next((ROOT / "tests" / "fixtures" / "seeds").glob("003_*.txt"))
        superior = self.tmp / "KH_So_Y_te_chuyen_doi_so.txt"
        shutil.copy(seed, superior)
        win.tabs.setCurrentWidget(win.plan_page)
        self.files["open"] = superior
        self.later(self.click, self.button(win.plan_page, "Tạo từ kế hoạch cấp trên"))
        yield (lambda: self.modal_of("CascadeDialog") or self.modal_of("QMessageBox"), 60, "the review of the plan")
        if self.modal_of("QMessageBox"):
            self.shot("02-hoi")
            self.later(self.modal().accept)
            yield (lambda: self.modal_of("CascadeDialog"), 60, "the review of the plan")
        dlg = self.modal_of("CascadeDialog")
        if dlg is not None:
            for i in range(dlg.tabs.count()):
                dlg.tabs.setCurrentIndex(i)
                self.shot(f"02-ke-hoach-cap-tren-{i + 1}")
            self.later(self.click, dlg.ok)
            yield (lambda: self.modal() is None, 30, "the plan created")
        yield 0.3
        self.shot("02-ke-hoach")
        if win.plan_page.current_plan_id() is None:
            self.fail("02: no plan after the import")

        # ---- (3) the ledger, typed
        self.step = "03-hoat-dong"
        page = win.ledger_page
        win.tabs.setCurrentWidget(page)
        yield 0.2
        page.new()
        form = page.form
        for day, title in (
            (f"12/3/{year}", "Tuyên truyền phòng, chống sốt xuất huyết trên loa truyền thanh xã"),
            (f"5/4/{year}", "Bài viết về tiêm chủng mở rộng trên trang thông tin điện tử của Trung tâm"),
            (f"20/5/{year}", "Nói chuyện chuyên đề an toàn thực phẩm tại trường tiểu học thị trấn"),
        ):
            form.start.edit.selectAll()
            self.type(form.start.edit, day)
            self.type(form.title, title)
            self.key(form.notes, Qt.Key_Return)
            if form.title.text():
                self.fail(f"03: “{title[:30]}…” not saved: {form.error.text()}")
        yield 0.2
        self.shot("03-hoat-dong")

        # ---- (4) a department's workbook: written, filled in, imported
        self.step = "04-so-excel"
        book = self.tmp / "So_ghi_Khoa_KSBT.xlsx"
        self.files["save"] = book
        self.later(self.action(win, "Tạo sổ Excel cho khoa, phòng").trigger)
        yield (lambda: self.modal_of("QMessageBox"), 60, "“Đã ghi” after the workbook")
        self.shot("04-so-excel")
        self.later(self.close_box)
        yield (lambda: self.modal() is None, 10, "the message closed")
        try:
            _fill_workbook(book, DEPARTMENTS[2][0], year)
        except Exception as e:  # noqa: BLE001
            self.fail(f"04: could not fill the workbook: {e}")
        self.files["open_many"] = [book]
        self.later(self.action(win, "Nhập hoạt động từ Excel").trigger)
        yield (lambda: self.modal_of("ImportPreview"), 60, "the import preview")
        dlg = self.modal_of("ImportPreview")
        if dlg is not None:
            self.shot("04-nhap-excel")
            self.later(self.click, dlg.import_button)
            yield (lambda: self.modal_of("ImportPreview") is None, 30, "the import")
        yield 0.3
        if self.modal() is not None:
            self.shot("04-nhap-excel-xong")
            self.later(self.close_box)
            yield (lambda: self.modal() is None, 10, "the message closed")
        self.shot("04-hoat-dong-sau-nhap")

        # ---- (5) Tổng quan
        self.step = "05-tong-quan"
        win.tabs.setCurrentIndex(0)
        yield 0.3
        self.shot("05-tong-quan")

        # ---- (6) the report of a quarter, then of the year, a section edited
        self.step = "06-bao-cao"
        rp = win.report_page
        win.tabs.setCurrentWidget(rp)
        yield 0.3
        rp.period.setFocus()
        q = rp.period.findData("q2")
        if q >= 0:
            rp.period.setCurrentIndex(q)
        yield 0.3
        self.shot("06-bao-cao-quy")
        y = rp.period.findData("year")
        if y >= 0:
            rp.period.setCurrentIndex(y)
        yield 0.3
        if rp.list.count() > 1:
            rp.list.setCurrentRow(1)
            rp.editor.setFocus()
            self.key(rp.editor, Qt.Key_End, Qt.ControlModifier)
            self.type(rp.editor, " Trung tâm phối hợp với các trạm y tế xã tổ chức tuyên truyền.")
        yield 0.6
        self.shot("06-bao-cao-nam")

        # ---- (7) Xem trước, Xuất Word, Xuất PDF
        self.step = "07-xem-truoc"
        self.click(self.button(rp, "Xem trước"))
        yield (
            lambda: getattr(rp, "preview_dialog", None) is not None and rp.preview_dialog.isVisible(),
            20,
            "Xem trước",
        )
        yield 0.5
        self.shot("07-xem-truoc")
        if getattr(rp, "preview_dialog", None) is not None:
            rp.preview_dialog.close()
        self.step = "07-xuat-word"
        self.files["save"] = self.tmp / "Bao_cao_nam.docx"
        self.later(self.click, self.button(rp, "Xuất Word"))
        yield (lambda: self.modal_of("QMessageBox"), 120, "“Đã ghi” after Xuất Word")
        self.shot("07-xuat-word")
        self.later(self.close_box)
        yield (lambda: self.modal() is None, 10, "the message closed")
        self.step = "07-xuat-pdf"
        if shutil.which("soffice") or shutil.which("libreoffice"):
            self.files["save"] = self.tmp / "Bao_cao_nam.pdf"
            self.later(self.click, self.button(rp, "Xuất PDF"))
            yield 1.0
            self.shot("07-xuat-pdf-dang-chay")
            yield (lambda: self.modal_of("QMessageBox") and "Đã ghi" in self.modal().text(), 240, "Xuất PDF")
            self.shot("07-xuat-pdf")
            self.later(self.close_box)
            yield (lambda: self.modal() is None, 10, "the message closed")
        else:
            print("07: LibreOffice not installed: no PDF", flush=True)

        # ---- (8) an evidence file attached to an activity
        self.step = "08-minh-chung"
        win.tabs.setCurrentWidget(page)
        yield 0.2
        page.table.setFocus()
        page.table.selectRow(0)
        proof = self.tmp / "Anh_buoi_noi_chuyen_ATTP.jpg"
        proof.write_bytes(b"\xff\xd8\xff\xe0" + b"0" * 4000)
        self.files["open_many"] = [proof]
        self.click(form.files.add_button)
        yield (lambda: form.files.list.count() > 0, 20, "the evidence file listed")
        self.shot("08-minh-chung")

        # ---- (9) Xuất hồ sơ minh chứng
        self.step = "09-ho-so"
        win.tabs.setCurrentWidget(rp)
        yield 0.2
        self.files["save"] = self.tmp / "Ho_so_minh_chung.zip"
        self.later(self.click, rp.dossier_button)
        yield (lambda: self.modal_of("QMessageBox"), 240, "“Đã ghi” after the dossier")
        self.shot("09-ho-so-minh-chung")
        self.later(self.close_box)
        yield (lambda: self.modal() is None, 10, "the message closed")

        # ---- (10) next year's plan
        self.step = "10-nam-sau"
        win.tabs.setCurrentWidget(win.plan_page)
        yield 0.2
        self.later(self.click, self.button(win.plan_page, "Tạo kế hoạch năm sau"))
        yield (lambda: self.modal_of("CopyPlanDialog"), 30, "the next year's plan dialog")
        dlg = self.modal_of("CopyPlanDialog")
        if dlg is not None:
            self.shot("10-ke-hoach-nam-sau")
            self.later(self.click, self.button(dlg, "Tạo kế hoạch"))
            yield (lambda: self.modal_of("CopyPlanDialog") is None, 30, "the plan created")
        yield 0.3
        self.shot("10-ke-hoach-moi")
        self.step = "quit"
        self.later(self.action(win, "Thoát").trigger)
        yield None

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


def _fill_workbook(path: Path, dept: str, year: int) -> None:
    """Three rows a department would type into the workbook the app wrote."""
    from openpyxl import load_workbook

    from desktop.domain import forms

    wb = load_workbook(path)
    form = next(iter(forms.FORMS.values()) if isinstance(forms.FORMS, dict) else iter(forms.FORMS)).label
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        for row in ws.iter_rows(min_row=1, max_row=10):
            heads = {str(c.value).strip(): c.column for c in row if c.value}
            if "Ngày" in heads:
                r0 = row[0].row + 1
                title = next(c for h, c in heads.items() if h.startswith("Nội dung") or h.startswith("Tên"))
                form_col = next((c for h, c in heads.items() if h.startswith("Hình thức")), None)
                for i, (d, text) in enumerate(
                    (
                        (f"02/6/{year}", "Truyền thông phòng, chống HIV/AIDS tại chợ Phương Lâm"),
                        (f"16/6/{year}", "Bài viết về phòng bệnh tay chân miệng cho trẻ mầm non"),
                        (f"07/7/{year}", "Tập huấn tuyên truyền viên sức khỏe ở ấp"),
                    )
                ):
                    ws.cell(row=r0 + i, column=heads["Ngày"], value=d)
                    ws.cell(row=r0 + i, column=heads["Khoa, phòng"], value=dept)
                    ws.cell(row=r0 + i, column=title, value=text)
                    if form_col:
                        ws.cell(row=r0 + i, column=form_col, value=form)
                wb.save(path)
                return
    raise LookupError("no header row with “Ngày” in the workbook")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
