"""Workbooks from outside are untrusted: each bad one ends with a Vietnamese message naming the
file (and the sheet or row), no traceback, nothing written. The corpus is made here."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook

from desktop import app
from desktop.cli import main as cli
from desktop.domain.errors import UserError
from desktop.store import activities, db, units

HEAD = ["Ngày", "Khoa, phòng", "Nội dung hoạt động", "Hình thức"]


@pytest.fixture
def conn(demo_copy):
    c = db.open_db(demo_copy)
    yield c
    c.close()


def good_bytes(rows=(), head=HEAD, hidden_rows=None) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Hoạt động"
    ws.append(head)
    for r in rows:
        ws.append(r)
    if hidden_rows is not None:
        h = wb.create_sheet("Ẩn")
        h.append(head)
        for r in hidden_rows:
            h.append(r)
        h.sheet_state = "hidden"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def rewrite(data: bytes, name: str, new: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            z.writestr(item, new if item.filename == name else src.read(item.filename))
    return out.getvalue()


BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]><worksheet xmlns="http://schemas.openxmlformats.org/'
    b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row>'
    b"</sheetData></worksheet>"
)


def corpus():
    good = good_bytes([["05/3/2025", "X", "Y", "Khác"]])
    return {
        "van_ban.xlsx": (b"Day khong phai tep Excel", "không phải là tệp Excel"),
        "rong.xlsx": (b"", "không phải là tệp Excel"),
        "cu.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "Excel cũ (.xls)"),
        "mat_khau.xlsx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "mật khẩu"),
        "cat_cut.xlsx": (good[: len(good) // 2], "bị hỏng"),
        "zip_khac.xlsx": (_zip({"hello.txt": b"hi"}), "bị hỏng"),
        "bom.xlsx": (rewrite(good, "xl/worksheets/sheet1.xml", BOMB), "không an toàn"),
        "khong_bang.xlsx": (good_bytes([["a", "b"]], head=["Tên", "Tuổi"]), "Không tìm thấy bảng hoạt động"),
        "thieu_cot.xlsx": (good_bytes([["05/3/2025", "Việc"]], head=["Ngày", "Nội dung"]), "Không tìm thấy"),
        "thieu_hinh_thuc.xlsx": (
            good_bytes([["05/3/2025", "K", "Việc"]], head=["Ngày", "Khoa, phòng", "Nội dung"]),
            "thiếu cột Hình thức",
        ),
    }


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for k, v in files.items():
            z.writestr(k, v)
    return out.getvalue()


@pytest.mark.parametrize("name", list(corpus()))
def test_bad_workbook_gives_a_message_and_writes_nothing(conn, tmp_path, name):
    data, words = corpus()[name]
    p = tmp_path / name
    p.write_bytes(data)
    before = activities.count_activities(conn)
    with pytest.raises(UserError) as e:
        app.read_imports(conn, [p])
    msg = str(e.value)
    assert words in msg and name in msg and "\n" not in msg
    assert activities.count_activities(conn) == before


@pytest.mark.parametrize("name", ["van_ban.xlsx", "bom.xlsx", "cat_cut.xlsx"])
def test_cli_one_line_no_traceback(demo_copy, tmp_path, capsys, name):
    data, words = corpus()[name]
    p = tmp_path / name
    p.write_bytes(data)
    assert cli(["import", "--db", str(demo_copy), str(p)]) == 1
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_missing_and_folder(conn, tmp_path):
    with pytest.raises(UserError, match="Không tìm thấy"):
        app.read_imports(conn, [tmp_path / "khong_co.xlsx"])
    with pytest.raises(UserError, match="thư mục"):
        app.read_imports(conn, [tmp_path])


def test_hidden_sheets_are_not_read(conn, tmp_path):
    d = units.load_unit(conn).departments[0].name
    p = tmp_path / "an.xlsx"
    p.write_bytes(good_bytes([["05/3/2025", d, "Hiện", "Khác"]], hidden_rows=[["06/3/2025", d, "Ẩn", "Khác"]]))
    [res] = app.read_imports(conn, [p])
    assert [a.title for a in res.to_add] == ["Hiện"]


def test_formulas_give_their_values_and_merged_cells_are_explained(conn, tmp_path):
    d = units.load_unit(conn).departments[0].name
    wb = Workbook()
    ws = wb.active
    ws.append(HEAD + ["Số lượng"])
    ws.append(["05/3/2025", d, "Việc một", "Khác", "=1+1"])
    ws.append(["06/3/2025", d, "Việc hai", "Khác", 3])
    ws.append(["07/3/2025", None, "Việc ba", "Khác", 1])
    ws.merge_cells("B3:B4")
    p = tmp_path / "gop.xlsx"
    wb.save(p)
    [res] = app.read_imports(conn, [p])
    # a formula never computed by Excel has no value: the row is rejected, not guessed
    reasons = {r.row: r.reason for r in res.rejected}
    assert "gộp ô" in reasons[4]
    assert 2 in reasons and "số lượng" in reasons[2]


def test_million_blank_rows_end_quickly(conn, tmp_path):
    """A sheet whose used range runs to row 1 048 576 (formatting dragged down) stops at the data."""
    d = units.load_unit(conn).departments[0].name
    wb = Workbook()
    ws = wb.active
    ws.append(HEAD)
    ws.append(["05/3/2025", d, "Việc", "Khác"])
    ws.cell(row=1_048_576, column=1, value=None).number_format = "dd/mm/yyyy"
    ws.cell(row=1_048_576, column=3, value=" ")
    p = tmp_path / "dai.xlsx"
    wb.save(p)
    [res] = app.read_imports(conn, [p])
    assert [a.title for a in res.to_add] == ["Việc"]


def test_too_many_rows_is_refused(conn, tmp_path, monkeypatch):
    from desktop.excel import reader

    monkeypatch.setattr(reader, "MAX_ROWS", 50)
    d = units.load_unit(conn).departments[0].name
    p = tmp_path / "lon.xlsx"
    p.write_bytes(good_bytes([[f"{i % 28 + 1:02d}/3/2025", d, f"Việc {i}", "Khác"] for i in range(60)]))
    before = activities.count_activities(conn)
    with pytest.raises(UserError, match="chia thành nhiều tệp"):
        app.read_imports(conn, [p])
    assert activities.count_activities(conn) == before
