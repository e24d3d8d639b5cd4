"""Evidence (minh chứng): files attached to activities, kept in the data folder beside the database
(``minh_chung/<activity id>/<name>``), and the dossier of a report period (one zip: the report, the
appendix as a workbook, a folder of files per activity named by its STT in the appendix).

A file is copied under a temporary name, renamed into place, then recorded in one transaction; any
failure removes what was copied and records nothing. A file the clerk removes, or a file of a deleted
activity, is moved to ``minh_chung/_da_xoa/<activity id>/``, never deleted."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import sqlite3
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.errors import UserError
from ..domain.vnformat import number
from ..files import atomic_path, one_line
from ..store import activities, db, faults
from ..store import evidence as rows
from ..store.evidence import EvidenceFile

FOLDER = "minh_chung"
TRASH = "_da_xoa"
CHUNK = 1 << 20
NAME_LIMIT = 80  # characters of a folder or file name made here
NAME_BYTES = 200  # and bytes (UTF-8): 255 is the most many file systems take, room left for " (2)" and ".part"
SIZE_LIMIT = 200 * 1024 * 1024  # one evidence file: a scanned record or a photo, not a film
MB = 1024 * 1024
_REFUSED = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_PACKED = {
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".webp",
    ".pdf",
    ".zip",
    ".rar",
    ".7z",
    ".docx",
    ".xlsx",
    ".pptx",
    ".mp4",
    ".mp3",
    ".mov",
    ".heic",
}


def clean_name(text: str) -> str:
    """`text` (NFC) without control or format characters (Unicode Cc, Cf: bidi overrides and isolates
    U+202A–202E, U+2066–2069, marks U+200E/F…): "bien_ban\u202efdp.exe" never shows as "…exe.pdf"."""
    out = []
    for c in unicodedata.normalize("NFC", str(text)):
        kind = unicodedata.category(c)
        out.append(c if kind not in ("Cc", "Cf") else " " if c.isspace() else "")
    return "".join(out)


def _cut(text: str, size: int) -> str:
    """The longest start of `text` of at most `size` bytes in UTF-8 (never half a character)."""
    return text.encode("utf-8")[: max(0, size)].decode("utf-8", "ignore")


def safe_name(text: str, limit: int = NAME_LIMIT) -> str:
    """`text` as a file or folder name every file system takes: NFC, without <>:"/\\|?*, control and format
    (bidi) characters, no trailing dots or spaces, not a reserved device name, at most `limit` characters
    and NAME_BYTES bytes in UTF-8 (the extension kept). Vietnamese letters stay."""
    name = re.sub(r"\s+", " ", _REFUSED.sub("_", clean_name(text))).strip()
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or len(ext) > 10 or " " in ext:
        stem, ext = name, ""
    ext = f".{ext}" if ext else ""
    stem = _cut(stem[: max(1, limit - len(ext))], NAME_BYTES - len(ext.encode("utf-8"))).rstrip(" .")
    if not stem or stem.upper() in _RESERVED:
        stem = f"_{stem}" if stem else "tep"
    return (stem + ext).rstrip(" .") or "tep"


def folder_of(conn: sqlite3.Connection) -> Path:
    """The evidence folder of the open database: minh_chung/ beside it."""
    path = faults.path_of(conn)
    if path is None:
        raise UserError("Dữ liệu đang mở không nằm trong một tệp, nên không có thư mục minh chứng.")
    return Path(path).resolve().parent / FOLDER


def path_of(conn: sqlite3.Connection, f: EvidenceFile) -> Path | None:
    """Where the file of an evidence row is; None when its recorded path is not "<activity id>/<name>" or
    leads, once resolved, outside the evidence folder (a row never makes the app touch another file)."""
    return rows.under(folder_of(conn), f.stored)


def list_files(conn: sqlite3.Connection, activity_id: int) -> list[EvidenceFile]:
    return rows.list_evidence(conn, activity_id)


def counts(conn: sqlite3.Connection) -> dict[int, int]:
    return rows.counts(conn)


def _free(folder: Path, name: str, taken: set[str] | frozenset[str] = frozenset()) -> Path:
    """`folder/name`, or "name (2).ext", "name (3).ext"… when that is taken (on disk or in `taken`)."""
    stem, ext = os.path.splitext(name)
    candidate, n = name, 1
    while (folder / candidate).exists() or candidate.casefold() in taken:
        n += 1
        candidate = f"{stem} ({n}){ext}"
    return folder / candidate


def _copy_error(e: OSError, src: Path, where: Path, reading: bool) -> UserError:
    name = one_line(src.name)
    if e.errno == errno.ENOSPC:
        return UserError(
            f"Không thêm được tệp minh chứng “{name}”: ổ đĩa chứa thư mục {one_line(where)} đã đầy. "
            "Chưa có tệp nào được thêm."
        )
    if reading:
        return UserError(
            f"Không đọc được tệp “{name}” ({e.strerror or e}); hãy kiểm tra tệp còn đó và mở được. "
            "Chưa có tệp nào được thêm."
        )
    return UserError(
        f"Không chép được tệp “{name}” vào thư mục {one_line(where)} ({e.strerror or e}). Chưa có tệp nào được thêm."
    )


def _mb(n: int) -> str:
    return f"{number(round(n / MB, 1) if n < 10 * MB else round(n / MB))} MB"


def _too_big(name: str, size: int | None) -> UserError:
    said = f"nặng {_mb(size)}, " if size is not None else "đã lớn hơn giới hạn trong khi chép, "
    return UserError(
        f"Không thêm được “{one_line(name)}”: tệp {said}quá giới hạn {_mb(SIZE_LIMIT)} cho một tệp minh chứng. "
        "Hãy nén hoặc chia nhỏ tệp (video: giảm độ phân giải) rồi thêm lại. Chưa có tệp nào được thêm."
    )


def _not_regular(s: Path, link: bool) -> UserError:
    what = "là một liên kết (lối tắt) tới tệp khác" if link else "không phải là một tệp thông thường"
    return UserError(
        f"Không thêm được “{one_line(s.name)}” ở {one_line(s.parent)}: {what}; hãy chọn chính tệp cần đính kèm. "
        "Chưa có tệp nào được thêm."
    )


@dataclass
class Pending:
    """Files being attached: checked (prepare, GUI thread), copied (copy_pending, any thread: no database),
    then recorded (commit, with the connection). `discard` removes what was copied."""

    activity_id: int
    where: Path  # minh_chung/<activity id>
    sources: list[Path]
    sizes: list[int]
    taken: set[str]
    made_folder: bool = False
    copied: list[Path] = field(default_factory=list)
    staged: list[EvidenceFile] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.sizes)


def prepare(conn: sqlite3.Connection, activity_id: int, sources) -> Pending:
    """The files checked before anything is copied: each a regular file (not a link, a folder, a device or a
    pipe) within SIZE_LIMIT. UserError naming the first that is not."""
    sources = [Path(s) for s in sources]
    sizes = []
    for s in sources:
        try:
            st = os.lstat(s)
        except OSError as e:
            raise UserError(
                f"Không thêm được “{one_line(s.name)}”: không phải là một tệp hoặc tệp không còn ở "
                f"{one_line(s.parent)}. Chưa có tệp nào được thêm."
            ) from e
        if not stat.S_ISREG(st.st_mode):
            raise _not_regular(s, stat.S_ISLNK(st.st_mode))
        if st.st_size > SIZE_LIMIT:
            raise _too_big(s.name, st.st_size)
        sizes.append(st.st_size)
    aid = int(activity_id)
    taken = {p.rsplit("/", 1)[-1].casefold() for p in rows.stored_paths(conn) if p.startswith(f"{aid}/")}
    return Pending(aid, folder_of(conn) / str(aid), sources, sizes, taken)


def _copy_one(p: Pending, s: Path, dest: Path, done: int, progress, cancel) -> tuple[int, str]:
    """`s` into the new file `dest` through a temporary name, opened without following links; (size, sha256)."""
    part = dest.with_name(f".{dest.name}.{os.getpid()}.part")
    digest, size = hashlib.sha256(), 0
    try:
        try:
            fin = rows.open_regular(s)
        except rows.NotRegular as e:
            raise _not_regular(s, e.errno == errno.ELOOP) from e
        except OSError as e:
            raise _copy_error(e, s, dest.parent, True) from e
        with fin:
            try:
                with open(part, "xb") as out:
                    while True:
                        if cancel is not None and cancel.is_set():
                            raise UserError("Đã dừng thêm tệp minh chứng; chưa có tệp nào được thêm.")
                        try:
                            block = fin.read(CHUNK)
                        except OSError as e:
                            raise _copy_error(e, s, dest.parent, True) from e
                        if not block:
                            break
                        size += len(block)
                        if size > SIZE_LIMIT:
                            raise _too_big(s.name, None)
                        out.write(block)
                        digest.update(block)
                        if progress is not None:
                            progress(done + size, max(p.total, done + size))
                    out.flush()
                    os.fsync(out.fileno())
                if dest.exists():
                    raise FileExistsError(errno.EEXIST, "tệp đã tồn tại", str(dest))
                os.replace(part, dest)
            except OSError as e:
                raise _copy_error(e, s, dest.parent, False) from e
    finally:
        part.unlink(missing_ok=True)
    return size, digest.hexdigest()


def copy_pending(p: Pending, progress=None, cancel=None) -> Pending:
    """Copy the checked files into minh_chung/<activity id>/ (no database: runs on a worker). `progress(done,
    total)` in bytes after each block; `cancel.is_set()` stops. On any failure nothing copied stays."""
    try:
        p.made_folder = not p.where.exists()
        try:
            p.where.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise _copy_error(e, p.sources[0], p.where, False) from e
        done = 0
        for s in p.sources:
            name = clean_name(s.name)
            dest = _free(p.where, safe_name(name), p.taken)
            size, sha = _copy_one(p, s, dest, done, progress, cancel)
            done += size
            p.copied.append(dest)
            p.taken.add(dest.name.casefold())
            p.staged.append(EvidenceFile(None, p.activity_id, name, f"{p.activity_id}/{dest.name}", size, sha))
    except BaseException:
        discard(p)
        raise
    return p


def discard(p: Pending) -> None:
    """What copy_pending copied removed (and the folder it made)."""
    for f in p.copied:
        f.unlink(missing_ok=True)
    p.copied, p.staged = [], []
    if p.made_folder:
        try:
            p.where.rmdir()
        except OSError:
            pass


def commit(conn: sqlite3.Connection, p: Pending) -> list[EvidenceFile]:
    """The copied files recorded in one transaction; on failure nothing is recorded and the copies go."""
    try:
        with db.transaction(conn):
            return [rows.add_evidence(conn, f) for f in p.staged]
    except sqlite3.IntegrityError as e:
        discard(p)
        raise UserError("Không thêm được tệp minh chứng: hoạt động không còn trong sổ (có thể vừa bị xóa).") from e
    except BaseException:
        discard(p)
        raise


def attach(conn: sqlite3.Connection, activity_id: int, sources) -> list[EvidenceFile]:
    """Copy the files into the activity's evidence folder and record them, all in one transaction; a second
    file of the same name becomes "name (2).ext". On any failure nothing is recorded and nothing stays."""
    sources = list(sources)
    if not sources:
        return []
    return commit(conn, copy_pending(prepare(conn, activity_id, sources)))


def _to_trash(root: Path, f: EvidenceFile) -> Path | None:
    """Move a file to _da_xoa/<activity id>/; None when it is not there or cannot be moved (it stays)."""
    src = rows.under(root, f.stored)
    if src is None or not src.is_file():
        return None
    bin_ = root / TRASH / str(f.activity_id)
    try:
        bin_.mkdir(parents=True, exist_ok=True)
        dest = _free(bin_, src.name)
        os.replace(src, dest)
    except OSError:
        return None
    _drop_empty(src.parent)
    return dest


def _drop_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass


def remove(conn: sqlite3.Connection, evidence_id: int) -> Path | None:
    """The row removed and its file moved to _da_xoa (returned; None when the file was already gone)."""
    f = rows.get_evidence(conn, evidence_id)
    if f is None:
        return None
    root = folder_of(conn)
    src = rows.under(root, f.stored)  # None: the row points outside minh_chung/; only the row goes
    moved = None
    try:
        with db.transaction(conn):
            rows.delete_evidence(conn, evidence_id)
            if src is not None and src.exists():
                moved = _to_trash(root, f)
                if moved is None:
                    raise UserError(
                        f"Không bỏ được tệp “{one_line(f.name)}”: tệp đang được mở trong chương trình "
                        "khác hoặc không có quyền ghi; hãy đóng tệp rồi thử lại."
                    )
    except BaseException:
        if moved is not None and src is not None and not src.exists():  # the row stays: so does the file
            src.parent.mkdir(parents=True, exist_ok=True)
            os.replace(moved, src)
        raise
    return moved


@dataclass
class Trashed:
    """An activity's files as its deletion left them (for its undo)."""

    files: list[tuple[EvidenceFile, Path | None]] = field(default_factory=list)  # (row, where the file went)


