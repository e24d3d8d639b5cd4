"""What the frozen app leaves out of PySide6, shared by build.spec and bench/frozen_start.py
(the hello-PySide6 baseline is slimmed the same way, so the comparison is fair).

The app uses QtCore, QtGui and QtWidgets only. Everything below was measured absent from a
working bundle on Linux and Windows (see README, "Đóng gói").
"""

from __future__ import annotations

import re

EXCLUDES = [
    "tkinter",
    "numpy",
    "yaml",
    "charset_normalizer",
    "PIL",
    "unittest",
    "pydoc",
    "doctest",
    "xmlrpc",
    "pdb",
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSvg",
    "PySide6.QtSvgWidgets",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtPdf",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtPrintSupport",
]

# Paths inside the bundle (forward slashes, lower case) that are dropped.
_DROP = re.compile(
    "|".join(
        [
            r"translations/[^/]+\.qm$",  # Qt 6 ships no Vietnamese .qm: desktop/ui/qt_vi.py translates Qt's strings
            r"plugins/platforms/.*(wayland|eglfs|vnc|linuxfb|minimal|direct2d|vkkhrdisplay)",
            r"plugins/(tls|networkinformation|platforminputcontexts|generic|egldeviceintegrations|"
            r"wayland[^/]*|xcbglintegrations|sqldrivers|qmltooling|designer|printsupport|vectorimageformats|"
            r"iconengines)/",
            r"plugins/platformthemes/.*gtk3",
            r"plugins/imageformats/.*(pdf|svg|tiff|webp|tga|wbmp|icns)",
            r"(^|/)(lib)?qt6(network|pdf|svg|qml|quick|opengl|virtualkeyboard|waylandclient|wlshell|"
            r"eglfs|sql|xml|concurrent|printsupport)[^/]*\.(so[.0-9]*|dll)$",
            r"(^|/)opengl32sw\.dll$",  # Mesa software OpenGL: Qt Widgets draw without OpenGL
            r"(^|/)lib(cairo|pango|pixman|gdk|gtk|atk|harfbuzz-gobject|epoxy)[^/]*\.so[.0-9]*$",  # left by the gtk3 theme
        ]
    )
)


def keep(dest: str) -> bool:
    return _DROP.search(dest.replace("\\", "/").lower()) is None


def slim(toc):
    """A TOC (list of (dest, src, kind)) without the dropped entries."""
    return [entry for entry in toc if keep(entry[0])]
