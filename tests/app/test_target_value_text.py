"""app.targets.value_text: a recorded rate as the report and `targets` say it, its fraction only when both
of its numbers were recorded (issue 21: found by mypy, a denominator without a numerator raised TypeError)."""

from __future__ import annotations

from desktop.app.targets import value_text
from desktop.domain.models import TargetResult
from desktop.store import db
from tests import targets_plan as fx


def test_a_rate_with_its_fraction_and_without_a_numerator(tmp_path):
    _, (count_id, _, rate_id) = fx.make_db(tmp_path / "v.db")
    conn = db.open_db(tmp_path / "v.db")
    try:
        assert value_text(conn, TargetResult(rate_id, "year", 2025, 98.8, 247, 250)) == "98,8% (247/250)"
        assert value_text(conn, TargetResult(rate_id, "year", 2025, 45.0, None, 250)) == "45%"
        assert value_text(conn, TargetResult(rate_id, "year", 2025, 45.0)) == "45%"
        assert value_text(conn, TargetResult(count_id, "year", 2025, 47111.0)) == "47.111"
    finally:
        conn.close()
