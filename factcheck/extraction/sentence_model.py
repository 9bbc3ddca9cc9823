"""A learned second opinion on a sentence: how much its wording sounds like a checkable claim.

The rules in ``extractor`` find *where* a fact sits (a figure, an event verb, an
attribution); they are blind to the register of a sentence. In a debate, "He has never
offered a plan" is a claim and "We have to protect our seniors" is not, although both
are built from ordinary words. A logistic regression over the sentence's words and word
pairs, trained on labeled sentences (``train_sentence_model``), supplies that judgement as
one signed, named part of a claim's score ("sentence wording").

Pure Python, no dependencies: the weights are data, ``sentence_weights.json``, written by
the trainer (JSON rather than a Python module: 19,000 dict entries load in milliseconds as
JSON, but take a quarter of a second to compile when no bytecode cache may be written); a
text's tokens are looked up once, and a sentence's score is two sums of slices.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from itertools import repeat
from math import exp
from pathlib import Path

from .tokens import look_up

WEIGHTS_FILE = Path(__file__).with_name("sentence_weights.json")


def load_weights(path: Path = WEIGHTS_FILE) -> tuple[float, dict[str, float], dict[tuple[str, str], float]]:
    """(bias, word weights, word-pair weights) from a file the trainer wrote."""
    data = json.loads(path.read_text(encoding="utf-8"))
    pairs = {tuple(pair.split(" ")): weight for pair, weight in data["pairs"].items()}
    return data["bias"], data["words"], pairs  # type: ignore[return-value]


BIAS, WORDS, PAIRS = load_weights()

NUMBER = "<num>"
# Sentence length in words, bucketed: very short turns ("Thank you.") are rarely claims.
_LENGTH_BUCKETS = ((3, "<len:1-3>"), (6, "<len:4-6>"), (12, "<len:7-12>"), (25, "<len:13-25>"))
_LONG = "<len:26+>"
_ZEROS = repeat(0.0)


def _by_first_word(pairs: dict[tuple[str, str], float]) -> dict[str, dict[str, float]]:
    grouped: dict[str, dict[str, float]] = {}
    for (first, second), weight in pairs.items():
        grouped.setdefault(first, {})[second] = weight
    return grouped


# PAIRS regrouped by the first word, read only: a token's pair weight is then a lookup of
# the next word in its own word's dict, without building a (word, word) tuple per token.
_PAIRS_BY_FIRST = _by_first_word(PAIRS)
_NO_PAIRS: dict[str, float] = {}


def normal_words(lower: Sequence[str]) -> tuple[str, ...]:
    """Lower-cased tokens as the model sees them: every figure is the same word.

    Worked out once per distinct word, so that a whole text is normalised in one pass.
    """
    return look_up(_normal_forms(set(lower)), lower)


def _normal_forms(distinct_words: Iterable[str]) -> dict[str, str]:
    return {word: NUMBER if word[:1].isdigit() else word for word in distinct_words}


def length_feature(word_count: int) -> str:
    for limit, name in _LENGTH_BUCKETS:
        if word_count <= limit:
            return name
    return _LONG


def word_count(words: Sequence[str]) -> int:
    return sum(1 for word in words if word[:1].isalnum())


def features(words: Sequence[str]) -> list[str]:
    """The features of one sentence (its lower-cased tokens): words, word pairs, a length bucket.

    A bag, not a set: a word that occurs twice counts twice. What the trainer learns from;
    ``logit`` adds up the same weights without building the strings.
    """
    normal = normal_words(words)
    found = list(normal)
    found += [f"{left} {right}" for left, right in zip(normal, normal[1:])]
    found.append(length_feature(word_count(words)))
    return found


def token_weights(
    lower: Sequence[str], vocabulary: frozenset[str] | None = None
) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Per token, the weight of its word and of the pair it opens, for a whole text at once.

    Everything about a word is worked out once per distinct word (``vocabulary``, all of
    ``lower`` when not given); per token there are only lookups looped in C. A sentence's
    log-odds is then two sums of slices (``sentence_logit``).
    """
    normal_of = _normal_forms(set(lower) if vocabulary is None else vocabulary)
    word_weight = {word: WORDS.get(normal, 0.0) for word, normal in normal_of.items()}
    pairs_opened = {word: _PAIRS_BY_FIRST.get(normal, _NO_PAIRS) for word, normal in normal_of.items()}
    following = look_up(normal_of, lower[1:])
    pair_weights = tuple(map(dict.get, look_up(pairs_opened, lower[:-1]), following, _ZEROS))
    return look_up(word_weight, lower), pair_weights


def sentence_logit(
    word_weights: Sequence[float], pair_weights: Sequence[float], first: int, last: int, words: int
) -> float:
    """The log-odds of the sentence made of tokens ``first..last`` (inclusive) with ``words`` words."""
    return (
        BIAS
        + sum(word_weights[first : last + 1])
        + sum(pair_weights[first:last])
        + WORDS.get(length_feature(words), 0.0)
    )


def logit(words: Sequence[str]) -> float:
    """The model's log-odds that a sentence (its lower-cased tokens) is check-worthy."""
    word_weights, pair_weights = token_weights(words)
    return sentence_logit(word_weights, pair_weights, 0, len(words) - 1, word_count(words))


def probability(words: Sequence[str]) -> float:
    value = logit(words)
    if value < -30:
        return 0.0
    return 1.0 / (1.0 + exp(-value))
