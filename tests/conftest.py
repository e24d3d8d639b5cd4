import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the per-user data folder (logs, default database) of the tests and of the commands they run
if "VANBANYTE_DATA_DIR" not in os.environ:
    import tempfile

    os.environ["VANBANYTE_DATA_DIR"] = tempfile.mkdtemp(prefix="vbyt-test-data-")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """A demo database made once per session; tests that write copy it."""
    from desktop.store.demo import create_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    create_demo(path, 150, 1)
    return path


@pytest.fixture
def demo_copy(demo_db, tmp_path) -> Path:
    import shutil

    dest = tmp_path / "demo.db"
    shutil.copy(demo_db, dest)
    return dest


def pytest_collection_modifyitems(config, items):
    """Tests marked `libreoffice` need soffice: skipped, with the reason, where it is not installed."""
    if shutil.which("soffice") or shutil.which("libreoffice"):
        return
    skip = pytest.mark.skip(reason="LibreOffice is not installed")
    for item in items:
        if "libreoffice" in item.keywords:
            item.add_marker(skip)
