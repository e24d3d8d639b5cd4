"""Reading a superior's plan from text: structure, header facts, damaged input."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from desktop.docgen.read_text import import_plan_file, read_source
from desktop.domain.errors import UserError
from desktop.domain.plan_import import lost_diacritics, parse_plan_text
from desktop.domain.plan_text import number_items

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"

SMALL = """\
      SỞ Y TẾ TỈNH LÂM ĐỒNG            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
   BỆNH VIỆN PHỔI BÌNH THUẬN                 Độc lập - Tự do - Hạnh phúc
   Số: 12/KH-BVPBT                        Lâm Đồng, ngày 05 tháng 9 năm 2025

KẾ HOẠCH
Truyền thông về chuyển đổi số của Bệnh viện Phổi Bình Thuận năm 2025

Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa
học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;
Bệnh viện Phổi Bình Thuận xây dựng Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Nâng cao nhận thức của viên chức, người lao động về vai trò của chuyển đổi số trong
khám bệnh, chữa bệnh.
+ Tổ chức sinh hoạt chuyên đề tại các khoa.
+ Đăng tin trên Trang thông tin điện tử.
2. Yêu cầu
Bảo đảm kịp thời, chính xác.
2
II. NỘI DUNG
a) Truyền thông trên Trang thông tin điện tử
b) Sinh hoạt chuyên đề
IV. TỔ CHỨC THỰC HIỆN
1. Phòng Kế hoạch tổng hợp: báo cáo Sở Y tế trước ngày 10/12 hàng năm.
Trên đây là Kế hoạch của Bệnh viện Phổi Bình Thuận./.
Nơi nhận:
- Sở Y tế;
- Lưu: VT, KHTH.
GIÁM ĐỐC
"""


def headings(imported):
    return [(b.label, b.text) for _, b in number_items(imported.items) if b.kind.startswith("h")]


def test_structure_header_and_closing():
    r = parse_plan_text(SMALL)
    assert r.issuer_lines == ["SỞ Y TẾ TỈNH LÂM ĐỒNG", "BỆNH VIỆN PHỔI BÌNH THUẬN"]
    assert r.issuer == "Bệnh viện Phổi Bình Thuận"
    assert r.number == "12/KH-BVPBT" and r.place == "Lâm Đồng"
    assert (r.doc_date.year, r.doc_date.month, r.doc_date.day) == (2025, 9, 5)
    assert r.title == "Truyền thông về chuyển đổi số của Bệnh viện Phổi Bình Thuận năm 2025"
    assert len(r.basis) == 1 and r.basis[0].endswith("chuyển đổi số quốc gia;")
    assert "khoa học, công nghệ" in r.basis[0]  # the wrapped line is joined
    assert r.intro == ["Bệnh viện Phổi Bình Thuận xây dựng Kế hoạch như sau:"]
    assert headings(r) == [
        ("I.", "MỤC ĐÍCH, YÊU CẦU"),
        ("1.", "Mục đích"),
        ("2.", "Yêu cầu"),
        ("II.", "NỘI DUNG"),
        # a) right under a Roman section sits at the second level: numbered by depth, 1., 2.
        ("1.", "Truyền thông trên Trang thông tin điện tử"),
        ("2.", "Sinh hoạt chuyên đề"),
        ("III.", "TỔ CHỨC THỰC HIỆN"),
        ("1.", "Phòng Kế hoạch tổng hợp: báo cáo Sở Y tế trước ngày 10/12 hàng năm."),
    ]
    purpose = r.items[0].children[0]
    bullet = purpose.children[0]
    assert bullet.kind == "bullet" and bullet.text.endswith("khám bệnh, chữa bệnh.")
    assert [c.text for c in bullet.children] == [
        "Tổ chức sinh hoạt chuyên đề tại các khoa.",
        "Đăng tin trên Trang thông tin điện tử.",
    ]
    assert r.items[0].children[1].children[0].kind == "text"  # "Bảo đảm …", the page number "2" dropped
    assert r.closing == ["Trên đây là Kế hoạch của Bệnh viện Phổi Bình Thuận./."]
    assert r.deadline == "10/12" and r.deadline_date(2026) == date(2026, 12, 10)
    assert len(r.warnings) == 1 and "“IV." in r.warnings[0] and "lẽ ra là mục III" in r.warnings[0]
    assert not r.flagged
    ref = r.superior_ref()
    assert (ref.kind, ref.number, ref.issued, ref.issuer) == (
        "Kế hoạch",
        "12/KH-BVPBT",
        date(2025, 9, 5),
        "Bệnh viện Phổi Bình Thuận",
    )
    assert ref.summary.startswith("về việc truyền thông về chuyển đổi số")


def test_blank_number_and_day_give_no_reference():
    text = SMALL.replace("Số: 12/KH-BVPBT", "Số:     /KH-BVPBT").replace("ngày 05 tháng", "ngày      tháng")
    r = parse_plan_text(text)
    assert r.number == "/KH-BVPBT"
    assert (r.doc_date.year, r.doc_date.month, r.doc_date.day) == (2025, 9, None)
    assert r.superior_ref() is None


def test_generic_issuer_takes_the_place_of_its_parent():
    text = (
        SMALL.replace("SỞ Y TẾ TỈNH LÂM ĐỒNG  ", "UBND TỈNH LÂM ĐỒNG    ")
        .replace("BỆNH VIỆN PHỔI BÌNH THUẬN  ", "SỞ Y TẾ      ")
        .replace("Bệnh viện Phổi Bình Thuận xây dựng", "Sở Y tế tỉnh Lâm Đồng xây dựng")
    )
    assert parse_plan_text(text).issuer == "Sở Y tế tỉnh Lâm Đồng"


@pytest.mark.parametrize(
    "text",
    [
        "Tuyen truyen sau rong muc tieu, quan diem, noi dung, nhiem vu va giai phap cua Nghi quyet",
        "Tuyén truyén sau rong muc tiéu, quan diém, noi dung, nhiém vy va giai phap néu trong Nghi quyét",
        "Muc dich",
        "MUC DICH, YEU CAU",
    ],
)
def test_lost_diacritics_found(text):
    assert lost_diacritics(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tuyên truyền sâu rộng mục tiêu, quan điểm, nội dung của Nghị quyết số 57-NQ/TW",
        "Mục đích",
        "MỤC ĐÍCH, YÊU CẦU",
        "Phòng KHTH-CĐT-QLCL:",
        "Trang TTĐT BVP",
        "Trong tin",
        "Lưu: VT, KHTH.",
        "email: truyenthongyte.byt@gmail.com",
        "",
    ],
)
def test_lost_diacritics_not_found(text):
    assert not lost_diacritics(text)


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")  # the copies in tests/fixtures/seeds: never skipped
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_clean_seeds_have_no_false_alarms(prefix):
    r = parse_plan_text(seed(prefix))
    assert not r.flagged
    tops = [b.text for _, b in number_items(r.items) if b.kind == "h1"]
    assert tops[0] == "MỤC ĐÍCH, YÊU CẦU" and tops[-1] == "TỔ CHỨC THỰC HIỆN"
    assert r.closing  # the superior's closing is not copied into the new plan's body


def test_seed_001_out_of_order_section_and_header():
    r = parse_plan_text(seed("001"))
    assert [b.label for _, b in number_items(r.items) if b.kind == "h1"] == ["I.", "II.", "III.", "IV.", "V."]
    assert any("“III. TỔ CHỨC THỰC HIỆN” lẽ ra là mục V" in w for w in r.warnings)
    assert r.number == "/KH-BVPBT" and r.place == "Lâm Đồng" and r.doc_date.month == 9
    assert r.issuer == "Bệnh viện Phổi Bình Thuận" and r.deadline == "10/12"
    assert r.intro[0].startswith("Thực hiện Kế hoạch số 357/KH-SYT ngày 04/9/2025")
    assert r.items[1].children[0].text == "Truyền thông về Nghị quyết số 57-NQ/TW của Bộ Chính trị"


def test_seed_000_basis_and_deadline():
    r = parse_plan_text(seed("000"))
    assert len(r.basis) == 9 and all(b.startswith("Căn cứ ") for b in r.basis)
    assert r.deadline == "15/12/2025" and r.place == "Hà Nội"
    units = [it.text for it in r.items[-1].children]
    assert units[0] == "Văn phòng Bộ Y tế" and units[-1] == "Sở Y tế các tỉnh, thành phố"


def test_seed_002_ocr_is_flagged():
    r = parse_plan_text(seed("002"))
    assert len(r.flagged) >= 30
    assert any("mất dấu" in w for w in r.warnings)
    assert r.number == "3838/KH-SYT" and r.place == "Quang Ninh" and r.deadline == "30/11/2025"
    assert r.superior_ref().issued == date(2025, 8, 19)


def test_docx_with_word_numbering_and_table(tmp_path):
    doc = Document()
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph("Truyền thông về chuyển đổi số năm 2025")
    doc.add_paragraph("MỤC ĐÍCH, YÊU CẦU", style="List Number")  # Word numbering, no typed number
    doc.add_paragraph(
        "- Nâng cao nhận thức về chuyển đổi số, một đoạn dài không xuống dòng trong Word "
        "vì Word tự ngắt dòng khi hiển thị."
    )
    doc.add_paragraph("Bảo đảm kịp thời, chính xác, đúng quy định của pháp luật hiện hành về thông tin.")
    t = doc.add_table(rows=1, cols=1)
    t.cell(0, 0).text = "- Một ý nằm trong bảng."
    path = tmp_path / "kh.docx"
    doc.save(path)
    text = read_source(path)
    assert "1. MỤC ĐÍCH, YÊU CẦU" in text and "- Một ý nằm trong bảng." in text
    r = import_plan_file(path)
    assert r.title == "Truyền thông về chuyển đổi số năm 2025"
    sec = r.items[0]
    assert [c.kind for c in sec.children] == ["bullet", "text", "bullet"]  # paragraphs are not joined


def windows_decomposed(text: str) -> str:
    """Vietnamese as cp1258 stores it: letters with their shape marks, then a combining tone mark."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        shaped = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(shaped + "".join(c for c in parts if c in tones))
    return "".join(out)


