"""Check a .docx against the administrative format of Nghị định 30/2020/NĐ-CP.

    findings = check_docx("ke_hoach.docx")   # [] when every rule holds

Each Finding has a short stable rule id and a one-line Vietnamese message that says what is
wrong and where. The rules are those of /work/shared/spec/nd30.md, applied to a Kế hoạch or a
Báo cáo (with its optional appendix, "Phụ lục"):

  page          trang.kho-giay, trang.huong-giay, trang.le-tren/-duoi/-trai/-phai
  fonts, text   phong-chu, mau-chu, van-ban.nfc, van-ban.ky-tu-dieu-khien
  page numbers  so-trang.trang-dau, so-trang.thieu, so-trang.vi-tri, so-trang.can-giua,
                so-trang.co-chu, so-trang.kieu-so
  header table  dau-trang.bang, dau-trang.so-cot, dau-trang.vien,
                dau-trang.co-quan-chu-quan, dau-trang.co-quan-ban-hanh, dau-trang.gach-co-quan,
                dau-trang.so-ky-hieu, dau-trang.ky-hieu-loai, dau-trang.quoc-hieu,
                dau-trang.tieu-ngu, dau-trang.gach-tieu-ngu, dau-trang.dia-danh-ngay
  title block   tieu-de.ten-loai, tieu-de.trich-yeu, tieu-de.gach, tieu-de.kinh-gui
  body          than.trong, than.co-chu, than.can-le, than.thut-dau-dong,
                than.khoang-cach-doan, than.gian-dong, than.muc-la-ma, than.muc-so,
                than.thu-tu-muc, than.can-cu, than.ket-thuc
  closing       ket-thuc.bang, ket-thuc.vien, noi-nhan.tieu-de, noi-nhan.dong, noi-nhan.luu,
                chu-ky.tham-quyen, chu-ky.khoang-trong, chu-ky.ho-ten
  appendix      phu-luc.trang-moi, phu-luc.vien-bang, phu-luc.lap-tieu-de, phu-luc.dong-tong,
                phu-luc.co-chu
  package       cau-truc.thieu-phan (a header/footer the document refers to is missing)

Formatting is resolved as Word resolves it (see StyleResolver): direct run properties, the
run's character style, the paragraph style, the table style (its plain pPr/rPr and borders,
not its conditional parts), then the document defaults. Lengths inside the module are twips
(1/20 pt) and font sizes half-points, as in the XML.
"""

from __future__ import annotations

import os
import posixpath
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .textwidth import text_width_pt

__all__ = ["CheckError", "Finding", "check_docx", "StyleResolver"]


# --------------------------------------------------------------------------------------------
# Public API


class CheckError(Exception):
    """The file cannot be checked at all (missing, not a .docx, damaged XML, empty …).

    str(e) is one Vietnamese line naming the file and the problem.
    """


@dataclass(frozen=True)
class Finding:
    rule: str  # short stable id, e.g. "trang.kho-giay"
    message: str  # one Vietnamese line: what is wrong and where


MAX_PER_RULE = 5  # places listed per rule before "… và N chỗ khác"


def check_docx(path) -> list[Finding]:
    """Check the .docx at `path`; [] means it follows every rule.

    Raises only CheckError (when the file cannot be read as a Word document).
    """
    try:
        pkg = _Package(path)
    except CheckError:
        raise
    except Exception as exc:  # odd path objects, permissions …
        raise CheckError(f'Không mở được tệp "{path}": {_one_line(exc)}.') from None
    try:
        doc = _Document(pkg)
        return _Checker(doc).run()
    except CheckError:
        raise
    except Exception as exc:  # a bug or an input we did not foresee: never a traceback
        raise CheckError(
            f'Không kiểm tra được tệp "{pkg.display_name}": lỗi không lường trước '
            f"({type(exc).__name__}: {_one_line(str(exc))})."
        ) from exc


# --------------------------------------------------------------------------------------------
# Namespaces and small value helpers


class _NS:
    """Clark-notation names: W.p == '{http://…/main}p'."""

    def __init__(self, uri: str):
        self.uri = uri

    def __getattr__(self, name: str) -> str:
        value = f"{{{self.uri}}}{name}"
        setattr(self, name, value)  # next lookups are plain attribute reads
        return value


W = _NS("http://schemas.openxmlformats.org/wordprocessingml/2006/main")
R = _NS("http://schemas.openxmlformats.org/officeDocument/2006/relationships")
PR = _NS("http://schemas.openxmlformats.org/package/2006/relationships")
A = _NS("http://schemas.openxmlformats.org/drawingml/2006/main")
WP = _NS("http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing")
V = _NS("urn:schemas-microsoft-com:vml")
O = _NS("urn:schemas-microsoft-com:office:office")
MC = _NS("http://schemas.openxmlformats.org/markup-compatibility/2006")
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"

REL_OFFICE_DOC = "/officeDocument"
REL_STYLES = "/styles"
REL_THEME = "/theme"
REL_SETTINGS = "/settings"

TNR = "Times New Roman"
TWIPS_PER_MM = 56.7
EMU_PER_PT = 12700
PAGE_W, PAGE_H = 11906, 16838  # A4 in twips


def _child(el, tag: str):
    """First child of `el` with this tag, or None (faster than lxml's find() on big trees)."""
    for c in el:
        if c.tag == tag:
            return c
    return None


def _grandchild(el, child: str, grandchild: str):
    """el/child/grandchild (e.g. p/pPr/pStyle), or None."""
    c = _child(el, child)
    return _child(c, grandchild) if c is not None else None


def _child_val(el, child: str, grandchild: str) -> str | None:
    """w:val of el/child/grandchild, or None."""
    g = _grandchild(el, child, grandchild)
    return g.get(W.val) if g is not None else None


def _on(el) -> bool:
    """On/off property element: <w:b/>, <w:b w:val="1|true|on"/> → True; "0|false|off" → False."""
    val = el.get(W.val)
    return val is None or val.strip().lower() in ("1", "true", "on")


_UNITS_TO_TWIPS = {"pt": 20.0, "in": 1440.0, "cm": 1440 / 2.54, "mm": 144 / 2.54, "pc": 240.0,
                   "pi": 240.0, "px": 15.0}


_LENGTH_RE = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*([a-z]{2})?\s*")


def _length(value, unit_default: float = 1.0) -> float | None:
    """Parse an OOXML length: a plain number (in the attribute's own unit) or '12pt', '1cm' …

    A plain number is multiplied by `unit_default` (1 for twips, for example); a number with a
    unit suffix is converted to twips.
    """
    if value is None:
        return None
    try:
        return float(value) * unit_default  # the common case: a plain number
    except ValueError:
        pass
    m = _LENGTH_RE.fullmatch(str(value))
    if not m:
        return None
    number = float(m.group(1))
    unit = m.group(2)
    if unit is None:
        return number * unit_default
    factor = _UNITS_TO_TWIPS.get(unit)
    return None if factor is None else number * factor


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _num(x: float) -> str:
    """12.0 → '12', 13.5 → '13,5' (Vietnamese decimal comma)."""
    s = f"{x:.1f}".rstrip("0").rstrip(".")
    return s.replace(".", ",")


def _mm(twips: float) -> str:
    return _num(round(twips / TWIPS_PER_MM, 1))


def _cm_pt(pt: float) -> str:
    return _num(round(pt / 72 * 2.54, 1))


def _snip(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _is_upper(text: str) -> bool:
    return text == text.upper()


# --------------------------------------------------------------------------------------------
# The package (zip) and its parts


_DOCTYPE = re.compile(rb"<!DOCTYPE|<\x00!\x00D\x00O\x00C\x00T\x00Y\x00P\x00E", re.IGNORECASE)


class _Package:
    """The zip, its parts and relationships; every read failure becomes a CheckError."""

    MAX_PART = 200 * 1024 * 1024

    def __init__(self, path):
        if path is None or str(path).strip() == "":
            raise CheckError("Chưa chọn tệp để kiểm tra: đường dẫn trống.")
        self.path = Path(os.fspath(path))
        self.display_name = self.path.name or str(self.path)
        name = self.display_name
        if not self.path.exists():
            raise CheckError(f'Không tìm thấy tệp "{name}" ({self.path}).')
        if self.path.is_dir():
            raise CheckError(f'"{name}" là một thư mục, không phải tệp Word .docx.')
        try:
            with open(self.path, "rb") as fh:
                magic = fh.read(8)
        except OSError as exc:
            raise CheckError(f'Không mở được tệp "{name}": {_one_line(exc.strerror or exc)}.')
        if not magic:
            raise CheckError(f'Tệp "{name}" rỗng (0 byte), không phải tệp Word .docx.')
        if magic.startswith(b"\xd0\xcf\x11\xe0"):
            raise CheckError(
                f'Tệp "{name}" là tệp Word cũ (.doc) hoặc tệp .docx có đặt mật khẩu; '
                "hãy mở bằng Word, bỏ mật khẩu và lưu lại dạng .docx."
            )
        try:
            self.zip = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
            if magic.startswith(b"PK"):
                raise CheckError(
                    f'Tệp "{name}" bị hỏng hoặc không đầy đủ (cấu trúc nén ZIP bị cắt cụt); '
                    "hãy sao chép hoặc tải lại tệp."
                ) from None
            raise CheckError(
                f'Tệp "{name}" không phải tệp Word .docx (không có cấu trúc nén ZIP).'
            ) from None
        self.names = set(self.zip.namelist())
        self.main = self._main_part()

    # -- parts

    def _main_part(self) -> str:
        rels = self._rels_file("_rels/.rels", base="")
        for rtype, target in rels.values():
            if rtype.endswith(REL_OFFICE_DOC) and target in self.names:
                return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise CheckError(
            f'Tệp "{self.display_name}" là tệp ZIP nhưng không có phần nội dung văn bản '
            "(word/document.xml): không phải tệp Word .docx."
        )

    def read(self, name: str) -> bytes:
        try:
            info = self.zip.getinfo(name)
            if info.file_size > self.MAX_PART:
                raise CheckError(
                    f'Tệp "{self.display_name}": phần {name} quá lớn '
                    f"({info.file_size // (1024 * 1024)} MB), không kiểm tra."
                )
            return self.zip.read(info)
        except CheckError:
            raise
        except KeyError:
            raise CheckError(f'Tệp "{self.display_name}" thiếu phần {name}.') from None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
                NotImplementedError, RuntimeError) as exc:
            raise CheckError(
                f'Tệp "{self.display_name}" bị hỏng: không giải nén được phần {name} '
                f"({_one_line(exc)})."
            ) from None

    def xml(self, name: str):
        """Parsed root of a part; damaged XML is a CheckError."""
        data = self.read(name)
        if _DOCTYPE.search(data, 0, 65536):
            # Word never writes a DTD; one in a part is how entity bombs and external
            # entities get in, so the part is refused before any parsing.
            raise CheckError(
                f'Tệp "{self.display_name}" bị hỏng hoặc không an toàn: phần {name} có khai báo '
                "DOCTYPE/thực thể XML, điều tệp Word không bao giờ có; không kiểm tra."
            )
        # No entity expansion, no DTD or network access, libxml2's size and depth limits on
        # (huge_tree off): a crafted part is refused instead of expanded.
        parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True,
                                 huge_tree=False, remove_comments=True)
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            line = getattr(exc, "lineno", None)
            where = f" (dòng {line})" if line else ""
            raise CheckError(
                f'Tệp "{self.display_name}" bị hỏng: phần {name} không phải XML hợp lệ{where}.'
            ) from None
        if root is None:
            raise CheckError(f'Tệp "{self.display_name}" bị hỏng: phần {name} trống.')
        return root

    def optional_xml(self, name: str | None):
        return self.xml(name) if name and name in self.names else None

    # -- relationships

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """rId → (relationship type, target part name) for a part."""
        folder, base = posixpath.split(part)
        return self._rels_file(posixpath.join(folder, "_rels", base + ".rels"), base=folder)

    def _rels_file(self, rels_name: str, base: str) -> dict[str, tuple[str, str]]:
        if rels_name not in self.names:
            return {}
        root = self.xml(rels_name)
        out = {}
        for rel in root.iter(PR.Relationship):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            if target.startswith("/"):
                target = target[1:]
            else:
                target = posixpath.normpath(posixpath.join(base, target))
            out[rel.get("Id") or ""] = (rel.get("Type") or "", target)
        return out

    def related(self, part: str, rel_suffix: str, fallback: str | None = None) -> str | None:
        for rtype, target in self.rels(part).values():
            if rtype.endswith(rel_suffix) and target in self.names:
                return target
        return fallback if fallback in self.names else None


