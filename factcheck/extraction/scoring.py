"""Check-worthiness: a transparent sum of weighted features, clamped to 0..1.

Every weight is named here so that a reviewer can see why a claim scored as it did
(``explain_score`` returns the parts).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from operator import or_

from .lexicon import (
    BELIEF_VERBS,
    CAPTION_WORDS,
    CARDINALS,
    COPULAS,
    CURRENCY_SYMBOLS,
    ED_ADJECTIVES,
    EVENT_VERBS,
    EVENT_VERB_BASES,
    FIRST_SECOND_PERSON,
    FUTURE_MARKERS,
    GENERIC_ADVERBS,
    HEDGES,
    IMPERATIVE_OPENERS,
    IRREGULAR_PAST_FORMS,
    LIST_BULLETS,
    OBLIGATION_WORDS,
    OPINION_WORDS,
    PERSONAL_NOUNS,
    REPORTING_VERBS,
    RULE_VERBS,
    STRONG_OPINION_WORDS,
    VAGUE_SUBJECTS,
    with_curly_apostrophes,
)
from .tokens import Tokens, word_bits

# Base check-worthiness of each kind of trigger.
BASE_PERCENTAGE = 0.72
BASE_MONEY = 0.72
BASE_QUANTITY = 0.62
BASE_WORD_QUANTITY = 0.45
BASE_DETERMINED_WORD_QUANTITY = 0.25
BASE_IDENTIFIER = 0.3
BASE_DURATION = 0.6
BASE_WORD_DURATION = 0.5
BASE_DATE = 0.5
BASE_DAY_OF_MONTH = 0.45
BASE_TIME_OF_DAY = 0.3
BASE_ORDINAL = 0.58
BASE_MULTIPLIER = 0.55
BASE_SUPERLATIVE = 0.58
BASE_WEAK_SUPERLATIVE = 0.36
BASE_COMPARISON = 0.5
BASE_EVENT = 0.51
BASE_REPORT = 0.5
# "The communiqué does not say how large the fund will be": what a source left out.
BASE_OMISSION = 0.62
BASE_STATUS = 0.48
# What a law, code or body requires, allows or forbids: "State law requires the authority to ...".
BASE_RULE = 0.55
BASE_PAST = 0.43
BASE_COPULA = 0.37

# Adjustments.
ENTITY_BONUS = 0.12
NEARBY_ENTITY_BONUS = 0.05
MEASURE_BONUS = 0.1
VAGUE_SOURCE_PENALTY = 0.2
QUOTATION_BONUS = 0.1
UNNAMED_CLAIM_PENALTY = 0.1
FUTURE_PENALTY = 0.1
NO_VERB_PENALTY = 0.15
# Sentences up to this many words without any verb are labels, captions or cues.
FRAGMENT_WORDS = 10
VAGUE_SUBJECT_PENALTY = 0.12
IMPERATIVE_PENALTY = 0.2
GENERIC_PENALTY = 0.1
FIGURE_BONUS = 0.08
ATTRIBUTION_BONUS = 0.06
QUESTION_PENALTY = 0.5
HEDGE_PENALTY = 0.3
ATTRIBUTED_HEDGE_PENALTY = 0.08
OPINION_PENALTY = 0.1
STRONG_OPINION_PENALTY = 0.22
MAX_OPINION_PENALTY = 0.45
PERSON_PENALTY = 0.05
PERSONAL_PENALTY = 0.2
PROMISE_PENALTY = 0.25
INTRODUCTION_PENALTY = 0.15
CAPTION_PENALTY = 0.45
EXCLAMATION_PENALTY = 0.12
SHORT_SENTENCE_PENALTY = 0.15
HOST_PENALTY = 0.1
BARE_ANSWER_PENALTY = 0.3
PROCEDURE_PENALTY = 0.3

# How far around the key phrase a hedge or an opinion word still colours the claim.
CONTEXT_TOKENS = 4

# The sentence wording model (``sentence_model``): its log-odds, scaled and capped, is one
# signed part of every claim's score in the sentence.
WORDING_WEIGHT = 0.05
WORDING_CAP = 0.2

# "You voted to repeal it, didn't you?", "..., did he not?", "..., isn't that right?", "...,
# correct?": a statement with a tag, not an open question.
_TAG_QUESTION = re.compile(
    r",\s*(?:(?:\w+n['\u2019]t|is|are|was|were|do|does|did|has|have|had|will|would|can|could)"
    r"\s+(?:not\s+)?(?:you|he|she|it|they|we|i|there|that)(?:\s+not)?(?:\s+(?:right|so|true|correct))?"
    r"|correct|right|true)\s*\?$",
    re.IGNORECASE,
)
# "Will the minister confirm that 36,800 people crossed ...?": the question asserts its fact.
_LOADED_QUESTION = re.compile(
    r"\b(?:confirm|accept|admit|acknowledge|concede|deny|aware|agree)\s+that\b"
    r"|\b(?:do|did) you (?:know|realise|realize)(?: \w+)? that\b"
    r"|\bis(?:n['\u2019]t| it not)\s+(?:it\s+)?(?:true|the case|a fact)\s+that\b",
    re.IGNORECASE,
)
# Transcript labels of whoever chairs a debate or an interview (upper case, before a colon).
_HOST_LABELS = frozenset("MODERATOR MODERATORS PRESENTER HOST CHAIR CHAIRMAN CHAIRWOMAN INTERVIEWER Q".split())
_SUBJECT_PRONOUNS = frozenset("i we you they he she it".split())
_COMPARATIVE_MARKERS = frozenset("as more less most least".split())
_QUOTE_MARKS = frozenset("\"\u201c\u201d\u00ab\u00bb")


@dataclass(slots=True)
class SentenceFeatures:
    """What a sentence says about every claim inside it."""

    is_question: bool
    has_exclamation: bool
    has_figure: bool
    entity_count: int
    attributed: bool
    person_outside_quotes: int
    is_caption: bool
    word_count: int
    has_quotation: bool
    has_verb: bool
    vague_subject: bool
    imperative: bool
    generic: bool
    colored: bool  # has any hedge, future marker or opinion word
    host_turn: bool = False  # "MODERATOR: ...": the host frames a question, claims little
    personal: bool = False  # "my mum waited nine hours": a private life
    introduces: bool = False  # "The figures, in brief:": a line that announces what follows
    own_promise: bool = False  # "I'll double that", "we would move $10 million": a pledge, not a record
    names_a_day: bool = False  # "on 21 August", "Jan. 1, 2027": a date down to the day (set by the extractor)
    under_rule: bool = False  # "Under the ordinance, holders will ...": what a rule provides, not a forecast
    bare_answer: bool = False  # "ROWE: Twenty-one percent.": a figure that only answers a question
    procedure: bool = False  # "We are in recess for ten minutes.": the chair's business
    appeal: bool = False  # "I'm asking for your vote on December 9.": a call to action
    # Whether any of the sentence-wide penalties in ``explain_parts`` may apply (from
    # "moderator's turn" to "short"): most sentences have none, and skip their checks.
    penalised: bool = True


_OWN_FUTURE = with_curly_apostrophes("i'll we'll")
_FIRST_PERSON_I = with_curly_apostrophes("i i've i'd i'm")
_FUTURE_MODALS = frozenset("will would shall".split())
_INTENTIONS = frozenset("want plan intend propose".split())
_OWN_GOING = with_curly_apostrophes("i'm we're")


_F_REPORT, _F_PERSON, _F_CAPTION, _F_VERB, _F_GENERIC, _F_COLOUR, _F_QUOTE, _F_PROCEDURE = 1, 2, 4, 8, 16, 32, 64, 128


def word_flags(lower: Sequence[str], vocabulary: frozenset[str] | None = None) -> tuple[int, ...]:
    """Per token, a bit for every word list a sentence feature asks about.

    Worked out once per distinct word (``vocabulary``, all of ``lower`` when not given),
    so that a sentence's features are one OR over its tokens instead of a set and half a
    dozen set operations per sentence.
    """
    return word_bits(lower, frozenset(lower) if vocabulary is None else vocabulary, _FLAG_LISTS)


def sentence_features(
    text: str, tokens: Tokens, first: int, last: int, has_figure: bool, flags: Sequence[int] | None = None
) -> SentenceFeatures:
    # One OR over per-token flags (see ``word_flags``) instead of a loop per token: this
    # runs for every sentence of every article.
    words = tokens.lower[first : last + 1]
    raw = tokens.raw[first : last + 1]
    mask = reduce(or_, flags[first : last + 1] if flags is not None else word_flags(words), 0)
    quote_marks = sum(map(_QUOTE_MARKS.__contains__, raw)) if mask & _F_QUOTE else 0
    word_count = tokens.is_word[first : last + 1].count(True)
    entity_count = tokens.is_entity[first + 1 : last + 1].count(True)
    opener = ""
    opener_index = 0
    if raw and raw[0] not in _QUOTE_MARKS:  # a sentence that opens with a quotation has its subject after it
        for index, token in enumerate(raw):
            if token[0].isalnum() and not _is_label(raw, index):
                opener, opener_index = words[index], index
                if opener == "most" and _is_share_of_named_set(words, index):
                    opener = ""  # "Most of them involved phones": the share of a set named before
                break
    has_verb = word_count > FRAGMENT_WORDS or mask & _F_VERB or any(
        _is_verb_like(word) or (index and words[index - 1] in _SUBJECT_PRONOUNS) for index, word in enumerate(words)
    ) or _has_present_verb(raw, words) or _is_data_row(raw)
    sentence_text = text[tokens.starts[first] : tokens.ends[last]] if last >= first else ""
    stripped = sentence_text.rstrip("\"'\u201d\u2019)] ")
    features = SentenceFeatures(
        _is_open_question(stripped),  # is_question
        stripped.endswith(("!", "\uff01")),  # has_exclamation
        has_figure,
        entity_count,
        entity_count > 0 and bool(mask & _F_REPORT),  # attributed
        0 if quote_marks or not mask & _F_PERSON else len(FIRST_SECOND_PERSON.intersection(words)),
        (word_count <= 12 and bool(mask & _F_CAPTION) and _is_caption(sentence_text, word_count, 1))
        or (not has_verb and _is_dateline(raw, word_count))
        or _is_timestamp(raw, word_count)
        or _is_live_header(raw)
        or (word_count >= _CAPS_HEADER_WORDS and _is_caps_header(raw, words)),
        word_count,
        quote_marks >= 2,  # has_quotation
        bool(has_verb),
        opener in VAGUE_SUBJECTS,  # vague_subject
        # imperative: "Tell us ...", "First speaker, please state ...", "Spend the money on ..."
        opener in IMPERATIVE_OPENERS
        or "please" in words
        or (not mask & _F_REPORT and _opens_with_command(raw[opener_index:], words[opener_index:])),
        bool(mask & _F_GENERIC),  # generic
        bool(mask & _F_COLOUR),  # colored
        _is_host_turn(raw),  # host_turn
        bool(mask & _F_PERSON) and _is_personal(words),
        bool(raw) and raw[-1] == ":",
        bool(mask & _F_PERSON) and _is_own_promise(words),
        under_rule=bool(mask & _F_COLOUR) and _opens_under_a_rule(words),
        bare_answer=not has_verb and _is_bare_answer(raw, word_count),
        procedure=bool(mask & _F_PROCEDURE) and _PROCEDURE.search(sentence_text) is not None,
        appeal=bool(mask & _F_PROCEDURE) and _APPEAL.search(sentence_text) is not None,
    )
    # Whether any sentence-wide penalty can apply, asked of the penalties themselves with the
    # role and figure that let every one of them through.
    probe: dict[str, float] = {}
    _add_sentence_penalties(probe, "status", False, features)
    features.penalised = bool(probe)
    return features


_VERB_LIKE = COPULAS | EVENT_VERBS | EVENT_VERB_BASES | IRREGULAR_PAST_FORMS | REPORTING_VERBS | HEDGES | RULE_VERBS | frozenset(
    "be being am do does did says said has have had".split()
)


_COLOURING_WORDS = HEDGES | FUTURE_MARKERS | OPINION_WORDS
# The chair's business in a meeting transcript: "We are in recess.", "The debate is closed.",
# "I now put the amendment to the vote.", "We're on item seven." (but "The amendment falls." and
# "The budget is carried." report results).
_PROCEDURE = re.compile(
    r"\b(?:in recess|(?:hearing|meeting|sitting|debate) is (?:adjourned|closed)"
    r"|put (?:the |this |that )?[\w ]{0,40}to the vote|(?:we're|we are|we\u2019re) on item"
    r"|we (?:now )?(?:come|move|turn) to (?:item|question|the next)|take testimony)\b",
    re.IGNORECASE,
)
# A candidate's appeal: "I'm asking for your vote on December 9."
_APPEAL = re.compile(r"\b(?:ask(?:ing)? (?:you )?for your (?:vote|support)|vote for me)\b", re.IGNORECASE)
_PROCEDURE_WORDS = frozenset("recess adjourned closed vote item question next testimony support".split())
_FLAG_LISTS: tuple[tuple[frozenset[str], int], ...] = (
    (REPORTING_VERBS, _F_REPORT),
    (FIRST_SECOND_PERSON | _OWN_FUTURE | _OWN_GOING | _FIRST_PERSON_I, _F_PERSON),
    (CAPTION_WORDS, _F_CAPTION),
    (_VERB_LIKE, _F_VERB),
    (GENERIC_ADVERBS, _F_GENERIC),
    (_COLOURING_WORDS, _F_COLOUR),
    (_QUOTE_MARKS, _F_QUOTE),
    (_PROCEDURE_WORDS, _F_PROCEDURE),
)


# Endings of verb forms and contractions, with straight and curly apostrophes.
_VERB_ENDINGS = ("ed", *sorted(with_curly_apostrophes("'s n't 're 've 'm")))


_VERB_OBJECT_STARTS = frozenset("on in at to for from with by the a an its their his her no".split())


def _has_present_verb(raw: Sequence[str], words: Sequence[str]) -> bool:
    """ "The hearing ... continues on Thursday": a lower-case -s form between a noun and what
    follows it, which no word list knows as a verb."""
    for index in range(1, len(words) - 1):
        word = words[index]
        if (
            len(word) > 3 and word[-1] == "s" and word[-2] not in "su" and raw[index][:1].islower()
            and words[index + 1] in _VERB_OBJECT_STARTS
            and raw[index - 1][:1].isalpha() and words[index - 1] not in _COMMAND_OBJECTS
        ):
            return True
    return False


def _is_verb_like(word: str) -> bool:
    if word in _VERB_LIKE:
        return True
    return word.endswith(_VERB_ENDINGS) and word not in ED_ADJECTIVES


def _is_host_turn(raw: Sequence[str]) -> bool:
    """ "MODERATOR:", "MODERATOR KOWALCHUK:": the host's turn (a name may follow the role)."""
    return bool(raw) and raw[0] in _HOST_LABELS and _speaker_label_end(raw) > 0


