"""Validating a .docx template (a unit's own copy, edited in Word) before anything renders it.

    problems = template_problems("mau_ke_hoach.docx", "plan")   # [] when it can be used
    validate_template("mau_ke_hoach.docx", "plan")               # raises UserError otherwise

Nothing in the template is ever executed here: the checks read the Word XML and Jinja's parse
tree only. They report, each with the paragraph's text so a clerk can find it in Word:

  - fields the app does not provide (with the closest known field as a suggestion);
  - broken tags: '{{' without '}}' in the same paragraph, '{ {', '{ten}', quotes Word put in;
  - unbalanced blocks: '{% if %}' without '{% endif %}', '{%tr for %}' without '{%tr endfor %}',
    a block opened in one table cell or row and closed in another, a '{%p %}' tag sharing its
    paragraph with text that docxtpl would delete;
  - anything that tries to reach Python objects: names starting with '_', '.format', the
    'attr' and 'safe' filters, the 'self', 'cycler', 'lipsum', 'joiner', 'namespace' globals,
    include/import/extends, '{% autoescape false %}'.

FIELDS is the one declaration of what plan_context/report_context provide; a test builds real
contexts from the demo data and checks that shape_of(context) equals it.
"""
from __future__ import annotations

import difflib
import html
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, fields as dc_fields, is_dataclass
from pathlib import Path

from jinja2 import StrictUndefined, TemplateSyntaxError, meta, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree

from ..domain.errors import UserError

__all__ = ["FIELDS", "Problem", "sandbox_env", "shape_of", "template_problems", "validate_template"]


# --------------------------------------------------------------------------------------------
# The sandbox every template renders in


