"""The unit's own forms of activity: added on the command line, offered by the Excel template, matched by the
import, named by the report and the export; a form in use is hidden, never deleted."""

import dataclasses
from datetime import date

import pytest
from openpyxl import load_workbook

from desktop import app, cli
from desktop.store import db, units


def _fill(path, conn, form_label):
    wb = load_workbook(path)
    ws = wb["Hoạt động"]
    ws.cell(5, 1, date(2025, 4, 2))
    ws.cell(5, 3, units.load_unit(conn).departments[0].name)
    ws.cell(5, 4, "Khám sàng lọc cho người cao tuổi")
    ws.cell(5, 5, form_label)
    ws.cell(5, 6, wb["Danh mục"]["C2"].value)
    ws.cell(5, 7, 3)
    ws.cell(5, 9, 120)
    wb.save(path)


@pytest.mark.slow
def test_custom_form_from_the_command_line_to_the_report(demo_copy, tmp_path, capsys):
    base = ["--db", str(demo_copy)]
    assert cli.main(["forms", "add", *base, "--label", "Khám sàng lọc", "--unit", "lượt", "--verb", "Tổ chức"]) == 0
    assert "kham_sang_loc" in capsys.readouterr().out
    assert cli.main(["forms", *base]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "kham_sang_loc\tKhám sàng lọc\tlượt\tTổ chức" in lines
    assert len(lines) == 11 and lines[-1].startswith("khac\t")  # "Khác" stays last
    # the same label again is refused, the database unchanged
    assert cli.main(["forms", "add", *base, "--label", "khám sàng lọc", "--unit", "lượt"]) == 1
    assert "Đã có hình thức" in capsys.readouterr().err

    template = tmp_path / "mau.xlsx"
    assert cli.main(["xlsx-template", *base, "--out", str(template)]) == 0
    wb = load_workbook(template)
    assert "Khám sàng lọc" in [c.value for c in wb["Danh mục"]["B"][1:]]
    assert "• Khám sàng lọc: tính bằng “lượt”" in [c.value for c in wb["Hướng dẫn"]["A"]]

    conn = db.open_db(demo_copy)
    _fill(template, conn, "Khám sàng lọc")
    assert cli.main(["import", *base, str(template)]) == 0
    assert "đã thêm 1 hoạt động" in capsys.readouterr().out
    *_, compiled, sections = app.compile_for(conn, 1)
    text = "\n".join(s.text for s in sections)
    line = compiled.forms.lines[("kham_sang_loc", "lượt")]
    assert line.sentence("Bệnh viện") == "Tổ chức 03 lượt khám sàng lọc với 120 lượt người tham dự"
    assert "tổ chức 03 lượt khám sàng lọc với 120 lượt người tham dự" in text  # within its task's sentence
    rows = [r for r in compiled.activities if r.form_code == "kham_sang_loc"]
    assert len(rows) == 1 and rows[0].quantity == 3

    export = tmp_path / "xuat.xlsx"
    app.write_xlsx_export(conn, export)
    values = {c.value for ws in load_workbook(export).worksheets for row in ws.iter_rows() for c in row}
    assert "Khám sàng lọc" in values

    # in use: hidden, not deleted — no longer offered, still named and still matched
    assert app.remove_form(conn, "kham_sang_loc") is False
    conn.close()
    assert cli.main(["forms", *base]) == 0
    assert "kham_sang_loc\tKhám sàng lọc\tlượt\tTổ chức\tẩn" in capsys.readouterr().out.splitlines()
    again = tmp_path / "mau2.xlsx"
    assert cli.main(["xlsx-template", *base, "--out", str(again)]) == 0
    assert "Khám sàng lọc" not in [c.value for c in load_workbook(again)["Danh mục"]["B"][1:]]
    conn = db.open_db(demo_copy)
    *_, sections = app.compile_for(conn, 1)
    assert "tổ chức 03 lượt khám sàng lọc" in "\n".join(s.text for s in sections)
    [res] = app.read_imports(conn, [template])
    assert res.ok and res.duplicates == 1  # an old workbook naming the hidden form still reads
    conn.close()


def test_unused_form_is_deleted_and_forms_are_checked(demo_copy):
    conn = db.open_db(demo_copy)
    f = app.add_form(conn, "Tư vấn trực tiếp", "buổi", "Tổ chức", " tư vấn trực tiếp cho người bệnh")
    assert app.load_forms(conn).form(f.code).tail == " tư vấn trực tiếp cho người bệnh"
    assert f.code in [x.code for x in app.load_forms(conn).visible()]
    assert app.remove_form(conn, f.code) is True
    assert f.code not in app.load_forms(conn).by_code
    for label, unit, tail in (("", "buổi", None), ("Tư vấn", "", None), ("Tư vấn", "buổi", " {x}")):
        with pytest.raises(forms_error()):
            app.add_form(conn, label, unit, "", tail)
    edited = app.save_form(conn, dataclasses.replace(app.load_forms(conn).form("to_roi"), unit="tờ rơi", tail=""))
    assert app.load_forms(conn).form("to_roi").unit == "tờ rơi" == edited.unit
    conn.close()


def forms_error():
    from desktop.domain.errors import UserError

    return UserError
