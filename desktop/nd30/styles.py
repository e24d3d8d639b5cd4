"""Effective run and paragraph formatting, resolved through the style hierarchy as Word does."""

from __future__ import annotations

from dataclasses import dataclass

from .ooxml import TNR, A, W, child, child_val, grandchild, is_on, length, side_name

__all__ = ["ParaProps", "RunProps", "StyleResolver", "border_visible", "merge_margins"]


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
            if s == side and border_visible(val, color):
                return val, color
        return None


def border_visible(val: str | None, color: str | None = None) -> bool:
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
            dd = child(styles_root, W.docDefaults)
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
            based = child(st, W.basedOn)
            style_id = based.get(W.val) if based is not None else None
        out.reverse()
        return out

    def _known(self, style_id: str | None, stype: str) -> str | None:
        if style_id and style_id in self.styles:
            return style_id
        return self.defaults.get(stype)  # unknown or absent: the default style of that type

    def paragraph_style(self, p) -> str | None:
        return self._known(child_val(p, W.pPr, W.pStyle), "paragraph")

    def character_style(self, r) -> str | None:
        return self._known(child_val(r, W.rPr, W.rStyle) if r is not None else None, "character")

    def table_style(self, tbl) -> str | None:
        if tbl is None:
            return None
        el = grandchild(tbl, W.tblPr, W.tblStyle)
        return self._known(el.get(W.val) if el is not None else None, "table")

    def _parts(self, style_id: str | None, tag: str) -> list:
        return [x for x in (child(st, tag) for st in self.chain(style_id)) if x is not None]

    # -- runs

    def run_props(self, p, r=None, table_style: str | None = None, *, pstyle: str | None = None) -> RunProps:
        """Effective formatting of run `r` in paragraph `p` (r=None: a run without rPr).

        `pstyle` may pass the paragraph's style id when the caller already has it.
        """
        if pstyle is None:
            pstyle = self.paragraph_style(p)
        state = dict(self._style_run_state(table_style, pstyle, self.character_style(r)))
        direct = child(r, W.rPr) if r is not None else None
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

    def para_props(self, p, table_style: str | None = None, *, pstyle: str | None = None) -> ParaProps:
        if pstyle is None:
            pstyle = self.paragraph_style(p)
        key = ("p", table_style, pstyle)
        base = self._cache.get(key)
        if base is None:
            base = {
                "jc": "left",
                "left": 0.0,
                "right": 0.0,
                "first": 0.0,
                "before": 0.0,
                "after": 0.0,
                "line": 240.0,
                "rule": "auto",
                "borders": {},
                "page_break": False,
                "contextual": False,
            }
            layers = (
                ([self.doc_ppr] if self.doc_ppr is not None else [])
                + self._parts(table_style, W.pPr)
                + self._parts(pstyle, W.pPr)
            )
            for ppr in layers:
                _apply_ppr(base, ppr)
            self._cache[key] = base
        state = dict(base, borders=dict(base["borders"]))
        direct = child(p, W.pPr)
        if direct is not None:
            _apply_ppr(state, direct)
        return ParaProps(
            style_id=pstyle,
            jc=state["jc"],
            left=state["left"],
            right=state["right"],
            first_line=state["first"],
            before=state["before"],
            after=state["after"],
            line=state["line"],
            line_rule=state["rule"],
            borders=tuple((s, v, c) for s, (v, c) in state["borders"].items()),
            page_break_before=state["page_break"],
            contextual_spacing=state["contextual"],
        )

    # -- tables

    def table_borders(self, tbl) -> dict[str, tuple[str | None, str | None]]:
        """Effective table borders: side → (val, color), from the style chain then tblPr."""
        layers = self._parts(self.table_style(tbl), W.tblPr)
        direct = child(tbl, W.tblPr)
        if direct is not None:
            layers.append(direct)
        out: dict[str, tuple[str | None, str | None]] = {}
        for tblpr in layers:
            bd = child(tblpr, W.tblBorders)
            if bd is None:
                continue
            for side_el in bd:
                side = side_name(side_el)
                out[side] = (side_el.get(W.val), side_el.get(W.color))
        return out

    def cell_margins(self, tbl) -> dict[str, float]:
        """Table-wide default cell margins (left/right, twips); Word's default is 108."""
        out = {"left": 108.0, "right": 108.0}
        layers = self._parts(self.table_style(tbl), W.tblPr)
        direct = child(tbl, W.tblPr)
        if direct is not None:
            layers.append(direct)
        for tblpr in layers:
            mar = child(tblpr, W.tblCellMar)
            if mar is not None:
                merge_margins(out, mar)
        return out


