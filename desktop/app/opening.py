"""The database opened before anything else loads: the window opens it first, before it paints, so that a
damaged file is met (and restored or salvaged, ui/dialogs/recovery_dialog.py) before any screen reads it.

Imports only the store's opening (store/db.py): importing the package `desktop.app` loads no service
(app/__init__.py loads each name on first use), so this costs the window's start-up nothing more."""

from __future__ import annotations

from ..store.db import Damaged, open_db

__all__ = ["Damaged", "open_db"]