def test_txt_encodings(tmp_path):
    for enc in ("utf-8", "utf-8-sig", "utf-16", "cp1258"):
        p = tmp_path / f"kh_{enc}.txt"
        p.write_bytes((windows_decomposed(SMALL) if enc == "cp1258" else SMALL).encode(enc))
        assert import_plan_file(p).issuer == "Bệnh viện Phổi Bình Thuận", enc


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("kh.doc", b"\xd0\xcf\x11\xe0", "Word cũ"),
        ("kh.pdf", b"%PDF-1.4", "PDF"),
        ("kh.odt", b"PK", "chỉ nhập được"),
        ("kh.docx", b"not a zip", "bị hỏng"),
    ],
)
def test_unreadable_files_say_what_to_do(tmp_path, name, content, words):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(UserError) as e:
        read_source(p)
    assert words.lower() in str(e.value).lower() and name in str(e.value)


def test_missing_file(tmp_path):
    with pytest.raises(UserError, match="Không tìm thấy"):
        read_source(tmp_path / "khong_co.txt")


def test_cascade_fields_of_the_import():
    r = parse_plan_text(seed("001"))
    assert r.lead_sentence == "Bệnh viện Phổi Bình Thuận xây dựng Kế hoạch truyền thông như sau:"
    assert r.lead_subject == "Bệnh viện Phổi Bình Thuận" and r.issuer_from == "header"
    assert r.opening[0].startswith("Thực hiện Kế hoạch số 357/KH-SYT") and r.opening[0].endswith("Lâm Đồng”.")
    assert r.deadline_yearly and r.deadline_sentence.startswith("Định kỳ hàng năm, báo cáo kết quả")
    assert r.signer == ["GIÁM ĐỐC"] and r.is_plan and r.has_title
    r = parse_plan_text(seed("000"))
    assert (r.issuer, r.issuer_from, r.lead_subject) == ("Bộ Y tế", "body", "Bộ Y tế")
    assert not r.deadline_yearly and r.signer == ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"]
    assert parse_plan_text(seed("003")).signer == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
