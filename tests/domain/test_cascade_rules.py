"""The cascade's rules one at a time, on small plans built here: which catalogue entry completes an
unnumbered superior, which documents of the opening are a căn cứ, which department a duty names, when
the report deadline is missing (cascade.propose_plan)."""

from __future__ import annotations

from datetime import date

from desktop.domain.cascade import propose_plan
from desktop.domain.models import Department, LegalRef, PartialDate, PlanItem, Signer, Unit
from desktop.domain.plan_import import ImportedPlan

SYT = "Sở Y tế tỉnh Lâm Đồng"
TITLE = (
    "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị và Nghị quyết số 71/NQ-CP"
    " ngày 01/4/2025 của Chính phủ năm 2026"
)
SUMMARY = (
    "về thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị và Nghị quyết số 71/NQ-CP"
    " ngày 01/4/2025 của Chính phủ năm 2026"
)


def unit() -> Unit:
    return Unit(
        "Bệnh viện Phổi Bình Thuận",
        "BVPBT",
        "Lâm Đồng",
        SYT,
        [
            Department("Phòng Kế hoạch tổng hợp", "KHTH", 1),
            Department("Khoa Lao", "LAO", 2),
            Department("Khoa Bệnh phổi", "BP", 3),
            Department("Tổ Công nghệ thông tin", "CNTT", 5),
        ],
        [Signer("GIÁM ĐỐC", "Lê Hồng Vũ", id=7)],
        ["Sở Y tế (báo cáo)"],
    )


def superior(**kw) -> ImportedPlan:
    """An unnumbered plan of the Sở ("Số: /KH-SYT"), dated 05/01/2026."""
    fields = dict(title=TITLE, number="/KH-SYT", issuer=SYT, doc_date=PartialDate(2026, 1, 5))
    fields.update(kw)
    return ImportedPlan(**fields)


def entry(number: str, issued: date, summary: str = SUMMARY, issuer: str = SYT) -> LegalRef:
    return LegalRef("Kế hoạch", number, issued, issuer, summary)


# One of the two Nghị quyết the title cites, and a different subject: a weaker likeness than asked for.
HALF = entry(
    "13/KH-SYT",
    date(2026, 1, 5),
    "về thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về chuyển đổi số",
)


def test_an_unnumbered_superior_is_completed_by_the_catalogue_entry_citing_the_same_documents():
    same = entry("12/KH-SYT", date(2026, 1, 5))
    p = propose_plan(superior(), unit(), [HALF, same], year=2026)
    assert p.suggested == same and p.superior.ref == same
    assert p.superior.ref is not same  # a copy: what the clerk changes never touches the catalogue
    assert p.missing == ["number", "deadline"]  # as read: the source's own number was blank


def test_a_weak_likeness_completes_nothing():
    """Citing one of the two documents and another subject scores under the threshold (0.58 < 0.6)."""
    p = propose_plan(superior(), unit(), [HALF], year=2026)
    assert p.suggested is None
    assert p.superior.ref == LegalRef("Kế hoạch", "", date(2026, 1, 5), SYT, SUMMARY)


def test_the_catalogue_entry_of_another_year_or_issuer_or_kind_is_not_proposed():
    others = [
        entry("14/KH-SYT", date(2025, 1, 5)),  # the same words a year before
        entry("15/KH-UBND", date(2026, 1, 5), issuer="Ủy ban nhân dân tỉnh Lâm Đồng"),
        LegalRef("Quyết định", "16/QĐ-SYT", date(2026, 1, 5), SYT, SUMMARY),
    ]
    assert propose_plan(superior(), unit(), others, year=2026).suggested is None
    undated = superior(doc_date=None)  # without its own date the year is not checked
    assert propose_plan(undated, unit(), others, year=2026).suggested == others[0]
    unsigned = superior(issuer="")  # nobody to match against: no guess at all
    assert propose_plan(unsigned, unit(), others[:1], year=2026).suggested is None


def test_the_report_deadline_is_flagged_when_the_source_sets_none():
    p = propose_plan(superior(), unit(), [], year=2026)
    assert p.superior.deadline is None and "deadline" in p.missing
    assert p.missing_labels() == ["Số, ký hiệu", "Hạn báo cáo"]
    yearly = propose_plan(superior(deadline="15/12"), unit(), [], year=2026)
    assert yearly.superior.deadline == date(2026, 12, 15) and yearly.missing == ["number"]


