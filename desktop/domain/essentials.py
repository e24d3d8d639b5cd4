"""What a document cannot do without: checked before anything is written, so that a blank unit
name, signer or title stops the export with a message naming the field as the screen labels it,
instead of a file that fails the format check."""

from __future__ import annotations

from .errors import UserError
from .models import Signer, Unit
from .text import clean


def signer_for(unit: Unit, signer_id: int | None) -> Signer | None:
    """The document's signer: the one chosen, else the unit's first."""
    return unit.signer(signer_id) or (unit.signers[0] if unit.signers else None)


def missing(unit: Unit, title: str, signer_id: int | None, title_label: str) -> list[str]:
    """The blank essentials, each as '<screen> › <field>'."""
    gaps = []
    if not clean(unit.name):
        gaps.append("Đơn vị › Tên đơn vị")
    signer = signer_for(unit, signer_id)
    if signer is None:
        gaps.append("Đơn vị › Người ký (chưa có người ký nào)")
    else:
        if not clean(signer.authority):
            gaps.append("Đơn vị › Người ký › Thẩm quyền ký")
        if not clean(signer.full_name) or clean(signer.full_name) == "Họ và tên":
            gaps.append("Đơn vị › Người ký › Họ và tên")
    if not clean(title):
        gaps.append(title_label)
    return gaps


def require(unit: Unit, title: str, signer_id: int | None, what: str, title_label: str) -> None:
    gaps = missing(unit, title, signer_id, title_label)
    if gaps:
        raise UserError(f"Chưa xuất được {what}: còn trống {'; '.join(gaps)}. Hãy điền rồi xuất lại.")
