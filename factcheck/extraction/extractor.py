"""Turn article text into anchored, typed, scored claim candidates.

Per sentence: find triggers (figures, ordinals, superlatives, trend words, event
verbs, reporting verbs, status words), grow each trigger into the smallest phrase that
carries its fact (walking left to the subject and right to the object, stopping at
clause boundaries), score it, and merge phrases that overlap into one claim.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter

from . import scoring, sentence_model
from .datatypes import ClaimCandidate, ClaimKind, Value, new_candidate
from .lexicon import (
    ADVICE_VERBS,
    APPROVAL_WORDS,
    BELIEF_VERBS,
    CLAUSE_BREAKERS,
    COMPARISON_WORDS,
    COPULAS,
    ED_ADJECTIVES,
    ENUMERATION_ORDINALS,
    EST_EXCEPTIONS,
    EVENT_VERBS,
    EVENT_VERB_BASES,
    FIGURE_LEADERS,
    FIRST_SECOND_PERSON,
    IDENTIFIER_NOUNS,
    IMPERATIVE_OPENERS,
    INDEFINITES,
    IRREGULAR_PAST_FORMS,
    LIST_BULLETS,
    MEASURE_NOUNS,
    NON_PERSON_SUBJECTS,
    PREPOSITIONS,
    RECORD_FOLLOWERS,
    REPORTING_VERBS,
    ROLE_WORDS,
    RULE_VERBS,
    SOURCE_ROLES,
    STATUS_WORDS,
    STOPWORDS,
    SUPERLATIVE_WORDS,
    VAGUE_SOURCES,
    WEAK_SUPERLATIVES,
    with_curly_apostrophes,
)
from .segmentation import split_sentences
from .tokens import Tokens, tokenize, word_bits
from .values import find_values

# On Python 3.11 every ``ClaimKind.X`` goes through the enum metaclass's __getattr__ hook
# (about 0.1 µs); the trigger code, which runs for every candidate word, uses these names.
_KIND_COMPARISON = ClaimKind.COMPARISON
_KIND_DATE = ClaimKind.DATE
_KIND_DURATION = ClaimKind.DURATION
_KIND_EVENT = ClaimKind.EVENT
_KIND_MONEY = ClaimKind.MONEY
_KIND_ORDINAL = ClaimKind.ORDINAL
_KIND_OTHER = ClaimKind.OTHER
_KIND_PERCENTAGE = ClaimKind.PERCENTAGE
_KIND_QUANTITY = ClaimKind.QUANTITY
_KIND_QUOTATION = ClaimKind.QUOTATION
_KIND_STATUS = ClaimKind.STATUS
_KIND_SUPERLATIVE = ClaimKind.SUPERLATIVE

DEFAULT_MIN_SCORE = 0.4
CONTEXT_CHARS = 32

# Key phrases stay well under the length a reader takes in at a glance.
MAX_KEY_CHARS = 110
MIN_KEY_CHARS = 60
MAX_KEY_SHARE = 0.75
MAX_MERGED_CHARS = 120
MAX_MERGED_SHARE = 0.8

_HARD_STOPS = frozenset(
    ",;:()[]{}\"\u201c\u201d\u00ab\u00bb\u2014\u2013-|/\u3001\uff0c\uff1b\uff1a\u300c\u300d\u300e\u300f.!?\u3002"
)
_SOFT_PUNCT = frozenset("'\u2019\u2018")
_TREND_WORDS = COMPARISON_WORDS - frozenset(
    "higher lower more fewer less greater larger smaller bigger cheaper dearer up down rise fall drop increase decrease decline growth".split()
)
# "has never had": checked by _never_trigger, with the event verbs.
_NEGATIVE_RECORD_WORDS = frozenset(["never"])
# "The administration did not deal with it": a denied past action (checked by _did_not_trigger).
_PAST_DO_FORMS = with_curly_apostrophes("did didn't")
# "Halvard plans to file for approval": a named body's stated plan (checked by _plan_trigger).
_PLAN_VERBS = frozenset("plans planned intends intended aims aimed".split())
# Verbs of saying whose denial reports what a source left out ("does not say where ...").
_OMISSION_VERBS = frozenset("say specify mention disclose explain reveal".split())
_TRIGGER_WORDS = (
    SUPERLATIVE_WORDS
    | _TREND_WORDS
    | EVENT_VERBS
    | EVENT_VERB_BASES
    | REPORTING_VERBS
    | _OMISSION_VERBS
    | STATUS_WORDS
    | IRREGULAR_PAST_FORMS
    | COPULAS
    | _NEGATIVE_RECORD_WORDS
    | _PLAN_VERBS
    | _PAST_DO_FORMS
)
_G_SUPERLATIVE, _G_COMPARISON, _G_EVENT, _G_REPORT, _G_STATUS = 1, 2, 4, 8, 16
# Words in no list still reach the checks by suffix ("-est", "-ed").
_SUFFIX_ONLY = _G_SUPERLATIVE


def _word_groups() -> dict[str, int]:
    groups: dict[str, int] = {}
    for words, flag in (
        (SUPERLATIVE_WORDS, _G_SUPERLATIVE),
        (_TREND_WORDS, _G_COMPARISON),
        (EVENT_VERBS | EVENT_VERB_BASES | _NEGATIVE_RECORD_WORDS | _PLAN_VERBS | _PAST_DO_FORMS, _G_EVENT),
        (REPORTING_VERBS | _OMISSION_VERBS, _G_REPORT),
        (STATUS_WORDS, _G_STATUS),
    ):
        for word in words:
            groups[word] = groups.get(word, 0) | flag
    for word in IRREGULAR_PAST_FORMS | COPULAS:
        groups.setdefault(word, 0)
    return groups


_WORD_GROUPS = _word_groups()
_AUXILIARIES = frozenset("has have had was were been be is are being".split())
# "are said to", "was described as": no source; "you have said", "she had claimed" name one.
_PASSIVE_AUXILIARIES = frozenset("was were been be is are being".split())
_STATEMENT_COPULAS = frozenset("is are was were remains remained".split())
# "is to", "was that", "is not": an infinitive, a cleft or a negation says too little alone.
_COPULA_FOLLOWERS_TO_SKIP = frozenset("to that it this there so".split())
_DANGLING = PREPOSITIONS | frozenset("the a an its their his her our your my this that of and or to".split())
_NOTHING_COVERED: frozenset[int] = frozenset()
_LEADING_DANGLING = frozenset("of and or but to".split())
_RANGE_WORDS = frozenset("to and or".split())
_AUXILIARY_ENDINGS = frozenset("has have had been be being is are was were not will would".split())
_ORDINAL_IDIOMS = frozenset(
    (ordinal, noun)
    for ordinal, nouns in (
        ("third", "party parties world way wheel"),
        ("first", "lady aid glance sight hand up"),
        ("second", "hand thoughts nature opinion"),
    )
    for noun in nouns.split()
)
# Nouns after which any ordinal names a school year, a seat or a part of a match, not a rank.
_ORDINAL_LABEL_NOUNS = frozenset("grade graders form floor row period half innings".split())
_PERSONAL_POSSESSIVES = frozenset("my your our".split())
_RECORD_LEADERS = frozenset("a new all-time".split())
_DETERMINERS = frozenset("the its their his her our a an this that".split())
_INFINITIVE_MARKERS = frozenset("to".split())
_REFERRING_WORDS = _DETERMINERS | frozenset("these those both".split())
# What follows a reporting verb, and never a plural noun: "states that", "claims,".
_SAYING_FOLLOWERS = frozenset(["that", ",", ":", '"', "\u201c"])
# Words before "states", "claims" that make them nouns: "member states", "insurance claims".
_NOUN_MODIFIERS = frozenset("member united these those many some several both all other such insurance".split())
# Roles that speak for a named body even after "a": "a spokesperson for the ministry said".
_NAMED_ROLES = frozenset("spokesperson spokesman spokeswoman statement report".split())
# What a company, court or report referred to as "it" can be said to have said.
_BODY_REPORTING_VERBS = frozenset(
    """said says told stated states announced reported reports added adds argued argues warned warns
    noted notes claimed claims confirmed confirms denied denies estimated estimates insisted insists
    concluded disclosed revealed urged urges wrote""".split()
)
_RANKING_FOLLOWERS = frozenset("in on for among".split())
_PERSONAL_SUBJECTS = frozenset("i he she we they".split())
# Comparatives that make a following -s form a noun: "cheaper imports", "more cuts".
_PLAIN_COMPARATIVES = frozenset("more fewer less cheaper higher lower bigger smaller larger greater further".split())
_MEMBER_NOUNS = frozenset("states countries nations organisations organizations parties".split())
_OPENING_QUOTES = frozenset("\u201c\u00ab\u300c\u300e")
_CLOSING_QUOTES = frozenset("\u201d\u00bb\u300d\u300f")
_QUOTE_TOGGLES = _OPENING_QUOTES | _CLOSING_QUOTES | {'"'}
_QUOTE_CHARS = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb")
_PLURAL_PRONOUNS = frozenset("we they i you".split())
# Words before a base-form verb that make it an infinitive, an order or a noun.
_NOT_SUBJECTS = frozenset(
    """
    to will would shall should can could may might must not n't do does did let please the a an
    this that its his her their our your my no any every each more less
    """.split()
) | STOPWORDS
@dataclass(slots=True)
class _Trigger:
    first: int
    last: int
    kind: ClaimKind
    base: float
    role: str
    values: Sequence[Value] = ()  # a figure's trigger holds the figure
    # A past tense no word list knows, found beside the sentence's other triggers: the figure
    # in the sentence belongs to those, and lends it no weight.
    beside: bool = False


@dataclass(slots=True)
class _Draft:
    first: int
    last: int
    kind: ClaimKind
    score: float
    values: list[Value]
    reasons: dict[str, float]


def extract_claims(text: str, *, min_score: float = DEFAULT_MIN_SCORE) -> list[ClaimCandidate]:
    with _collector_paused():
        candidates = [
            _candidate(text, tokens, draft, sentence_start, sentence_end)
            for tokens, draft, sentence_start, sentence_end in _drafts(text, min_score)
        ]
    candidates.sort(key=_by_span)
    return candidates


def explain_claims(
    text: str, *, min_score: float = DEFAULT_MIN_SCORE
) -> list[tuple[ClaimCandidate, dict[str, float]]]:
    """Like ``extract_claims``, with the signed score contributions of each claim."""
    with _collector_paused():
        pairs = [
            (_candidate(text, tokens, draft, sentence_start, sentence_end), draft.reasons)
            for tokens, draft, sentence_start, sentence_end in _drafts(text, min_score)
        ]
    pairs.sort(key=lambda pair: _by_span(pair[0]))
    return pairs


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while one text is extracted.

    Extraction makes tens of thousands of small containers (triggers, drafts, figures,
    reasons) that stay alive until the text is done and form no reference cycles: the
    collections they set off free nothing and cost a few per cent of the time. Only a
    caller that found the collector running turns it off, and it always turns it back on,
    so a nested call, or one in another thread, can never leave it off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


# Sort keys: (start, end). attrgetter builds the pair in C, without a Python call per item.
_by_span = attrgetter("start", "end")
_draft_order = attrgetter("first", "last")


def _drafts(text: str, min_score: float) -> Iterator[tuple[Tokens, _Draft, int, int]]:
    if not text or not isinstance(text, str):
        return
    tokens = tokenize(text)
    values = find_values(text, tokens=tokens)
    value_starts = tuple([value.start for value in values])
    sentences = split_sentences(text)
    starts = tokens.starts
    token_count = len(starts)
    # Token range of every sentence, found once: [first, last] inclusive. A token is at
    # least one character long, so a sentence's tokens end within as many places after its
    # first one as it has characters: the second search looks only there.
    firsts = [bisect_left(starts, start) for start, _ in sentences]
    lasts = [
        bisect_left(starts, end, first, min(token_count, first + end - start)) - 1
        for (start, end), first in zip(sentences, firsts)
    ]
    names = _document_names(tokens, firsts)
    may_trigger = _screen_trigger_words(tokens)
    flags = scoring.word_flags(tokens.lower, tokens.vocabulary)
    codes = _walk_codes(tokens)
    wording = sentence_model.token_weights(tokens.lower, tokens.vocabulary)
    value_count = len(values)
    low = 0
    for (sentence_start, sentence_end), first, last in zip(sentences, firsts, lasts):
        if last < first:
            continue
        # The figures are in text order like the sentences: a pointer walks along them.
        while low < value_count and value_starts[low] < sentence_start:
            low += 1
        high = low
        while high < value_count and value_starts[high] < sentence_end:
            high += 1
        sentence_values = [v for v in values[low:high] if v.end <= sentence_end] if low < high else []
        screened = compress(range(first, last + 1), may_trigger[first : last + 1])
        for draft in _sentence_drafts(
            text, tokens, sentence_start, sentence_end, first, last, sentence_values, names, screened, flags, codes, wording
        ):
            if draft.score >= min_score:
                yield tokens, draft, sentence_start, sentence_end


def _document_names(tokens: Tokens, sentence_firsts: list[int]) -> frozenset[str]:
    """Words the article capitalises inside sentences: names, even when one opens a sentence.

    "Critics said" opens a sentence with a common noun; "Sabalenka said" with a name.
    Only the rest of the article can tell them apart.
    """
    capitalised = Counter(compress(tokens.lower, tokens.is_entity))  # capitalised, not a common word
    if not capitalised:
        return frozenset()
    lower = tokens.lower
    openers = Counter([lower[index] for index in sentence_firsts if index < len(lower)])
    return frozenset(word for word, count in capitalised.items() if count > openers.get(word, 0))


def _candidate(
    text: str, tokens: Tokens, draft: _Draft, sentence_start: int, sentence_end: int
) -> ClaimCandidate:
    start = tokens.starts[draft.first]
    end = tokens.ends[draft.last]
    values = draft.values
    return new_candidate(
        start,
        end,
        text[start:end],
        sentence_start,
        sentence_end,
        draft.kind,
        draft.score,
        tuple(sorted(values, key=_by_span) if len(values) > 1 else values),
        text[start - CONTEXT_CHARS if start > CONTEXT_CHARS else 0 : start],
        text[end : end + CONTEXT_CHARS],
    )


def _sentence_drafts(
    text: str,
    tokens: Tokens,
    sentence_start: int,
    sentence_end: int,
    first: int,
    last: int,
    values: list[Value],
    names: frozenset[str],
    screened: Iterable[int],
    flags: Sequence[int],
    codes: Sequence[int],
    wording_weights: tuple[Sequence[float], Sequence[float]],
) -> list[_Draft]:
    if values:
        triggers = _value_triggers(tokens, first, last, values)
        covered = {i for t in triggers for i in range(t.first, t.last + 1)} if triggers else _NOTHING_COVERED
    else:
        triggers, covered = [], _NOTHING_COVERED
    triggers += _word_triggers(tokens, first, last, covered, screened)
    if not triggers:
        bullet = _bullet_trigger(tokens, first, last) or _named_present_trigger(tokens, first, last, names)
        if bullet is None:
            return []
        triggers = [bullet]
    features = scoring.sentence_features(text, tokens, first, last, bool(values), flags)
    if values and features.colored:
        features.names_a_day = any(_names_a_day(value) for value in values)
    sentence_length = sentence_end - sentence_start
    limit = _max_key_chars(sentence_length)
    roles = [t.role for t in triggers]
    if "report" in roles:
        quoted = _quoted_tokens(tokens, first, last)
        triggers = [_unquote_report(t) if t.role == "report" and t.first in quoted else t for t in triggers]
    value_starts = frozenset([t.first for t in triggers if t.values]) if values else frozenset()
    drafts = []
    unnamed_source = False
    lower = tokens.lower
    explain_parts = scoring.explain_parts
    for trigger in triggers:
        span_first, span_last = _grow(tokens, codes, trigger, first, last, limit, value_starts)
        role = trigger.role
        vague_source = role == "report" and _vague_source(tokens, trigger, span_first, first, last, names)
        reasons = explain_parts(
            trigger.base,
            role,
            bool(trigger.values),
            _has_entity(tokens, span_first, span_last, first, names),
            vague_source,
            trigger.kind == _KIND_COMPARISON and not MEASURE_NOUNS.isdisjoint(lower[span_first : span_last + 1]),
            features,
            tokens,
            span_first,
            span_last,
            first,
            last,
        )
        if vague_source:
            unnamed_source = True
        if trigger.beside:
            reasons.pop("figure in sentence", None)
        drafts.append(_Draft(span_first, span_last, trigger.kind, 0.0, list(trigger.values), reasons))
    total = scoring.total
    word_weights, pair_weights = wording_weights
    wording = scoring.wording_part(
        sentence_model.sentence_logit(word_weights, pair_weights, first, last, features.word_count)
    )
    for draft in drafts:
        reasons = draft.reasons
        if wording:
            reasons["sentence wording"] = wording
        if unnamed_source and "unnamed source" not in reasons and "base" in reasons:
            # "Critics argue they have barely dented ...": what an unnamed source claims.
            reasons["claimed by an unnamed source"] = -scoring.UNNAMED_CLAIM_PENALTY
        draft.score = total(reasons)
    if len(drafts) < 2:
        return drafts
    return _merge(tokens, drafts, _max_merged_chars(sentence_length))


_DAY_DATE = re.compile(r"(?:[0-9]{4}|-)-[0-9]{2}-[0-9]{2}")


def _names_a_day(value: Value) -> bool:
    """ "21 August" (--08-21), "Jan. 1, 2027" (2027-01-01), "the 3rd" (---03)."""
    date = value.date
    if value.kind != "date" or date is None:
        return False
    return date.startswith("---") or _DAY_DATE.fullmatch(date) is not None


_BULLET_MIN_TOKENS = 5


def _bullet_trigger(tokens: Tokens, first: int, last: int) -> _Trigger | None:
    """"- A ban on AI systems that score citizens": a list item states what a text contains.

    Only for an item nothing else triggered in; it scores as a status and needs a name or
    a figure beside it to pass.
    """
    if tokens.raw[first] not in LIST_BULLETS or last - first + 1 < _BULLET_MIN_TOKENS:
        return None
    index = first + 1
    while index < last and tokens.lower[index] in _DETERMINERS:
        index += 1
    if not tokens.raw[index][:1].isalpha():
        return None
    if index == first + 1 and (tokens.lower[index] in ADVICE_VERBS or tokens.lower[index] in IMPERATIVE_OPENERS):
        return None  # "• Drop to your hands and knees": advice, not a fact
    return _Trigger(index, index, _KIND_STATUS, scoring.BASE_STATUS, "status")


def _quoted_tokens(tokens: Tokens, first: int, last: int) -> set[int]:
    """Indexes of tokens inside quotation marks (straight quotes toggle)."""
    inside = False
    quoted: set[int] = set()
    raw = tokens.raw
    # Only the quotation marks change anything: visit them alone, and take in the tokens
    # between two marks at once.
    previous_mark = first
    for index in compress(range(first, last + 1), map(_QUOTE_TOGGLES.__contains__, raw[first : last + 1])):
        if inside:
            quoted.update(range(previous_mark + 1, index))
        token = raw[index]
        if token in _OPENING_QUOTES:
            inside = True
        elif token in _CLOSING_QUOTES:
            inside = False
        else:  # a straight quote
            inside = not inside
        previous_mark = index
    if inside:
        quoted.update(range(previous_mark + 1, last + 1))
    return quoted


def _unquote_report(trigger: _Trigger) -> _Trigger:
    # "We were told it was under control" inside a quote is what was said, not who said it.
    return _Trigger(trigger.first, trigger.last, _KIND_EVENT, scoring.BASE_PAST, "event", trigger.values)


def _has_entity(tokens: Tokens, span_first: int, span_last: int, sentence_first: int, names: frozenset[str]) -> bool:
    if not any(tokens.is_entity[span_first : span_last + 1]):
        return False
    lower = tokens.lower
    for index in range(span_first, span_last + 1):
        if not tokens.is_entity[index]:
            continue
        if _is_speaker_label(tokens, index, sentence_first):
            continue
        if index > sentence_first or lower[index] in names:
            return True
    return False


def _is_speaker_label(tokens: Tokens, index: int, sentence_first: int) -> bool:
    # "MODERATOR:", "PRIME MINISTER:" in a transcript name the speaker, not a claim.
    if not tokens.raw[index].isupper():
        return False
    position = index
    while position < len(tokens.raw) - 1 and tokens.raw[position + 1].isupper() and position - sentence_first < 4:
        position += 1
    return position + 1 < len(tokens.raw) and tokens.raw[position + 1] == ":"


def _vague_source(
    tokens: Tokens, trigger: _Trigger, span_first: int, first: int, last: int, names: frozenset[str]
) -> bool:
    """"Critics say", "said one mother": a source nobody can be asked about."""
    subject = range(span_first, trigger.first)
    if trigger.first - span_first == 0 and _follows_quotation(tokens, trigger.first, first):
        # Inverted attribution after a quote: '"...," said one mother.'
        subject = range(trigger.last + 1, min(last, trigger.last + 4) + 1)
    words = [tokens.lower[index] for index in subject]
    verb = tokens.lower[trigger.first]
    previous = tokens.lower[trigger.first - 1] if trigger.first > first else ""
    if words and words[0] in INDEFINITES and not any(word in _NAMED_ROLES for word in words):
        return True  # "a senior official", "one diplomat": unnamed (but "a company spokesperson" speaks for it)
    if any(word in SOURCE_ROLES for word in words):
        return False  # "the ministry", "a company spokesperson"
    if words and words[0] in INDEFINITES:
        return True  # "a counsellor in a Dublin school", "one father": nobody to ask
    if previous in _PASSIVE_AUXILIARIES or previous.endswith(("'s", "\u2019s")):
        return True  # "are said to be", "were described as": passive, no source named
    if not words and previous in (",", "\u2014", "\u2013"):
        # "Wang Xiaoquan, a researcher at ..., believes": named before an apposition.
        return not _has_entity(tokens, first, trigger.first - 1, first, names)
    if len(words) > 2 and words[0] in VAGUE_SOURCES and words[1] == "in":
        return True  # "Analysts in Tallinn think": a place does not name anyone (but "analysts at Davy")
    if words and _has_entity(tokens, subject.start, subject.stop - 1, first, names):
        return False  # "This time Lukashenko promised"
    if words == ["it"] and verb in _BODY_REPORTING_VERBS and (trigger.first >= last or tokens.lower[trigger.first + 1] != "a"):
        return False  # "It argues that ...", "it added": a body named earlier (not "it says a lot")
    if words and words[0] in NON_PERSON_SUBJECTS:
        return True  # "This shows", "Its rise says": not a source at all
    if words and all(word in FIRST_SECOND_PERSON for word in words) and verb in BELIEF_VERBS:
        return True  # "I think", "we believe": the speaker's own view, not a source
    if (verb == "say" or verb in BELIEF_VERBS) and not (words and words[0] in _DETERMINERS):
        return True  # "economists say", "forecasters expect": generic; "the authors say" is specific
    if words and words[0] not in _DETERMINERS and _is_bare_plural(words[-1]):
        return True  # "Travel agents said", "Environmental groups warned": nobody in particular
    return not words or any(word in VAGUE_SOURCES for word in words)


def _is_bare_plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and word.isalpha()


def _follows_quotation(tokens: Tokens, index: int, first: int) -> bool:
    before = tokens.raw[max(first, index - 2) : index]
    return any(token in _QUOTE_CHARS for token in before)


def _max_key_chars(sentence_length: int) -> int:
    return _share_between(MAX_KEY_SHARE * sentence_length, MIN_KEY_CHARS, MAX_KEY_CHARS)


def _max_merged_chars(sentence_length: int) -> int:
    # Two overlapping phrases of one fact may join into a slightly longer one.
    return _share_between(MAX_MERGED_SHARE * sentence_length, MIN_KEY_CHARS, MAX_MERGED_CHARS)


def _share_between(share: float, low: int, high: int) -> int:
    """``int(min(high, max(low, share)))``, without two builtin calls per sentence."""
    if share <= low:
        return low
    if share >= high:
        return high
    return int(share)


# --- triggers ---------------------------------------------------------------------------


def _value_triggers(tokens: Tokens, first: int, last: int, values: list[Value]) -> list[_Trigger]:
    triggers = []
    starts, ends = tokens.starts, tokens.ends
    for value in values:
        # The figure's tokens, searched for within the sentence only: a search that would
        # land outside it stops at its edge, and the figure is then skipped all the same.
        value_first = bisect_left(ends, value.start + 1, first, last + 1)  # the token holding its start
        value_last = bisect_left(starts, value.end, first, last + 1) - 1
        if value_last < value_first:
            continue
        kind_and_base = _value_kind(tokens, value, value_first, first)
        if kind_and_base is None:
            continue
        kind, base = kind_and_base
        role = "superlative" if kind == _KIND_SUPERLATIVE else "value"
        if value.unit == "times":
            role = "multiplier"
        triggers.append(_Trigger(value_first, value_last, kind, base, role, [value]))
    return triggers


_CLOCK_HOURS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve 1 2 3 4 5 6 7 8 9 10 11 12".split()
)
_OCLOCK = with_curly_apostrophes("o'clock")
_CLOCK_MINUTES = _CLOCK_HOURS | frozenset("half quarter twenty twenty-five 20 25".split())


def _in_clock_phrase(lower: Sequence[str], index: int) -> bool:
    """'twenty past eight', 'half past six', 'quarter to nine', 'eleven o'clock': a time of day in words."""
    word = lower[index]
    if index + 1 < len(lower) and word in _CLOCK_HOURS and lower[index + 1] in _OCLOCK:
        return True  # "by eleven o'clock"
    if index + 2 < len(lower) and word in _CLOCK_MINUTES and lower[index + 2] in _CLOCK_HOURS:
        joint = lower[index + 1]
        if joint == "past" or (joint == "to" and word == "quarter"):
            return True
    if index >= 2 and word in _CLOCK_HOURS and lower[index - 2] in _CLOCK_MINUTES:
        return lower[index - 1] == "past" or (lower[index - 1] == "to" and lower[index - 2] == "quarter")
    return False


