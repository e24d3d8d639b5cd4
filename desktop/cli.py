"""The command line of spec/cli.md. Every failure is one Vietnamese line on stderr, exit 1/2."""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from datetime import date
from pathlib import Path

from . import APP_TITLE, __version__
from . import log as applog
from .domain.errors import UserError
from .domain.periods import CUTOFFS, PERIOD_KEYS
from .files import one_line

EXIT_USAGE, EXIT_ERROR = 2, 1
CUTOFF_HELP = (
    "cách chốt số liệu của --period: calendar (từ ngày 01 đến cuối tháng) hoặc nd09 (Nghị định 09/2019/NĐ-CP:"
    " từ ngày 15 tháng trước đến ngày 14); mặc định: theo kế hoạch"
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one Vietnamese line instead of argparse's English usage dump
        translated = (
            message.replace("the following arguments are required", "thiếu tham số bắt buộc")
            .replace("unrecognized arguments", "tham số không hợp lệ")
            .replace("invalid choice", "lệnh không hợp lệ")
            .replace("expected one argument", "cần một giá trị")
            .replace("argument ", "tham số ")
            .replace("choose from", "chọn một trong")
        )
        raise UserError(f"Lệnh không đúng: {translated} (xem: python -m desktop --help).")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"Ngày không hợp lệ: “{text}” (cần dạng YYYY-MM-DD, ví dụ 2025-12-31).") from None


def _positive(text: str | int) -> int:
    if isinstance(text, int):  # already read by _plan_id or _year
        return text
    if not (text.isascii() and text.isdigit()):
        raise UserError(f"Cần một số nguyên không âm, nhận được “{text}”.")
    return int(text)


MAX_ID = 2**63 - 1  # SQLite's largest integer: no row can have a larger id
MAX_DEMO_ACTIVITIES = 100_000  # a big year of a big hospital, ten times over: bench/ uses up to 20 000


def _plan_id(text: str) -> int:
    """argparse type of --plan: an id a plan can have (1 … 2^63 − 1), else one Vietnamese line naming it."""
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= MAX_ID:
        raise argparse.ArgumentTypeError(
            f"không có kế hoạch mã “{one_line(text)[:40]}”: mã kế hoạch là số nguyên dương như trong danh sách "
            "của lệnh plans"
        )
    return int(text)


