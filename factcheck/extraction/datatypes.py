"""The data the extraction engine hands to the rest of factcheck."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


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
