"""docxtpl with its slow passes skipped when they have nothing to do: the one place that overrides
docxtpl's (undocumented) methods. tests/docgen/test_docxtpl_fast.py fails when docxtpl changes
under it: the overridden methods and their signatures, and the same XML as docxtpl's own path.

What it changes, the output staying docxtpl's:
- `resolve_listing` and `fix_tables` walk every paragraph and row of the rendered body: skipped
  when no text holds a tab/newline and the template has no `{%tc` column loop;
- the body is parsed once, with its document, by python-docx's parser (`map_tree`), instead of
  parsed apart and moved in node by node;
- a row loop whose body only prints fields of its item (`{%tr for r in m.rows %}` … `{{ r.content }}`
  … `{%tr endfor %}`: the appendix) is written by `_rows`, one string format per row, escaped as
  Jinja's autoescape does, instead of Jinja evaluating every cell in the sandbox."""

from __future__ import annotations

import io
import re
import zipfile
from operator import itemgetter

from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from lxml import etree
from markupsafe import escape

from .template_check.limits import MAX_OUTPUT, TemplateLimit

__all__ = ["OVERRIDDEN", "Template"]

# docxtpl's methods overridden here, with their parameters (the test compares them with docxtpl's)
OVERRIDDEN = {
    "patch_xml": ("self", "src_xml"),
    "build_xml": ("self", "context", "jinja_env"),
    "resolve_listing": ("self", "xml"),
    "fix_tables": ("self", "xml"),
    "fix_docpr_ids": ("self", "tree"),
    "map_tree": ("self", "tree"),
}

# A '\t', '\n', BEL or '\f' inside a text node: only then is docxtpl's listing pass needed.
_LISTING_CHARS = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\n\a\f]")
# A loop (as docxtpl's patch_xml leaves a {%tr for %} … {%tr endfor %}) with no tag inside its body
_LOOP = re.compile(
    r"\{%\s*for\s+([A-Za-z]\w*)\s+in\s+([A-Za-z]\w*(?:\.[A-Za-z]\w*)*)\s*%\}((?:(?!\{[%#]).)*?)\{%\s*endfor\s*%\}", re.S
)
_PRINT = re.compile(r"\{\{(.*?)\}\}", re.S)
_FIELD = re.compile(r"\s*([A-Za-z]\w*)(?:\.([a-z]\w*)|\[(\d+)\])\s*")  # r.content, r[2]
ROWS_GLOBAL = "_docxtpl_fast_rows"  # a user template cannot name it: the checker refuses names starting with '_'
_MARK = "docxtpl_fast:"
_MARKER = re.compile(r"<!--docxtpl_fast:(\d+)-->")
_SEP = "\x00"  # never in a document's text (XML 1.0 cannot hold it)


class _RowLoop:
    """A loop body as a format string and the fields (names or positions) of the item it prints."""

    def __init__(self, body: str, var: str):
        if "docPr" in body:  # a picture in the row: docxtpl renumbers its id
            raise ValueError("a picture")
        pieces, keys, at = [], [], 0
        for m in _PRINT.finditer(body):
            f = _FIELD.fullmatch(m.group(1))
            if f is None or f.group(1) != var:
                raise ValueError("not a plain field")
            pieces.append(body[at : m.start()].replace("{", "{{").replace("}", "}}"))
            pieces.append("{}")
            keys.append(f.group(2) if f.group(2) else int(f.group(3)))
            at = m.end()
        if not keys:
            raise ValueError("nothing printed")
        pieces.append(body[at:].replace("{", "{{").replace("}", "}}"))
        self.fmt = "".join(pieces).format
        self.keys = tuple(keys)
        self._getters: dict[type, object] = {}

    def _getter(self, cls: type):
        """How to read the printed fields of a `cls` as the sandbox would, when `cls` is a named
        tuple holding them all (by name or position); None otherwise (then Jinja's own getattr)."""
        if cls not in self._getters:
            names = getattr(cls, "_fields", None) if issubclass(cls, tuple) else None
            get = None
            if names is not None:
                idx = [names.index(k) if isinstance(k, str) and k in names else k for k in self.keys]
                if all(isinstance(i, int) and 0 <= i < len(names) for i in idx):
                    g = itemgetter(*idx)
                    get = g if len(idx) > 1 else (lambda x, g=g: (g(x),))
            self._getters[cls] = get
        return self._getters[cls]

    def render(self, items, env) -> str:
        out, n = [], len(self.keys)
        for item in items:
            get = self._getter(type(item))
            if get is not None:
                values = get(item)
            else:  # anything else read as Jinja reads it (a missing field raises, StrictUndefined)
                values = [env.getattr(item, k) if isinstance(k, str) else env.getitem(item, k) for k in self.keys]
            try:  # one escape per row: Jinja's autoescape escapes each value alike, character by character
                cells = escape(_SEP.join(values)).split(_SEP)
            except TypeError:
                cells = []
            if len(cells) != n:
                cells = [escape(v) for v in values]
            out.append(self.fmt(*cells))
        return "".join(out)


