"""Reading activities from a workbook that came from outside: untrusted, streamed, nothing
written. The result says, row by row, what would be added, what is already there and what is
rejected and why; the caller writes the file's rows in one transaction only when none is rejected.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.errors import UserError
from ..domain.models import Activity
from ..domain.text import clean, fold
from ..domain.vnformat import number
from ..files import one_line
from . import legacy_vn, openpyxl_bounds
from .columns import BY_KEY, REACH_KEYS, match_header
from .lookup import Lookup
from .values import cell_text, parse_count, parse_date_value, parse_period
from .zipguard import CELL_CHARS, check_zip

MAX_ROWS = 200_000  # data rows per file; a ledger of one unit is a few thousand a year
HEADER_SCAN = 30  # rows searched for the header row
EMPTY_RUN = 2_000  # consecutive empty rows that end a sheet (formatting left down to row 1 048 576)
_TEXT_KEYS = ("dept", "title", "form", "task", "unit_label", "evidence", "notes", "source_unit")

Progress = Callable[[int], None]


@dataclass
class Rejected:
    sheet: str
    row: int
    reason: str
    values: dict = field(default_factory=dict, repr=False, compare=False)  # the row's cells as read, by column key

    def __str__(self) -> str:
        return one_line(f"trang “{self.sheet}”, dòng {self.row}: {self.reason}")


@dataclass
class FileResult:
    path: Path
    to_add: list[Activity] = field(default_factory=list)
    duplicates: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rows_read: int = 0
    encoding: str | None = None
    present: list[Activity] = field(default_factory=list)  # rows the ledger already has (app.workbooks fills it)

    @property
    def ok(self) -> bool:
        return not self.rejected


def dedupe_key(a: Activity) -> tuple:
    return activity_key(a.start.isoformat(), a.source_unit, a.dept_id, a.source_dept, a.title)


def activity_key(start_iso: str, source_unit: str, dept_id: int | None, source_dept: str, title: str) -> tuple:
    """Same date, same department (ours or the source's), same title: the same activity."""
    return start_iso, fold(source_unit), dept_id if dept_id is not None else fold(source_dept), fold(title)


def _open(path: Path):
    from openpyxl import load_workbook

    openpyxl_bounds.use()  # the one override of openpyxl's internals, isolated there

    name = one_line(path.name)
    if not path.exists():
        raise UserError(f"Không tìm thấy tệp {path}.")
    if path.is_dir():
        raise UserError(f"{path} là một thư mục, không phải tệp Excel.")
    try:
        with path.open("rb") as f:
            magic = f.read(8)
    except PermissionError:
        raise UserError(
            f"Không đọc được {name}: tệp đang mở trong Excel hoặc bị khóa; hãy đóng tệp rồi thử lại."
        ) from None
    except OSError as e:
        raise UserError(f"Không đọc được {name}: {e.strerror or e}.") from None
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        if path.suffix.lower() == ".xls":
            raise UserError(
                f"{name} là tệp Excel cũ (.xls): hãy mở trong Excel, chọn Lưu thành… định dạng "
                "Excel Workbook (.xlsx) rồi nhập lại."
            )
        raise UserError(
            f"{name} được đặt mật khẩu (hoặc là tệp Excel cũ): hãy mở trong Excel, bỏ mật khẩu "
            "(Tệp › Thông tin › Bảo vệ sổ làm việc) và lưu thành .xlsx rồi nhập lại."
        )
    if not magic.startswith(b"PK"):
        raise UserError(f"{name} không phải là tệp Excel (.xlsx).")
    check_zip(path)  # sizes, DOCTYPE, long cells, far columns, row count: before openpyxl sees it
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except PermissionError:
        raise UserError(
            f"Không đọc được {name}: tệp đang mở trong Excel hoặc bị khóa; hãy đóng tệp rồi thử lại."
        ) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError):
        raise UserError(
            f"Tệp {name} bị hỏng hoặc không đầy đủ (có thể tải về chưa xong): hãy lấy lại tệp gốc."
        ) from None
    except Exception as e:  # noqa: BLE001 — openpyxl raises many kinds on foreign or malicious content
        chain, cause = [], e
        while cause is not None and len(chain) < 5:
            chain.append(type(cause).__name__)
            cause = cause.__cause__ or cause.__context__
        kind = next((k for k in chain if "Forbidden" in k or "Defused" in k), chain[-1])
        if "Forbidden" in kind or "Defused" in kind:
            raise UserError(f"Tệp {name} chứa cấu trúc XML không an toàn ({kind}); không đọc tệp này.") from None
        raise UserError(f"Tệp {name} bị hỏng hoặc không phải sổ tính Excel hợp lệ ({kind}).") from None


