"""Sentence segmentation that keeps exact character offsets.

Two passes, both linear: the text is cut into blocks at line breaks (a headline or a
photo caption on its own line is its own sentence, but a hard-wrapped line that
plainly continues is joined), then each block is cut after sentence-final
punctuation unless the period belongs to an abbreviation, an initial or a number.
"""

from __future__ import annotations

import re

from .lexicon import (
    LINE_CONTINUATION_WORDS,
    MAYBE_FINAL_ABBREVIATIONS,
    NON_FINAL_ABBREVIATIONS,
    SENTENCE_OPENERS,
)

# Line breaks, plus the HTML tags that end a block when markup is pasted as text.
_LINE_BREAK = re.compile(
    r"\r\n?|\n|\u2028|\u2029|\x0b|\x0c|\x85"
    r"|<br\s{0,3}/?>|</(?:p|div|h[1-6]|li|tr|td|th|title|blockquote|figcaption|caption)\s{0,3}>",
    re.IGNORECASE,
)
# Where _LINE_BREAK can start other than at "\n"; a text with none of these (most of them)
# is cut at each "\n" with str.find, without a regex match per line.
_RARE_LINE_BREAKS = "\r\u2028\u2029\x0b\x0c\x85<"

# A run of terminators with the closing quotes/brackets that belong to the sentence.
# Outside Chinese and Japanese a sentence only ends before whitespace, so a run glued to
# the next character ("5.2", "U.S.A", "example.com") is not even matched.
# Both patterns open with a single character set (not "[...]+", not an alternation): only
# then does the regex engine skip ahead to the next candidate character in a tight loop
# instead of attempting a full match at every position of the text. The lookbehinds pick
# the branch by that first character, as the plain alternation "A+...|B+..." did.
# A Latin run is only tried from its first character ("(?<!AA)" once one A is read): a try
# from inside a run ends where the try from its start ended and fails the same way, and
# retrying at every character made a long run of periods quadratic. The run is possessive
# for the same reason: what follows it never starts with a terminator.
_CLOSERS = r"[\"'\u201d\u2019\u00bb\u203a\u300d\u300f\uff09\u3011)\]]*"
_LATIN_TERMINATORS = r"[.!?\u2026\u203c\u2047-\u2049]"
_TERMINATOR = re.compile(
    r"[.!?\u2026\u203c\u2047-\u2049\u3002\uff01\uff1f\uff61]"
    rf"(?:(?<={_LATIN_TERMINATORS})(?<!{_LATIN_TERMINATORS}{{2}}){_LATIN_TERMINATORS}*+{_CLOSERS}(?=[\s\u200b\x00])"
    rf"|(?<=[\u3002\uff01\uff1f\uff61])[\u3002\uff01\uff1f\uff61]*{_CLOSERS})"
)
# The same without the rare terminators ("\u2026", "\u203c", CJK): a character set of three
# ASCII characters is scanned much faster, and it finds the same runs in a text that has none.
_ASCII_TERMINATOR = re.compile(rf"[.!?](?<![.!?]{{2}})[.!?]*+{_CLOSERS}(?=[\s\u200b\x00])")
_RARE_TERMINATORS = "\u2026\u203c\u2047\u2048\u2049\u3002\uff01\uff1f\uff61"
_CJK_TERMINATORS = frozenset("\u3002\uff01\uff1f\uff61")
_LINE_FINAL = frozenset(".!?\u2026:;\u3002\uff01\uff1f\"'\u201d\u2019)")
_LEADING_PUNCT = "\"'\u201c\u2018\u00ab([{<"
# "(word|)" rather than "(word)?": the same match, without the engine's repeat bookkeeping.
_NEXT_WORD = re.compile(r"\s*[\"'\u201c\u2018\u00ab(\[]*([^\W\d_][\w'.-]{0,30}|)")
_WHITESPACE = " \t\n\r\f\v\u00a0\u2028\u2029\u3000\u200b\x00"
# Every character str.isspace() accepts, plus zero-width space and NUL: trimmed from spans.
_STRIPPABLE = frozenset({chr(code) for code in range(0x3001) if chr(code).isspace()} | set(_WHITESPACE))
_PREV_TOKEN_WINDOW = 40
_TIME_FOLLOWERS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    gmt utc bst cet cest est edt pst pdt cst cdt mst mdt et pt ct ist jst aest local
    """.split()
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ordered, non-overlapping (start, end) spans trimmed of whitespace."""
    if not text:
        return []
    spans: list[tuple[int, int]] = []
    terminator = _TERMINATOR if any(char in text for char in _RARE_TERMINATORS) else _ASCII_TERMINATOR
    for block_start, block_end in _blocks(text):
        _split_block(text, block_start, block_end, spans, terminator)
    return spans


def _lines(text: str) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    pos = 0
    if any(char in text for char in _RARE_LINE_BREAKS):
        for match in _LINE_BREAK.finditer(text):
            lines.append((pos, match.start()))
            pos = match.end()
    else:
        while (cut := text.find("\n", pos)) >= 0:
            lines.append((pos, cut))
            pos = cut + 1
    lines.append((pos, len(text)))
    return lines


