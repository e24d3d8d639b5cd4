"""Diacritics restored (issue 22, point 5): word accuracy on held-out clean text with its marks stripped, on a
hand-checked sample of the OCR'd seed 002, time per 1 000 words and the model's size.

    python3 bench/diacritics.py [--model PATH]

Held out (never training text, tools/make_diacritics.py): seeds 000, 001, 003 and the corpus of real superior
documents tests/fixtures/real/*.txt. Each is stripped of every mark (đ -> d) and restored; a word is right when
it equals the original exactly (case included). Words counted: every run of letters.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.domain.diacritics import Model, restore, strip, words  # noqa: E402

SEEDS = ROOT / "tests" / "fixtures" / "seeds"
REAL = ROOT / "tests" / "fixtures" / "real"
MODEL = ROOT / "desktop" / "resources" / "diacritics.json.gz"


# Seed 002 (a scan's OCR, marks lost or garbled), a sample of its paragraphs and headings as read by hand from what
# the OCR shows (its own slips kept: "Ban chỉ Chỉ đạo", "triển khai"): 10 paragraphs, 211 words.
SAMPLE_002 = [
    (
        "Truyén thong vé Nghi quyét s6 57-NQ/TW ngay 22/12/2024 ciia B Chinh tri; Ké hoach s6 02-KH/BCPTW ciia Ban chi "
        "Chi dao Trung wong; Nghi quyét s6 71/NQ- -CP ngay 1/4/2025 cua Chinh phu vé phat trlen khoa hoc, cong nghé, "
        "ddi méi sang tao va chuyén doi sé nganh Y té nam 2025",
        "Truyền thông về Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Kế hoạch số 02-KH/BCĐTW của Ban chỉ "
        "Chỉ đạo Trung ương; Nghị quyết số 71/NQ- -CP ngày 1/4/2025 của Chính phủ về phát triển khoa học, công nghệ, "
        "đổi mới sáng tạo và chuyển đổi số ngành Y tế năm 2025",
    ),
    (
        "Can clr Nghi quyét 6 57-NQ/TW ngay 22/12/2024 cua Bo Chinh trj vé dot pha trién khai khoa hoc, cdng nghé¢, "
        "d6i méi sang tao va chuyén doi s6 quoc gia;",
        "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá triển khai khoa học, công nghệ, "
        "đổi mới sáng tạo và chuyển đổi số quốc gia;",
    ),
    (
        "Cian cir Nghi quyét s6 71/NQ-CP ngay 01/04/2025 cua Chinh phu vé viéc stra doi, bo sung Chuong trinh hanh "
        "dong thuc hién Nghi quyét so 57-NQ/TW cua Bo Chinh tri;",
        "Căn cứ Nghị quyết số 71/NQ-CP ngày 01/04/2025 của Chính phủ về việc sửa đổi, bổ sung Chương trình hành "
        "động thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị;",
    ),
    ("I. MUC PICH, YEU CAU", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("1. Muc dich", "1. Mục đích"),
    (
        "- Tuyén truyén sau rong muc tiéu, quan diém, noi dung, nhiém vy va giai phap néu trong Nghi quyét s6 57- "
        "NQ/TW ngay 22/12/2024 cua Bo Chinh tri vé dot pha trién khai khoa hoc, cdng nghé, d6i mai séng tao va "
        "chuyén doi s6 qudc gia.",
        "- Tuyên truyền sâu rộng mục tiêu, quan điểm, nội dung, nhiệm vụ và giải pháp nêu trong Nghị quyết số 57- "
        "NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá triển khai khoa học, công nghệ, đổi mới sáng tạo và "
        "chuyển đổi số quốc gia.",
    ),
    ("2. Yéu cau", "2. Yêu cầu"),
    (
        "- Bao dam tinh chinh xéc, théng nhat, kip thoi, ¢6 trong tam, trong diém.",
        "- Bảo đảm tính chính xác, thống nhất, kịp thời, có trọng tâm, trọng điểm.",
    ),
    (
        "- Phat huy vai trd cua cac Khoa/hd phan truyén thong nganh y té, to chuc doan thé trong trién khai ké hoach.",
        "- Phát huy vai trò của các Khoa/bộ phận truyền thông ngành y tế, tổ chức đoàn thể trong triển khai kế hoạch.",
    ),
    ("I1. NQI DUNG", "II. NỘI DUNG"),
]


def ocr_accuracy(model: Model) -> tuple[int, int, list[tuple[str, str]]]:
    """Words of the hand-read text that the restored OCR text has, aligned (an OCR word may have been lost)."""
    right = total = 0
    wrong = []
    for ocr, want in SAMPLE_002:
        a, b = words(want), words(restore(ocr, model, ocr=True))
        sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
        ok = sum(m.size for m in sm.get_matching_blocks())
        right, total = right + ok, total + len(a)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag != "equal":
                wrong.append((" ".join(a[i1:i2]), " ".join(b[j1:j2])))
    return right, total, wrong


def held_out() -> list[tuple[str, str]]:
    out = [(p.name, p.read_text(encoding="utf-8")) for c in ("000", "001", "003") for p in SEEDS.glob(f"{c}_*.txt")]
    out += [(p.name, p.read_text(encoding="utf-8")) for p in sorted(REAL.glob("*.txt"))]
    return out


def accuracy(text: str, model: Model) -> tuple[int, int, list[tuple[str, str]]]:
    want = words(text)
    got = words(restore(strip(text), model))
    assert len(want) == len(got), "restoring changed the words' count"
    wrong = [(w, g) for w, g in zip(want, got, strict=True) if w != g]
    return len(want) - len(wrong), len(want), wrong


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", type=Path, default=MODEL)
    ap.add_argument("--errors", action="store_true", help="print the wrong words")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    with gzip.open(args.model, "rt", encoding="utf-8") as f:
        model = Model.from_data(json.load(f))
    load = time.perf_counter() - t0
    right = total = 0
    elapsed = 0.0
    errors = []
    for name, text in held_out():
        t0 = time.perf_counter()
        r, n, wrong = accuracy(text, model)
        elapsed += time.perf_counter() - t0
        right, total = right + r, total + n
        errors += wrong
        print(f"{name:45s} {r:5d}/{n:5d}  {100 * r / n:5.1f} %")
    print(f"held-out clean text, marks stripped: {right}/{total} words right = {100 * right / total:.2f} %")
    r, n, wrong002 = ocr_accuracy(model)
    print(f"seed 002 (OCR) sample read by hand: {r}/{n} words right = {100 * r / n:.1f} %")
    print(f"time: {1000 * elapsed / total * 1000:.0f} ms per 1 000 words; model load {load * 1000:.0f} ms")
    print(f"model: {args.model.stat().st_size / 1e6:.2f} MB ({args.model.name})")
    if args.errors:
        from collections import Counter

        for (w, g), c in Counter(errors).most_common(60):
            print(f"{c:4d} {w} -> {g}")
        print("seed 002:", "; ".join(f"{w} -> {g}" for w, g in wrong002))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
