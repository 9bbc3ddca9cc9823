"""Word and punctuation tokens with offsets, made once per text."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter

from .lexicon import NOT_ENTITY

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
_FIRST_CHAR = itemgetter(0)


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
    is_capital: tuple[bool, ...]
    is_entity: tuple[bool, ...]  # capitalised and not a common sentence word

    def index_at_or_after(self, position: int) -> int:
        return bisect_left(self.starts, position)

    def index_ending_after(self, position: int) -> int:
        """First token whose end is beyond ``position`` (the token containing it, if any)."""
        return bisect_left(self.ends, position + 1)


def tokenize(text: str) -> Tokens:
    # Splitting on a capturing pattern returns [gap, token, gap, token, ..., gap]; the
    # running sum of their lengths gives every offset without a Python loop per token.
    parts = _TOKEN_SPLIT.split(text)
    offsets = list(accumulate(map(len, parts)))
    raw = tuple(parts[1::2])
    # map() over C functions, no Python-level loop per token.
    lower = tuple(map(str.lower, raw))
    heads = tuple(map(_FIRST_CHAR, raw))
    is_capital = tuple(map(str.isupper, heads))
    return Tokens(
        starts=tuple(offsets[0::2][: len(raw)]),
        ends=tuple(offsets[1::2]),
        lower=lower,
        raw=raw,
        is_word=tuple(map(str.isalnum, heads)),
        is_capital=is_capital,
        is_entity=tuple([capital and word not in NOT_ENTITY for capital, word in zip(is_capital, lower)]),
    )
