"""The clerk's year, the ten steps docs/walk.py drives on the real window (see its docstring): the first-run
wizard, a superior's plan imported, the ledger typed, a department's workbook, Tổng quan, the reports, Xem trước
and the exports, an evidence file, the evidence dossier, next year's plan."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

UNIT = ("Sở Y tế tỉnh Đồng Nai", "Trung tâm Y tế huyện Tân Phú", "TTYT", "Đồng Nai")
DEPARTMENTS = (
    ("Phòng Kế hoạch - Nghiệp vụ", "KHNV"),
    ("Phòng Tổ chức - Hành chính", "TCHC"),
    ("Khoa Kiểm soát bệnh tật và HIV/AIDS", "KSBT"),
    ("Khoa An toàn thực phẩm", "ATTP"),
    ("Khoa Y tế công cộng và Dinh dưỡng", "YTCC"),
    ("Khoa Chăm sóc sức khỏe sinh sản", "CSSKSS"),
)


class Year:
    """The steps of the walk: a generator of waits, run by Walk._tick (docs/walk.py)."""

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
        yield 0.3
        self.shot("01-wizard-khoa-phong")
        if wiz.currentPage() is not table_page or table_page.values() != [list(d) for d in DEPARTMENTS]:
            self.fail(f"01: the departments typed are not the table's: {table_page.values()}")
        self.click(wiz.button(QWizard.NextButton))
        signers = wiz.currentPage()
        signers.table.setCurrentCell(0, 2)
        self.key(signers.table, Qt.Key_F2)
        self.type(QApplication.focusWidget(), "Nguyễn Văn Bình")
        self.key(QApplication.focusWidget(), Qt.Key_Return)
        yield 0.3
        self.shot("01-wizard-nguoi-ky")
        self.click(wiz.button(QWizard.NextButton))
        rec = wiz.currentPage()
        if rec is not wiz.recipient_page:
            raise RuntimeError(f"the wizard is on “{rec.title()}”, not on Nơi nhận")
        self.click(rec.add_button)  # the defaults (the superior, Ban Giám đốc, the departments) and one more
        self.type(QApplication.focusWidget(), "UBND huyện Tân Phú")
        self.key(QApplication.focusWidget(), Qt.Key_Return)
        yield 0.3
        self.shot("01-wizard-noi-nhan")
        self.click(wiz.button(QWizard.NextButton))
        yield 0.3
        self.shot("01-wizard-ke-hoach")
        self.later(self.click, wiz.button(QWizard.FinishButton))
        yield (lambda: self.window() is not None and self.window().ready, 60, "the window filled in")
        win = self.window()
        win.activateWindow()
        yield 0.5
        self.shot("01-cua-so-dau-tien")

        # ---- (2) the superior's plan: Sở Y tế's plan of this year (tests/fixtures/seeds/003, headed and dated)
        self.step = "02-ke-hoach-cap-tren"
        superior = self.tmp / "KH_215_So_Y_te_Dong_Nai.txt"
        superior.write_text(_superior_plan(year), encoding="utf-8")
        win.tabs.setCurrentWidget(win.plan_page)
        yield 0.3
        self.files["open"] = superior
        self.later(self.click, self.button(win.plan_page, "Tạo từ kế hoạch cấp trên"))
        yield (lambda: self.modal_of("CascadeDialog"), 60, "the review of the superior's plan")
        dlg = self.modal_of("CascadeDialog")
        if dlg is not None:
            for i in range(dlg.tabs.count()):
                dlg.tabs.setCurrentIndex(i)
                yield 0.2
                self.shot(f"02-ke-hoach-cap-tren-{i + 1}")
            self.later(self.click, dlg.ok)
            yield (lambda: self.modal() is None, 30, "the plan created")
        yield 0.5
        if win.plan_page.current_plan_id() is None:
            self.fail("02: no plan after the import")
        else:  # a task chosen: the item panel with its targets
            tree = win.plan_page.tree
            node = next((n for n in _nodes(tree) if n.foreground(0).color().name() == "#0b4f8a"), None)
            if node is not None:
                tree.scrollToItem(node)
                self.click_at(tree.viewport(), tree.visualItemRect(node).center())
            yield 0.5
        self.shot("02-ke-hoach")

        # ---- (3) the ledger, typed
        self.step = "03-hoat-dong"
        page = win.ledger_page
        win.tabs.setCurrentWidget(page)
        yield 0.2
        page.new()
        form = page.form
        for day, task, title in (
            (f"12/3/{year}", 5, "Tuyên truyền nội bộ về chuyển đổi số trên loa truyền thanh của Trung tâm"),
            (f"5/4/{year}", 6, "Bài viết về khoa học, công nghệ trong y tế trên trang thông tin điện tử"),
            (f"20/5/{year}", 1, "Nói chuyện chuyên đề về tầm quan trọng của chuyển đổi số tại trạm y tế xã"),
        ):
            form.start.edit.selectAll()
            self.type(form.start.edit, day)
            form.task.setFocus()
            self.key(form.task, Qt.Key_Home)
            for _ in range(task):  # the plan's n-th task, by the keyboard
                self.key(form.task, Qt.Key_Down)
            self.type(form.title, title)
            self.key(form.notes, Qt.Key_Return)
            if form.title.text():
                self.fail(f"03: “{title[:30]}…” not saved: {form.error.text()}")
        yield 0.3
        self.shot("03-hoat-dong")

        # ---- (4) a department's workbook: written, filled in, imported
        self.step = "04-so-excel"
        book = self.tmp / "So_ghi_Khoa_KSBT.xlsx"
        self.files["save"] = book
        self.later(self.action(win, "Tạo sổ Excel cho khoa, phòng").trigger)
        yield from self.expect_box("04-so-excel", "Đã ghi", 60)
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
            if not dlg.import_button.isEnabled():
                self.fail(f"04: nothing to import: “{dlg.import_button.text()}”")
            self.later(self.click, dlg.import_button)
            yield (lambda: self.modal_of("ImportPreview") is None, 30, "the import")
        yield 0.5
        if self.modal() is not None:
            self.shot("04-nhap-excel-xong")
            self.later(self.close_box)
            yield (lambda: self.modal() is None, 10, "the message closed")
        if page.model.rowCount() < 6:
            self.fail(f"04: {page.model.rowCount()} activities in the ledger after the import, not 6")
        self.shot("04-hoat-dong-sau-nhap")

        # ---- (5) Tổng quan
        self.step = "05-tong-quan"
        win.tabs.setCurrentIndex(0)
        yield 0.5
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
        yield 0.5
        self.shot("06-bao-cao-quy")
        y = rp.period.findData("year")
        if y >= 0:
            rp.period.setCurrentIndex(y)
        yield 0.5
        if rp.list.count() > 1:
            rp.list.setCurrentRow(1)
            rp.editor.setFocus()
            self.key(rp.editor, Qt.Key_End, Qt.ControlModifier)
            self.type(rp.editor, " Trung tâm phối hợp với các trạm y tế xã tổ chức tuyên truyền.")
        else:
            self.fail(f"06: the report has {rp.list.count()} sections")
        yield 0.8
        self.shot("06-bao-cao-nam")

        # ---- (7) Xem trước, Xuất Word, Xuất PDF: the plan's, then the report's
        win.tabs.setCurrentWidget(win.plan_page)
        yield 0.3
        yield from self.exports(win.plan_page, "ke-hoach", f"Ke_hoach_{year}")
        win.tabs.setCurrentWidget(rp)
        yield 0.3
        yield from self.exports(rp, "bao-cao", f"Bao_cao_{year}")

        # ---- (8) an evidence file attached to an activity
        self.step = "08-minh-chung"
        win.tabs.setCurrentWidget(page)
        yield 0.3
        page.table.setFocus()
        self.click_at(page.table.viewport(), page.table.visualRect(page.model.index(0, 1)).center())
        yield 0.3
        proof = self.tmp / "Anh_tap_huan_tuyen_truyen_vien.jpg"
        proof.write_bytes(b"\xff\xd8\xff\xe0" + b"0" * 4000)
        self.files["open_many"] = [proof]
        self.click(form.files.add_button)
        yield (lambda: form.files.list.count() > 0, 20, "the evidence file listed")
        yield 0.3
        self.shot("08-minh-chung")

        # ---- (9) Xuất hồ sơ minh chứng
        self.step = "09-ho-so-minh-chung"
        win.tabs.setCurrentWidget(rp)
        yield 0.3
        yield (lambda: rp.report is not None and rp.dossier_button.isEnabled(), 30, "the report shown again")
        self.files["save"] = self.tmp / "Ho_so_minh_chung.zip"
        self.later(self.click, rp.dossier_button)
        yield from self.expect_box("09-ho-so-minh-chung", "Đã ghi", 240)
        if not (self.tmp / "Ho_so_minh_chung.zip").exists():
            self.fail(
                f"09: no Ho_so_minh_chung.zip (the button {'enabled' if rp.dossier_button.isEnabled() else 'disabled'}"
                f", plan {rp.plan_id}, report {rp.report is not None}, status “{win.statusBar().currentMessage()}”)"
            )

        # ---- (10) next year's plan
        self.step = "10-nam-sau"
        win.tabs.setCurrentWidget(win.plan_page)
        yield 0.3
        before = win.plan_page.plan_combo.count()
        self.later(self.click, self.button(win.plan_page, "Tạo kế hoạch năm sau"))
        yield (lambda: self.modal_of("CopyPlanDialog"), 30, "the next year's plan dialog")
        dlg = self.modal_of("CopyPlanDialog")
        if dlg is not None:
            self.shot("10-ke-hoach-nam-sau")
            self.later(self.click, self.button(dlg, "Tạo kế hoạch"))
            yield (lambda: self.modal_of("CopyPlanDialog") is None, 30, "the plan created")
        yield 0.5
        if win.plan_page.plan_combo.count() <= before:
            self.fail("10: no new plan in the list")
        self.shot("10-ke-hoach-moi")
        self.step = "quit"
        self.ended = True  # the window may close before the generator is stepped again
        self.later(self.action(win, "Thoát").trigger)
        yield None

    def exports(self, page, what: str, stem: str):
        """Xem trước (a window beside the editor), Xuất Word, Xuất PDF from the page's own buttons."""
        self.step = f"07-{what}-xem-truoc"
        self.click(self.button(page, "Xem trước"))
        yield (
            lambda: getattr(page, "preview_dialog", None) is not None and page.preview_dialog.isVisible(),
            30,
            "Xem trước",
        )
        yield 0.8
        self.shot(self.step)
        if getattr(page, "preview_dialog", None) is not None:
            page.preview_dialog.close()
        self.step = f"07-{what}-xuat-word"
        out = self.tmp / f"{stem}.docx"
        self.files["save"] = out
        self.later(self.click, self.button(page, "Xuất Word"))
        yield from self.voice_then("07-ke-hoach-loi-cap-tren" if what == "ke-hoach" else None)
        yield from self.expect_box(self.step, "Đã ghi", 120)
        if not out.exists():
            self.fail(f"{self.step}: no {out.name}")
        self.step = f"07-{what}-xuat-pdf"
        if not (shutil.which("soffice") or shutil.which("libreoffice")):
            print(f"{self.step}: LibreOffice not installed: no PDF", flush=True)
            return
        out = self.tmp / f"{stem}.pdf"
        self.files["save"] = out
        self.later(self.click, self.button(page, "Xuất PDF"))
        yield from self.voice_then(None if what != "ke-hoach" else "")
        yield 1.0
        self.shot(f"{self.step}-dang-chay")
        yield from self.expect_box(self.step, "Đã ghi", 240)
        if not out.exists():
            self.fail(f"{self.step}: no {out.name}")

    def voice_then(self, picture: str | None):
        """A plan still speaking in its superior's voice is listed before it is written (issue 23): the clerk
        of the walk reads the list (pictured once) and answers Vẫn xuất. None: no such question expected."""
        if picture is None:
            return
        yield (lambda: self.modal_of("QMessageBox"), 30, "the superior's-voice question")
        box = self.modal_of("QMessageBox")
        if box is None or "còn lời của cấp trên" not in box.text():
            return  # the plan speaks in the unit's voice: straight to the export's own message
        if picture:
            self.shot(picture)
        self.later(self.click, self.button(box, "Vẫn xuất"))
        yield (lambda: self.modal_of("QMessageBox") is not box, 10, "the question closed")

    def expect_box(self, name: str, expected: str, seconds: float):
        """A message box: pictured, its text checked for `expected` (another text fails the step), closed."""
        yield (lambda: self.modal_of("QMessageBox"), seconds, f"the message “{expected}…”")
        box = self.modal_of("QMessageBox")
        if box is None:
            return
        self.shot(name)
        if expected not in box.text():
            self.fail(f"{self.step}: the message says “{box.text()}”, not “{expected}…”")
        self.later(self.close_box)
        yield (lambda: self.modal() is None, 10, "the message closed")

    def click_at(self, widget, pos) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.mouseClick(widget, Qt.LeftButton, Qt.NoModifier, pos)


def _nodes(tree) -> list:
    out, stack = [], [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        n = stack.pop(0)
        out.append(n)
        stack.extend(n.child(i) for i in range(n.childCount()))
    return out


def _superior_plan(year: int) -> str:
    """Sở Y tế Đồng Nai's plan of `year`: the text of tests/fixtures/seeds/003 (a real plan, its header lost in
    the conversion) under the header such a plan has, its number and date of issue (the plan's year comes from it)."""
    seed = next((ROOT / "tests" / "fixtures" / "seeds").glob("003_*.txt")).read_text(encoding="utf-8")
    head = (
        "UBND TỈNH ĐỒNG NAI\nSỞ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        f"Số: 215/KH-SYT\nĐồng Nai, ngày 20 tháng 01 năm {year}\n"
    )
    return head + seed.replace("thành phố Hải Phòng", "tỉnh Đồng Nai").replace("Hải Phòng", "Đồng Nai")


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
