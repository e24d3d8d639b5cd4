"""Undo and redo for the whole window: Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z) undo the last ledger or plan change
wherever the focus is — except in a text field that has typing of its own to undo, which goes first.
Also the plan's undo commands (items added, deleted, moved, edited)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QUndoCommand
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from .. import app
from ..app.plans import ItemCopy
from ..domain.models import PlanItem

__all__ = ["ItemCopy", "ItemCreated", "ItemEdited", "ItemMoved", "UndoKeys", "item_ids", "own_undo"]


def _which(event) -> str | None:
    """'undo', 'redo' or None for a key event."""
    ctrl = bool(event.modifiers() & Qt.ControlModifier)
    shift = bool(event.modifiers() & Qt.ShiftModifier)
    if event.matches(QKeySequence.Undo) or (ctrl and not shift and event.key() == Qt.Key_Z):
        return "undo"
    if (
        event.matches(QKeySequence.Redo)
        or (ctrl and event.key() == Qt.Key_Y)
        or (ctrl and shift and event.key() == Qt.Key_Z)
    ):
        return "redo"
    return None


def own_undo(widget: QWidget, which: str) -> bool:
    """Whether a text field has typing of its own to undo (redo)."""
    if isinstance(widget, QAbstractSpinBox):
        widget = widget.findChild(QLineEdit)
    elif isinstance(widget, QComboBox):
        widget = widget.lineEdit()
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly() and (widget.isUndoAvailable() if which == "undo" else widget.isRedoAvailable())
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        doc = widget.document()
        return not widget.isReadOnly() and (doc.isUndoAvailable() if which == "undo" else doc.isRedoAvailable())
    return False


class UndoKeys(QObject):
    """Installed on the application: takes Ctrl+Z / Ctrl+Y away from a widget of `window` that has nothing
    of its own to undo, and undoes (redoes) the window's last change instead; `done` is told what was.
    `before` is called first: the editors' pending saves (typed less than a pause ago) become the last step,
    so Ctrl+Z undoes the change just made, never the one before it under a change still unsaved."""

    def __init__(self, window: QWidget, stack, done=None, before=None, floor: int | None = None):
        super().__init__(window)
        self.window, self.stack, self.done, self.before = window, stack, done, before
        self.floor = floor  # a dialog on the window's stack: undoes its own steps only, not those under them

    def eventFilter(self, obj, event):  # noqa: N802
        kind = event.type()
        if kind not in (QEvent.ShortcutOverride, QEvent.KeyPress) or not isinstance(obj, QWidget):
            return False
        which = _which(event)
        if which is None or obj.window() is not self.window or own_undo(obj, which):
            return False
        if kind == QEvent.ShortcutOverride:
            event.accept()  # no shortcut: the key comes to us as a key press
            return True
        self.run(which)
        return True

    def run(self, which: str) -> str:
        """Undo (redo) the window's last change; the message shown."""
        if self.before:
            self.before()
        if which == "undo":
            if self.floor is not None and self.stack.index() <= self.floor:
                msg = "Không còn gì để hoàn tác trong cửa sổ này."
                if self.done:
                    self.done(msg)
                return msg
            text = self.stack.undoText()
            msg = f"Đã hoàn tác: {text}." if self.stack.canUndo() else "Không còn gì để hoàn tác."
            self.stack.undo()
        else:
            text = self.stack.redoText()
            msg = f"Đã làm lại: {text}." if self.stack.canRedo() else "Không còn gì để làm lại."
            self.stack.redo()
        if self.done:
            self.done(msg)
        return msg


# ---------------------------------------------------------------- the plan's commands
def item_ids(it: PlanItem) -> list[int]:
    return [it.id] + [i for c in it.children for i in item_ids(c)]


class _PlanCommand(QUndoCommand):
    """Item ids change when an item is put back: `page.item_ids` maps a first id to the current one."""

    def __init__(self, page, text: str):
        super().__init__(text)
        self.page, self.plan_id = page, page.plan.id

    def resolve(self, item_id: int | None) -> int | None:
        seen = self.page.item_ids
        while item_id in seen:
            item_id = seen[item_id]
        return item_id

    def create(self, copy: ItemCopy, parent_id: int | None, index: int | None) -> None:
        """The item (back) in the plan, with everything under it (app.plans.recreate_item)."""
        ids = app.plans.recreate_item(self.page.conn, self.plan_id, copy, self.resolve(parent_id), index)
        for first, now in ids.items():
            if first != now:
                self.page.item_ids[first] = now
            else:  # SQLite gave the same id back
                self.page.item_ids.pop(first, None)

    def show(self, select_id: int | None) -> None:
        self.page.show_plan_change(self.plan_id, self.resolve(select_id))


class ItemCreated(_PlanCommand):
    """An item added (undo deletes it) or an item deleted (undo puts it back, with the activities under it)."""

    def __init__(
        self, page, copy: ItemCopy, parent_id: int | None, index: int | None, text: str, deleted: bool = False
    ):
        super().__init__(page, text)
        self.copy, self.parent_id, self.index, self.deleted = copy, parent_id, index, deleted
        self.first = True

    def _make(self):
        self.create(self.copy, self.parent_id, self.index)
        return self.copy.old_id

    def _drop(self):
        app.delete_item(self.page.conn, self.resolve(self.copy.old_id))

    def redo(self):
        if self.deleted:
            self._drop()
            self.show(self.parent_id)
        else:
            self.show(self._make())
        self.first = False

    def undo(self):
        if self.deleted:
            self.show(self._make())
        else:
            self._drop()
            self.show(self.parent_id)


class ItemMoved(_PlanCommand):
    def __init__(self, page, item_id: int, before: tuple[int | None, int], after: tuple[int | None, int], text: str):
        super().__init__(page, text)
        self.item_id, self.before, self.after = item_id, before, after

    def _go(self, where):
        app.plans.move_item(self.page.conn, self.resolve(self.item_id), self.resolve(where[0]), where[1])
        self.show(self.item_id)

    def redo(self):
        self._go(self.after)

    def undo(self):
        self._go(self.before)


class ItemEdited(_PlanCommand):
    """An item's fields saved; consecutive saves of the same item merge into one step."""

    def __init__(self, page, item_id: int, old: dict, new: dict, text: str):
        super().__init__(page, text)
        self.item_id, self.old, self.new = item_id, old, new
        self.first = True

    def id(self):  # noqa: A003 — QUndoCommand's merge id
        return 1001

    def mergeWith(self, other) -> bool:  # noqa: N802
        if isinstance(other, ItemEdited) and other.item_id == self.item_id:
            self.new = other.new
            return True
        return False

    def redo(self):
        app.save_item(self.page.conn, self.resolve(self.item_id), **self.new)
        if not self.first:
            self.show(self.item_id)
        self.first = False

    def undo(self):
        app.save_item(self.page.conn, self.resolve(self.item_id), **self.old)
        self.show(self.item_id)
