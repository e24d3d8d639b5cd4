"""Benchmark: the real-document corpus (tests/fixtures/real) through the importer, as a clerk gives it.

Every document is imported three times with the entry point of `plan-import --json` (desktop.cli.main, so the
same path through app.cascade.import_without_questions): as its .txt, and as a clerk-style Word file
built from it the way the seed tests build theirs (tests/fixtures/clerk_docx.build_docx over the
importer's own reading of the text, so that file carries whatever the text reading got wrong), and as
that Word file printed to PDF by LibreOffice (all files in one soffice call). Each
result is compared with the facts in the document's JSON and printed as a table, with the totals
"N of M facts right" per format.

Facts per document and format: accepted (a plan or a decision issuing one is accepted; a công văn
whose text holds no plan is refused), issuer, number, date, căn cứ (count found = count expected),
deadline, kind (the superior cited as a "Kế hoạch" for an accepted document; refused for a công văn).
For a document that should be refused only accepted and kind are counted; for one that should be
accepted but was refused every other fact counts as wrong.

    python3 bench/corpus_import.py [--verbose]
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop import cli  # noqa: E402
from desktop.store.demo import create_demo  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "real"
PLAN_KINDS = ("ke_hoach", "quyet_dinh_ban_hanh_ke_hoach")
FACTS = ("accepted", "issuer", "number", "date", "basis", "deadline", "kind", "tasks")


def nfc(s) -> str:
    return unicodedata.normalize("NFC", s or "")


def run_import(db: Path, source: Path) -> tuple[dict | None, str]:
    """`plan-import --json` on `source`: (its JSON, or None when refused; the message on stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(["plan-import", "--db", str(db), str(source), "--json"])
    if status != 0:
        return None, err.getvalue().strip()
    return json.loads(out.getvalue()), ""


def run_confirmed(db: Path, source: Path) -> dict | None:
    """What the review screen proposes when the clerk confirms a text refused as "not a plan"
    (app.cascade.propose with accept_non_plan), shaped like the `--json` summary; None if still refused."""
    from desktop.app import cascade
    from desktop.domain.errors import UserError
    from desktop.domain.references import cite
    from desktop.store import db as store_db
    from desktop.store import units

    conn = store_db.open_db(db)
    try:
        p = cascade.propose(conn, units.load_unit(conn), source, None, accept_non_plan=True)
    except UserError:
        return None
    finally:
        conn.close()
    sup = p.superior
    ref = sup.ref if sup else None
    return {
        "superior": {
            "kind": ref.kind if ref else "",
            "number": ref.number if ref else "",
            "date": ref.issued.isoformat() if ref and ref.issued else None,
            "issuer": ref.issuer if ref else "",
            "deadline": sup.deadline.isoformat() if sup and sup.deadline else None,
        },
        "basis": [cite(c.ref) for c in p.basis if c.keep],
    }


def clerk_docx(txt: Path, dest: Path) -> Path | None:
    """The seed tests' clerk-style Word file built from the text (tests/domain/test_corpus_real.clerk_file: a công
    văn keeps its own kind and text); None when even that cannot be built."""
    from tests.domain.test_corpus_real import clerk_file as build

    exp = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    try:
        return build(txt, dest, exp["kind"], "cover" in exp)
    except Exception as e:  # noqa: BLE001 - a bench: report and go on
        print(f"  (no .docx for {txt.name}: {type(e).__name__}: {e})", file=sys.stderr)
        return None


def to_pdf(tmp: Path, words: list[Path]) -> None:
    """The clerk Word files printed to PDF by LibreOffice, in one call (a profile of its own); the PDF leg is left
    empty (every fact wrong) when LibreOffice is not installed."""
    import subprocess

    from desktop.docgen.pdf import find_soffice

    soffice = find_soffice()
    if soffice is None:
        print("  (no LibreOffice: no PDF leg)", file=sys.stderr)
        return
    profile = f"-env:UserInstallation={(tmp / 'profile').as_uri()}"
    cmd = [soffice, "--headless", profile, "--convert-to", "pdf", "--outdir", str(tmp), *map(str, words)]
    subprocess.run(cmd, capture_output=True, timeout=600)


def judge(exp: dict, got: dict | None) -> dict[str, bool | None]:
    """Each fact right (True), wrong (False) or not counted (None)."""
    should_accept = exp["kind"] in PLAN_KINDS
    accepted = got is not None
    res: dict[str, bool | None] = {f: None for f in FACTS}
    res["accepted"] = accepted == should_accept
    if not should_accept:
        res["kind"] = not accepted
        return res
    if not accepted:
        for f in FACTS[1:]:
            res[f] = False
        return res
    sup = got["superior"]
    res["issuer"] = nfc(sup["issuer"]) == nfc(exp["issuer"])
    res["number"] = nfc(sup["number"]) == nfc(exp["number"])
    res["date"] = sup["date"] == exp["date"]
    res["basis"] = len(got["basis"]) == len(exp["basis"])
    res["deadline"] = sup["deadline"] == exp["deadline"]
    res["kind"] = nfc(sup["kind"]) == "Kế hoạch"
    if "tasks" in exp:  # a whole plan (NN_name.full.txt): the tasks counted by hand
        res["tasks"] = got.get("tasks") == exp["tasks"]
    return res


def mark(v: bool | None) -> str:
    return "—" if v is None else ("✓" if v else "✗")


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    docs = sorted(p for p in CORPUS.glob("*.txt") if p.with_suffix(".json").exists())
    totals = {"txt": [0, 0], "docx": [0, 0], "pdf": [0, 0]}
    confirmed = {"txt": [0, 0], "docx": [0, 0], "pdf": [0, 0]}  # header facts when the clerk confirms a refused plan
    rows = []
    with tempfile.TemporaryDirectory(prefix="corpus-bench-") as tmp:
        tmp = Path(tmp)
        base = tmp / "demo.db"
        create_demo(base, 20, 1)
        words = {txt: clerk_docx(txt, tmp / f"{txt.stem}.docx") for txt in docs}
        to_pdf(tmp, [w for w in words.values() if w])
        for txt in docs:
            exp = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
            for fmt in ("txt", "docx", "pdf"):
                pdf = tmp / f"{txt.stem}.pdf"
                source = {"txt": txt, "docx": words[txt], "pdf": pdf if pdf.is_file() else None}[fmt]
                db = tmp / f"{txt.stem}-{fmt}.db"
                shutil.copy(base, db)
                got, message = run_import(db, source) if source else (None, f"no .{fmt} built")
                res = judge(exp, got)
                counted = [v for v in res.values() if v is not None]
                totals[fmt][0] += sum(counted)
                totals[fmt][1] += len(counted)
                if exp["kind"] in PLAN_KINDS:
                    again = got or (run_confirmed(db, source) if source else None)
                    forced = judge(exp, again)
                    header = [forced[f] for f in ("issuer", "number", "date", "basis", "deadline")]
                    confirmed[fmt][0] += sum(header)
                    confirmed[fmt][1] += len(header)
                basis = f"{len(got['basis']) if got else '-'}/{len(exp['basis'])}"
                rows.append((txt.stem[:41], fmt, res, basis))
                if verbose:
                    sup = got["superior"] if got else {}
                    print(
                        f"{txt.stem} [{fmt}] "
                        + (
                            f"issuer={sup.get('issuer')!r} number={sup.get('number')!r} date={sup.get('date')} "
                            f"kind={sup.get('kind')!r} deadline={sup.get('deadline')} basis={got['basis']}"
                            if got
                            else f"refused: {message}"
                        ),
                        file=sys.stderr,
                    )
    head = (
        f"{'document':41} {'fmt':4} {'acc':3} {'issuer':6} {'number':6} {'date':4} {'căn cứ':9} {'deadl':5} "
        f"{'kind':4} tasks"
    )
    print(head)
    print("-" * len(head))
    for stem, fmt, res, basis in rows:
        b = f"{mark(res['basis'])} {basis}"
        print(
            f"{stem:41} {fmt:4} {mark(res['accepted']):3} {mark(res['issuer']):6} {mark(res['number']):6} "
            f"{mark(res['date']):4} {b:9} {mark(res['deadline']):5} {mark(res['kind']):4} {mark(res['tasks'])}"
        )
    print()
    for fmt, (right, of) in totals.items():
        print(f"{fmt}: {right} of {of} facts right")
    right, of = (sum(v[i] for v in totals.values()) for i in (0, 1))
    full = sum(".full" in d.name for d in docs)
    print(f"all: {right} of {of} facts right ({len(docs)} documents, {full} of them whole plans, × 3 formats)")
    print()
    print("issuer, number, date, căn cứ, deadline of the plans when the clerk confirms a text refused as not a plan:")
    for fmt, (right, of) in confirmed.items():
        print(f"{fmt}: {right} of {of} facts right")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