def _value_kind(tokens: Tokens, value: Value, index: int, sentence_first: int) -> tuple[ClaimKind, float] | None:
    word = tokens.lower[index]
    if _is_digit_group(tokens, index):
        return None
    if _in_clock_phrase(tokens.lower, index):
        return _KIND_DATE, scoring.BASE_TIME_OF_DAY  # "It's twenty past eight": the time, on air
    if value.kind == "percentage":
        return _KIND_PERCENTAGE, scoring.BASE_PERCENTAGE
    if value.kind == "money":
        return _KIND_MONEY, scoring.BASE_MONEY
    if value.kind == "duration":
        if not value.text[:1].isdigit():
            return _KIND_DURATION, scoring.BASE_WORD_DURATION  # "two minutes", "a few years"
        return _KIND_DURATION, scoring.BASE_DURATION
    if value.kind in ("date", "year"):
        if value.unit == "time of day":
            return _KIND_DATE, scoring.BASE_TIME_OF_DAY
        if value.date and value.date.startswith("---"):
            return _KIND_DATE, scoring.BASE_DAY_OF_MONTH
        return _KIND_DATE, scoring.BASE_DATE
    if value.kind == "ordinal":
        return _ordinal_kind(tokens, value, index, sentence_first)
    if value.unit in ("times", "fraction"):
        if "-" in word and word != value.text.lower():
            return None  # "half-time", "double-decker": part of a word, not a multiplier
        return _KIND_COMPARISON, scoring.BASE_MULTIPLIER
    if value.text[:1].isdigit():
        if _is_list_number(tokens, index, sentence_first):
            return None
        if index > sentence_first and tokens.lower[index - 1].rstrip(".") in IDENTIFIER_NOUNS:
            return _KIND_OTHER, scoring.BASE_IDENTIFIER  # "Fig. 3", "Route 66": a label
        return _KIND_QUANTITY, scoring.BASE_QUANTITY
    if word == "one" and index > sentence_first and tokens.lower[index - 1] == "number":
        if index + 1 < len(tokens.lower) and tokens.lower[index + 1] in _RANKING_FOLLOWERS:
            return _KIND_ORDINAL, scoring.BASE_ORDINAL  # "number one in English": a ranking
        return None
    if word in ("one", "a", "zero"):
        return None
    if "-" in word and word != value.text.lower():
        return None  # "two-pronged", "one-on-one": an adjective, not a count
    if index > sentence_first and tokens.lower[index - 1] in _REFERRING_WORDS:
        # "the two countries" refers back; "seven people were charged" counts.
        return _KIND_QUANTITY, scoring.BASE_DETERMINED_WORD_QUANTITY
    return _KIND_QUANTITY, scoring.BASE_WORD_QUANTITY


