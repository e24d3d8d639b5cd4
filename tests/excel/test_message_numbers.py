"""Numbers in messages are written the Vietnamese way ("3.751 MB") without touching the sentence around
them: a comma of the sentence, or of a file name, stays a comma ("3.751 MB, giới hạn 100 MB")."""

from __future__ import annotations

import zipfile

import pytest

from desktop.domain.errors import UserError
from desktop.excel.zipguard import check_zip

from .hostile import declare


def test_a_size_in_a_refusal_keeps_the_sentence_commas(tmp_path):
    book = tmp_path / "Sổ ghi, khoa Nội.xlsx"
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"<worksheet/>")
    declare(book, "xl/worksheets/sheet1.xml", 3751 * 2**20)
    with pytest.raises(UserError) as e:
        check_zip(book)
    msg = str(e.value)
    assert "3.751 MB, giới hạn 100 MB" in msg, msg
    assert "Sổ ghi, khoa Nội.xlsx" in msg and "sheet1.xml: 3.751" in msg


def test_a_count_in_a_refusal_keeps_the_sentence_commas(tmp_path):
    book = tmp_path / "a,b.xlsx"
    long_run = (
        b"<worksheet><sheetData><row><c><is><t>" + b"x" * 400_000 + b"</t></is></c></row></sheetData></worksheet>"
    )
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", long_run)
    with pytest.raises(UserError) as e:
        check_zip(book)
    msg = str(e.value)
    assert "a,b.xlsx" in msg and "32.767 ký tự, giới hạn của một ô Excel: tệp" in msg, msg
