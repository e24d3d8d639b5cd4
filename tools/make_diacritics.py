"""Builds desktop/resources/diacritics.json.gz, the syllable n-gram model desktop/domain/diacritics.py restores
lost Vietnamese diacritics with.

    python3 tools/make_diacritics.py [--corpus DIR] [--wiki-mb 6] [--out PATH]

Training text (none of it is an evaluation document: seeds 000, 001, 003 and tests/fixtures/real/ are held out
for bench/diacritics.py, and so are the presets and syllables.json, which were made from those seeds):
- DIR/admin_docs.txt: some 770 KB of Vietnamese administrative documents (báo cáo, biên bản, chỉ thị, công văn,
  đề án, hướng dẫn, kế hoạch), the public training text of the word_recommend project on GitHub;
- DIR/viwiki.txt: Vietnamese Wikipedia articles (the public corpus.viwiki of undertheseanlp), the first
  --wiki-mb megabytes;
- DIR/words_tudientv.txt: the headwords of a public Vietnamese dictionary (undertheseanlp/dictionary), one a
  line: every multi-syllable word adds its n-grams once;
- DIR/news_health.txt (optional): health and administration news articles; without them the held-out word
  accuracy falls from 97,9 % to 96,7 % (bench/diacritics.py, measured 2026-12-07), so the shipped model has them.
  The model keeps only syllable n-gram counts, never a sentence of any source;
- the app's own text: desktop/resources/legal_refs.json and desktop/resources/demo/*.json.
DIR defaults to the shared/diacritics_corpus folder beside the work tree (where those files were gathered;
its README says from where). Rerunning on the same files gives the same model.

Domain text (the administrative documents and the app's own) counts ADMIN_WEIGHT times. Kept: syllables seen
at least twice, bigrams and trigrams seen at least MIN_NGRAM times (weighted counts).
"""

from __future__ import annotations

import argparse
import ast
import gzip
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.domain.diacritics import BOUNDARY, NUMBER, bare  # noqa: E402
from desktop.domain.repairs import syllable_shape  # noqa: E402

ADMIN_WEIGHT = 3
NEWS_WEIGHT = 2
MIN_UNIGRAM = 2
MIN_SHARE = 0.01  # a form rarer than this share of its key's commonest form is a typo or a foreign word
KEEP_BARE = {"VND"}  # written both ways: left as the text has it
MIN_NGRAM = 2
MIN_TRIGRAM = 3
_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")


def stream(text: str) -> list[str]:
    """The text as the model sees it: lowercase syllables, '<n>' for numbers, '<p>' for anything else."""
    out = [BOUNDARY]
    for line in unicodedata.normalize("NFC", text).splitlines():
        for tok in _TOKEN.findall(line):
            if tok.isdigit():
                out.append(NUMBER)
            elif tok.isalpha() and syllable_shape(tok):
                out.append(tok.lower())
            elif out[-1] != BOUNDARY:
                out.append(BOUNDARY)
        if out[-1] != BOUNDARY:
            out.append(BOUNDARY)
    return out


def count(tokens: list[str], weight: int, uni: Counter, bi: Counter, tri: Counter) -> None:
    for i, w in enumerate(tokens):
        uni[w] += weight
        if i >= 1:
            bi[(tokens[i - 1], w)] += weight
        if i >= 2:
            tri[(tokens[i - 2], tokens[i - 1], w)] += weight


_VIET = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỷỹỵ]", re.IGNORECASE)
_CODE = re.compile(r"(?<=[/-])[A-ZĐ]{2,8}\b|\b[A-ZĐ]{2,8}(?=[/-][A-ZĐ0-9])")


def abbreviations(corpus: Path) -> dict[str, str]:
    """Codes written with Đ ('QĐ', 'NĐ', 'HĐND', 'BCĐTW'), by their bare spelling: the parts of document symbols
    ('57-NQ/TW', 'QĐ-UBND') and the all-caps words that are no syllable."""
    seen: Counter = Counter()
    texts = [
        (corpus / f).read_text(encoding="utf-8") for f in ("admin_docs.txt", "news_health.txt") if (corpus / f).exists()
    ]
    texts += app_texts()
    for t in texts:
        t = unicodedata.normalize("NFC", t)
        for m in _CODE.finditer(t):
            seen[m.group(0)] += 1
        for w in re.findall(r"\b[A-ZĐ]{2,8}\b", t):
            if not syllable_shape(w):
                seen[w] += 1
    best: dict[str, tuple[int, str]] = {}
    for w, c in seen.items():
        key = w.replace("Đ", "D")
        if c > best.get(key, (0, ""))[0]:
            best[key] = (c, w)
    return {k: w for k, (c, w) in sorted(best.items()) if "Đ" in w and c >= 2 and k not in KEEP_BARE}


