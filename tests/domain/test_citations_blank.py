"""A catalogue entry without a number (a superior document whose number could not be read) is never a
match by leading number, and never breaks the matching of the next import."""

from datetime import date

from desktop.domain.citations import match
from desktop.domain.models import LegalRef


def test_an_entry_without_number_is_skipped_not_a_crash():
    blank = LegalRef("Kế hoạch", "", None, "Sở Y tế thành phố Hải Phòng", "về tuyên truyền", id=1)
    nq = LegalRef("Nghị quyết", "57-NQ/TW", date(2024, 12, 22), "Bộ Chính trị", id=2)
    assert match(LegalRef("Nghị quyết", "57-NQ/TW", None, ""), [blank, nq]) is nq
    assert match(LegalRef("Kế hoạch", "12/KH-SYT", None, ""), [blank]) is None
