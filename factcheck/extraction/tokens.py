"""Word and punctuation tokens with offsets, made once per text."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter
from typing import TypeVar

from .lexicon import NOT_ENTITY

_K = TypeVar("_K")
_V = TypeVar("_V")

# A word may hold inner apostrophes, hyphens, periods and commas ("Jong-un", "U.S",
# "1,200.50"), but never ends with them; everything else is a one-character token.
# Chinese and Japanese are written without spaces: each ideograph or kana is a token,
# so that a figure inside such text starts a token of its own.
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff66-\uff9f"
# Possessive quantifiers (Python 3.11+): a word run never gives characters back, which
# spares the regex engine its backtracking bookkeeping and changes no match.
_WORD_RUN = rf"[^\W_{_CJK}]++"
_TOKEN = re.compile(rf"{_WORD_RUN}(?:['\u2019.,-]{_WORD_RUN})*+|[^\w\s]|[{_CJK}]")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")


@dataclass(slots=True)
class Tokens:
    """Parallel sequences: the i-th token is text[starts[i]:ends[i]], lower-cased in ``lower``.

    Tuples, not lists: a tuple of strings or numbers drops out of the garbage collector's
    sight, a list does not, and on a 10 MB text every full collection would otherwise walk
    millions of tokens.
    """

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    lower: tuple[str, ...]
    raw: tuple[str, ...]
    # Per-token flags, computed once so that per-sentence features are sums of slices.
    is_word: tuple[bool, ...]
    is_entity: tuple[bool, ...]  # capitalised and not a common sentence word
    # The distinct lower-cased tokens: the per-text word tables are built over these
    # (a few thousand) rather than over every token.
    vocabulary: frozenset[str]

    def index_at_or_after(self, position: int) -> int:
        return bisect_left(self.starts, position)

    def index_ending_after(self, position: int) -> int:
        """First token whose end is beyond ``position`` (the token containing it, if any)."""
        return bisect_left(self.ends, position + 1)


def tokenize(text: str) -> Tokens:
    # Splitting on a capturing pattern returns [gap, token, gap, token, ..., gap]; the
    # running sum of their lengths gives every offset without a Python loop per token.
    parts = _TOKEN_SPLIT.split(text)
    offsets = tuple(accumulate(map(len, parts)))
    raw = tuple(parts[1::2])
    # A text repeats a few thousand distinct tokens: each is lower-cased and classified
    # once, then looked up per token (itemgetter loops in C). Equal tokens thereby share
    # one lower-cased string, with its hash cached, which makes every later set or dict
    # of them cheaper too.
    distinct = set(raw)
    lower_of = {token: token.lower() for token in distinct}
    is_word_of = {token: token[0].isalnum() for token in distinct}
    is_entity_of = {token: token[0].isupper() and lower_of[token] not in NOT_ENTITY for token in distinct}
    return Tokens(
        starts=offsets[0:-1:2],
        ends=offsets[1::2],
        lower=look_up(lower_of, raw),
        raw=raw,
        is_word=look_up(is_word_of, raw),
        is_entity=look_up(is_entity_of, raw),
        vocabulary=frozenset(lower_of.values()),
    )


def word_bits(
    lower: Sequence[str], vocabulary: frozenset[str], word_lists: Iterable[tuple[Collection[str], int]]
) -> tuple[int, ...]:
    """Per token, the OR of the bits of the word lists that hold it.

    Each list is intersected with the text's vocabulary (in C, over the smaller of the
    two), so the cost is per word found rather than per distinct word and list.
    """
    table = dict.fromkeys(vocabulary, 0)
    for words, bit in word_lists:
        for word in vocabulary.intersection(words):
            table[word] |= bit
    return look_up(table, lower)


def look_up(table: Mapping[_K, _V], keys: Sequence[_K]) -> tuple[_V, ...]:
    """``tuple(table[key] for key in keys)``, with the loop in C (half the cost of
    ``map(table.__getitem__, keys)``). itemgetter returns a bare value for one key and
    cannot be made for none, hence the short case."""
    if len(keys) > 1:
        return itemgetter(*keys)(table)
    return tuple([table[key] for key in keys])
