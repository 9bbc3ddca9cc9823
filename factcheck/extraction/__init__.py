"""Claim extraction engine: article text in, anchored, typed, scored claims out.

Pure Python: nothing here imports Django, so the engine can be used (and tested) on
its own. ``evaluation`` (the labeled-data scorer) lives beside it but is not imported.

    claims = extract_claims(text)                 # ClaimCandidate list, sorted by offset
    extract_claims(text, min_score=0)             # everything, for debugging
    explain_claims(text)                          # (claim, {feature: signed weight}) pairs
    find_inconsistencies(text, reference_year=2025)
    reanchor(new_text, quote=c.quote, prefix=c.prefix, suffix=c.suffix, old_start=c.start)

Modules: ``segmentation`` (sentences), ``tokens``, ``values`` (figures and their reading),
``lexicon`` (every word list), ``scoring`` (check-worthiness features and weights),
``extractor`` (triggers, key phrases, merging), ``consistency``, ``anchoring``.
"""

from .anchoring import reanchor
from .consistency import find_inconsistencies
from .datatypes import ClaimCandidate, ClaimKind, Inconsistency, Value
from .extractor import DEFAULT_MIN_SCORE, explain_claims, extract_claims
from .segmentation import split_sentences

__all__ = [
    "DEFAULT_MIN_SCORE",
    "ClaimCandidate",
    "ClaimKind",
    "Inconsistency",
    "Value",
    "explain_claims",
    "extract_claims",
    "find_inconsistencies",
    "reanchor",
    "split_sentences",
]
