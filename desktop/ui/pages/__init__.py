"""The window's five screens. main.py imports this module when the window fills in (its first paint), not
with itself: these imports are most of the start-up time (PySide6 builds each Qt class and its enums on first
use; the domain modules the screens read). The screens reach the data through the services (desktop.app)."""

from __future__ import annotations

from .dashboard import Dashboard
from .ledger_page import LedgerPage
from .plan_page import PlanPage
from .report_page import ReportPage
from .unit_page import UnitPage

__all__ = ["Dashboard", "LedgerPage", "PlanPage", "ReportPage", "UnitPage"]