def _speaker_label_end(raw: Sequence[str]) -> int:
    """Where the text after a speaker label ("ROWE:", "PREMIER BOYD:") starts; 0 without one."""
    for index, token in enumerate(raw[:5]):
        if token == ":":
            return index + 1 if index else 0
        if not (token.isupper() and token.isalpha()):
            return 0
    return 0


def _is_bare_answer(raw: Sequence[str], word_count: int) -> bool:
    """A speaker's turn of at most three words without a verb ("ROWE: Twenty-one percent."), or
    a figure said on its own ("Nine point six billion dollars."): it answers a question, and
    what it measures is in another sentence. Not a list item ("• Others 1,241") or a headline."""
    start = _speaker_label_end(raw)
    if start > 0:
        return sum(1 for token in raw[start:] if token[:1].isalnum()) <= 3
    return (
        word_count <= 5 and raw[-1] in _SPOKEN_ENDS and raw[0][:1].isalnum()
        and sum(1 for token in raw if token[:1].isdigit()) < 2  # not a tally: "For, 42; against, 30."
    )


_SPOKEN_ENDS = frozenset(".!?")


_DATA_ROW_LABEL_TOKENS = 6


def _is_data_row(raw: Sequence[str]) -> bool:
    """ "• For the motion: 47", "Attendance: 12,044": a label, a colon, a figure (the colon is the verb).

    Not a speaker label ("ROWE: Twenty-one percent.": all capitals) and not a clock time.
    """
    start = 1 if raw and raw[0] in LIST_BULLETS else 0
    if ":" not in raw[start : start + _DATA_ROW_LABEL_TOKENS]:
        return False
    for index in range(start, min(len(raw) - 1, start + _DATA_ROW_LABEL_TOKENS)):
        if raw[index] == ":":
            label = raw[start:index]
            return (
                any(token[:1].isalpha() for token in label)
                and not all(token.isupper() for token in label if token[:1].isalpha())
                and (raw[index + 1][:1].isdigit() or raw[index + 1][:1] in CURRENCY_SYMBOLS)
            )
    return False


