"""A quick on-screen look at a document before export: the template context as simple HTML.

It follows the layout of the .docx (header table, title, body, closing table, appendix) closely
enough to read and proof the text; the .docx stays the document of record.
"""

from __future__ import annotations

from html import escape

from ..domain.blocks import Block
from ..domain.report import APPENDIX_HEAD

_CSS = """
body { font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 14pt; }
td { vertical-align: top; }
p { margin: 0 0 6pt 0; text-align: justify; }
.c { text-align: center; }
.r { text-align: right; }
.b { font-weight: bold; }
.i { font-style: italic; }
.small { font-size: 12pt; }
.indent { text-indent: 1cm; }
table.grid { border-collapse: collapse; }
table.grid td, table.grid th { border: 1px solid black; padding: 2pt 4pt; font-size: 12pt; }
"""

_BLOCK_CLASS = {
    "h1": "b indent",
    "h2": "b indent",
    "h3": "b i indent",
    "h4": "indent",
    "basis": "i indent",
    "bullet": "indent",
    "bullet2": "indent",
    "text": "indent",
    "closing": "indent",
}


def _block(b: Block) -> str:
    return f'<p class="{_BLOCK_CLASS.get(b.kind, "indent")}">{escape(b.full)}</p>'


def document_html(ctx: dict, doc_word: str) -> str:
    """HTML of a plan (`doc_word` 'KẾ HOẠCH') or report ('BÁO CÁO') context of docgen.context."""
    left = "".join(f'<div class="c">{escape(x)}</div>' for x in (ctx.get("parent_body"),) if x)
    left += f'<div class="c b">{escape(ctx["issuer"])}</div><div class="c">{escape(ctx["number_line"])}</div>'
    right = (
        '<div class="c b">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>'
        '<div class="c b">Độc lập - Tự do - Hạnh phúc</div>'
        f'<div class="c i">{escape(ctx["place_date"])}</div>'
    )
    parts = [
        f"<html><head><style>{_CSS}</style></head><body>",
        f'<table width="100%"><tr><td width="40%" class="small">{left}</td>'
        f'<td width="60%" class="small">{right}</td></tr></table><br/>',
        f'<p class="c b">{escape(doc_word)}</p><p class="c b">{escape(ctx["title"])}</p>',
    ]
    if ctx.get("addressee"):
        parts.append(f'<p class="c">Kính gửi: {escape(ctx["addressee"])}</p>')
    parts += [_block(b) for b in ctx["blocks"]]
    rec = "".join(f"<div>{escape(x)}</div>" for x in ctx["recipients"])
    sign = "".join(f'<div class="c b">{escape(x)}</div>' for x in ctx["signer_lines"])
    parts.append(
        f'<table width="100%"><tr><td width="50%" class="small"><div class="b i">Nơi nhận:</div>{rec}</td>'
        f'<td width="50%">{sign}<br/><br/><br/><div class="c b">{escape(ctx["signer_name"])}</div>'
        "</td></tr></table>"
    )
    if ctx.get("rows") is not None:
        parts.append('<br/><p class="c b">PHỤ LỤC</p>')
        if ctx.get("appendix_ref"):
            parts.append(f'<p class="c i">{escape(ctx["appendix_ref"])}</p>')
        rows = ["<tr>" + "".join(f"<th>{escape(h)}</th>" for h in APPENDIX_HEAD) + "</tr>"]
        for r in [*ctx["rows"], ctx.get("totals") or ()]:
            rows.append("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in r) + "</tr>")
        parts.append(f'<table class="grid" width="100%">{"".join(rows)}</table>')
    parts.append("</body></html>")
    return "".join(parts)