def _year(text: str) -> int:
    """argparse type of --year: a year of the plans the app writes (the window's year boxes take the same)."""
    from .domain.plan_copy import FIRST_YEAR, LAST_YEAR

    if not (text.isascii() and text.isdigit()) or not FIRST_YEAR <= int(text) <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            f"năm “{one_line(text)[:40]}” không hợp lệ: năm của kế hoạch là từ {FIRST_YEAR} đến {LAST_YEAR}"
        )
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m desktop", description="Văn bản Y tế: kế hoạch và báo cáo theo Nghị định 30/2020/NĐ-CP.")
    p.add_argument("--version", action="version", version=f"{APP_TITLE} {__version__}")
    p.add_argument("--db", dest="gui_db", help="tệp dữ liệu cho cửa sổ (mặc định: thư mục dữ liệu của người dùng)")
    p.add_argument(
        "--self-test",
        dest="self_test",
        metavar="TỆP",
        help="mở cửa sổ, xem qua từng màn hình, ghi kết quả vào TỆP rồi tự đóng (kiểm tra cài đặt)",
    )
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    d = sub.add_parser("demo", help="tạo cơ sở dữ liệu mẫu")
    d.add_argument("--db", required=True)
    d.add_argument("--activities", type=str, default="150")
    d.add_argument("--seed", type=str, default="1")

    r = sub.add_parser("render", help="xuất văn bản Word")
    rs = r.add_subparsers(dest="what", parser_class=_Parser)
    for name in ("plan", "report"):
        x = rs.add_parser(name, help="kế hoạch" if name == "plan" else "báo cáo")
        x.add_argument("--db", required=True)
        x.add_argument("--out", required=True)
        x.add_argument("--plan", type=_plan_id)
        x.add_argument("--pdf", action="store_true", help="ghi thêm tệp PDF")
        x.add_argument("--template", help="mẫu .docx của đơn vị thay cho mẫu có sẵn")
        if name == "report":
            x.add_argument("--from", dest="start")
            x.add_argument("--to", dest="end")
            x.add_argument(
                "--period",
                choices=PERIOD_KEYS,
                metavar="KỲ",
                help="kỳ báo cáo trong năm của kế hoạch: year, h1 (6 tháng), 9m (9 tháng), q1–q4, m1–m12 (tháng)",
            )
            x.add_argument("--cutoff", choices=CUTOFFS, help=CUTOFF_HELP)
            x.add_argument(
                "--outline",
                metavar="TỆP",
                help="đề cương báo cáo của cấp trên (.docx, .pdf, .txt): báo cáo theo đúng các đề mục và thứ tự của nó",
            )

    c = sub.add_parser("check", help="kiểm tra thể thức một tệp .docx")
    c.add_argument("file")

    t = sub.add_parser("xlsx-template", help="tạo sổ Excel để các khoa, phòng ghi hoạt động")
    t.add_argument("--db", required=True)
    t.add_argument("--out", required=True)
    t.add_argument("--plan", type=_plan_id)

    i = sub.add_parser("import", help="nhập hoạt động từ các tệp Excel")
    i.add_argument("--db", required=True)
    i.add_argument("--plan", type=_plan_id, help="kế hoạch mà các hoạt động thực hiện (mặc định: kế hoạch mới nhất)")
    i.add_argument(
        "--skip-bad",
        metavar="FILE.xlsx",
        help="thêm các dòng hợp lệ của cả tệp có dòng bị từ chối; các dòng bị từ chối ghi vào FILE.xlsx (kèm lý do)",
    )
    i.add_argument("files", nargs="+")

    e = sub.add_parser("export", help="xuất toàn bộ hoạt động ra Excel")
    e.add_argument("--db", required=True)
    e.add_argument("--out", required=True)
    e.add_argument("--plan", type=_plan_id, help="chỉ các hoạt động của một kế hoạch")

    ez = sub.add_parser("evidence-zip", help="xuất hồ sơ minh chứng của kỳ báo cáo (một tệp .zip)")
    ez.add_argument("--db", required=True)
    ez.add_argument("--out", required=True)
    ez.add_argument("--plan", type=_plan_id)
    ez.add_argument("--from", dest="start")
    ez.add_argument("--to", dest="end")
    ez.add_argument(
        "--period",
        choices=PERIOD_KEYS,
        metavar="KỲ",
        help="kỳ báo cáo trong năm của kế hoạch: year, h1 (6 tháng), 9m (9 tháng), q1–q4, m1–m12 (tháng)",
    )
    ez.add_argument("--cutoff", choices=CUTOFFS, help=CUTOFF_HELP)
    ez.add_argument("--no-pdf", dest="pdf", action="store_false", help="không kèm bản PDF của báo cáo")

    ls = sub.add_parser("plans", help="liệt kê các kế hoạch")
    ls.add_argument("--db", required=True)

    rb = sub.add_parser("restore", help="khôi phục dữ liệu từ một bản sao lưu (thư mục sao_luu)")
    rb.add_argument("--db", required=True)
    rb.add_argument("--from", dest="backup", required=True)

    sv = sub.add_parser("salvage", help="cứu phần còn đọc được của dữ liệu bị hỏng sang một tệp mới")
    sv.add_argument("--db", required=True)
    sv.add_argument("--out", required=True)

    pc = sub.add_parser("plan-copy", help="tạo kế hoạch năm sau từ một kế hoạch")
    pc.add_argument("--db", required=True)
    pc.add_argument("--plan", type=_plan_id, required=True)
    pc.add_argument("--year", type=_year, required=True)
    pc.add_argument(
        "--force", action="store_true", help="vẫn tạo khi năm đó đã có kế hoạch này (một bản chép nữa, có chủ ý)"
    )

    fm = sub.add_parser("forms", help="liệt kê các hình thức hoạt động của đơn vị")
    fm.add_argument("--db")
    fms = fm.add_subparsers(dest="forms_command")
    fa = fms.add_parser("add", help="thêm một hình thức hoạt động")
    fa.add_argument("--db", dest="forms_db", required=True)
    fa.add_argument("--label", required=True, help="tên hình thức, VD: Khám sàng lọc")
    fa.add_argument("--unit", required=True, help="đơn vị tính, VD: lượt")
    fa.add_argument("--verb", default="", help="động từ trong câu báo cáo, VD: Tổ chức (mặc định: Thực hiện)")
    fa.add_argument("--tail", help="phần sau đơn vị tính (mặc định: tên hình thức viết thường)")

    pi = sub.add_parser("plan-import", help="tạo kế hoạch của đơn vị từ kế hoạch của cấp trên (.docx, .pdf, .txt)")
    pi.add_argument("--db", required=True)
    pi.add_argument("file")
    pi.add_argument("--json", action="store_true", help="in một đối tượng JSON thay cho bản tóm tắt")
    pi.add_argument(
        "--year", type=_year, help="năm của kế hoạch (mặc định: năm của văn bản cấp trên; không đọc được thì phải cho)"
    )
    pi.add_argument(
        "--again",
        action="store_true",
        help="vẫn tạo khi đã có kế hoạch tạo từ cùng văn bản cấp trên (một kế hoạch nữa, có chủ ý)",
    )
    __import__("desktop.cli_targets").cli_targets.add_parsers(sub, _plan_id)  # targets, target-result
    return p


