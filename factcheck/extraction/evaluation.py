"""Labeled-data loader and metrics for the claim extractor.

Pure Python (no Django).  The file format is described in ``tests/data/README.md``;
in short, after a small header and a ``---`` line, every sentence of the body is
wrapped as ``{+ ... +}`` (check-worthy) or ``{- ... -}`` (not check-worthy), and the
core facts inside check-worthy sentences are wrapped as ``[[ ... ]]``.  Markers are
removed to obtain the plain article text; all offsets refer to that plain text.

Usage::

    from factcheck.extraction.evaluation import load_documents, evaluate, digit_baseline
    docs = load_documents("tests/data/dev")
    report = evaluate(docs, extract_claims)
    print(report.format())
"""

from __future__ import annotations

import argparse
import os
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, List, Optional, Sequence, Tuple

__all__ = [
    "FormatError",
    "GoldSentence",
    "Document",
    "parse_document",
    "load_document",
    "load_documents",
    "Counts",
    "ErrorExample",
    "Report",
    "evaluate",
    "digit_baseline",
    "max_key_length",
    "MAX_KEY_CHARS",
]

# ---------------------------------------------------------------------------
# Data model
# ---------------------------------------------------------------------------


class FormatError(ValueError):
    """A labeled file does not follow the format of tests/data/README.md."""


@dataclass
class GoldSentence:
    start: int
    end: int
    checkworthy: bool
    facts: List[Tuple[int, int]] = field(default_factory=list)

    def text(self, doc_text: str) -> str:
        return doc_text[self.start:self.end]


@dataclass
class Document:
    name: str
    title: str
    domain: str
    text: str
    sentences: List[GoldSentence]
    header: dict = field(default_factory=dict)

    def sentence_text(self, sentence: GoldSentence) -> str:
        return self.text[sentence.start:sentence.end]


# ---------------------------------------------------------------------------
# Parser
# ---------------------------------------------------------------------------

HEADER_SEPARATOR = "---"
REQUIRED_HEADER_KEYS = ("title", "domain", "source")
# Markers.  Because '{', '}', '[' and ']' are reserved for markers, the plain text of a
# document may never contain any of these four characters (checked by the parser).
_TOKEN_RE = re.compile(r"\{\+|\+\}|\{-|-\}|\[\[|\]\]|[{}\[\]]")
RESERVED_CHARS = "{}[]"


def _line_col(raw: str, pos: int) -> str:
    line = raw.count("\n", 0, pos) + 1
    col = pos - (raw.rfind("\n", 0, pos) + 1) + 1
    return f"line {line}, col {col}"


