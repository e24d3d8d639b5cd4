"""The Windows zip a clerk unzips anywhere: VanBanYTe-<version>/ holding the onedir bundle and
"Đọc tôi.txt" (UTF-8 with BOM and CRLF, so every Notepad shows the accents).

    python3 packaging/make_zip.py DIST_DIR OUT.zip VERSION
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    dist, out, version = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    top = f"VanBanYTe-{version}"
    readme = (HERE / "doc_toi.txt").read_text(encoding="utf-8").replace("{version}", version)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for f in sorted(p for p in dist.rglob("*") if p.is_file()):
            z.write(f, f"{top}/{f.relative_to(dist).as_posix()}")
        # names are stored as UTF-8 (zipfile sets the flag), which Windows Explorer reads
        z.writestr(f"{top}/Đọc tôi.txt", "\ufeff" + readme.replace("\n", "\r\n"))
    tmp.replace(out)
    print(f"{out}: {out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
