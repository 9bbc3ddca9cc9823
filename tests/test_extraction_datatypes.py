"""The engine's fast constructors build the same frozen objects as the dataclasses."""

import dataclasses
import gc

import pytest

from factcheck.extraction import extract_claims
from factcheck.extraction.datatypes import ClaimCandidate, ClaimKind, Value, new_candidate, new_value


def test_new_value_equals_the_dataclass_and_stays_frozen():
    args = ("percentage", "5.2%", 10, 14, 5.2, "%", None, None)
    fast = new_value(*args)
    assert fast == Value(*args) and hash(fast) == hash(Value(*args))
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.number = 6.0


def test_new_candidate_equals_the_dataclass_and_stays_frozen():
    values = (Value("percentage", "5.2%", 10, 14, 5.2, "%", None, None),)
    args = (0, 14, "Inflation 5.2%", 0, 15, ClaimKind.PERCENTAGE, 0.9, values, "", ".")
    fast = new_candidate(*args)
    assert fast == ClaimCandidate(*args)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.score = 0.1


def test_extraction_leaves_the_garbage_collector_as_it_found_it():
    assert gc.isenabled()
    extract_claims("Inflation was 5.2% in 2024.")
    assert gc.isenabled()
    gc.disable()
    try:
        extract_claims("Inflation was 5.2% in 2024.")
        assert not gc.isenabled()
    finally:
        gc.enable()
