"""The layers of desktop/, read from the source with ast (nothing is imported):

    domain  ←  store / docgen / excel / nd30  ←  app (the services)  ←  ui (Qt) and cli.py

(a) imports go one way only, and the window (ui) goes through the services: it imports app and domain, and of
the small shared modules paths, files, lock and log, never store, docgen, excel or nd30; (b) SQL stays in desktop/store; (c) Qt (PySide6) stays in desktop/ui and
desktop/lock.py; (d) no module imports another module's private (_underscore) name. A failure names
the file and line. And the window paints before the heavy libraries load: importing desktop.ui.main
imports neither the screens, the services nor python-docx, openpyxl or Jinja."""

from __future__ import annotations

import ast
import functools
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "desktop"

LOWER = {"store", "docgen", "excel", "nd30"}  # the layers over domain, under app
QT_ALLOWED = ("desktop/ui/", "desktop/lock.py")
UI_IMPORTERS = ("desktop/ui/", "desktop/__main__.py", "desktop/cli.py")  # the entry points start the window
UI_USES = {"ui", "app", "domain", "paths", "files", "lock", "log"}  # and `from .. import APP_NAME, __version__`
SQL_START = re.compile(r"\s*(SELECT|INSERT|UPDATE|DELETE|CREATE)\s")
SQL_CALLS = {"execute", "executemany", "executescript"}


@functools.cache
def _modules() -> list[tuple[str, str, ast.Module]]:
    """(path relative to the repository, dotted module name, tree) of every module of desktop/."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out.append((rel, ".".join(parts), ast.parse(path.read_text(encoding="utf-8"), rel)))
    return out


def _is_package(rel: str) -> bool:
    return rel.endswith("/__init__.py")


def _imports(rel: str, name: str, tree: ast.Module):
    """(line, imported dotted name) for every import, lazy ones in functions too; `from x import y`
    gives x.y as well (y may be a module)."""
    package = name if _is_package(rel) else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            yield node.lineno, target
            for alias in node.names:
                yield node.lineno, f"{target}.{alias.name}"


def _layer(dotted: str) -> str | None:
    """'desktop.store.plans' → 'store', 'desktop.cli' → 'cli'; None outside desktop."""
    parts = dotted.split(".")
    if parts[0] != "desktop":
        return None
    return parts[1] if len(parts) > 1 else "desktop"


def _allowed(src: str, rel: str, dst: str) -> bool:
    if dst == "ui":
        return rel.startswith(UI_IMPORTERS)
    if src == "ui":
        return dst in UI_USES or dst in {"APP_NAME", "__version__"}
    if src == "domain":
        return dst == "domain"
    if src in LOWER:
        return dst not in {"app", "ui", "cli"}
    if src == "app":
        return dst not in {"ui", "cli"}
    return True


def test_imports_go_one_way():
    broken = []
    for rel, name, tree in _modules():
        src = _layer(name)
        for line, target in _imports(rel, name, tree):
            dst = _layer(target)
            if dst in (None, "desktop"):  # outside desktop; `from .. import x` is judged by desktop.x
                continue
            if not _allowed(src, rel, dst):
                broken.append(f"{rel}:{line}: {src} imports {target}")
    assert not broken, "imports against the layers (domain ← store/docgen/excel/nd30 ← app ← ui, cli):\n" + "\n".join(
        sorted(set(broken))
    )


def _sql(tree: ast.Module):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_CALLS:
            yield node.lineno, f".{node.func.attr}(…)"
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_START.match(node.value):
            yield node.lineno, repr(node.value[:40])
        elif (
            isinstance(node, ast.JoinedStr)
            and node.values
            and isinstance(node.values[0], ast.Constant)
            and SQL_START.match(str(node.values[0].value))
        ):
            yield node.lineno, "f" + repr(str(node.values[0].value)[:40])


def test_sql_only_in_the_store():
    found = [
        f"{rel}:{line}: {what}"
        for rel, _, tree in _modules()
        if not rel.startswith("desktop/store/")
        for line, what in _sql(tree)
    ]
    assert not found, "SQL outside desktop/store:\n" + "\n".join(found)


def test_qt_only_in_the_window():
    found = [
        f"{rel}:{line}: imports {target}"
        for rel, name, tree in _modules()
        if not rel.startswith(QT_ALLOWED)
        for line, target in _imports(rel, name, tree)
        if target.split(".")[0] == "PySide6"
    ]
    assert not found, "PySide6 outside desktop/ui and desktop/lock.py:\n" + "\n".join(sorted(set(found)))


def test_no_private_names_across_modules():
    found = []
    for rel, _, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        found.append(
                            f"{rel}:{node.lineno}: imports {alias.name} from {'.' * node.level}{node.module or ''}"
                        )
    assert not found, "private names imported from another module:\n" + "\n".join(found)


def test_the_checks_see_a_broken_rule(tmp_path):
    """The checks above read what they should: a domain module importing ui, SQL and Qt in app."""
    for target in ("desktop.store.db", "desktop.docgen.render", "desktop.excel", "desktop.nd30.rules"):
        assert not _allowed("ui", "desktop/ui/main.py", _layer(target)), target
    assert _allowed("ui", "desktop/ui/main.py", _layer("desktop.app.opening"))
    domain = ast.parse("from ..ui import common\n")
    assert not _allowed(
        "domain",
        "desktop/domain/x.py",
        _layer(next(t for _, t in _imports("desktop/domain/x.py", "desktop.domain.x", domain))),
    )
    app = ast.parse("def f(conn):\n    conn.execute('SELECT 1')\n    from PySide6.QtCore import QTimer\n")
    assert [line for line, _ in _sql(app)] == [2, 2]
    assert ("desktop/app/x.py", 3) in [
        ("desktop/app/x.py", line)
        for line, t in _imports("desktop/app/x.py", "desktop.app.x", app)
        if t.startswith("PySide6")
    ]


def test_window_module_loads_no_screen_and_no_document_library():
    heavy = [
        "docx",
        "openpyxl",
        "jinja2",
        "docxtpl",
        "desktop.docgen",
        "desktop.excel",
        "desktop.ui.actions",
        "desktop.ui.pages",
        "desktop.ui.pages.plan_page",
        "desktop.ui.pages.ledger_page",
        "desktop.ui.pages.report_page",
        "desktop.ui.pages.unit_page",
        "desktop.ui.pages.dashboard",
    ]
    # the services too: the window opens its database through desktop.app.opening, and the package
    # desktop.app loads each service on first use (app/__init__.py)
    code = (
        f"import sys; import desktop.ui.main; print(' '.join(m for m in sys.modules if m in {heavy!r} "
        "or m.startswith('desktop.app.') and m != 'desktop.app.opening'))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [], f"importing desktop.ui.main imported {out.stdout.split()}"