# "Under the ordinance, ...", "Under its terms, ...": the sentence states what a rule provides.
_RULE_NOUNS = frozenset(
    """ordinance pact law laws deal agreement plan scheme rules rule policy proposal proposals bill
    contract treaty terms settlement regulations act accord changes""".split()
)


def _opens_under_a_rule(words: Sequence[str]) -> bool:
    return len(words) > 3 and words[0] == "under" and not _RULE_NOUNS.isdisjoint(words[1:5])


def _is_label(raw: Sequence[str], index: int) -> bool:
    # Transcript speaker labels ("MODERATOR:") do not open the statement.
    return raw[index].isupper() and len(raw[index]) > 1 and index + 1 < len(raw) and (raw[index + 1] == ":" or raw[index + 1].isupper())


def _is_personal(words: Sequence[str]) -> bool:
    for index, word in enumerate(words[:-1]):
        # "my mum", "my late father"
        if word == "my" and (words[index + 1] in PERSONAL_NOUNS or (index + 2 < len(words) and words[index + 2] in PERSONAL_NOUNS)):
            return True
        if word in _FIRST_PERSON_I and _is_biography(words, index + 1):
            return True
    return False


_BIOGRAPHY_VERBS = frozenset("lived taught worked grew born raised came moved".split())
_BIOGRAPHY_FILLERS = frozenset("have had was first also just once".split())
_AGE_OR_COUNT_VERBS = frozenset("am got".split())