# --------------------------------------------------------------------------------------------
# Style resolution


@dataclass(frozen=True)
class RunProps:
    """Effective character formatting of a run."""

    ascii_font: str  # font for characters U+0000–U+007F
    hansi_font: str  # font for the other (Latin) characters, e.g. Vietnamese letters
    size_half: float  # half-points
    bold: bool
    italic: bool
    caps: bool
    small_caps: bool
    hidden: bool
    color: str | None  # hex "FF0000", "auto" or None

    @property
    def size_pt(self) -> float:
        return self.size_half / 2


@dataclass(frozen=True)
class ParaProps:
    """Effective paragraph formatting (lengths in twips)."""

    style_id: str | None
    jc: str  # left, center, right, both, distribute …
    left: float
    right: float
    first_line: float  # negative for a hanging indent
    before: float
    after: float
    line: float
    line_rule: str  # auto (line in 240ths of a line), exact, atLeast (line in twips)
    borders: tuple  # ((side, val, color), …) for top/bottom/left/right/between
    page_break_before: bool
    contextual_spacing: bool

    def border(self, side: str) -> tuple[str, str] | None:
        """(val, color) of a visible border on `side`, else None."""
        for s, val, color in self.borders:
            if s == side and _border_visible(val, color):
                return val, color
        return None


def _border_visible(val: str | None, color: str | None = None) -> bool:
    if val is None or val.lower() in ("none", "nil", ""):
        return False
    # a white border on white paper does not print
    return (color or "").upper() != "FFFFFF"


_TOGGLES = ("b", "i", "caps", "smallCaps", "vanish")
_THEME_SLOT = {"ascii": "asciiTheme", "hAnsi": "hAnsiTheme"}


class StyleResolver:
    """Resolve effective formatting through the style hierarchy, the way Word does.

    Order, lowest priority first: document defaults (docDefaults), the table style of the
    enclosing table (its plain pPr/rPr; conditional tblStylePr parts are ignored), the
    paragraph style (pStyle, or the default paragraph style) with its basedOn chain, the run's
    character style (rStyle, or the default character style) with its basedOn chain, and the
    direct properties of the paragraph or run.

    Ordinary properties: the highest level that sets them wins; attributes of w:ind, w:spacing
    and w:rFonts are inherited one by one. Toggle properties (b, i, caps, smallCaps, vanish):
    inside one style's basedOn chain the nearest setting wins; across the style levels (table,
    paragraph, character) a "true" flips the value (ECMA-376 §17.7.3); document defaults and
    direct formatting set it absolutely. Numbering (numPr) is not resolved: our documents do
    not use it.
    """

    def __init__(self, styles_root=None, theme_root=None):
        self.styles: dict[str, object] = {}
        self.defaults: dict[str, str] = {}  # style type → default styleId
        self.doc_rpr = None
        self.doc_ppr = None
        self._cache: dict[tuple, object] = {}
        if styles_root is not None:
            for st in styles_root.findall(W.style):
                sid = st.get(W.styleId)
                if sid is None:
                    continue
                self.styles.setdefault(sid, st)
                stype = st.get(W.type) or "paragraph"
                default = st.get(W.default)
                if default is not None and default.lower() in ("1", "true", "on"):
                    self.defaults.setdefault(stype, sid)
            dd = _child(styles_root, W.docDefaults)
            if dd is not None:
                self.doc_rpr = dd.find(f"{W.rPrDefault}/{W.rPr}")
                self.doc_ppr = dd.find(f"{W.pPrDefault}/{W.pPr}")
        self.theme_fonts = _theme_fonts(theme_root)

    # -- styles

    def chain(self, style_id: str | None) -> list:
        """Style elements from the root of the basedOn chain down to `style_id`."""
        out, seen = [], set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            st = self.styles[style_id]
            out.append(st)
            based = _child(st, W.basedOn)
            style_id = based.get(W.val) if based is not None else None
        out.reverse()
        return out

    def _known(self, style_id: str | None, stype: str) -> str | None:
        if style_id and style_id in self.styles:
            return style_id
        return self.defaults.get(stype)  # unknown or absent: the default style of that type

    def paragraph_style(self, p) -> str | None:
        return self._known(_child_val(p, W.pPr, W.pStyle), "paragraph")

    def character_style(self, r) -> str | None:
        return self._known(_child_val(r, W.rPr, W.rStyle) if r is not None else None,
                           "character")

    def table_style(self, tbl) -> str | None:
        if tbl is None:
            return None
        el = _grandchild(tbl, W.tblPr, W.tblStyle)
        return self._known(el.get(W.val) if el is not None else None, "table")

    def _parts(self, style_id: str | None, tag: str) -> list:
        return [x for x in (_child(st, tag) for st in self.chain(style_id)) if x is not None]

    # -- runs

    def run_props(self, p, r=None, table_style: str | None = None, *,
                  pstyle: str | None = None) -> RunProps:
        """Effective formatting of run `r` in paragraph `p` (r=None: a run without rPr).

        `pstyle` may pass the paragraph's style id when the caller already has it.
        """
        if pstyle is None:
            pstyle = self.paragraph_style(p)
        state = dict(self._style_run_state(table_style, pstyle, self.character_style(r)))
        direct = _child(r, W.rPr) if r is not None else None
        if direct is not None:
            _apply_rpr(state, direct)
            for name, value in _toggle_values(direct).items():
                state[name] = value  # direct formatting sets a toggle absolutely
        return RunProps(
            ascii_font=self._font(state["ascii"]),
            hansi_font=self._font(state["hAnsi"]),
            size_half=state["sz"],
            bold=state["b"],
            italic=state["i"],
            caps=state["caps"],
            small_caps=state["smallCaps"],
            hidden=state["vanish"],
            color=state["color"],
        )

    def _style_run_state(self, table_style, pstyle, cstyle) -> dict:
        """Run properties given by defaults and styles alone (cached per style combination)."""
        key = ("r", table_style, pstyle, cstyle)
        state = self._cache.get(key)
        if state is not None:
            return state
        state = {"sz": 20.0, "color": None, "ascii": None, "hAnsi": None}  # Word: 10 pt
        state.update({name: False for name in _TOGGLES})
        if self.doc_rpr is not None:
            _apply_rpr(state, self.doc_rpr)
            state.update(_toggle_values(self.doc_rpr))
        for style_id in (table_style, pstyle, cstyle):
            level: dict[str, bool] = {}
            for rpr in self._parts(style_id, W.rPr):
                _apply_rpr(state, rpr)
                level.update(_toggle_values(rpr))  # inside a basedOn chain: nearest wins
            for name, value in level.items():
                if value:  # across style levels a "true" flips the value
                    state[name] = not state[name]
        self._cache[key] = state
        return state

    def _font(self, value: tuple[str, str] | None) -> str:
        if value is None:
            return TNR  # Word's built-in default font
        kind, name = value
        if kind == "name":
            return name
        face = self.theme_fonts.get("major" if name.startswith("major") else "minor")
        return face or f"phông chủ đề {name}"

    # -- paragraphs

    def para_props(self, p, table_style: str | None = None, *,
                   pstyle: str | None = None) -> ParaProps:
        if pstyle is None:
            pstyle = self.paragraph_style(p)
        key = ("p", table_style, pstyle)
        base = self._cache.get(key)
        if base is None:
            base = {"jc": "left", "left": 0.0, "right": 0.0, "first": 0.0, "before": 0.0,
                    "after": 0.0, "line": 240.0, "rule": "auto", "borders": {},
                    "page_break": False, "contextual": False}
            layers = ([self.doc_ppr] if self.doc_ppr is not None else []) \
                + self._parts(table_style, W.pPr) + self._parts(pstyle, W.pPr)
            for ppr in layers:
                _apply_ppr(base, ppr)
            self._cache[key] = base
        state = dict(base, borders=dict(base["borders"]))
        direct = _child(p, W.pPr)
        if direct is not None:
            _apply_ppr(state, direct)
        return ParaProps(
            style_id=pstyle, jc=state["jc"], left=state["left"], right=state["right"],
            first_line=state["first"], before=state["before"], after=state["after"],
            line=state["line"], line_rule=state["rule"],
            borders=tuple((s, v, c) for s, (v, c) in state["borders"].items()),
            page_break_before=state["page_break"], contextual_spacing=state["contextual"],
        )

    # -- tables

    def table_borders(self, tbl) -> dict[str, tuple[str | None, str | None]]:
        """Effective table borders: side → (val, color), from the style chain then tblPr."""
        layers = self._parts(self.table_style(tbl), W.tblPr)
        direct = _child(tbl, W.tblPr)
        if direct is not None:
            layers.append(direct)
        out: dict[str, tuple[str | None, str | None]] = {}
        for tblpr in layers:
            bd = _child(tblpr, W.tblBorders)
            if bd is None:
                continue
            for side_el in bd:
                side = etree.QName(side_el).localname
                side = {"start": "left", "end": "right"}.get(side, side)
                out[side] = (side_el.get(W.val), side_el.get(W.color))
        return out

    def cell_margins(self, tbl) -> dict[str, float]:
        """Table-wide default cell margins (left/right, twips); Word's default is 108."""
        out = {"left": 108.0, "right": 108.0}
        layers = self._parts(self.table_style(tbl), W.tblPr)
        direct = _child(tbl, W.tblPr)
        if direct is not None:
            layers.append(direct)
        for tblpr in layers:
            mar = _child(tblpr, W.tblCellMar)
            if mar is not None:
                _merge_margins(out, mar)
        return out