def _ordinal_kind(tokens: Tokens, value: Value, index: int, sentence_first: int) -> tuple[ClaimKind, float] | None:
    word = tokens.lower[index]
    if _is_enumeration(tokens, index, sentence_first) or _is_personal_or_idiom(tokens, index, sentence_first):
        return None
    following = tokens.lower[index + 1] if index + 1 < len(tokens.lower) else ""
    previous = tokens.lower[index - 1] if index > sentence_first else ""
    if (word, following) in _ORDINAL_IDIOMS or _names_no_rank(word, previous, following):
        return None  # "third parties", "first aid", "fourth grade", "Mr. Kessler first."
    if word != value.text.lower() and "-" in word and word.startswith(value.text.lower()):
        # "second-largest" ranks; "second-year student", "first-time buyer" do not.
        rest = word[len(value.text) + 1 :]
        if rest in SUPERLATIVE_WORDS or rest.endswith("est"):
            return _KIND_SUPERLATIVE, scoring.BASE_SUPERLATIVE
        return None
    if word in ("first", "last"):
        return _KIND_SUPERLATIVE, scoring.BASE_SUPERLATIVE
    return _KIND_ORDINAL, scoring.BASE_ORDINAL


def _is_enumeration(tokens: Tokens, index: int, sentence_first: int) -> bool:
    # "First, more iron in politics": a list marker, not a claim of rank.
    if tokens.lower[index] not in ENUMERATION_ORDINALS:
        return False
    at_start = index == sentence_first or _after_speaker_label(tokens, index, sentence_first)
    following = tokens.raw[index + 1] if index + 1 < len(tokens.raw) else ""
    # "First, ...", "HOST: First up, ...": the order of business, not a rank.
    return at_start and following in (",", ":", "up") or (index > 0 and tokens.lower[index - 1] == "at")


