"""Adding forms of activity: a label with braces ("{{x}}") is text like any other, in the catalogue and in the
report's sentence; and adding a form does not read every form again (10 000 forms took 1 408 s: each addition
folded every label; the time is measured by bench/forms_add.py)."""

from __future__ import annotations

import pytest

from desktop import app, cli
from desktop.domain.errors import UserError
from desktop.domain.report import FormLine
from desktop.store import db
from desktop.store import forms as store_forms


@pytest.fixture
def conn(tmp_path):
    c = db.create(tmp_path / "f.db")
    yield c
    c.close()


def test_a_label_with_braces_is_accepted_as_typed(conn):
    f = app.add_form(conn, "Khám {{x}} sàng lọc {lao}", "lượt", "Tổ chức")
    forms = app.load_forms(conn)
    assert forms.form(f.code).label == "Khám {{x}} sàng lọc {lao}"
    line = FormLine(f.code, "lượt", forms.form(f.code), quantity=3)
    assert line.sentence("Bệnh viện A") == "Tổ chức 03 lượt khám {{x}} sàng lọc {lao}"


def test_a_typed_tail_with_other_braces_is_refused_quoting_it(conn):
    with pytest.raises(UserError) as e:
        app.add_form(conn, "Hội thi", "cuộc", "Tổ chức", tail=" hội thi {vui} của {unit_name}")
    assert "“hội thi {vui} của {unit_name}”" in str(e.value) and "đã gõ" in str(e.value)
    f = app.add_form(conn, "Hội thi", "cuộc", "Tổ chức", tail=" hội thi của {unit_name}")
    line = FormLine(f.code, "cuộc", app.load_forms(conn).form(f.code), quantity=2)
    assert line.sentence("Bệnh viện A") == "Tổ chức 02 cuộc hội thi của Bệnh viện A"


def test_a_form_made_from_a_braced_label_is_saved_again_unchanged(conn):
    import dataclasses

    f = app.add_form(conn, "Khám {{x}}", "lượt")
    saved = app.save_form(conn, dataclasses.replace(app.load_forms(conn).form(f.code), unit="người"))
    assert saved.tail == " khám {{x}}" and app.load_forms(conn).form(f.code).unit == "người"


def test_a_label_with_braces_on_the_command_line(tmp_path, capsys):
    p = tmp_path / "f.db"
    db.create(p).close()
    assert cli.main(["forms", "add", "--db", str(p), "--label", "Truyền thông {{số}}", "--unit", "buổi"]) == 0
    assert cli.main(["forms", "--db", str(p)]) == 0
    assert "\tTruyền thông {{số}}\tbuổi\t" in capsys.readouterr().out


def test_the_same_label_is_still_refused_after_many_additions(conn):
    for i in range(30):
        app.add_form(conn, f"Hình thức {i}", "lượt")
    with pytest.raises(UserError, match="Đã có hình thức “Hình thức 7”"):
        app.add_form(conn, "hinh thuc 7", "lượt")
    # a change made meanwhile by other means is seen too
    with db.transaction(conn):
        conn.execute("UPDATE forms SET label = 'Đổi tên' WHERE label = 'Hình thức 8'")
    app.add_form(conn, "Hình thức 8", "lượt")
    with pytest.raises(UserError, match="Đổi tên"):
        app.add_form(conn, "đổi tên", "lượt")


def test_adding_forms_reads_the_catalogue_once(conn, monkeypatch):
    app.add_form(conn, "Hình thức đầu", "lượt")
    reads = []
    real = store_forms.load_forms
    monkeypatch.setattr(store_forms, "load_forms", lambda c: reads.append(1) or real(c))
    for i in range(50):
        app.add_form(conn, f"Hình thức {i}", "lượt")
    assert len(reads) <= 1
    assert len(app.load_forms(conn).forms) == 10 + 51
