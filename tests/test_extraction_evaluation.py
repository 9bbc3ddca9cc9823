"""Tests for the labeled data (tests/data/{dev,holdout}) and factcheck/extraction/evaluation.py.

No database; runs with ``pytest -p no:django --noconftest tests/test_extraction_evaluation.py``
(``tests/conftest.py`` imports Django models, hence ``--noconftest``).
"""

import collections
import hashlib
import os
import re
from dataclasses import dataclass

import pytest

from factcheck.extraction import evaluation as ev

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "tests", "data")
DEV = os.path.join(DATA, "dev")
HOLDOUT = os.path.join(DATA, "holdout")
SEED_DIRS = [os.path.join(DATA, "seeds"), "/work/shared/seeds"]
SEED_SHA256 = {
    "000_fade0276115af646.txt": "44445c6cdb021d8e50142cf08dbba7b316795c442b26628f7d6e73fb8c01ffb3",
    "004_bcb190631fe3f09b.txt": "98714178d59aea58add9eeefdd1b296b12bc50347e4f707204b16da155c11ce8",
}
# the commission's four facts (CLAIMS.md) must be marked as facts in the seed documents
COMMISSION_FACTS = {"seventh", "26 years", "5.2%", "first time that the Foreign Minister visited"}




def _files(directory):
    return sorted(os.path.join(directory, n) for n in os.listdir(directory) if n.endswith(".txt"))


ALL_FILES = _files(DEV) + _files(HOLDOUT)


# ---------------------------------------------------------------------------
# parser
# ---------------------------------------------------------------------------

SAMPLE = (
    "title: Sample\n"
    "domain: economy\n"
    "source: written for factcheck dev set\n"
    "---\n"
    "{-Prices up again-}\n"
    "{+Inflation in 2024 was [[5.2%]], the bank [[said]].+} {-That is bad.-}\n"
    "\n"
    "{+The minister [[met]] her counterpart in [[Paris]].+}\n"
)


def test_parse_strips_markers_and_computes_offsets():
    doc = ev.parse_document(SAMPLE, name="sample")
    assert doc.name == "sample"
    assert doc.title == "Sample"
    assert doc.domain == "economy"
    assert doc.header["source"] == "written for factcheck dev set"
    assert doc.text == (
        "Prices up again\n"
        "Inflation in 2024 was 5.2%, the bank said. That is bad.\n"
        "\n"
        "The minister met her counterpart in Paris.\n"
    )
    got = [(doc.text[s.start:s.end], s.checkworthy) for s in doc.sentences]
    assert got == [
        ("Prices up again", False),
        ("Inflation in 2024 was 5.2%, the bank said.", True),
        ("That is bad.", False),
        ("The minister met her counterpart in Paris.", True),
    ]
    facts = [[doc.text[a:b] for a, b in s.facts] for s in doc.sentences]
    assert facts == [[], ["5.2%", "said"], [], ["met", "Paris"]]
    s1 = doc.sentences[1]
    assert s1.start == len("Prices up again\n")
    assert s1.facts[0] == (s1.start + len("Inflation in 2024 was "), s1.start + len("Inflation in 2024 was 5.2%"))


def test_body_kept_verbatim_without_trailing_newline():
    doc = ev.parse_document("title: t\ndomain: d\nsource: s\n---\n{-A.-} {+B [[1]].+}", name="x")
    assert doc.text == "A. B 1."


@pytest.mark.parametrize(
    "body, message",
    [
        ("{+No fact here.+}", "without any [[fact]]"),
        ("{-Has a [[fact]].-}", "not-check-worthy"),
        ("Loose text. {-Labeled.-}", "outside any sentence"),
        ("{-Labeled.-} loose tail", "outside any sentence"),
        ("{+Open [[1]].", "not closed"),
        ("{+Mismatch [[1]].-}", "other sign"),
        ("{-Nested {+x [[1]]+}-}", "nested"),
        ("{+Bad [[fact.+}", "not closed"),
        ("{-Literal {brace} here.-}", "reserved character"),
        ("{-A [single] bracket.-}", "reserved character"),
        ("{- Space inside.-}", "whitespace"),
        ("{+Empty fact [[]].+}", "empty fact"),
    ],
)
def test_parse_rejects_malformed(body, message):
    raw = "title: t\ndomain: d\nsource: s\n---\n" + body + "\n"
    with pytest.raises(ev.FormatError, match=re.escape(message)):
        ev.parse_document(raw, name="bad")


def test_parse_requires_header():
    with pytest.raises(ev.FormatError, match="missing header field 'domain'"):
        ev.parse_document("title: t\nsource: s\n---\n{-A.-}\n")
    with pytest.raises(ev.FormatError, match="---"):
        ev.parse_document("title: t\ndomain: d\nsource: s\n{-A.-}\n")


# ---------------------------------------------------------------------------
# the labeled files
# ---------------------------------------------------------------------------