def _after_speaker_label(tokens: Tokens, index: int, sentence_first: int) -> bool:
    # "HOST: First ...", "DEV, DANDENONG: ..." : the token right after a transcript label.
    if index - sentence_first < 2 or tokens.raw[index - 1] != ":":
        return False
    return all(token.isupper() or token == "," for token in tokens.raw[sentence_first : index - 1])


def _is_digit_group(tokens: Tokens, index: int) -> bool:
    # "1300 365 227", "020 7946 0958": a phone number, written in groups of bare digits.
    lower = tokens.lower
    if not lower[index].isdigit():
        return False
    return (index + 1 < len(lower) and lower[index + 1].isdigit()) or (index > 0 and lower[index - 1].isdigit())


def _is_list_number(tokens: Tokens, index: int, sentence_first: int) -> bool:
    return index == sentence_first and index + 1 < len(tokens.raw) and tokens.raw[index + 1] in (".", ")")


def _screen_trigger_words(tokens: Tokens) -> tuple[bool, ...]:
    """For every token, whether it might trigger a claim, for the whole text at once.

    Most words trigger nothing; they are ruled out once per distinct word, then per
    token at C speed.
    """
    vocabulary = tokens.vocabulary
    suffixed = [word for word in vocabulary if word.endswith(("ed", "est")) or "est-" in word]
    hits = vocabulary.intersection(_TRIGGER_WORDS).union(suffixed)
    return tuple(map(hits.__contains__, tokens.lower))


# Past tenses no word list knows, kept beside the other triggers of a sentence (see below).
_MAX_EXTRA_PASTS = 2


def _word_triggers(
    tokens: Tokens, first: int, last: int, covered: set[int] | frozenset[int], screened: Iterable[int]
) -> list[_Trigger]:
    """Triggers among the sentence's ``screened`` tokens (those that might trigger, in order)."""
    lower = tokens.lower
    triggers = []
    fallbacks = []
    pasts = []
    for index in screened:
        if index in covered:
            continue
        word = lower[index]
        groups = _WORD_GROUPS.get(word, _SUFFIX_ONLY)
        trigger = (
            (groups & _G_SUPERLATIVE and _superlative_trigger(tokens, index, first, word))
            or (groups & _G_COMPARISON and _comparison_trigger(word, index))
            or (groups & _G_EVENT and _event_trigger(tokens, index, first, last, word))
            or (groups & _G_REPORT and _report_trigger(tokens, index, first, last, word))
            or (groups & _G_STATUS and _status_trigger(tokens, index, first, last, word))
        )
        if trigger:
            triggers.append(trigger)
            continue
        past = _past_trigger(tokens, index, first, word) if len(pasts) < _MAX_EXTRA_PASTS else None
        if past is not None:
            pasts.append(past)
        if not (triggers or covered) and len(fallbacks) < 2:
            fallback = past or _copula_trigger(tokens, index, first, last, word)
            if fallback is not None:
                fallbacks.append(fallback)
    if triggers or covered:
        # A past tense beside another fact is a fact of its own: "Councillor Fenwick voted against
        # the last two budgets and proposed no alternative", "Girls outperformed boys at the top
        # grades" after a figure. (Phrases that overlap merge later.)
        for past in pasts:
            past.beside = True
        return triggers + pasts
    # A bare past tense or copula only speaks for a sentence nothing else triggered in
    # (nor a figure), and two of them are enough.
    return fallbacks


_CLAUSE_ENDS = frozenset(".,;!?")
# Before a final "first", words that make it a result ("she finished first") or a rank ("the first").
_RANKED_BEFORE_FIRST = _DETERMINERS | frozenset(
    "his her their its my our your finished came placed ranked crossed was is were are be been at".split()
)


def _names_no_rank(word: str, previous: str, following: str) -> bool:
    """An ordinal before "grade", "row", "half" labels a school year, a seat or a part of a match;
    a closing "first" after a name or a pronoun ("Mr. Kessler first.", "you go first") says whose
    turn it is. Neither is a rank."""
    if following in _ORDINAL_LABEL_NOUNS:
        return True
    return (
        word == "first" and (following in _CLAUSE_ENDS or not following)
        and previous[:1].isalpha() and previous not in _RANKED_BEFORE_FIRST
    )


