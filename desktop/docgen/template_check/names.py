"""The Jinja side of the check: names, attribute paths and constructs that reach Python objects."""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import TYPE_CHECKING

from jinja2 import nodes

from .fields import ANY, APPENDIX_ROW, BLOCK, FIELD_HELP, FIELDS, FUNC, LOOP, METHOD, REFUSED, STR, Record, Seq
from .sandbox import DROPPED_FILTERS

if TYPE_CHECKING:
    from .word import Validator

__all__ = ["Walker"]

# Names a clerk is likely to type (accents and case ignored) → the field meant.
ALIASES = {
    "co_quan_chu_quan": "parent_body",
    "cq_chu_quan": "parent_body",
    "chu_quan": "parent_body",
    "ten_don_vi": "issuer",
    "don_vi": "issuer",
    "co_quan": "issuer",
    "co_quan_ban_hanh": "issuer",
    "ten_co_quan": "issuer",
    "unit": "issuer",
    "unit_name": "issuer",
    "ten_benh_vien": "issuer",
    "so": "number_line",
    "so_ky_hieu": "number_line",
    "so_van_ban": "number_line",
    "ky_hieu": "number_line",
    "number": "number_line",
    "ngay": "place_date",
    "ngay_thang": "place_date",
    "dia_danh": "place_date",
    "ngay_ban_hanh": "place_date",
    "date": "place_date",
    "tieu_de": "title",
    "trich_yeu": "title",
    "ten_van_ban": "title",
    "noi_dung": "blocks",
    "cac_muc": "blocks",
    "doan": "blocks",
    "noi_nhan": "recipients",
    "chuc_vu": "signer_lines",
    "tham_quyen": "signer_lines",
    "nguoi_ky": "signer_name",
    "ho_ten": "signer_name",
    "ten_nguoi_ky": "signer_name",
    "signer": "signer_name",
    "kinh_gui": "addressee",
    "phu_luc": "appendix_ref",
    "kem_theo": "appendix_ref",
    "hang": "rows",
    "dong": "rows",
    "danh_sach": "rows",
    "hoat_dong": "rows",
    "activities": "rows",
    "tong": "totals",
    "tong_cong": "totals",
    # attributes of a block
    "loai": "kind",
    "noi_dung_doan": "text",
    "van_ban": "text",
    "so_muc": "label",
    "nhan": "label",
}

LOOP_ATTRS = {
    "index",
    "index0",
    "revindex",
    "revindex0",
    "first",
    "last",
    "length",
    "cycle",
    "depth",
    "depth0",
    "previtem",
    "nextitem",
    "changed",
}
STR_METHODS = {m for m in dir(str) if not m.startswith("_")} - {"format", "format_map"}
ATTR_FILTERS = {"map", "selectattr", "rejectattr", "sort", "groupby", "unique", "sum", "min", "max"}
SAME_SEQ_FILTERS = {"list", "sort", "reverse", "unique", "select", "reject", "selectattr", "rejectattr"}
ITEM_FILTERS = {"first", "last", "random", "min", "max"}
SAFE_GLOBALS = {"range"}
# Attributes allowed on a value of unknown shape (a macro argument, a computed value): the
# fields the app provides, str methods, the loop's and groupby's; never frame or code objects.
ANY_ATTRS = (
    set(BLOCK)
    | set(APPENDIX_ROW)
    | {"heading"}
    | set(FIELDS["report"])
    | STR_METHODS
    | LOOP_ATTRS
    | {"grouper", "list"}
)
FORBIDDEN_NAMES = {
    "self",
    "cycler",
    "joiner",
    "lipsum",
    "namespace",
    "dict",
    "config",
    "request",
    "environment",
    "context",
}


def _norm(name: str) -> str:
    s = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "_", s).strip("_")


def _suggest(name: str, candidates: list[str]) -> str | None:
    n = _norm(name)
    if n in ALIASES and ALIASES[n] in candidates:
        return ALIASES[n]
    close = difflib.get_close_matches(n, candidates, n=1, cutoff=0.6)
    if close:
        return close[0]
    keys = [k for k, v in ALIASES.items() if v in candidates]
    close = difflib.get_close_matches(n, keys, n=1, cutoff=0.75)
    return ALIASES[close[0]] if close else None