# Globals and filters a document template never needs and that give handles on Python objects
# (cycler.__init__.__globals__, lipsum.__globals__ …) or switch off escaping (safe).
_DROPPED_GLOBALS = ("cycler", "joiner", "lipsum", "namespace", "dict")
_DROPPED_FILTERS = ("attr", "safe", "pprint", "xmlattr", "tojson", "urlize", "forceescape")


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox (no '_' attributes, no mutating the app's lists) that also
    refuses str.format/format_map (attribute paths inside format strings) and type.mro."""

    def is_safe_attribute(self, obj, attr, value) -> bool:
        if attr in ("format", "format_map", "mro"):
            return False
        return super().is_safe_attribute(obj, attr, value)


def sandbox_env() -> _Sandbox:
    # autoescape: '&', '<' and '>' typed by the clerk never break the XML
    # StrictUndefined: a field the app does not know is an error, not a silent blank
    env = _Sandbox(autoescape=True, undefined=StrictUndefined)
    for name in _DROPPED_GLOBALS:
        env.globals.pop(name, None)
    for name in _DROPPED_FILTERS:
        env.filters.pop(name, None)
    return env


# --------------------------------------------------------------------------------------------
# What the app's context provides


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
    "parent_body": STR, "issuer": STR, "number_line": STR, "place_date": STR, "title": STR,
    "blocks": Seq(BLOCK), "recipients": Seq(STR), "signer_lines": Seq(STR), "signer_name": STR,
}
FIELDS: dict[str, dict] = {
    "plan": dict(_COMMON),
    "report": {**_COMMON, "addressee": STR, "appendix_ref": STR, "rows": Seq(APPENDIX_ROW),
               "totals": APPENDIX_ROW},
}

# What each field holds, said to the clerk next to a suggestion.
FIELD_HELP = {
    "parent_body": "tên cơ quan chủ quản", "issuer": "tên cơ quan ban hành",
    "number_line": "số, ký hiệu văn bản", "place_date": "địa danh và ngày tháng",
    "title": "trích yếu", "blocks": "các đoạn nội dung", "recipients": "các dòng nơi nhận",
    "signer_lines": "các dòng chức vụ người ký", "signer_name": "họ tên người ký",
    "addressee": "nơi kính gửi", "appendix_ref": "dòng “Kèm theo Báo cáo số …” của phụ lục",
    "rows": "các hàng của bảng phụ lục", "totals": "hàng tổng cộng của phụ lục",
    "kind": "loại đoạn", "text": "nội dung đoạn", "label": "số mục", "full": "số mục và nội dung",
}

# Names a clerk is likely to type (accents and case ignored) → the field meant.
_ALIASES = {
    "co_quan_chu_quan": "parent_body", "cq_chu_quan": "parent_body", "chu_quan": "parent_body",
    "ten_don_vi": "issuer", "don_vi": "issuer", "co_quan": "issuer", "co_quan_ban_hanh": "issuer",
    "ten_co_quan": "issuer", "unit": "issuer", "unit_name": "issuer", "ten_benh_vien": "issuer",
    "so": "number_line", "so_ky_hieu": "number_line", "so_van_ban": "number_line",
    "ky_hieu": "number_line", "number": "number_line",
    "ngay": "place_date", "ngay_thang": "place_date", "dia_danh": "place_date",
    "ngay_ban_hanh": "place_date", "date": "place_date",
    "tieu_de": "title", "trich_yeu": "title", "ten_van_ban": "title",
    "noi_dung": "blocks", "cac_muc": "blocks", "doan": "blocks",
    "noi_nhan": "recipients", "chuc_vu": "signer_lines", "tham_quyen": "signer_lines",
    "nguoi_ky": "signer_name", "ho_ten": "signer_name", "ten_nguoi_ky": "signer_name",
    "signer": "signer_name", "kinh_gui": "addressee", "phu_luc": "appendix_ref",
    "kem_theo": "appendix_ref", "hang": "rows", "dong": "rows", "danh_sach": "rows",
    "hoat_dong": "rows", "activities": "rows", "tong": "totals", "tong_cong": "totals",
    # attributes of a block
    "loai": "kind", "noi_dung_doan": "text", "van_ban": "text", "so_muc": "label", "nhan": "label",
}

_LOOP_ATTRS = {"index", "index0", "revindex", "revindex0", "first", "last", "length", "cycle",
               "depth", "depth0", "previtem", "nextitem", "changed"}
_STR_METHODS = {m for m in dir(str) if not m.startswith("_")} - {"format", "format_map"}
_ATTR_FILTERS = {"map", "selectattr", "rejectattr", "sort", "groupby", "unique", "sum", "min", "max"}
_SAME_SEQ_FILTERS = {"list", "sort", "reverse", "unique", "select", "reject", "selectattr", "rejectattr"}
_ITEM_FILTERS = {"first", "last", "random", "min", "max"}
_SAFE_GLOBALS = {"range"}
# Attributes allowed on a value of unknown shape (a macro argument, a computed value): the
# fields the app provides, str methods, the loop's and groupby's; never frame or code objects.
_ANY_ATTRS = set(BLOCK) | set(FIELDS["report"]) | _STR_METHODS | _LOOP_ATTRS | {"grouper", "list"}
_FORBIDDEN_NAMES = {"self", "cycler", "joiner", "lipsum", "namespace", "dict", "config", "request",
                    "environment", "context"}


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


# --------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class Problem:
    kind: str  # "truong-la" unknown field, "the-hong" broken tag, "khoi" unbalanced block,
    #            "cam" refused construct, "tep" unusable file
    message: str  # one Vietnamese line without the file name: what is wrong and where


MAX_LISTED = 8


def validate_template(path, kind: str) -> None:
    """Raise UserError naming every problem (up to MAX_LISTED) when the template cannot be used."""
    problems = template_problems(path, kind)
    if not problems:
        return
    name = Path(path).name
    if len(problems) == 1:
        raise UserError(f"Mẫu {name}: {problems[0].message}.")
    shown = "; ".join(f"({i}) {p.message}" for i, p in enumerate(problems[:MAX_LISTED], 1))
    more = f"; … và {len(problems) - MAX_LISTED} lỗi khác" if len(problems) > MAX_LISTED else ""
    raise UserError(f"Mẫu {name} có {len(problems)} lỗi: {shown}{more}.")


def template_problems(path, kind: str) -> list[Problem]:
    """Every problem found in the template at `path` for a document of `kind` ("plan"/"report")."""
    if kind not in FIELDS:
        raise ValueError(f"kind must be one of {sorted(FIELDS)}")
    path = Path(path)
    _check_package(path)
    from docxtpl import DocxTemplate

    try:
        tpl = DocxTemplate(str(path))
        tpl.init_docx()
    except Exception as exc:  # python-docx on a damaged package: many exception types
        raise UserError(f"Không mở được mẫu {path.name}: tệp Word bị hỏng ({type(exc).__name__}).") from None
    return _Validator(tpl, FIELDS[kind]).run()


_DOCTYPE = re.compile(rb"<!DOCTYPE|<\x00!\x00D\x00O\x00C\x00T\x00Y\x00P\x00E", re.IGNORECASE)


def _check_package(path: Path) -> None:
    """The file is a readable .docx without DTDs in its parts (entity bombs, external entities)."""
    from .check import CheckError, _Package

    try:
        pkg = _Package(path)
    except CheckError as e:
        raise UserError(f"Không dùng được mẫu: {e}") from None
    try:
        for info in pkg.zip.infolist():
            if info.filename.endswith((".xml", ".rels")):
                with pkg.zip.open(info) as fh:
                    if _DOCTYPE.search(fh.read(65536)):
                        raise UserError(f"Mẫu {path.name} không an toàn: phần {info.filename} có khai báo "
                                        "DOCTYPE/thực thể XML, điều tệp Word không bao giờ có.")
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
            RuntimeError) as exc:
        raise UserError(f"Mẫu {path.name} bị hỏng: không giải nén được ({type(exc).__name__}).") from None
    finally:
        pkg.zip.close()


# --------------------------------------------------------------------------------------------
# The Word side: paragraphs, their tags and where blocks open and close


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_STRAY = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
_SPACED = re.compile(r"\{[ \u00a0\t]+[{%]|[%}][ \u00a0\t]+\}")
_SINGLE = re.compile(r"(?<!\{)\{[ \u00a0]*([A-Za-z_\u00c0-\u1ef9][\w.\u00c0-\u1ef9]*)[ \u00a0]*\}(?!\})")
_ODD_QUOTES = re.compile("[\u201e\u201a\u00ab\u00bb\u2039\u203a\u2032\u2033\u00b4`]")
_STMT = re.compile(r"\{%(-?)(?:(tr|tc|p|r)(?=\s))?\s*(\w*)(.*?)-?%\}", re.S)
_BLOCKS = {"if", "for", "macro", "call", "filter", "with", "raw", "autoescape", "block", "set"}
_MIDDLE = {"elif": {"if"}, "else": {"if", "for"}}


def _snippet(text: str, around: str = "", width: int = 70) -> str:
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    if len(text) <= width:
        return text
    at = text.find(around) if around else 0
    start = max(0, min(at - width // 3, len(text) - width))
    cut = text[start:start + width]
    return ("…" if start else "") + cut + ("…" if start + width < len(text) else "")


def _para_text(p) -> str:
    """The text Word shows for paragraph `p` (runs of nested text boxes excluded)."""
    out = []
    for t in p.iter(W + "t"):
        q = t.getparent()
        while q is not None and q.tag != W + "p":
            q = q.getparent()
        if q is p:
            out.append(t.text or "")
    return "".join(out)


def _ancestor(el, tag):
    q = el.getparent()
    while q is not None and q.tag != W + tag:
        q = q.getparent()
    return q


@dataclass
class _Open:
    keyword: str
    prefix: str | None
    tag: str
    where: str
    anchor: tuple


class _Validator:
    def __init__(self, tpl, fields: dict):
        self.tpl = tpl
        self.fields = fields
        self.env = sandbox_env()
        # Parsing needs every built-in filter known (Jinja checks names while parsing) so that
        # a dropped one is reported as refused rather than as a typo.
        self.parse_env = ImmutableSandboxedEnvironment()
        self.problems: list[Problem] = []
        self._seen: set[str] = set()
        self._unknown: dict[str, list[int]] = {}

    def add(self, kind: str, message: str) -> None:
        if message not in self._seen:
            self._seen.add(message)
            self.problems.append(Problem(kind, message))

    def add_unknown(self, path: str, message: str) -> None:
        """One problem per unknown field, with how many other places use it."""
        if path in self._unknown:
            self._unknown[path][1] += 1
            return
        self._unknown[path] = [len(self.problems), 0]
        self.problems.append(Problem("truong-la", message))

    def _count_unknown(self) -> None:
        for index, more in self._unknown.values():
            if more:
                p = self.problems[index]
                self.problems[index] = Problem(p.kind, f"{p.message} (và {more} chỗ khác)")

    # -- parts

    def run(self) -> list[Problem]:
        docx = self.tpl.docx
        parts = [("", docx.element.body)]
        for rel in docx.part.rels.values():
            if rel.is_external:
                continue
            label = {self.tpl.HEADER_URI: "đầu trang", self.tpl.FOOTER_URI: "chân trang"}.get(rel.reltype)
            if label is None and rel.target_part.content_type.endswith("wordprocessingml.footnotes+xml"):
                label = "chú thích"
            if label:
                from docx.oxml import parse_xml

                parts.append((label, parse_xml(rel.target_part.blob)))
        for label, root in parts:
            self._part(label, root)
        self._properties()
        self._count_unknown()
        return self.problems

    def _part(self, label: str, root) -> None:
        before = len(self.problems)
        paras = list(root.iter(W + "p"))
        stack: list[_Open] = []
        for p in paras:
            text = _para_text(p)
            if not any(c in text for c in "{}"):
                continue
            self._tags_in(label, p, text, stack)
        for o in stack:
            self.add("khoi", f"khối “{o.tag}” mở ở {o.where} nhưng không có thẻ đóng "
                             f"“{{%{o.prefix or ''} end{o.keyword} %}}”")
        structural = len(self.problems) > before
        xml = etree.tostring(root, encoding="unicode")
        src = self.tpl.patch_xml(xml)
        src = re.sub(r"<w:p([ >])", r"\n<w:p\1", src)  # as docxtpl's render_xml_part: a line per paragraph
        lines = src.splitlines()

        def where(lineno: int | None, needle: str = "") -> str:
            if not lineno or lineno > len(lines):
                return self._place(label, "")
            return self._place(label, _line_piece(lines[lineno - 1], needle), needle)

        try:
            ast = self.parse_env.parse(src)
        except TemplateSyntaxError as e:
            if not structural:
                self.add("the-hong", f"thẻ viết sai ở {where(e.lineno)}: {_syntax(e)}")
            return
        _Walker(self, self.fields, where, meta.find_undeclared_variables(ast)).visit(ast, {})

    def _properties(self) -> None:
        props = self.tpl.docx.core_properties
        names = {"author": "Tác giả", "comments": "Ghi chú", "identifier": "Mã định danh",
                 "language": "Ngôn ngữ", "subject": "Chủ đề", "title": "Tiêu đề"}
        for prop, vi in names.items():
            value = getattr(props, prop) or ""
            if not _STRAY.search(value):
                continue
            place = f"thuộc tính “{vi}” của tệp (Tệp > Thông tin)"
            try:
                ast = self.parse_env.parse(value)
            except TemplateSyntaxError as e:
                self.add("the-hong", f"thẻ viết sai ở {place}: {_syntax(e)}")
                continue
            _Walker(self, self.fields, lambda _n, _s="", place=place: place,
                    meta.find_undeclared_variables(ast)).visit(ast, {})

    @staticmethod
    def _place(label: str, text: str, around: str = "") -> str:
        s = f"đoạn “{_snippet(text, around)}”" if text.strip() else "một đoạn trống"
        return f"{s} ({label})" if label else s

    # -- tags of one paragraph

    def _tags_in(self, label: str, p, text: str, stack: list[_Open]) -> None:
        in_cell = _ancestor(p, "tc") is not None
        where = self._place(label, text) + (" trong bảng" if in_cell and not label else "")
        for m in _SPACED.finditer(text):
            self.add("the-hong", f"thẻ bị tách bởi dấu cách “{m.group(0)}” ở {where}: "
                                 f"viết liền “{m.group(0).replace(' ', '').replace(chr(160), '')}”")
        rest = _TAG.sub(lambda m: " " * len(m.group(0)), text)
        for m in _SINGLE.finditer(rest):
            self.add("the-hong", f"trường “{{{m.group(1)}}}” ở {where} chỉ có một dấu ngoặc: "
                                 f"viết “{{{{ {m.group(1)} }}}}”")
        for m in _STRAY.finditer(rest):
            tok = m.group(0)
            if _SPACED.search(text):
                break
            if tok[0] == "{":
                close = {"{{": "}}", "{%": "%}", "{#": "#}"}[tok]
                self.add("the-hong", f"thẻ “{_snippet(text[m.start():], width=30)}” ở {where} không đóng "
                                     f"trong cùng đoạn (thiếu “{close}”); thẻ phải nằm trọn trong một đoạn")
            else:
                self.add("the-hong", f"có “{tok}” ở {where} mà không có dấu mở tương ứng trước nó "
                                     "trong cùng đoạn")
        structural = []
        for m in _TAG.finditer(text):
            tag = m.group(0)
            if _ODD_QUOTES.search(tag):
                q = _ODD_QUOTES.search(tag).group(0)
                self.add("the-hong", f"thẻ “{_snippet(tag, width=40)}” ở {where} có dấu nháy “{q}”: "
                                     "trong thẻ chỉ dùng dấu nháy thẳng \" hoặc '")
            if tag.startswith(("{{p ", "{{tr ", "{{tc ")):
                structural.append(tag)
            sm = _STMT.fullmatch(tag)
            if sm:
                self._statement(sm, tag, label, p, where, stack, structural)
        if structural:
            self._alone(label, p, text, structural[0], where, len(structural))

    def _alone(self, label: str, p, text: str, tag: str, where: str, count: int) -> None:
        """docxtpl replaces the whole paragraph (row, cell) holding a {%p/tr/tc %} tag by the tag."""
        prefix = re.match(r"\{[{%]-?(tr|tc|p)", tag).group(1)
        if prefix == "p":
            scope, what = p, "đoạn"
        else:
            scope = _ancestor(p, prefix)
            what = "hàng" if prefix == "tr" else "ô"
            if scope is None:
                return  # reported by _statement
        whole = " ".join(_para_text(q) for q in scope.iter(W + "p")) if prefix != "p" else text
        tags = _TAG.findall(whole)
        others = _TAG.sub(" ", whole).strip()
        if len(tags) > 1:
            lost = next(t for t in tags if t != tag)
            self.add("khoi", f"{what} chứa thẻ “{tag}” ở {where} còn có thẻ “{lost}”: cả {what} được thay "
                             f"bằng thẻ đầu nên các thẻ khác bị mất; để mỗi thẻ “{{%{prefix} … %}}” "
                             f"trên một {what} riêng")
        elif others:
            self.add("khoi", f"chữ “{_snippet(others, width=40)}” cùng {what} với thẻ “{tag}” ở {where} "
                             f"sẽ bị xoá khi xuất văn bản: để thẻ “{{%{prefix} … %}}” trên một {what} riêng")

    def _statement(self, sm, tag, label, p, where, stack, structural) -> None:
        _, prefix, keyword, rest = sm.groups()
        if prefix in ("p", "tr", "tc"):
            structural.append(tag)
        anchor = self._anchor(prefix, p, tag, where)
        if anchor is None:
            return
        if keyword == "set" and "=" in rest:
            return
        if keyword in _BLOCKS:
            stack.append(_Open(keyword, prefix, _snippet(tag, width=60), where, anchor))
            return
        if keyword in _MIDDLE or keyword.startswith("end"):
            name = keyword[3:] if keyword.startswith("end") else None
            if not stack:
                self.add("khoi", f"thẻ “{tag}” ở {where} không có thẻ mở "
                                 f"“{{%{prefix or ''} {name or 'if'} … %}}” trước nó")
                return
            top = stack[-1]
            if name is not None and name != top.keyword:
                self.add("khoi", f"khối “{top.tag}” mở ở {top.where} chưa đóng thì gặp “{tag}” ở {where} "
                                 f"(cần “{{%{top.prefix or ''} end{top.keyword} %}}” trước)")
                if any(o.keyword == name for o in stack):
                    while stack and stack[-1].keyword != name:
                        stack.pop()
                    stack.pop()
                return
            if name is None and top.keyword not in _MIDDLE[keyword]:
                self.add("khoi", f"thẻ “{tag}” ở {where} nằm trong khối “{top.tag}”, không thuộc một khối if")
                return
            if prefix != top.prefix:
                self.add("khoi", f"khối “{top.tag}” mở ở {top.where} nhưng “{tag}” ở {where} dùng loại thẻ "
                                 f"khác: cần cùng dạng “{{%{top.prefix or ''} … %}}”")
            elif anchor != top.anchor:
                self.add("khoi", self._crossing(top, tag, where))
            if name is not None:
                stack.pop()

    def _anchor(self, prefix, p, tag, where) -> tuple | None:
        """Where a block tag sits once docxtpl has reduced it: its start and end must agree."""
        if prefix == "p":
            return ("p", p.getparent())
        if prefix in ("tr", "tc"):
            el = _ancestor(p, prefix)
            if el is None:
                what = "một hàng của bảng" if prefix == "tr" else "một ô của bảng"
                self.add("khoi", f"thẻ “{tag}” ở {where} phải nằm trong {what}")
                return None
            return (prefix, el.getparent())
        if prefix == "r":
            return ("r", p)
        return ("", p.getparent())

    @staticmethod
    def _crossing(top: _Open, tag: str, where: str) -> str:
        if top.prefix is None and top.anchor[1] is not None and top.anchor[1].tag == W + "tc":
            return (f"khối “{top.tag}” mở ở {top.where} nhưng đóng bằng “{tag}” ở {where}, một ô hoặc hàng "
                    "khác của bảng: lặp các hàng của bảng thì dùng “{%tr for … %}” … “{%tr endfor %}”")
        return (f"khối “{top.tag}” mở ở {top.where} nhưng đóng bằng “{tag}” ở {where}, ở phần khác của văn "
                "bản (trong và ngoài bảng, hoặc hai bảng khác nhau): khối phải mở và đóng cùng một nơi")


def _line_piece(line: str, needle: str) -> str:
    """The text of the paragraph on a line of the patched XML that mentions `needle`.

    A line starts at a <w:p>; paragraphs docxtpl reduced to their {%p/tr/tc %} tag follow the
    previous paragraph's end on the same line, so the line is cut at element ends and a run of
    bare tags into single tags."""
    pieces = []
    for chunk in re.split(r"</w:(?:p|tc|tr|tbl)>", line):
        text = html.unescape(re.sub(r"<[^>]+>", "", chunk))
        if not text.strip():
            continue
        if "<w:t" not in chunk and not _TAG.sub("", text).strip():
            pieces.extend(_TAG.findall(text))
        else:
            pieces.append(text)
    if needle:
        pat = re.compile(r"(?<![\w.])" + re.escape(needle) + r"(?!\w)")
        for piece in pieces:
            if pat.search(piece):
                return piece
    return pieces[0] if pieces else ""


def _syntax(e: TemplateSyntaxError) -> str:
    msg = (e.message or "").rstrip(".")
    m = re.search(r"unexpected char '(.)'", msg)
    if m:
        ch = m.group(1)
        return f"ký tự “{ch}” không dùng được trong thẻ (có thể Word đã tự sửa khi gõ; gõ lại bằng ký tự thường)"
    m = re.search(r"Encountered unknown tag '(\w+)'", msg)
    if m:
        return f"không có lệnh “{m.group(1)}”"
    if "Unexpected end of template" in msg:
        return "thiếu thẻ đóng khối (endif, endfor …)"
    m = re.search(r"No (filter|test) named '([^']+)'", msg)
    if m:
        return f"không có bộ lọc “{m.group(2)}”"
    return f"Jinja báo: {msg}"


# --------------------------------------------------------------------------------------------
# The Jinja side: names, attribute paths and constructs that reach Python objects


def _norm(name: str) -> str:
    s = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "_", s).strip("_")


def _suggest(name: str, candidates: list[str]) -> str | None:
    n = _norm(name)
    if n in _ALIASES and _ALIASES[n] in candidates:
        return _ALIASES[n]
    close = difflib.get_close_matches(n, candidates, n=1, cutoff=0.6)
    if close:
        return close[0]
    keys = [k for k, v in _ALIASES.items() if v in candidates]
    close = difflib.get_close_matches(n, keys, n=1, cutoff=0.75)
    return _ALIASES[close[0]] if close else None


class _Walker:
    def __init__(self, owner: _Validator, fields: dict, where, undeclared: set[str]):
        self.owner = owner
        self.fields = fields
        self.where = where
        self.undeclared = undeclared
        self.guarded = False  # inside "is defined": an unknown field is not an error

    def refuse(self, node, what: str) -> str:
        needle = _needle(node)
        self.owner.add("cam", f"mẫu dùng {what} ở {self.where(getattr(node, 'lineno', None), needle)}: "
                              "không được phép, mẫu chỉ được dùng các trường dữ liệu của văn bản")
        return REFUSED

    def unknown(self, node, path: str, candidates: list[str], prefix: str = "", hint_for: str = "") -> str:
        if self.guarded:
            return ANY
        last = hint_for or path.rsplit(".", 1)[-1].split("[")[0]
        hint = _suggest(last, candidates)
        tip = ""
        if hint:
            shown = prefix + hint
            tip = f" (có phải “{shown}” – {FIELD_HELP[hint]}?)" if hint in FIELD_HELP else f" (có phải “{shown}”?)"
        where = self.where(getattr(node, "lineno", None), _needle(node))
        self.owner.add_unknown(path, f"trường “{path}” không có trong dữ liệu của ứng dụng{tip}, ở {where}")
        return ANY

    # -- statements

    def visit(self, node, scope: dict) -> None:
        if isinstance(node, (nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
            self.refuse(node, f"lệnh “{type(node).__name__.lower()}” (lấy mẫu khác)")
            return
        if isinstance(node, (nodes.EvalContextModifier, nodes.ScopedEvalContextModifier)):
            self.refuse(node, "lệnh “autoescape” (tắt bảo vệ ký tự &, <, >)")
            return
        if isinstance(node, nodes.For):
            item = self._item(self.expr(node.iter, scope))
            inner = dict(scope)
            self._bind(node.target, item, inner)
            inner["loop"] = LOOP
            if node.test is not None:
                self.expr(node.test, inner)
            for n in node.body:
                self.visit(n, inner)
            for n in node.else_:
                self.visit(n, dict(scope))
            return
        if isinstance(node, nodes.Assign):
            t = self.expr(node.node, scope)
            self._bind(node.target, t, scope)
            return
        if isinstance(node, nodes.AssignBlock):
            for n in node.body:
                self.visit(n, scope)
            if node.filter is not None:
                self.expr(node.filter, scope)
            self._bind(node.target, STR, scope)
            return
        if isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values):
                self._bind(target, self.expr(value, scope), inner)
            for n in node.body:
                self.visit(n, inner)
            return
        if isinstance(node, (nodes.Macro, nodes.CallBlock)):
            if isinstance(node, nodes.Macro):
                scope[node.name] = FUNC
            else:
                self.expr(node.call, scope)
            inner = dict(scope, caller=FUNC, varargs=ANY, kwargs=ANY)
            for a in node.args:
                inner[a.name] = ANY
            for d in node.defaults:
                self.expr(d, scope)
            for n in node.body:
                self.visit(n, inner)
            return
        if isinstance(node, nodes.FilterBlock):
            self.expr(node.filter, scope)
            for n in node.body:
                self.visit(n, scope)
            return
        if isinstance(node, nodes.Expr):
            self.expr(node, scope)
            return
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.Expr):
                self.expr(child, scope)
            else:
                self.visit(child, scope)

    def _bind(self, target, shape, scope: dict) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = shape
        elif isinstance(target, nodes.Tuple):
            for t in target.items:
                self._bind(t, self._item(shape), scope)
        elif isinstance(target, nodes.NSRef):
            self.refuse(target, "“namespace”")

    @staticmethod
    def _item(shape):
        if isinstance(shape, Seq):
            return shape.item
        return STR if shape == STR else ANY

    # -- expressions

    def expr(self, node, scope: dict):
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name in self.fields:
                return self.fields[node.name]
            if node.name in _SAFE_GLOBALS:
                return FUNC
            if node.name in _FORBIDDEN_NAMES:
                return self.refuse(node, f"“{node.name}”")
            if node.name.startswith("_"):
                return self.refuse(node, f"tên “{node.name}”")
            if node.name in self.undeclared or node.name == "loop":
                return self.unknown(node, node.name, list(self.fields))
            return ANY
        if isinstance(node, nodes.Const):
            return STR if isinstance(node.value, str) else ANY
        if isinstance(node, (nodes.Getattr, nodes.Getitem)):
            return self._access(node, scope)
        if isinstance(node, nodes.Slice):
            for c in node.iter_child_nodes():
                self.expr(c, scope)
            return ANY
        if isinstance(node, nodes.Call):
            callee = self.expr(node.node, scope)
            for c in [*node.args, *(k.value for k in node.kwargs), node.dyn_args, node.dyn_kwargs]:
                if c is not None:
                    self.expr(c, scope)
            if callee == REFUSED:
                return REFUSED
            if isinstance(callee, (dict, Seq)) or callee == STR:
                return self.refuse(node, f"lời gọi “{_path(node.node)}(…)”")
            return ANY
        if isinstance(node, nodes.Filter):
            return self._filter(node, scope)
        if isinstance(node, nodes.Test):
            guard = node.name in ("defined", "undefined")
            saved, self.guarded = self.guarded, self.guarded or guard
            try:
                self.expr(node.node, scope)
            finally:
                self.guarded = saved
            for c in [*node.args, *(k.value for k in node.kwargs)]:
                self.expr(c, scope)
            if node.name not in self.owner.env.tests:
                self.owner.add("the-hong", f"không có phép thử “{node.name}” ở {self.where(node.lineno)}")
            return ANY
        if isinstance(node, nodes.Concat):
            for c in node.nodes:
                self.expr(c, scope)
            return STR
        if isinstance(node, nodes.CondExpr):
            self.expr(node.test, scope)
            a = self.expr(node.expr1, scope)
            b = self.expr(node.expr2, scope) if node.expr2 is not None else a
            return a if a == b else ANY
        if isinstance(node, (nodes.Or, nodes.And)):
            a, b = self.expr(node.left, scope), self.expr(node.right, scope)
            return a if a == b else ANY
        for c in node.iter_child_nodes():
            if isinstance(c, nodes.Expr):
                self.expr(c, scope)
            elif isinstance(c, nodes.Keyword):
                self.expr(c.value, scope)
            elif isinstance(c, nodes.Pair):
                self.expr(c.key, scope)
                self.expr(c.value, scope)
        return ANY

    def _access(self, node, scope: dict):
        """obj.attr, obj['key'], obj[0], obj[i]."""
        if isinstance(node, nodes.Getattr):
            key = node.attr
        elif isinstance(node.arg, nodes.Const):
            key = node.arg.value
        else:
            key = None
        if isinstance(key, str) and (key.startswith("_") or key in ("format", "format_map", "mro")):
            return self.refuse(node, f"“{_path(node)}”")
        if key is None:
            self.expr(node.arg, scope)
        root = node.node
        while isinstance(root, (nodes.Getattr, nodes.Getitem)):
            root = root.node
        if (isinstance(root, nodes.Name) and root.name in self.undeclared and root.name not in scope
                and root.name not in self.fields and root.name not in _SAFE_GLOBALS | _FORBIDDEN_NAMES
                and not root.name.startswith("_")):
            shown = re.sub(r"\[[^\]]*\]", "", _path(node))  # 'unit.name', 'totals'
            return self.unknown(node, shown, list(self.fields), hint_for=root.name)
        base = self.expr(node.node, scope)
        if base == REFUSED:
            return REFUSED
        if base == ANY and key is not None:
            if isinstance(key, str) and key not in _ANY_ATTRS:
                return self.refuse(node, f"“{_path(node)}”")
            return ANY
        if isinstance(key, int) and not isinstance(key, bool):
            if isinstance(base, Seq):
                if base.length is not None and not -base.length <= key < base.length:
                    return self.unknown(node, _path(node), [])
                return base.item
            if base == STR:
                return STR
            return self.unknown(node, _path(node), [])
        if key is None:
            if isinstance(base, Seq):
                return base.item
            return self.refuse(node, f"truy cập theo tên tính ra “{_path(node)}”")
        if isinstance(base, dict):
            if key in base:
                return base[key]
            prefix = _path(node.node) + "."
            return self.unknown(node, _path(node), list(base), prefix)
        if base == LOOP:
            return ANY if key in _LOOP_ATTRS else self.unknown(node, _path(node), sorted(_LOOP_ATTRS), "loop.")
        if base == STR and isinstance(node, nodes.Getattr) and key in _STR_METHODS:
            return METHOD
        if base == FUNC or base == METHOD:
            return self.refuse(node, f"“{_path(node)}” (bên trong một hàm)")
        return self.unknown(node, _path(node), [])

    def _filter(self, node, scope: dict):
        name = node.name
        if name in _DROPPED_FILTERS:
            what = {"safe": "bộ lọc “safe” (tắt bảo vệ ký tự &, <, >)"}.get(name, f"bộ lọc “{name}”")
            return self.refuse(node, what)
        base = self.expr(node.node, scope) if node.node is not None else STR
        if name not in self.owner.env.filters:
            self.owner.add("the-hong", f"không có bộ lọc “{name}” ở {self.where(node.lineno)}")
            return ANY
        args = [*node.args, *(k.value for k in node.kwargs)]
        if node.dyn_args is not None or node.dyn_kwargs is not None:
            return self.refuse(node, f"bộ lọc “{name}” với tham số tính ra")
        for a in args:
            self.expr(a, scope)
        if name == "map" and node.args and isinstance(node.args[0], nodes.Const) \
                and node.args[0].value in _DROPPED_FILTERS:
            return self.refuse(node, f"bộ lọc “{node.args[0].value}”")
        checked = [k.value for k in node.kwargs if k.key == "attribute"]
        if name in _ATTR_FILTERS:
            checked += node.args
        if checked:
            for a in checked:
                if isinstance(a, nodes.Const) and isinstance(a.value, str):
                    if a.value.startswith("_") or "._" in a.value or "__" in a.value:
                        return self.refuse(node, f"bộ lọc “{name}('{a.value}')”")
                elif not isinstance(a, nodes.Const):
                    return self.refuse(node, f"bộ lọc “{name}” với tham số tính ra")
            attr = next((k.value.value for k in node.kwargs if k.key == "attribute"
                         and isinstance(k.value, nodes.Const)), None)
            if attr is not None and isinstance(base, Seq) and isinstance(base.item, dict):
                for part in str(attr).split("."):
                    if part not in base.item and not part.isdigit():
                        return self.unknown(node, f"{_path(node.node)}[…].{attr}", list(base.item))
        if name in _SAME_SEQ_FILTERS:
            return base if isinstance(base, Seq) else ANY
        if name in _ITEM_FILTERS:
            return self._item(base)
        if name in ("default", "d"):
            return base
        return STR if name in ("upper", "lower", "title", "capitalize", "trim", "replace", "string", "e",
                               "escape", "truncate", "center", "indent", "striptags", "wordwrap", "join",
                               "format", "urlencode", "filesizeformat") else ANY


def _needle(node) -> str:
    """The name to look for on the node's line: its innermost name, or its attribute."""
    if isinstance(node, nodes.Getattr):
        return node.attr
    while isinstance(node, (nodes.Getitem, nodes.Filter, nodes.Call, nodes.Test)) and node.node is not None:
        node = node.node
        if isinstance(node, nodes.Getattr):
            return node.attr
    return node.name if isinstance(node, nodes.Name) else ""


def _path(node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_path(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        arg = node.arg
        inner = repr(arg.value) if isinstance(arg, nodes.Const) else "…"
        return f"{_path(node.node)}[{inner}]"
    if isinstance(node, nodes.Const):
        return repr(node.value)
    if isinstance(node, nodes.Call):
        return f"{_path(node.node)}(…)"
    if isinstance(node, nodes.Filter):
        return f"({_path(node.node) if node.node is not None else ''}|{node.name})"
    return "…"