def delete_activities(conn: sqlite3.Connection, ids: list[int]) -> dict[int, Trashed]:
    """Delete activities (their evidence rows go with them) in one transaction and move their files to
    _da_xoa; what moved where, to bring back on undo."""
    with db.transaction(conn):
        files = rows.for_activities(conn, ids)
        activities.delete_activities(conn, ids)
    if not files:
        return {}
    root = folder_of(conn)
    return {aid: Trashed([(f, _to_trash(root, f)) for f in fs]) for aid, fs in files.items()}


def bring_back(conn: sqlite3.Connection, trashed: dict[int, Trashed]) -> int:
    """Inside the caller's transaction (the activities restored with their ids): the files back in place and
    their rows with their former ids. Returns how many came back."""
    if not trashed:
        return 0
    root = folder_of(conn)
    n = 0
    for t in trashed.values():
        for f, moved in t.files:
            target = rows.under(root, f.stored)
            if target is None:
                continue
            if moved is not None and moved.is_file() and not target.exists():
                try:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(moved, target)
                except OSError:
                    continue
            if target.is_file():
                rows.add_evidence(conn, f)
                n += 1
    return n


def _ship(z, src: Path, arc: str, kind: int, f: EvidenceFile, stt: int) -> bool:
    """The evidence file `src` into the zip as `arc`, read as a regular file only (never through a link);
    False when it is not there or not a regular file. UserError when it cannot be read."""
    import shutil
    import time
    import zipfile

    try:
        fin = rows.open_regular(src)
    except FileNotFoundError:
        return False
    except rows.NotRegular:
        return False
    except OSError as e:
        raise UserError(
            f"Không đọc được tệp minh chứng “{one_line(f.name)}” của hoạt động {stt} ({e.strerror or e}); "
            "hồ sơ chưa được ghi."
        ) from e
    with fin:
        st = os.fstat(fin.fileno())
        info = zipfile.ZipInfo(arc, time.localtime(max(st.st_mtime, 315532800))[:6])
        info.compress_type = kind
        info.file_size = st.st_size
        try:
            with z.open(info, "w", force_zip64=st.st_size > 0x7FFFFFFF) as out:
                shutil.copyfileobj(fin, out, CHUNK)
        except OSError as e:
            raise UserError(
                f"Không đọc được tệp minh chứng “{one_line(f.name)}” của hoạt động {stt} ({e.strerror or e}); "
                "hồ sơ chưa được ghi."
            ) from e
    return True


