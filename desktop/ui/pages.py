"""What the window needs only once it fills in: the screens, the services and store modules they work
with, and the Qt classes only they use. main.py imports this module at the window's first paint, not
with itself (these imports are most of the start-up time: PySide6 builds each Qt class and its enums on
first use; the domain modules), and uses the names as pages.PlanPage, pages.app.compile_for, …"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QDialog, QFileDialog, QProgressBar

from .. import app
from ..app.documents import guessed_count
from ..store import backups, plans, units
from .dashboard import Dashboard
from .ledger_page import LedgerPage
from .plan_page import PlanPage
from .report_page import ReportPage
from .shortcuts import ShortcutsDialog
from .undo import UndoKeys
from .unit_page import UnitPage

__all__ = [
    "Dashboard",
    "LedgerPage",
    "PlanPage",
    "QAction",
    "QDialog",
    "QFileDialog",
    "QKeySequence",
    "QProgressBar",
    "QShortcut",
    "QUndoStack",
    "ReportPage",
    "ShortcutsDialog",
    "UndoKeys",
    "UnitPage",
    "app",
    "backups",
    "guessed_count",
    "plans",
    "units",
]
