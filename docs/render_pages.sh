#!/usr/bin/env bash
# Renders a Kế hoạch with a 50-character unit name and the Báo cáo of 5 000 demo activities, and
# writes a few of their pages as PNG into docs/pages/ (LibreOffice -> PDF -> pdftoppm -r 60), to
# look at what a reader gets: the header, the page of the signature, the landscape appendix
# (its first page, a page where a long month goes on, the last page with the totals).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m desktop demo --db "$work/demo.db" --activities 5000 >/dev/null
python3 - "$work" <<'PY'
import dataclasses, sys
from pathlib import Path
from desktop.docgen.render import render_plan
from desktop.store import db, plans, units
work = Path(sys.argv[1])
conn = db.open_db(work / "demo.db")
unit = dataclasses.replace(units.load_unit(conn), name="Trung tâm Kiểm soát bệnh tật tỉnh Bình Thuận Nam Bộ",
                           parent_body="Sở Y tế tỉnh Bình Thuận")
render_plan(plans.load_plan(conn, plans.latest_plan_id(conn)), unit, work / "ke_hoach.docx")
PY
python3 -m desktop render report --db "$work/demo.db" --out "$work/bao_cao.docx" >/dev/null
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" \
    "$work/ke_hoach.docx" "$work/bao_cao.docx" >/dev/null 2>&1
page_of() {  # first page of $1 whose text holds $2
    local n
    n=$(pdfinfo "$1" | awk '/^Pages/ {print $2}')
    for ((i = 1; i <= n; i++)); do
        if pdftotext -f "$i" -l "$i" "$1" - | grep -q -- "$2"; then echo "$i"; return; fi
    done
}
shot() {  # shot PDF PAGE NAME
    pdftoppm -r 60 -png -f "$2" -l "$2" -singlefile "$1" "docs/pages/$3"
}
rm -rf docs/pages && mkdir -p docs/pages
kh="$work/ke_hoach.pdf" bc="$work/bao_cao.pdf"
shot "$kh" 1 ke_hoach-ten-dai-trang-1
shot "$kh" "$(page_of "$kh" "Nơi nhận:")" ke_hoach-ten-dai-trang-ky
shot "$bc" 1 bao_cao-5000-trang-1
shot "$bc" 2 bao_cao-5000-trang-2
shot "$bc" "$(page_of "$bc" "Nơi nhận:")" bao_cao-5000-trang-ky
first=$(page_of "$bc" "DANH SÁCH HOẠT ĐỘNG")
shot "$bc" "$first" bao_cao-5000-phu-luc-dau
shot "$bc" "$(page_of "$bc" "(tiếp theo)")" bao_cao-5000-phu-luc-tiep-theo
shot "$bc" "$(pdfinfo "$bc" | awk '/^Pages/ {print $2}')" bao_cao-5000-trang-cuoi
ls docs/pages
