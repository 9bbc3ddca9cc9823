"""Claim extraction engine: article text in, anchored, typed, scored claims out.

Pure Python: nothing here imports Django, so the engine can be used (and tested) on
its own. ``evaluation`` (the labeled-data scorer) lives beside it but is not imported.
"""

from .anchoring import reanchor
from .consistency import find_inconsistencies
from .datatypes import ClaimCandidate, ClaimKind, Inconsistency, Value
from .extractor import DEFAULT_MIN_SCORE, extract_claims
from .segmentation import split_sentences

__all__ = [
    "DEFAULT_MIN_SCORE",
    "ClaimCandidate",
    "ClaimKind",
    "Inconsistency",
    "Value",
    "extract_claims",
    "find_inconsistencies",
    "reanchor",
    "split_sentences",
]
