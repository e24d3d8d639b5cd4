"""Every numbering style of real plans read into the structure a clerk sees (issue 22, point 4): "I/" Roman
markers, sentence-case headings, "Phần thứ nhất" / "PHẦN I" parts, "1-", "1)", "a)" kept under its item, "-" and
"+" bullets, and Word's automatic numbering of each of these styles.

The texts are written for these tests in the shapes real plans use (tests/fixtures/real/*.full.txt carries them in
whole documents)."""

from __future__ import annotations

from docx import Document

from desktop.docgen.read_text import import_plan_file, read_source
from desktop.domain.cascade import propose_plan
from desktop.domain.plan_import import parse_plan_text
from desktop.domain.repairs import item_labels
from tests.domain.test_cascade import hospital
from tests.fixtures import clerk_docx


def tree(items, depth=0) -> list[str]:
    out = []
    for it in items:
        out.append("  " * depth + f"{it.kind[0]} {it.text}")
        out.extend(tree(it.children, depth + 1))
    return out


SLASH = """KẾ HOẠCH
Truyền thông phòng, chống dịch năm 2025
I/ MỤC ĐÍCH, YÊU CẦU
1- Nâng cao nhận thức của người dân.
2- Bảo đảm thông tin kịp thời.
II/ NỘI DUNG
1- Truyền thông trên hệ thống loa truyền thanh
a) Xây dựng tin, bài.
b) Phát thanh hằng tuần:
+ Buổi sáng thứ Hai.
+ Buổi chiều thứ Sáu.
2- Tập huấn cho cộng tác viên.
III/ TỔ CHỨC THỰC HIỆN
- Trạm Y tế các xã chủ trì thực hiện.
"""


def test_roman_slash_dash_items_letters_and_plus():
    r = parse_plan_text(SLASH)
    assert r.title == "Truyền thông phòng, chống dịch năm 2025"
    assert tree(r.items) == [
        "s MỤC ĐÍCH, YÊU CẦU",
        "  s Nâng cao nhận thức của người dân.",
        "  s Bảo đảm thông tin kịp thời.",
        "s NỘI DUNG",
        "  s Truyền thông trên hệ thống loa truyền thanh",
        "    s Xây dựng tin, bài.",
        "    s Phát thanh hằng tuần:",
        "      b Buổi sáng thứ Hai.",
        "      b Buổi chiều thứ Sáu.",  # "+" items with no "-" above: siblings, not one inside the other
        "  s Tập huấn cho cộng tác viên.",
        "s TỔ CHỨC THỰC HIỆN",
        "  b Trạm Y tế các xã chủ trì thực hiện.",
    ]
    assert r.is_plan and not r.warnings


SENTENCE_CASE = """KẾ HOẠCH
Tiêm chủng mở rộng năm 2025
I. Mục đích, yêu cầu
1. Bảo đảm tỷ lệ tiêm chủng đầy đủ.
II. Nội dung thực hiện
1. Rà soát đối tượng tiêm chủng
- Lập danh sách trẻ trong độ tuổi.
2. Tổ chức buổi tiêm chủng
- Tổ chức tiêm chủng hằng tháng.
III. Tổ chức thực hiện
1. Trung tâm Y tế huyện
- Hướng dẫn chuyên môn cho các trạm y tế.
"""


def test_sentence_case_roman_headings_are_sections():
    r = parse_plan_text(SENTENCE_CASE)
    assert [it.text for it in r.items] == ["Mục đích, yêu cầu", "Nội dung thực hiện", "Tổ chức thực hiện"]
    assert [len(it.children) for it in r.items] == [1, 2, 1]
    assert r.is_plan and not r.found
    p = propose_plan(r, hospital(), [], None)
    tasks = p.tasks + [o.task for o in p.others]  # "Trung tâm Y tế huyện": another body's for a hospital (issue 23)
    assert [t.text for t in tasks] == [
        "Rà soát đối tượng tiêm chủng",
        "Tổ chức buổi tiêm chủng",
        "Hướng dẫn chuyên môn cho các trạm y tế.",
    ]


PARTS = """KẾ HOẠCH
Công tác y tế năm 2025
Phần thứ nhất
KẾT QUẢ THỰC HIỆN NĂM 2024
I. Công tác chỉ đạo
1. Ban hành các văn bản hướng dẫn.
II. Kết quả đạt được
- Tổ chức hội nghị triển khai.
PHẦN THỨ HAI: NHIỆM VỤ NĂM 2025
I. NỘI DUNG
1. Phòng, chống dịch bệnh
a) Giám sát ca bệnh.
b) Xử lý ổ dịch.
2. Truyền thông giáo dục sức khỏe
II. TỔ CHỨC THỰC HIỆN
1. Các Phòng chức năng
- Theo dõi, đôn đốc thực hiện.
"""


def test_parts_hold_their_roman_sections():
    r = parse_plan_text(PARTS)
    assert [it.text for it in r.items] == ["KẾT QUẢ THỰC HIỆN NĂM 2024", "NHIỆM VỤ NĂM 2025"]
    assert [it.text for it in r.items[1].children] == ["NỘI DUNG", "TỔ CHỨC THỰC HIỆN"]
    assert [c.text for c in r.items[1].children[0].children[0].children] == ["Giám sát ca bệnh.", "Xử lý ổ dịch."]
    assert not [w for w in r.warnings if "lẽ ra là" in w]  # each part numbers its sections from I.
    p = propose_plan(r, hospital(), [], None)  # the tasks of the part that sets them; "Các Phòng chức năng" of
    tasks = p.tasks + [o.task for o in p.others]  # an unnamed issuer: another body's for a hospital (issue 23)
    assert [(t.path, t.text) for t in tasks] == [
        ((1, 0, 0, 0), "Giám sát ca bệnh."),
        ((1, 0, 0, 1), "Xử lý ổ dịch."),
        ((1, 0, 1), "Truyền thông giáo dục sức khỏe"),
        ((1, 1, 0, 0), "Theo dõi, đôn đốc thực hiện."),
    ]


