"""The services layer: the workflows the window (ui/) and the command line (cli.py) call.

ui → app → docgen / excel / store → domain: nothing here imports Qt, and SQL stays in store/.

Importing the package loads no service: each name is imported on its first use (`app.compile_for` loads
app/documents.py then, `app.plans` app/plans.py), so that the window opens its database through
app/opening.py before it paints without loading the rest (start-up: tests/test_architecture.py checks it).
The names are written twice, as imports for the reader and the type checker, and in `_FROM` for the
loader; tests/app/test_package.py keeps the two the same.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import (
        activities,
        backups,
        cascade,
        catalogue,
        documents,
        evidence,
        forms,
        opening,
        plans,
        previews,
        reports,
        safety,
        session,
        setup,
        templates,
        units,
        workbooks,
    )
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
    from .workbooks import (
        commit_import,
        excel_lookup,
        existing_keys,
        read_imports,
        write_xlsx_export,
        write_xlsx_template,
    )


# name → the module of the package that defines it (any module of the package is a name too: app.plans)
_FROM = {
    "compile_for": "documents",
    "period_of_plan": "documents",
    "plan_year": "documents",
    "previous_plan": "documents",
    "report_for": "documents",
    "resolve_plan_id": "documents",
    "set_cutoff": "documents",
    "write_plan": "documents",
    "write_report": "documents",
    "add_form": "forms",
    "load_forms": "forms",
    "remove_form": "forms",
    "save_form": "forms",
    "set_hidden": "forms",
    "PlanExists": "plans",
    "catalogue_citation": "plans",
    "clear_superior": "plans",
    "copy_plan_to_year": "plans",
    "delete_item": "plans",
    "delete_plan": "plans",
    "guess_roles": "plans",
    "new_plan_from_preset": "plans",
    "next_year_preview": "plans",
    "plan_activity_count": "plans",
    "save_item": "plans",
    "set_basis": "plans",
    "set_superior": "plans",
    "task_activity_count": "plans",
    "Session": "session",
    "create_demo_database": "setup",
    "create_unit_database": "setup",
    "delete_department": "units",
    "department_activity_count": "units",
    "save_profile": "units",
    "commit_import": "workbooks",
    "excel_lookup": "workbooks",
    "existing_keys": "workbooks",
    "read_imports": "workbooks",
    "write_xlsx_export": "workbooks",
    "write_xlsx_template": "workbooks",
}

__all__ = [
    "backups",
    "documents",
    "forms",
    "opening",
    "plans",
    "previews",
    "safety",
    "session",
    "setup",
    "templates",
    "units",
    "workbooks",
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


if not TYPE_CHECKING:  # the type checker reads the imports above; an unknown name stays an error for it

    def __getattr__(name: str) -> Any:
        """A name of the services, or a module of the package, imported now (once: it is kept)."""
        if name.startswith("_"):
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        where = _FROM.get(name)
        module = f"{__name__}.{where or name}"
        try:
            value = importlib.import_module(module)
        except ModuleNotFoundError as e:
            if where is not None or e.name != module:
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
        if where is not None:
            value = getattr(value, name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(globals()) | set(__all__))
