from __future__ import annotations

import pytest

from desktop.nd30 import Finding, check_docx

from .builder import Builder


@pytest.fixture
def check(tmp_path):
    counter = iter(range(10_000))

    def run(builder: Builder) -> list[Finding]:
        return check_docx(builder.save(tmp_path / f"doc{next(counter)}.docx"))

    return run