def _blocks(text: str) -> list[tuple[int, int]]:
    """Group lines into blocks; a block never spans a blank line."""
    blocks: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for start, end in _lines(text):
        start, end = _trim(text, start, end)
        if start >= end:
            if current is not None:
                blocks.append(current)
                current = None
            continue
        if current is not None and _continues(text, current, start):
            current = (current[0], end)
            continue
        if current is not None:
            blocks.append(current)
        current = (start, end)
    if current is not None:
        blocks.append(current)
    return blocks


# Hard-wrapped text breaks lines near a fixed width; a shorter line that ends in "on" or "the"
# before a capitalised line is a headline or a label, not half a sentence.
_WRAPPED_LINE_MIN = 40


def _continues(text: str, previous: tuple[int, int], next_start: int) -> bool:
    """A hard-wrapped line: the previous line is unfinished and the next one goes on."""
    last_char = text[previous[1] - 1]
    if last_char in _LINE_FINAL:
        return False
    first_char = text[next_start]
    if first_char.islower():
        return True
    if last_char in ",-\u2013\u2014(&/":
        return True
    line_start = max(text.rfind("\n", previous[0], previous[1]) + 1, previous[0])
    if previous[1] - line_start < _WRAPPED_LINE_MIN:
        return False  # "Port strike drags on" above a caption: a short line is a line of its own
    space = max(text.rfind(" ", previous[0], previous[1]), previous[0] - 1)
    last_word = text[space + 1 : previous[1]].lower()
    return last_word in LINE_CONTINUATION_WORDS


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    # Characters are tested in place: slicing out a whole line or sentence only to strip
    # its ends copied the text once more.
    new_start = start
    while new_start < end and text[new_start] in _STRIPPABLE:
        new_start += 1
    if new_start == end:
        return start, start
    while text[end - 1] in _STRIPPABLE:
        end -= 1
    return new_start, end


def _split_block(
    text: str, start: int, end: int, spans: list[tuple[int, int]], terminator: re.Pattern[str] = _TERMINATOR
) -> None:
    sentence_start = start
    for match in terminator.finditer(text, start, end):
        cut = match.end()
        if cut >= end:
            break
        if not _is_boundary(text, match, end):
            continue
        piece = _trim(text, sentence_start, cut)
        if piece[0] < piece[1]:
            spans.append(piece)
        sentence_start = cut
    piece = _trim(text, sentence_start, end)
    if piece[0] < piece[1]:
        spans.append(piece)


def _is_boundary(text: str, match: re.Match[str], block_end: int) -> bool:
    terminators = match.group()
    cut = match.end()
    if terminators[0] in _CJK_TERMINATORS:
        return True
    following = text[cut]
    if not (following.isspace() or following in _WHITESPACE):
        # "5.2", "U.S.A", "example.com", '?"' glued to text: not a sentence end.
        return False
    next_word = _next_word(text, cut, block_end)
    next_char = next_word[:1]
    if next_char.islower():
        return False
    if terminators == ".":  # the common case: the words around it decide
        return _period_ends_sentence(text, match.start(), next_word)
    if "." not in terminators or terminators.rstrip("\"'\u201d\u2019\u00bb)]").endswith(("!", "?")):
        return True
    if terminators.startswith(("..", "\u2026")) or "\u2026" in terminators:
        return next_char.isupper() or not next_char
    return _period_ends_sentence(text, match.start(), next_word)


def _next_word(text: str, pos: int, block_end: int) -> str:
    # Every part of the pattern may match empty, so there always is a match.
    return _NEXT_WORD.match(text, pos, block_end).group(1)  # type: ignore[union-attr]


def _period_ends_sentence(text: str, period: int, next_word: str) -> bool:
    token = _previous_token(text, period).lower()
    if not token:
        return True
    bare = token.rstrip(".")
    if bare in NON_FINAL_ABBREVIATIONS or token in NON_FINAL_ABBREVIATIONS:
        return False
    if len(bare) == 1 and bare.isalpha():
        # An initial ("J. K. Rowling") unless a typical opener follows.
        return _is_opener(next_word)
    if bare in ("a.m", "p.m"):
        # "since 9 a.m. Stay with us": a capitalised word after a time starts a sentence,
        # unless it goes with the time ("9 a.m. Tuesday", "10 p.m. GMT").
        return _is_opener(next_word) or (
            next_word[:1].isupper() and next_word.rstrip(".").lower() not in _TIME_FOLLOWERS
        )
    if bare in MAYBE_FINAL_ABBREVIATIONS or ("." in bare and _is_dotted_abbreviation(bare)):
        return _is_opener(next_word)
    return True


def _is_opener(word: str) -> bool:
    return word.rstrip(".").lower() in SENTENCE_OPENERS


def _previous_token(text: str, period: int) -> str:
    window = text[max(0, period - _PREV_TOKEN_WINDOW) : period]
    if not window or window[-1].isspace():
        return ""
    # The last whitespace-separated word; rsplit with maxsplit=1 cuts only once, from the end.
    parts = window.rsplit(None, 1)
    return parts[-1].lstrip(_LEADING_PUNCT) if parts else ""


def _is_dotted_abbreviation(token: str) -> bool:
    # "u.s", "e.g", "a.m": single letters separated by periods.
    parts = token.split(".")
    return len(parts) >= 2 and all(len(part) == 1 and part.isalpha() for part in parts)
