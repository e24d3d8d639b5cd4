"""render report --outline: the report compiled to the superior's six headings, in their order, from a .txt
and from a .docx built here; an empty quarter's dotted parts named on stderr (issue 24, points 2 and 3)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from desktop import cli
from desktop.domain.report_outline import parse_outline
from desktop.domain.report_sections import DOTS

SIX = [
    ("I.", "CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI"),
    ("II.", "KẾT QUẢ THỰC HIỆN"),
    ("1.", "Truyền thông về Nghị quyết số 57-NQ/TW của Bộ Chính trị"),
    ("2.", "Kết quả của từng khoa, phòng"),
    ("III.", "KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN"),
    ("IV.", "ĐỀ XUẤT, KIẾN NGHỊ"),
]
GUIDANCE = "- Nêu rõ số buổi, số người tham dự, kinh phí."


def _outline_lines() -> list[str]:
    lines = ["ĐỀ CƯƠNG BÁO CÁO", "(Kèm theo Công văn số 15/SYT-NVY ngày 02/12/2025 của Sở Y tế)"]
    for label, text in SIX:
        lines.append(f"{label} {text}")
        if label == "1.":
            lines.append(GUIDANCE)
    return lines


def _txt(tmp_path: Path) -> Path:
    p = tmp_path / "de_cuong.txt"
    p.write_text("\n".join(_outline_lines()), encoding="utf-8")
    return p


def _docx(tmp_path: Path) -> Path:
    from docx import Document

    doc = Document()
    for line in _outline_lines():
        doc.add_paragraph(line)
    p = tmp_path / "de_cuong.docx"
    doc.save(p)
    return p


def _body(path: Path) -> list[str]:
    """The paragraphs of the report's body as word/document.xml holds them (text of each w:p)."""
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    paras = []
    for p in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S):
        paras.append("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)))
    return [p for p in paras if p]


def _headings(paras: list[str]) -> list[str]:
    pattern = re.compile(r"^(I|II|III|IV|V|VI)\. |^\d\. |^[a-z]\) ")
    start = next(i for i, p in enumerate(paras) if p.startswith("Kính gửi"))
    end = next(i for i, p in enumerate(paras) if p.startswith("Trên đây là"))
    return [p for p in paras[start:end] if pattern.match(p)]


def test_six_headings_are_read_in_order_with_their_levels():
    heads = parse_outline("\n".join(_outline_lines()))
    assert [(h.label, h.text, h.level) for h in heads] == [
        (label, text, 1 if label[0] in "IV" else 2) for label, text in SIX
    ]
    assert heads[2].notes == [GUIDANCE] and heads[1].children == 2


@pytest.mark.parametrize("make", [_txt, _docx], ids=["txt", "docx"])
def test_the_report_has_the_outlines_six_headings_in_order(demo_copy, tmp_path, capsys, make):
    outline = make(tmp_path)
    out = tmp_path / "bao_cao.docx"
    args = ["render", "report", "--db", str(demo_copy), "--out", str(out), "--period", "q1", "--outline", str(outline)]
    assert cli.main(args) == 0
    paras = _body(out)
    assert _headings(paras) == [f"{label} {text}" for label, text in SIX]
    after = {p: paras[i + 1] for i, p in enumerate(paras[:-1])}
    # filled from the data where the app knows the answer
    assert after["I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI"].startswith("Thực hiện Kế hoạch số 357/KH-SYT")
    assert after["II. KẾT QUẢ THỰC HIỆN"].startswith("Trong kỳ báo cáo (từ ngày 01/01/2025 đến ngày 31/3/2025)")
    task = after["1. Truyền thông về Nghị quyết số 57-NQ/TW của Bộ Chính trị"]
    assert task != DOTS and re.match(r"^(Đăng|Tổ chức|Phát|Treo|Thực hiện|Trong kỳ)", task)
    depts = after["2. Kết quả của từng khoa, phòng"]  # a department's prose: "<name> đã <forms>; kinh phí …"
    assert depts != DOTS and " đã " in depts and depts.endswith(".")
    # the clerk's where the app does not know: dotted, and named on stderr
    assert after["III. KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN"] == DOTS
    assert after["IV. ĐỀ XUẤT, KIẾN NGHỊ"] == DOTS
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "Phần “III. KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN” chưa có số liệu hay nội dung: để dòng chấm để điền tay.",
        "Phần “IV. ĐỀ XUẤT, KIẾN NGHỊ” chưa có số liệu hay nội dung: để dòng chấm để điền tay.",
    ]
    # the app's own parts are not added: the outline's order is the report's
    assert "III. ĐÁNH GIÁ CHUNG" not in paras and "V. ĐỀ XUẤT, KIẾN NGHỊ" not in paras
    assert cli.main(["check", str(out)]) == 0, capsys.readouterr().out


def test_an_empty_quarter_names_every_dotted_part_on_stderr(tmp_path, capsys):
    from desktop.store.demo import create_demo

    db = tmp_path / "trong.db"
    create_demo(db, 0, 1)
    out = tmp_path / "quy2.docx"
    assert cli.main(["render", "report", "--db", str(db), "--out", str(out), "--period", "q2"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"Phần “{name}” chưa có số liệu hay nội dung: để dòng chấm để điền tay."
        for name in (
            "1. Ưu điểm (III. ĐÁNH GIÁ CHUNG)",
            "2. Tồn tại, hạn chế (III. ĐÁNH GIÁ CHUNG)",
            "3. Nguyên nhân (III. ĐÁNH GIÁ CHUNG)",
            "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
            "V. ĐỀ XUẤT, KIẾN NGHỊ",
        )
    ]
    paras = _body(out)
    text = "\n".join(paras)
    for phrase in ("còn ít", "chưa phong phú", "kiêm nhiệm", "Tiếp tục triển khai", "Đề nghị cấp trên", "chủ động"):
        assert phrase not in text
    assert paras[paras.index("1. Ưu điểm") + 1] == DOTS
    assert cli.main(["check", str(out)]) == 0, capsys.readouterr().out


def test_an_outline_without_a_numbered_heading_is_refused(demo_copy, tmp_path, capsys):
    bad = tmp_path / "thu.txt"
    bad.write_text("Kính gửi các đơn vị.\nĐề nghị báo cáo đúng hạn.", encoding="utf-8")
    out = tmp_path / "x.docx"
    args = ["render", "report", "--db", str(demo_copy), "--out", str(out), "--outline", str(bad)]
    assert cli.main(args) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("Không tìm thấy đề mục đánh số nào (I., 1., a)…) trong thu.txt") and not out.exists()
