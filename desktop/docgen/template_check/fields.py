"""What the app's context provides to a template (FIELDS and their shapes), and what a check
reports (Problem)."""

from __future__ import annotations

from dataclasses import dataclass, is_dataclass
from dataclasses import fields as dc_fields

__all__ = [
    "ANY",
    "APPENDIX_ROW",
    "BLOCK",
    "FIELD_HELP",
    "FIELDS",
    "FUNC",
    "LOOP",
    "METHOD",
    "REFUSED",
    "STR",
    "Problem",
    "Seq",
    "shape_of",
]

STR = "str"  # a text value
ANY = "any"  # unknown (a macro argument, a computed value): only the sandbox guards it
LOOP = "loop"  # Jinja's loop variable
FUNC = "func"  # a callable global or macro
METHOD = "method"  # a str method
REFUSED = "refused"  # already reported as refused: nothing more is said about it


@dataclass(frozen=True)
class Seq:
    """A list (length None) or a tuple of fixed length whose items all have the shape `item`."""

    item: object
    length: int | None = None


BLOCK = {"kind": STR, "text": STR, "label": STR, "full": STR}  # domain.blocks.Block
APPENDIX_ROW = Seq(STR, 9)  # domain.report.APPENDIX_HEAD

_COMMON = {
    "parent_body": STR,
    "issuer": STR,
    "number_line": STR,
    "place_date": STR,
    "title": STR,
    "blocks": Seq(BLOCK),
    "recipients": Seq(STR),
    "signer_lines": Seq(STR),
    "signer_name": STR,
}
FIELDS: dict[str, dict] = {
    "plan": dict(_COMMON),
    "report": {**_COMMON, "addressee": STR, "appendix_ref": STR, "rows": Seq(APPENDIX_ROW), "totals": APPENDIX_ROW},
}

# What each field holds, said to the clerk next to a suggestion.
FIELD_HELP = {
    "parent_body": "tên cơ quan chủ quản",
    "issuer": "tên cơ quan ban hành",
    "number_line": "số, ký hiệu văn bản",
    "place_date": "địa danh và ngày tháng",
    "title": "trích yếu",
    "blocks": "các đoạn nội dung",
    "recipients": "các dòng nơi nhận",
    "signer_lines": "các dòng chức vụ người ký",
    "signer_name": "họ tên người ký",
    "addressee": "nơi kính gửi",
    "appendix_ref": "dòng “Kèm theo Báo cáo số …” của phụ lục",
    "rows": "các hàng của bảng phụ lục",
    "totals": "hàng tổng cộng của phụ lục",
    "kind": "loại đoạn",
    "text": "nội dung đoạn",
    "label": "số mục",
    "full": "số mục và nội dung",
}


def shape_of(value) -> object:
    """The shape of a context value, in the terms of FIELDS (for the test that keeps them equal)."""
    if isinstance(value, str):
        return STR
    if isinstance(value, dict):
        return {k: shape_of(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        items = {repr(shape_of(v)) for v in value}
        if len(items) > 1:
            raise ValueError(f"mixed items: {items}")
        item = shape_of(value[0]) if value else ANY
        return Seq(item, len(value) if isinstance(value, tuple) else None)
    if is_dataclass(value):
        names = [f.name for f in dc_fields(value)]
        names += [n for n, v in vars(type(value)).items() if isinstance(v, property) and not n.startswith("_")]
        return {n: shape_of(getattr(value, n)) for n in names}
    raise ValueError(f"unexpected value in a template context: {type(value).__name__}")


@dataclass(frozen=True)
class Problem:
    kind: str  # "truong-la" unknown field, "the-hong" broken tag, "khoi" unbalanced block,
    #            "cam" refused construct, "tep" unusable file
    message: str  # one Vietnamese line without the file name: what is wrong and where
