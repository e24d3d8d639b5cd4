"""Reading a .docx package safely: the zip, its parts and their relationships.

    pkg = Package("ke_hoach.docx")     # or read_package(path)
    root = pkg.xml(pkg.main)           # parsed word/document.xml

This reader is shared by the format checker (desktop.nd30) and the template checker
(desktop.docgen.template_check). Every failure to read becomes a CheckError whose text is one
Vietnamese line naming the file: a missing path, a folder, an empty file, an old .doc or a
password-protected file, a cut zip, a part too large, damaged XML. Parts with a DOCTYPE (how
entity bombs and external entities get in; Word never writes one) are refused before parsing,
and the XML parser itself neither expands entities nor loads DTDs or reaches the network, with
libxml2's size and depth limits on (huge_tree off).
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

from lxml import etree

from .. import safezip
from ..domain.errors import UserError
from ..safezip import DOCTYPE, DOCTYPE_WINDOW, has_doctype
from .ooxml import PR, REL_OFFICE_DOC, one_line

__all__ = ["DOCTYPE", "CheckError", "Package", "has_doctype", "read_package"]


class CheckError(Exception):
    """The file cannot be checked at all (missing, not a .docx, damaged XML, empty …).

    str(e) is one Vietnamese line naming the file and the problem.
    """


def read_package(path) -> Package:
    """Open the .docx at `path`; raises CheckError (one Vietnamese line) when it cannot."""
    return Package(path)


class Package:
    """The zip, its parts and relationships; every read failure becomes a CheckError."""

    LIMITS = safezip.LIMITS  # the limits of every reader of an Office file (desktop/safezip.py)

    def __init__(self, path):
        if path is None or str(path).strip() == "":
            raise CheckError("Chưa chọn tệp để kiểm tra: đường dẫn trống.")
        self.path = Path(os.fspath(path))
        self.display_name = self.path.name or str(self.path)
        name = self.display_name
        if not self.path.exists():
            raise CheckError(f'Không tìm thấy tệp "{name}" ({self.path}).')
        if self.path.is_dir():
            raise CheckError(f'"{name}" là một thư mục, không phải tệp Word .docx.')
        try:
            with open(self.path, "rb") as fh:
                magic = fh.read(8)
        except OSError as exc:
            raise CheckError(f'Không mở được tệp "{name}": {one_line(exc.strerror or exc)}.') from None
        if not magic:
            raise CheckError(f'Tệp "{name}" rỗng (0 byte), không phải tệp Word .docx.')
        if magic.startswith(b"\xd0\xcf\x11\xe0"):
            raise CheckError(
                f'Tệp "{name}" là tệp Word cũ (.doc) hoặc tệp .docx có đặt mật khẩu; '
                "hãy mở bằng Word, bỏ mật khẩu và lưu lại dạng .docx."
            )
        try:
            self.zip = safezip.open_zip(self.path, self.LIMITS)  # entries and declared sizes: nothing inflated
        except UserError as exc:
            raise CheckError(str(exc)) from None
        except (*safezip.ZIP_ERRORS, OSError):
            if magic.startswith(b"PK"):
                raise CheckError(
                    f'Tệp "{name}" bị hỏng hoặc không đầy đủ (cấu trúc nén ZIP bị cắt cụt); '
                    "hãy sao chép hoặc tải lại tệp."
                ) from None
            raise CheckError(f'Tệp "{name}" không phải tệp Word .docx (không có cấu trúc nén ZIP).') from None
        self.names = set(self.zip.namelist())
        self.main = self._main_part()

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def doctype_part(self) -> str | None:
        """Name of the first .xml/.rels part, in zip order, whose start declares a DTD; None if none.

        Reads only the start of each part; zip errors (zipfile.BadZipFile, zlib.error, EOFError,
        OSError, ValueError, NotImplementedError, RuntimeError) are left to the caller.
        """
        for info in self.zip.infolist():
            if info.filename.endswith((".xml", ".rels")):
                with self.zip.open(info) as fh:
                    if has_doctype(fh.read(DOCTYPE_WINDOW)):
                        return info.filename
        return None

    # -- parts

    def _main_part(self) -> str:
        rels = self._rels_file("_rels/.rels", base="")
        for rtype, target in rels.values():
            if rtype.endswith(REL_OFFICE_DOC) and target in self.names:
                return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise CheckError(
            f'Tệp "{self.display_name}" là tệp ZIP nhưng không có phần nội dung văn bản '
            "(word/document.xml): không phải tệp Word .docx."
        )

    def read(self, name: str) -> bytes:
        try:
            # inflated 1 MB at a time, never past the part's limit; the DOCTYPE search is xml()'s
            return safezip.read_part(self.zip, name, one_line(self.display_name), self.LIMITS, doctype=False)
        except UserError as exc:
            raise CheckError(str(exc)) from None
        except KeyError:
            raise CheckError(f'Tệp "{self.display_name}" thiếu phần {name}.') from None
        except (*safezip.ZIP_ERRORS, OSError) as exc:
            raise CheckError(
                f'Tệp "{self.display_name}" bị hỏng: không giải nén được phần {name} ({one_line(exc)}).'
            ) from None

    def xml(self, name: str):
        """Parsed root of a part; damaged XML is a CheckError."""
        data = self.read(name)
        if has_doctype(data):
            # Word never writes a DTD; one in a part is how entity bombs and external
            # entities get in, so the part is refused before any parsing.
            raise CheckError(
                f'Tệp "{self.display_name}" bị hỏng hoặc không an toàn: phần {name} có khai báo '
                "DOCTYPE/thực thể XML, điều tệp Word không bao giờ có; không kiểm tra."
            )
        # No entity expansion, no DTD or network access, libxml2's size and depth limits on
        # (huge_tree off): a crafted part is refused instead of expanded.
        parser = etree.XMLParser(
            resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False, remove_comments=True
        )
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            line = getattr(exc, "lineno", None)
            where = f" (dòng {line})" if line else ""
            raise CheckError(f'Tệp "{self.display_name}" bị hỏng: phần {name} không phải XML hợp lệ{where}.') from None
        if root is None:
            raise CheckError(f'Tệp "{self.display_name}" bị hỏng: phần {name} trống.')
        return root

    def optional_xml(self, name: str | None):
        return self.xml(name) if name and name in self.names else None

    # -- relationships

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """rId → (relationship type, target part name) for a part."""
        folder, base = posixpath.split(part)
        return self._rels_file(posixpath.join(folder, "_rels", base + ".rels"), base=folder)

    def _rels_file(self, rels_name: str, base: str) -> dict[str, tuple[str, str]]:
        if rels_name not in self.names:
            return {}
        root = self.xml(rels_name)
        out = {}
        for rel in root.iter(PR.Relationship):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            if target.startswith("/"):
                target = target[1:]
            else:
                target = posixpath.normpath(posixpath.join(base, target))
            out[rel.get("Id") or ""] = (rel.get("Type") or "", target)
        return out

    def related(self, part: str, rel_suffix: str, fallback: str | None = None) -> str | None:
        for rtype, target in self.rels(part).values():
            if rtype.endswith(rel_suffix) and target in self.names:
                return target
        return fallback if fallback in self.names else None


# --------------------------------------------------------------------------------------------
# Style resolution
