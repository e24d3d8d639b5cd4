"""The sandbox every template renders in: Jinja's immutable sandbox, without the globals and filters that
reach Python objects, and bounded (limits.py): no operation, filter, range, call or output may make more
than a document ever needs, and one rendered part stops after a deadline."""

from __future__ import annotations

from jinja2 import Environment, StrictUndefined
from jinja2.nodes import EvalContext
from jinja2.sandbox import ImmutableSandboxedEnvironment

from . import limits
from .limits import TemplateLimit, TemplateTimeout

_PASSED = (Environment, EvalContext)  # what Jinja passes before a filter's own arguments

__all__ = ["DROPPED_FILTERS", "DROPPED_GLOBALS", "Sandbox", "TemplateLimit", "TemplateTimeout", "sandbox_env"]

# Globals and filters a document template never needs and that give handles on Python objects
# (cycler.__init__.__globals__, lipsum.__globals__ …) or switch off escaping (safe).
DROPPED_GLOBALS = ("cycler", "joiner", "lipsum", "namespace", "dict")
DROPPED_FILTERS = ("attr", "safe", "pprint", "xmlattr", "tojson", "urlize", "forceescape")


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox (no '_' attributes, no mutating the app's lists) that also
    refuses str.format/format_map (attribute paths inside format strings) and type.mro, and bounds
    sizes, steps and time (limits.py)."""

    intercepted_binops = frozenset(["*", "**", "%", "+"])
    deadline = limits.DEADLINE  # seconds per rendered part (tests lower it)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.budget = limits.Budget(self.deadline)
        self.concat = lambda parts: limits.bounded_join(parts, self.deadline, self)
        self.globals["range"] = self.bounded_range
        _bounded_filters(self)

    def is_safe_attribute(self, obj, attr, value) -> bool:
        if attr in ("format", "format_map", "mro"):
            return False
        return super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context, operator, left, right):
        self.budget.step(0)
        limits.check_binop(operator, left, right)
        try:
            return super().call_binop(context, operator, left, right)
        except (OverflowError, MemoryError):
            raise TemplateLimit(f"phép tính “{operator}” cho kết quả quá lớn") from None

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's own signature
        __self.budget.step(0)
        limits.check_call(__obj, args, kwargs)
        try:
            value = super().call(__context, __obj, *args, **kwargs)
        except (OverflowError, MemoryError):
            raise TemplateLimit("lời gọi hàm cho kết quả quá lớn") from None
        limits.check_result(value)
        return value

    def getattr(self, obj, attribute):
        self.budget.step(0)
        return super().getattr(obj, attribute)

    def getitem(self, obj, argument):
        self.budget.step(0)
        return super().getitem(obj, argument)

    def bounded_range(self, *args):
        """range() of at most limits.MAX_ITEMS items, each counted against the render's steps."""
        try:
            r = range(*args)
            n = len(r)
        except OverflowError:
            raise TemplateLimit("mẫu đòi một dãy số range() quá lớn") from None
        limits.items_limit(n, "range")
        budget = self.budget
        for i in r:
            budget.step()
            yield i


def _bounded_filters(env: Sandbox) -> None:
    """The filters that make sizes from their arguments, checked before they run."""
    f = env.filters

    def wrap(name, check):
        original = f.get(name)
        if original is None:
            return

        def bounded(*args, **kwargs):
            check(*args, **kwargs)
            value = original(*args, **kwargs)
            limits.check_result(value)
            return value

        bounded.__name__ = original.__name__
        for attr in ("jinja_pass_arg",):
            if hasattr(original, attr):
                setattr(bounded, attr, getattr(original, attr))
        f[name] = bounded

    def width_at(pos, key, what):
        def check(*args, **kwargs):
            a = [x for x in args if not isinstance(x, _PASSED)]  # the eval context / environment passed first
            w = kwargs.get(key, a[pos] if len(a) > pos else None)
            limits.width_limit(w, what)

        return check

    def items_at(pos, key, what):
        def check(*args, **kwargs):
            a = [x for x in args if not isinstance(x, _PASSED)]
            n = kwargs.get(key, a[pos] if len(a) > pos else None)
            if isinstance(n, (int, float)):
                limits.items_limit(int(n), what)

        return check

    def format_check(*args, **kwargs):
        a = [x for x in args if not isinstance(x, _PASSED)]
        if a and isinstance(a[0], str):
            limits.format_spec_limit(a[0])

    def replace_check(*args, **kwargs):
        a = [x for x in args if not isinstance(x, _PASSED)]
        if len(a) >= 3 and all(isinstance(x, str) for x in a[:3]):
            s, old, new = a[:3]
            count = s.count(old) if old else len(s) + 1
            limits.text_limit(len(s) + count * len(new), "replace")

    wrap("center", width_at(1, "width", "center"))
    wrap("indent", width_at(1, "width", "indent"))
    wrap("wordwrap", width_at(1, "width", "wordwrap"))
    wrap("truncate", width_at(1, "length", "truncate"))
    wrap("format", format_check)
    wrap("batch", items_at(1, "linecount", "batch"))
    wrap("slice", items_at(1, "slices", "slice"))
    wrap("replace", replace_check)
    wrap("join", lambda *a, **k: None)
    wrap("list", lambda *a, **k: None)


def sandbox_env() -> Sandbox:
    # autoescape: '&', '<' and '>' typed by the clerk never break the XML
    # StrictUndefined: a field the app does not know is an error, not a silent blank
    env = Sandbox(autoescape=True, undefined=StrictUndefined)
    for name in DROPPED_GLOBALS:
        env.globals.pop(name, None)
    for name in DROPPED_FILTERS:
        env.filters.pop(name, None)
    return env
