"""Where the app's bundled files are (package data beside this module) and where its per-user data goes."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "VANBANYTE_DATA_DIR"  # overrides the per-user data folder (portable installs, tests)


PACKAGE = Path(__file__).resolve().parent  # desktop/: resources/ and templates_docx/ are package data


def resource(*parts: str) -> Path:
    """A bundled resource (catalogue, preset, demo text, icon): package data, so it travels in the
    wheel, the editable install and the frozen bundle (desktop/resources/ in each)."""
    return PACKAGE.joinpath("resources", *parts)


def template(name: str) -> Path:
    return PACKAGE.joinpath("templates_docx", name)


def data_dir() -> Path:
    """The per-user data folder (platformdirs): the default database, backups and logs. Qt-free."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    from . import APP_NAME

    # roaming: %APPDATA% on Windows (the profile's folder that follows the user), ~/.local/share on Linux
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))  # %APPDATA%\VanBanYTe