def _is_biography(words: Sequence[str], at: int) -> bool:
    """After "I": "have taught English for 27 years", "am 79", "'m thirty-four", "'ve got three
    kids", "first came to Venice as a student", "was raised by a single mom": the writer's or
    speaker's own life story, which nobody checks (CLAIMS.md); their public record ("I voted
    against it in 2003") is not this."""
    if words[at - 1].endswith(("'m", "\u2019m")):
        return at < len(words) and _is_number_word(words[at])  # "I'm thirty-four"
    while at < len(words) and words[at] in _BIOGRAPHY_FILLERS:
        at += 1
    if at >= len(words):
        return False
    word = words[at]
    if word in _BIOGRAPHY_VERBS:
        return True
    if word in _AGE_OR_COUNT_VERBS and at + 1 < len(words) and _is_number_word(words[at + 1]):
        return word == "am" or (at + 2 < len(words) and words[at + 2] in PERSONAL_NOUNS)
    # Not "I have served in the Senate for 12 years": how long someone has held an office is a
    # claim (CLAIMS.md: "for 26 years"), and a caller's "for fifteen years" cannot be told apart.
    return False


def _is_number_word(word: str) -> bool:
    return word[:1].isdigit() or word in CARDINALS or word.split("-", 1)[0] in CARDINALS