def test_roman_parts_and_a_part_title_on_the_same_line():
    r = parse_plan_text(
        "KẾ HOẠCH\nPhòng chống sốt xuất huyết năm 2025\nPHẦN I. ĐÁNH GIÁ NĂM 2024\n- Số ca mắc giảm.\n"
        "PHẦN II\nKẾ HOẠCH NĂM 2025\nI. NỘI DUNG\n1. Diệt lăng quăng.\n2. Phun hóa chất.\n"
        "Người dân phần thứ hai của xã làm theo.\n"
    )
    assert tree(r.items) == [
        "s ĐÁNH GIÁ NĂM 2024",
        "  b Số ca mắc giảm.",
        "s KẾ HOẠCH NĂM 2025",
        "  s NỘI DUNG",
        "    s Diệt lăng quăng.",
        "    s Phun hóa chất.",
        "      t Người dân phần thứ hai của xã làm theo.",  # "phần thứ hai" in running text is no part
    ]


def test_parenthesis_items_inside_numbered_items_open_a_level():
    r = parse_plan_text(
        "KẾ HOẠCH\nTruyền thông năm 2025\nI. NỘI DUNG\n1. Truyền thông trực tiếp\n1) Nói chuyện chuyên đề.\n"
        "2) Tư vấn tại khoa.\n2. Truyền thông gián tiếp\n1) Tin, bài trên trang điện tử.\n3- Tập huấn.\n"
        "II. TỔ CHỨC THỰC HIỆN\n1) Phòng Kế hoạch tổng hợp.\n2) Các khoa lâm sàng.\n"
    )
    assert tree(r.items) == [
        "s NỘI DUNG",
        "  s Truyền thông trực tiếp",
        "    s Nói chuyện chuyên đề.",
        "    s Tư vấn tại khoa.",
        "  s Truyền thông gián tiếp",
        "    s Tin, bài trên trang điện tử.",
        "  s Tập huấn.",  # "3-" is not a list start: a typo of the "1." style above, its sibling
        "s TỔ CHỨC THỰC HIỆN",
        "  s Phòng Kế hoạch tổng hợp.",
        "  s Các khoa lâm sàng.",
    ]


def test_letters_stay_under_their_dash_item():
    r = parse_plan_text(
        "KẾ HOẠCH\nTruyền thông năm 2025\nII/ NỘI DUNG\n1- Tuyên truyền\na) Trên loa.\nb) Trên mạng xã hội.\n"
        "2- Tập huấn\na) Cho cán bộ.\n"
    )
    labels = [lab for _, lab, _ in item_labels(r.items)]
    assert labels == ["I", "I.1", "I.1.a", "I.1.b", "I.2", "I.2.a"]  # a) and b) stay letters, not 1. and 2.


# ------------------------------------------------------------------ Word's automatic numbering


def _word_plan(tmp_path, levels, paragraphs):
    """A .docx whose headings are numbered by one Word list of `levels` ((numFmt, lvlText) per level)."""
    doc = Document()
    saved = clerk_docx.LEVELS
    clerk_docx.LEVELS = levels
    try:
        clerk_docx._add_list(doc)
    finally:
        clerk_docx.LEVELS = saved
    for ilvl, text in paragraphs:
        if ilvl is None:
            doc.add_paragraph(text)
        else:
            clerk_docx._numbered(doc, text, ilvl)
    path = tmp_path / "word.docx"
    doc.save(path)
    return path


def test_word_numbering_of_each_style_is_read_back(tmp_path):
    levels = (
        ("upperRoman", "PHẦN %1"),
        ("upperRoman", "%2/"),
        ("decimal", "%3-"),
        ("lowerLetter", "%4)"),
        ("bullet", "-"),
        ("bullet", "+"),
    )
    path = _word_plan(
        tmp_path,
        levels,
        [
            (None, "KẾ HOẠCH"),
            (None, "Công tác y tế năm 2025"),
            (0, "NHIỆM VỤ NĂM 2025"),
            (1, "Nội dung thực hiện"),
            (2, "Phòng, chống dịch"),
            *[(3, f"Việc {k}.") for k in range(1, 7)],
            (4, "Giám sát."),
            (5, "Tại xã."),
            (5, "Tại huyện."),
            (1, "Tổ chức thực hiện"),
            (2, "Trung tâm Y tế huyện chủ trì."),
        ],
    )
    lines = read_source(path).splitlines()
    assert lines[2:5] == ["PHẦN I NHIỆM VỤ NĂM 2025", "I/ Nội dung thực hiện", "1- Phòng, chống dịch"]
    assert [ln[:2] for ln in lines[5:11]] == ["a)", "b)", "c)", "d)", "e)", "f)"]  # Word's letters: a–z
    assert lines[11:14] == ["- Giám sát.", "+ Tại xã.", "+ Tại huyện."]
    r = import_plan_file(path)
    assert tree(r.items) == [
        "s NHIỆM VỤ NĂM 2025",
        "  s Nội dung thực hiện",
        "    s Phòng, chống dịch",
        *[f"      s Việc {k}." for k in range(1, 6)],
        "      s Việc 6.",
        "        b Giám sát.",
        "          b Tại xã.",
        "          b Tại huyện.",
        "  s Tổ chức thực hiện",
        "    s Trung tâm Y tế huyện chủ trì.",
    ]
