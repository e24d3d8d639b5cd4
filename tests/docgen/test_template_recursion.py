"""A unit's template whose macro calls itself without end (issue 25, point 8) is refused in one Vietnamese
line naming the template, never "Lỗi không mong đợi (RecursionError)", and nothing is written."""

from __future__ import annotations

import pytest

from desktop.docgen.render import render_plan
from desktop.domain.errors import UserError

from .test_user_templates import data, make  # noqa: F401 - the module's fixture and template builder

RECURSIVE = [
    "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    "{% macro a(n) %}{{ b(n) }}{% endmacro %}{% macro b(n) %}{{ a(n + 1) }}{% endmacro %}{{ a(0) }}",
    "{% macro m(x) %}{{ m(x ~ 'y') }}{% endmacro %}{{ m('a') }}",
    "{% for i in [1] recursive %}{{ loop([i]) }}{% endfor %}",
]


@pytest.mark.parametrize("source", RECURSIVE)
def test_a_macro_calling_itself_for_ever_names_the_template(tmp_path, data, source):  # noqa: F811
    path = make(tmp_path, "KẾ HOẠCH", source, name="mau_de_quy.docx")
    out = tmp_path / "ra.docx"
    with pytest.raises(UserError) as e:
        render_plan(data["plan"], data["unit"], out, path)
    msg = str(e.value)
    assert "mau_de_quy.docx" in msg and "gọi lại chính nó" in msg and "\n" not in msg, msg
    assert "RecursionError" not in msg and "không mong đợi" not in msg
    assert not out.exists()
