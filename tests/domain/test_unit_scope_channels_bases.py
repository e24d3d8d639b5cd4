"""Scope, channels and bases of the hospital's plan made from the Bộ's plan (seed 000) are the unit's own
(issue 23, point 3): no "Toàn quốc" scope; the Bộ's organisation decree and its party committee's plan shown
unticked; the unit's channels proposed in place of the Bộ's national media."""

from desktop.domain.cascade import apply_proposal, propose_plan
from desktop.domain.plan_import import parse_plan_text
from desktop.domain.text import fold
from tests.domain.test_cascade import catalogue, seed
from tests.domain.test_unit_plan_seeds import KHTH, hospital


def proposal(unit=None, cat=None):
    unit = unit or hospital()
    return propose_plan(parse_plan_text(seed("000")), unit, catalogue() if cat is None else cat, 2025, {"lead": KHTH})


def test_no_national_scope_in_the_hospitals_plan():
    plan = apply_proposal(proposal())
    texts = [it.text for it, _ in plan.walk()]
    assert not any("toan quoc" in fold(t) for t in texts if "pham vi" in fold(t))
    assert any("người bệnh, người nhà người bệnh" in t for t in texts)


def test_the_superiors_own_decree_and_party_plan_are_shown_unticked():
    for cat in (None, []):  # known to the catalogue or read from the text
        p = proposal(cat=cat)
        kept = {c.ref.number: c.keep for c in p.basis}
        assert kept["42/2025/NĐ-CP"] is False and kept["23-KH/ĐU"] is False
        assert all(v for n, v in kept.items() if n not in ("42/2025/NĐ-CP", "23-KH/ĐU"))
        numbers = [r.number for r in apply_proposal(p).basis]
        assert "42/2025/NĐ-CP" not in numbers and "23-KH/ĐU" not in numbers and "57-NQ/TW" in numbers


CHANNELS = ["Trang thông tin điện tử của Bệnh viện", "Fanpage Bệnh viện Phổi Khánh Hòa", "bảng tin", "loa nội bộ"]


def test_the_units_channels_are_proposed_in_place_of_national_media():
    unit = hospital()
    unit.channels = list(CHANNELS)
    p = propose_plan(parse_plan_text(seed("000")), unit, catalogue(), 2025, {"lead": KHTH})
    offered = [r for r in p.repairs if r.kind == "channels"]
    assert offered and all(r.accepted for r in offered)
    media = next(r for r in offered if "Báo Sức khỏe" in r.before)
    assert media.before == "Báo Sức khỏe & Đời sống, Cổng thông tin điện tử Bộ Y tế và các cơ quan báo chí trung ương"
    assert media.after == (
        "Trang thông tin điện tử của Bệnh viện, Fanpage Bệnh viện Phổi Khánh Hòa, bảng tin và loa nội bộ"
    )
    texts = [it.text for it, _ in apply_proposal(p).walk()]
    assert not any("Báo Sức khỏe" in t or "Cổng thông tin điện tử Bộ Y tế" in t for t in texts)
    assert any("đăng tải trên Trang thông tin điện tử của Bệnh viện, Fanpage" in t for t in texts)


def test_no_channels_in_the_profile_no_channel_repair():
    assert not [r for r in proposal().repairs if r.kind == "channels"]
