#!/usr/bin/env bash
# Renders the demo Kế hoạch and Báo cáo and writes their pages as PNG into docs/pages/
# (LibreOffice -> PDF -> pdftoppm), to look at what the app produces.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m desktop demo --db "$work/demo.db" >/dev/null
python3 -m desktop render plan --db "$work/demo.db" --out "$work/ke_hoach.docx" --pdf >/dev/null
python3 -m desktop render report --db "$work/demo.db" --out "$work/bao_cao.docx" --pdf >/dev/null
rm -rf docs/pages && mkdir -p docs/pages
pdftoppm -r 70 -png "$work/ke_hoach.pdf" docs/pages/ke_hoach
pages=$(pdfinfo "$work/bao_cao.pdf" | awk '/^Pages/ {print $2}')
pdftoppm -r 70 -png -l 5 "$work/bao_cao.pdf" docs/pages/bao_cao
pdftoppm -r 70 -png -f "$pages" -l "$pages" "$work/bao_cao.pdf" docs/pages/bao_cao
ls docs/pages
