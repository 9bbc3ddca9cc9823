"""Cut an article's text into plain and highlighted pieces, for showing claims in place."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar


class Span(Protocol):
    start: int
    end: int


T = TypeVar("T", bound=Span)


@dataclass(frozen=True, slots=True)
class Segment(Generic[T]):
    text: str
    item: T | None = None


def segments(body: str, items: Iterable[T]) -> list[Segment[T]]:
    """Plain text between highlights; where spans overlap, the earlier span wins the overlap."""
    result: list[Segment[T]] = []
    position = 0
    for item in sorted(items, key=lambda i: (i.start, -i.end)):
        start, end = max(item.start, position), min(item.end, len(body))
        if start >= end:
            continue
        if start > position:
            result.append(Segment(body[position:start]))
        result.append(Segment(body[start:end], item))
        position = end
    if position < len(body):
        result.append(Segment(body[position:]))
    return result


def paragraphs(pieces: Sequence[Segment[T]]) -> list[list[Segment[T]]]:
    """Group segments into paragraphs at blank lines or line breaks in plain text."""
    result: list[list[Segment[T]]] = [[]]
    for piece in pieces:
        if piece.item is not None:
            result[-1].append(piece)
            continue
        lines = piece.text.split("\n")
        for index, line in enumerate(lines):
            if index:
                if result[-1]:
                    result.append([])
            if line:
                result[-1].append(Segment(line))
    return [p for p in result if p]
