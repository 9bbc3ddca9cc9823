"""Find a claim's quote again after the article text was edited.

Follows the W3C TextQuoteSelector idea: the quote plus up to 32 characters of context
on each side. Exact matches are preferred; a fuzzy match must be very close, because
pointing a reviewer at the wrong sentence is worse than saying the claim is gone.
"""

from __future__ import annotations

from rapidfuzz import fuzz

# Fuzzy matches below this similarity (0..100) are rejected.
FUZZY_THRESHOLD = 90.0
# Long texts are only scanned near the old position first; this many characters around it.
_NEARBY_CHARS = 5_000


def reanchor(
    new_text: str, *, quote: str, prefix: str, suffix: str, old_start: int
) -> tuple[int, int] | None:
    if not quote or not new_text:
        return None
    occurrences = _occurrences(new_text, quote)
    if occurrences:
        return _best_exact(new_text, occurrences, quote, prefix, suffix, old_start)
    return _fuzzy(new_text, quote, prefix, suffix, old_start)


def _occurrences(text: str, quote: str) -> list[int]:
    found = []
    position = text.find(quote)
    while position != -1:
        found.append(position)
        position = text.find(quote, position + 1)
    return found


def _best_exact(
    text: str, occurrences: list[int], quote: str, prefix: str, suffix: str, old_start: int
) -> tuple[int, int]:
    def rank(position: int) -> tuple[int, int]:
        context = _context_match(text, position, position + len(quote), prefix, suffix)
        return (-context, abs(position - old_start))

    best = min(occurrences, key=rank)
    return best, best + len(quote)


def _context_match(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """Characters of context that still agree: 2 points per side that matches fully."""
    score = 0
    if prefix and text[max(0, start - len(prefix)) : start] == prefix:
        score += 2
    elif prefix and text[max(0, start - 8) : start] == prefix[-8:]:
        score += 1
    if suffix and text[end : end + len(suffix)] == suffix:
        score += 2
    elif suffix and text[end : end + 8] == suffix[:8]:
        score += 1
    return score


def _fuzzy(
    text: str, quote: str, prefix: str, suffix: str, old_start: int
) -> tuple[int, int] | None:
    nearby_low = max(0, old_start - _NEARBY_CHARS)
    nearby_high = min(len(text), old_start + len(quote) + _NEARBY_CHARS)
    best = _best_window(text, quote, nearby_low, nearby_high, old_start)
    if best is None and (nearby_low > 0 or nearby_high < len(text)):
        best = _best_window(text, quote, 0, len(text), old_start)
    if best is None:
        return None
    return best


def _best_window(
    text: str, quote: str, low: int, high: int, old_start: int
) -> tuple[int, int] | None:
    region = text[low:high]
    if not region:
        return None
    alignment = fuzz.partial_ratio_alignment(quote, region, score_cutoff=FUZZY_THRESHOLD)
    if alignment is None:
        return None
    start = low + alignment.dest_start
    end = low + alignment.dest_end
    start, end = _snap_to_words(text, start, end)
    if start >= end:
        return None
    if fuzz.ratio(quote, text[start:end]) < FUZZY_THRESHOLD:
        return None
    return start, end


def _snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    # A fuzzy window may cut a word in half; widen it to whole words.
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
