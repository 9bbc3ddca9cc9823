import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extraction import extract_claims, find_inconsistencies, reanchor, split_sentences

# Text made of pieces that exercise the rules (figures, abbreviations, quotes, line
# breaks), mixed with arbitrary unicode.
PIECES = st.sampled_from(
    [
        "The council approved", " 5.2%", " $1.3 billion", " in 1992", " for 26 years", " seventh term",
        " the first time", " Mr.", " U.S.", " said", " met", "\n", "\n\n", ". ", "? ", "! ", '"', "\u201c",
        "\u201d", " twenty-six", " September 9", " the 3rd", " 1,234.5", "...", "\u3002", " Лукашенко",
        " 北京", "<p>", "</p>", "\x00", " (data photo)", " according to", " member of", " twice",
    ]
)
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join),
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXT)
def test_sentences_are_ordered_trimmed_and_disjoint(text):
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert 0 <= previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end


@SETTINGS
@given(TEXT)
def test_candidates_have_valid_offsets(text):
    sentences = split_sentences(text)
    for claim in extract_claims(text, min_score=0):
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.quote
        assert claim.sentence_start <= claim.start and claim.end <= claim.sentence_end
        assert (claim.sentence_start, claim.sentence_end) in sentences
        assert 0.0 <= claim.score <= 1.0
        assert claim.prefix == text[max(0, claim.start - 32) : claim.start]
        assert claim.suffix == text[claim.end : claim.end + 32]
        for value in claim.values:
            assert text[value.start : value.end] == value.text


@SETTINGS
@given(TEXT)
def test_output_is_sorted_and_deterministic(text):
    first = extract_claims(text, min_score=0)
    assert first == extract_claims(text, min_score=0)
    keys = [(c.start, c.end) for c in first]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


@SETTINGS
@given(TEXT, st.floats(min_value=0, max_value=1))
def test_min_score_is_a_filter(text, threshold):
    everything = extract_claims(text, min_score=0)
    kept = extract_claims(text, min_score=threshold)
    assert kept == [c for c in everything if c.score >= threshold]


@SETTINGS
@given(TEXT)
def test_inconsistency_spans_are_valid(text):
    for found in find_inconsistencies(text):
        assert found.message
        for start, end in found.spans:
            assert 0 <= start <= end <= len(text)


@SETTINGS
@given(TEXT, st.data())
def test_reanchor_finds_an_unchanged_quote(text, data):
    claims = extract_claims(text, min_score=0)
    if not claims:
        return
    claim = data.draw(st.sampled_from(claims))
    edited = "Inserted words. " + text
    span = reanchor(edited, quote=claim.quote, prefix=claim.prefix, suffix=claim.suffix, old_start=claim.start)
    assert span is not None
    assert edited[span[0] : span[1]] == claim.quote


@pytest.mark.parametrize(
    "text",
    [
        "a" * 50_000,
        "1" * 50_000,
        "." * 50_000,
        "5." * 20_000,
        "word, " * 10_000,
        "The U.S. " * 5_000,
        '"' * 10_000,
        "\u3002" * 10_000,
        "\x00" * 1_000,
        "1,234,567 " * 5_000,
        "5. " * 5_000,
        "Inflation in 2024 was 5.2% and " * 1_000,
    ],
)
def test_pathological_inputs_do_not_raise(text):
    assert isinstance(extract_claims(text), list)
    assert isinstance(split_sentences(text), list)
    assert isinstance(find_inconsistencies(text), list)