def _plan_arg(args) -> int | None:
    return _positive(args.plan) if getattr(args, "plan", None) else None


def _open(path: str, locked: bool = False):
    """The database; for a command that only reads (not `locked`) an old file is migrated under the writer's
    lock only, so two commands never migrate it at once."""
    from .store import db

    if not locked and db.needs_migration(path):
        with _writer(path):
            return db.open_db(path)
    return db.open_db(path)


def _session(path: str, locked: bool = False):
    """A Session (app/session.py) on the database opened as _open does: the command's plan and period go in it."""
    from .app.session import Session

    return Session.of(_open(path, locked), path)


def _check_out(args, pdf: bool = False) -> None:
    from .app import safety

    safety.check_output(args.out, args.db, pdf)


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from .ui.main import main as gui_main

        return gui_main(
            [], Path(args.gui_db) if args.gui_db else None, Path(args.self_test) if args.self_test else None
        )
    if args.command == "forms":
        return _forms(args)
    if args.command == "demo":
        from .store.demo import create_demo

        count, seed = _positive(args.activities), _positive(args.seed)
        if count > MAX_DEMO_ACTIVITIES:
            from .domain.vnformat import number

            raise UserError(
                f"Dữ liệu mẫu có tối đa {number(MAX_DEMO_ACTIVITIES)} hoạt động, không tạo được "
                f"{number(count)[:40]} hoạt động; chưa tạo tệp nào."
            )
        # an existing file is refused by create_demo with its own message: nothing to lock then
        with nullcontext() if Path(args.db).exists() else _writer(args.db):
            create_demo(args.db, count, seed)
        print(f"Đã tạo dữ liệu mẫu: {args.db}")
        return 0
    if args.command == "render":
        from . import app
        from .app import report_outline

        if args.what is None:
            raise UserError("Cần chọn văn bản: render plan hoặc render report.")
        plan_id = _positive(args.plan) if args.plan else None
        template = Path(args.template) if args.template else None
        if template is not None and not template.is_file():
            raise UserError(f"Không tìm thấy mẫu {one_line(template)}.")
        _check_out(args, args.pdf)
        gaps: list[str] = []
        with _session(args.db) as s:
            s.plan_id = plan_id
            if args.what == "plan":
                written = app.write_plan(s.conn, args.out, s.plan_id, args.pdf, template)
            else:
                if bool(args.start) != bool(args.end):
                    raise UserError("Cần cả --from và --to để chọn kỳ báo cáo.")
                if args.period and args.start:
                    raise UserError("Chọn kỳ báo cáo bằng --period hoặc bằng --from/--to, không dùng cả hai.")
                s.period = _period(s, args)
                outline = report_outline.read_outline(args.outline)[0] if args.outline else None
                written = app.write_report(
                    s.conn, args.out, s.plan_id, *s.period_or_plan(), args.pdf, template, outline=outline, gaps=gaps
                )
        for w in written:
            print(f"Đã ghi {w}")
        for name in gaps:  # what the clerk fills in by hand
            print(report_outline.gap_message(name), file=sys.stderr)
        return 0
    if args.command == "check":
        from .nd30 import CheckError, check_docx

        try:
            findings = check_docx(args.file)
        except CheckError as e:
            raise UserError(str(e)) from None
        for f in findings:
            print(f"{f.rule}: {f.message}")
        if findings:
            return 1
        print(f"{args.file}: đạt thể thức Nghị định 30/2020/NĐ-CP.")
        return 0
    if args.command in ("xlsx-template", "export"):
        from . import app

        _check_out(args)
        conn = _open(args.db)
        try:
            if args.command == "export":
                written = app.write_xlsx_export(conn, args.out, plan_id=_plan_arg(args))
            else:
                written = app.write_xlsx_template(conn, args.out, _plan_arg(args))
        finally:
            conn.close()
        print(f"Đã ghi {written}")
        return 0
    if args.command == "import":
        return _import(args)
    if args.command == "evidence-zip":
        return _evidence_zip(args)
    if args.command == "plan-import":
        return _plan_import(args)
    if args.command == "plan-copy":
        from . import app

        with _writer(args.db):
            conn = _open(args.db)
            try:
                source, year = _positive(args.plan), _positive(args.year)
                _, changes = app.next_year_preview(conn, source, year)
                try:
                    new_id = app.copy_plan_to_year(conn, source, year, again=args.force)
                except app.PlanExists as e:
                    raise UserError(f"{e} Nếu thật sự cần thêm một bản nữa, chạy lại lệnh với --force.") from None
            finally:
                conn.close()
        for ch in changes:
            print(f"{ch.where}: {ch.before} → {ch.after}")
        print(new_id)
        return 0
    if args.command == "restore":
        return _restore(args)
    if args.command == "salvage":
        return _salvage(args)
    if getattr(args, "targets_run", None):  # targets, target-result: cli_targets.py
        return args.targets_run(args, _open, _writer)
    if args.command == "plans":
        from .store import plans

        conn = _open(args.db)
        try:
            for pid, title, year in reversed(plans.list_plans(conn)):  # oldest first
                print(f"{pid}\t{year}\t{title}")
        finally:
            conn.close()
        return 0
    raise UserError(f"Lệnh không hỗ trợ: {args.command}.")


