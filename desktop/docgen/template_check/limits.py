"""Bounds on what a template may make while it renders, so that a unit's own template can never exhaust the
machine's memory or time: `'a' * 10**10`, `'%2000000000s'|format`, `'x'.ljust(2e9)`, `list * 99999`,
`range(10**9)`, loops nested three deep, a macro that doubles a string at each call.

Every operation that can make something large from something small is checked *before* it runs (the
size it would make is known from its operands); the output is counted as it is produced; a per-render
deadline is enforced by a watchdog thread that raises TemplateTimeout in the rendering thread (at its
next bytecode), so even a loop over the app's own lists with nothing in its body ends.
"""

from __future__ import annotations

import ctypes
import math
import re
import threading
import time

from jinja2.exceptions import TemplateRuntimeError

MAX_TEXT = 1_000_000  # characters of one string a template builds
MAX_ITEMS = 100_000  # items of one list, or of one range
MAX_STEPS = 2_000_000  # items of all the ranges of one render
MAX_WIDTH = 10_000  # padding, indent and format widths
MAX_BITS = 100_000  # an integer's size
MAX_OUTPUT = 50_000_000  # characters of one rendered part (a long report is a few million)
DEADLINE = 30.0  # seconds per rendered part


def _n(x) -> str:
    return f"{x:,}".replace(",", ".")


class TemplateLimit(TemplateRuntimeError):
    """A template asked for more than a document ever needs (said in Vietnamese; render.py names the template)."""

    def __init__(self, message: str = ""):
        super().__init__(message + "; không tạo văn bản, dữ liệu không thay đổi")


class TemplateTimeout(TemplateLimit):
    def __init__(self, message: str = ""):
        super().__init__(message or f"mẫu chạy quá {DEADLINE:g} giây (vòng lặp quá lớn hoặc không dừng)")


def text_limit(n: int, what: str) -> None:
    if n > MAX_TEXT:
        raise TemplateLimit(f"mẫu đòi tạo một đoạn chữ dài {_n(n)} ký tự ({what}), giới hạn {_n(MAX_TEXT)}")


def items_limit(n: int, what: str) -> None:
    if n > MAX_ITEMS:
        raise TemplateLimit(f"mẫu đòi tạo một danh sách {_n(n)} phần tử ({what}), giới hạn {_n(MAX_ITEMS)}")


def width_limit(w, what: str) -> None:
    try:
        w = int(w)
    except (TypeError, ValueError, OverflowError):
        return
    if w > MAX_WIDTH:
        raise TemplateLimit(f"mẫu đòi độ rộng {_n(w)} ký tự ({what}), giới hạn {_n(MAX_WIDTH)}")


_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[diouxXeEfFgGcrsa%]")


def format_spec_limit(fmt: str) -> None:
    """'%2000000000s' and '%.*f': widths and precisions in a %-format are bounded."""
    for m in _SPEC.finditer(fmt):
        for g in m.groups():
            if g == "*":
                raise TemplateLimit("mẫu dùng độ rộng '*' trong chuỗi định dạng")
            if g is not None:
                width_limit(g, "chuỗi định dạng")


def _size(x) -> int | None:
    return len(x) if isinstance(x, (str, bytes, list, tuple)) else None


def check_binop(op: str, left, right) -> None:
    """Before `left op right` runs: the size it would make."""
    if op == "*":
        for seq, n in ((left, right), (right, left)):
            if _size(seq) is not None and isinstance(n, int) and not isinstance(n, bool):
                total = len(seq) * max(n, 0)
                (text_limit if isinstance(seq, (str, bytes)) else items_limit)(total, "phép nhân")
        if isinstance(left, int) and isinstance(right, int):
            if left.bit_length() + right.bit_length() > MAX_BITS:
                raise TemplateLimit("mẫu đòi một số quá lớn (phép nhân)")
    elif op == "**":
        if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
            if right * math.log2(abs(left)) > MAX_BITS:
                raise TemplateLimit(f"mẫu đòi một số quá lớn ({left} ** {right})")
    elif op == "+":
        a, b = _size(left), _size(right)
        if a is not None and b is not None:
            (text_limit if isinstance(left, str) else items_limit)(a + b, "phép cộng")
    elif op == "%" and isinstance(left, str):
        format_spec_limit(left)


_PADDERS = {"center", "ljust", "rjust", "zfill", "expandtabs"}


def check_call(obj, args, kwargs) -> None:
    """Before a call: padding widths of str methods, the size of replace and join, strings passed along."""
    for a in list(args) + list(kwargs.values()):
        if isinstance(a, str):
            text_limit(len(a), "tham số")
        elif isinstance(a, (list, tuple)):
            items_limit(len(a), "tham số")
    owner, name = getattr(obj, "__self__", None), getattr(obj, "__name__", "")
    if not isinstance(owner, str):
        return
    if name in _PADDERS:
        for a in list(args[:1]) + [kwargs.get("width"), kwargs.get("tabsize")]:
            width_limit(a, name)
            if isinstance(a, int):
                text_limit(a if name != "expandtabs" else len(owner) * a, name)
    elif name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
        count = owner.count(args[0]) if args[0] else len(owner) + 1
        text_limit(len(owner) + count * len(args[1]), "replace")
    elif name == "join" and args and isinstance(args[0], (list, tuple)):
        items = args[0]
        text_limit(sum(len(str(x)) for x in items) + len(owner) * len(items), "join")


def check_result(value) -> None:
    if isinstance(value, str):
        text_limit(len(value), "kết quả")
    elif isinstance(value, (list, tuple)):
        items_limit(len(value), "kết quả")


class Budget:
    """The steps and the deadline of one rendered part."""

    def __init__(self, seconds: float):
        self.steps = 0
        self.seconds = seconds
        self.started = time.monotonic()

    def step(self, n: int = 1) -> None:
        self.steps += n
        if self.steps > MAX_STEPS:
            raise TemplateLimit(f"mẫu lặp quá {_n(MAX_STEPS)} bước (vòng lặp lồng nhau quá lớn)")
        if time.monotonic() - self.started > self.seconds:
            raise TemplateTimeout(f"mẫu chạy quá {self.seconds:g} giây (vòng lặp quá lớn hoặc không dừng)")


class Watchdog:
    """Raises TemplateTimeout in the thread that entered it once `seconds` have passed, unless it left first."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._lock = threading.Lock()
        self._done = False
        self.fired = False
        self._tid = threading.get_ident()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def _fire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.fired = True
            _async_raise(self._tid, TemplateTimeout)

    def __enter__(self) -> Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        with self._lock:
            self._done = True
            self._timer.cancel()
            if self.fired:
                _async_raise(self._tid, None)  # not delivered yet: withdrawn (the caller raises it instead)
        if self.fired and exc[0] is None:
            raise TemplateTimeout(f"mẫu chạy quá {self.seconds:g} giây")


def _async_raise(tid: int, exc) -> None:
    try:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), ctypes.py_object(exc) if exc else None)
    except (AttributeError, OSError):  # no CPython API here: the step and size limits still hold
        pass


def bounded_join(parts, seconds: float, budget_holder) -> str:
    """What Template.render does with its output (''.join), counting it and under the deadline."""
    out, size = [], 0
    budget_holder.budget = Budget(seconds)
    with Watchdog(seconds):
        for piece in parts:
            size += len(piece)
            if size > MAX_OUTPUT:
                raise TemplateLimit(f"mẫu tạo ra hơn {_n(MAX_OUTPUT)} ký tự")
            out.append(piece)
    return "".join(out)
