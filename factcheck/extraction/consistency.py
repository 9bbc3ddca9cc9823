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
from .lexicon import (
    CARDINALS,
    MEASURE_NOUNS,
    NOT_ACTUAL_LEVEL,
    OFFICE_WORDS,
    ORDINALS,
    STOPWORDS,
)
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
# Sentences longer than this are lists or run-on text, not a statement of one level.
_LONGEST_SENTENCE = 2_000
_LEVEL_WORD = re.compile(r"[A-Za-z]+|[0-9]{4}")
_LEVEL_LINKS = frozenset("was is were are of at reached hit totalled totaled averaged to".split())


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
    """The article's "now": its latest year, leaving out targets ("by 2040", "until 2030")."""
    years = [
        int(match.group(1))
        for match in _YEAR.finditer(text)
        if text[max(0, match.start() - 6) : match.start()].lower().split()[-1:] not in (["by"], ["until"], ["till"], ["to"], ["before"])
    ]
    return max(years) if years else None


# --- two figures for one quantity --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Level:
    measure: str
    year: str | None
    unit: str
    value: Value
    sentence: int


def _conflicting_levels(text: str, candidates: list[ClaimCandidate]) -> list[Inconsistency]:
    groups: dict[tuple[str, str, str], list[_Level]] = {}
    seen: set[tuple[int, int]] = set()
    sentence_years: dict[int, str | None] = {}
    for candidate in candidates:
        if candidate.sentence_start not in sentence_years:
            # Once per sentence, not per figure: a long sentence full of figures stays linear.
            sentence_years[candidate.sentence_start] = _reported_year(text, candidate)
        year = sentence_years[candidate.sentence_start]
        if year is None:
            continue
        for value in candidate.values:
            if (value.start, value.end) in seen:
                continue
            seen.add((value.start, value.end))
            level = _level(text, candidate, value, year)
            if level is not None:
                groups.setdefault((level.measure, level.year or "", level.unit), []).append(level)
    found = []
    for (measure, year, _), levels in groups.items():
        distinct: dict[float, _Level] = {}
        for level in levels:
            distinct.setdefault(round(level.value.number or 0.0, 6), level)
        sentences = {level.sentence for level in distinct.values()}
        if len(distinct) > 1 and len(sentences) > 1:
            shown = list(distinct.values())
            figures = " and ".join(repr(level.value.text) for level in shown)
            found.append(
                Inconsistency(
                    message=f"Different figures for {measure} in {year}: {figures}.",
                    spans=tuple((level.value.start, level.value.end) for level in shown),
                )
            )
    return found


def _reported_year(text: str, candidate: ClaimCandidate) -> str | None:
    """The one year a sentence reports on, unless it is a forecast, a target or a change."""
    sentence = text[candidate.sentence_start : candidate.sentence_end]
    if len(sentence) > _LONGEST_SENTENCE or not NOT_ACTUAL_LEVEL.isdisjoint(_WORD.findall(sentence.lower())):
        return None
    years = set(_YEAR.findall(sentence))
    return years.pop() if len(years) == 1 else None


def _level(text: str, candidate: ClaimCandidate, value: Value, year: str) -> _Level | None:
    """The value as the stated level of a measured quantity in a given year, if it is one.

    Only the plain pattern counts ("inflation in 2024 was 5.2%", "5.2% inflation in
    2024"): a change ("rose by 2%"), an old level ("from 4%"), a forecast or a target
    is not the level itself, and two of them can differ without contradiction.
    """
    if value.kind not in ("percentage", "money", "number") or value.number is None:
        return None
    if value.unit in ("times", "fraction", "score"):
        return None
    before = [w.lower() for w in _LEVEL_WORD.findall(text[max(candidate.sentence_start, value.start - 60) : value.start])]
    after = [w.lower() for w in _LEVEL_WORD.findall(text[value.end : min(candidate.sentence_end, value.end + 40)])]
    measure = _measure_before(before) or _measure_after(after)
    if measure is None:
        return None
    unit = value.kind + ":" + (value.currency or value.unit or "")
    return _Level(measure, year, unit, value, candidate.sentence_start)


def _measure_before(before: list[str]) -> str | None:
    # MEASURE [in YEAR] LINK VALUE: "inflation in 2024 was", "Belarus' inflation stood at"
    if not before or before[-1] not in _LEVEL_LINKS:
        return None
    words = before[:-1]
    if words and words[-1] in ("stood", "came"):
        words = words[:-1]
    if len(words) >= 2 and words[-2] == "in" and words[-1].isdigit():
        words = words[:-2]
    if not words or words[-1] not in MEASURE_NOUNS:
        return None
    return _with_modifier(words)


def _measure_after(after: list[str]) -> str | None:
    # VALUE MEASURE: "5.2% inflation", "3.5 million visitors"
    if not after or after[0] not in MEASURE_NOUNS:
        return None
    return after[0]


def _with_modifier(words: list[str]) -> str:
    # "core inflation" and "inflation" are different measures.
    measure = words[-1]
    if len(words) >= 2 and words[-2].isalpha() and words[-2] not in STOPWORDS:
        return f"{words[-2]} {measure}"
    return measure


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
        if years is None or not _about_office(text, duration.start(), duration.end()):
            continue
        for since, start_year in starts:
            if not _about_office(text, since.start(), since.end()):
                continue
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


def _about_office(text: str, start: int, end: int) -> bool:
    """A tenure: "for 26 years in the presidential chair", "has ruled since 1994"."""
    window = text[max(0, start - 60) : end + 40].lower()
    return any(word in OFFICE_WORDS for word in _WORD.findall(window))


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
        if years is None or not _about_office(text, duration.start(), duration.end()):
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