def _toggle_values(rpr) -> dict[str, bool]:
    """The toggle properties (b, i, caps …) an rPr sets, with their on/off values."""
    out = {}
    for name in _TOGGLES:
        el = _child(rpr, getattr(W, name))
        if el is not None:
            out[name] = _on(el)
    return out


def _apply_rpr(state: dict, rpr) -> None:
    """Apply the non-toggle properties of an rPr: size, colour, font slots."""
    sz = _child(rpr, W.sz)
    if sz is not None:
        val = _length(sz.get(W.val))
        if val is not None:
            state["sz"] = val
    col = _child(rpr, W.color)
    if col is not None and col.get(W.val) is not None:
        state["color"] = col.get(W.val)
    rf = _child(rpr, W.rFonts)
    if rf is not None:
        for slot in ("ascii", "hAnsi"):
            theme = rf.get(getattr(W, _THEME_SLOT[slot]))
            name = rf.get(getattr(W, slot))
            if theme:  # a theme attribute overrides the plain one on the same element
                state[slot] = ("theme", theme)
            elif name:
                state[slot] = ("name", name)


def _apply_ppr(state: dict, ppr) -> None:
    """Apply a pPr (style or direct) over the paragraph state, attribute by attribute."""
    el = _child(ppr, W.jc)
    if el is not None and el.get(W.val):
        state["jc"] = {"start": "left", "end": "right"}.get(el.get(W.val), el.get(W.val))
    el = _child(ppr, W.ind)
    if el is not None:
        _merge_ind(state, el)
    el = _child(ppr, W.spacing)
    if el is not None:
        _merge_spacing(state, el)
    el = _child(ppr, W.pBdr)
    if el is not None:
        for side_el in el:
            side = etree.QName(side_el).localname
            side = {"start": "left", "end": "right"}.get(side, side)
            state["borders"][side] = (side_el.get(W.val), side_el.get(W.color))
    el = _child(ppr, W.pageBreakBefore)
    if el is not None:
        state["page_break"] = _on(el)
    el = _child(ppr, W.contextualSpacing)
    if el is not None:
        state["contextual"] = _on(el)


def _merge_ind(ind: dict, el) -> None:
    for attr, key in (("left", "left"), ("start", "left"), ("right", "right"), ("end", "right")):
        v = _length(el.get(getattr(W, attr)))
        if v is not None:
            ind[key] = v
    first = _length(el.get(W.firstLine))
    hanging = _length(el.get(W.hanging))
    if hanging is not None:  # hanging wins over firstLine on the same element
        ind["first"] = -hanging
    elif first is not None:
        ind["first"] = first


def _merge_spacing(sp: dict, el) -> None:
    for key in ("before", "after"):
        v = _length(el.get(getattr(W, key)))
        if v is not None:
            sp[key] = v
        lines = _length(el.get(getattr(W, key + "Lines")))
        if lines is not None:  # hundredths of a line; take a line as 12 pt
            sp[key] = lines / 100 * 240
        auto = el.get(getattr(W, key + "Autospacing"))
        if auto is not None and auto.lower() in ("1", "true", "on"):
            sp[key] = 280.0  # Word's automatic spacing: 14 pt
    line = _length(el.get(W.line))
    if line is not None:
        sp["line"] = line
        sp["rule"] = el.get(W.lineRule) or "auto"
    elif el.get(W.lineRule):
        sp["rule"] = el.get(W.lineRule)


def _merge_margins(out: dict, mar) -> None:
    for child in mar:
        side = etree.QName(child).localname
        side = {"start": "left", "end": "right"}.get(side, side)
        if side not in ("left", "right"):
            continue
        if (child.get(W.type) or "dxa") == "nil":
            out[side] = 0.0
        else:
            v = _length(child.get(W.w))
            if v is not None and (child.get(W.type) or "dxa") == "dxa":
                out[side] = v


def _theme_fonts(theme_root) -> dict[str, str]:
    out = {}
    if theme_root is None:
        return out
    for kind in ("major", "minor"):
        latin = theme_root.find(f".//{getattr(A, kind + 'Font')}/{A.latin}")
        if latin is not None and latin.get("typeface"):
            out[kind] = latin.get("typeface")
    return out


# --------------------------------------------------------------------------------------------
# Document model: paragraphs, runs, tables, sections


_RUN_CONTAINERS = {W.hyperlink, W.ins, W.smartTag, W.sdt, W.sdtContent, W.fldSimple,
                   W.customXml, W.moveTo, W.dir, W.bdo}
_BLOCK_CONTAINERS = {W.sdt, W.sdtContent, W.customXml}


def _iter_runs(el):
    """The runs of a paragraph, in order, without those of text boxes or deleted text."""
    for child in el:
        if child.tag == W.r:
            yield child
        elif child.tag in _RUN_CONTAINERS:
            yield from _iter_runs(child)


def _iter_blocks(container):
    """Block-level w:p and w:tbl children, looking through content controls."""
    for child in container:
        if child.tag in (W.p, W.tbl):
            yield child
        elif child.tag in _BLOCK_CONTAINERS:
            yield from _iter_blocks(child)


def _run_text(r) -> tuple[str, bool]:
    """(text, has a page break) of a run: w:t, w:tab as tab, w:br/w:cr as line break."""
    parts, page_break = [], False
    for child in r:
        tag = child.tag
        if tag == W.t:
            parts.append(child.text or "")
        elif tag in (W.tab, W.ptab):
            parts.append("\t")
        elif tag == W.br:
            if child.get(W.type) == "page":
                page_break = True
            parts.append("\n")
        elif tag == W.cr:
            parts.append("\n")
        elif tag == W.noBreakHyphen:
            parts.append("-")
    return "".join(parts), page_break


def _in_fallback(el) -> bool:
    return any(a.tag == MC.Fallback for a in el.iterancestors())


@dataclass
class _Run:
    el: object
    raw: str  # text as stored
    shown: str  # text as displayed (caps applied)
    props: RunProps
    page_break: bool


@dataclass
class _Para:
    el: object
    loc: str
    runs: list
    props: ParaProps
    lines: list  # widths (pt or None) of line shapes drawn in the paragraph
    table_style: str | None = None

    @property
    def text(self) -> str:
        return "".join(r.shown for r in self.runs)

    @property
    def raw(self) -> str:
        return "".join(r.raw for r in self.runs)

    @property
    def stripped(self) -> str:
        return self.text.replace("\u00a0", " ").strip()

    @property
    def has_text(self) -> bool:
        return bool(self.stripped)

    @property
    def text_runs(self) -> list:
        return [r for r in self.runs if r.shown.strip()]

    @property
    def place(self) -> str:
        snip = _snip(self.stripped)
        return f'{self.loc} "{snip}"' if snip else self.loc

    def sizes(self) -> list[float]:
        return sorted({r.props.size_pt for r in self.text_runs})

    def size_pt(self) -> float:
        sizes = self.sizes()
        return max(sizes) if sizes else 0.0

    def all_bold(self) -> bool:
        runs = self.text_runs
        return bool(runs) and all(r.props.bold for r in runs)

    def any_bold(self) -> bool:
        return any(r.props.bold for r in self.text_runs)

    def all_italic(self) -> bool:
        runs = self.text_runs
        return bool(runs) and all(r.props.italic for r in runs)

    def any_italic(self) -> bool:
        return any(r.props.italic for r in self.text_runs)

    def prefix_bold(self, n: int) -> bool:
        """Whether the first n visible characters (ignoring leading spaces) are bold."""
        need = n
        seen_text = False
        for r in self.runs:
            text = r.shown
            if not seen_text:
                stripped = text.lstrip()
                if not stripped:
                    continue
                text, seen_text = stripped, True
            take = text[:need]
            if take.strip() and not r.props.bold:
                return False
            need -= len(take)
            if need <= 0:
                return True
        return True

    def page_break_before_text(self) -> bool:
        for r in self.runs:
            if r.page_break:
                return True
            if r.shown.strip():
                return False
        return False


@dataclass
class _Cell:
    el: object
    paras: list  # every paragraph of the cell, empty ones included
    width: float | None  # twips
    margin_left: float
    margin_right: float
    borders: dict  # side → (val, color) from tcBorders

    @property
    def text_width(self) -> float | None:
        if self.width is None:
            return None
        return self.width - self.margin_left - self.margin_right


@dataclass
class _Table:
    el: object
    loc: str
    rows: list  # list of rows, each a list of _Cell
    grid: list  # gridCol widths
    borders: dict  # effective table borders: side → (val, color)
    header_rows: list = field(default_factory=list)  # row indexes marked w:tblHeader

    def column(self, index: int) -> list:
        """Paragraphs of column 0 (first cell of each row) or 1 (the other cells), in order."""
        out = []
        for row in self.rows:
            cells = row[:1] if index == 0 else row[1:]
            for cell in cells:
                out.extend(cell.paras)
        return out

    def cell_of(self, para) -> _Cell | None:
        for row in self.rows:
            for cell in row:
                if any(p is para for p in cell.paras):
                    return cell
        return None

    def column_count(self) -> int:
        first = self.rows[0] if self.rows else []
        if len(self.grid) == 2 or len(first) == 2:
            return 2
        return len(first) or len(self.grid)