class _Html:
    """What Jinja prints for the rows (autoescape prints `__html__()` as it is): a marker the
    saved file's rows replace (Template.save), so the rows are never parsed into a tree."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def __html__(self) -> str:
        return self.text


class Template(DocxTemplate):
    """docxtpl's DocxTemplate, faster on a long appendix, same output (see the module's text)."""

    _fast = False

    def patch_xml(self, src_xml):
        xml = super().patch_xml(src_xml)
        if not self._fast:
            return xml

        def fast(m: re.Match) -> str:
            var, seq, body = m.groups()
            if not _PRINT.search(body):
                return m.group(0)
            try:
                loop = _RowLoop(body, var)
            except ValueError:
                return m.group(0)
            self._loops.append(loop)
            return f"{{{{ {ROWS_GLOBAL}({seq}, {len(self._loops) - 1}) }}}}"

        return _LOOP.sub(fast, xml)

    def build_xml(self, context, jinja_env=None):
        self._template_xml = self.get_xml()
        # only with autoescape: the rows are escaped as Jinja escapes them
        self._fast = jinja_env is not None and jinja_env.autoescape is True and ROWS_GLOBAL not in context
        self._loops: list[_RowLoop] = []
        self._pieces: list[str] = []
        self._size = 0
        if self._fast:
            jinja_env.globals[ROWS_GLOBAL] = lambda items, k: self._rows(items, k, jinja_env)
        return super().build_xml(context, jinja_env)

    def _rows(self, items, k: int, env) -> _Html:
        """The rows of loop `k` over `items`, put aside for save(); Jinja prints a marker."""
        xml = self._loops[k].render(items, env)
        # what docxtpl's render_xml_part does to its output after Jinja, done to the rows
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        xml = self.resolve_listing(xml)
        self._size += len(xml)
        if self._size > MAX_OUTPUT:
            raise TemplateLimit(f"mẫu tạo ra hơn {MAX_OUTPUT:,} ký tự".replace(",", "."))
        self._pieces.append(xml)
        return _Html(f"<!--{_MARK}{len(self._pieces) - 1}-->")

    def save(self, filename, *args, **kwargs):
        """docxtpl's save, then the rows written in place of their markers (the .xml parts that
        hold one), compressed as python-docx compressed the part."""
        pieces = getattr(self, "_pieces", None)
        if not pieces:
            return super().save(filename, *args, **kwargs)
        buf = io.BytesIO()
        super().save(buf, *args, **kwargs)
        buf.seek(0)
        with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(filename, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info)
                if info.filename.endswith(".xml") and _MARK.encode() in data:
                    text = _MARKER.sub(lambda m: pieces[int(m.group(1))], data.decode("utf-8"))
                    data = text.encode("utf-8")
                zout.writestr(info, data)
        return None

    def resolve_listing(self, xml):
        if _LISTING_CHARS.search(xml) is None:
            return xml
        return super().resolve_listing(xml)

    def fix_tables(self, xml):
        if "{%tc" in self._template_xml:  # column loops need docxtpl's grid repair
            return super().fix_tables(xml)
        return xml

    def fix_docpr_ids(self, tree):
        if not isinstance(tree, str):
            super().fix_docpr_ids(tree)

    def map_tree(self, tree):
        if not isinstance(tree, str):
            return super().map_tree(tree)
        root_xml = etree.tostring(self.docx._element, encoding="unicode")
        start, end = root_xml.index("<w:body"), root_xml.rindex("</w:body>") + len("</w:body>")
        part = self.docx.part
        part._element = parse_xml(root_xml[:start] + tree + root_xml[end:])
        self.docx = part.document
        for elt in part._element.iter(qn("wp:docPr")):  # docxtpl's renumbering, for the new tree
            self.docx_ids_index += 1
            elt.set("id", str(self.docx_ids_index))