_DEFINITE_SETS = frozenset("them those these that the its their his her".split())


def _is_share_of_named_set(words: Sequence[str], index: int) -> bool:
    """ "most of them", "most of that profit": not "most of us", not "most analysts"."""
    return index + 2 < len(words) and words[index + 1] == "of" and words[index + 2] in _DEFINITE_SETS


_CAPS_HEADER_WORDS = 6


def _is_caps_header(raw: Sequence[str], words: Sequence[str]) -> bool:
    """ "HOUSE OF COMMONS, PRIME MINISTER'S QUESTIONS, WEDNESDAY 12 MARCH (EXCERPT)": a line in
    capitals without a verb heads a transcript; it states nothing ("INFLATION FALLS TO 2.1%" has
    a verb and is a headline)."""
    if not (raw[0].isupper() or raw[-1].isupper()) or (len(raw) > 1 and raw[1] == ":"):
        return False  # most sentences: a capital and lower-case letters in the first word
    letters = [token for token in raw if token[:1].isalpha()]
    if not all(token.isupper() for token in letters):
        return False
    return not any(word in _VERB_LIKE or (word.endswith("ed") and word not in ED_ADJECTIVES) for word in words)


def _is_live_header(raw: Sequence[str]) -> bool:
    # "Live: Parliament votes on AI bill": the title of a live page, not a report of the vote.
    return len(raw) > 2 and raw[1] == ":" and raw[0].lower() == "live"


