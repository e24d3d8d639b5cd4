"""A unit's own template (.docx) for its Kế hoạch or Báo cáo, checked before the window keeps it and before
every export (docgen/template_check/: unknown fields, broken tags, unbalanced blocks, Python objects)."""

from __future__ import annotations

from pathlib import Path

from ..docgen.template_check import validate_template


def validate(path: str | Path, kind: str) -> None:
    """UserError naming the template's problems when it cannot be used for `kind` ("plan" or "report")."""
    validate_template(Path(path), kind)