def _superlative_trigger(tokens: Tokens, index: int, first: int, word: str) -> _Trigger | None:
    previous = tokens.lower[index - 1] if index > first else ""
    if _is_enumeration(tokens, index, first):
        return None
    following = tokens.lower[index + 1] if index + 1 < len(tokens.lower) else ""
    if _is_personal_or_idiom(tokens, index, first):
        return None
    if word in ("first", "last") and _names_no_rank(word, previous, following):
        return None  # "a nervy first half", "let's hear from the public first"
    if word == "record" and previous not in _RECORD_LEADERS and following not in RECORD_FOLLOWERS:
        return None  # "her record" (a track record), not "a record high"
    if word in SUPERLATIVE_WORDS:
        if word in WEAK_SUPERLATIVES:
            if word == "most" and _is_record_frame(tokens, index, first):
                return _Trigger(index, index, _KIND_SUPERLATIVE, scoring.BASE_SUPERLATIVE, "superlative")
            if previous in _DETERMINERS or following in ("ever", "time", "since"):
                return _Trigger(index, index, _KIND_SUPERLATIVE, scoring.BASE_WEAK_SUPERLATIVE, "superlative")
            return None
        return _Trigger(index, index, _KIND_SUPERLATIVE, scoring.BASE_SUPERLATIVE, "superlative")
    head = word.split("-", 1)[0]
    if head != word and (head in SUPERLATIVE_WORDS - WEAK_SUPERLATIVES or (head.endswith("est") and head not in EST_EXCEPTIONS)):
        return _Trigger(index, index, _KIND_SUPERLATIVE, scoring.BASE_SUPERLATIVE, "superlative")  # "highest-paid"
    if (
        len(word) > 5
        and word.endswith("est")
        and word.isalpha()
        and word not in EST_EXCEPTIONS
        and previous in _DETERMINERS
    ):
        return _Trigger(index, index, _KIND_SUPERLATIVE, scoring.BASE_SUPERLATIVE, "superlative")
    return None


def _is_personal_or_idiom(tokens: Tokens, index: int, first: int) -> bool:
    """"my first match", "first of all": no rank anyone could check."""
    lower = tokens.lower
    previous = lower[index - 1] if index > first else ""
    if previous in _PERSONAL_POSSESSIVES:
        return True
    return lower[index] == "first" and tuple(lower[index + 1 : index + 3]) == ("of", "all")


def _is_record_frame(tokens: Tokens, index: int, first: int) -> bool:
    """"one of the most contagious", "the most precise ... ever": a rank, not a flourish."""
    lower = tokens.lower
    if tuple(lower[max(first, index - 3) : index]) == ("one", "of", "the"):
        return True
    return "ever" in lower[index + 1 : index + 6] or "history" in lower[index + 1 : index + 8]


def _comparison_trigger(word: str, index: int) -> _Trigger | None:
    if word in _TREND_WORDS:
        return _Trigger(index, index, _KIND_COMPARISON, scoring.BASE_COMPARISON, "comparison")
    return None


def _event_trigger(tokens: Tokens, index: int, first: int, last: int, word: str) -> _Trigger | None:
    if _is_name(tokens, index, first):
        return None
    previous = tokens.lower[index - 1] if index > first else ""
    if previous == "to" and _is_headline_plan(tokens, index, first, last):
        # "Schools to ban mobile phones", "U.K. to station troops": a decision, headline style.
        return _Trigger(index, index, _KIND_EVENT, scoring.BASE_EVENT, "event")
    if word == "never":
        return _never_trigger(tokens, index, last, previous)
    if word in _PLAN_VERBS:
        return _plan_trigger(tokens, index, first, last, previous)
    if word in _PAST_DO_FORMS:
        return _did_not_trigger(tokens, index, first, last)
    if word in EVENT_VERBS:
        if previous in _INFINITIVE_MARKERS:
            return None
        if word in _ANONYMITY_WORDS and _NOT_TO_BE_NAMED in (
            tokens.lower[index + 1 : index + 5], tokens.lower[max(first, index - 3) : index + 1]
        ):
            return None  # "who asked not to be named": why a source is anonymous, not an event
        if word[-1] == "s" and (
            previous in _REFERRING_WORDS or previous in _NOUN_MODIFIERS or previous in _PLAIN_COMPARATIVES
            or previous in EVENT_VERB_BASES or previous in EVENT_VERBS
        ):
            return None  # "its exports", "cheaper imports", "cut taxes": a plural noun
        if word[-1] == "s" and _has_generic_subject(tokens, index, first, last):
            return None  # "A child arrives at school hungry": what happens in general, not an event
        return _Trigger(index, index, _KIND_EVENT, scoring.BASE_EVENT, "event")
    if word in EVENT_VERB_BASES:
        negated_from = _negated_do_form(tokens, index, first)
        if negated_from is not None:
            # "did not attend", "didn't mention", "did not significantly reduce": a negated event
            # is as checkable as the event.
            return _Trigger(negated_from, index, _KIND_EVENT, scoring.BASE_EVENT, "event")
    if word in EVENT_VERB_BASES and _has_plural_subject(tokens, index, first):
        # Present tense after a plural or named subject: "Residents protest", "Democrats win".
        return _Trigger(index, index, _KIND_EVENT, scoring.BASE_EVENT, "event")
    if word in EVENT_VERB_BASES and _is_headline_verb(tokens, index, first, last, previous):
        # "Airline, pilots' union resume talks": headlines report in the present tense.
        return _Trigger(index, index, _KIND_EVENT, scoring.BASE_EVENT, "event")
    return None


_NOT_TO_BE_NAMED = ("not", "to", "be", "named")
_ANONYMITY_WORDS = frozenset("asked asking requested spoke speaking named".split())

# Not -s verbs, or verbs of wanting, feeling and seeming: "Labour wants to have it both ways".
_S_VERB_EXCEPTIONS = frozenset(
    """is has was does its this thus plus always perhaps news series wants loves likes hates needs
    deserves knows hopes seems looks feels fears prefers wishes means sounds matters""".split()
)


def _named_present_trigger(tokens: Tokens, first: int, last: int, names: frozenset[str]) -> _Trigger | None:
    """'Moreau attacks with 1.5 km to go.', 'Westmoor Link runs on weekdays only.': a present
    tense after a name, in a sentence nothing else triggered in (live commentary, timetables).

    Only the first verb-like -s word right after a name counts (not "the Lions fans": a plural).
    """
    lower, raw = tokens.lower, tokens.raw
    if raw[last] not in _SENTENCE_FINAL:
        return None  # a caption ("Pharmacist Orla Keane checks her shelves"), a headline
    for index in range(first + 1, min(last, first + 8)):
        word = lower[index]
        if not (
            len(word) > 3 and word[-1] == "s" and word[-2] not in "su'\u2019" and word.isalpha()
            and raw[index][:1].islower() and word not in _S_VERB_EXCEPTIONS and word not in STOPWORDS
        ):
            continue
        if not tokens.is_entity[index - 1] or not (index - 1 > first or lower[index - 1] in names):
            return None
        following = lower[index + 1]
        if following in _AUXILIARIES or following in _MODALS or following in COPULAS:
            return None  # "Villa fans have been ...": a plural noun, the verb follows
        if not following[:1].isalnum() and following not in _SENTENCE_FINAL:
            return None
        return _Trigger(index, index, _KIND_EVENT, scoring.BASE_PAST, "event")
    return None


def _is_headline_verb(tokens: Tokens, index: int, first: int, last: int, previous: str) -> bool:
    """A base-form event verb after a noun, in a line without final punctuation (a headline)."""
    if index == first or last - first + 1 > _HEADLINE_MAX_TOKENS or tokens.raw[last] in _SENTENCE_FINAL:
        return False
    return previous.isalpha() and previous not in _NOT_SUBJECTS and previous not in PREPOSITIONS


_NEGATIONS = frozenset(["not", "never"])
_NEGATED_DO_FORMS = with_curly_apostrophes("didn't doesn't don't")


def _negated_do_form(tokens: Tokens, index: int, first: int) -> int | None:
    """Where "did not" / "didn't" (with at most one adverb in -ly after it) before a base verb starts."""
    at = index - 1
    if at > first and tokens.lower[at].endswith("ly"):
        at -= 1  # "did not significantly reduce"
    if at < first:
        return None
    if tokens.lower[at] in _NEGATED_DO_FORMS:
        return at
    if tokens.lower[at] in _NEGATIONS and at - 1 >= first and tokens.lower[at - 1] in _DO_FORMS:
        return at - 1
    return None


_MODALS = frozenset("will would could should might may can shall must".split())
_DO_FORMS = frozenset(["did", "does", "do"])
_NEVER_FOLLOWERS = _AUXILIARIES | IRREGULAR_PAST_FORMS | EVENT_VERBS | frozenset(["once", "before"])


def _never_trigger(tokens: Tokens, index: int, last: int, previous: str) -> _Trigger | None:
    """'has never had', 'never won', 'was never charged': a negative record anyone can check.

    Not after a modal or in a promise ("will never", "would never": a prediction or a vow).
    """
    if previous in _MODALS or previous.endswith(("'ll", "\u2019ll", "'d", "\u2019d")) or index >= last:
        return None
    following = tokens.lower[index + 1]
    if following in _NEVER_FOLLOWERS or following.endswith("ed") or previous in _AUXILIARIES:
        return _Trigger(index, index, _KIND_EVENT, scoring.BASE_EVENT, "event")
    return None