def _is_dateline(raw: Sequence[str], word_count: int) -> bool:
    # "BERLIN, 17 September", "LAGOS —": where and when a story was filed, not a claim.
    return word_count <= 6 and len(raw) > 1 and len(raw[0]) > 1 and raw[0].isupper() and raw[1] in (",", "\u2014", "\u2013")


def _is_timestamp(raw: Sequence[str], word_count: int) -> bool:
    # "Published 9:42 a.m., Sunday 6 April", "Updated: 14:05": when a page was, not a claim.
    return word_count <= 8 and bool(raw) and raw[0] in _TIMESTAMP_WORDS


_TIMESTAMP_WORDS = frozenset("Published Updated Posted Modified".split())


def _is_caption(sentence: str, word_count: int, caption_words: int) -> bool:
    # "Putin (data photo)", "Photo: Reuters": a label, not a statement.
    if word_count > 12 or caption_words == 0:
        return False
    return "(" in sentence or ":" in sentence or word_count <= 6


@dataclass(slots=True)
class ClaimContext:
    """What the extractor knows about one key phrase."""

    base: float
    role: str
    has_value: bool
    span_entity: bool
    vague_source: bool = False
    measure_noun: bool = False


def score_claim(
    claim: ClaimContext,
    features: SentenceFeatures,
    tokens: Tokens,
    first: int,
    last: int,
    sentence_first: int,
    sentence_last: int,
) -> float:
    return total(explain_score(claim, features, tokens, first, last, sentence_first, sentence_last))


def total(parts: dict[str, float]) -> float:
    score = sum(parts.values())
    if score <= 0.0:
        return 0.0
    if score >= 1.0:
        return 1.0
    return int(score * 1000 + 0.5) / 1000


def explain_score(
    claim: ClaimContext,
    features: SentenceFeatures,
    tokens: Tokens,
    first: int,
    last: int,
    sentence_first: int,
    sentence_last: int,
) -> dict[str, float]:
    """The signed contributions that add up to a claim's score."""
    return explain_parts(
        claim.base,
        claim.role,
        claim.has_value,
        claim.span_entity,
        claim.vague_source,
        claim.measure_noun,
        features,
        tokens,
        first,
        last,
        sentence_first,
        sentence_last,
    )


