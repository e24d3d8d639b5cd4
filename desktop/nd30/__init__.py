"""Check a .docx against the administrative format of Nghị định 30/2020/NĐ-CP.

    findings = check_docx("ke_hoach.docx")   # [] when every rule holds

Each Finding has a short stable rule id and a one-line Vietnamese message that says what is
wrong and where. The rules are those of docs/nd30.md, applied to a Kế hoạch or a
Báo cáo (with its optional appendix, "Phụ lục"):

  page          trang.kho-giay, trang.huong-giay, trang.le-tren/-duoi/-trai/-phai
  fonts, text   phong-chu, mau-chu, van-ban.nfc, van-ban.ky-tu-dieu-khien
  page numbers  so-trang.trang-dau, so-trang.thieu, so-trang.vi-tri, so-trang.can-giua,
                so-trang.co-chu, so-trang.kieu-so
  header table  dau-trang.bang, dau-trang.so-cot, dau-trang.vien,
                dau-trang.co-quan-chu-quan, dau-trang.co-quan-ban-hanh, dau-trang.gach-co-quan,
                dau-trang.so-ky-hieu, dau-trang.ky-hieu-loai, dau-trang.quoc-hieu,
                dau-trang.tieu-ngu, dau-trang.gach-tieu-ngu, dau-trang.dia-danh-ngay
  title block   tieu-de.ten-loai, tieu-de.trich-yeu, tieu-de.gach, tieu-de.kinh-gui
  body          than.trong, than.co-chu, than.can-le, than.thut-dau-dong,
                than.khoang-cach-doan, than.gian-dong, than.muc-la-ma, than.muc-so,
                than.thu-tu-muc, than.can-cu, than.ket-thuc
  closing       ket-thuc.bang, ket-thuc.vien, noi-nhan.tieu-de, noi-nhan.dong, noi-nhan.luu,
                chu-ky.tham-quyen, chu-ky.khoang-trong, chu-ky.ho-ten
  appendix      phu-luc.trang-moi, phu-luc.vien-bang, phu-luc.lap-tieu-de, phu-luc.dong-tong,
                phu-luc.co-chu
  package       cau-truc.thieu-phan (a header/footer the document refers to is missing)

Modules: package (reading the zip safely; shared with docgen.template_check), styles
(StyleResolver), walk and model (the document as paragraphs, tables, sections), findings, and
rules/ with one module per family above (page, header, number_date, underline, title, body,
numbering, closing, appendix, text).

Formatting is resolved as Word resolves it (see StyleResolver): direct run properties, the
run's character style, the paragraph style, the table style (its plain pPr/rPr and borders,
not its conditional parts), then the document defaults. Lengths inside the package are twips
(1/20 pt) and font sizes half-points, as in the XML.
"""

from __future__ import annotations

from .findings import MAX_PER_RULE, Finding
from .model import Document
from .ooxml import one_line
from .package import CheckError, Package, read_package
from .rules import check_document
from .styles import StyleResolver

__all__ = ["MAX_PER_RULE", "CheckError", "Finding", "Package", "StyleResolver", "check_docx", "read_package"]


def check_docx(path) -> list[Finding]:
    """Check the .docx at `path`; [] means it follows every rule.

    Raises only CheckError (when the file cannot be read as a Word document).
    """
    try:
        pkg = Package(path)
    except CheckError:
        raise
    except Exception as exc:  # noqa: BLE001 - odd path objects, permissions …: one Vietnamese line
        raise CheckError(f'Không mở được tệp "{path}": {one_line(exc)}.') from None
    try:
        return check_document(Document(pkg))
    except CheckError:
        raise
    except Exception as exc:  # noqa: BLE001 - a bug or an input we did not foresee: never a traceback
        raise CheckError(
            f'Không kiểm tra được tệp "{pkg.display_name}": lỗi không lường trước '
            f"({type(exc).__name__}: {one_line(str(exc))})."
        ) from exc
    finally:
        pkg.close()