def test_data_directories_are_big_enough():
    dev = ev.load_documents(DEV)
    hold = ev.load_documents(HOLDOUT)
    assert len(dev) >= 40
    assert sum(len(d.sentences) for d in dev) >= 700
    assert len(hold) >= 15
    assert sum(len(d.sentences) for d in hold) >= 250
    assert sum(d.domain == "debate" for d in dev) >= 5
    assert sum(d.domain == "debate" for d in hold) >= 2


@pytest.mark.parametrize("path", ALL_FILES, ids=os.path.basename)
def test_every_file_parses_and_is_consistent(path):
    with open(path, encoding="utf-8", newline="") as fh:
        raw = fh.read()
    doc = ev.load_document(path)  # raises FormatError on any markup problem
    assert doc.header["source"]
    # every non-whitespace character of the text lies inside a labeled sentence
    covered = bytearray(len(doc.text))
    prev_end = 0
    for s in doc.sentences:
        assert prev_end <= s.start < s.end <= len(doc.text)
        prev_end = s.end
        covered[s.start:s.end] = b"\x01" * (s.end - s.start)
        if s.checkworthy:
            assert s.facts, doc.sentence_text(s)
        for a, b in s.facts:
            assert s.start <= a < b <= s.end
    for i, ch in enumerate(doc.text):
        if not covered[i]:
            assert ch.isspace(), (doc.name, i, doc.text[max(0, i - 30):i + 30])
    # markers removed completely, reserved characters absent
    assert not set("{}[]") & set(doc.text)
    # removing the markers from the raw body gives the text
    body = raw.split("\n---\n", 1)[1]
    assert re.sub(r"\{\+|\+\}|\{-|-\}|\[\[|\]\]", "", body) == doc.text


def test_no_sentence_is_split_mid_word():
    for path in ALL_FILES:
        doc = ev.load_document(path)
        for s in doc.sentences:
            before = doc.text[s.start - 1] if s.start > 0 else " "
            after = doc.text[s.end] if s.end < len(doc.text) else " "
            assert before.isspace(), (doc.name, doc.sentence_text(s))
            assert after.isspace(), (doc.name, doc.sentence_text(s))


def test_holdout_topics_differ_from_dev():
    dev_titles = {ev.load_document(p).title.lower() for p in _files(DEV)}
    for p in _files(HOLDOUT):
        assert ev.load_document(p).title.lower() not in dev_titles


def _seed_docs():
    return [d for d in ev.load_documents(DEV) if "seed" in d.header]


def test_seed_documents_are_byte_for_byte():
    seeds = _seed_docs()
    assert sorted(d.header["seed"] for d in seeds) == sorted(SEED_SHA256)
    for doc in seeds:
        data = doc.text.encode("utf-8")
        assert hashlib.sha256(data).hexdigest() == SEED_SHA256[doc.header["seed"]], doc.name
        for directory in SEED_DIRS:
            path = os.path.join(directory, doc.header["seed"])
            if os.path.exists(path):
                with open(path, "rb") as fh:
                    assert fh.read() == data, path


def test_seed_documents_mark_the_commission_facts():
    marked = set()
    for doc in _seed_docs():
        for s in doc.sentences:
            for a, b in s.facts:
                marked.add(doc.text[a:b])
    assert COMMISSION_FACTS <= marked
    # the bare captions are not check-worthy, the factual caption is
    labels = {}
    for doc in _seed_docs():
        for s in doc.sentences:
            labels[doc.sentence_text(s)] = s.checkworthy
    assert labels["Putin (data photo)"] is False
    assert labels["Belarusian President Lukashenko (data photo)"] is False
    assert labels["In April 2019, Kim Jong-un met with Putin"] is True
    assert labels["A big country fight?"] is False


def test_checkworthy_share_is_realistic():
    for directory in (DEV, HOLDOUT):
        docs = ev.load_documents(directory)
        sents = [s for d in docs for s in d.sentences]
        share = sum(s.checkworthy for s in sents) / len(sents)
        assert 0.40 <= share <= 0.70, (directory, share)
        debate = [s for d in docs if d.domain == "debate" for s in d.sentences]
        dshare = sum(s.checkworthy for s in debate) / len(debate)
        assert 0.30 <= dshare <= 0.70, (directory, dshare)


# ---------------------------------------------------------------------------
# metrics
# ---------------------------------------------------------------------------


@dataclass
class Cand:
    start: int
    end: int
    sentence_start: int = 0
    sentence_end: int = 0
    score: float = 1.0
    kind: str = "test"


TINY = (
    "title: Tiny\n"
    "domain: economy\n"
    "source: test\n"
    "---\n"
    "{+GDP grew [[3.1%]] in 2024.+} {-This is great news.-} {+Exports hit a [[record]] of [[$4 billion]].+}\n"
    "{-Nobody knows what comes next.-} {+The minister [[resigned]].+}\n"
)


def _find(text, s):
    i = text.index(s)
    return i, i + len(s)