_FILLERS = frozenset(["uh", "um", "er", "-", "--", "\u2013", "\u2014"])


def _did_not_trigger(tokens: Tokens, index: int, first: int, last: int) -> _Trigger | None:
    """'did not deal with it', 'didn't uh - prevent': a past action denied, any verb; 'you did
    vote for it': an emphatic past.

    Denied event verbs ('did not attend') are found at the verb itself (``_negated_do_form``).
    """
    if index == first:
        return None  # "Did they ...?": a question
    at = index + 1
    denied = tokens.lower[index] != "did"
    if not denied and at <= last and tokens.lower[at] == "not":
        denied = True
        at += 1
    while at <= last and (tokens.lower[at] in _FILLERS or tokens.lower[at] == ","):
        at += 1
    if at < last and tokens.lower[at].endswith("ly"):
        at += 1
    while at <= last and tokens.lower[at] == ",":
        at += 1
    if at > last:
        return None
    verb = tokens.lower[at]
    if not denied:
        # "you did vote for it", "we did, actually, send troops": an emphatic past, event verbs only
        # (not "that's what I did", "did a study").
        if verb not in EVENT_VERB_BASES or not tokens.raw[at][:1].islower():
            return None
        return _Trigger(index, at, _KIND_EVENT, scoring.BASE_EVENT, "event")
    if not (verb.isalpha() and tokens.raw[at][:1].islower()) or verb in EVENT_VERB_BASES or verb in STOPWORDS:
        return None
    return _Trigger(index, at, _KIND_EVENT, scoring.BASE_EVENT, "event")


_GENERIC_DETERMINERS = frozenset("a an every each".split())


def _has_generic_subject(tokens: Tokens, index: int, first: int, last: int) -> bool:
    """A present tense after "a child", "an entire continent", in a sentence (not a headline:
    "A man dies in crash" reports an event)."""
    if tokens.raw[last] not in _SENTENCE_FINAL:
        return False
    for back in (index - 2, index - 3):
        if back >= first and tokens.lower[back] in _GENERIC_DETERMINERS:
            return all(tokens.raw[at][:1].islower() for at in range(back + 1, index))
    return False


def _plan_trigger(tokens: Tokens, index: int, first: int, last: int, previous: str) -> _Trigger | None:
    """'The ministry plans to ...', 'Halvard intends to ...': a reported plan is a fact to check.

    Not a speaker's own plan ("we plan to": a promise) and not the noun ("its plans to").
    """
    if index == first or index >= last or tokens.lower[index + 1] != "to":
        return None
    if previous in FIRST_SECOND_PERSON or previous in _REFERRING_WORDS or not previous[:1].isalpha():
        return None
    if previous.endswith(("'s", "\u2019s")):
        return None
    return _Trigger(index, index + 1, _KIND_EVENT, scoring.BASE_EVENT, "event")


_SENTENCE_FINAL = frozenset(".!?\u2026\"'\u201d\u2019)\u3002\uff01\uff1f")
_HEADLINE_MAX_TOKENS = 14


def _is_headline_plan(tokens: Tokens, index: int, first: int, last: int) -> bool:
    """'<subject> to <verb>' in a line without final punctuation: a headline's announced decision."""
    if index - 2 < first or last - first + 1 > _HEADLINE_MAX_TOKENS or tokens.raw[last] in _SENTENCE_FINAL:
        return False
    subject = tokens.lower[index - 2]
    return subject[:1].isalpha() and subject not in _NOT_SUBJECTS


def _has_plural_subject(tokens: Tokens, index: int, first: int) -> bool:
    if index == first:
        return False
    previous_raw = tokens.raw[index - 1]
    previous = tokens.lower[index - 1]
    if previous in _NOT_SUBJECTS or not previous_raw[:1].isalpha():
        return False
    if previous.endswith(("'s", "\u2019s")):
        return False  # "Lukashenko's visit": a noun after a possessive
    return previous in _PLURAL_PRONOUNS or (previous.endswith("s") and not previous.endswith("ss")) or previous_raw[:1].isupper()


def _past_trigger(tokens: Tokens, index: int, first: int, word: str) -> _Trigger | None:
    """Any past tense with a subject: the sentence reports something that happened."""
    if index == first or _is_name(tokens, index, first):
        return None
    previous = tokens.lower[index - 1]
    if word in IRREGULAR_PAST_FORMS:
        pass
    elif not (word.endswith("ed") and len(word) >= 5 and (word.isalpha() or _is_prefixed_verb(word))):
        return None
    elif word in ED_ADJECTIVES and previous not in _PERSONAL_SUBJECTS:
        return None  # but "she retired from", "they married in": right after a subject, a verb
    before = tokens.lower[index - 2] if index - 2 >= first else ""
    if previous in _DETERMINERS or previous in PREPOSITIONS:
        return None  # "the detailed plan", "in limited numbers": an adjective
    if previous in ("to",) or before in ("to",):
        return None
    if not (previous in _AUXILIARIES or before in _AUXILIARIES or tokens.raw[index - 1][:1].isalnum()):
        return None
    return _Trigger(index, index, _KIND_EVENT, scoring.BASE_PAST, "event")


# Prefixes that make a verb of a verb: "co-sponsored", "re-elected", "fast-tracked". Other
# hyphenated forms in -ed are mostly adjectives: "vaccine-related", "state-owned", "gas-powered".
_VERB_PREFIXES = frozenset("co re pre de mis over under out cross double fast cold short test".split())


def _is_prefixed_verb(word: str) -> bool:
    prefix, _, verb = word.partition("-")
    return prefix in _VERB_PREFIXES and verb.isalpha()


def _copula_trigger(tokens: Tokens, index: int, first: int, last: int, word: str) -> _Trigger | None:
    """"The final is on Sunday", "Belarus was Russia's ally": a statement of status."""
    if word not in _STATEMENT_COPULAS or index == first or index >= last:
        return None
    following = tokens.lower[index + 1]
    if following in _COPULA_FOLLOWERS_TO_SKIP:
        return None
    return _Trigger(index, index, _KIND_STATUS, scoring.BASE_COPULA, "status")


def _is_name(tokens: Tokens, index: int, first: int) -> bool:
    # "the United States", "Won Park": a capitalised verb form inside a sentence is a name.
    return index > first and tokens.raw[index][:1].isupper()


def _report_trigger(tokens: Tokens, index: int, first: int, last: int, word: str) -> _Trigger | None:
    if word in _OMISSION_VERBS and index > first:
        negation = _negated_do_form(tokens, index, first)
        if negation is not None and negation > first:
            # "The declaration does not say where", "it did not disclose the price"
            return _Trigger(negation, index, _KIND_QUOTATION, scoring.BASE_OMISSION, "report")
    if word not in REPORTING_VERBS or _is_name(tokens, index, first):
        return None
    if word == "according":
        if index < last and tokens.lower[index + 1] == "to":
            return _Trigger(index, index + 1, _KIND_QUOTATION, scoring.BASE_REPORT, "according")
        return None
    if word.endswith("s") and not _used_as_verb(tokens, index, first, last):
        return None  # "member states of", "the reports": a plural noun
    if index < last and _is_act_of_saying(word, tokens.lower[index + 1]):
        # "declared a public health emergency", "called for an inquiry", "called a strike": what
        # was declared or called is the event, not a statement to attribute.
        return _Trigger(index, index, _KIND_EVENT, scoring.BASE_EVENT, "event")
    return _Trigger(index, index, _KIND_QUOTATION, scoring.BASE_REPORT, "report")


_DECLARING_VERBS = frozenset("announced announces declared declares".split())
_CALLING_VERBS = frozenset("called calls".split())


def _is_act_of_saying(word: str, following: str) -> bool:
    """A verb of saying with an object: an act. Not "called the ruling a disgrace" (what someone
    thinks of a thing, an attribution) or "declared that" (a statement)."""
    if word in _DECLARING_VERBS:
        return following in _DETERMINERS or following == "for"
    return word in _CALLING_VERBS and following in ("for", "a", "an")


def _used_as_verb(tokens: Tokens, index: int, first: int, last: int) -> bool:
    """"states", "claims", "reports" are verbs after a subject or before what is said."""
    following = tokens.lower[index + 1] if index < last else ""
    if following in _SAYING_FOLLOWERS:
        return True
    if index == first:
        return False
    previous = tokens.lower[index - 1]
    if previous in _DETERMINERS or previous in _NOUN_MODIFIERS:
        return False
    return True


