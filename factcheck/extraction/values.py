"""Find figures in text and read them: numbers, money, percentages, dates, durations, ordinals."""

from __future__ import annotations

import re
from itertools import compress

from .datatypes import Value, new_value
from .tokens import Tokens, look_up, tokenize
from .lexicon import (
    CARDINALS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DURATION_UNITS,
    FRACTION_WORDS,
    MONTHS,
    MONTH_CONTEXT,
    ORDINALS,
    QUANTITY_UNITS,
    SCALES,
    STOPWORDS,
    WEEKDAY_CONTEXT,
)


def _alternation(words: list[str]) -> str:
    # Longest first so that "september" wins over "sep".
    return _by_first_character([re.escape(word) for word in sorted(words, key=len, reverse=True)])


def _by_first_character(alternatives: list[str]) -> str:
    """For case-insensitive patterns: the alternation of ``alternatives`` (regexes that
    open with a literal character), grouped by that character regardless of case:
    "ten|twelve|one" becomes "t(?:en|welve)|o(?:ne)".

    It matches exactly what the plain alternation matches (no character opens two groups,
    and each group keeps its alternatives' order), but the engine, which cannot rule out a
    case-insensitive alternative without entering it, enters one group per distinct first
    character instead of every alternative.
    """
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        if re.escape(alternative[0]) != alternative[0] or alternative[1:2] in ("?", "*", "+", "{"):
            raise ValueError(f"{alternative!r} does not open with a literal character")
        groups.setdefault(alternative[0].lower(), []).append(alternative)
    return "|".join(
        f"{re.escape(members[0][0])}(?:{'|'.join(member[1:] for member in members)})" for members in groups.values()
    )


_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety".split("|")
_SMALL_WORDS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen".split("|")
_UNIT_WORDS = "one|two|three|four|five|six|seven|eight|nine".split("|")
_TENS = _by_first_character(_TENS_WORDS)
_UNITS = _by_first_character(_UNIT_WORDS)
_SMALL = _by_first_character(_SMALL_WORDS + _UNIT_WORDS)
# "(?:tens)(?:-units)?|small|..." with the optional units written out after each tens word,
# so that all the alternatives can be grouped by their first letter.
_WORD_NUMBER = (
    "(?:"
    + _by_first_character(
        [rf"{tens}(?:[\s-](?:{_UNITS}))?" for tens in _TENS_WORDS]
        + _SMALL_WORDS
        + _UNIT_WORDS
        + [r"a\s(?:hundred|thousand|dozen|million|billion|trillion)", "dozens", "hundreds", "thousands", "millions", "billions"]
    )
    + r")(?:[\s-](?:hundred|thousand|million|billion|trillion))?"
)
_ORDINAL_WORD = (
    rf"(?:(?:{_TENS})-)?(?:{_alternation(list(ORDINALS))})"
)
# Atomic and possessive: wherever the patterns below require something after a figure, it
# never starts with a digit, a comma or a period, so giving digits back cannot help a match;
# it only made each failing branch try again with every shorter prefix of the figure.
_DIGITS = r"(?>[0-9]{1,3}+(?:,[0-9]{3})++(?:\.[0-9]++)?|[0-9]++(?:\.[0-9]++)?)"
_NUMBER = rf"(?:{_DIGITS}|{_WORD_NUMBER})"
_FULL_SCALE = rf"(?:{_by_first_character('thousand|million|billion|trillion'.split('|'))})"
_ANY_SCALE = rf"(?:{_by_first_character('thousand|million|billion|trillion|bn|mn|mln|tn|trn|m|k|b'.split('|'))})"
_CURRENCY_CODES_PATTERN = _by_first_character(
    r"US\$|USD\s?|EUR\s?|GBP\s?|CNY\s?|RMB\s?|RUB\s?|JPY\s?|INR\s?|CAD\s?|AUD\s?|CHF\s?"
    r"|BYN\s?|UAH\s?|PLN\s?|HK\$|C\$|A\$|NZ\$|S\$|R\$".split("|")
)
_CURRENCY_PREFIX = rf"(?:{_CURRENCY_CODES_PATTERN}|[$\u00a3\u20ac\u00a5\u20bd\u20b9\u20a9\u20ba\u20b4])"
_CURRENCY_WORD = _alternation([w for w in CURRENCY_WORDS if len(w) > 1])
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBREVIATIONS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
# A full name never takes the period after it ("on 21 August." ends a sentence); "Aug." does.
_MONTH = (
    rf"(?:(?:{_by_first_character(_MONTH_NAMES.split('|'))})\b"
    rf"|(?:{_by_first_character(_MONTH_ABBREVIATIONS.split('|'))})(?:\.|\b))"
)
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_DURATION_UNIT = _alternation(list(DURATION_UNITS))
_MEASURE_UNIT = _by_first_character(
    r"km/h|km|kg|mph|mm|cm|mg|ml|kWh|MWh|GWh|TWh|kW|MW|GW|ha|lbs|lb|ft|m|t|sq\s?km|°C|°F|C|F".split("|")
)
_PERCENT_WORDS = _by_first_character(r"per\s?cent|percent|pct|percentage\spoints?|basis\spoints?".split("|"))
_PERCENT = rf"(?:%|\s?(?:{_PERCENT_WORDS})\b)"
_FRACTION = rf"(?:(?:{_SMALL}|a|one)[\s-](?:halves|thirds|quarters|fifths|tenths|third|quarter|fifth|tenth|half)\b)"
_TIMES = rf"(?:{_NUMBER}[\s-](?:times|fold)\b|(?:{_SMALL})fold\b|twice|thrice|half)"

