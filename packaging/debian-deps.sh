#!/usr/bin/env bash
# The Debian/Ubuntu packages the app needs, installed only when missing (apt-get; sudo when not root).
#   bash packaging/debian-deps.sh          the window: Qt's xcb platform plugin and what it links
#                                          (pip's PySide6 wheels carry Qt, not these X11 libraries)
#   bash packaging/debian-deps.sh --test   also what the tests use: Xvfb, fonts metric-compatible with
#                                          Times New Roman that cover Vietnamese, LibreOffice Writer
#                                          (PDF) and Calc (a workbook re-saved as a clerk's office does),
#                                          poppler (PDF to text and pictures), Tesseract with its
#                                          Vietnamese data (a scanned superior plan read by OCR)
set -euo pipefail
# read from `ldd libqxcb.so libQt6XcbQpa.so libQt6Gui.so` of PySide6 6.11/6.12 on Debian 12
pkgs=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
      libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libx11-xcb1
      libxkbcommon0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
      fonts-liberation2)
# the README makes a virtual environment: Debian's python3 needs python3-venv for that (ensurepip)
python3 -c 'import ensurepip' 2>/dev/null || pkgs+=(python3-venv)
if [ "${1:-}" = "--test" ]; then
  pkgs+=(xvfb xauth poppler-utils tesseract-ocr tesseract-ocr-vie)
  command -v soffice >/dev/null || pkgs+=(libreoffice-writer-nogui)
  pkgs+=(libreoffice-calc-nogui)
fi
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=()
for p in "${pkgs[@]}"; do
  # an office installed another way (libreoffice-calc, not -nogui) serves as well
  case "$p" in libreoffice-calc-nogui) installed libreoffice-calc && continue ;; esac
  installed "$p" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "Cài các gói hệ thống còn thiếu: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