def parse_document(raw: str, name: str = "<string>") -> Document:
    """Parse one labeled document (header + marked-up body)."""
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    # --- header -----------------------------------------------------------
    header: dict = {}
    pos = 0
    body_offset = None
    while pos < len(raw):
        nl = raw.find("\n", pos)
        if nl == -1:
            raise FormatError(f"{name}: no '---' line ending the header")
        line = raw[pos:nl].rstrip("\r")
        if line.strip() == HEADER_SEPARATOR:
            body_offset = nl + 1
            break
        if line.strip():
            if ":" not in line:
                raise FormatError(f"{name}: header line without 'key:' (is the '---' line missing?) -> {line!r}")
            key, value = line.split(":", 1)
            key = key.strip().lower()
            if key in header:
                raise FormatError(f"{name}: duplicate header key {key!r}")
            header[key] = value.strip()
        pos = nl + 1
    if body_offset is None:
        raise FormatError(f"{name}: no '---' line ending the header")
    for key in REQUIRED_HEADER_KEYS:
        if not header.get(key):
            raise FormatError(f"{name}: missing header field {key!r}")
    body = raw[body_offset:]

    # --- body -------------------------------------------------------------
    out: List[str] = []
    out_len = 0
    sentences: List[GoldSentence] = []
    cur: Optional[GoldSentence] = None  # open sentence
    cur_raw_pos = 0
    fact_start: Optional[int] = None
    fact_raw_pos = 0
    i = 0

    def where(p: int) -> str:
        return f"{name}: {_line_col(raw, body_offset + p)}"

    for m in _TOKEN_RE.finditer(body):
        chunk = body[i:m.start()]
        if chunk:
            if cur is None and chunk.strip():
                raise FormatError(
                    f"{where(i)}: text outside any sentence marker: {chunk.strip()[:60]!r}"
                )
            out.append(chunk)
            out_len += len(chunk)
        tok = m.group(0)
        i = m.end()
        if tok in ("{+", "{-"):
            if cur is not None:
                raise FormatError(f"{where(m.start())}: nested sentence marker {tok!r}")
            cur = GoldSentence(out_len, -1, tok == "{+")
            cur_raw_pos = m.start()
        elif tok in ("+}", "-}"):
            if cur is None:
                raise FormatError(f"{where(m.start())}: {tok!r} without an open sentence")
            if (tok == "+}") != cur.checkworthy:
                raise FormatError(f"{where(m.start())}: {tok!r} closes a sentence opened with the other sign")
            if fact_start is not None:
                raise FormatError(f"{where(fact_raw_pos)}: '[[' not closed inside its sentence")
            cur.end = out_len
            text = "".join(out)[cur.start:cur.end]
            if not text.strip():
                raise FormatError(f"{where(cur_raw_pos)}: empty sentence")
            if text != text.strip():
                raise FormatError(
                    f"{where(cur_raw_pos)}: sentence starts or ends with whitespace "
                    f"(put spaces outside the markers): {text[:60]!r}"
                )
            if cur.checkworthy and not cur.facts:
                raise FormatError(f"{where(cur_raw_pos)}: check-worthy sentence without any [[fact]]: {text[:80]!r}")
            sentences.append(cur)
            cur = None
        elif tok == "[[":
            if cur is None:
                raise FormatError(f"{where(m.start())}: '[[' outside a sentence")
            if not cur.checkworthy:
                raise FormatError(f"{where(m.start())}: '[[' fact inside a not-check-worthy sentence")
            if fact_start is not None:
                raise FormatError(f"{where(m.start())}: nested '[['")
            fact_start = out_len
            fact_raw_pos = m.start()
        elif tok == "]]":
            if fact_start is None:
                raise FormatError(f"{where(m.start())}: ']]' without '[['")
            fact_text = "".join(out)[fact_start:out_len]
            if not fact_text.strip() or fact_text != fact_text.strip():
                raise FormatError(f"{where(fact_raw_pos)}: empty fact or fact with outer whitespace: {fact_text!r}")
            assert cur is not None
            cur.facts.append((fact_start, out_len))
            fact_start = None
        else:  # a lone reserved character
            raise FormatError(
                f"{where(m.start())}: reserved character {tok!r} (the article text may not "
                f"contain {RESERVED_CHARS!r}; see tests/data/README.md)"
            )
    tail = body[i:]
    if tail:
        if cur is None and tail.strip():
            raise FormatError(f"{where(i)}: text outside any sentence marker: {tail.strip()[:60]!r}")
        out.append(tail)
        out_len += len(tail)
    if cur is not None:
        raise FormatError(f"{where(cur_raw_pos)}: sentence marker not closed")
    if not sentences:
        raise FormatError(f"{name}: no labeled sentences")
    text = "".join(out)
    return Document(
        name=name,
        title=header["title"],
        domain=header["domain"],
        text=text,
        sentences=sentences,
        header=header,
    )


def load_document(path: str) -> Document:
    with open(path, encoding="utf-8", newline="") as fh:
        raw = fh.read()
    return parse_document(raw, name=os.path.splitext(os.path.basename(path))[0])


def load_documents(directory: str) -> List[Document]:
    """Load every ``*.txt`` file of ``directory`` (sorted by name)."""
    names = sorted(n for n in os.listdir(directory) if n.endswith(".txt"))
    return [load_document(os.path.join(directory, n)) for n in names]


def document_number(name: str) -> int:
    """12 for "12_economy_...", 40 for the held-out "h40_debate_..."; -1 for the seeds."""
    digits = ""
    for character in name.removeprefix("h"):
        if not character.isdigit():
            break
        digits += character
    return int(digits) if digits else -1


def number_range(text: str) -> Tuple[int, int]:
    """ "114-129" -> (114, 129), "40" -> (40, 40): a batch of documents by their numbers.

    An ``argparse`` type: a malformed range raises ``ArgumentTypeError`` with what to write.
    """
    low, _, high = text.partition("-")
    if not (low.isdigit() and (high or low).isdigit()):
        raise argparse.ArgumentTypeError(f"expected A-B such as 114-129, got {text!r}")
    return int(low), int(high or low)


