"""Entry point of the frozen app (both executables): the window, or a command of spec/cli.md.

The Windows build has two executables in one folder: VanBanYTe.exe (windowed: no console,
so its stdout/stderr are None) and VanBanYTe-cli.exe (console, for the command line).
"""

import os
import sys


def _qt_platform_option(argv: list[str]) -> list[str]:
    """Qt's own `-platform NAME` option, honoured before argparse sees the arguments (wine
    drops QT_* environment variables, so `-platform offscreen` is how the frozen Windows
    app is told to run without a screen)."""
    if "-platform" in argv:
        i = argv.index("-platform")
        if i + 1 < len(argv):
            os.environ["QT_QPA_PLATFORM"] = argv[i + 1]
            return argv[:i] + argv[i + 2 :]
    return argv


if __name__ == "__main__":
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:  # windowed executable: printing must not fail
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
        elif not stream.isatty():  # redirected on Windows: the ANSI code page has no "ư", "ạ" …
            stream.reconfigure(encoding="utf-8", errors="replace")
    from desktop.cli import main

    sys.exit(main(_qt_platform_option(sys.argv[1:])))
