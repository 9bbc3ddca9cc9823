import pytest

from factcheck.extraction import extract_claims, reanchor

TEXT = (
    "The council met on Tuesday. Inflation in 2024 was 5.2%, the bank said. "
    "Exports rose. Inflation in 2024 was 5.2%, analysts repeated later."
)
QUOTE = "Inflation in 2024 was 5.2%"


def anchor(new_text: str, start: int) -> tuple[int, int] | None:
    return reanchor(
        new_text,
        quote=QUOTE,
        prefix=TEXT[max(0, start - 32) : start],
        suffix=TEXT[start + len(QUOTE) : start + len(QUOTE) + 32],
        old_start=start,
    )


def test_unchanged_text_gives_the_same_span():
    start = TEXT.index(QUOTE)
    assert anchor(TEXT, start) == (start, start + len(QUOTE))


def test_context_picks_the_right_one_of_two_identical_quotes():
    second = TEXT.rindex(QUOTE)
    assert anchor(TEXT, second) == (second, second + len(QUOTE))


def test_span_follows_text_inserted_before_it():
    start = TEXT.index(QUOTE)
    edited = "A new lead paragraph was added. " + TEXT
    assert anchor(edited, start) == (start + 32, start + 32 + len(QUOTE))


def test_nearest_occurrence_wins_when_context_is_gone():
    text = f"{QUOTE}. Something else entirely. {QUOTE}."
    span = reanchor(text, quote=QUOTE, prefix="zzz", suffix="yyy", old_start=len(text) - 5)
    assert span == (text.rindex(QUOTE), text.rindex(QUOTE) + len(QUOTE))


def test_exact_quote_elsewhere_beats_a_fuzzy_match_in_place():
    start = TEXT.index(QUOTE)
    edited = TEXT.replace("Inflation in 2024 was 5.2%, the bank", "Inflation in 2024 was 5.3%, the bank")
    second = edited.rindex(QUOTE)
    assert anchor(edited, start) == (second, second + len(QUOTE))


def test_small_edit_inside_the_quote_is_found_fuzzily():
    text = "The council met on Tuesday. Inflation in 2024 was 5.2%, the bank said. Exports rose."
    edited = text.replace("5.2%", "5.3%")
    start = text.index(QUOTE)
    span = reanchor(edited, quote=QUOTE, prefix=text[start - 32 : start], suffix=text[start + 26 : start + 58], old_start=start)
    assert span is not None
    assert edited[span[0] : span[1]] == "Inflation in 2024 was 5.3%"


def test_deleted_claim_is_gone():
    edited = "The council met on Tuesday. Exports rose sharply this spring."
    assert anchor(edited, TEXT.index(QUOTE)) is None


def test_rewritten_claim_below_threshold_is_gone():
    edited = "The council met on Tuesday. Prices went up by a lot in the year before."
    assert anchor(edited, TEXT.index(QUOTE)) is None


@pytest.mark.parametrize("new_text", ["", " ", "\x00"])
def test_empty_inputs(new_text):
    assert reanchor(new_text, quote=QUOTE, prefix="", suffix="", old_start=0) is None
    assert reanchor("some text", quote="", prefix="", suffix="", old_start=0) is None


def test_extracted_claims_survive_an_edit_elsewhere():
    text = "Lukashenko arrived in Beijing on the 2nd. Belarus' inflation in 2024 was 5.2%."
    edited = text.replace("arrived in Beijing", "landed in the Chinese capital Beijing")
    for claim in extract_claims(text):
        span = reanchor(edited, quote=claim.quote, prefix=claim.prefix, suffix=claim.suffix, old_start=claim.start)
        if claim.quote in edited:
            assert span is not None and edited[span[0] : span[1]] == claim.quote
