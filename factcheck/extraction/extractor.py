"""Turn article text into anchored, typed, scored claim candidates.

Per sentence: find triggers (figures, ordinals, superlatives, trend words, event
verbs, reporting verbs, status words), grow each trigger into the smallest phrase that
carries its fact (walking left to the subject and right to the object, stopping at
clause boundaries), score it, and merge phrases that overlap into one claim.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from . import scoring
from .datatypes import ClaimCandidate, ClaimKind, Value
from .lexicon import (
    CLAUSE_BREAKERS,
    COMPARISON_WORDS,
    COPULAS,
    EVENT_VERBS,
    PREPOSITIONS,
    REPORTING_VERBS,
    ROLE_WORDS,
    STATUS_WORDS,
    SUPERLATIVE_WORDS,
    WEAK_SUPERLATIVES,
)
from .segmentation import split_sentences
from .tokens import Tokens, tokenize
from .values import find_values

DEFAULT_MIN_SCORE = 0.45
CONTEXT_CHARS = 32

# Key phrases stay well under the length a reader takes in at a glance.
MAX_KEY_CHARS = 110
MIN_KEY_CHARS = 60
MAX_KEY_SHARE = 0.75

_HARD_STOPS = frozenset(
    ",;:()[]{}\"\u201c\u201d\u00ab\u00bb\u2014\u2013-|/\u3001\uff0c\uff1b\uff1a\u300c\u300d\u300e\u300f.!?\u3002"
)
_SOFT_PUNCT = frozenset("'\u2019\u2018")
_TREND_WORDS = COMPARISON_WORDS - frozenset(
    "higher lower more fewer less greater larger smaller bigger cheaper dearer up down rise fall drop increase decrease decline growth".split()
)
_EST_EXCEPTIONS = frozenset(
    """
    interest interests protest protests request requests contest contests forest forests
    harvest conquest manifest arrest arrests suggest invest honest modest earnest digest
    guest guests chest nest rest test tests quest west best latest rest unrest biggest
    southwest northwest midwest priest priests behest inquest pest
    """.split()
)
_DETERMINERS = frozenset("the its their his her our a an this that".split())
_INFINITIVE_MARKERS = frozenset("to".split())
_ENUMERATION_ORDINALS = frozenset("first second third fourth fifth firstly secondly thirdly finally".split())


@dataclass(slots=True)
class _Trigger:
    first: int
    last: int
    kind: ClaimKind
    base: float
    role: str
    values: list[Value] = field(default_factory=list)


@dataclass(slots=True)
class _Draft:
    first: int
    last: int
    kind: ClaimKind
    score: float
    values: list[Value]


def extract_claims(text: str, *, min_score: float = DEFAULT_MIN_SCORE) -> list[ClaimCandidate]:
    if not text or not isinstance(text, str):
        return []
    tokens = tokenize(text)
    values = find_values(text, tokens=tokens)
    value_starts = [value.start for value in values]
    candidates: list[ClaimCandidate] = []
    for sentence_start, sentence_end in split_sentences(text):
        low = bisect_left(value_starts, sentence_start)
        high = bisect_left(value_starts, sentence_end)
        sentence_values = [v for v in values[low:high] if v.end <= sentence_end]
        for draft in _sentence_drafts(text, tokens, sentence_start, sentence_end, sentence_values):
            if draft.score >= min_score:
                candidates.append(_candidate(text, tokens, draft, sentence_start, sentence_end))
    candidates.sort(key=lambda c: (c.start, c.end))
    return candidates


def _candidate(
    text: str, tokens: Tokens, draft: _Draft, sentence_start: int, sentence_end: int
) -> ClaimCandidate:
    start = tokens.starts[draft.first]
    end = tokens.ends[draft.last]
    return ClaimCandidate(
        start=start,
        end=end,
        quote=text[start:end],
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        kind=draft.kind,
        score=draft.score,
        values=tuple(sorted(draft.values, key=lambda v: (v.start, v.end))),
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )


def _sentence_drafts(
    text: str, tokens: Tokens, sentence_start: int, sentence_end: int, values: list[Value]
) -> list[_Draft]:
    first = tokens.index_at_or_after(sentence_start)
    last = tokens.index_at_or_after(sentence_end) - 1
    if last < first:
        return []
    triggers = _value_triggers(tokens, first, last, values)
    triggers += _word_triggers(tokens, first, last, covered={i for t in triggers for i in range(t.first, t.last + 1)})
    if not triggers:
        return []
    features = scoring.sentence_features(text, tokens, first, last, has_figure=bool(values))
    limit = _max_key_chars(sentence_end - sentence_start)
    drafts = []
    for trigger in triggers:
        span_first, span_last = _grow(tokens, trigger, first, last, limit)
        score = scoring.score_claim(
            trigger.base, bool(trigger.values), features, tokens, span_first, span_last, first, last
        )
        drafts.append(_Draft(span_first, span_last, trigger.kind, score, list(trigger.values)))
    return _merge(tokens, drafts, limit)


def _max_key_chars(sentence_length: int) -> int:
    return int(min(MAX_KEY_CHARS, max(MIN_KEY_CHARS, MAX_KEY_SHARE * sentence_length)))


# --- triggers ---------------------------------------------------------------------------


def _value_triggers(tokens: Tokens, first: int, last: int, values: list[Value]) -> list[_Trigger]:
    triggers = []
    for value in values:
        value_first = max(first, tokens.index_ending_after(value.start))
        value_last = min(last, bisect_left(tokens.starts, value.end) - 1)
        if value_last < value_first:
            continue
        kind_and_base = _value_kind(tokens, value, value_first, first)
        if kind_and_base is None:
            continue
        kind, base = kind_and_base
        role = "superlative" if kind == ClaimKind.SUPERLATIVE else "value"
        triggers.append(_Trigger(value_first, value_last, kind, base, role, [value]))
    return triggers


def _value_kind(tokens: Tokens, value: Value, index: int, sentence_first: int) -> tuple[ClaimKind, float] | None:
    word = tokens.lower[index]
    if value.kind == "percentage":
        return ClaimKind.PERCENTAGE, scoring.BASE_PERCENTAGE
    if value.kind == "money":
        return ClaimKind.MONEY, scoring.BASE_MONEY
    if value.kind == "duration":
        return ClaimKind.DURATION, scoring.BASE_DURATION
    if value.kind in ("date", "year"):
        if value.date and value.date.startswith("---"):
            return ClaimKind.DATE, scoring.BASE_DAY_OF_MONTH
        return ClaimKind.DATE, scoring.BASE_DATE
    if value.kind == "ordinal":
        if _is_enumeration(tokens, index, sentence_first):
            return None
        if word in ("first", "last"):
            return ClaimKind.SUPERLATIVE, scoring.BASE_SUPERLATIVE
        return ClaimKind.ORDINAL, scoring.BASE_ORDINAL
    if value.unit in ("times", "fraction"):
        return ClaimKind.COMPARISON, scoring.BASE_MULTIPLIER
    if value.text[:1].isdigit():
        if _is_list_number(tokens, index, sentence_first):
            return None
        return ClaimKind.QUANTITY, scoring.BASE_QUANTITY
    if word in ("one", "a", "zero"):
        return None
    return ClaimKind.QUANTITY, scoring.BASE_WORD_QUANTITY


def _is_enumeration(tokens: Tokens, index: int, sentence_first: int) -> bool:
    # "First, more iron in politics": a list marker, not a claim of rank.
    if tokens.lower[index] not in _ENUMERATION_ORDINALS:
        return False
    at_start = index == sentence_first
    followed_by_comma = index + 1 < len(tokens.raw) and tokens.raw[index + 1] in (",", ":")
    return at_start and followed_by_comma or (index > 0 and tokens.lower[index - 1] == "at")


def _is_list_number(tokens: Tokens, index: int, sentence_first: int) -> bool:
    return index == sentence_first and index + 1 < len(tokens.raw) and tokens.raw[index + 1] in (".", ")")


def _word_triggers(tokens: Tokens, first: int, last: int, covered: set[int]) -> list[_Trigger]:
    triggers = []
    lower = tokens.lower
    for index in range(first, last + 1):
        if index in covered:
            continue
        word = lower[index]
        trigger = (
            _superlative_trigger(tokens, index, first, word)
            or _comparison_trigger(word, index)
            or _event_trigger(tokens, index, first, word)
            or _report_trigger(tokens, index, first, last, word)
            or _status_trigger(tokens, index, first, last, word)
        )
        if trigger is not None:
            triggers.append(trigger)
    return triggers


def _superlative_trigger(tokens: Tokens, index: int, first: int, word: str) -> _Trigger | None:
    previous = tokens.lower[index - 1] if index > first else ""
    if _is_enumeration(tokens, index, first):
        return None
    if word in SUPERLATIVE_WORDS:
        if word in WEAK_SUPERLATIVES:
            following = tokens.lower[index + 1] if index + 1 < len(tokens.lower) else ""
            if previous in _DETERMINERS or following in ("ever", "time", "since"):
                return _Trigger(index, index, ClaimKind.SUPERLATIVE, scoring.BASE_WEAK_SUPERLATIVE, "superlative")
            return None
        return _Trigger(index, index, ClaimKind.SUPERLATIVE, scoring.BASE_SUPERLATIVE, "superlative")
    if (
        len(word) > 5
        and word.endswith("est")
        and word.isalpha()
        and word not in _EST_EXCEPTIONS
        and previous in _DETERMINERS
    ):
        return _Trigger(index, index, ClaimKind.SUPERLATIVE, scoring.BASE_SUPERLATIVE, "superlative")
    return None


def _comparison_trigger(word: str, index: int) -> _Trigger | None:
    if word in _TREND_WORDS:
        return _Trigger(index, index, ClaimKind.COMPARISON, scoring.BASE_COMPARISON, "comparison")
    return None


def _event_trigger(tokens: Tokens, index: int, first: int, word: str) -> _Trigger | None:
    if word not in EVENT_VERBS or _is_name(tokens, index, first):
        return None
    if index > first and tokens.lower[index - 1] in _INFINITIVE_MARKERS:
        return None
    return _Trigger(index, index, ClaimKind.EVENT, scoring.BASE_EVENT, "event")


def _is_name(tokens: Tokens, index: int, first: int) -> bool:
    # "the United States", "Won Park": a capitalised verb form inside a sentence is a name.
    return index > first and tokens.raw[index][:1].isupper()


def _report_trigger(tokens: Tokens, index: int, first: int, last: int, word: str) -> _Trigger | None:
    if word not in REPORTING_VERBS or _is_name(tokens, index, first):
        return None
    if word == "according":
        if index < last and tokens.lower[index + 1] == "to":
            return _Trigger(index, index + 1, ClaimKind.QUOTATION, scoring.BASE_REPORT, "according")
        return None
    return _Trigger(index, index, ClaimKind.QUOTATION, scoring.BASE_REPORT, "report")


def _status_trigger(tokens: Tokens, index: int, first: int, last: int, word: str) -> _Trigger | None:
    if word not in STATUS_WORDS:
        return None
    following = tokens.lower[index + 1] if index < last else ""
    before = tokens.lower[max(first, index - 3) : index]
    has_copula = any(w in COPULAS for w in before)
    if word in ROLE_WORDS:
        if has_copula and following == "of":
            return _Trigger(index, index, ClaimKind.STATUS, scoring.BASE_STATUS, "status")
        return None
    if word == "subject" and following != "to":
        return None
    if word == "part" and following != "of":
        return None
    if following in ("of", "to", "in", "by") or has_copula:
        return _Trigger(index, index, ClaimKind.STATUS, scoring.BASE_STATUS, "status")
    return None


# --- growing a trigger into a key phrase -----------------------------------------------------

# (words to the left, words to the right) by trigger role
_REACH: dict[str, tuple[int, int]] = {
    "value": (6, 2),
    "superlative": (3, 8),
    "comparison": (4, 5),
    "event": (5, 6),
    "report": (6, 0),
    "according": (0, 6),
    "status": (4, 5),
}


def _grow(tokens: Tokens, trigger: _Trigger, first: int, last: int, limit: int) -> tuple[int, int]:
    left_reach, right_reach = _REACH[trigger.role]
    if trigger.role == "value" and trigger.kind == ClaimKind.ORDINAL:
        right_reach = 2
    span_first = _walk_left(tokens, trigger.first, first, left_reach)
    span_last = _walk_right(tokens, trigger.last, last, right_reach, trigger.role)
    if trigger.role == "value" and span_first == trigger.first and trigger.kind == ClaimKind.DATE:
        # "In April 2019, Kim met Putin": a leading date goes with the clause after it.
        span_last = _walk_right(tokens, span_last, last, 8, "event", cross_comma=True)
    return _fit(tokens, span_first, span_last, trigger, limit)


def _is_stop(token: str) -> bool:
    return token in _HARD_STOPS


def _walk_left(tokens: Tokens, index: int, floor: int, reach: int) -> int:
    lower = tokens.lower
    words = 0
    position = index
    while position > floor and words < reach:
        token = lower[position - 1]
        if token in _SOFT_PUNCT:
            position -= 1
            continue
        if _is_stop(token) or token in CLAUSE_BREAKERS:
            break
        position -= 1
        words += 1
    return position


def _walk_right(
    tokens: Tokens, index: int, ceiling: int, reach: int, role: str, cross_comma: bool = False
) -> int:
    lower = tokens.lower
    words = 0
    position = index
    while position < ceiling and words < reach:
        token = lower[position + 1]
        if token in _SOFT_PUNCT:
            position += 1
            continue
        if cross_comma and token == "," and words == 0:
            position += 1
            continue
        if _is_stop(token):
            break
        if token in CLAUSE_BREAKERS and not (token == "that" and words <= 1):
            break
        if token in PREPOSITIONS and words >= 3 and token != "of":
            break
        position += 1
        words += 1
    while position > index and (lower[position] in PREPOSITIONS or lower[position] in _DETERMINERS or lower[position] in _SOFT_PUNCT):
        # Never end a key phrase on a dangling "the" or "of".
        position -= 1
    return position


def _fit(tokens: Tokens, span_first: int, span_last: int, trigger: _Trigger, limit: int) -> tuple[int, int]:
    starts, ends = tokens.starts, tokens.ends
    while ends[span_last] - starts[span_first] > limit and span_first < trigger.first:
        span_first += 1
    while ends[span_last] - starts[span_first] > limit and span_last > trigger.last:
        span_last -= 1
    return span_first, span_last


# --- merging -----------------------------------------------------------------------------------

_KIND_PRIORITY = {
    kind: rank
    for rank, kind in enumerate(
        [
            ClaimKind.PERCENTAGE,
            ClaimKind.MONEY,
            ClaimKind.QUANTITY,
            ClaimKind.DURATION,
            ClaimKind.SUPERLATIVE,
            ClaimKind.ORDINAL,
            ClaimKind.COMPARISON,
            ClaimKind.DATE,
            ClaimKind.STATUS,
            ClaimKind.EVENT,
            ClaimKind.QUOTATION,
            ClaimKind.OTHER,
        ]
    )
}


def _merge(tokens: Tokens, drafts: list[_Draft], limit: int) -> list[_Draft]:
    """Merge overlapping phrases so that one fact yields one claim."""
    drafts.sort(key=lambda d: (d.first, d.last))
    merged: list[_Draft] = []
    for draft in drafts:
        if merged and draft.first <= merged[-1].last:
            current = merged[-1]
            union_first, union_last = current.first, max(current.last, draft.last)
            if tokens.ends[union_last] - tokens.starts[union_first] <= limit or draft.last <= current.last:
                merged[-1] = _combine(current, draft, union_first, union_last)
                continue
        merged.append(draft)
    return merged


def _combine(a: _Draft, b: _Draft, first: int, last: int) -> _Draft:
    lead = min(a, b, key=lambda d: (-d.score, _KIND_PRIORITY[d.kind]))
    values = a.values + [v for v in b.values if v not in a.values]
    return _Draft(first, last, lead.kind, max(a.score, b.score), values)
