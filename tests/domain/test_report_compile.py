"""Compilation of the Báo cáo against hand-counted fixtures."""

from datetime import date

import pytest

from desktop.domain.models import Activity, Department, PartialDate, Plan, PlanItem, Target, Unit
from desktop.domain.report import appendix_rows, appendix_totals, apply_edits, compile_report, drafts, report_blocks


@pytest.fixture
def unit():
    return Unit(
        "Bệnh viện Phổi Bình Thuận",
        "BVPBT",
        "Lâm Đồng",
        "Sở Y tế tỉnh Lâm Đồng",
        departments=[Department("Phòng Kế hoạch tổng hợp", "KHTH", 1), Department("Khoa Lao", "LAO", 2)],
    )


@pytest.fixture
def plan():
    t1 = PlanItem(
        "section",
        "Truyền thông về Nghị quyết 57",
        is_task=True,
        lead_dept_id=1,
        id=11,
        targets=[Target(12, "tin_bai"), Target(2, "sinh_hoat")],
    )
    t2 = PlanItem("bullet", "Tập huấn chuyển đổi số", is_task=True, id=12, targets=[Target(1, "tap_huan")])
    sec = PlanItem("section", "NỘI DUNG", children=[t1, PlanItem("section", "Khác", children=[t2])], id=10)
    return Plan(
        "Truyền thông năm 2025",
        PartialDate(2025, 9, 5),
        number=5,
        items=[sec],
        id=1,
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        archive_dept_id=1,
    )


def act(d, dept, task, form, qty=1, people=None, cost=0, title="Hoạt động", **kw):
    return Activity(
        start=d,
        dept_id=dept,
        task_id=task,
        form_code=form,
        title=title,
        quantity=qty,
        participants=people,
        cost=cost,
        **kw,
    )


@pytest.fixture
def ledger():
    return [
        act(date(2025, 3, 5), 1, 11, "tin_bai", 2, title="Bài 1"),
        act(date(2025, 4, 1), 1, 11, "tin_bai", 1, title="Bài 2"),
        act(date(2025, 4, 2), 2, 11, "sinh_hoat", 1, 45, 500000, title="Sinh hoạt 1"),
        act(date(2025, 5, 9), 2, 11, "sinh_hoat", 1, 60, 0, title="Sinh hoạt 2"),
        act(date(2025, 6, 1), 2, 11, "sinh_hoat", 1, 140, 1000000, title="Sinh hoạt 3"),
        act(date(2025, 7, 1), 1, 12, "tap_huan", 1, 80, 12000000, title="Lớp 1", end=date(2025, 7, 2)),
        act(date(2025, 8, 1), 2, None, "to_roi", 300, None, 1500000, title="Tờ rơi"),
        act(date(2024, 12, 31), 1, 11, "tin_bai", 5, title="Năm trước"),  # outside the period
        act(date(2026, 1, 1), 1, 11, "tin_bai", 5, title="Năm sau"),  # outside the period
    ]


def test_groups_counts_and_targets(unit, plan, ledger):
    c = compile_report(plan, unit, ledger, date(2025, 1, 1), date(2025, 12, 31))
    assert c.total == 7 and c.cost == 15000000 and c.participants == 325
    t1, t2 = c.tasks
    assert (t1.label, t2.label) == ("I.1", "I.2")  # I. NỘI DUNG / 1. the theme / 2. Khác (bullet task)
    lines = {
        (ln.form_code, ln.unit_label): (ln.activities, ln.quantity, ln.participants, ln.cost)
        for ln in t1.group.ordered_lines()
    }
    assert lines == {("tin_bai", "tin, bài"): (2, 3, 0, 0), ("sinh_hoat", "buổi"): (3, 3, 245, 1500000)}
    assert [(r.achieved, r.met) for r in t1.targets] == [(3, False), (3, True)]
    assert round(t1.targets[0].percent, 1) == 25.0 and t1.targets[1].percent == 150.0
    assert [(r.achieved, r.met) for r in t2.targets] == [(1, True)]
    assert c.unassigned.activities == 1 and c.unassigned.cost == 1500000
    assert [(d.abbr, d.activities, d.participants, d.cost) for d in c.depts] == [
        ("KHTH", 3, 80, 12000000),
        ("LAO", 4, 245, 3000000),
    ]
    assert c.by_month[(2025, 4)] == 2


def test_sentences_are_counted_in_their_units(unit, plan, ledger):
    c = compile_report(plan, unit, ledger, date(2025, 1, 1), date(2025, 12, 31))
    secs = {s.key: s for s in drafts(plan, unit, c)}
    t1 = secs["task.11"].text
    assert t1.startswith(
        "Đăng tải 03 tin, bài trên Trang thông tin điện tử của Bệnh viện; "
        "tổ chức 03 buổi sinh hoạt chuyên đề với 245 lượt người tham dự."
    )
    assert "chỉ tiêu 12 tin, bài, thực hiện 03 tin, bài (25%): CHƯA ĐẠT" in t1
    assert "chỉ tiêu 02 buổi, thực hiện 03 buổi (150%): ĐẠT" in t1
    assert t1.endswith("Kinh phí thực hiện: 1.500.000 đồng.")
    assert "Tổ chức 01 lớp tập huấn với 80 lượt học viên" in secs["task.12"].text
    assert secs["task.none"].text == "Phát hành 300 tờ rơi."
    assert "07 hoạt động truyền thông với 325 lượt người tham dự, tổng kinh phí 15.000.000 đồng" in secs["ket_qua"].text
    assert "01/02 chỉ tiêu" not in secs["uu_diem"].text and "02/03 chỉ tiêu" in secs["uu_diem"].text
    assert secs["han_che"].text.startswith("Một số chỉ tiêu chưa đạt: chỉ tiêu 12 tin, bài")
    assert secs["ket_thuc"].text.endswith("./.")


