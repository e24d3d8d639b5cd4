"""Document bodies as a flat list of blocks (paragraphs with a role), ready for a template."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Block:
    """One body paragraph. `kind` picks the paragraph style in the template:
    basis (italic căn cứ), text, h1 (I. UPPERCASE bold), h2 (1. bold), h3 (a) bold),
    h4 ('-' heading), bullet ('- '), bullet2 ('+ '), closing; or a table of the superior's outline (kind
    'table': `head`, its column heads, and `cells`, its rows)."""

    kind: str
    text: str
    label: str = ""
    head: list[str] = field(default_factory=list)
    cells: list[list[str]] = field(default_factory=list)

    @property
    def full(self) -> str:
        return f"{self.label} {self.text}" if self.label else self.text