@dataclass
class _Section:
    index: int  # 1-based
    sect: object  # w:sectPr
    end_block: int  # index (in body blocks) of the block that ends the section


class _Document:
    """document.xml and the parts it refers to, read into paragraphs, tables and sections."""

    def __init__(self, pkg: _Package):
        self.pkg = pkg
        self.name = pkg.display_name
        self.root = pkg.xml(pkg.main)
        if etree.QName(self.root).namespace == STRICT_W:
            raise CheckError(
                f'Tệp "{self.name}" được lưu dạng "Strict Open XML", chưa kiểm tra được; '
                'hãy mở bằng Word và lưu lại dạng "Word Document (.docx)".'
            )
        self.body = _child(self.root, W.body)
        if self.body is None:
            raise CheckError(
                f'Tệp "{self.name}" bị hỏng: word/document.xml không có phần thân (w:body).')
        styles = pkg.optional_xml(pkg.related(pkg.main, REL_STYLES, "word/styles.xml"))
        theme = pkg.optional_xml(pkg.related(pkg.main, REL_THEME, "word/theme/theme1.xml"))
        self.settings = pkg.optional_xml(pkg.related(pkg.main, REL_SETTINGS, "word/settings.xml"))
        self.resolver = StyleResolver(styles, theme)
        self.rels = pkg.rels(pkg.main)
        self.missing_parts: list[str] = []

        self.blocks: list = []  # _Para or _Table, top level of the body
        n_para = n_tbl = 0
        for el in _iter_blocks(self.body):
            if el.tag == W.p:
                n_para += 1
                self.blocks.append(self._para(el, f"đoạn {n_para}"))
            else:
                n_tbl += 1
                self.blocks.append(self._table(el, f"bảng {n_tbl}"))
        self.sections = self._sections()
        self.header_parts: dict[str, tuple[str, object]] = {}  # part → (label, root)
        self.header_paras: dict[str, list] = {}

    # -- building

    def _para(self, el, loc: str, table_style: str | None = None) -> _Para:
        resolver = self.resolver
        pstyle = resolver.paragraph_style(el)
        runs = []
        for r in _iter_runs(el):
            props = resolver.run_props(el, r, table_style, pstyle=pstyle)
            if props.hidden:
                continue
            raw, page_break = _run_text(r)
            shown = raw.upper() if props.caps else raw
            runs.append(_Run(r, raw, shown, props, page_break))
        return _Para(el, loc, runs, resolver.para_props(el, table_style, pstyle=pstyle),
                     _drawn_lines(el), table_style)

    def _table(self, tbl, loc: str) -> _Table:
        resolver = self.resolver
        tstyle = resolver.table_style(tbl)
        grid = [(_length(g.get(W.w)) or 0.0) for g in tbl.findall(f"{W.tblGrid}/{W.gridCol}")]
        margins = resolver.cell_margins(tbl)
        rows, header_rows = [], []
        for ri, tr in enumerate(tbl.findall(W.tr), start=1):
            hdr = _grandchild(tr, W.trPr, W.tblHeader)
            if hdr is not None and _on(hdr):
                header_rows.append(ri - 1)
            row, col = [], 0
            for ci, tc in enumerate(tr.findall(W.tc), start=1):
                tcpr = _child(tc, W.tcPr)
                span_el = _child(tcpr, W.gridSpan) if tcpr is not None else None
                span = int(_length(span_el.get(W.val)) or 1) if span_el is not None else 1
                width = None
                tcw = _child(tcpr, W.tcW) if tcpr is not None else None
                if tcw is not None and (tcw.get(W.type) or "dxa") == "dxa":
                    width = _length(tcw.get(W.w))
                if not width and grid[col:col + span]:
                    width = sum(grid[col:col + span])
                mar = dict(margins)
                tcmar = _child(tcpr, W.tcMar) if tcpr is not None else None
                if tcmar is not None:
                    _merge_margins(mar, tcmar)
                borders = {}
                tcb = _child(tcpr, W.tcBorders) if tcpr is not None else None
                if tcb is not None:
                    for side_el in tcb:
                        side = etree.QName(side_el).localname
                        side = {"start": "left", "end": "right"}.get(side, side)
                        borders[side] = (side_el.get(W.val), side_el.get(W.color))
                paras = [self._para(p, f"{loc} (hàng {ri}, cột {ci})", tstyle)
                         for p in _iter_blocks(tc) if p.tag == W.p]
                row.append(_Cell(tc, paras, width, mar["left"], mar["right"], borders))
                col += span
            rows.append(row)
        return _Table(tbl, loc, rows, grid, resolver.table_borders(tbl), header_rows)

    def _sections(self) -> list[_Section]:
        out = []
        for i, block in enumerate(self.blocks):
            if isinstance(block, _Para):
                sect = _grandchild(block.el, W.pPr, W.sectPr)
                if sect is not None:
                    out.append(_Section(len(out) + 1, sect, i))
        final = _child(self.body, W.sectPr)
        if final is not None or not out:
            out.append(_Section(len(out) + 1, final, len(self.blocks) - 1))
        return out

    # -- all paragraphs of a part (for font and text checks)

    def all_paras(self, root, top_blocks: list) -> list[_Para]:
        """Every paragraph of a part, nested tables and text boxes included."""
        known: dict = {}  # element → _Para (lxml elements hash by identity)
        top_loc: dict = {}  # top-level block element → its place
        for block in top_blocks:
            top_loc[block.el] = block.loc
            if isinstance(block, _Para):
                known[block.el] = block
            else:
                for row in block.rows:
                    for cell in row:
                        for p in cell.paras:
                            known[p.el] = p
        out = []
        for p in root.iter(W.p):
            if _in_fallback(p):
                continue
            para = known.get(p)
            if para is None:  # in a nested table or a text box
                loc, tbl = "hộp văn bản", None
                for anc in p.iterancestors():
                    if anc.tag == W.tbl and tbl is None:
                        tbl = anc
                    if anc in top_loc:
                        inner = "bảng lồng" if tbl is not None and tbl is not anc else "hộp văn bản"
                        loc = f"{top_loc[anc]}, {inner}"
                        break
                para = self._para(p, loc, self.resolver.table_style(tbl))
            out.append(para)
        return out

    def header_part(self, rid: str | None, label: str):
        """Load the header/footer part of a relationship id; its part name, None if missing."""
        if not rid or rid not in self.rels:
            return None
        part = self.rels[rid][1]
        if part not in self.pkg.names:
            if part not in self.missing_parts:
                self.missing_parts.append(part)
            return None
        if part not in self.header_parts:
            root = self.pkg.xml(part)
            blocks = []
            n_tbl = 0
            for el in _iter_blocks(root):
                if el.tag == W.p:
                    blocks.append(self._para(el, label))
                else:
                    n_tbl += 1
                    blocks.append(self._table(el, f"{label}, bảng {n_tbl}"))
            self.header_parts[part] = (label, root)
            self.header_paras[part] = blocks
        return part


def _drawn_lines(p) -> list:
    """Widths in pt (None when unknown) of straight-line shapes drawn in a paragraph."""
    out = []
    for geom in p.iter(A.prstGeom):
        if geom.get("prst") not in ("line", "straightConnector1") or _in_fallback(geom):
            continue
        width = None
        for anc in geom.iterancestors():
            if anc.tag in (WP.inline, WP.anchor):
                ext = anc.find(WP.extent)
                if ext is not None and ext.get("cx"):
                    width = float(ext.get("cx")) / EMU_PER_PT
                break
        out.append(width)
    for shape in p.iter(V.line, V.shape):
        if _in_fallback(shape):
            continue
        if shape.tag == V.line:
            width = _vml_line_width(shape.get("from"), shape.get("to"))
        elif (shape.get(O.connectortype) == "straight"
              or (shape.get("type") or "").endswith(("_x0000_t32", "_x0000_t20"))):
            m = re.search(r"(?:^|;)\s*width:\s*([\d.]+\s*[a-z]*)", shape.get("style") or "")
            tw = _length(m.group(1), 20.0) if m else None
            width = tw / 20 if tw is not None else None
        else:
            continue
        out.append(width)
    return out


def _vml_line_width(start: str | None, end: str | None) -> float | None:
    try:
        x1 = _length((start or "0,0").split(",")[0], 20.0)
        x2 = _length((end or "").split(",")[0], 20.0)
    except IndexError:
        return None
    if x1 is None or x2 is None:
        return None
    return abs(x2 - x1) / 20


# --------------------------------------------------------------------------------------------
# Findings


class _Findings:
    """At most one finding per (rule, place); at most MAX_PER_RULE places per rule."""

    def __init__(self):
        self._by_rule: dict[str, list[str]] = {}
        self._seen: set[tuple[str, str]] = set()

    def add(self, rule: str, place: str, problem: str) -> None:
        key = (rule, place)
        if key in self._seen:
            return
        self._seen.add(key)
        message = f"{place}: {problem}" if place else problem
        self._by_rule.setdefault(rule, []).append(unicodedata.normalize("NFC", _one_line(message)))

    def result(self) -> list[Finding]:
        out = []
        for rule, messages in self._by_rule.items():
            out.extend(Finding(rule, m) for m in messages[:MAX_PER_RULE])
            rest = len(messages) - MAX_PER_RULE
            if rest > 0:
                out.append(Finding(rule, f"… và {rest} chỗ khác có cùng lỗi"))
        return out


# --------------------------------------------------------------------------------------------
# Checks


_ROMAN = re.compile(r"^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})\.(?=\s|$)")
_ARABIC = re.compile(r"^(\d{1,3})\.(?!\d)")
_LETTER = re.compile(r"^[a-zđ]\)")
_DOC_TYPE_CODES = {"KẾ HOẠCH": "KH", "BÁO CÁO": "BC"}
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
_BAD_CHARS = {0xFFFD: "ký tự thay thế U+FFFD (lỗi mã hóa)"}
for _cp in list(range(0x200B, 0x2010)) + list(range(0x202A, 0x202F)) + list(range(0x2060, 0x2065)) \
        + [0xFEFF]:
    _BAD_CHARS[_cp] = f"ký tự ẩn U+{_cp:04X}"