def test_period_filter_and_appendix_rows(unit, plan, ledger):
    c = compile_report(plan, unit, ledger, date(2025, 4, 1), date(2025, 6, 30))
    rows = appendix_rows(c, unit)
    assert [r[2] for r in rows] == ["Bài 2", "Sinh hoạt 1", "Sinh hoạt 2", "Sinh hoạt 3"]
    assert rows[1] == (
        "2",
        "02/4/2025",
        "Sinh hoạt 1",
        "Sinh hoạt chuyên đề",
        "Khoa Lao",
        "1 buổi",
        "45",
        "500.000",
        "",
    )
    assert appendix_totals(c) == ("", "", "Tổng cộng: 4 hoạt động", "", "", "", "245", "1.500.000", "")
    full = compile_report(plan, unit, ledger, date(2025, 1, 1), date(2025, 12, 31))
    lop = next(r for r in appendix_rows(full, unit) if r[2] == "Lớp 1")
    assert lop[1] == "01/7/2025 - 02/7/2025" and lop[7] == "12.000.000"


def test_edits_replace_drafts_and_are_kept(unit, plan, ledger):
    c = compile_report(plan, unit, ledger, date(2025, 1, 1), date(2025, 12, 31))
    secs = apply_edits(
        drafts(plan, unit, c), {"uu_diem": "Đoạn một.\nĐoạn hai.", "han_che": "  ", "ket_thuc": "Trân trọng báo cáo"}
    )
    by_key = {s.key: s for s in secs}
    assert by_key["uu_diem"].text == "Đoạn một.\nĐoạn hai." and by_key["han_che"].text == by_key["han_che"].draft
    blocks = report_blocks(secs)
    texts = [b.text for b in blocks]
    assert "Đoạn một." in texts and "Đoạn hai." in texts
    assert blocks[-1].kind == "closing" and blocks[-1].text == "Trân trọng báo cáo./."
    heads = [b.full for b in blocks if b.kind == "h1"]
    assert heads == [
        "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI",
        "II. KẾT QUẢ THỰC HIỆN",
        "III. ĐÁNH GIÁ CHUNG",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
    ]


def test_empty_ledger_compiles(unit, plan):
    c = compile_report(plan, unit, [], date(2025, 1, 1), date(2025, 12, 31))
    secs = {s.key: s for s in drafts(plan, unit, c)}
    assert c.total == 0 and "chưa ghi nhận" in secs["task.11"].text
    assert appendix_totals(c)[2] == "Tổng cộng: 0 hoạt động"


def test_consolidated_report_breaks_down_by_unit(tmp_path):
    """A Sở that imported its hospitals' exports: figures per unit, appendix grouped by unit."""
    from datetime import date as _d

    from desktop.domain.models import Activity, Department, PartialDate, Plan, Unit
    from desktop.domain.report import appendix_rows, compile_report, drafts

    unit = Unit("Sở Y tế tỉnh Lâm Đồng", "SYT", "Lâm Đồng", departments=[Department("Văn phòng Sở", "VP", id=1)])
    plan = Plan("Truyền thông", PartialDate(2025))
    acts = [
        Activity(_d(2025, 3, 1), 1, "tin_bai", "Tin của Sở", cost=100_000, id=1),
        Activity(
            _d(2025, 2, 1),
            None,
            "tap_huan",
            "Tập huấn ở bệnh viện",
            participants=40,
            cost=2_000_000,
            source_unit="Bệnh viện Phổi Bình Thuận",
            source_dept="Khoa Lao",
            id=2,
        ),
        Activity(_d(2025, 1, 5), None, "tin_bai", "Tin ở trung tâm", source_unit="Trung tâm Y tế Đức Trọng", id=3),
    ]
    c = compile_report(plan, unit, acts, _d(2025, 1, 1), _d(2025, 12, 31))
    assert c.consolidated and [u.name for u in c.units] == [
        "Sở Y tế tỉnh Lâm Đồng",
        "Bệnh viện Phổi Bình Thuận",
        "Trung tâm Y tế Đức Trọng",
    ]
    assert [(u.activities, u.participants, u.cost) for u in c.units] == [(1, 0, 100_000), (1, 40, 2_000_000), (1, 0, 0)]
    assert [d.name for d in c.depts] == ["Văn phòng Sở"]  # other units' departments are not ours
    sec = next(s for s in drafts(plan, unit, c) if s.key == "don_vi")
    assert sec.heading == "Kết quả theo đơn vị"
    assert "Bệnh viện Phổi Bình Thuận: 01 hoạt động, 40 lượt người tham dự, 2.000.000 đồng" in sec.text
    rows = appendix_rows(c, unit)
    assert [r[4] for r in rows] == [
        "Văn phòng Sở (Sở Y tế tỉnh Lâm Đồng)",
        "Khoa Lao (Bệnh viện Phổi Bình Thuận)",
        "Trung tâm Y tế Đức Trọng",
    ]
    assert c.total == 3
