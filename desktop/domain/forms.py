"""The controlled list of communication forms (hình thức) and how each is reported."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Form:
    code: str
    label: str  # as shown in the window and in the appendix
    unit: str  # default unit of quantity (đơn vị tính)
    verb: str  # report sentence: "{verb} {count} {unit}{tail}"
    tail: str = ""  # after the unit; may use {unit_name}
    people: str = "lượt người tham dự"  # how participants are counted


FORMS: tuple[Form, ...] = (
    Form("tin_bai", "Tin, bài trên Trang TTĐT", "tin, bài", "Đăng tải",
         " trên Trang thông tin điện tử của {unit_name}"),
    Form("mang_xa_hoi", "Bài trên mạng xã hội", "bài", "Đăng",
         " trên các trang mạng xã hội của {unit_name}"),
    Form("hoi_nghi", "Hội nghị, hội thảo", "hội nghị", "Tổ chức", ", hội thảo"),
    Form("tap_huan", "Tập huấn", "lớp", "Tổ chức", " tập huấn", "lượt học viên"),
    Form("sinh_hoat", "Sinh hoạt chuyên đề", "buổi", "Tổ chức", " sinh hoạt chuyên đề"),
    Form("pano", "Pano, áp phích, băng rôn", "cái", "Treo", " pano, áp phích, băng rôn"),
    Form("to_roi", "Tờ rơi", "tờ", "Phát hành", " rơi"),
    Form("phat_thanh", "Phát thanh nội bộ", "buổi", "Thực hiện", " phát thanh nội bộ"),
    Form("thi_dua", "Phong trào thi đua", "phong trào", "Phát động", " thi đua"),
    Form("khac", "Khác", "hoạt động", "Thực hiện", " khác"),
)

BY_CODE: dict[str, Form] = {f.code: f for f in FORMS}


def form(code: str) -> Form:
    """The form of `code`; unknown codes fall back to "Khác"."""
    return BY_CODE.get(code, BY_CODE["khac"])
