"""The services layer: the workflows the window (ui/) and the command line (cli.py) call.

ui → app → docgen / excel / store → domain: nothing here imports Qt, and SQL stays in store/.
"""
from __future__ import annotations

from .documents import compile_for, resolve_plan_id, write_plan, write_report
from .workbooks import (commit_import, excel_lookup, existing_keys, read_imports, write_xlsx_export,
                        write_xlsx_template)

__all__ = ["commit_import", "compile_for", "excel_lookup", "existing_keys", "read_imports", "resolve_plan_id",
           "write_plan", "write_report", "write_xlsx_export", "write_xlsx_template"]
