#!/usr/bin/env bash
# Linux onedir build + smoke test:  bash packaging/build-linux.sh
# → dist/VanBanYTe/ (VanBanYTe = the window, VanBanYTe-cli = the command line)
#   and dist/VanBanYTe-<version>-linux-x64.tar.gz
# Installs what it needs (Debian packages via .ci/install, pinned PyPI packages), builds with
# build.spec, then runs packaging/smoke.py on the frozen executables (offscreen and under Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
T0=$(date +%s)
step() { echo "=== [$(( $(date +%s) - T0 ))s] $*"; }

step "packages"
bash .ci/install
python3 -m pip install -q -c packaging/requirements-build.txt -e '.[build]'

VERSION=$(python3 -c "import desktop; print(desktop.__version__)")
step "PyInstaller (build.spec) $VERSION"
rm -rf dist/VanBanYTe build/pyinstaller
python3 -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller build.spec
echo "dist/VanBanYTe: $(du -sh dist/VanBanYTe | cut -f1), $(find dist/VanBanYTe -type f | wc -l) files"

step "nothing test-only in the bundle"
python3 packaging/audit_bundle.py dist/VanBanYTe

step "smoke test"
python3 packaging/smoke.py dist/VanBanYTe build/smoke-linux --xvfb

tar -C dist -czf "dist/VanBanYTe-$VERSION-linux-x64.tar.gz" VanBanYTe
step "done: dist/VanBanYTe-$VERSION-linux-x64.tar.gz ($(du -h "dist/VanBanYTe-$VERSION-linux-x64.tar.gz" | cut -f1))"