def _toggle_values(rpr) -> dict[str, bool]:
    """The toggle properties (b, i, caps …) an rPr sets, with their on/off values."""
    out = {}
    for name in _TOGGLES:
        el = child(rpr, getattr(W, name))
        if el is not None:
            out[name] = is_on(el)
    return out


def _apply_rpr(state: dict, rpr) -> None:
    """Apply the non-toggle properties of an rPr: size, colour, font slots."""
    sz = child(rpr, W.sz)
    if sz is not None:
        val = length(sz.get(W.val))
        if val is not None:
            state["sz"] = val
    col = child(rpr, W.color)
    if col is not None and col.get(W.val) is not None:
        state["color"] = col.get(W.val)
    rf = child(rpr, W.rFonts)
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
    el = child(ppr, W.jc)
    if el is not None and el.get(W.val):
        state["jc"] = {"start": "left", "end": "right"}.get(el.get(W.val), el.get(W.val))
    el = child(ppr, W.ind)
    if el is not None:
        _merge_ind(state, el)
    el = child(ppr, W.spacing)
    if el is not None:
        _merge_spacing(state, el)
    el = child(ppr, W.pBdr)
    if el is not None:
        for side_el in el:
            side = side_name(side_el)
            state["borders"][side] = (side_el.get(W.val), side_el.get(W.color))
    el = child(ppr, W.pageBreakBefore)
    if el is not None:
        state["page_break"] = is_on(el)
    el = child(ppr, W.contextualSpacing)
    if el is not None:
        state["contextual"] = is_on(el)


def _merge_ind(ind: dict, el) -> None:
    for attr, key in (("left", "left"), ("start", "left"), ("right", "right"), ("end", "right")):
        v = length(el.get(getattr(W, attr)))
        if v is not None:
            ind[key] = v
    first = length(el.get(W.firstLine))
    hanging = length(el.get(W.hanging))
    if hanging is not None:  # hanging wins over firstLine on the same element
        ind["first"] = -hanging
    elif first is not None:
        ind["first"] = first


def _merge_spacing(sp: dict, el) -> None:
    for key in ("before", "after"):
        v = length(el.get(getattr(W, key)))
        if v is not None:
            sp[key] = v
        lines = length(el.get(getattr(W, key + "Lines")))
        if lines is not None:  # hundredths of a line; take a line as 12 pt
            sp[key] = lines / 100 * 240
        auto = el.get(getattr(W, key + "Autospacing"))
        if auto is not None and auto.lower() in ("1", "true", "on"):
            sp[key] = 280.0  # Word's automatic spacing: 14 pt
    line = length(el.get(W.line))
    if line is not None:
        sp["line"] = line
        sp["rule"] = el.get(W.lineRule) or "auto"
    elif el.get(W.lineRule):
        sp["rule"] = el.get(W.lineRule)


def merge_margins(out: dict, mar) -> None:
    for node in mar:
        side = side_name(node)
        if side not in ("left", "right"):
            continue
        if (node.get(W.type) or "dxa") == "nil":
            out[side] = 0.0
        else:
            v = length(node.get(W.w))
            if v is not None and (node.get(W.type) or "dxa") == "dxa":
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