# "11p", "2.5p a litre": pence written onto the number (not "4pm", not "10p.m.").
_PENCE = r"(?:[0-9]{1,3}(?:\.[0-9]{1,2})?p\b(?!\.m))"

# "2:03:05", "59:48": a race or a record time (hours, minutes, seconds), not a time of day;
# a first part above 23 cannot be an hour.
_RACE_TIME = (
    r"(?:[0-9]{1,2}:[0-5][0-9]:[0-5][0-9]|(?:2[4-9]|[3-9][0-9]|[1-9][0-9]{2}):[0-5][0-9])(?:\.[0-9]{1,3})?(?![0-9:])"
)
# "61 votes to 9": a tally, one figure.
_VOTE_TALLY = r"[0-9]{1,4}\svotes?\sto\s[0-9]{1,4}(?![0-9])"

_VALUE_PATTERN = re.compile(
    rf"""
    (?P<money>{_CURRENCY_PREFIX}{_DIGITS}(?:\s?{_ANY_SCALE}\b)?
        |{_NUMBER}(?:\s{_FULL_SCALE})?\s(?:US\s)?(?:{_CURRENCY_WORD})\b|{_PENCE})
    |(?P<percent>{_NUMBER}{_PERCENT})
    |(?P<date_mdy>{_MONTH}\s{_DAY}\b(?:,?\s{_YEAR}\b)?)
    |(?P<date_dmy>{_DAY}\s(?:of\s)?{_MONTH}(?:,?\s{_YEAR}\b)?)
    |(?P<date_my>{_MONTH},?\s{_YEAR}\b)
    |(?P<race_time>{_RACE_TIME})
    |(?P<clock>(?:(?:[01]?[0-9]|2[0-3]):[0-5][0-9]|(?:1[0-2]|0?[1-9])\.[0-5][0-9](?=\s?[ap]\.?m\.?))(?:\s?[ap]\.?m\.?|\s?GMT|\s?UTC|\s?CET)?(?![0-9]))
    |(?P<date_iso>{_YEAR}-[01][0-9]-[0-3][0-9]\b)
    |(?P<decade>(?:1[0-9]|20)[0-9]0s\b)
    |(?P<day_of_month>\bthe\s(?:3[01]|[12][0-9]|[1-9])(?:st|nd|rd|th)\b)
    |(?P<duration>{_NUMBER}[\s-](?:{_DURATION_UNIT})\b)
    |(?P<fraction>{_FRACTION})
    |(?P<times>{_TIMES})
    |(?P<measure>{_DIGITS}\s?(?:{_MEASURE_UNIT})(?![\w/]))
    |(?P<ordinal_digits>[0-9]{{1,4}}(?:st|nd|rd|th)\b)
    |(?P<ordinal>{_ORDINAL_WORD}\b)
    |(?P<score>[0-9]{{1,3}}[-\u2013][0-9]{{1,3}}(?:,\s[0-9]{{1,3}}[-\u2013][0-9]{{1,3}}){{0,6}}(?![0-9])|{_VOTE_TALLY})
    |(?P<weekday>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)
    |(?P<month>(?-i:January|February|March|April|May|June|July|August|September|October|November|December)\b)
    |(?P<number>{_DIGITS}(?:\s{_FULL_SCALE}\b)?|{_WORD_NUMBER}\b)
    """,
    re.IGNORECASE | re.VERBOSE,
)

