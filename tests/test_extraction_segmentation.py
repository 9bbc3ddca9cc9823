import pytest

from factcheck.extraction import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_empty_and_blank_text_have_no_sentences():
    assert split_sentences("") == []
    assert split_sentences("   \n\t  \n") == []


def test_simple_sentences():
    assert sentences("The mayor resigned. The council met! Was it legal? Nobody knows.") == [
        "The mayor resigned.",
        "The council met!",
        "Was it legal?",
        "Nobody knows.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met Dr. Jones at St. Mary's hospital.",
        "Mrs. Brown lives at No. 3 Downing Street.",
        "The case, Smith vs. Jones, was heard in Jan. 2020 by the court.",
        "Prices fell, e.g. for bread, and rose, i.e. for milk.",
        "Acme Inc. and Widget Ltd. signed the deal.",
        "J. K. Rowling wrote the books.",
        "Inflation was 5.2 percent and the debt was 1,200.50 dollars.",
        "The U.S. and the U.K. agreed on the text.",
        "The vote is due on Sept. 9 at the latest.",
        "Visit example.com for details.",
    ],
)
def test_abbreviations_initials_and_numbers_do_not_split(text):
    assert sentences(text) == [text]


def test_abbreviation_can_end_a_sentence_before_an_opener():
    assert sentences("He moved to the U.S. The next year he returned.") == [
        "He moved to the U.S.",
        "The next year he returned.",
    ]


def test_closing_quote_belongs_to_the_sentence_it_closes():
    text = 'He said: "We won. We will win again." Then he left.'
    assert sentences(text) == ['He said: "We won.', 'We will win again."', "Then he left."]


def test_curly_quotes():
    text = "\u201cIt is over.\u201d The minister left."
    assert sentences(text) == ["\u201cIt is over.\u201d", "The minister left."]


def test_question_inside_quote_followed_by_lowercase_does_not_split():
    text = '"Why now?" she asked the panel.'
    assert sentences(text) == [text]


def test_headlines_and_captions_on_their_own_lines():
    text = "Council approves budget\nThe council approved the budget on Tuesday.\n\nPutin (data photo)\nTalks resumed."
    assert sentences(text) == [
        "Council approves budget",
        "The council approved the budget on Tuesday.",
        "Putin (data photo)",
        "Talks resumed.",
    ]


def test_hard_wrapped_lines_are_joined():
    text = "The council approved the\nbudget on Tuesday after a long\ndebate. It passed."
    assert sentences(text) == ["The council approved the\nbudget on Tuesday after a long\ndebate.", "It passed."]


def test_ellipsis():
    assert sentences("He paused... then spoke. Later... Nothing.") == [
        "He paused... then spoke.",
        "Later...",
        "Nothing.",
    ]


def test_text_without_punctuation_is_one_sentence():
    text = "the council approved the budget on tuesday with nine votes to two"
    assert sentences(text) == [text]


def test_chinese_full_stops():
    text = "卢卡申科抵达北京。他将访问朝鲜！是吗？"
    assert sentences(text) == ["卢卡申科抵达北京。", "他将访问朝鲜！", "是吗？"]


def test_cyrillic():
    text = "Лукашенко прибыл в Пекин. Визит продлится до 4 сентября."
    assert sentences(text) == ["Лукашенко прибыл в Пекин.", "Визит продлится до 4 сентября."]


def test_html_block_tags_end_sentences():
    text = "<p>Budget approved</p><p>The council voted 9 to 2.</p>"
    spans = sentences(text)
    assert any("Budget approved" in s and "council" not in s for s in spans)


def test_spans_are_trimmed_ordered_and_disjoint():
    text = "  First one.   Second one.\n\n  Third one  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one.", "Third one"]
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        assert e1 <= s2


def test_long_runs_of_punctuation_and_digits():
    text = "Wait" + "!" * 5000 + " " + "9" * 5000 + "." + " Done."
    spans = split_sentences(text)
    assert spans[-1] == (len(text) - 5, len(text))


def test_control_characters_and_nul_bytes_do_not_raise():
    text = "One.\x00 Two.\x01\x02 Three\x7f."
    assert split_sentences(text)