def code_strings() -> str:
    """The Vietnamese the app itself writes: every string literal of desktop/ with a Vietnamese letter."""
    out = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and _VIET.search(node.value):
                out.append(node.value)
    return "\n".join(out)


def app_texts() -> list[str]:
    res = ROOT / "desktop" / "resources"
    out = [json.dumps(json.loads((res / "legal_refs.json").read_text(encoding="utf-8")), ensure_ascii=False)]
    for p in sorted((res / "demo").glob("*.json")):
        out.append(json.dumps(json.loads(p.read_text(encoding="utf-8")), ensure_ascii=False))
    out.append(code_strings())
    out += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md"))]
    # JSON punctuation becomes boundaries; split strings onto lines so no n-gram spans two values
    return [t.replace('", "', "\n").replace('": "', "\n") for t in out]


def build(corpus: Path, wiki_mb: float) -> dict:
    uni: Counter = Counter()
    bi: Counter = Counter()
    tri: Counter = Counter()
    count(stream((corpus / "admin_docs.txt").read_text(encoding="utf-8")), ADMIN_WEIGHT, uni, bi, tri)
    for t in app_texts():
        count(stream(t), ADMIN_WEIGHT, uni, bi, tri)
    news = corpus / "news_health.txt"  # optional: press articles (the model ships without them, see --help)
    if news.exists():
        count(stream(news.read_text(encoding="utf-8")), NEWS_WEIGHT, uni, bi, tri)
    wiki = (corpus / "viwiki.txt").read_bytes()[: int(wiki_mb * 1e6)].decode("utf-8", "ignore")
    count(stream(wiki), 1, uni, bi, tri)
    for word in (corpus / "words_tudientv.txt").read_text(encoding="utf-8").splitlines():
        toks = stream(word)
        if len(toks) > 3 and BOUNDARY not in toks[1:-1]:
            count(toks[1:-1], 1, uni, bi, tri)
    keep = {w for w, c in uni.items() if c >= MIN_UNIGRAM}
    by_key: dict[str, int] = Counter()
    for w in keep:
        by_key[bare(w)] = max(by_key[bare(w)], uni[w])
    keep = {w for w in keep if w.startswith("<") or uni[w] >= MIN_SHARE * by_key[bare(w)]}
    syl = sorted(keep, key=lambda w: (-uni[w], w))
    idx = {w: i for i, w in enumerate(syl)}
    bigrams = sorted((idx[a], idx[b], c) for (a, b), c in bi.items() if c >= MIN_NGRAM and a in idx and b in idx)
    trigrams = sorted(
        (idx[a], idx[b], idx[c], n)
        for (a, b, c), n in tri.items()
        if n >= MIN_TRIGRAM and a in idx and b in idx and c in idx and (a, b) in bi
    )
    return {
        "abbreviations": abbreviations(corpus),
        "about": [line for line in (__doc__ or "").strip().splitlines()],
        "syllables": syl,
        "unigrams": [uni[w] for w in syl],
        "bigrams": [x for row in bigrams for x in row],
        "trigrams": [x for row in trigrams for x in row],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "diacritics_corpus")
    ap.add_argument("--wiki-mb", type=float, default=6.0)
    ap.add_argument("--out", type=Path, default=ROOT / "desktop" / "resources" / "diacritics.json.gz")
    args = ap.parse_args(argv)
    data = build(args.corpus, args.wiki_mb)
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with open(args.out, "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    print(
        f"{args.out}: {len(data['syllables'])} syllables, {len(data['bigrams']) // 3} bigrams, "
        f"{len(data['trigrams']) // 4} trigrams, {args.out.stat().st_size / 1e6:.2f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