def _uncached_formulas(path: Path, ws) -> set[tuple[int, int]]:
    """(row, column) of formula cells saved without a computed value (a file written by a program,
    never opened in Excel): reading them would silently give an empty cell."""
    from defusedxml.ElementTree import iterparse
    from openpyxl.utils.cell import coordinate_to_tuple

    member = getattr(ws, "_worksheet_path", None)
    if not member:
        return set()
    with zipfile.ZipFile(path) as z:
        with z.open(member.lstrip("/")) as f:
            has_formula = False
            tail = b""
            while chunk := f.read(1 << 20):
                if b"<f" in tail + chunk or b":f" in tail + chunk:
                    has_formula = True
                    break
                tail = chunk[-8:]
        if not has_formula:
            return set()
        out = set()
        with z.open(member.lstrip("/")) as f:
            for _, el in iterparse(f, forbid_dtd=True):
                if el.tag.endswith("}c"):
                    kids = {child.tag.rsplit("}", 1)[-1]: child for child in el}
                    v = kids.get("v")
                    if "f" in kids and (v is None or not (v.text or "").strip()) and el.get("r"):
                        out.add(coordinate_to_tuple(el.get("r")))
                    el.clear()
        return out


def _find_header(rows) -> tuple[int, dict[int, str]] | None:
    for i, row in enumerate(rows, 1):
        cols: dict[int, str] = {}
        for j, v in enumerate(row):
            key = match_header(v)
            if key and key not in cols.values():
                cols[j] = key
        if {"start", "title"} <= set(cols.values()) and len(cols) >= 3:
            return i, cols
        if i >= HEADER_SCAN:
            break
    return None


def read_workbook(path: Path, lookup: Lookup, existing: set[tuple], progress: Progress | None = None) -> FileResult:
    """Reads every visible sheet that has an activity table; writes nothing."""
    path = Path(path)
    res = FileResult(path)
    wb = _open(path)
    try:
        seen = set(existing)
        found_table = False
        for ws in wb.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible":
                continue
            try:
                found_table |= _read_sheet(ws, lookup, seen, res, progress)
            except UserError:
                raise
            except Exception as e:  # noqa: BLE001 — a sheet damaged in the middle
                raise UserError(
                    f"Tệp {one_line(path.name)}, trang “{one_line(ws.title)}” bị hỏng "
                    f"({type(e).__name__}); không nhập gì từ tệp này."
                ) from None
        if not found_table:
            raise UserError(
                f"Không tìm thấy bảng hoạt động trong {one_line(path.name)}: cần một dòng tiêu đề có các "
                "cột Ngày, Khoa, phòng, Nội dung hoạt động, Hình thức (như tệp mẫu)."
            )
    finally:
        wb.close()
    return res


def _read_sheet(ws, lookup: Lookup, seen: set[tuple], res: FileResult, progress: Progress | None) -> bool:
    rows = ws.iter_rows(values_only=True)
    head_rows = []
    for row in rows:
        head_rows.append(row)
        if len(head_rows) >= HEADER_SCAN:
            break
    found = _find_header(head_rows)
    if found is None:
        return False
    header_at, cols = found
    uncached = _uncached_formulas(res.path, ws)
    missing = [BY_KEY[k].header for k in ("dept", "form") if k not in cols.values()]
    if missing:
        raise UserError(f"Tệp {one_line(res.path.name)}, trang “{one_line(ws.title)}”: thiếu cột {', '.join(missing)}.")

    def records():
        for n, row in enumerate(head_rows[header_at:], header_at + 1):
            yield n, row
        for n, row in enumerate(rows, len(head_rows) + 1):
            yield n, row

    empty_run = 0
    pending: list[tuple[int, dict]] = []
    for n, row in records():
        values = {key: row[j] for j, key in cols.items() if j < len(row)}
        long = next((k for k, v in values.items() if isinstance(v, str) and len(v) > CELL_CHARS), None)
        if long is not None:
            raise UserError(
                f"Tệp {one_line(res.path.name)}, trang “{one_line(ws.title)}”, dòng {n}: ô "
                f"{BY_KEY[long].header.lower()} dài hơn {number(CELL_CHARS)} ký tự, giới hạn của một ô Excel; "
                "không nhập gì từ tệp này."
            )
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
            empty_run += 1
            if empty_run >= EMPTY_RUN:
                break
            continue
        empty_run = 0
        res.rows_read += 1
        bad = sorted(j for j, _ in cols.items() if (n, j + 1) in uncached)
        if bad:
            from openpyxl.utils import get_column_letter

            res.rejected.append(
                Rejected(
                    ws.title,
                    n,
                    "ô "
                    + ", ".join(f"{get_column_letter(j + 1)}{n} ({BY_KEY[cols[j]].header.lower()})" for j in bad)
                    + " có công thức chưa được tính: hãy mở tệp trong Excel rồi lưu lại",
                    values,
                )
            )
            continue
        if res.rows_read > MAX_ROWS:
            raise UserError(
                f"Tệp {one_line(res.path.name)} có hơn {number(MAX_ROWS)} dòng hoạt động"
                + ": quá lớn cho một lần nhập; hãy chia thành nhiều tệp."
            )
        pending.append((n, values))
        if len(pending) >= 500:
            _flush(pending, ws.title, lookup, seen, res)
            if progress:
                progress(res.rows_read)
    _flush(pending, ws.title, lookup, seen, res)
    if progress:
        progress(res.rows_read)
    return True


