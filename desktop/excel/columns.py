"""The activity columns shared by the entry template, the export and the import.

Headers are matched by name when reading, with or without diacritics, so a department may
reorder columns, add its own, or start the table lower on the sheet.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.target_kinds import PEOPLE_GROUPS
from ..domain.text import fold


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: float
    help: str  # the input message Excel shows on the column
    aliases: tuple[str, ...] = ()
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column(
        "start",
        "Ngày",
        12,
        "Ngày thực hiện, dạng 05/3/2025. Hoạt động nhiều ngày: ghi ngày bắt đầu.",
        ("ngay thuc hien", "ngay bat dau", "tu ngay", "thoi gian", "ngay to chuc"),
        True,
    ),
    Column("end", "Đến ngày", 12, "Chỉ ghi khi hoạt động kéo dài nhiều ngày: ngày kết thúc.", ("ngay ket thuc", "den")),
    Column(
        "dept",
        "Khoa, phòng",
        28,
        "Chọn trong danh sách khoa, phòng của đơn vị.",
        ("khoa phong", "khoa/phong", "don vi thuc hien", "khoa", "phong", "bo phan"),
        True,
    ),
    Column(
        "title",
        "Nội dung hoạt động",
        48,
        "Tên, nội dung hoạt động; ví dụ: Tập huấn bệnh án điện tử.",
        ("noi dung", "ten hoat dong", "hoat dong", "noi dung hoat dong"),
        True,
    ),
    Column(
        "form",
        "Hình thức",
        24,
        "Chọn hình thức truyền thông trong danh sách.",
        ("hinh thuc truyen thong", "loai hinh"),
        True,
    ),
    Column(
        "task",
        "Nhiệm vụ theo kế hoạch",
        40,
        "Chọn nhiệm vụ của kế hoạch mà hoạt động này thực hiện (để trống nếu không thuộc nhiệm vụ nào).",
        ("nhiem vu", "thuoc nhiem vu", "muc ke hoach"),
    ),
    Column("quantity", "Số lượng", 10, "Số lượng theo đơn vị tính (số nguyên, để trống là 1).", ("so luong", "sl")),
    Column(
        "unit_label",
        "Đơn vị tính",
        12,
        "Để trống: dùng đơn vị của hình thức (tin, bài; buổi; lớp …).",
        ("dvt", "don vi tinh"),
    ),
    Column(
        "participants",
        "Số người tham dự",
        12,
        "Số lượt người tham dự (nếu có).",
        ("so nguoi", "so nguoi tham du", "nguoi tham du", "luot nguoi", "so luot nguoi", "nguoi du"),
    ),
    Column(
        "cost",
        "Kinh phí (đồng)",
        16,
        "Kinh phí bằng đồng, ví dụ 1.500.000.",
        ("kinh phi", "chi phi", "kinh phi dong", "so tien"),
    ),
    # people the activity reached, by group (issue 24: reach targets count them): after the cost, so the columns
    # a department already fills keep their places
    Column(
        "reach_patients",
        "Người bệnh",
        11,
        "Số người bệnh được truyền thông, tư vấn (nếu có), ví dụ 120.",
        ("so nguoi benh", "benh nhan", "so benh nhan"),
    ),
    Column(
        "reach_relatives",
        "Người nhà",
        11,
        "Số người nhà người bệnh được truyền thông (nếu có), ví dụ 80.",
        ("nguoi nha nguoi benh", "so nguoi nha", "than nhan"),
    ),
    Column(
        "reach_staff",
        "Nhân viên y tế",
        11,
        "Số nhân viên y tế được truyền thông, tập huấn (nếu có).",
        ("so nhan vien y te", "nvyt", "can bo y te"),
    ),
    Column(
        "reach_community",
        "Cộng đồng",
        11,
        "Số người dân trong cộng đồng được truyền thông (nếu có).",
        ("nguoi dan", "so nguoi dan", "nguoi dan cong dong"),
    ),
    Column(
        "evidence", "Minh chứng", 30, "Đường dẫn bài viết hoặc tên tệp minh chứng.", ("minh chung", "duong dan", "link")
    ),
    Column("notes", "Ghi chú", 24, "Ghi chú thêm (nếu có).", ("ghi chu",)),
    Column(
        "source_unit",
        "Đơn vị",
        28,
        "Đơn vị ghi nhận hoạt động (tự điền khi xuất; dùng khi tổng hợp).",
        ("don vi", "co quan", "benh vien", "ten don vi"),
    ),
)

BY_KEY = {c.key: c for c in COLUMNS}
REACH_KEYS = dict(zip(("reach_patients", "reach_relatives", "reach_staff", "reach_community"), PEOPLE_GROUPS))
NUMBER_KEYS = ("quantity", "participants", "cost", *REACH_KEYS)
TEMPLATE_KEYS = tuple(c.key for c in COLUMNS if c.key != "source_unit")
EXPORT_KEYS = tuple(c.key for c in COLUMNS)


def _norm(text: str) -> str:
    return " ".join(fold(text).replace("(", " ").replace(")", " ").replace(",", " ").replace(":", " ").split())


_NAMES: dict[str, str] = {}
for _c in COLUMNS:
    for _name in (_c.header, *_c.aliases):
        _NAMES.setdefault(_norm(_name), _c.key)


def match_header(text: object) -> str | None:
    """The column key of a header cell ('Khoa, phòng', 'KHOA PHONG', 'Đơn vị thực hiện' …)."""
    if not isinstance(text, str) or not text.strip():
        return None
    return _NAMES.get(_norm(text))
