"""Lines and header of a PDF page rebuilt from glyphs (desktop/docgen/pdf_layout), on pages built here glyph by
glyph the way LibreOffice prints a clerk's Word file (issue 22: the corpus read from its PDF)."""

from __future__ import annotations

from desktop.docgen import pdf_layout as layout

SIZE = 8.0  # PDFium's loose box of a 13 pt glyph
W, H = 612.0, 792.0
RIGHT = 306.0  # the header's right column


def run(text: str, x: float, y: float) -> list[layout.Glyph]:
    """Glyphs of `text` from `x` on baseline `y`, 6 pt each, a space 3 pt."""
    out, space = [], False
    for ch in text:
        if ch == " ":
            x += 3.0
            space = True
            continue
        out.append(layout.Glyph(ch, x, x + 6.0, y, SIZE, space))
        x += 6.0
        space = False
    return out


def page(*runs: tuple[str, float, float]) -> layout.Page:
    return layout.Page(1, W, H, [g for r in runs for g in run(*r)])


def header_texts(p: layout.Page) -> list[str]:
    head, _ = layout.flatten_header(p)
    return [ln.text for ln in head]


def test_the_national_name_in_a_sentence_does_not_move_the_header_split():
    # "… của Quốc hội nước cộng hòa xã hội chủ nghĩa Việt Nam" high on page 1 is a sentence, not the quốc hiệu
    p = page(
        ("UBND", 90, 709.8),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT, 709.8),
        ("TỈNH THỪA THIÊN HUẾ", 90, 685.1),
        ("Độc lập - Tự do - Hạnh phúc", RIGHT, 685.1),
        ("BAN CHỈ ĐẠO", 90, 660.4),
        ("Huế, ngày 24 tháng 5 năm 2016", RIGHT, 660.4),
        ("KẾ HOẠCH", 250, 600),
        ("Căn cứ Luật số 09/2012/QH13 về Phòng chống tác hại của thuốc lá, của", 90, 560),
        ("Quốc hội nước cộng hòa xã hội chủ nghĩa Việt Nam đã được thông qua;", 90, 545.3),
    )
    assert layout.header_split(p, layout.lines_of(p)) == RIGHT - 1.0
    assert header_texts(p) == [
        "UBND",
        "TỈNH THỪA THIÊN HUẾ",
        "BAN CHỈ ĐẠO",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Huế, ngày 24 tháng 5 năm 2016",
    ]


def test_a_header_line_wrapped_in_its_column_is_joined_back():
    # One paragraph of the Word file wrapped in the left cell: its lines at the line pitch (14,7 pt); the
    # paragraphs of the header apart by the pitch and the paragraph spacing (24,7 pt)
    p = page(
        ("UBND", 90, 709.8),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", RIGHT, 709.8),
        ("VIỆT NAM", RIGHT, 695.1),
        ("TỈNH THỪA THIÊN HUẾ", 90, 685.1),
        ("Độc lập - Tự do - Hạnh phúc", RIGHT, 670.4),
        ("BAN CHỈ ĐẠO CHƯƠNG TRÌNH", 90, 660.4),
        ("PHÒNG CHỐNG TÁC HẠI THUỐC", 90, 645.7),
        ("Thừa Thiên Huế, ngày 24 tháng 5", RIGHT, 645.7),
        ("LÁ", 90, 631.0),
        ("năm 2016", RIGHT, 631.0),
        ("Số: 42/KH-UBND", 90, 606.3),
        ("KẾ HOẠCH", 90, 581.6),
    )
    assert header_texts(p)[:3] == [
        "UBND",
        "TỈNH THỪA THIÊN HUẾ",
        "BAN CHỈ ĐẠO CHƯƠNG TRÌNH PHÒNG CHỐNG TÁC HẠI THUỐC LÁ",
    ]
    assert "Thừa Thiên Huế, ngày 24 tháng 5 năm 2016" in header_texts(p)


def test_header_lines_of_two_bodies_at_the_same_spacing_stay_apart():
    # no paragraph spacing in the header: every line at the line pitch, so none is read as wrapped
    p = page(
        ("BỘ Y TẾ", 90, 709.8),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT, 709.8),
        ("CỤC QUẢN LÝ KHÁM, CHỮA BỆNH", 90, 695.1),
        ("Độc lập - Tự do - Hạnh phúc", RIGHT, 695.1),
        ("Số: 12/KCB-NV", 90, 680.4),
        ("Hà Nội, ngày 05 tháng 3 năm 2024", RIGHT, 680.4),
        ("KẾ HOẠCH", 250, 640),
    )
    assert header_texts(p)[:2] == ["BỘ Y TẾ", "CỤC QUẢN LÝ KHÁM, CHỮA BỆNH"]


def test_header_body_after_a_wrapped_line_keeps_its_own_line():
    # "BỘ Y TẾ" then "CỤC …" at the pitch while the number is a paragraph below: a new body, not a wrap
    p = page(
        ("BỘ Y TẾ", 90, 709.8),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", RIGHT, 709.8),
        ("CỤC QUẢN LÝ KHÁM, CHỮA BỆNH", 90, 695.1),
        ("VIỆT NAM", RIGHT, 695.1),
        ("Số: 12/KCB-NV", 90, 670.4),
        ("Độc lập - Tự do - Hạnh phúc", RIGHT, 670.4),
        ("KẾ HOẠCH", 250, 630),
    )
    assert header_texts(p)[:2] == ["BỘ Y TẾ", "CỤC QUẢN LÝ KHÁM, CHỮA BỆNH"]


def test_a_word_list_bullet_o_is_read_as_a_plus_item():
    # Word's second-level bullet prints as "o" in Courier New, a tab before the text
    row = run("o", 90, 500) + run("Bệnh viện tuyến tỉnh, tuyến huyện.", 126, 500)
    assert layout.line_of(1, row).text == "+ Bệnh viện tuyến tỉnh, tuyến huyện."
    assert layout.line_of(1, run("o Bệnh viện", 90, 500)).text == "o Bệnh viện"  # no tab: a letter