def _decide_encoding(pending, res: FileResult) -> None:
    """TCVN3 / VNI text is decided once per file from its first rows (up to 500), then converted everywhere."""
    sample = " ".join(str(v) for _, vals in pending for k, v in vals.items() if k in _TEXT_KEYS and isinstance(v, str))
    res.encoding = legacy_vn.detect(sample) or ""
    if res.encoding:
        name = {"tcvn3": "TCVN3 (ABC, phông .Vn)", "vni": "VNI (phông VNI-)"}.get(res.encoding, res.encoding)
        res.notes.append(f"Chữ trong tệp gõ theo bảng mã {name}: đã chuyển sang Unicode.")


def _flush(pending: list[tuple[int, dict]], sheet: str, lookup: Lookup, seen: set[tuple], res: FileResult) -> None:
    if res.encoding is None and pending:
        _decide_encoding(pending, res)
    for n, values in pending:
        try:
            a = _activity(values, lookup, res.encoding or "")
        except ValueError as e:
            res.rejected.append(Rejected(sheet, n, str(e), values))
            continue
        key = dedupe_key(a)
        if key in seen:
            res.duplicates += 1
            continue
        seen.add(key)
        res.to_add.append(a)
    pending.clear()


def _text(values: dict, key: str, encoding: str) -> str:
    v = cell_text(values.get(key))
    if encoding and v:
        v = legacy_vn.to_unicode(v, encoding)
    return clean(v, multiline=key == "notes")


def _activity(values: dict, lookup: Lookup, encoding: str) -> Activity:
    if values.get("start") is None or (isinstance(values.get("start"), str) and not values["start"].strip()):
        raise ValueError("thiếu ngày (nếu ô bị gộp với ô trên, hãy bỏ gộp ô và ghi đủ ngày)")
    start, end = parse_period(values["start"])
    if values.get("end") not in (None, ""):
        end = parse_date_value(values["end"])
    if end is not None and end < start:
        raise ValueError(f"ngày kết thúc {end:%d/%m/%Y} trước ngày bắt đầu {start:%d/%m/%Y}")
    if end == start:
        end = None
    title = _text(values, "title", encoding)
    if not title:
        raise ValueError("thiếu nội dung hoạt động")
    source_unit = _text(values, "source_unit", encoding)
    own = lookup.is_own_unit(source_unit)
    dept_text = _text(values, "dept", encoding)
    dept_id = lookup.dept(dept_text) if dept_text else None
    source_dept = ""
    if dept_id is None:
        if not dept_text:
            raise ValueError("thiếu khoa, phòng (nếu ô bị gộp với ô trên, hãy bỏ gộp ô)")
        if own:
            raise ValueError(f"khoa, phòng “{dept_text}” không có trong danh sách của đơn vị")
        source_dept = dept_text
    form_text = _text(values, "form", encoding)
    code = lookup.form(form_text) if form_text else None
    if code is None:
        raise ValueError(f"hình thức “{form_text}” không có trong danh sách" if form_text else "thiếu hình thức")
    task_text = _text(values, "task", encoding)
    task_id = None
    if task_text:
        task_id = lookup.task(task_text, by_label=not own)
        if task_id is None:
            raise ValueError(f"nhiệm vụ “{task_text[:60]}” không có trong kế hoạch")
    quantity = parse_count(values.get("quantity"), "số lượng")
    participants = parse_count(values.get("participants"), "số người tham dự")
    cost = parse_count(values.get("cost"), "kinh phí", money=True)
    reach = {}  # people reached, by group: only the groups the department wrote a number for
    for key, group in REACH_KEYS.items():
        n = parse_count(values.get(key), f"số {group}")
        if n is not None:
            reach[group] = n
    unit_label = _text(values, "unit_label", encoding)
    if unit_label and fold(unit_label) == fold(lookup.catalogue.form(code).unit):
        unit_label = ""
    return Activity(
        start=start,
        end=end,
        dept_id=dept_id,
        form_code=code,
        title=title,
        task_id=task_id,
        quantity=1 if quantity is None else quantity,
        unit_label=unit_label,
        participants=participants,
        cost=cost or 0,
        evidence=_text(values, "evidence", encoding),
        notes=_text(values, "notes", encoding),
        source_unit="" if own else source_unit,
        source_dept=source_dept,
        reach=reach,
    )
