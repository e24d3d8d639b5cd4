"""Where the app's bundled files are: the repository (source run) or the frozen bundle."""
from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def template(name: str) -> Path:
    return app_root().joinpath("templates_docx", name)