def test_metrics_on_tiny_example():
    doc = ev.parse_document(TINY, name="tiny")
    t = doc.text

    def extract(text):
        assert text == t
        return [
            Cand(*_find(t, "3.1%")),            # TP sentence 1, finds fact 3.1%
            Cand(*_find(t, "great news")),      # FP sentence 2
            Cand(*_find(t, "$4 billion")),      # TP sentence 3, finds $4 billion, misses "record"
            Cand(*_find(t, "what comes next"), score=0.2),  # FP sentence 4 (unless min_score)
            # sentence 5 ("resigned") not found -> FN
        ]

    rep = ev.evaluate([doc], extract)
    o = rep.overall
    assert (o.tp, o.fp, o.fn, o.tn) == (2, 2, 1, 0)
    assert o.precision == pytest.approx(0.5)
    assert o.recall == pytest.approx(2 / 3)
    assert o.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert (o.facts_found, o.facts) == (2, 4)
    assert o.fact_recall == pytest.approx(0.5)
    assert set(rep.by_domain) == {"economy"}
    assert rep.by_domain["economy"].tp == 2
    kinds = collections.Counter(e.kind for e in rep.errors)
    assert kinds == {"FP": 2, "FN": 1, "MISSED_FACT": 1}
    fn = rep.errors_of("FN")[0]
    assert fn.sentence == "The minister resigned." and fn.document == "tiny"
    missed = rep.errors_of("MISSED_FACT")[0]
    assert "'record'" in missed.detail

    rep2 = ev.evaluate([doc], extract, min_score=0.5)
    assert (rep2.overall.tp, rep2.overall.fp, rep2.overall.fn, rep2.overall.tn) == (2, 1, 1, 1)
    assert rep2.overall.precision == pytest.approx(2 / 3)


def test_overlap_is_strict_and_per_domain():
    d1 = ev.parse_document("title: a\ndomain: health\nsource: s\n---\n{+A [[1]].+} {-B.-}\n", name="a")
    d2 = ev.parse_document("title: b\ndomain: sport\nsource: s\n---\n{-C.-} {+D [[2]].+}\n", name="b")

    def extract(text):
        # a span ending exactly where a sentence starts does not overlap it
        if text.startswith("A"):
            return [Cand(0, 5)]  # "A 1. " -> covers sentence A and the space before B
        return [Cand(0, 2)]  # "C." -> FP in sport, and D missed

    rep = ev.evaluate([d1, d2], extract)
    h, s = rep.by_domain["health"], rep.by_domain["sport"]
    assert (h.tp, h.fp, h.fn, h.tn) == (1, 0, 0, 1)
    assert (s.tp, s.fp, s.fn, s.tn) == (0, 1, 1, 0)
    assert rep.overall.precision == pytest.approx(0.5)
    assert rep.overall.recall == pytest.approx(0.5)


def test_key_fact_must_be_in_a_short_key_phrase():
    long_sentence = "The council said on Tuesday that the budget for next year would be " + "very " * 20 + "close to [[12 million]] euros."
    raw = "title: x\ndomain: d\nsource: s\n---\n{+" + long_sentence + "+}\n"
    doc = ev.parse_document(raw, name="x")
    s = doc.sentences[0]
    n = s.end - s.start
    assert n > 150
    assert ev.max_key_length(n) == 120
    assert ev.max_key_length(50) == 60
    assert ev.max_key_length(100) == pytest.approx(80)
    whole = ev.evaluate([doc], lambda t: [Cand(s.start, s.end)])
    assert whole.overall.tp == 1 and whole.overall.fact_recall == 0.0
    short = ev.evaluate([doc], lambda t: [Cand(*_find(t, "12 million euros"))])
    assert short.overall.fact_recall == 1.0
    partial = ev.evaluate([doc], lambda t: [Cand(*_find(t, "million euros"))])
    assert partial.overall.tp == 1 and partial.overall.fact_recall == 0.0


def test_candidates_outside_text_are_rejected():
    doc = ev.parse_document("title: a\ndomain: d\nsource: s\n---\n{+A [[1]].+}\n", name="a")
    with pytest.raises(ValueError):
        ev.evaluate([doc], lambda t: [Cand(0, 999)])


def test_digit_baseline():
    doc = ev.parse_document(TINY, name="tiny")
    cands = ev.digit_baseline(doc.text)
    quotes = [doc.text[c.start:c.end] for c in cands]
    assert quotes[0].startswith("3.1%")
    assert any(q.startswith("$4 billion") for q in quotes)
    for c in cands:
        assert c.sentence_start <= c.start < c.end <= c.sentence_end
    rep = ev.evaluate([doc], ev.digit_baseline)
    assert (rep.overall.tp, rep.overall.fp, rep.overall.fn, rep.overall.tn) == (2, 0, 1, 2)


def test_dev_baseline_runs_and_is_imperfect():
    rep = ev.evaluate(ev.load_documents(DEV), ev.digit_baseline)
    assert rep.overall.sentences >= 700
    assert 0.0 < rep.overall.recall < 0.95  # digit-free claims exist in the data
    assert rep.overall.precision < 1.0  # opinions/predictions with numbers exist too
