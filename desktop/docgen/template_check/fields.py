"""What the app's context provides to a template (FIELDS and their shapes), and what a check
reports (Problem)."""

from __future__ import annotations

from dataclasses import dataclass, is_dataclass
from dataclasses import fields as dc_fields
from typing import NamedTuple, get_args, get_origin, get_type_hints

from ...domain.blocks import Block

__all__ = [
    "ANY",
    "APPENDIX_ROW",
    "BLOCK",
    "AppendixRow",
    "AppendixTable",
    "PlanFields",
    "Record",
    "ReportFields",
    "as_context",
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
    "shape_of_type",
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


class Record(dict):
    """The shape of a named record whose fields are also read by position (AppendixRow): a
    template may write `r.content` or, as templates written before the names did, `r[2]`."""


# ---------------------------------------------------------------- the declaration
# The one declaration of what a template is rendered with: context.py builds these records,
# FIELDS below is derived from them, and a test checks real contexts against FIELDS.


class AppendixRow(NamedTuple):
    """One activity of the appendix (the columns of domain.report.APPENDIX_HEAD, in order)."""

    stt: str
    time: str
    content: str
    form: str
    doer: str
    quantity: str
    participants: str
    cost: str
    notes: str


@dataclass(frozen=True)
class AppendixTable:
    """One table of the appendix: a month (or a part of a long month, "(tiếp theo)"), its
    heading repeated at the top of every page the table runs onto."""

    heading: str
    rows: list[AppendixRow]


@dataclass(frozen=True)
class PlanFields:
    parent_body: str
    issuer: str
    number_line: str
    place_date: str
    title: str
    blocks: list[Block]
    recipients: list[str]
    signer_lines: list[str]
    signer_name: str


@dataclass(frozen=True)
class ReportFields(PlanFields):
    addressee: str
    appendix_ref: str
    months: list[AppendixTable]  # the appendix, table by table
    rows: list[AppendixRow]  # the same rows in one list (templates written before `months`)
    totals: AppendixRow


def as_context(fields_record: PlanFields) -> dict:
    """The record as the dict docxtpl renders (no copy of the values)."""
    return {f.name: getattr(fields_record, f.name) for f in dc_fields(fields_record)}


def shape_of_type(tp) -> object:
    """The shape (STR, Seq, Record, dict) of values of the annotated type `tp`."""
    if tp is str:
        return STR
    if get_origin(tp) is list:
        return Seq(shape_of_type(get_args(tp)[0]))
    if isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields"):
        hints = get_type_hints(tp)
        return Record({n: shape_of_type(hints[n]) for n in tp._fields})
    if is_dataclass(tp):
        hints = get_type_hints(tp)
        shape = {f.name: shape_of_type(hints[f.name]) for f in dc_fields(tp)}
        for n, v in vars(tp).items():
            if isinstance(v, property) and not n.startswith("_"):
                shape[n] = shape_of_type(get_type_hints(v.fget)["return"])
        return shape
    raise TypeError(f"unexpected type in a template context: {tp!r}")


FIELDS: dict[str, dict] = {"plan": shape_of_type(PlanFields), "report": shape_of_type(ReportFields)}
APPENDIX_ROW = FIELDS["report"]["totals"]
BLOCK = FIELDS["plan"]["blocks"].item  # domain.blocks.Block: kind, text, label, full

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
    "months": "các bảng của phụ lục, mỗi tháng một bảng (m.heading, m.rows)",
    "heading": "tên tháng đứng đầu bảng phụ lục",
    "rows": "các hàng của bảng phụ lục",
    "totals": "hàng tổng cộng của phụ lục",
    "kind": "loại đoạn",
    "text": "nội dung đoạn",
    "label": "số mục",
    "full": "số mục và nội dung",
    "head": "các tiêu đề cột của bảng trong đề cương",
    "cells": "các hàng của bảng trong đề cương (mỗi hàng một danh sách ô)",
    "stt": "số thứ tự của hoạt động",
    "time": "thời gian hoạt động",
    "content": "nội dung hoạt động",
    "form": "hình thức",
    "doer": "đơn vị thực hiện",
    "quantity": "số lượng",
    "participants": "số người tham dự",
    "cost": "kinh phí",
    "notes": "ghi chú",
}


def shape_of(value) -> object:
    """The shape of a context value, in the terms of FIELDS (for the test that keeps them equal)."""
    if isinstance(value, str):
        return STR
    if isinstance(value, dict):
        return {k: shape_of(v) for k, v in value.items()}
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return Record({n: shape_of(getattr(value, n)) for n in value._fields})
    if isinstance(value, (list, tuple)):
        items = {repr(shape_of(v)) for v in value}
        if len(items) > 1:
            raise ValueError(f"mixed items: {items}")
        item = shape_of(value[0]) if value else ANY
        return Seq(item, len(value) if isinstance(value, tuple) else None)
    if is_dataclass(value):
        names = [f.name for f in dc_fields(value)]
        names += [n for n, v in vars(type(value)).items() if isinstance(v, property) and not n.startswith("_")]
        hints = get_type_hints(type(value))
        return {  # an empty list has its declared shape (a paragraph's Block has no table's cells)
            n: shape_of_type(hints[n]) if getattr(value, n) == [] and n in hints else shape_of(getattr(value, n))
            for n in names
        }
    raise ValueError(f"unexpected value in a template context: {type(value).__name__}")


@dataclass(frozen=True)
class Problem:
    kind: str  # "truong-la" unknown field, "the-hong" broken tag, "khoi" unbalanced block,
    #            "cam" refused construct, "tep" unusable file
    message: str  # one Vietnamese line without the file name: what is wrong and where