def _period(s, args) -> tuple[date, date] | None:
    """The report period of --period (cut off by --cutoff, else by the plan's setting) or --from/--to."""
    from . import app

    if args.cutoff and not args.period:
        raise UserError("--cutoff chỉ dùng cùng --period (với --from/--to, ngày đầu và ngày cuối đã rõ).")
    if args.period:
        return app.period_of_plan(s.conn, s.plan_id, args.period, args.cutoff)
    if args.start:
        return _date(args.start), _date(args.end)
    return None


def _evidence_zip(args) -> int:
    from . import app

    if bool(args.start) != bool(args.end):
        raise UserError("Cần cả --from và --to để chọn kỳ báo cáo.")
    if args.period and args.start:
        raise UserError("Chọn kỳ báo cáo bằng --period hoặc bằng --from/--to, không dùng cả hai.")
    if Path(args.out).suffix.lower() != ".zip":
        raise UserError(f"Hồ sơ minh chứng là một tệp .zip; hãy đặt tên như {one_line(Path(args.out).stem)}.zip.")
    _check_out(args)
    with _session(args.db) as s:
        s.plan_id = _plan_arg(args)
        s.period = _period(s, args)
        d = app.evidence.export_dossier(s.conn, args.out, s.plan_id, *s.period_or_plan(), pdf=args.pdf)
    print(f"Đã ghi {d.path}: {d.files} tệp minh chứng" + ("" if d.pdf else ", không kèm PDF"))
    for m in d.missing:
        print(f"Thiếu tệp: {m}")
    return 0


