"""The services package loads each name on first use (app/__init__.py), so that the window opens its database
through app/opening.py before it paints without loading the services (issue 21: the window goes through app)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INIT = ROOT / "desktop" / "app" / "__init__.py"


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_the_imports_for_the_reader_and_the_loader_say_the_same():
    """Each name imported under TYPE_CHECKING (what the reader and mypy see) is in `_FROM` with its module."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    guarded = next(n for n in tree.body if isinstance(n, ast.If) and getattr(n.test, "id", "") == "TYPE_CHECKING")
    declared, modules = {}, set()
    for node in guarded.body:
        assert isinstance(node, ast.ImportFrom) and node.level == 1
        for alias in node.names:
            if node.module is None:
                modules.add(alias.name)
            else:
                declared[alias.name] = node.module
    from desktop import app

    assert app._FROM == declared
    assert set(app.__all__) == set(declared) | modules
    assert all((ROOT / "desktop" / "app" / f"{m}.py").is_file() for m in modules | set(declared.values()))


def test_every_name_loads_on_first_use_as_the_object_of_its_module():
    code = (
        "import importlib, sys\n"
        "from desktop import app\n"
        "loaded = [m for m in sys.modules if m.startswith('desktop.app.')]\n"
        "assert not loaded, loaded\n"
        "for name in app.__all__:\n"
        "    value = getattr(app, name)\n"
        "    where = app._FROM.get(name)\n"
        "    want = importlib.import_module(f'desktop.app.{where or name}')\n"
        "    assert value is (getattr(want, name) if where else want), name\n"
        "from desktop.app import Session, plans, safety\n"
        "assert app.plans is plans and Session is app.session.Session\n"
        "print(len(app.__all__))\n"
    )
    assert int(_run(code)) >= 45


def test_opening_the_database_loads_no_service():
    code = (
        "import sys\n"
        "from desktop.app import opening\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith(('desktop.app.', 'desktop.docgen', "
        "'desktop.excel', 'docx', 'openpyxl', 'jinja2')))))\n"
    )
    assert _run(code).split() == ["desktop.app.opening"]


def test_an_unknown_name_is_an_attribute_error():
    from desktop import app

    with pytest.raises(AttributeError, match="no attribute 'compile_four'"):
        app.compile_four  # noqa: B018
    with pytest.raises(AttributeError):
        app._private  # noqa: B018
    with pytest.raises(ImportError):
        from desktop.app import compile_four  # noqa: F401
