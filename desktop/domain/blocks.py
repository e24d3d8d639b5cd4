"""Document bodies as a flat list of blocks (paragraphs with a role), ready for a template."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Block:
    """One body paragraph. `kind` picks the paragraph style in the template:
    basis (italic căn cứ), text, h1 (I. UPPERCASE bold), h2 (1. bold), h3 (a) bold),
    h4 ('-' heading), bullet ('- '), bullet2 ('+ '), closing."""

    kind: str
    text: str
    label: str = ""

    @property
    def full(self) -> str:
        return f"{self.label} {self.text}" if self.label else self.text
