"""The Word side of the check: paragraphs, their tags and where blocks open and close."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from jinja2 import TemplateSyntaxError, meta
from lxml import etree

from .fields import Problem
from .names import Walker
from .sandbox import Sandbox, sandbox_env

__all__ = ["Validator", "snippet"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_STRAY = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
_SPACED = re.compile(r"\{[ \u00a0\t]+[{%]|[%}][ \u00a0\t]+\}")
_SINGLE = re.compile(r"(?<!\{)\{[ \u00a0]*([A-Za-z_\u00c0-\u1ef9][\w.\u00c0-\u1ef9]*)[ \u00a0]*\}(?!\})")
_ODD_QUOTES = re.compile("[\u201e\u201a\u00ab\u00bb\u2039\u203a\u2032\u2033\u00b4`]")
_STMT = re.compile(r"\{%(-?)(?:(tr|tc|p|r)(?=\s))?\s*(\w*)(.*?)-?%\}", re.S)
_BLOCKS = {"if", "for", "macro", "call", "filter", "with", "raw", "autoescape", "block", "set"}
_MIDDLE = {"elif": {"if"}, "else": {"if", "for"}}


def snippet(text: str, around: str = "", width: int = 70) -> str:
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    if len(text) <= width:
        return text
    at = text.find(around) if around else 0
    start = max(0, min(at - width // 3, len(text) - width))
    cut = text[start : start + width]
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


class Validator:
    def __init__(self, tpl, fields: dict):
        self.tpl = tpl
        self.fields = fields
        self.env = sandbox_env()
        # Parsing needs every built-in filter known (Jinja checks names while parsing) so that
        # a dropped one is reported as refused rather than as a typo. Bounded (Sandbox): compiling folds
        # constant expressions, which would otherwise compute `'a' * 10**10` in the checker itself.
        self.parse_env = Sandbox()
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
            self.add(
                "khoi",
                f"khối “{o.tag}” mở ở {o.where} nhưng không có thẻ đóng “{{%{o.prefix or ''} end{o.keyword} %}}”",
            )
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
        Walker(self, self.fields, where, meta.find_undeclared_variables(ast)).visit(ast, {})

    def _properties(self) -> None:
        props = self.tpl.docx.core_properties
        names = {
            "author": "Tác giả",
            "comments": "Ghi chú",
            "identifier": "Mã định danh",
            "language": "Ngôn ngữ",
            "subject": "Chủ đề",
            "title": "Tiêu đề",
        }
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
            Walker(self, self.fields, lambda _n, _s="", place=place: place, meta.find_undeclared_variables(ast)).visit(
                ast, {}
            )

    @staticmethod
    def _place(label: str, text: str, around: str = "") -> str:
        s = f"đoạn “{snippet(text, around)}”" if text.strip() else "một đoạn trống"
        return f"{s} ({label})" if label else s

    # -- tags of one paragraph

    def _tags_in(self, label: str, p, text: str, stack: list[_Open]) -> None:
        in_cell = _ancestor(p, "tc") is not None
        where = self._place(label, text) + (" trong bảng" if in_cell and not label else "")
        for m in _SPACED.finditer(text):
            self.add(
                "the-hong",
                f"thẻ bị tách bởi dấu cách “{m.group(0)}” ở {where}: "
                f"viết liền “{m.group(0).replace(' ', '').replace(chr(160), '')}”",
            )
        rest = _TAG.sub(lambda m: " " * len(m.group(0)), text)
        for m in _SINGLE.finditer(rest):
            self.add(
                "the-hong", f"trường “{{{m.group(1)}}}” ở {where} chỉ có một dấu ngoặc: viết “{{{{ {m.group(1)} }}}}”"
            )
        for m in _STRAY.finditer(rest):
            tok = m.group(0)
            if _SPACED.search(text):
                break
            if tok[0] == "{":
                close = {"{{": "}}", "{%": "%}", "{#": "#}"}[tok]
                self.add(
                    "the-hong",
                    f"thẻ “{snippet(text[m.start() :], width=30)}” ở {where} không đóng "
                    f"trong cùng đoạn (thiếu “{close}”); thẻ phải nằm trọn trong một đoạn",
                )
            else:
                self.add("the-hong", f"có “{tok}” ở {where} mà không có dấu mở tương ứng trước nó trong cùng đoạn")
        structural = []
        for m in _TAG.finditer(text):
            tag = m.group(0)
            if _ODD_QUOTES.search(tag):
                q = _ODD_QUOTES.search(tag).group(0)
                self.add(
                    "the-hong",
                    f"thẻ “{snippet(tag, width=40)}” ở {where} có dấu nháy “{q}”: "
                    "trong thẻ chỉ dùng dấu nháy thẳng \" hoặc '",
                )
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
            self.add(
                "khoi",
                f"{what} chứa thẻ “{tag}” ở {where} còn có thẻ “{lost}”: cả {what} được thay "
                f"bằng thẻ đầu nên các thẻ khác bị mất; để mỗi thẻ “{{%{prefix} … %}}” "
                f"trên một {what} riêng",
            )
        elif others:
            self.add(
                "khoi",
                f"chữ “{snippet(others, width=40)}” cùng {what} với thẻ “{tag}” ở {where} "
                f"sẽ bị xoá khi xuất văn bản: để thẻ “{{%{prefix} … %}}” trên một {what} riêng",
            )

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
            stack.append(_Open(keyword, prefix, snippet(tag, width=60), where, anchor))
            return
        if keyword in _MIDDLE or keyword.startswith("end"):
            name = keyword[3:] if keyword.startswith("end") else None
            if not stack:
                self.add(
                    "khoi", f"thẻ “{tag}” ở {where} không có thẻ mở “{{%{prefix or ''} {name or 'if'} … %}}” trước nó"
                )
                return
            top = stack[-1]
            if name is not None and name != top.keyword:
                self.add(
                    "khoi",
                    f"khối “{top.tag}” mở ở {top.where} chưa đóng thì gặp “{tag}” ở {where} "
                    f"(cần “{{%{top.prefix or ''} end{top.keyword} %}}” trước)",
                )
                if any(o.keyword == name for o in stack):
                    while stack and stack[-1].keyword != name:
                        stack.pop()
                    stack.pop()
                return
            if name is None and top.keyword not in _MIDDLE[keyword]:
                self.add("khoi", f"thẻ “{tag}” ở {where} nằm trong khối “{top.tag}”, không thuộc một khối if")
                return
            if prefix != top.prefix:
                self.add(
                    "khoi",
                    f"khối “{top.tag}” mở ở {top.where} nhưng “{tag}” ở {where} dùng loại thẻ "
                    f"khác: cần cùng dạng “{{%{top.prefix or ''} … %}}”",
                )
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
            return (
                f"khối “{top.tag}” mở ở {top.where} nhưng đóng bằng “{tag}” ở {where}, một ô hoặc hàng "
                "khác của bảng: lặp các hàng của bảng thì dùng “{%tr for … %}” … “{%tr endfor %}”"
            )
        return (
            f"khối “{top.tag}” mở ở {top.where} nhưng đóng bằng “{tag}” ở {where}, ở phần khác của văn "
            "bản (trong và ngoài bảng, hoặc hai bảng khác nhau): khối phải mở và đóng cùng một nơi"
        )


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
