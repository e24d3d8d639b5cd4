"""Where the app's bundled files are: the repository (source run) or the frozen bundle."""
from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_DIR_ENV = "VANBANYTE_DATA_DIR"  # overrides the per-user data folder (portable installs, tests)


def app_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def template(name: str) -> Path:
    return app_root().joinpath("templates_docx", name)


def data_dir() -> Path:
    """The per-user data folder (platformdirs): the default database, backups and logs. Qt-free."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    from . import APP_NAME

    # roaming: %APPDATA% on Windows (the profile's folder that follows the user), ~/.local/share on Linux
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))  # %APPDATA%\VanBanYTe
