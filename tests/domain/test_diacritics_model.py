"""The diacritics model on a vocabulary small enough to reason about: how it is built from its data, how it
scores a word it has never seen, and that a fix written out by the repairs is left as written while the
words around it get their marks (diacritics.Model, restore, restore_with, bare)."""

from __future__ import annotations

import math

from desktop.domain.diacritics import Model, bare, restore, restore_with

SYLLABLES = ["<p>", "<n>", "kế", "kê", "hoạch", "số", "sở", "y", "tế", "quyết", "định"]
COUNTS = [50, 10, 30, 5, 30, 20, 8, 15, 15, 10, 10]
PAIRS = [("kế", "hoạch", 25), ("hoạch", "số", 10), ("sở", "y", 8), ("y", "tế", 15), ("<p>", "kế", 10)]
TRIPLES = [("kế", "hoạch", "số", 8), ("<p>", "kế", "hoạch", 9)]


def model() -> Model:
    at = {s: i for i, s in enumerate(SYLLABLES)}
    return Model.from_data(
        {
            "syllables": SYLLABLES,
            "unigrams": COUNTS,
            "bigrams": [x for a, b, n in PAIRS for x in (at[a], at[b], n)],
            "trigrams": [x for a, b, c, n in TRIPLES for x in (at[a], at[b], at[c], n)],
            "abbreviations": {"QD": "QĐ"},
        }
    )


def test_the_model_is_built_from_its_data():
    m = model()
    assert m.forms == {
        "ke": ("kế", "kê"),  # most frequent first
        "hoach": ("hoạch",),
        "so": ("số", "sở"),
        "y": ("y",),
        "te": ("tế",),
        "quyet": ("quyết",),
        "dinh": ("định",),
    }
    assert m.total == sum(COUNTS) and m.uni["kế"] == 30
    assert m.bi[("kế", "hoạch")] == 25 and m.tri[("<p>", "kế", "hoạch")] == 9
    assert m.abbreviations == {"QD": "QĐ"}
    assert Model.from_data({"syllables": [], "unigrams": [], "bigrams": [], "trigrams": []}).abbreviations == {}


def test_a_word_never_seen_still_has_a_score():
    m = model()
    unseen_context = m.score("<p>", "zzz", "kế")  # no bigram count to divide by
    unseen_word = m.score("<p>", "kế", "zzz")
    assert math.isfinite(unseen_context) and math.isfinite(unseen_word)
    assert unseen_word < unseen_context < 0
    assert m.score("<p>", "kế", "hoạch") > m.score("<p>", "kế", "số")


def test_marks_restored_and_a_written_out_fix_left_alone():
    m = model()
    assert restore("ke hoach so 12", m) == "kế hoạch số 12"
    assert restore("Ke hoach", m) == "Kế hoạch"
    text = "ke hoach so 12 cua SO Y TE"
    assert restore(text, m) == "kế hoạch số 12 cua SỞ Y TẾ"
    assert restore_with(text, [("SO Y TE", "SO Y TE")], m) == "kế hoạch số 12 cua SO Y TE"
    assert restore_with("ke hoach QDX so 12", [("QDX", "Quyết định")], m) == "kế hoạch Quyết định số 12"
    two = [("QDX", "Quyết định"), ("SO Y TE", "SO Y TE")]  # several fixes, each made where it is
    assert restore_with("ke hoach QDX cua SO Y TE", two, m) == "kế hoạch Quyết định cua SO Y TE"
    assert restore_with("ke hoach", [], m) == "kế hoạch"


def test_bare_drops_every_mark_and_the_bar_of_d():
    assert bare("Đường") == "duong"
    assert bare("đẸP") == "dep"
    assert bare("Quyết") == "quyet"
