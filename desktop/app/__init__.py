"""The services layer: the workflows the window (ui/) and the command line (cli.py) call.

ui → app → docgen / excel / store → domain: nothing here imports Qt, and SQL stays in store/.
"""

from __future__ import annotations

from . import activities, cascade, catalogue, evidence, reports
from .documents import (
    compile_for,
    period_of_plan,
    plan_year,
    previous_plan,
    report_for,
    resolve_plan_id,
    set_cutoff,
    write_plan,
    write_report,
)
from .forms import add_form, load_forms, remove_form, save_form, set_hidden
from .plans import (
    PlanExists,
    catalogue_citation,
    clear_superior,
    copy_plan_to_year,
    delete_item,
    delete_plan,
    guess_roles,
    new_plan_from_preset,
    next_year_preview,
    plan_activity_count,
    save_item,
    set_basis,
    set_superior,
    task_activity_count,
)
from .session import Session
from .setup import create_demo_database, create_unit_database
from .units import delete_department, department_activity_count, save_profile
from .workbooks import commit_import, excel_lookup, existing_keys, read_imports, write_xlsx_export, write_xlsx_template

__all__ = [
    "add_form",
    "load_forms",
    "remove_form",
    "save_form",
    "set_hidden",
    "activities",
    "reports",
    "Session",
    "cascade",
    "catalogue",
    "evidence",
    "catalogue_citation",
    "clear_superior",
    "commit_import",
    "compile_for",
    "copy_plan_to_year",
    "PlanExists",
    "next_year_preview",
    "period_of_plan",
    "plan_year",
    "set_cutoff",
    "previous_plan",
    "report_for",
    "create_demo_database",
    "create_unit_database",
    "delete_department",
    "delete_item",
    "delete_plan",
    "department_activity_count",
    "excel_lookup",
    "existing_keys",
    "guess_roles",
    "new_plan_from_preset",
    "plan_activity_count",
    "read_imports",
    "resolve_plan_id",
    "save_item",
    "save_profile",
    "set_basis",
    "set_superior",
    "task_activity_count",
    "write_plan",
    "write_report",
    "write_xlsx_export",
    "write_xlsx_template",
]