class Walker:
    def __init__(self, owner: Validator, fields: dict, where, undeclared: set[str]):
        self.owner = owner
        self.fields = fields
        self.where = where
        self.undeclared = undeclared
        self.guarded = False  # inside "is defined": an unknown field is not an error

    def refuse(self, node, what: str) -> str:
        needle = _needle(node)
        self.owner.add(
            "cam",
            f"mẫu dùng {what} ở {self.where(getattr(node, 'lineno', None), needle)}: "
            "không được phép, mẫu chỉ được dùng các trường dữ liệu của văn bản",
        )
        return REFUSED

    def unknown(self, node, path: str, candidates: list[str], prefix: str = "", hint_for: str = "") -> str:
        if self.guarded:
            return ANY
        last = hint_for or path.rsplit(".", 1)[-1].split("[")[0]
        hint = _suggest(last, candidates)
        tip = ""
        if hint:
            shown = prefix + hint
            tip = f" (có phải “{shown}” – {FIELD_HELP[hint]}?)" if hint in FIELD_HELP else f" (có phải “{shown}”?)"
        where = self.where(getattr(node, "lineno", None), _needle(node))
        self.owner.add_unknown(path, f"trường “{path}” không có trong dữ liệu của ứng dụng{tip}, ở {where}")
        return ANY

    # -- statements

    def visit(self, node, scope: dict) -> None:
        if isinstance(node, (nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
            self.refuse(node, f"lệnh “{type(node).__name__.lower()}” (lấy mẫu khác)")
            return
        if isinstance(node, (nodes.EvalContextModifier, nodes.ScopedEvalContextModifier)):
            self.refuse(node, "lệnh “autoescape” (tắt bảo vệ ký tự &, <, >)")
            return
        if isinstance(node, nodes.For):
            item = self._item(self.expr(node.iter, scope))
            inner = dict(scope)
            self._bind(node.target, item, inner)
            inner["loop"] = LOOP
            if node.test is not None:
                self.expr(node.test, inner)
            for n in node.body:
                self.visit(n, inner)
            for n in node.else_:
                self.visit(n, dict(scope))
            return
        if isinstance(node, nodes.Assign):
            t = self.expr(node.node, scope)
            self._bind(node.target, t, scope)
            return
        if isinstance(node, nodes.AssignBlock):
            for n in node.body:
                self.visit(n, scope)
            if node.filter is not None:
                self.expr(node.filter, scope)
            self._bind(node.target, STR, scope)
            return
        if isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values):
                self._bind(target, self.expr(value, scope), inner)
            for n in node.body:
                self.visit(n, inner)
            return
        if isinstance(node, (nodes.Macro, nodes.CallBlock)):
            if isinstance(node, nodes.Macro):
                scope[node.name] = FUNC
            else:
                self.expr(node.call, scope)
            inner = dict(scope, caller=FUNC, varargs=ANY, kwargs=ANY)
            for a in node.args:
                inner[a.name] = ANY
            for d in node.defaults:
                self.expr(d, scope)
            for n in node.body:
                self.visit(n, inner)
            return
        if isinstance(node, nodes.FilterBlock):
            self.expr(node.filter, scope)
            for n in node.body:
                self.visit(n, scope)
            return
        if isinstance(node, nodes.Expr):
            self.expr(node, scope)
            return
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.Expr):
                self.expr(child, scope)
            else:
                self.visit(child, scope)

    def _bind(self, target, shape, scope: dict) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = shape
        elif isinstance(target, nodes.Tuple):
            for t in target.items:
                self._bind(t, self._item(shape), scope)
        elif isinstance(target, nodes.NSRef):
            self.refuse(target, "“namespace”")

    @staticmethod
    def _item(shape):
        if isinstance(shape, Seq):
            return shape.item
        if isinstance(shape, Record):
            return _common(shape.values())
        return STR if shape == STR else ANY

    # -- expressions

    def expr(self, node, scope: dict):
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name in self.fields:
                return self.fields[node.name]
            if node.name in SAFE_GLOBALS:
                return FUNC
            if node.name in FORBIDDEN_NAMES:
                return self.refuse(node, f"“{node.name}”")
            if node.name.startswith("_"):
                return self.refuse(node, f"tên “{node.name}”")
            if node.name in self.undeclared or node.name == "loop":
                return self.unknown(node, node.name, list(self.fields))
            return ANY
        if isinstance(node, nodes.Const):
            return STR if isinstance(node.value, str) else ANY
        if isinstance(node, (nodes.Getattr, nodes.Getitem)):
            return self._access(node, scope)
        if isinstance(node, nodes.Slice):
            for c in node.iter_child_nodes():
                self.expr(c, scope)
            return ANY
        if isinstance(node, nodes.Call):
            callee = self.expr(node.node, scope)
            for c in [*node.args, *(k.value for k in node.kwargs), node.dyn_args, node.dyn_kwargs]:
                if c is not None:
                    self.expr(c, scope)
            if callee == REFUSED:
                return REFUSED
            if isinstance(callee, (dict, Seq)) or callee == STR:
                return self.refuse(node, f"lời gọi “{_path(node.node)}(…)”")
            return ANY
        if isinstance(node, nodes.Filter):
            return self._filter(node, scope)
        if isinstance(node, nodes.Test):
            guard = node.name in ("defined", "undefined")
            saved, self.guarded = self.guarded, self.guarded or guard
            try:
                self.expr(node.node, scope)
            finally:
                self.guarded = saved
            for c in [*node.args, *(k.value for k in node.kwargs)]:
                self.expr(c, scope)
            if node.name not in self.owner.env.tests:
                self.owner.add("the-hong", f"không có phép thử “{node.name}” ở {self.where(node.lineno)}")
            return ANY
        if isinstance(node, nodes.Concat):
            for c in node.nodes:
                self.expr(c, scope)
            return STR
        if isinstance(node, nodes.CondExpr):
            self.expr(node.test, scope)
            a = self.expr(node.expr1, scope)
            b = self.expr(node.expr2, scope) if node.expr2 is not None else a
            return a if a == b else ANY
        if isinstance(node, (nodes.Or, nodes.And)):
            a, b = self.expr(node.left, scope), self.expr(node.right, scope)
            return a if a == b else ANY
        for c in node.iter_child_nodes():
            if isinstance(c, nodes.Expr):
                self.expr(c, scope)
            elif isinstance(c, nodes.Keyword):
                self.expr(c.value, scope)
            elif isinstance(c, nodes.Pair):
                self.expr(c.key, scope)
                self.expr(c.value, scope)
        return ANY

    def _access(self, node, scope: dict):
        """obj.attr, obj['key'], obj[0], obj[i]."""
        if isinstance(node, nodes.Getattr):
            key = node.attr
        elif isinstance(node.arg, nodes.Const):
            key = node.arg.value
        else:
            key = None
        if isinstance(key, str) and (key.startswith("_") or key in ("format", "format_map", "mro")):
            return self.refuse(node, f"“{_path(node)}”")
        if key is None:
            self.expr(node.arg, scope)
        root = node.node
        while isinstance(root, (nodes.Getattr, nodes.Getitem)):
            root = root.node
        if (
            isinstance(root, nodes.Name)
            and root.name in self.undeclared
            and root.name not in scope
            and root.name not in self.fields
            and root.name not in SAFE_GLOBALS | FORBIDDEN_NAMES
            and not root.name.startswith("_")
        ):
            shown = re.sub(r"\[[^\]]*\]", "", _path(node))  # 'unit.name', 'totals'
            return self.unknown(node, shown, list(self.fields), hint_for=root.name)
        base = self.expr(node.node, scope)
        if base == REFUSED:
            return REFUSED
        if base == ANY and key is not None:
            if isinstance(key, str) and key not in ANY_ATTRS:
                return self.refuse(node, f"“{_path(node)}”")
            return ANY
        if isinstance(key, int) and not isinstance(key, bool):
            if isinstance(base, Record):  # a named record read by position (r[2] for r.content)
                if not -len(base) <= key < len(base):
                    return self.unknown(node, _path(node), [])
                return list(base.values())[key]
            if isinstance(base, Seq):
                if base.length is not None and not -base.length <= key < base.length:
                    return self.unknown(node, _path(node), [])
                return base.item
            if base == STR:
                return STR
            return self.unknown(node, _path(node), [])
        if key is None:
            if isinstance(base, Seq):
                return base.item
            if isinstance(base, Record):
                return _common(base.values())
            return self.refuse(node, f"truy cập theo tên tính ra “{_path(node)}”")
        if isinstance(base, dict):
            if key in base:
                return base[key]
            prefix = _path(node.node) + "."
            return self.unknown(node, _path(node), list(base), prefix)
        if base == LOOP:
            return ANY if key in LOOP_ATTRS else self.unknown(node, _path(node), sorted(LOOP_ATTRS), "loop.")
        if base == STR and isinstance(node, nodes.Getattr) and key in STR_METHODS:
            return METHOD
        if base == FUNC or base == METHOD:
            return self.refuse(node, f"“{_path(node)}” (bên trong một hàm)")
        return self.unknown(node, _path(node), [])

    def _filter(self, node, scope: dict):
        name = node.name
        if name in DROPPED_FILTERS:
            what = {"safe": "bộ lọc “safe” (tắt bảo vệ ký tự &, <, >)"}.get(name, f"bộ lọc “{name}”")
            return self.refuse(node, what)
        base = self.expr(node.node, scope) if node.node is not None else STR
        if name not in self.owner.env.filters:
            self.owner.add("the-hong", f"không có bộ lọc “{name}” ở {self.where(node.lineno)}")
            return ANY
        args = [*node.args, *(k.value for k in node.kwargs)]
        if node.dyn_args is not None or node.dyn_kwargs is not None:
            return self.refuse(node, f"bộ lọc “{name}” với tham số tính ra")
        for a in args:
            self.expr(a, scope)
        if (
            name == "map"
            and node.args
            and isinstance(node.args[0], nodes.Const)
            and node.args[0].value in DROPPED_FILTERS
        ):
            return self.refuse(node, f"bộ lọc “{node.args[0].value}”")
        checked = [k.value for k in node.kwargs if k.key == "attribute"]
        if name in ATTR_FILTERS:
            checked += node.args
        if checked:
            for a in checked:
                if isinstance(a, nodes.Const) and isinstance(a.value, str):
                    if a.value.startswith("_") or "._" in a.value or "__" in a.value:
                        return self.refuse(node, f"bộ lọc “{name}('{a.value}')”")
                elif not isinstance(a, nodes.Const):
                    return self.refuse(node, f"bộ lọc “{name}” với tham số tính ra")
            attr = next(
                (k.value.value for k in node.kwargs if k.key == "attribute" and isinstance(k.value, nodes.Const)), None
            )
            if attr is not None and isinstance(base, Seq) and isinstance(base.item, dict):
                for part in str(attr).split("."):
                    if part not in base.item and not part.isdigit():
                        return self.unknown(node, f"{_path(node.node)}[…].{attr}", list(base.item))
        if name in SAME_SEQ_FILTERS:
            return base if isinstance(base, Seq) else ANY
        if name in ITEM_FILTERS:
            return self._item(base)
        if name in ("default", "d"):
            return base
        return (
            STR
            if name
            in (
                "upper",
                "lower",
                "title",
                "capitalize",
                "trim",
                "replace",
                "string",
                "e",
                "escape",
                "truncate",
                "center",
                "indent",
                "striptags",
                "wordwrap",
                "join",
                "format",
                "urlencode",
                "filesizeformat",
            )
            else ANY
        )


def _needle(node) -> str:
    """The name to look for on the node's line: its innermost name, or its attribute."""
    if isinstance(node, nodes.Getattr):
        return node.attr
    while isinstance(node, (nodes.Getitem, nodes.Filter, nodes.Call, nodes.Test)) and node.node is not None:
        node = node.node
        if isinstance(node, nodes.Getattr):
            return node.attr
    return node.name if isinstance(node, nodes.Name) else ""


def _common(shapes) -> object:
    """The shape all of `shapes` have, or ANY."""
    kinds = {repr(x) for x in shapes}
    return next(iter(shapes)) if len(kinds) == 1 else ANY


def _path(node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_path(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        arg = node.arg
        inner = repr(arg.value) if isinstance(arg, nodes.Const) else "…"
        return f"{_path(node.node)}[{inner}]"
    if isinstance(node, nodes.Const):
        return repr(node.value)
    if isinstance(node, nodes.Call):
        return f"{_path(node.node)}(…)"
    if isinstance(node, nodes.Filter):
        return f"({_path(node.node) if node.node is not None else ''}|{node.name})"
    return "…"