# The branches of _VALUE_PATTERN that can match at a digit, in the same order, with
# _NUMBER narrowed to _DIGITS: at a digit it finds exactly what the full pattern finds,
# without trying the month, weekday and number-word alternations first.
_DIGIT_VALUE_PATTERN = re.compile(
    rf"""
    (?P<money>{_DIGITS}(?:\s{_FULL_SCALE})?\s(?:US\s)?(?:{_CURRENCY_WORD})\b|{_PENCE})
    |(?P<percent>{_DIGITS}{_PERCENT})
    |(?P<date_dmy>{_DAY}\s(?:of\s)?{_MONTH}(?:,?\s{_YEAR}\b)?)
    |(?P<race_time>{_RACE_TIME})
    |(?P<clock>(?:(?:[01]?[0-9]|2[0-3]):[0-5][0-9]|(?:1[0-2]|0?[1-9])\.[0-5][0-9](?=\s?[ap]\.?m\.?))(?:\s?[ap]\.?m\.?|\s?GMT|\s?UTC|\s?CET)?(?![0-9]))
    |(?P<date_iso>{_YEAR}-[01][0-9]-[0-3][0-9]\b)
    |(?P<decade>(?:1[0-9]|20)[0-9]0s\b)
    |(?P<duration>{_DIGITS}[\s-](?:{_DURATION_UNIT})\b)
    |(?P<times>{_DIGITS}[\s-](?:times|fold)\b)
    |(?P<measure>{_DIGITS}\s?(?:{_MEASURE_UNIT})(?![\w/]))
    |(?P<ordinal_digits>[0-9]{{1,4}}(?:st|nd|rd|th)\b)
    |(?P<score>[0-9]{{1,3}}[-\u2013][0-9]{{1,3}}(?:,\s[0-9]{{1,3}}[-\u2013][0-9]{{1,3}}){{0,6}}(?![0-9])|{_VOTE_TALLY})
    |(?P<number>{_DIGITS}(?:\s{_FULL_SCALE}\b)?)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_ASCII_DIGITS = frozenset("0123456789")

# Figures glued to letters ("A4", "G7", "COVID-19", "x86") are names, not values.
_GLUED_BEFORE = re.compile(r"[\w$\u00a3\u20ac\u00a5./-]")
_WORD_AFTER = re.compile(r"\s?([A-Za-z][A-Za-z-]{0,24})")
_NUMBER_AT_START = re.compile(_DIGITS)
_WORD_NUMBER_TOKEN = re.compile(r"[a-z]+")
_MONTH_TOKEN = re.compile(r"[A-Za-z]+")
_DAY_DIGITS = re.compile(r"[0-9]{1,2}(?=(?:st|nd|rd|th)?\b)")
_YEAR_AT_END = re.compile(r"(1[0-9]{3}|20[0-9]{2})$")
_CURRENCY_PREFIX_AT_START = re.compile(_CURRENCY_PREFIX, re.IGNORECASE)
_PERCENT_SPLIT = re.compile(r"%|\s?per\s?cent|\s?percent|\s?pct|\s?percentage|\s?basis", re.IGNORECASE)
_SPACE_OR_HYPHEN = re.compile(r"[\s-]")
_TIMES_SPLIT = re.compile(r"[\s-]|fold")
_DASH_SPLIT = re.compile(r"[-\u2013]")
_SCALE_AT_END = re.compile(rf"\s?({_ANY_SCALE})$", re.IGNORECASE)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_VALUE_STARTERS = frozenset(
    list(CARDINALS) + list(ORDINALS) + [m for m in MONTHS] + list(FRACTION_WORDS) + list(_WEEKDAYS)
    + list(CURRENCY_SYMBOLS) + ["a", "the", "thrice", "us", "hk", "nz", "c", "s", "r"]
)
_START_CHARS = frozenset("0123456789$\u00a3\u20ac\u00a5\u20bd\u20b9\u20a9\u20ba\u20b4")
# Characters that glue a figure to nothing, on either side (see _glued_to_word): neither
# letters, "_", digits, nor "$\u00a3\u20ac\u00a5./-".
_SEPARATORS = frozenset(" \t\n\r,;:!?\"'()[]\u201c\u201d\u2018\u2019\u2013\u2014")
_A_FOLLOWERS = frozenset("half third quarter fifth tenth dozen hundred thousand million billion trillion".split())
_CURRENCY_CODES = frozenset(code for code in CURRENCY_SYMBOLS if code.isalpha())


def find_values(text: str, start: int = 0, end: int | None = None, tokens: Tokens | None = None) -> list[Value]:
    """All figures in ``text[start:end]``, in order, with offsets into ``text``.

    The full value pattern is only tried where a figure can start (a digit, a currency
    sign, a number word, a month): running it at every position costs ten times more.
    """
    end = len(text) if end is None else end
    tokens = tokens if tokens is not None else tokenize(text)
    values: list[Value] = []
    covered_until = start
    lower = tokens.lower
    raw = tokens.raw
    starts = tokens.starts
    first = tokens.index_at_or_after(start)
    # Cheap screen first: most tokens cannot start a figure. Decided once per distinct word,
    # then looked up per token (look_up loops in C).
    candidates = lower[first:]
    distinct = tokens.vocabulary if first == 0 else set(candidates)
    rules = dict.fromkeys(distinct, _NEVER)
    rules.update(
        {
            word: _start_rule(word)
            for word in distinct
            if word[0] in _START_CHARS or word in _VALUE_STARTERS or "-" in word
        }
    )
    rule_of_token = look_up(rules, candidates)
    for index in compress(range(first, len(lower)), rule_of_token):
        position = starts[index]
        if position >= end:
            break
        if position < covered_until:
            continue
        rule = rule_of_token[index - first]
        if rule != _ALWAYS and not _context_fits(rule, lower, raw, index):
            continue
        pattern = _DIGIT_VALUE_PATTERN if lower[index][0] in _ASCII_DIGITS else _VALUE_PATTERN
        match = pattern.match(text, position, end)
        if match is None or _glued_to_word(text, match.start(), match.end()):
            continue
        value = _read(text, match)
        if value is not None:
            values.append(value)
            covered_until = match.end()
    return values


# Whether a token may open a figure, decided once per distinct word by ``_start_rule``:
# never, always, or only before the right next token.
_NEVER, _ALWAYS, _BEFORE_FRACTION, _BEFORE_DAY, _AS_CURRENCY_CODE = 0, 1, 2, 3, 4


def _start_rule(word: str) -> int:
    if word[0] in _START_CHARS:
        return _ALWAYS
    if word in _VALUE_STARTERS:
        if word == "a":
            return _BEFORE_FRACTION  # "a half", "a dozen"
        if word == "the":
            return _BEFORE_DAY  # "the 3rd"
        if word in _CURRENCY_CODES or len(word) <= 2:
            return _AS_CURRENCY_CODE
        return _ALWAYS
    if "-" in word and word.split("-", 1)[0] in _VALUE_STARTERS:
        return _ALWAYS
    return _NEVER


def _context_fits(rule: int, lower: tuple[str, ...], raw: tuple[str, ...], index: int) -> bool:
    following = lower[index + 1] if index + 1 < len(lower) else ""
    if rule == _BEFORE_FRACTION:
        return following in _A_FOLLOWERS
    if rule == _BEFORE_DAY:
        return following[:1].isdigit()
    # "USD 40", "US$": codes are upper-case and followed by a figure or "$".
    return raw[index].isupper() and following[:1] in _START_CHARS


def _glued_to_word(text: str, start: int, end: int) -> bool:
    # Most figures stand between spaces or punctuation that can glue nothing.
    if (start == 0 or text[start - 1] in _SEPARATORS) and (end == len(text) or text[end] in _SEPARATORS):
        return False
    if start > 0 and _is_glue(text[start - 1]) and (text[start].isdigit() or text[start].isalpha()):
        return text[start].isalpha() or _GLUED_BEFORE.match(text[start - 1]) is not None
    if start > 0 and text[start].isdigit() and text[start - 1] in "$\u00a3\u20ac\u00a5./-":
        return True
    if end < len(text) and text[end - 1].isalnum() and (_is_glue(text[end]) or text[end].isdigit()):
        return True
    return False


def _is_glue(char: str) -> bool:
    # Letters of alphabetic scripts glue a figure into a name ("G7"); CJK characters
    # are written without spaces, so a figure beside them stands on its own.
    return (char.isalpha() or char == "_") and ord(char) < 0x2E80


def _read(text: str, match: re.Match[str]) -> Value | None:
    group = match.lastgroup or "number"
    reader = _READERS[group]
    return reader(text, match)


def _value(
    match: re.Match[str],
    kind: str,
    number: float | None = None,
    unit: str | None = None,
    currency: str | None = None,
    date: str | None = None,
) -> Value:
    # Positional, in the order of Value's fields: keyword arguments cost a dict per figure.
    return new_value(kind, match.group(), match.start(), match.end(), number, unit, currency, date)


def parse_number(text: str) -> float | None:
    """Read "1,234.5", "3.5 million", "twenty-six", "two hundred" or "a dozen"."""
    text = text.strip()
    if text.isascii() and text.isdigit():  # the common case, "2019" or "15"
        return float(text)
    digits = _NUMBER_AT_START.match(text)
    if digits:
        number = float(digits.group().replace(",", ""))
        rest = text[digits.end() :].strip().lower()
    else:
        number, rest = _parse_word_number(text.lower())
        if number is None:
            return None
    scale = _scale_of(rest)
    return number * scale


def _scale_of(rest: str) -> float:
    if not rest:  # the common case: a figure with nothing after it
        return 1.0
    word = rest.split()[0] if rest.split() else ""
    return SCALES.get(word, 1.0) if word in {"thousand", "million", "billion", "trillion"} else 1.0


def _parse_word_number(text: str) -> tuple[float | None, str]:
    total = 0.0
    current = 0.0
    seen = False
    words = _WORD_NUMBER_TOKEN.findall(text)
    for word in words:
        if word == "a" and not seen:
            current = 1.0
            continue
        if word in ("hundred", "dozen"):
            current = (current or 1.0) * CARDINALS[word]
        elif word in ("thousand", "million", "billion", "trillion"):
            total += (current or 1.0) * SCALES[word]
            current = 0.0
        elif word in CARDINALS:
            current += CARDINALS[word]
        else:
            break
        seen = True
    if not seen:
        return None, text
    return total + current, ""


def _read_money(text: str, match: re.Match[str]) -> Value:
    written = match.group()
    prefix = _CURRENCY_PREFIX_AT_START.match(written)
    if prefix:
        currency = CURRENCY_SYMBOLS.get(prefix.group().strip().lower(), "USD")
        amount_text = written[prefix.end() :]
        number = parse_number(amount_text)
        scale = _SCALE_AT_END.search(amount_text)
        if number is not None and scale and scale.group(1).lower() not in ("thousand", "million", "billion", "trillion"):
            number *= SCALES[scale.group(1).lower()]
        if prefix.group().strip() == "\u00a5" and _mentions_yuan(text, match):
            currency = "CNY"
    elif written[-1] == "p" and written[0].isdigit():  # "11p": pence
        currency = "GBP"
        number = parse_number(written[:-1])
        if number is not None:
            number /= 100
    else:
        words = written.split()
        currency = CURRENCY_WORDS.get(words[-1].lower(), "USD")
        number = parse_number(" ".join(words[:-1]).replace("US", ""))
        if words[-1].lower() in ("cents", "pence", "p") and number is not None:
            number /= 100
    return _value(match, "money", number=number, currency=currency)


def _mentions_yuan(text: str, match: re.Match[str]) -> bool:
    window = text[max(0, match.start() - 200) : match.end() + 200].lower()
    return "yuan" in window or "rmb" in window or "china" in window


def _read_percent(text: str, match: re.Match[str]) -> Value:
    written = match.group()
    lowered = written.lower()
    unit = "percentage points" if "point" in lowered else "%"
    if "basis" in lowered:
        unit = "basis points"
    number_text = _PERCENT_SPLIT.split(written, maxsplit=1)[0]
    return _value(match, "percentage", number=parse_number(number_text), unit=unit)


def _month_of(token: str) -> int | None:
    return MONTHS.get(token.rstrip(".").lower())


def _read_date_mdy(text: str, match: re.Match[str]) -> Value:
    written = match.group()
    month = _month_of(_MONTH_TOKEN.match(written).group())  # type: ignore[union-attr]
    day = int(_DAY_DIGITS.search(written[3:]).group())  # type: ignore[union-attr]
    return _date_value(match, month, day)


def _read_date_dmy(text: str, match: re.Match[str]) -> Value:
    written = match.group()
    day = int(_DAY_DIGITS.match(written).group())  # type: ignore[union-attr]
    month_token = [t for t in _MONTH_TOKEN.findall(written) if _month_of(t)]
    month = _month_of(month_token[0]) if month_token else None
    return _date_value(match, month, day)


def _date_value(match: re.Match[str], month: int | None, day: int | None) -> Value:
    year_match = _YEAR_AT_END.search(match.group())
    year = int(year_match.group()) if year_match else None
    iso = _iso(year, month, day)
    return _value(match, "date", number=float(day) if day else None, date=iso)


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    if month is None:
        return f"{year:04d}" if year else None
    if day is None or not 1 <= day <= 31:
        return f"{year:04d}-{month:02d}" if year else f"--{month:02d}"
    if year is None:
        return f"--{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _read_date_my(text: str, match: re.Match[str]) -> Value:
    written = match.group()
    month = _month_of(_MONTH_TOKEN.match(written).group())  # type: ignore[union-attr]
    return _date_value(match, month, None)


def _read_race_time(text: str, match: re.Match[str]) -> Value:
    seconds = 0.0
    for part in match.group().split(":"):
        seconds = seconds * 60 + float(part)
    return _value(match, "duration", number=seconds, unit="seconds")


def _read_clock(text: str, match: re.Match[str]) -> Value:
    return _value(match, "date", unit="time of day")


def _read_date_iso(text: str, match: re.Match[str]) -> Value:
    written = match.group()
    return _value(match, "date", date=written, number=float(written[8:10]))


def _read_decade(text: str, match: re.Match[str]) -> Value:
    decade = int(match.group()[:4])
    return _value(match, "year", number=float(decade), unit="decade", date=None)


def _read_day_of_month(text: str, match: re.Match[str]) -> Value | None:
    written = match.group()
    day = int(_DAY_DIGITS.search(written[4:]).group())  # type: ignore[union-attr]
    following = _WORD_AFTER.match(text, match.end())
    if following and following.group(1).islower() and following.group(1) not in STOPWORDS:
        # "the 3rd meeting": an ordinal, not a day of the month.
        return _value(match, "ordinal", number=float(day))
    return _value(match, "date", number=float(day), date=f"---{day:02d}")


def _read_duration(text: str, match: re.Match[str]) -> Value:
    written = match.group()
    unit_word = _SPACE_OR_HYPHEN.split(written)[-1].lower()
    number = parse_number(written[: len(written) - len(unit_word)].rstrip(" -"))
    return _value(match, "duration", number=number, unit=DURATION_UNITS.get(unit_word, unit_word))


def _read_fraction(text: str, match: re.Match[str]) -> Value:
    written = match.group().lower()
    numerator_text, denominator_word = _SPACE_OR_HYPHEN.split(written, maxsplit=1)
    numerator = 1.0 if numerator_text in ("a", "one") else float(CARDINALS.get(numerator_text, 1))
    share = FRACTION_WORDS.get(denominator_word.rstrip("s"), None)
    if denominator_word.startswith("ten"):
        share = (0.1, "fraction")
    if denominator_word.startswith("hal"):
        share = (0.5, "fraction")
    number = numerator * share[0] if share else None
    return _value(match, "number", number=number, unit="fraction")


def _read_times(text: str, match: re.Match[str]) -> Value:
    written = match.group().lower()
    if written in FRACTION_WORDS:
        number, unit = FRACTION_WORDS[written]
        return _value(match, "number", number=number, unit=unit)
    head = _TIMES_SPLIT.split(written, maxsplit=1)[0]
    return _value(match, "number", number=parse_number(head), unit="times")


def _read_measure(text: str, match: re.Match[str]) -> Value:
    written = match.group()
    digits = _NUMBER_AT_START.match(written)
    unit = written[digits.end() :].strip() if digits else None  # type: ignore[union-attr]
    return _value(match, "number", number=parse_number(written[: digits.end()] if digits else written), unit=unit)


def _read_score(text: str, match: re.Match[str]) -> Value:
    # "6-3, 7-5", "2-1", "10-12": a result or a range; the first figure stands for it.
    return _value(match, "number", number=parse_number(_DASH_SPLIT.split(match.group())[0]), unit="score")


def _read_month(text: str, match: re.Match[str]) -> Value | None:
    # A month alone is a date only where a date is expected: "in July", "since March".
    before = text[max(0, match.start() - 12) : match.start()].split()
    after = text[match.end() : match.end() + 12].split()
    if not (before and before[-1].lower().strip("-") in MONTH_CONTEXT) and not (after and after[0] in ("last", "this", "next")):
        return None
    return _value(match, "date", date=f"--{MONTHS[match.group().lower()]:02d}")


def _read_weekday(text: str, match: re.Match[str]) -> Value | None:
    # "on Sunday", "last Tuesday": when something happened; "Bloody Sunday" is a name.
    before = text[max(0, match.start() - 8) : match.start()].split()
    if not (before and before[-1].lower() in WEEKDAY_CONTEXT):
        return None
    return _value(match, "date", unit="weekday")


def _read_ordinal_digits(text: str, match: re.Match[str]) -> Value:
    return _value(match, "ordinal", number=float(match.group()[:-2]))


def _read_ordinal(text: str, match: re.Match[str]) -> Value:
    written = match.group().lower()
    head, _, tail = written.rpartition("-")
    number = float(ORDINALS.get(tail, 0) + (CARDINALS.get(head, 0) if head else 0))
    return _value(match, "ordinal", number=number)


def _read_number(text: str, match: re.Match[str]) -> Value | None:
    written = match.group()
    number = parse_number(written)
    if number is None:
        return None
    if _looks_like_year(text, match, written):
        return _value(match, "year", number=number, date=written)
    unit = _unit_after(text, match.end())
    return _value(match, "number", number=number, unit=unit)


def _looks_like_year(text: str, match: re.Match[str], written: str) -> bool:
    if len(written) != 4 or not written.isdigit() or not 1000 <= int(written) <= 2099:
        return False
    unit = _unit_after(text, match.end())
    return unit is None or unit in ("election", "elections")


def _unit_after(text: str, position: int) -> str | None:
    following = _WORD_AFTER.match(text, position, min(len(text), position + 30))
    if following is None:
        return None
    word = following.group(1).lower()
    if word in QUANTITY_UNITS:
        return word
    return None


_READERS = {
    "money": _read_money,
    "percent": _read_percent,
    "date_mdy": _read_date_mdy,
    "date_dmy": _read_date_dmy,
    "date_my": _read_date_my,
    "date_iso": _read_date_iso,
    "race_time": _read_race_time,
    "clock": _read_clock,
    "decade": _read_decade,
    "day_of_month": _read_day_of_month,
    "duration": _read_duration,
    "fraction": _read_fraction,
    "times": _read_times,
    "measure": _read_measure,
    "ordinal_digits": _read_ordinal_digits,
    "score": _read_score,
    "month": _read_month,
    "weekday": _read_weekday,
    "ordinal": _read_ordinal,
    "number": _read_number,
}