def test_a_document_the_opening_names_in_passing_is_a_basis_only_with_its_date():
    imported = superior(
        basis=["Căn cứ Công văn số 123/SYT-NV của Sở Y tế tỉnh Lâm Đồng;"],
        opening=[
            "Thực hiện Công văn số 456/SYT-NV của Sở Y tế tỉnh Lâm Đồng và Công văn số 789/SYT-NV ngày"
            " 02/3/2026 của Sở Y tế tỉnh Lâm Đồng."
        ],
    )
    p = propose_plan(imported, unit(), [], year=2026)
    assert [(c.ref.number, c.ref.issued, c.source, c.is_new) for c in p.basis] == [
        ("123/SYT-NV", None, "căn cứ", True),  # a căn cứ line is a basis even undated
        ("789/SYT-NV", date(2026, 3, 2), "mở đầu", True),
    ]
    assert p.basis[1].written == "Công văn số 789/SYT-NV ngày 02/3/2026 của Sở Y tế tỉnh Lâm Đồng"
    # the undated one of the opening is kept when the catalogue knows it
    known = LegalRef("Công văn", "456/SYT-NV", date(2026, 2, 1), SYT, "về truyền thông")
    p = propose_plan(imported, unit(), [known], year=2026)
    assert [c.ref.number for c in p.basis] == ["123/SYT-NV", "456/SYT-NV", "789/SYT-NV"]
    assert p.basis[1].ref == known and p.basis[1].is_new is False


def test_the_department_a_duty_names():
    imported = superior(
        items=[
            PlanItem(
                "section",
                "NỘI DUNG",
                [
                    PlanItem("bullet", "Truyền thông phòng, chống bệnh lao tại cộng đồng"),
                    PlanItem("bullet", "Bệnh phổi chủ trì, phối hợp với Khoa Lao tổ chức nói chuyện"),
                    PlanItem("bullet", "Đăng tin trên trang điện tử, giao công nghệ thông tin"),
                    PlanItem("bullet", "KHTH tổng hợp, báo cáo; khth không phải là tên viết tắt"),
                    PlanItem("bullet", "Lao là bệnh truyền nhiễm: tuyên truyền phát hiện sớm"),
                ],
            )
        ]
    )
    p = propose_plan(imported, unit(), [], year=2026)
    assert [(t.where, t.section, t.lead_dept_id, t.lead_named, t.coord_dept_ids) for t in p.tasks] == [
        # "lao" alone is a disease, not Khoa Lao: a one-word name is matched only with its "Khoa"
        ("I, -1", "content", None, "", []),
        # two words of a name without its "Khoa" are the department; "phối hợp với" makes it a partner
        ("I, -2", "content", 3, "Bệnh phổi", [2]),
        ("I, -3", "content", 5, "công nghệ thông tin", []),
        ("I, -4", "content", 1, "KHTH", []),
        ("I, -5", "content", None, "", []),  # even opening the duty, "Lao" is the disease
    ]
    items = p.plan.items[0].children
    assert [(it.is_task, it.lead_dept_id, it.coord_dept_ids) for it in items] == [
        (True, None, []),
        (True, 3, [2]),
        (True, 5, []),
        (True, 1, []),
        (True, None, []),
    ]


def test_the_units_own_plan_without_citations_misses_its_superiors_every_field():
    own = ImportedPlan(
        title="Kế hoạch truyền thông năm 2026",
        number="/KH-BVPBT",
        issuer="Bệnh viện Phổi Bình Thuận",
        doc_date=PartialDate(2026, 1, 5),
    )
    p = propose_plan(own, unit(), [], year=2026)
    assert p.own_plan and p.suggested is None
    assert p.missing == ["number", "date", "issuer", "summary", "deadline"]
    assert p.missing_labels() == ["Số, ký hiệu", "Ngày ban hành", "Cơ quan ban hành", "Trích yếu", "Hạn báo cáo"]
    assert p.superior.ref == LegalRef("Kế hoạch", "", None, SYT, "")  # the unit's parent body, to be completed


def test_what_the_source_is_and_how_its_basis_lines_are_read():
    imported = superior(
        number="357/KH-SYT",
        signature={"signer": "Nguyễn Văn A", "organisation": SYT},
        kind="quyet_dinh_ban_hanh_ke_hoach",
        parent="Ủy ban nhân dân tỉnh Lâm Đồng",
        basis=[
            # the superior itself cited in its own căn cứ: not a basis of the unit's plan
            "Căn cứ Kế hoạch số 357/KH-SYT ngày 04/9/2025 của Sở Y tế tỉnh Lâm Đồng;",
            # no document opens a clause here: the line's first document is its căn cứ, the second is named in it
            "Căn cứ nhiệm vụ được giao tại Quyết định số 12/QĐ-UBND ngày 01/01/2026 của Ủy ban nhân dân tỉnh Lâm Đồng"
            " theo Quyết định số 13/QĐ-UBND ngày 02/01/2026 của Ủy ban nhân dân tỉnh Lâm Đồng;",
        ],
    )
    p = propose_plan(imported, unit(), [], year=2026, roles={"lead": 1, "all": 2})  # "all" names no words
    assert [c.ref.number for c in p.basis] == ["12/QĐ-UBND"]
    assert p.signature == {"signer": "Nguyễn Văn A", "organisation": SYT}
    assert p.signature is not imported.signature
    assert (p.source_kind, p.source_parent) == ("quyet_dinh_ban_hanh_ke_hoach", "Ủy ban nhân dân tỉnh Lâm Đồng")
    assert p.plan.archive_dept_id == 1