def _forms(args) -> int:
    """The unit's forms, one a line: CODE<TAB>LABEL<TAB>UNIT<TAB>VERB (+ <TAB>ẩn when hidden); or one added."""
    from . import app

    if args.forms_command == "add":
        with _writer(args.forms_db):
            conn = _open(args.forms_db, locked=True)
            try:
                f = app.add_form(conn, args.label, args.unit, args.verb, args.tail)
            finally:
                conn.close()
        print(f"Đã thêm hình thức “{f.label}” ({f.unit}), mã {f.code}")
        return 0
    if not args.db:
        raise UserError("Cần chỉ rõ cơ sở dữ liệu: forms --db DB.")
    with _session(args.db) as s:
        for f in s.forms.forms:
            print(f"{f.code}\t{f.label}\t{f.unit}\t{f.verb}" + ("\tẩn" if f.hidden else ""))
    return 0


def _plan_import(args) -> int:
    """A plan from a superior's plan, without questions; a summary or (--json) one JSON object."""
    import json

    from .app import cascade
    from .domain.references import cite
    from .store import units

    if not Path(args.file).is_file():
        raise UserError(f"Không tìm thấy tệp {args.file}.")
    from .domain.plan_kinds import YearUnknown, cover_json

    with _writer(args.db):
        conn = _open(args.db, locked=True)
        try:
            try:
                done = cascade.import_without_questions(
                    conn,
                    units.load_unit(conn),
                    args.file,
                    _positive(args.year) if args.year else None,
                    again=args.again,
                )
            except cascade.AlreadyImported as e:
                raise UserError(f"{e} Nếu thật sự cần thêm một kế hoạch nữa, chạy lại lệnh với --again.") from None
            except YearUnknown as e:
                raise UserError(f"{e} Chạy lại lệnh với --year, ví dụ --year 2026.") from None
        finally:
            conn.close()
    p, sup = done.proposal, done.proposal.superior
    ref = sup.ref if sup else None
    summary = {
        "plan_id": done.plan_id,
        "superior": {
            "citation": cite(ref) if ref else "",
            "kind": ref.kind if ref else "",
            "number": ref.number if ref else "",
            "date": ref.issued.isoformat() if ref and ref.issued else None,
            "issuer": ref.issuer if ref else "",
            "parent": done.source_parent,
            "summary": ref.summary if ref else "",
            "deadline": sup.deadline.isoformat() if sup and sup.deadline else None,
        },
        "kind": done.source_kind,
        "cover": cover_json(p.cover, p.cover_requests, p.cover_deadline),  # the công văn that forwarded it, or None
        "basis": [
            {
                "citation": cite(c.ref),
                "kind": "Luật" if c.ref.kind.startswith("Luật ") else c.ref.kind,
                "name": c.ref.kind if c.ref.kind.startswith("Luật ") else None,
                "number": c.ref.number or None,
                "date": c.ref.issued.isoformat() if c.ref.issued else None,
                "issuer": c.ref.issuer or None,
                "source": c.source,
                "keep": c.keep,
            }
            for c in p.basis
        ],
        "sections": sum(p.sections),
        "tasks": len(p.tasks),
        "warnings": done.notes,
        "source": p.source,  # "txt", "docx", "pdf" or "pdf-ocr"
        "signature": p.signature,  # a PDF's digital signature (signer, organisation, email, time, how) or None
    }
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
        return 0
    print(
        f"Đã tạo kế hoạch {done.plan_id} từ {Path(args.file).name}: {summary['sections']} mục, "
        f"{summary['tasks']} nhiệm vụ, {len(summary['basis'])} căn cứ."
    )
    if ref:
        print(
            f"Thực hiện: {summary['superior']['citation']}"
            + (f" (hạn báo cáo {sup.deadline:%d/%m/%Y})" if sup.deadline else "")
        )
    for note in done.notes:
        print(f"Lưu ý: {note}")
    return 0


