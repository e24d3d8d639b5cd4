"""The sandbox every template renders in."""

from __future__ import annotations

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

__all__ = ["DROPPED_FILTERS", "DROPPED_GLOBALS", "Sandbox", "sandbox_env"]

# Globals and filters a document template never needs and that give handles on Python objects
# (cycler.__init__.__globals__, lipsum.__globals__ …) or switch off escaping (safe).
DROPPED_GLOBALS = ("cycler", "joiner", "lipsum", "namespace", "dict")
DROPPED_FILTERS = ("attr", "safe", "pprint", "xmlattr", "tojson", "urlize", "forceescape")


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox (no '_' attributes, no mutating the app's lists) that also
    refuses str.format/format_map (attribute paths inside format strings) and type.mro."""

    def is_safe_attribute(self, obj, attr, value) -> bool:
        if attr in ("format", "format_map", "mro"):
            return False
        return super().is_safe_attribute(obj, attr, value)


def sandbox_env() -> Sandbox:
    # autoescape: '&', '<' and '>' typed by the clerk never break the XML
    # StrictUndefined: a field the app does not know is an error, not a silent blank
    env = Sandbox(autoescape=True, undefined=StrictUndefined)
    for name in DROPPED_GLOBALS:
        env.globals.pop(name, None)
    for name in DROPPED_FILTERS:
        env.filters.pop(name, None)
    return env
