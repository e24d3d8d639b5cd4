"""The document model: document.xml and its header/footer parts read into paragraphs (with
their runs and effective formatting), tables with their cells, and sections."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .ooxml import REL_SETTINGS, REL_STYLES, REL_THEME, STRICT_W, W, child, grandchild, is_on, length, side_name, snip
from .package import CheckError, Package
from .styles import ParaProps, RunProps, StyleResolver, merge_margins
from .walk import drawn_lines, in_fallback, iter_blocks, iter_runs, run_text

__all__ = ["Cell", "Document", "Para", "Run", "Section", "Table"]


@dataclass
class Run:
    el: object
    raw: str  # text as stored
    shown: str  # text as displayed (caps applied)
    props: RunProps
    page_break: bool


@dataclass
class Para:
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
        text = snip(self.stripped)
        return f'{self.loc} "{text}"' if text else self.loc

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
class Cell:
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
class Table:
    el: object
    loc: str
    rows: list  # list of rows, each a list of Cell
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

    def cell_of(self, para) -> Cell | None:
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
class Section:
    index: int  # 1-based
    sect: object  # w:sectPr
    end_block: int  # index (in body blocks) of the block that ends the section


class Document:
    """document.xml and the parts it refers to, read into paragraphs, tables and sections."""

    def __init__(self, pkg: Package):
        self.pkg = pkg
        self.name = pkg.display_name
        self.root = pkg.xml(pkg.main)
        if etree.QName(self.root).namespace == STRICT_W:
            raise CheckError(
                f'Tệp "{self.name}" được lưu dạng "Strict Open XML", chưa kiểm tra được; '
                'hãy mở bằng Word và lưu lại dạng "Word Document (.docx)".'
            )
        self.body = child(self.root, W.body)
        if self.body is None:
            raise CheckError(f'Tệp "{self.name}" bị hỏng: word/document.xml không có phần thân (w:body).')
        styles = pkg.optional_xml(pkg.related(pkg.main, REL_STYLES, "word/styles.xml"))
        theme = pkg.optional_xml(pkg.related(pkg.main, REL_THEME, "word/theme/theme1.xml"))
        self.settings = pkg.optional_xml(pkg.related(pkg.main, REL_SETTINGS, "word/settings.xml"))
        self.resolver = StyleResolver(styles, theme)
        self.rels = pkg.rels(pkg.main)
        self.missing_parts: list[str] = []

        self.blocks: list = []  # Para or Table, top level of the body
        n_para = n_tbl = 0
        for el in iter_blocks(self.body):
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

    def _para(self, el, loc: str, table_style: str | None = None) -> Para:
        resolver = self.resolver
        pstyle = resolver.paragraph_style(el)
        runs = []
        for r in iter_runs(el):
            props = resolver.run_props(el, r, table_style, pstyle=pstyle)
            if props.hidden:
                continue
            raw, page_break = run_text(r)
            shown = raw.upper() if props.caps else raw
            runs.append(Run(r, raw, shown, props, page_break))
        return Para(el, loc, runs, resolver.para_props(el, table_style, pstyle=pstyle), drawn_lines(el), table_style)

    def _table(self, tbl, loc: str) -> Table:
        resolver = self.resolver
        tstyle = resolver.table_style(tbl)
        grid = [(length(g.get(W.w)) or 0.0) for g in tbl.findall(f"{W.tblGrid}/{W.gridCol}")]
        margins = resolver.cell_margins(tbl)
        rows, header_rows = [], []
        for ri, tr in enumerate(tbl.findall(W.tr), start=1):
            hdr = grandchild(tr, W.trPr, W.tblHeader)
            if hdr is not None and is_on(hdr):
                header_rows.append(ri - 1)
            row, col = [], 0
            for ci, tc in enumerate(tr.findall(W.tc), start=1):
                tcpr = child(tc, W.tcPr)
                span_el = child(tcpr, W.gridSpan) if tcpr is not None else None
                span = int(length(span_el.get(W.val)) or 1) if span_el is not None else 1
                width = None
                tcw = child(tcpr, W.tcW) if tcpr is not None else None
                if tcw is not None and (tcw.get(W.type) or "dxa") == "dxa":
                    width = length(tcw.get(W.w))
                if not width and grid[col : col + span]:
                    width = sum(grid[col : col + span])
                mar = dict(margins)
                tcmar = child(tcpr, W.tcMar) if tcpr is not None else None
                if tcmar is not None:
                    merge_margins(mar, tcmar)
                borders = {}
                tcb = child(tcpr, W.tcBorders) if tcpr is not None else None
                if tcb is not None:
                    for side_el in tcb:
                        side = side_name(side_el)
                        borders[side] = (side_el.get(W.val), side_el.get(W.color))
                paras = [self._para(p, f"{loc} (hàng {ri}, cột {ci})", tstyle) for p in iter_blocks(tc) if p.tag == W.p]
                row.append(Cell(tc, paras, width, mar["left"], mar["right"], borders))
                col += span
            rows.append(row)
        return Table(tbl, loc, rows, grid, resolver.table_borders(tbl), header_rows)

    def _sections(self) -> list[Section]:
        out = []
        for i, block in enumerate(self.blocks):
            if isinstance(block, Para):
                sect = grandchild(block.el, W.pPr, W.sectPr)
                if sect is not None:
                    out.append(Section(len(out) + 1, sect, i))
        final = child(self.body, W.sectPr)
        if final is not None or not out:
            out.append(Section(len(out) + 1, final, len(self.blocks) - 1))
        return out

    # -- all paragraphs of a part (for font and text checks)

    def all_paras(self, root, top_blocks: list) -> list[Para]:
        """Every paragraph of a part, nested tables and text boxes included."""
        known: dict = {}  # element → Para (lxml elements hash by identity)
        top_loc: dict = {}  # top-level block element → its place
        for block in top_blocks:
            top_loc[block.el] = block.loc
            if isinstance(block, Para):
                known[block.el] = block
            else:
                for row in block.rows:
                    for cell in row:
                        for p in cell.paras:
                            known[p.el] = p
        out = []
        for p in root.iter(W.p):
            if in_fallback(p):
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
            for el in iter_blocks(root):
                if el.tag == W.p:
                    blocks.append(self._para(el, label))
                else:
                    n_tbl += 1
                    blocks.append(self._table(el, f"{label}, bảng {n_tbl}"))
            self.header_parts[part] = (label, root)
            self.header_paras[part] = blocks
        return part
