"""Refuse a bundle (folder or .zip) holding anything test-only or built for the wine test rig:
the stand-in DLLs of build-windows.sh, tests, benchmarks, pytest, the build scripts.

    python3 packaging/audit_bundle.py dist/VanBanYTe | dist/VanBanYTe-…-windows-x64.zip
"""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

FORBIDDEN = re.compile(
    r"(^|/)(icuuc\.dll|mscms\.dll|windows\.ui\.dll"  # wine stand-ins (they live in the prefix only)
    r"|tests?/|conftest\.py|bench/|pytest[^/]*|_pytest/|pytestqt/|pytest_qt[^/]*"
    r"|build\.spec|build-windows\.sh|build-linux\.sh|smoke\.py|audit_bundle\.py|windows-build-reference\.sh"
    r"|self-test[^/]*|smoke_result\.txt)$|(^|/)(tests|bench|_pytest|pytestqt)/",
    re.IGNORECASE,
)
REQUIRED = [
    "desktop/templates_docx/ke_hoach.docx",
    "desktop/templates_docx/bao_cao.docx",
    "desktop/resources/legal_refs.json",
    "desktop/store/migrations/0001_initial.sql",
    "desktop/nd30/tnr_widths.json",
]


def names(target: Path) -> list[str]:
    if target.suffix == ".zip":
        with zipfile.ZipFile(target) as z:
            return z.namelist()
    return [str(p.relative_to(target)).replace("\\", "/") for p in target.rglob("*") if p.is_file()]


def main() -> int:
    target = Path(sys.argv[1])
    files = names(target)
    bad = [n for n in files if FORBIDDEN.search(n)]
    missing = [r for r in REQUIRED if not any(n.endswith(r) for n in files)]
    if not any(re.search(r"pypdfium2_raw/(lib)?pdfium\.(so|dll|dylib)$", n) for n in files):
        missing.append("pypdfium2_raw/pdfium (PDFium: a superior's plan as PDF)")
    for n in bad:
        print(f"test-only file in the bundle: {n}")
    for r in missing:
        print(f"missing from the bundle: {r}")
    if bad or missing:
        return 1
    print(f"{target}: {len(files)} files, nothing test-only, every data file present")
    return 0


if __name__ == "__main__":
    sys.exit(main())