def _status_trigger(tokens: Tokens, index: int, first: int, last: int, word: str) -> _Trigger | None:
    if word not in STATUS_WORDS:
        return None
    following = tokens.lower[index + 1] if index < last else ""
    if word in _NEED_WORDS:
        # "needs the approval of", "still needs final regulatory clearance", not "needs to act"
        if APPROVAL_WORDS.isdisjoint(tokens.lower[index + 1 : min(last, index + 4) + 1]):
            return None
        return _Trigger(index, index, _KIND_STATUS, scoring.BASE_STATUS, "status")
    before = tokens.lower[max(first, index - 3) : index]
    has_copula = any(w in COPULAS or w in _COPULA_CONTRACTIONS for w in before)
    if word in ROLE_WORDS:
        if has_copula and following == "of":
            return _Trigger(index, index, _KIND_STATUS, scoring.BASE_STATUS, "status")
        return None
    if word == "subject" and following != "to":
        return None
    if word == "part" and following != "of":
        return None
    if following in _MEMBER_NOUNS and index + 2 <= last and tokens.lower[index + 2] == "of":
        return _Trigger(index, index + 1, _KIND_STATUS, scoring.BASE_STATUS, "status")  # "member states of"
    if word in RULE_VERBS:
        # "The code requires ...", not "it allows us to": a named rule or body as the subject.
        previous = tokens.lower[index - 1] if index > first else ""
        if previous in NON_PERSON_SUBJECTS or previous in _DETERMINERS or not previous[:1].isalpha():
            return None
        return _Trigger(index, index, _KIND_STATUS, scoring.BASE_RULE, "status")
    if following in ("of", "to", "in", "by") or has_copula or word in _POSSESSION_VERBS:
        return _Trigger(index, index, _KIND_STATUS, scoring.BASE_STATUS, "status")
    return None


_NEED_WORDS = frozenset(["needs", "need"])
# "It's illegal", "that's banned": a copula inside a contraction.
_COPULA_CONTRACTIONS = with_curly_apostrophes("it's that's he's she's")
# "Bluecrest owns clubs in Belgium": who owns or controls what is a status to check.
_POSSESSION_VERBS = frozenset("owns controls belongs".split())


# --- growing a trigger into a key phrase -----------------------------------------------------

# (words to the left, words to the right) by trigger role
_REACH: dict[str, tuple[int, int]] = {
    "value": (6, 3),
    "multiplier": (6, 5),
    "superlative": (3, 8),
    "comparison": (4, 5),
    "event": (5, 6),
    "report": (6, 0),
    "according": (0, 6),
    "status": (4, 5),
}


_RECORD_KINDS = frozenset([_KIND_ORDINAL, _KIND_SUPERLATIVE])
_IN_A_ROW = ("in", "a", "row")


def _grow(
    tokens: Tokens,
    codes: Sequence[int],
    trigger: _Trigger,
    first: int,
    last: int,
    limit: int,
    value_starts: frozenset[int],
) -> tuple[int, int]:
    role = trigger.role
    left_reach, right_reach = _REACH[role]
    if role == "value" and trigger.kind == _KIND_ORDINAL:
        right_reach = 2
    span_first = _walk_left(codes, trigger.first, first, left_reach)
    if span_first == trigger.first and _is_apposed_age(tokens, trigger, first):
        span_first = _walk_left(codes, trigger.first - 1, first, 3)  # "Paul Reid, 42": whose age
    if role == "report" and span_first == trigger.first and _follows_quotation(tokens, trigger.first, first):
        right_reach = 4  # '"...," said Dr. Alison Grant': the speaker follows the verb
    between = role == "value" and trigger.first > first and tokens.lower[trigger.first - 1] == "between"
    span_last = _walk_right(
        tokens, codes, trigger.last, last, right_reach, role, value_starts=value_starts, between=between
    )
    if trigger.kind in _RECORD_KINDS and span_last < last and tokens.lower[span_last + 1] == "since":
        # "the first time since 1973", "its best result since 2009": the record and its span.
        span_last = _walk_right(tokens, codes, span_last + 1, last, 2, "superlative")
    elif trigger.kind in _RECORD_KINDS and tokens.lower[span_last + 1 : span_last + 4] == _IN_A_ROW:
        if span_last + 3 <= last:
            span_last += 3  # "for the fifth meeting in a row": the run is the record
    if role == "value" and span_first == first and trigger.kind == _KIND_DATE:
        # "In April 2019, Kim met Putin": a leading date goes with the clause after it.
        span_last = _walk_right(tokens, codes, span_last, last, 8, "event", cross_comma=True)
    keep_first = trigger.first
    if span_first < keep_first and codes[keep_first - 1] & _W_SPAN_LEADER:
        keep_first -= 1  # a cut phrase keeps "since 1994", not "1994"
    return _fit(tokens, span_first, span_last, keep_first, trigger.last, limit)


def _is_apposed_age(tokens: Tokens, trigger: _Trigger, first: int) -> bool:
    if trigger.kind != _KIND_QUANTITY or trigger.values[0].unit is not None or trigger.first - 2 < first:
        return False
    return tokens.raw[trigger.first - 1] == "," and tokens.raw[trigger.first - 2][0].isupper()


# What the walks ask about a token, as bits computed once per distinct word (see
# ``_walk_codes``): a tuple index and a bit test instead of several set lookups per step.
_W_SOFT, _W_PERIOD, _W_HARD, _W_CLAUSE, _W_FIGURE_LEADER = 1, 2, 4, 8, 16
_W_COPULA, _W_PREPOSITION, _W_DANGLING, _W_LEADING_DANGLING, _W_AUXILIARY, _W_RANGE = 32, 64, 128, 256, 512, 1024
_W_MULTIPLIER_LINK = 2048  # "as", "than"
_W_SPAN_LEADER = 4096  # "since", "until": the figure after it dates the clause before it


_WALK_LISTS: tuple[tuple[frozenset[str], int], ...] = (
    (_SOFT_PUNCT, _W_SOFT),
    (frozenset(["."]), _W_PERIOD),
    (_HARD_STOPS, _W_HARD),
    (CLAUSE_BREAKERS, _W_CLAUSE),
    (FIGURE_LEADERS, _W_FIGURE_LEADER),
    (COPULAS, _W_COPULA),
    (PREPOSITIONS - {"of"}, _W_PREPOSITION),
    (_DANGLING, _W_DANGLING),
    (_LEADING_DANGLING, _W_LEADING_DANGLING),
    (_AUXILIARY_ENDINGS, _W_AUXILIARY),
    (_RANGE_WORDS, _W_RANGE),
    (frozenset(["as", "than"]), _W_MULTIPLIER_LINK),
    (frozenset(["since", "until", "till"]), _W_SPAN_LEADER),
)


def _walk_codes(tokens: Tokens) -> tuple[int, ...]:
    return word_bits(tokens.lower, tokens.vocabulary, _WALK_LISTS)


def _walk_left(codes: Sequence[int], index: int, floor: int, reach: int) -> int:
    words = 0
    position = index
    while position > floor and words < reach:
        code = codes[position - 1]
        if not code:  # a plain word, the common case: no check below applies
            position -= 1
            words += 1
            continue
        if code & (_W_SOFT | _W_PERIOD):
            # Inside a sentence a period belongs to an abbreviation: "Mr. Smith", "U.S."
            position -= 1
            continue
        if code & _W_HARD:
            break
        if code & _W_CLAUSE:
            if words == 0 and code & _W_FIGURE_LEADER:
                position -= 1  # "since 1994", "until the 4th" belong together
                if code & _W_SPAN_LEADER:
                    continue  # "has been in force | since 21 October": and the clause it dates
            break
        position -= 1
        words += 1
    while position < index and codes[position] & _W_LEADING_DANGLING:
        position += 1  # not "of the advantages of member states", but "the advantages of ..."
    return position


def _walk_right(
    tokens: Tokens,
    codes: Sequence[int],
    index: int,
    ceiling: int,
    reach: int,
    role: str,
    cross_comma: bool = False,
    value_starts: frozenset[int] = frozenset(),
    between: bool = False,
) -> int:
    """``between``: the figure follows "between", so "and" and the next figure close its range."""
    lower = tokens.lower
    words = 0
    position = index
    is_value = role == "value"
    next_claims = value_starts if is_value else ()
    while position < ceiling and words < reach:
        code = codes[position + 1]
        if not code and position + 1 not in next_claims:  # a plain word: no check below applies
            position += 1
            words += 1
            continue
        if code & _W_SOFT or (code & _W_PERIOD and position + 1 < ceiling):
            position += 1
            continue
        if cross_comma and words == 0 and lower[position + 1] == ",":
            position += 1
            continue
        if code & _W_HARD:
            break
        if is_value and position + 1 in value_starts and not (words == 1 and codes[position] & _W_RANGE):
            break  # the next figure is another claim, unless this is a range: "from 13.8% to 15%"
        if lower[position + 1] == "and" and (between and words == 0 or _after_between(lower, position, index)):
            position += 1  # "between 2% | and 3%", "sent out between January | and April": one range
            words += 1
            continue
        if is_value and words == 0 and lower[position + 1] in _PAIR_WORDS and position + 2 < ceiling:
            if position + 2 in value_starts or (lower[position + 1] == "or" and lower[position + 2] in _OPEN_ENDS):
                position += 2  # "in 2023 | and 2024", "three | or four", "£18,000 | or more": one figure
                words += 1
                continue
        if code & _W_CLAUSE and not (words <= 1 and role == "superlative" and lower[position + 1] == "that"):
            break  # "the first time that ..." is one phrase; "said on the 3rd that ..." is two
        if is_value and code & _W_COPULA:
            break  # "for 26 years | is only one of the secrets"
        if code & _W_PREPOSITION and not (role == "multiplier" and code & _W_MULTIPLIER_LINK):
            if words >= 3 or (is_value and words >= 1):
                break
        position += 1
        words += 1
    extra = 0
    while codes[position] & _W_AUXILIARY and position < ceiling and extra < 2:
        # "sanctions have not been | relaxed": an auxiliary needs its verb.
        if codes[position + 1] & (_W_HARD | _W_CLAUSE):
            break
        position += 1
        extra += 1
    if role == "event" and position == index + 1 and lower[position] in _PARTICLES:
        return position  # "Kovac voted against.", "which the USGS advises against": the verb's own word
    while position > index and codes[position] & (_W_DANGLING | _W_SOFT):
        # Never end a key phrase on a dangling "the" or "of".
        position -= 1
    return position


