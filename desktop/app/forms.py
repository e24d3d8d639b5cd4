"""The unit's forms of activity: read from its database as a catalogue (domain.forms.Forms) that the caller
passes on, added, edited, hidden (a form in use is hidden, never deleted). A change is seen by a catalogue
read after it (app.load_forms, or Session.reload_forms)."""

from __future__ import annotations

import dataclasses
import sqlite3

from ..domain import forms as domain_forms
from ..domain.errors import UserError
from ..domain.forms import Form, Forms
from ..domain.text import clean, fold
from ..store import activities, db
from ..store import forms as store_forms


def load_forms(conn: sqlite3.Connection) -> Forms:
    """The unit's catalogue as it is in the database now."""
    return Forms(store_forms.load_forms(conn))


# The folded labels of the last connection that added a form: (connection, its state, folded label -> forms).
# The state is the connection's total_changes and PRAGMA data_version: any write since (through this connection
# or another) and the labels are read again; additions in a row read them once (bench/forms_add.py).
_labels: tuple[sqlite3.Connection, tuple[int, int], dict[str, list[Form]]] | None = None


def _folded_labels(conn: sqlite3.Connection) -> dict[str, list[Form]]:
    global _labels
    state = store_forms.state(conn)
    if _labels is None or _labels[0] is not conn or _labels[1] != state:
        index: dict[str, list[Form]] = {}
        for f in store_forms.load_forms(conn):
            index.setdefault(fold(f.label), []).append(f)
        _labels = (conn, state, index)
    return _labels[2]


def _check(conn: sqlite3.Connection, f: Form, typed_tail: bool = True) -> Form:
    f = dataclasses.replace(
        f,
        label=clean(f.label),
        unit=clean(f.unit),
        verb=clean(f.verb) or "Thực hiện",
        people=clean(f.people) or "lượt người tham dự",
    )
    if not f.label or not f.unit:
        raise UserError("Hình thức cần có tên và đơn vị tính.")
    same = [o for o in _folded_labels(conn).get(fold(f.label), []) if o.code != f.code]
    if same:
        raise UserError(f"Đã có hình thức “{same[0].label}”.")
    if typed_tail and "{" in f.tail.replace(domain_forms.UNIT_NAME, "").replace("}", "{"):
        raise UserError(
            f"Phần sau đơn vị tính đã gõ “{f.tail.strip()}” có dấu ngoặc nhọn: trong phần này chỉ dùng được "
            "{unit_name} (tên đơn vị); hãy bỏ các dấu ngoặc nhọn khác."
        )
    return f  # a tail made from the label keeps its braces as text (Form.tail_text replaces {unit_name} only)


def add_form(
    conn: sqlite3.Connection, label: str, unit: str, verb: str = "", tail: str | None = None, people: str = ""
) -> Form:
    """A new form of the unit; `tail` by default the label in lower case (verb "Tổ chức", label "Khám sàng
    lọc": "Tổ chức 03 lượt khám sàng lọc"). UserError when the label or unit is blank or the label taken."""
    global _labels
    label = clean(label)
    typed = tail is not None
    if tail is None:
        tail = " " + label[:1].lower() + label[1:] if label else ""
    taken = store_forms.codes_like(conn, domain_forms.new_code(label, ()))
    f = _check(conn, Form(domain_forms.new_code(label, taken), label, unit, verb, tail, people), typed)
    index = _folded_labels(conn)
    with db.transaction(conn):
        store_forms.add_form(conn, f)
    index.setdefault(fold(f.label), []).append(f)
    _labels = (conn, store_forms.state(conn), index)
    return f


def save_form(conn: sqlite3.Connection, f: Form) -> Form:
    f = _check(conn, f, typed_tail=f.tail != store_forms.tail_of(conn, f.code))  # an unchanged tail is not re-judged
    with db.transaction(conn):
        store_forms.update_form(conn, f)
    return f


def uses(conn: sqlite3.Connection, code: str) -> tuple[int, int]:
    """(activities, plan targets) that name the form: one in use is hidden, not deleted (remove_form)."""
    acts = activities.count_for_form(conn, code)
    return acts, store_forms.uses(conn, code) - acts


def remove_form(conn: sqlite3.Connection, code: str) -> bool:
    """Deletes a form nothing uses; one in use (activities, targets) is hidden instead. True when deleted."""
    with db.transaction(conn):
        used = store_forms.uses(conn, code)
        if used:
            f = next(x for x in store_forms.load_forms(conn) if x.code == code)
            store_forms.update_form(conn, dataclasses.replace(f, hidden=True))
        else:
            store_forms.delete_form(conn, code)
    return not used


def set_hidden(conn: sqlite3.Connection, code: str, hidden: bool) -> None:
    f = next((x for x in store_forms.load_forms(conn) if x.code == code), None)
    if f is None:
        raise UserError(f"Không có hình thức mã “{code}”.")
    with db.transaction(conn):
        store_forms.update_form(conn, dataclasses.replace(f, hidden=hidden))