# ---------------------------------------------------------------------------
# Metrics
# ---------------------------------------------------------------------------

MAX_KEY_CHARS = 120
SHORT_SENTENCE_KEY_CHARS = 60
MAX_KEY_SHARE = 0.8


def max_key_length(sentence_length: int) -> float:
    """Longest key phrase that still counts as "short" for a sentence of this length.

    ``min(120, max(60, 0.8 * sentence_length))``: a key phrase may be at most 120
    characters, and at most 80% of its sentence, except that up to 60 characters
    are always allowed (so a short sentence may be its own key phrase).
    """
    return min(MAX_KEY_CHARS, max(SHORT_SENTENCE_KEY_CHARS, MAX_KEY_SHARE * sentence_length))


def _safe_div(a: float, b: float) -> float:
    return a / b if b else 0.0


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    facts: int = 0
    facts_found: int = 0
    documents: int = 0

    @property
    def sentences(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def checkworthy(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return _safe_div(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _safe_div(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return _safe_div(2 * p * r, p + r)

    @property
    def fact_recall(self) -> float:
        return _safe_div(self.facts_found, self.facts)

    def add(self, other: "Counts") -> None:
        for k in ("tp", "fp", "fn", "tn", "facts", "facts_found", "documents"):
            setattr(self, k, getattr(self, k) + getattr(other, k))


@dataclass
class ErrorExample:
    kind: str  # "FP", "FN" or "MISSED_FACT"
    document: str
    domain: str
    sentence: str
    start: int
    end: int
    detail: str = ""

    def format(self) -> str:
        s = f"[{self.kind}] {self.document} @{self.start}-{self.end}: {self.sentence}"
        if self.detail:
            s += f"\n      -> {self.detail}"
        return s


@dataclass
class Report:
    overall: Counts
    by_domain: dict
    errors: List[ErrorExample]

    @property
    def precision(self) -> float:
        return self.overall.precision

    @property
    def recall(self) -> float:
        return self.overall.recall

    @property
    def f1(self) -> float:
        return self.overall.f1

    @property
    def fact_recall(self) -> float:
        return self.overall.fact_recall

    def errors_of(self, kind: str) -> List[ErrorExample]:
        return [e for e in self.errors if e.kind == kind]

    def format(self, errors: int = 0) -> str:
        lines = [_counts_header(), _counts_line("ALL", self.overall)]
        for dom in sorted(self.by_domain):
            lines.append(_counts_line(dom, self.by_domain[dom]))
        if errors:
            lines.append("")
            lines.extend(e.format() for e in self.errors[:errors])
        return "\n".join(lines)


def _counts_header() -> str:
    return f"{'domain':<20} {'docs':>4} {'sents':>5} {'cw':>4} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4}  {'P':>5} {'R':>5} {'F1':>5}  {'facts':>9} {'factR':>5}"


def _counts_line(label: str, c: Counts) -> str:
    return (
        f"{label:<20} {c.documents:>4} {c.sentences:>5} {c.checkworthy:>4} {c.tp:>4} {c.fp:>4} {c.fn:>4} {c.tn:>4}  "
        f"{c.precision:5.3f} {c.recall:5.3f} {c.f1:5.3f}  {c.facts_found:>4}/{c.facts:<4} {c.fact_recall:5.3f}"
    )


def _attr(obj, name: str):
    if isinstance(obj, dict):
        return obj[name]
    return getattr(obj, name)


def evaluate(
    documents: Sequence[Document],
    extract: Callable[[str], Iterable],
    min_score: Optional[float] = None,
) -> Report:
    """Score ``extract`` (text -> candidates) against the gold labels.

    Sentence level: a gold sentence is predicted check-worthy iff the key-phrase span
    ``[start, end)`` of at least one candidate overlaps it (shares a character).
    Key facts: a gold fact ``[fs, fe)`` is found iff some candidate has
    ``start <= fs`` and ``fe <= end`` and its key phrase is short, i.e.
    ``end - start <= max_key_length(len(sentence containing the fact))``.
    Candidates with a ``score`` below ``min_score`` are ignored (if ``min_score`` is given).
    """
    overall = Counts()
    by_domain: dict = {}
    errors: List[ErrorExample] = []
    for doc in documents:
        spans: List[Tuple[int, int, object]] = []
        for cand in extract(doc.text) or []:
            if min_score is not None:
                score = cand.get("score") if isinstance(cand, dict) else getattr(cand, "score", None)
                if score is None or score < min_score:  # no score -> cannot pass a threshold
                    continue
            s, e = int(_attr(cand, "start")), int(_attr(cand, "end"))
            if not (0 <= s <= e <= len(doc.text)):
                raise ValueError(f"{doc.name}: candidate span {s}-{e} outside the text (len {len(doc.text)})")
            spans.append((s, e, cand))
        c = Counts(documents=1)
        for sent in doc.sentences:
            sent_text = doc.text[sent.start:sent.end]
            hits = [(s, e, cand) for (s, e, cand) in spans if s < sent.end and e > sent.start]
            predicted = bool(hits)
            if sent.checkworthy and predicted:
                c.tp += 1
            elif sent.checkworthy:
                c.fn += 1
                errors.append(ErrorExample("FN", doc.name, doc.domain, sent_text, sent.start, sent.end))
            elif predicted:
                c.fp += 1
                detail = "; ".join(f"{doc.text[s:e]!r}" + _cand_info(cand) for (s, e, cand) in hits[:3])
                errors.append(ErrorExample("FP", doc.name, doc.domain, sent_text, sent.start, sent.end, detail))
            else:
                c.tn += 1
            limit = max_key_length(sent.end - sent.start)
            for fs, fe in sent.facts:
                c.facts += 1
                containing = [(s, e) for (s, e, _) in hits if s <= fs and fe <= e]
                if any(e - s <= limit for (s, e) in containing):
                    c.facts_found += 1
                elif predicted:  # (an FN already lists the sentence)
                    if containing:
                        why = f"only in key phrases longer than {limit:.0f} chars: " + ", ".join(
                            f"{e - s} chars" for (s, e) in containing[:3])
                    else:
                        why = "no key phrase contains it; keys: " + "; ".join(
                            repr(doc.text[s:e]) for (s, e, _) in hits[:3])
                    errors.append(ErrorExample(
                        "MISSED_FACT", doc.name, doc.domain, sent_text, sent.start, sent.end,
                        f"fact {doc.text[fs:fe]!r} at {fs}-{fe}: {why}"))
        overall.add(c)
        by_domain.setdefault(doc.domain, Counts()).add(c)
    return Report(overall=overall, by_domain=by_domain, errors=errors)


def _cand_info(cand) -> str:
    bits = []
    for k in ("kind", "score"):
        try:
            v = _attr(cand, k)
        except (AttributeError, KeyError):
            continue
        bits.append(f"{k}={v}")
    return f" ({', '.join(bits)})" if bits else ""


# ---------------------------------------------------------------------------
# Baseline: "the sentence has a digit"
# ---------------------------------------------------------------------------


@dataclass
class BaselineCandidate:
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    quote: str
    kind: str = "number"
    score: float = 1.0


# Naive sentence splitter: a terminator (. ! ? possibly followed by quotes/brackets)
# followed by whitespace, or a line break.  It knows nothing about abbreviations.
_SENT_RE = re.compile(r"[^\n]+?(?:[.!?]+[\"'\u201d\u2019)]*(?=\s)|$)", re.M)
_NUMBER_RE = re.compile(
    r"(?:US\$|[$\u20ac\u00a3\u00a5\u20b9])?\d(?:[\d,.]*\d)?"
    r"(?:st|nd|rd|th|s|m|bn|km|kg)?\b"
    r"(?:\s?(?:%|per\s?cent|percent))?"
    r"(?:\s(?:thousand|million|billion|trillion|bn|m)\b)?"
    r"(?:\s[A-Za-z][A-Za-z-]*)?"
)


def _naive_sentences(text: str):
    for m in _SENT_RE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            yield s, e


def digit_baseline(text: str) -> List[BaselineCandidate]:
    """Comparison extractor: every naive sentence containing a digit is a claim.

    One candidate per number in such a sentence; its key phrase is the number with a
    currency sign, %/percent, a magnitude word and the following word ("5.2%",
    "26 years", "$3.4 billion in").  Ordinals spelled out, superlatives and digit-free
    events are never found.
    """
    out: List[BaselineCandidate] = []
    for s, e in _naive_sentences(text):
        sent = text[s:e]
        for m in _NUMBER_RE.finditer(sent):
            out.append(BaselineCandidate(s + m.start(), s + m.end(), s, e, m.group(0)))
    return out