_ASCII_RE = re.compile(r"[\x00-\x7f]")
# control characters other than tab/line break (from w:tab/w:br), and the invisible ones
_BAD_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f"
                     + "".join(chr(cp) for cp in sorted(_BAD_CHARS)) + "]")

_DATE_RE = re.compile(r"(?P<place>[^,]+), ngày(?P<day>.*?)tháng(?P<month>.*?)năm (?P<year>\d{4})")
_JC_NAMES = {"left": "căn trái", "right": "căn phải", "center": "căn giữa",
             "both": "căn đều hai bên"}


def _roman_value(s: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, ch in enumerate(s):
        v = values[ch]
        total += -v if i + 1 < len(s) and values[s[i + 1]] > v else v
    return total


def _to_roman(n: int) -> str:
    out = ""
    for value, sym in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                       (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _sizes_text(sizes: list[float]) -> str:
    return " và ".join(f"{_num(s)} pt" for s in sizes)


def _size_problem(para: _Para, lo: float, hi: float) -> str | None:
    bad = [s for s in para.sizes() if not lo - 0.01 <= s <= hi + 0.01]
    if not bad:
        return None
    want = f"{_num(lo)} pt" if lo == hi else f"{_num(lo)}–{_num(hi)} pt"
    return f"cỡ chữ {_sizes_text(bad)}, cần {want}"


def _center_problem(para: _Para) -> str | None:
    if para.props.jc == "center":
        return None
    return f"chưa căn giữa (đang {_JC_NAMES.get(para.props.jc, para.props.jc)})"


def _bold_problem(para: _Para, want: bool) -> str | None:
    if want and not para.all_bold():
        return "chưa in đậm" if not para.any_bold() else "có chỗ chưa in đậm"
    if not want and para.any_bold():
        return "đang in đậm, cần chữ đứng thường (không đậm)"
    return None


def _italic_problem(para: _Para, want: bool) -> str | None:
    if want and not para.all_italic():
        return "chưa in nghiêng" if not para.any_italic() else "có chỗ chưa in nghiêng"
    if not want and para.any_italic():
        return "đang in nghiêng, cần chữ đứng"
    return None


def _join(problems) -> str | None:
    problems = [p for p in problems if p]
    return "; ".join(problems) if problems else None


@dataclass
class _Line:
    para: _Para
    width_pt: float | None
    problem: str | None  # e.g. not a solid line


class _Checker:
    def __init__(self, doc: _Document):
        self.doc = doc
        self.f = _Findings()
        self.doc_code: str | None = None  # KH / BC, from the title block
        self.symbol: str | None = None  # KH / BC …, from the "Số:" line

    def run(self) -> list[Finding]:
        doc = self.doc
        if not any((isinstance(b, _Para) and b.has_text) or isinstance(b, _Table)
                   for b in doc.blocks):
            raise CheckError(f'Tệp "{doc.name}" không có nội dung (văn bản trống).')
        self.check_page()
        self.check_page_numbers()
        header_end = self.check_header()
        closing_index = self._closing_index(header_end)
        body_start = self.check_title(header_end, closing_index)
        self.check_symbol_matches_type()
        self.check_body(body_start, closing_index)
        if closing_index is not None:
            self.check_closing(doc.blocks[closing_index])
            self.check_appendix(closing_index)
        self.check_fonts_and_text()
        for part in doc.missing_parts:
            self.f.add("cau-truc.thieu-phan", "tệp", f"thiếu phần {part} mà văn bản tham chiếu tới")
        return self.f.result()

    # ---------------------------------------------------------------- page

    def check_page(self) -> None:
        many = len(self.doc.sections) > 1
        for sec in self.doc.sections:
            where = f"phần (section) {sec.index}" if many else "trang"
            sect = sec.sect
            pgsz = _child(sect, W.pgSz) if sect is not None else None
            if pgsz is None:
                self.f.add("trang.kho-giay", where,
                           "không khai báo khổ giấy, cần A4 (210 × 297 mm)")
            else:
                w = _length(pgsz.get(W.w)) or 0
                h = _length(pgsz.get(W.h)) or 0
                short, long_ = sorted((w, h))
                if abs(short - PAGE_W) > 20 or abs(long_ - PAGE_H) > 20:
                    self.f.add("trang.kho-giay", where,
                               f"khổ giấy {_mm(w)} × {_mm(h)} mm, cần A4 (210 × 297 mm)")
                if pgsz.get(W.orient) == "landscape" or w > h:
                    self.f.add("trang.huong-giay", where, "trang nằm ngang, cần khổ dọc")
            pgmar = _child(sect, W.pgMar) if sect is not None else None
            if pgmar is None:
                self.f.add("trang.le-tren", where, "không khai báo lề trang")
                continue
            gutter = _length(pgmar.get(W.gutter)) or 0
            for attr, rule, label, lo, hi, extra in (
                ("top", "trang.le-tren", "lề trên", 20, 25, 0),
                ("bottom", "trang.le-duoi", "lề dưới", 20, 25, 0),
                ("left", "trang.le-trai", "lề trái", 30, 35, gutter),
                ("right", "trang.le-phai", "lề phải", 15, 20, 0),
            ):
                v = _length(pgmar.get(getattr(W, attr)))
                v = abs(v) + extra if v is not None else None
                if v is None or not lo * TWIPS_PER_MM - 1 <= v <= hi * TWIPS_PER_MM + 1:
                    got = f"{_mm(v)} mm" if v is not None else "không khai báo"
                    self.f.add(rule, where, f"{label} {got}, cần {lo}–{hi} mm")

    def _text_width(self, sec_index: int = 0) -> float:
        """Width of the text area of a section, in twips."""
        sect = self.doc.sections[min(sec_index, len(self.doc.sections) - 1)].sect
        pgsz = _child(sect, W.pgSz) if sect is not None else None
        pgmar = _child(sect, W.pgMar) if sect is not None else None
        width = _length(pgsz.get(W.w)) if pgsz is not None else None
        width = width or PAGE_W
        if pgmar is not None:
            width -= (_length(pgmar.get(W.left)) or 0) + (_length(pgmar.get(W.right)) or 0) \
                + (_length(pgmar.get(W.gutter)) or 0)
        return width

    # ---------------------------------------------------------------- page numbers

    def check_page_numbers(self) -> None:
        doc = self.doc
        even_odd = False
        if doc.settings is not None:
            el = _child(doc.settings, W.evenAndOddHeaders)
            even_odd = el is not None and _on(el)
        labels = {("header", "default"): "đầu trang",
                  ("header", "first"): "đầu trang của trang đầu",
                  ("header", "even"): "đầu trang của trang chẵn",
                  ("footer", "default"): "chân trang",
                  ("footer", "first"): "chân trang của trang đầu",
                  ("footer", "even"): "chân trang của trang chẵn"}
        current: dict[tuple[str, str], str | None] = {}
        checked: set[str] = set()
        many = len(doc.sections) > 1
        for sec in doc.sections:
            sect = sec.sect
            where = f"phần (section) {sec.index}" if many else "số trang"
            refs = {}
            if sect is not None:
                for kind in ("header", "footer"):
                    for ref in sect.findall(getattr(W, kind + "Reference")):
                        rtype = ref.get(W.type) or "default"
                        refs[(kind, rtype)] = ref.get(R.id)
            for key, label in labels.items():
                if key in refs:  # a section without a reference inherits the previous one's
                    current[key] = doc.header_part(refs[key], label)
            title_pg = sect is not None and _child(sect, W.titlePg) is not None \
                and _on(_child(sect, W.titlePg))
            if sec.index == 1:
                if not title_pg:
                    self.f.add("so-trang.trang-dau", where,
                               'chưa bật "Trang đầu khác" (w:titlePg): số trang sẽ hiện ở trang 1')
                elif self._page_fields(current.get(("header", "first"))):
                    self.f.add("so-trang.trang-dau", "đầu trang của trang đầu",
                               "có số trang ở trang 1, trang đầu không đánh số")
            pgnum = _child(sect, W.pgNumType) if sect is not None else None
            if pgnum is not None and (pgnum.get(W.fmt) or "decimal") != "decimal":
                self.f.add("so-trang.kieu-so", where,
                           f"số trang kiểu {pgnum.get(W.fmt)}, cần chữ số Ả Rập (1, 2, 3…)")
            types = ["default"] + (["even"] if even_odd else [])
            for rtype in types:
                part = current.get(("header", rtype))
                label = labels[("header", rtype)]
                fields = self._page_fields(part)
                if not fields:
                    self.f.add("so-trang.thieu", label if not many else f"{where}, {label}",
                               "không có số trang (trường PAGE) ở giữa lề trên")
                    continue
                if part in checked:
                    continue
                checked.add(part)
                for para, runs, instr in fields:
                    self._check_page_field(para, runs, instr)
            for rtype in ("default", "first", "even"):
                part = current.get(("footer", rtype))
                if part and part not in checked and self._page_fields(part):
                    checked.add(part)
                    self.f.add("so-trang.vi-tri", labels[("footer", rtype)],
                               "số trang đặt ở chân trang, cần ở giữa lề trên (đầu trang)")

    def _page_fields(self, part: str | None) -> list:
        """[(paragraph, field runs, instruction)] for each PAGE field of a header/footer part."""
        if not part:
            return []
        out = []
        for para in self.doc.all_paras(self.doc.header_parts[part][1],
                                       self.doc.header_paras[part]):
            for runs, instr in _fields(para.el):
                words = instr.split()
                if words and words[0].upper() == "PAGE":
                    out.append((para, runs, instr))
        return out

    def _check_page_field(self, para: _Para, runs: list, instr: str) -> None:
        resolver = self.doc.resolver
        props = [resolver.run_props(para.el, r, para.table_style) for r in runs] \
            or [resolver.run_props(para.el, None, para.table_style)]
        place = para.loc + " (số trang)"
        if para.props.jc != "center":
            self.f.add("so-trang.can-giua", place, _center_problem(para))
        bad = sorted({p.size_pt for p in props if not 13 <= p.size_pt <= 14})
        if bad:
            self.f.add("so-trang.co-chu", place, f"cỡ chữ {_sizes_text(bad)}, cần 13–14 pt")
        fonts = sorted({f for p in props for f in (p.ascii_font,) if f.lower() != TNR.lower()})
        if fonts:
            self.f.add("phong-chu", place, f'phông "{", ".join(fonts)}", cần {TNR}')
        if re.search(r"\\\*\s*(roman|alphabetic)", instr, re.I):
            self.f.add("so-trang.kieu-so", place, "số trang không phải chữ số Ả Rập")

    # ---------------------------------------------------------------- header table

    def check_header(self) -> int:
        """Check the header table; return the index of the first block after it."""
        blocks = self.doc.blocks
        first_tbl = next((i for i, b in enumerate(blocks) if isinstance(b, _Table)), None)
        if first_tbl is None or self._is_closing(blocks[first_tbl]):
            self.f.add("dau-trang.bang", "đầu văn bản",
                       "không có bảng đầu văn bản (hai cột: tên cơ quan, số ký hiệu | Quốc hiệu, "
                       "Tiêu ngữ, địa danh và ngày tháng)")
            return 0
        for b in blocks[:first_tbl]:
            if isinstance(b, _Para) and b.has_text:
                self.f.add("dau-trang.bang", b.place,
                           "có chữ trước bảng đầu văn bản; bảng phải đứng đầu trang 1")
        table: _Table = blocks[first_tbl]
        if table.column_count() != 2:
            self.f.add("dau-trang.so-cot", table.loc,
                       f"bảng đầu văn bản có {table.column_count()} cột, cần 2 cột")
        self._check_borderless(table, "dau-trang.vien", "bảng đầu văn bản")
        self._check_header_left(table)
        self._check_header_right(table)
        return first_tbl + 1

    def _check_borderless(self, table: _Table, rule: str, what: str) -> None:
        sides = [s for s, (v, c) in table.borders.items() if _border_visible(v, c)]
        cell_sides = {s for row in table.rows for cell in row
                      for s, (v, c) in cell.borders.items() if _border_visible(v, c)}
        if sides or cell_sides:
            self.f.add(rule, table.loc, f"{what} có đường viền, cần bỏ hết viền (không kẻ khung)")

    def _check_header_left(self, table: _Table) -> None:
        paras = table.column(0)
        lines = [p for p in paras if p.has_text]
        so_i = next((i for i, p in enumerate(lines) if re.match(r"^Số\b", p.stripped)), None)
        names = lines[:so_i] if so_i is not None else lines[:]
        if not names:
            self.f.add("dau-trang.co-quan-ban-hanh", table.loc + " (cột trái)",
                       "không có tên cơ quan ban hành")
        else:
            if len(names) == 1:
                parents, issuer = [], names
            else:  # parent body: the leading non-bold lines (at least one)
                k = 1
                while k < len(names) - 1 and not names[k].any_bold():
                    k += 1
                parents, issuer = names[:k], names[k:]
            for p in parents:
                problem = _join([
                    None if _is_upper(p.stripped) else "cần viết IN HOA",
                    _size_problem(p, 12, 13), _bold_problem(p, False), _center_problem(p)])
                if problem:
                    self.f.add("dau-trang.co-quan-chu-quan", p.place,
                               "tên cơ quan chủ quản " + problem)
            for p in issuer:
                problem = _join([
                    None if _is_upper(p.stripped) else "cần viết IN HOA",
                    _size_problem(p, 12, 13), _bold_problem(p, True), _center_problem(p)])
                if problem:
                    self.f.add("dau-trang.co-quan-ban-hanh", p.place,
                               "tên cơ quan ban hành " + problem)
            widest = max(issuer, key=lambda p: self._para_text_pt(p))
            self._check_line_under(
                table, paras, issuer[-1], "dau-trang.gach-co-quan", "tên cơ quan ban hành",
                self._para_text_pt(widest), 1 / 3, 1 / 2, "1/3–1/2")
        if so_i is None:
            self.f.add("dau-trang.so-ky-hieu", table.loc + " (cột trái)",
                       'không có dòng số, ký hiệu ("Số: …/KH-…")')
            return
        self._check_number_line(lines[so_i])

    def _check_number_line(self, para: _Para) -> None:
        text = para.stripped.replace("\u00a0", " ")
        problems = []
        m = re.fullmatch(r"Số:(?P<num>[^/]*)/(?P<sym>[^-/]+)-(?P<org>.+)", text)
        if not m:
            problems.append('sai dạng, cần "Số: 12/KH-ABC" '
                            '(để trống số cũng được: "Số:    /KH-ABC")')
        else:
            raw_num = m.group("num")
            num = raw_num.strip()
            sym, org = m.group("sym").strip(), m.group("org").strip()
            self.symbol = sym
            if num:
                if not num.isdigit():
                    problems.append(f'số "{num}" phải là chữ số (hoặc để trống)')
                elif len(num) < 2:
                    problems.append(f'số {num} cần thêm số 0 phía trước: "0{num}"')
                elif not re.fullmatch(r" ?\d+", raw_num):
                    problems.append('viết liền "Số: 12/…" (một dấu cách sau dấu hai chấm)')
            if not re.fullmatch(r"[A-ZĐ]+", sym):
                problems.append(f'ký hiệu loại văn bản "{sym}" phải là chữ IN HOA (KH, BC…)')
            if not re.fullmatch(r"[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*", org):
                problems.append(
                    f'chữ viết tắt cơ quan "{org}" phải là chữ IN HOA, số và dấu gạch nối')
        problems += [_size_problem(para, 13, 13), _bold_problem(para, False), _center_problem(para)]
        problem = _join(problems)
        if problem:
            self.f.add("dau-trang.so-ky-hieu", para.place, problem)

    def _check_header_right(self, table: _Table) -> None:
        paras = table.column(1)
        lines = [p for p in paras if p.has_text]
        where = table.loc + " (cột phải)"
        if not lines:
            self.f.add("dau-trang.quoc-hieu", where, f'không có Quốc hiệu "{QUOC_HIEU}"')
            self.f.add("dau-trang.tieu-ngu", where, f'không có Tiêu ngữ "{TIEU_NGU}"')
            self.f.add("dau-trang.dia-danh-ngay", where, "không có dòng địa danh, ngày tháng")
            return
        qh = lines[0]
        problem = _join([
            None if " ".join(qh.stripped.split()) == QUOC_HIEU else f'cần đúng "{QUOC_HIEU}"',
            _size_problem(qh, 12, 13), _bold_problem(qh, True), _center_problem(qh)])
        if problem:
            self.f.add("dau-trang.quoc-hieu", qh.place, "Quốc hiệu " + problem)
        if len(lines) < 2:
            self.f.add("dau-trang.tieu-ngu", where, f'không có Tiêu ngữ "{TIEU_NGU}"')
        else:
            tn = lines[1]
            problem = _join([
                None if " ".join(tn.stripped.split()) == TIEU_NGU else f'cần đúng "{TIEU_NGU}"',
                _size_problem(tn, 13, 14), _bold_problem(tn, True), _center_problem(tn)])
            if problem:
                self.f.add("dau-trang.tieu-ngu", tn.place, "Tiêu ngữ " + problem)
            self._check_line_under(table, paras, tn, "dau-trang.gach-tieu-ngu", "Tiêu ngữ",
                                   self._para_text_pt(tn), 0.8, 1.2, "bằng chiều dài dòng chữ")
        date = next((p for p in lines[2:] if "ngày" in p.stripped),
                    lines[2] if len(lines) > 2 else None)
        if date is None:
            self.f.add("dau-trang.dia-danh-ngay", where, "không có dòng địa danh, ngày tháng")
        else:
            self._check_date_line(date)

    def _check_date_line(self, para: _Para) -> None:
        text = para.stripped.replace("\u00a0", " ").replace("\t", " ")
        problems = []
        m = _DATE_RE.fullmatch(text)
        if not m:
            problems.append('sai dạng, cần "<Địa danh>, ngày 05 tháng 9 năm 2025"')
        else:
            day, month = m.group("day"), m.group("month")
            for raw, label in ((day, "ngày"), (month, "tháng")):
                if not raw.startswith(" ") or not raw.endswith(" "):
                    problems.append(f'thiếu dấu cách quanh số {label}')
            d, mo = day.strip(), month.strip()
            blank = re.compile(r"[ .…]*")
            if not blank.fullmatch(d):
                if not d.isdigit() or not 1 <= int(d) <= 31:
                    problems.append(f'ngày "{d}" không hợp lệ')
                elif len(d) != 2:
                    problems.append(f'ngày {d} cần viết "{int(d):02d}" (ngày dưới 10 thêm số 0)')
            if not blank.fullmatch(mo):
                if not mo.isdigit() or not 1 <= int(mo) <= 12:
                    problems.append(f'tháng "{mo}" không hợp lệ')
                elif int(mo) <= 2 and mo != f"0{int(mo)}":
                    problems.append(f'tháng {mo} cần viết "0{int(mo)}" (tháng 1, 2 thêm số 0)')
                elif int(mo) >= 3 and mo != str(int(mo)):
                    problems.append(f'tháng {mo} cần viết "{int(mo)}" (tháng 3–12 không thêm số 0)')
        problems += [_size_problem(para, 13, 14), _italic_problem(para, True),
                     _bold_problem(para, False), _center_problem(para)]
        problem = _join(problems)
        if problem:
            self.f.add("dau-trang.dia-danh-ngay", para.place, problem)

    # ---------------------------------------------------------------- lines under text

    def _para_text_pt(self, para: _Para) -> float:
        size = para.size_pt() or 13
        return text_width_pt(para.stripped, size, para.all_bold())

    def _find_line(self, seq: list, i_last: int, avail) -> _Line | None:
        """The line drawn under seq[i_last]: its own bottom border or drawing, a border or
        drawing in the empty paragraphs after it, or a top border / drawing on the next line."""
        cands = [(seq[i_last], ("bottom",))]
        j = i_last + 1
        while j < len(seq) and not seq[j].has_text:
            cands.append((seq[j], ("top", "bottom")))
            j += 1
        if j < len(seq):
            cands.append((seq[j], ("top",)))
        for para, sides in cands:
            if para.lines:
                return _Line(para, para.lines[0], None)
            for side in sides:
                b = para.props.border(side)
                if b is None:
                    continue
                width = avail(para)
                width_pt = (width - para.props.left - para.props.right) / 20 \
                    if width is not None else None
                problem = None if b[0] == "single" \
                    else f"đường kẻ kiểu {b[0]}, cần nét liền (single)"
                return _Line(para, width_pt, problem)
        return None

    def _check_line_under(self, table: _Table | None, seq: list, anchor: _Para, rule: str,
                          what: str, text_pt: float, lo: float, hi: float, want: str) -> None:
        if table is not None:
            def avail(p):
                cell = table.cell_of(p)
                return cell.text_width if cell is not None else None
        else:
            def avail(p):
                return self._text_width()
        i_last = next(i for i, p in enumerate(seq) if p is anchor)
        line = self._find_line(seq, i_last, avail)
        if line is None:
            self.f.add(rule, anchor.place, f"thiếu đường kẻ ngang dưới {what}")
            return
        if line.problem:
            self.f.add(rule, anchor.place, line.problem)
            return
        if line.width_pt is None or text_pt <= 0:
            return
        ratio = line.width_pt / text_pt
        if not lo * 0.97 <= ratio <= hi * 1.03:
            self.f.add(rule, anchor.place,
                       f"đường kẻ dưới {what} dài {_cm_pt(line.width_pt)} cm, bằng "
                       f"{_num(round(ratio, 2))} lần dòng chữ ({_cm_pt(text_pt)} cm); cần {want}")

    # ---------------------------------------------------------------- title block

    def check_title(self, start: int, closing: int | None) -> int:
        """Check the document type, summary, line and "Kính gửi"; return where the body starts."""
        blocks = self.doc.blocks
        end = closing if closing is not None else len(blocks)
        seq_idx = [i for i in range(start, end) if isinstance(blocks[i], _Para)]
        texts = [i for i in seq_idx if blocks[i].has_text]
        if not texts:
            self.f.add("tieu-de.ten-loai", "sau bảng đầu văn bản",
                       'không có tên loại văn bản ("KẾ HOẠCH", "BÁO CÁO"…)')
            return end
        i_type = texts[0]
        kind: _Para = blocks[i_type]
        name = " ".join(kind.stripped.split())
        self.doc_code = _DOC_TYPE_CODES.get(name.upper())
        problem = _join([None if _is_upper(name) else "cần viết IN HOA",
                         _size_problem(kind, 13, 14), _bold_problem(kind, True),
                         _center_problem(kind)])
        if problem:
            self.f.add("tieu-de.ten-loai", kind.place, "tên loại văn bản " + problem)

        # summary: the paragraphs down to the line drawn under them; without a line, the
        # centred paragraphs that follow the document type
        found = self._summary_by_line(i_type, end)
        if found is None:
            found = self._summary_by_centring(i_type, end)
        summary = [blocks[k] for k in found]
        last = found[-1] if found else i_type
        if not summary:
            self.f.add("tieu-de.trich-yeu", kind.place, "không có trích yếu nội dung dưới tên loại")
            return i_type + 1
        for p in summary:
            problem = _join([_size_problem(p, 13, 14), _bold_problem(p, True), _center_problem(p)])
            if problem:
                self.f.add("tieu-de.trich-yeu", p.place, "trích yếu " + problem)
        top_paras = [blocks[k] for k in range(start, end) if isinstance(blocks[k], _Para)]
        avail_pt = self._text_width() / 20

        def width(p):
            return min(self._para_text_pt(p), avail_pt - (p.props.left + p.props.right) / 20)
        widest = max(width(p) for p in summary)
        self._check_line_under(None, top_paras, summary[-1], "tieu-de.gach", "trích yếu",
                               widest, 1 / 3, 1 / 2, "1/3–1/2 dòng chữ dài nhất")
        # the line's own paragraph (empty, with a border or a shape) belongs to the title block
        body_start = last + 1
        while body_start < end and isinstance(blocks[body_start], _Para) \
                and not blocks[body_start].has_text:
            body_start += 1
        if body_start < end and isinstance(blocks[body_start], _Para) \
                and blocks[body_start].stripped.startswith("Kính gửi"):
            p = blocks[body_start]
            problem = _center_problem(p)
            if problem:
                self.f.add("tieu-de.kinh-gui", p.place, "dòng Kính gửi " + problem)
            body_start += 1
        return body_start

    def _summary_by_line(self, i_type: int, end: int) -> list[int] | None:
        blocks = self.doc.blocks
        texts: list[int] = []
        for i in range(i_type + 1, end):
            p = blocks[i]
            if not isinstance(p, _Para):
                return None
            if p.has_text:
                text = p.stripped
                if text.startswith(("Kính gửi", "Căn cứ")) or _ROMAN.match(text) or len(texts) >= 5:
                    return None
                texts.append(i)
                if p.lines or p.props.border("bottom"):
                    return texts
            elif texts and (p.lines or p.props.border("top") or p.props.border("bottom")):
                return texts
        return None

    def _summary_by_centring(self, i_type: int, end: int) -> list[int]:
        blocks = self.doc.blocks
        found: list[int] = []
        for i in range(i_type + 1, end):
            p = blocks[i]
            if not isinstance(p, _Para):
                break
            if not p.has_text:
                continue
            if p.stripped.startswith("Kính gửi"):
                break
            if p.props.jc != "center":
                if not found:  # a summary that lost its centring: still check that one line
                    found.append(i)
                break
            found.append(i)
        return found

    def check_symbol_matches_type(self) -> None:
        symbol = self.symbol
        if symbol and self.doc_code and symbol != self.doc_code:
            kind = "Báo cáo" if self.doc_code == "BC" else "Kế hoạch"
            self.f.add("dau-trang.ky-hieu-loai", "dòng số, ký hiệu",
                       f'văn bản là {kind} nhưng ký hiệu là "{symbol}", cần "{self.doc_code}"')

    # ---------------------------------------------------------------- body

    def check_body(self, start: int, end: int | None) -> None:
        blocks = self.doc.blocks
        end = end if end is not None else len(blocks)
        paras = [(i, b) for i, b in enumerate(blocks[start:end], start) if isinstance(b, _Para)]
        text_paras = [(i, p) for i, p in paras if p.has_text]
        if not text_paras:
            self.f.add("than.trong", "phần nội dung", "không có nội dung văn bản")
            return
        roman_max = 0
        arabic_max = 0
        for k, (i, p) in enumerate(text_paras):
            text = p.stripped
            prev_b = blocks[i - 1] if i > 0 else None
            next_b = blocks[i + 1] if i + 1 < len(blocks) else None
            heading = bool(_ROMAN.match(text) or _ARABIC.match(text) or _LETTER.match(text))
            self._check_body_format(p, heading, prev_b, next_b)
            m = _ROMAN.match(text)
            if m:
                value = _roman_value(text[: m.end() - 1])
                rest = text[m.end():].strip()
                problem = _join([None if _is_upper(rest) else "tên đề mục La Mã cần viết IN HOA",
                                 _bold_problem(p, True)])
                if problem:
                    self.f.add("than.muc-la-ma", p.place, problem)
                if value != roman_max + 1:
                    after = f'sau mục "{_to_roman(roman_max)}."' if roman_max else "ở đầu"
                    self.f.add("than.thu-tu-muc", p.place,
                               f'mục "{_to_roman(value)}." đứng {after}, '
                               f'cần "{_to_roman(roman_max + 1)}."')
                roman_max = max(roman_max, value)
                arabic_max = 0
                continue
            m = _ARABIC.match(text)
            if m:
                value = int(m.group(1))
                if not p.prefix_bold(m.end()):
                    self.f.add("than.muc-so", p.place, f'đề mục "{m.group(0)}" chưa in đậm')
                if value != arabic_max + 1:
                    after = f'sau mục "{arabic_max}."' if arabic_max else "đầu tiên trong mục lớn"
                    self.f.add("than.thu-tu-muc", p.place,
                               f'mục "{value}." đứng {after}, cần "{arabic_max + 1}."')
                arabic_max = max(arabic_max, value)
        self._check_legal_basis(text_paras)
        last = text_paras[-1][1]
        if not last.stripped.endswith("./."):
            self.f.add("than.ket-thuc", last.place,
                       'câu cuối phần nội dung cần kết thúc bằng "./."')

    def _check_body_format(self, p: _Para, heading: bool, prev_b, next_b) -> None:
        pp = p.props
        problem = _size_problem(p, 13, 14)
        if problem:
            self.f.add("than.co-chu", p.place, problem)
        ok_jc = ("both",) if not heading else ("both", "left")
        if pp.jc not in ok_jc:
            self.f.add("than.can-le", p.place,
                       f"đang {_JC_NAMES.get(pp.jc, pp.jc)}, cần căn đều hai bên")
        fl = pp.first_line
        if heading:
            ok = -15 <= fl <= 735
        else:
            ok = abs(fl - 567) <= 15 or abs(fl - 720) <= 15
        if not ok:
            self.f.add("than.thut-dau-dong", p.place,
                       f"thụt đầu dòng {_num(round(fl / 567, 2))} cm, cần 1 cm hoặc 1,27 cm")
        before, after = pp.before, pp.after
        if pp.contextual_spacing:  # "don't add space between paragraphs of the same style"
            if isinstance(prev_b, _Para) and prev_b.props.style_id == pp.style_id:
                before = 0
            if isinstance(next_b, _Para) and next_b.props.style_id == pp.style_id:
                after = 0
        if before + after < 120:
            self.f.add("than.khoang-cach-doan", p.place,
                       f"khoảng cách đoạn {_num((before + after) / 20)} pt "
                       f"(trước {_num(before / 20)}, sau {_num(after / 20)}), cần ít nhất 6 pt")
        if pp.line_rule == "auto":
            ok = 240 - 1 <= pp.line <= 360 + 1
            got = f"{_num(round(pp.line / 240, 2))} dòng"
        else:
            ok = 340 - 1 <= pp.line <= 360 + 1
            kind = "chính xác" if pp.line_rule == "exact" else "tối thiểu"
            got = f"{kind} {_num(pp.line / 20)} pt"
        if not ok:
            self.f.add("than.gian-dong", p.place,
                       f"giãn dòng {got}, cần từ 1 đến 1,5 dòng (hoặc 17–18 pt)")

    def _check_legal_basis(self, text_paras: list) -> None:
        k = 0
        while k < len(text_paras):
            if not text_paras[k][1].stripped.startswith("Căn cứ"):
                k += 1
                continue
            run = []
            while k < len(text_paras) and text_paras[k][1].stripped.startswith("Căn cứ"):
                run.append(text_paras[k][1])
                k += 1
            followed_by_proposal = k < len(text_paras) \
                and text_paras[k][1].stripped.startswith("Theo đề nghị")
            for n, p in enumerate(run):
                problems = [_italic_problem(p, True)]
                end = p.stripped[-1:]
                if n < len(run) - 1 or followed_by_proposal:
                    if end != ";":
                        problems.append('cần kết thúc bằng dấu ";"')
                elif end not in (".", ","):
                    problems.append('dòng căn cứ cuối cùng cần kết thúc bằng dấu "." hoặc ","')
                problem = _join(problems)
                if problem:
                    self.f.add("than.can-cu", p.place, problem)

    # ---------------------------------------------------------------- closing block

    @staticmethod
    def _is_closing(table: _Table) -> bool:
        first = next((p for row in table.rows[:1] for c in row[:1] for p in c.paras if p.has_text),
                     None)
        return first is not None and first.stripped.startswith("Nơi nhận")

    def _closing_index(self, start: int) -> int | None:
        for i in range(start, len(self.doc.blocks)):
            b = self.doc.blocks[i]
            if isinstance(b, _Table) and self._is_closing(b):
                return i
        self.f.add("ket-thuc.bang", "cuối văn bản",
                   'không có bảng "Nơi nhận" – chữ ký (hai cột, không kẻ khung) sau phần nội dung')
        return None

    def check_closing(self, table: _Table) -> None:
        if table.column_count() != 2:
            self.f.add("ket-thuc.bang", table.loc,
                       f'bảng "Nơi nhận" – chữ ký có {table.column_count()} cột, cần 2 cột')
        self._check_borderless(table, "ket-thuc.vien", 'bảng "Nơi nhận" – chữ ký')
        # left: recipients
        left = [p for p in table.column(0) if p.has_text]
        head = left[0]
        problem = _join([None if head.stripped == "Nơi nhận:" else 'cần đúng "Nơi nhận:"',
                         _size_problem(head, 12, 12), _bold_problem(head, True),
                         _italic_problem(head, True)])
        if problem:
            self.f.add("noi-nhan.tieu-de", head.place, problem)
        recipients = left[1:]
        if not recipients:
            self.f.add("noi-nhan.dong", head.place, "không có dòng nơi nhận nào")
        for n, p in enumerate(recipients):
            text = p.stripped
            is_last = n == len(recipients) - 1
            problems = [_size_problem(p, 11, 11)]
            if is_last:
                if not re.fullmatch(r"- Lưu: VT(, ?[^.]+)?\.", text):
                    problems.append('dòng cuối cần dạng "- Lưu: VT, <viết tắt đơn vị>."')
                problem = _join(problems)
                if problem:
                    self.f.add("noi-nhan.luu", p.place, problem)
                continue
            if not text.startswith("- "):
                problems.append('cần bắt đầu bằng "- "')
            if not text.endswith(";"):
                problems.append('cần kết thúc bằng ";"')
            problem = _join(problems)
            if problem:
                self.f.add("noi-nhan.dong", p.place, problem)
        # right: authority, signature space, name
        right = table.column(1) if table.column_count() >= 2 else []
        texts = [k for k, p in enumerate(right) if p.has_text]
        where = table.loc + " (cột phải)"
        if len(texts) < 2:
            self.f.add("chu-ky.tham-quyen", where,
                       "cần quyền hạn, chức vụ người ký (IN HOA) và họ tên người ký")
            if not texts:
                return
        name = right[texts[-1]]
        for k in texts[:-1]:
            p = right[k]
            problem = _join([None if _is_upper(p.stripped) else "cần viết IN HOA",
                             _size_problem(p, 13, 14), _bold_problem(p, True), _center_problem(p)])
            if problem:
                self.f.add("chu-ky.tham-quyen", p.place, "quyền hạn, chức vụ người ký " + problem)
        if len(texts) >= 2:
            gap = [p for p in right[texts[-2] + 1: texts[-1]]]
            if not gap:
                self.f.add("chu-ky.khoang-trong", name.place,
                           "không có dòng trống để ký và đóng dấu trên họ tên người ký")
        problem = _join([_size_problem(name, 13, 14), _bold_problem(name, True),
                         _center_problem(name),
                         "cần viết hoa chữ cái đầu mỗi tiếng, không viết IN HOA toàn bộ"
                         if _is_upper(name.stripped) else None])
        if problem:
            self.f.add("chu-ky.ho-ten", name.place, "họ tên người ký " + problem)

    # ---------------------------------------------------------------- appendix

    def check_appendix(self, closing: int) -> None:
        blocks = self.doc.blocks
        rest = blocks[closing + 1:]
        content = [b for b in rest if isinstance(b, _Table) or b.has_text]
        if not content:
            return
        if not self._starts_new_page(closing + 1):
            first = content[0]
            place = first.place if isinstance(first, _Para) else first.loc
            self.f.add("phu-luc.trang-moi", place,
                       "phụ lục phải bắt đầu ở trang mới (chèn ngắt trang)")
        for b in rest:
            if not isinstance(b, _Table):
                continue
            needed = ("top", "left", "bottom", "right", "insideH", "insideV")
            missing = [s for s in needed if not _border_visible(*b.borders.get(s, (None, None)))]
            cell_off = any(not _border_visible(v, c) for row in b.rows for cell in row
                           for (v, c) in cell.borders.values())
            if missing or cell_off:
                names = {"top": "trên", "left": "trái", "bottom": "dưới", "right": "phải",
                         "insideH": "ngang bên trong", "insideV": "dọc bên trong"}
                what = ", ".join(names[s] for s in missing) if missing else "một số ô"
                self.f.add("phu-luc.vien-bang", b.loc, f"bảng phụ lục thiếu đường kẻ ({what})")
            if 0 not in b.header_rows:
                self.f.add("phu-luc.lap-tieu-de", b.loc,
                           'hàng đầu bảng phụ lục chưa đặt "lặp lại ở đầu mỗi trang" (w:tblHeader)')
            last_row = b.rows[-1] if b.rows else []
            last_text = " ".join(p.stripped for c in last_row for p in c.paras)
            if "Tổng" not in last_text and "TỔNG" not in last_text:
                self.f.add("phu-luc.dong-tong", b.loc, 'bảng phụ lục thiếu hàng "Tổng" ở cuối')
            for row in b.rows:
                for cell in row:
                    for p in cell.paras:
                        problem = _size_problem(p, 11, 14)
                        if problem:
                            self.f.add("phu-luc.co-chu", p.place, problem)

    def _starts_new_page(self, start: int) -> bool:
        blocks = self.doc.blocks
        section_ends = {sec.end_block: sec for sec in self.doc.sections}
        for i in range(start, len(blocks)):
            b = blocks[i]
            if isinstance(b, _Table):
                first = next((p for row in b.rows[:1] for c in row[:1] for p in c.paras), None)
                return first is not None and (first.props.page_break_before
                                              or first.page_break_before_text())
            if b.props.page_break_before or b.page_break_before_text():
                return True
            if b.has_text:
                return False
            if any(r.page_break for r in b.runs):
                return True
            if i in section_ends:  # a section break; the next section's w:type says which kind
                nxt = next((s for s in self.doc.sections if s.index == section_ends[i].index + 1),
                           None)
                has_sect = nxt is not None and nxt.sect is not None
                kind_el = _child(nxt.sect, W.type) if has_sect else None
                kind = kind_el.get(W.val) if kind_el is not None else "nextPage"
                if kind != "continuous":
                    return True
        return False

    # ---------------------------------------------------------------- fonts and text

    def check_fonts_and_text(self) -> None:
        doc = self.doc
        parts = [(doc.root, doc.blocks)]
        for part, (label, root) in doc.header_parts.items():
            parts.append((root, doc.header_paras[part]))
        for root, blocks in parts:
            for p in doc.all_paras(root, blocks):
                self._check_para_fonts(p)

    def _check_para_fonts(self, p: _Para) -> None:
        fonts, colors = [], []
        for r in p.runs:
            if not r.raw:
                continue
            used = []
            ascii_only = r.raw.isascii()
            if ascii_only or _ASCII_RE.search(r.raw):
                used.append(r.props.ascii_font)
            if not ascii_only:
                used.append(r.props.hansi_font)
            for font in used:
                if font.lower() != TNR.lower() and font not in fonts:
                    fonts.append(font)
            color = (r.props.color or "auto").lower()
            if color not in ("auto", "000000") and color not in colors:
                colors.append(color)
        if fonts:
            self.f.add("phong-chu", p.place, f'phông "{", ".join(fonts)}", cần {TNR}')
        if colors:
            self.f.add("mau-chu", p.place,
                       f"chữ màu {', '.join('#' + c.upper() for c in colors)}, cần màu đen")
        raw = p.raw
        if not raw:
            return
        if not unicodedata.is_normalized("NFC", raw):
            self.f.add("van-ban.nfc", p.place,
                       "chữ chưa chuẩn hóa Unicode dựng sẵn (NFC): dấu tách rời khỏi chữ")
        bad = []
        for ch in _BAD_RE.findall(raw):
            cp = ord(ch)
            if unicodedata.category(ch) == "Cc":
                label = f"ký tự điều khiển U+{cp:04X}"
            else:
                label = _BAD_CHARS.get(cp)
            if label and label not in bad:
                bad.append(label)
        if bad:
            self.f.add("van-ban.ky-tu-dieu-khien", p.place, "có " + ", ".join(bad))


def _fields(p) -> list[tuple[list, str]]:
    """[(runs of the field, instruction)] for the simple and complex fields of a paragraph."""
    out = []
    for fs in p.iter(W.fldSimple):
        if not _in_fallback(fs):
            out.append((list(_iter_runs(fs)), fs.get(W.instr) or ""))
    stack: list[tuple[list, list]] = []  # open fields: (runs, instruction parts)
    for r in _iter_runs(p):
        for child in r:
            if child.tag == W.fldChar:
                kind = child.get(W.fldCharType)
                if kind == "begin":
                    stack.append(([], []))
                elif kind == "end" and stack:
                    runs, instr = stack.pop()
                    runs.append(r)
                    out.append((runs, "".join(instr)))
                    continue
            elif child.tag == W.instrText and stack:
                stack[-1][1].append(child.text or "")
        if stack and (not stack[-1][0] or stack[-1][0][-1] is not r):
            stack[-1][0].append(r)
    return out
