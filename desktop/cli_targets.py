"""The target commands of docs/cli.md (issue 24): `targets` lists a plan's targets, `target-result` records the
value a rate or reach target reached in a period. Parsed in cli.py's parser (add_parsers), run here."""

from __future__ import annotations

import argparse

from .domain.periods import PERIOD_KEYS


def add_parsers(sub, plan_id_type) -> None:
    t = sub.add_parser("targets", help="liệt kê các chỉ tiêu của một kế hoạch")
    t.add_argument("--db", required=True)
    t.add_argument("--plan", type=plan_id_type, required=True)
    t.add_argument("--json", action="store_true", help="in một mảng JSON thay cho các dòng")
    t.set_defaults(targets_run=run)
    r = sub.add_parser("target-result", help="ghi kết quả đạt được của một chỉ tiêu tỷ lệ hoặc độ bao phủ trong một kỳ")
    r.add_argument("--db", required=True)
    r.add_argument("--plan", type=plan_id_type, required=True)
    r.add_argument("--target", type=_target_id, required=True, help="mã chỉ tiêu (cột đầu của lệnh targets)")
    r.add_argument(
        "--period",
        required=True,
        choices=PERIOD_KEYS,
        metavar="KỲ",
        help="kỳ trong năm của kế hoạch: year, h1, 9m, q1–q4, m1–m12",
    )
    r.add_argument("--value", required=True, help="tỷ lệ: 98,8 hoặc số đạt/tổng số (247/250); độ bao phủ: 47.111")
    r.add_argument("--note", default="", help="lý do, VD: “do hệ thống chưa kết nối”")
    r.set_defaults(targets_run=run)


def _target_id(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 2**63 - 1:
        raise argparse.ArgumentTypeError(f"mã chỉ tiêu “{text[:40]}” không hợp lệ: xem cột đầu của lệnh targets")
    return int(text)


def run(args, open_db, writer) -> int:
    from .app import targets

    if args.command == "targets":
        import json

        conn = open_db(args.db)
        try:
            rows = targets.list_targets(conn, args.plan)
        finally:
            conn.close()
        if args.json:
            print(json.dumps([r.as_dict() for r in rows], ensure_ascii=False))
            return 0
        for r in rows:
            t = r.target
            print(f"{t.id}\t{r.task_label}\t{t.kind}\t{r.value_text}\t{r.unit}\t{t.period}\t{r.task_text}")
        return 0
    with writer(args.db):
        conn = open_db(args.db, True)
        try:
            result = targets.record_result(conn, args.plan, args.target, args.period, args.value, args.note)
            shown = targets.value_text(conn, result)
        finally:
            conn.close()
    if not args.value.strip():
        print(f"Đã xóa kết quả của chỉ tiêu {args.target}, kỳ {args.period} năm {result.year}.")
    else:
        print(f"Đã ghi chỉ tiêu {args.target}, kỳ {args.period} năm {result.year}: {shown}")
    return 0
