"""The data the extraction engine hands to the rest of factcheck."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, fields
from typing import Any, Callable


class ClaimKind(enum.StrEnum):
    QUANTITY = "quantity"
    PERCENTAGE = "percentage"
    MONEY = "money"
    DURATION = "duration"
    ORDINAL = "ordinal"
    DATE = "date"
    SUPERLATIVE = "superlative"
    QUOTATION = "quotation"
    EVENT = "event"
    STATUS = "status"
    COMPARISON = "comparison"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS: dict[ClaimKind, str] = {
    ClaimKind.QUANTITY: "Quantity",
    ClaimKind.PERCENTAGE: "Percentage",
    ClaimKind.MONEY: "Money",
    ClaimKind.DURATION: "Duration",
    ClaimKind.ORDINAL: "Ordinal / count",
    ClaimKind.DATE: "Date",
    ClaimKind.SUPERLATIVE: "First / superlative",
    ClaimKind.QUOTATION: "Quotation / attribution",
    ClaimKind.EVENT: "Event",
    ClaimKind.STATUS: "Status / membership",
    ClaimKind.COMPARISON: "Comparison / trend",
    ClaimKind.OTHER: "Other",
}


@dataclass(frozen=True, slots=True)
class Value:
    """A figure as written in the article, with its normalised reading.

    ``date`` is ISO 8601 as far as known: "YYYY", "YYYY-MM", "YYYY-MM-DD"; when the
    year is not written it uses the ISO truncated forms "--MM-DD" (month and day) and
    "---DD" (day of the month only, "on the 3rd").
    """

    kind: str
    text: str
    start: int
    end: int
    number: float | None = None
    unit: str | None = None
    currency: str | None = None
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "number": self.number,
            "unit": self.unit,
            "currency": self.currency,
            "date": self.date,
        }


@dataclass(frozen=True, slots=True)
class ClaimCandidate:
    start: int
    end: int
    quote: str
    sentence_start: int
    sentence_end: int
    kind: ClaimKind
    score: float
    values: tuple[Value, ...] = ()
    prefix: str = ""
    suffix: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "kind": str(self.kind),
            "kind_label": self.kind.label,
            "score": self.score,
            "values": [value.to_dict() for value in self.values],
            "prefix": self.prefix,
            "suffix": self.suffix,
        }


@dataclass(frozen=True, slots=True)
class Inconsistency:
    message: str
    spans: tuple[tuple[int, int], ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {"message": self.message, "spans": [list(span) for span in self.spans]}


# Building frozen objects fast. A frozen dataclass's __init__ sets every field through
# object.__setattr__ (plain assignment is what it forbids), which makes a Value or a
# ClaimCandidate cost four times a plain object. The engine makes them by the thousand,
# so it builds them with ``new_value`` and ``new_candidate``, which write the slots
# directly: the objects are the same in every respect, and just as frozen.
_new_object = object.__new__


def _slot_setters(cls: type) -> list[Callable[[Any, Any], None]]:
    """The ``__set__`` of each field's slot, in field order."""
    return [getattr(cls, each.name).__set__ for each in fields(cls)]


(
    _set_value_kind,
    _set_value_text,
    _set_value_start,
    _set_value_end,
    _set_value_number,
    _set_value_unit,
    _set_value_currency,
    _set_value_date,
) = _slot_setters(Value)


def new_value(
    kind: str,
    text: str,
    start: int,
    end: int,
    number: float | None,
    unit: str | None,
    currency: str | None,
    date: str | None,
) -> Value:
    """``Value(kind, text, start, end, number, unit, currency, date)``, faster."""
    value = _new_object(Value)
    _set_value_kind(value, kind)
    _set_value_text(value, text)
    _set_value_start(value, start)
    _set_value_end(value, end)
    _set_value_number(value, number)
    _set_value_unit(value, unit)
    _set_value_currency(value, currency)
    _set_value_date(value, date)
    return value


(
    _set_candidate_start,
    _set_candidate_end,
    _set_candidate_quote,
    _set_candidate_sentence_start,
    _set_candidate_sentence_end,
    _set_candidate_kind,
    _set_candidate_score,
    _set_candidate_values,
    _set_candidate_prefix,
    _set_candidate_suffix,
) = _slot_setters(ClaimCandidate)


def new_candidate(
    start: int,
    end: int,
    quote: str,
    sentence_start: int,
    sentence_end: int,
    kind: ClaimKind,
    score: float,
    values: tuple[Value, ...],
    prefix: str,
    suffix: str,
) -> ClaimCandidate:
    """``ClaimCandidate(start, end, quote, ..., prefix, suffix)`` (every field, in order), faster."""
    candidate = _new_object(ClaimCandidate)
    _set_candidate_start(candidate, start)
    _set_candidate_end(candidate, end)
    _set_candidate_quote(candidate, quote)
    _set_candidate_sentence_start(candidate, sentence_start)
    _set_candidate_sentence_end(candidate, sentence_end)
    _set_candidate_kind(candidate, kind)
    _set_candidate_score(candidate, score)
    _set_candidate_values(candidate, values)
    _set_candidate_prefix(candidate, prefix)
    _set_candidate_suffix(candidate, suffix)
    return candidate