def explain_parts(
    base: float,
    role: str,
    has_value: bool,
    span_entity: bool,
    vague_source: bool,
    measure_noun: bool,
    features: SentenceFeatures,
    tokens: Tokens,
    first: int,
    last: int,
    sentence_first: int,
    sentence_last: int,
) -> dict[str, float]:
    """``explain_score`` with the fields of a ``ClaimContext`` as arguments (no object per claim)."""
    parts: dict[str, float] = {"base": base}
    if vague_source:
        pass  # "a senior Swedish official said": the name only describes who is not named
    elif span_entity:
        parts["named entity"] = ENTITY_BONUS
    elif features.entity_count:
        parts["named entity nearby"] = NEARBY_ENTITY_BONUS
    if features.has_figure and not has_value:
        parts["figure in sentence"] = FIGURE_BONUS
    if measure_noun:
        parts["measured quantity"] = MEASURE_BONUS
    if features.attributed and role != "report":
        parts["attributed"] = ATTRIBUTION_BONUS
    if vague_source:
        parts["unnamed source"] = -VAGUE_SOURCE_PENALTY
    elif role == "report" and features.has_quotation:
        parts["direct quotation"] = QUOTATION_BONUS
    if features.penalised:
        _add_sentence_penalties(parts, role, has_value, features)
    if role in ("report", "according"):
        # That someone said something is a fact even when what they said is opinion.
        return parts
    if not features.colored:
        return parts  # no hedge, plan or opinion word anywhere in the sentence
    low = max(sentence_first, first - CONTEXT_TOKENS)
    high = min(sentence_last, last + CONTEXT_TOKENS)
    window = tokens.lower[low : high + 1]
    window_set = set(window)
    if not HEDGES.isdisjoint(window_set) and _has_hedge(window, tokens.raw, low, sentence_first):
        parts["hedge / speculation"] = -(
            ATTRIBUTED_HEDGE_PENALTY if features.attributed else HEDGE_PENALTY
        )
    elif not FUTURE_MARKERS.isdisjoint(window_set) and not (features.names_a_day or features.under_rule):
        # "will be published on 21 August" is a schedule, a fact; "will rise" is a forecast.
        parts["future / plan"] = -FUTURE_PENALTY
    opinion = 0.0
    if not OPINION_WORDS.isdisjoint(window_set):
        raw = tokens.raw
        opinion = sum(
            STRONG_OPINION_PENALTY if word in STRONG_OPINION_WORDS else OPINION_PENALTY
            for position, word in enumerate(window, low)
            if word in OPINION_WORDS
            and (word not in OBLIGATION_WORDS or features.person_outside_quotes)
            and not _inside_name(raw, position, sentence_first)
        )
    if opinion:
        parts["opinion"] = -min(MAX_OPINION_PENALTY, opinion)
    return parts


def _add_sentence_penalties(parts: dict[str, float], role: str, has_value: bool, features: SentenceFeatures) -> None:
    """The parts that come from the sentence as a whole, in the order they are added."""
    if features.host_turn:
        parts["moderator's turn"] = -HOST_PENALTY
    if features.is_question:
        parts["question"] = -QUESTION_PENALTY
    if features.has_exclamation:
        parts["exclamation"] = -EXCLAMATION_PENALTY
    if features.is_caption:
        parts["bare caption"] = -CAPTION_PENALTY
    if features.person_outside_quotes and not has_value and role not in ("event", "comparison"):
        # "I cut taxes for 3 million families", "you voted to repeal" are records to check.
        parts["first/second person"] = -PERSON_PENALTY
    if not features.has_verb and features.word_count <= FRAGMENT_WORDS:
        parts["fragment without a verb"] = -NO_VERB_PENALTY
    if features.bare_answer:
        parts["bare answer"] = -BARE_ANSWER_PENALTY
    if features.procedure:
        parts["meeting procedure"] = -PROCEDURE_PENALTY
    if features.appeal:
        parts["appeal for votes"] = -PROCEDURE_PENALTY
    if features.vague_subject and not has_value:
        parts["vague subject"] = -VAGUE_SUBJECT_PENALTY
    if features.imperative:
        parts["imperative"] = -IMPERATIVE_PENALTY
    if features.generic and not has_value:
        parts["generality"] = -GENERIC_PENALTY
    if features.personal:
        parts["personal anecdote"] = -PERSONAL_PENALTY
    if features.own_promise and role not in ("report", "according"):
        parts["speaker's own promise"] = -PROMISE_PENALTY
    if features.introduces and role not in ("report", "according"):
        # 'He told reporters:' reports a statement; 'The figures, in brief:' only announces a list.
        parts["introduces what follows"] = -INTRODUCTION_PENALTY
    if features.word_count < 3 and not has_value:
        parts["short"] = -SHORT_SENTENCE_PENALTY