@dataclass
class Dossier:
    path: Path
    files: int  # evidence files written
    pdf: bool  # whether the report's PDF is inside
    missing: list[str]  # evidence rows whose file is gone (listed in the zip's "Tệp thiếu.txt")


def export_dossier(
    conn: sqlite3.Connection,
    out_zip: str | Path,
    plan_id: int | None = None,
    start=None,
    end=None,
    pdf: bool = True,
    cancel=None,
) -> Dossier:
    """Hồ sơ minh chứng of a plan's period, one zip: the report (.docx, and .pdf when a converter exists), the
    appendix as a workbook, and "STT - title/" per activity with files (STT as in the report's appendix)."""
    import tempfile
    import zipfile

    from .documents import compile_for, write_report
    from .safety import check_output
    from .workbooks import write_xlsx_export

    out_zip = Path(out_zip)
    check_output(out_zip, faults.path_of(conn))  # any file of the data folder, evidence included
    plan, _, _, compiled, _ = compile_for(conn, plan_id, start, end)
    acts = compiled.activities
    files = rows.for_activities(conn, [a.id for a in acts if a.id is not None])
    root = folder_of(conn) if files else None
    missing: list[str] = []
    count, with_pdf = 0, False
    with tempfile.TemporaryDirectory(prefix="vbyt-ho-so-") as tmp:
        docx = Path(tmp) / "Báo cáo.docx"
        write_report(conn, docx, plan.id, start, end)
        if pdf:
            from ..docgen.pdf import to_pdf

            try:
                to_pdf(docx, cancel=cancel)
                with_pdf = True
            except UserError:  # no converter, or it failed: the dossier goes without the PDF
                with_pdf = False
        xlsx = write_xlsx_export(conn, Path(tmp) / "Phụ lục.xlsx", acts=acts, plan_id=plan.id)
        with atomic_path(out_zip) as part:
            with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as z:
                z.write(docx, docx.name)
                if with_pdf:
                    z.write(docx.with_suffix(".pdf"), "Báo cáo.pdf", zipfile.ZIP_STORED)
                z.write(xlsx, xlsx.name, zipfile.ZIP_STORED)
                width = max(3, len(str(len(acts))))
                for stt, a in enumerate(acts, 1):
                    fs = files.get(a.id)
                    if not fs or root is None:  # root is None only when no activity has files
                        continue
                    name = safe_name(f"{stt:0{width}d} - {a.title}")
                    used: set[str] = set()
                    for f in fs:
                        src = rows.under(root, f.stored)
                        if src is None:
                            missing.append(
                                f"{name}/{clean_name(f.name)} (đường dẫn “{one_line(f.stored)}” nằm ngoài thư mục "
                                "minh chứng, đã bỏ qua)"
                            )
                            continue
                        inner = safe_name(f.name)
                        stem, ext = os.path.splitext(inner)
                        k = 1
                        while inner.casefold() in used:
                            k += 1
                            inner = f"{stem} ({k}){ext}"
                        kind = zipfile.ZIP_STORED if ext.lower() in _PACKED else zipfile.ZIP_DEFLATED
                        if not _ship(z, src, f"{name}/{inner}", kind, f, stt):
                            missing.append(f"{name}/{clean_name(f.name)}")
                            continue
                        used.add(inner.casefold())
                        count += 1
                if missing:
                    z.writestr(
                        "Tệp thiếu.txt",
                        "Các tệp minh chứng không còn trong thư mục dữ liệu:\r\n" + "\r\n".join(missing) + "\r\n",
                    )
    return Dossier(out_zip, count, with_pdf, missing)
