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

import zipfile
import zlib
from pathlib import Path

from ...domain.errors import UserError
from ...nd30.package import CheckError, read_package
from .fields import FIELDS, Problem, shape_of
from .sandbox import sandbox_env
from .word import Validator

__all__ = ["FIELDS", "MAX_LISTED", "Problem", "sandbox_env", "shape_of", "template_problems", "validate_template"]


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
    except Exception as exc:  # noqa: BLE001 - python-docx on a damaged package: many exception types
        raise UserError(f"Không mở được mẫu {path.name}: tệp Word bị hỏng ({type(exc).__name__}).") from None
    return Validator(tpl, FIELDS[kind]).run()


def _check_package(path: Path) -> None:
    """The file is a readable .docx without DTDs in its parts (entity bombs, external entities)."""
    try:
        pkg = read_package(path)
    except CheckError as e:
        raise UserError(f"Không dùng được mẫu: {e}") from None
    try:
        part = pkg.doctype_part()
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise UserError(f"Mẫu {path.name} bị hỏng: không giải nén được ({type(exc).__name__}).") from None
    finally:
        pkg.close()
    if part is not None:
        raise UserError(
            f"Mẫu {path.name} không an toàn: phần {part} có khai báo "
            "DOCTYPE/thực thể XML, điều tệp Word không bao giờ có."
        )