def _is_open_question(stripped: str) -> bool:
    """A question that asks, not one that states its fact (a tag or a loaded question)."""
    if not stripped.endswith(("?", "\uff1f")):
        return False
    return not _TAG_QUESTION.search(stripped) and not _LOADED_QUESTION.search(stripped)


# What follows a verb at the start of a command: "Spend the money", "Build it".
_COMMAND_OBJECTS = frozenset("the a an your it them us this that these those".split())


def _opens_with_command(raw: Sequence[str], words: Sequence[str]) -> bool:
    """ "Spend the $4.5 million on fixing the escalators": a base verb, then its object."""
    return (
        len(words) > 2 and raw[0][:1].isupper() and words[0] in EVENT_VERB_BASES
        and words[0] not in EVENT_VERBS and words[1] in _COMMAND_OBJECTS
    )


def _is_own_promise(words: Sequence[str]) -> bool:
    """The speaker's own future: "I'll", "we will", "I would", "I want to", "we're going to"
    (CLAIMS.md: a promise is not a claim)."""
    for index, word in enumerate(words):
        if word in _OWN_FUTURE:
            return True
        following = words[index + 1 : index + 3]
        if word in ("i", "we") and following:
            if following[0] in _FUTURE_MODALS or (following[0] in _INTENTIONS and following[1:] == ("to",)):
                return True
        elif word in _OWN_GOING and following == ("going", "to"):
            return True
    return False


def _inside_name(raw: Sequence[str], position: int, sentence_first: int) -> bool:
    # A capitalised word after another word: "the Right to Life pledge", "the Fair Work Commission".
    return position > sentence_first and raw[position][:1].isupper() and raw[position - 1][:1].isalnum()


def wording_part(log_odds: float) -> float:
    """The score part the sentence wording model contributes, from its log-odds."""
    part = WORDING_WEIGHT * log_odds
    if part > WORDING_CAP:
        part = WORDING_CAP
    elif part < -WORDING_CAP:
        part = -WORDING_CAP
    return int(part * 1000 + (0.5 if part >= 0 else -0.5)) / 1000


_RELATIVE_PRONOUNS = frozenset("that which who".split())


def _is_noun_before(word: str) -> bool:
    # "interest that could" (a relative clause), not "said that could" or "and that could".
    return word.isalpha() and word not in REPORTING_VERBS and word not in BELIEF_VERBS and word not in _CLAUSE_WORDS


_CLAUSE_WORDS = frozenset("and or but so because if when while than is are was were be been say said".split())


_BECOME_WORDS = frozenset("be become make makes".split())
_RECORD_RANKS = frozenset("first second third fourth fifth largest biggest oldest youngest".split())


def _is_prospective_record(window: Sequence[str], at: int) -> bool:
    """After "would": "be the first ...", "make it the third-largest brewer", "be larger"."""
    if at >= len(window) or window[at] not in _BECOME_WORDS:
        return False
    for word in window[at + 1 : at + 5]:
        if word in _RECORD_RANKS or word.endswith(("-largest", "-biggest")):
            return True
    return False


def _has_hedge(window: Sequence[str], raw: Sequence[str] = (), offset: int = 0, sentence_first: int = 0) -> bool:
    for position, word in enumerate(window):
        if word in HEDGES:
            if word == "likely" and position and window[position - 1] in _COMPARATIVE_MARKERS:
                continue  # "twice as likely": a comparison, not a hedge
            if word == "may" and raw and offset + position > sentence_first and raw[offset + position] == "May":
                continue  # "approved the deal in May": the month, not the modal
            if word == "can" and position + 1 < len(window) and window[position + 1] in ("now", "no"):
                continue  # "pharmacies can now treat", "can no longer": what is allowed, not a guess
            if position >= 2 and window[position - 1] in _RELATIVE_PRONOUNS and _is_noun_before(window[position - 2]):
                continue  # "to declare any interest that could give rise to ...": a relative clause
            if word == "would" and _is_prospective_record(window, position + 1):
                continue  # "It would be the first strike since 2012": the record a planned event sets

            return True
    return False