def _after_between(lower: Sequence[str], position: int, floor: int) -> bool:
    """ "between January", "between the two": the next "and" closes the pair, not the clause."""
    return (position - 1 >= floor and lower[position - 1] == "between") or (
        position - 2 >= floor and lower[position - 2] == "between"
    )


# Words that pair a figure with the next one: "in 2023 and 2024", "three or four men".
_PAIR_WORDS = _RANGE_WORDS - {"to"}
_OPEN_ENDS = frozenset("more less fewer so older younger over above under higher lower longer".split())

# Words that finish a verb when nothing follows them: "voted against", "walked out", "hit back".
_PARTICLES = frozenset("against for out up off down over back away through".split())


def _fit(
    tokens: Tokens, span_first: int, span_last: int, keep_first: int, keep_last: int, limit: int
) -> tuple[int, int]:
    """Cut ``span_first..span_last`` to ``limit`` characters, never inside ``keep_first..keep_last``."""
    starts, ends = tokens.starts, tokens.ends
    if ends[span_last] - starts[span_first] <= limit:
        return span_first, span_last
    while ends[span_last] - starts[span_first] > limit and span_first < keep_first:
        span_first += 1
    while ends[span_last] - starts[span_first] > limit and span_last > keep_last:
        span_last -= 1
    return span_first, span_last


# --- merging -----------------------------------------------------------------------------------

_KIND_PRIORITY = {
    kind: rank
    for rank, kind in enumerate(
        [
            ClaimKind.PERCENTAGE,
            ClaimKind.MONEY,
            ClaimKind.QUANTITY,
            ClaimKind.DURATION,
            ClaimKind.SUPERLATIVE,
            ClaimKind.ORDINAL,
            ClaimKind.COMPARISON,
            ClaimKind.DATE,
            ClaimKind.STATUS,
            ClaimKind.EVENT,
            ClaimKind.QUOTATION,
            ClaimKind.OTHER,
        ]
    )
}


def _merge(tokens: Tokens, drafts: list[_Draft], limit: int) -> list[_Draft]:
    """Merge overlapping phrases so that one fact yields one claim."""
    if len(drafts) < 2:
        return drafts
    drafts.sort(key=_draft_order)
    merged: list[_Draft] = []
    for draft in drafts:
        if merged and draft.first <= merged[-1].last:
            current = merged[-1]
            union_first, union_last = current.first, max(current.last, draft.last)
            if tokens.ends[union_last] - tokens.starts[union_first] <= limit or draft.last <= current.last:
                merged[-1] = _combine(current, draft, union_first, union_last)
                continue
            joined = _join_range(tokens, current, draft, limit)
            if joined is not None:
                merged[-1] = joined
                continue
            if _mostly_shared(current, draft):
                # Too long to join, too alike to keep both: keep the phrase that says more,
                # unless each has a figure the other lacks (two facts, not one).
                stronger = _keep_stronger(current, draft)
                weaker = draft if stronger is current else current
                if all(value in stronger.values for value in weaker.values):
                    merged[-1] = stronger
                    continue
            merged[-1] = _stop_before_foreign_values(tokens, current, draft)
            draft = _start_after_foreign_values(tokens, merged[-1], draft)
        merged.append(draft)
    return merged


# Words that make two figures of one kind one fact: "£800 million to £840 million", "between 61%
# and 64%", "in 2023 and 2024", "three or four".
_RANGE_JOINERS = frozenset("to and or - \u2013".split())


def _join_range(tokens: Tokens, current: _Draft, following: _Draft, limit: int) -> _Draft | None:
    """One phrase for a range or a pair of figures that two overlapping phrases would split.

    "The company forecast profit of £800 million to £840 million for the current financial year"
    is too long for one key phrase, and cutting it before the second figure left "£840 million
    for the current" alone. When the last figure of the first phrase and the first new figure of
    the next are of one kind and only "to", "and", "or" or a dash stand between them, the phrase
    is the range itself, with as much of the two phrases around it as the length limit allows.
    """
    if not current.values:
        return None
    new_values = [value for value in following.values if all(value is not own for own in current.values)]
    if not new_values:
        return None
    left = max(current.values, key=_value_end)
    right = min(new_values, key=_value_start)
    if left.kind != right.kind:
        return None
    range_first = tokens.index_ending_after(left.start)
    left_end = tokens.index_ending_after(left.end - 1)
    right_start = tokens.index_ending_after(right.start)
    range_last = tokens.index_ending_after(right.end - 1)
    between = tokens.lower[left_end + 1 : right_start]
    if not 0 < len(between) <= 2 or not all(word in _RANGE_JOINERS for word in between):
        return None
    starts, ends = tokens.starts, tokens.ends
    if ends[range_last] - starts[range_first] > limit:
        return None
    # Grow right first (to the next phrase's other figures), then left (what the range measures).
    first, last = range_first, range_last
    right_end = max(range_last, *(tokens.index_ending_after(value.end - 1) for value in following.values))
    while last < right_end and ends[last + 1] - starts[first] <= limit:
        last += 1
    while first > current.first and ends[last] - starts[first - 1] <= limit:
        first -= 1
    lower = tokens.lower
    while last > range_last and (lower[last] in _DANGLING or lower[last] in _HARD_STOPS):
        last -= 1
    while first < range_first and (lower[first] in _LEADING_DANGLING or lower[first] in _HARD_STOPS):
        first += 1
    joined = _combine(current, following, first, last)
    low, high = starts[first], ends[last]
    joined.values = [value for value in joined.values if low <= value.start and value.end <= high]
    return joined


_value_start = attrgetter("start")
_value_end = attrgetter("end")


def _start_after_foreign_values(tokens: Tokens, previous: _Draft, current: _Draft) -> _Draft:
    """Start a phrase after the figures of the claim before it."""
    own_start = min((tokens.index_ending_after(value.start) for value in current.values), default=current.last)
    lower = tokens.lower
    for value in previous.values:
        index = tokens.index_ending_after(value.end - 1)
        if current.first <= index < own_start:
            start = index + 1
            while start < own_start and (lower[start] in _DANGLING or lower[start] in _HARD_STOPS):
                if start + 1 == own_start and lower[start] in FIGURE_LEADERS:
                    break  # "since June 2024", "for 26 years": the word that says what the figure is
                start += 1
            current.first = min(start, current.last)
    return current


def _stop_before_foreign_values(tokens: Tokens, current: _Draft, following: _Draft) -> _Draft:
    """End a phrase before a figure that belongs to the next claim, so no figure is claimed twice."""
    own_end = max((tokens.index_ending_after(value.end - 1) for value in current.values), default=current.first)
    for value in following.values:
        index = tokens.index_ending_after(value.start)
        if own_end < index <= current.last:
            cut = index - 1
            while cut > own_end and tokens.lower[cut] in _DANGLING:
                cut -= 1
            current.last = max(cut, current.first)
            break
    return current


def _mostly_shared(a: _Draft, b: _Draft) -> bool:
    shared = min(a.last, b.last) - max(a.first, b.first) + 1
    return shared * 2 >= min(a.last - a.first, b.last - b.first) + 1


def _keep_stronger(a: _Draft, b: _Draft) -> _Draft:
    def strength(draft: _Draft) -> tuple[int, float, int]:
        return (len(draft.values), draft.score, -_KIND_PRIORITY[draft.kind])

    return max((a, b), key=strength)


def _combine(a: _Draft, b: _Draft, first: int, last: int) -> _Draft:
    if a.score != b.score:
        lead = a if a.score > b.score else b
    else:
        lead = a if _KIND_PRIORITY[a.kind] <= _KIND_PRIORITY[b.kind] else b
    values = a.values + [v for v in b.values if all(v is not w for w in a.values)] if b.values else a.values
    return _Draft(first, last, lead.kind, lead.score, values, lead.reasons)