def _restore(args) -> int:
    from .app import safety

    with _writer(args.db):
        done = safety.restore(args.db, args.backup)
    print(f"Đã khôi phục dữ liệu {one_line(args.db)} từ bản sao lưu {one_line(Path(args.backup).name)}.")
    if done.before is not None:
        print(f"Dữ liệu trước khi khôi phục được sao lưu thành {one_line(done.before)}.")
    if done.aside is not None:
        print(f"Tệp dữ liệu hỏng được giữ lại (không bị xoá): {one_line(done.aside)}.")
    return 0


def _salvage(args) -> int:
    from .app import safety

    saved = safety.salvage(args.db, args.out)
    lost = sum(saved.lost.values())
    print(
        f"Đã cứu {saved.activities} hoạt động ({sum(saved.rows.values())} bản ghi) sang {one_line(args.out)}"
        + (f"; {lost} chỗ hỏng không đọc được đã bỏ qua" if lost else "")
        + f". Tệp {one_line(args.db)} giữ nguyên."
    )
    return 0


def _writer(db_path: str):
    """The database's one-writer lock (desktop.lock), held while a command writes."""
    from .lock import DbLock

    return DbLock(db_path)


def _import(args) -> int:
    """Per file: added / skipped, or every rejected row; a file with a rejected row adds nothing.
    Each file is read against the database as the files before it left it."""
    with _writer(args.db):
        return _import_locked(args)


def _import_locked(args) -> int:
    from . import app
    from .app.workbooks import check_rejected_target, write_rejected

    skip_bad = Path(args.skip_bad) if args.skip_bad else None
    if skip_bad is not None:  # the workbook of rejected rows: refused before anything is read or written
        check_rejected_target(skip_bad, args.files, args.db)
    conn = _open(args.db, locked=True)
    status = 0
    bad = []
    try:
        plan_id = app.resolve_plan_id(conn, _plan_arg(args))
        for f in args.files:
            try:
                [res] = app.read_imports(conn, [Path(f)], plan_id=plan_id)
            except UserError as e:
                print(one_line(e), file=sys.stderr)
                status = EXIT_ERROR
                continue
            name = one_line(f)
            for note in res.notes:
                print(f"{name}: {one_line(note)}")
            if res.rejected and skip_bad is None:
                status = EXIT_ERROR
                print(f"{name}: không nhập dòng nào vì có {len(res.rejected)} dòng bị từ chối:", file=sys.stderr)
                for r in res.rejected:
                    print(f"  {one_line(r)}", file=sys.stderr)
                continue
            added = app.commit_import(conn, res, valid_only=skip_bad is not None)
            skipped = res.duplicates + len(res.to_add) - added
            line = f"{name}: đã thêm {added} hoạt động, bỏ qua {skipped} hoạt động đã có"
            if res.rejected:
                bad.append(res)
                line += f"; {len(res.rejected)} dòng bị từ chối"
            print(line + ".")
    finally:
        conn.close()
    if bad:
        written = write_rejected(bad, skip_bad, args.db)
        print(f"Đã ghi {sum(len(r.rejected) for r in bad)} dòng bị từ chối vào {one_line(written)} (kèm lý do).")
    elif skip_bad is not None:
        print(f"Không có dòng bị từ chối; không ghi {one_line(skip_bad)}.")
    return status


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    applog.setup(kind="cli")
    log = applog.logger()
    log.info("command: %s", argv)
    try:
        status = run(argv)
    except UserError as e:
        log.warning("refused: %s", e)
        print(one_line(e), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        log.info("stopped by the user (Ctrl+C)")
        print("Đã dừng theo yêu cầu.", file=sys.stderr)
        return 130
    except Exception as e:  # last resort: one line, never a traceback (that goes to the log)
        log.exception("unexpected error in command %s", argv)
        first = next(iter(str(e).splitlines()), "")
        print(f"Lỗi không mong đợi ({type(e).__name__}): {first}{applog.where()}", file=sys.stderr)
        return EXIT_ERROR
    log.info("exit %s", status)
    return status
