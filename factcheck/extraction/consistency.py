"""Internal inconsistencies: figures in one article that cannot all be right.

Three checks, all conservative (a false alarm costs a reviewer's time):
- two different levels for the same measured quantity in the same year;
- "for N years" beside "since YYYY" when the article's reference year says otherwise;
- "Nth term" beside a duration too short (or too long) for that many terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .datatypes import ClaimCandidate, Inconsistency, Value
from .extractor import extract_claims
from .lexicon import CARDINALS, MEASURE_NOUNS, ORDINALS
from .values import parse_number

# Typical length of an elected term, and the range terms really come in.
TYPICAL_TERM_YEARS = 5.0
SHORTEST_TERM_YEARS = 4.0
LONGEST_TERM_YEARS = 7.0
# A duration and a start year may differ by this much before we call it a contradiction
# (the reference year itself is only known to within a year).
YEAR_TOLERANCE = 1

_YEAR = re.compile(r"(?<![\d,.$])(1[89][0-9]{2}|20[0-9]{2})(?![\d%])")
_SINCE_YEAR = re.compile(
    r"\b(?:since|(?:first\s)?elected\sin|came\sto\spower\sin|took\soffice\sin|in\s(?:power|office)\ssince"
    r"|assumed\soffice\sin|has\sruled\ssince|has\sled\s\w{1,20}\ssince)\s(?:(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\s)?(1[89][0-9]{2}|20[0-9]{2})\b",
    re.IGNORECASE,
)
_RUNNING_DURATION = re.compile(
    r"\b(?:for|past|last|nearly|almost|over|after|than|some|about)\s(?:the\s)?(?:past\s|last\s)?"
    r"([0-9]{1,3}|[a-z]+(?:-[a-z]+)?)\s(?:consecutive\s)?years?\b",
    re.IGNORECASE,
)
_NTH_TERM = re.compile(
    r"\b([a-z]+(?:-[a-z]+)?|[0-9]{1,2}(?:st|nd|rd|th))\s(?:consecutive\s|straight\s|successive\s|presidential\s)?"
    r"(?:term|mandate|time\sas\s(?:president|prime\sminister|chancellor|leader|mayor|governor))\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z]+")
_NOT_LEVEL = frozenset("by from than up down".split())


def find_inconsistencies(
    text: str,
    candidates: list[ClaimCandidate] | None = None,
    *,
    reference_year: int | None = None,
) -> list[Inconsistency]:
    if not text:
        return []
    if candidates is None:
        candidates = extract_claims(text, min_score=0.0)
    found = _conflicting_levels(text, candidates)
    year = reference_year if reference_year is not None else _latest_year(text)
    found += _duration_against_start(text, year)
    found += _terms_against_duration(text, year)
    return found


def _latest_year(text: str) -> int | None:
    years = [int(match.group(1)) for match in _YEAR.finditer(text)]
    return max(years) if years else None


# --- two figures for one quantity --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Level:
    measure: str
    year: str | None
    unit: str
    value: Value


def _conflicting_levels(text: str, candidates: list[ClaimCandidate]) -> list[Inconsistency]:
    groups: dict[tuple[str, str | None, str], list[_Level]] = {}
    seen: set[tuple[int, int]] = set()
    for candidate in candidates:
        for value in candidate.values:
            if (value.start, value.end) in seen:
                continue
            seen.add((value.start, value.end))
            level = _level(text, candidate, value)
            if level is not None:
                groups.setdefault((level.measure, level.year, level.unit), []).append(level)
    found = []
    for (measure, year, unit), levels in groups.items():
        distinct: dict[float, _Level] = {}
        for level in levels:
            distinct.setdefault(round(level.value.number or 0.0, 6), level)
        if len(distinct) > 1:
            shown = list(distinct.values())
            figures = " and ".join(repr(level.value.text) for level in shown)
            when = f" in {year}" if year else ""
            found.append(
                Inconsistency(
                    message=f"Different figures for {measure}{when}: {figures}.",
                    spans=tuple((level.value.start, level.value.end) for level in shown),
                )
            )
    return found


def _level(text: str, candidate: ClaimCandidate, value: Value) -> _Level | None:
    if value.kind not in ("percentage", "money", "number") or value.number is None:
        return None
    if value.unit in ("times", "fraction"):
        return None
    before_text = text[max(candidate.sentence_start, value.start - 60) : value.start]
    before = [word.lower() for word in _WORD.findall(before_text)]
    if before and before[-1] in _NOT_LEVEL:
        # "rose by 2%", "up from 4%": a change or an old level, not the level itself.
        return None
    after = [word.lower() for word in _WORD.findall(text[value.end : value.end + 30])][:2]
    measure = next((word for word in reversed(before) if word in MEASURE_NOUNS), None)
    if measure is None:
        measure = next((word for word in after if word in MEASURE_NOUNS), None)
    if measure is None:
        return None
    unit = value.kind + ":" + (value.currency or value.unit or "")
    sentence = text[candidate.sentence_start : candidate.sentence_end]
    years = _YEAR.findall(sentence)
    return _Level(measure, years[0] if len(set(years)) == 1 else None, unit, value)


# --- durations against start years --------------------------------------------------------------


def _duration_against_start(text: str, reference_year: int | None) -> list[Inconsistency]:
    if reference_year is None:
        return []
    starts = [(m, int(m.group(1))) for m in _SINCE_YEAR.finditer(text) if int(m.group(1)) < reference_year]
    if not starts:
        return []
    found = []
    for duration in _RUNNING_DURATION.finditer(text):
        years = _number(duration.group(1))
        if years is None:
            continue
        for since, start_year in starts:
            implied = reference_year - start_year
            if abs(implied - years) > YEAR_TOLERANCE:
                found.append(
                    Inconsistency(
                        message=(
                            f"{duration.group(0)!r} does not fit {since.group(0)!r}: "
                            f"{start_year} to {reference_year} is about {implied} years."
                        ),
                        spans=((duration.start(), duration.end()), (since.start(), since.end())),
                    )
                )
    return found


def _number(word: str) -> int | None:
    number = parse_number(word)
    return int(number) if number is not None and number == int(number) else None


# --- ordinal terms against durations ----------------------------------------------------------


def _terms_against_duration(text: str, reference_year: int | None) -> list[Inconsistency]:
    terms = []
    for match in _NTH_TERM.finditer(text):
        ordinal = _ordinal(match.group(1))
        if ordinal and ordinal >= 2:
            terms.append((match, ordinal))
    if not terms:
        return []
    found = []
    for duration in _RUNNING_DURATION.finditer(text):
        years = _number(duration.group(1))
        if years is None:
            continue
        for term, ordinal in terms:
            # Serving an Nth term means N-1 full terms are behind you.
            fewest = (ordinal - 1) * TYPICAL_TERM_YEARS - YEAR_TOLERANCE
            most = ordinal * LONGEST_TERM_YEARS
            if years < fewest or years > most:
                found.append(
                    Inconsistency(
                        message=(
                            f"{duration.group(0)!r} does not fit {term.group(0)!r}: "
                            f"{ordinal - 1} completed terms of about {TYPICAL_TERM_YEARS:.0f} years "
                            f"mean at least {fewest + YEAR_TOLERANCE:.0f} years."
                            if years < fewest
                            else f"{duration.group(0)!r} is more than {ordinal} terms can last ({term.group(0)!r})."
                        ),
                        spans=((duration.start(), duration.end()), (term.start(), term.end())),
                    )
                )
    return found


def _ordinal(word: str) -> int | None:
    lowered = word.lower()
    if lowered[:1].isdigit():
        return int(lowered[:-2])
    head, _, tail = lowered.rpartition("-")
    if tail not in ORDINALS:
        return None
    return ORDINALS[tail] + (CARDINALS.get(head, 0) if head else 0)
