"""Word lists used by the segmenter, the value parser and the scorer.

General English only: every list here should make sense for any news domain.
Everything is lower-case; lookups lower-case the token first.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- segmentation ---------------------------------------------------------------

# Abbreviations that practically never end a sentence (titles, "No. 3", "vs.").
NON_FINAL_ABBREVIATIONS = _words(
    """
    mr mrs ms dr prof st sr jr rev hon gen col lt sgt capt cmdr adm maj gov sen rep pres
    supt insp det cpl pvt fr messrs mme mlle mt ft no nos vs v cf approx dept est fig figs
    vol vols pp p para art sec ch op ed eds al ca e.g i.e viz
    """
)

# Abbreviations that may end a sentence: a following capitalised word only starts a
# new sentence if it is a typical sentence opener ("... in the U.S. The next day").
MAYBE_FINAL_ABBREVIATIONS = _words(
    """
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    inc ltd co corp plc llc bros assn univ govt intl natl etc a.m p.m am pm
    u.s u.k u.n u.s.a e.u d.c n.y l.a
    """
)

# Capitalised words that typically open a sentence; used to decide whether an
# abbreviation or an initial is followed by a new sentence.
SENTENCE_OPENERS = _words(
    """
    the a an this that these those there here it its he she they we i you his her their our my
    your in on at after before during since for from when while if but and or so yet however
    meanwhile moreover still also then thus as although though because what who why how where
    which some many most no not all both each every one two three four five several another
    earlier later last next according asked officials police
    """
)

# Words at the end of a line that show the line continues (hard-wrapped text).
LINE_CONTINUATION_WORDS = _words(
    """
    the a an of and or to in on at for from with by as that which who whose than but nor his her
    its their our your my this these those is are was were be been has have had will would
    """
)

# --- numbers ------------------------------------------------------------------------

CARDINALS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2_000_000,
}

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000,
}

# Fractions and multipliers written as words, with their value and unit.
FRACTION_WORDS: dict[str, tuple[float, str]] = {
    "half": (0.5, "fraction"),
    "halves": (0.5, "fraction"),
    "quarter": (0.25, "fraction"),
    "quarters": (0.75, "fraction"),
    "third": (1 / 3, "fraction"),
    "thirds": (1 / 3, "fraction"),
    "fifth": (0.2, "fraction"),
    "fifths": (0.2, "fraction"),
    "twice": (2.0, "times"),
    "thrice": (3.0, "times"),
    "double": (2.0, "times"),
    "triple": (3.0, "times"),
    "doubled": (2.0, "times"),
    "tripled": (3.0, "times"),
    "quadrupled": (4.0, "times"),
    "halved": (0.5, "times"),
}

SCALES: dict[str, float] = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
    "crore": 1e7, "lakh": 1e5,
}

CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "us$": "USD", "usd": "USD", "£": "GBP", "gbp": "GBP", "€": "EUR", "eur": "EUR",
    "¥": "JPY", "jpy": "JPY", "cny": "CNY", "rmb": "CNY", "₽": "RUB", "rub": "RUB",
    "₹": "INR", "inr": "INR", "c$": "CAD", "cad": "CAD", "a$": "AUD", "aud": "AUD",
    "hk$": "HKD", "hkd": "HKD", "chf": "CHF", "₩": "KRW", "krw": "KRW", "₺": "TRY",
    "r$": "BRL", "brl": "BRL", "nz$": "NZD", "s$": "SGD", "uah": "UAH", "₴": "UAH",
    "byn": "BYN", "pln": "PLN", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "mxn": "MXN",
}

CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "sterling": "GBP", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY",
    "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "yen": "JPY",
    "rupee": "INR", "rupees": "INR", "won": "KRW", "francs": "CHF", "franc": "CHF",
    "pesos": "MXN", "peso": "MXN", "hryvnia": "UAH", "hryvnias": "UAH", "zloty": "PLN",
    "lira": "TRY", "real": "BRL", "reais": "BRL", "cents": "USD", "pence": "GBP", "p": "GBP",
}

DURATION_UNITS: dict[str, str] = {
    "year": "years", "years": "years", "yr": "years", "yrs": "years",
    "month": "months", "months": "months", "week": "weeks", "weeks": "weeks",
    "day": "days", "days": "days", "hour": "hours", "hours": "hours", "hr": "hours",
    "hrs": "hours", "minute": "minutes", "minutes": "minutes", "min": "minutes",
    "mins": "minutes", "second": "seconds", "seconds": "seconds", "decade": "decades",
    "decades": "decades", "century": "centuries", "centuries": "centuries",
    "term": "terms", "terms": "terms", "season": "seasons", "seasons": "seasons",
}

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

# --- claim triggers -------------------------------------------------------------------

SUPERLATIVE_WORDS = _words(
    """
    first last only largest biggest highest lowest smallest longest shortest oldest youngest
    fastest slowest best worst greatest deadliest richest poorest tallest strongest weakest
    busiest heaviest warmest hottest coldest wettest driest newest earliest latest closest
    worst-ever best-ever record record-breaking record-high record-low unprecedented
    all-time most least top
    """
)

# Superlatives that also have an everyday non-factual use; they need a figure nearby
# or an explicit frame ("the first ...", "for the first time").
WEAK_SUPERLATIVES = _words("last only best worst top most least latest closest")

COMPARISON_WORDS = _words(
    """
    than compared versus rose risen rise rises rising fell fallen fall falls falling increased
    increase increases decreased decrease decreases declined decline declines grew grown
    growth shrank shrunk dropped drop drops climbed jumped surged soared plunged plummeted
    slumped tumbled doubled tripled halved quadrupled outnumbered exceeded exceeds overtook
    surpassed trailed lagged widened narrowed higher lower more fewer less greater larger
    smaller bigger cheaper dearer up down
    """
)

# Past-tense or perfect forms of verbs that report an event someone could check.
EVENT_VERBS = _words(
    """
    met meets visited visits signed signs invited invites sanctioned sanctions arrived arrives
    announced announces launched launches elected appointed named nominated resigned resigns
    won wins defeated beat lost loses killed kills died dies injured wounded arrested charged
    convicted sentenced acquitted jailed indicted sued ruled rules approved approves passed
    rejected vetoed banned bans imposed imposes lifted established founded opened opens
    closed closes held holds hosted hosts attended attends hired fired sacked acquired bought
    sold merged invested awarded granted raised cut cuts reported released fined suspended
    expelled deported detained freed captured struck attacked bombed invaded withdrew
    withdrawn deployed ratified adopted enacted introduced filed published recorded scored
    finished completed started began begun ended ends joined joins left quit agreed agrees
    received receives paid pays spent spends borrowed donated funded built destroyed
    discovered found confirmed denied admitted pleaded testified voted elected reelected
    re-elected inaugurated sworn appointed promoted demoted dismissed took takes gave gives
    sent sends delivered shipped exported imported produced manufactured recalled hit
    seized raided evacuated rescued collapsed crashed exploded erupted struck flooded
    broke overturned upheld blocked cancelled canceled postponed delayed suspended
    introduced unveiled opened inaugurated toured travelled traveled flew returned
    congratulated condemned criticised criticized praised thanked endorsed backed
    supported opposed accused blamed hosted convened chaired led leads headed heads
    established normalized normalised severed recognised recognized ratified
    """
)

# Verbs and phrases that attribute a statement to a source.
REPORTING_VERBS = _words(
    """
    said says say told tells stated states announced announces reported reports wrote writes
    added adds noted notes argued argues claimed claims insisted insists confirmed confirms
    denied denies warned warns explained explains acknowledged acknowledges admitted
    declared declares testified tweeted posted quoted quotes estimated estimates forecast
    forecasts projected predicted predicts revealed reveals disclosed disclosed alleged
    alleges asserted asserts emphasized emphasised stressed stresses urged urges
    commented replied responded announced answered according
    """
)

STATUS_WORDS = _words(
    """
    member members membership ally allies alliance partner partners subject part belongs
    belong capital citizen citizens resident residents sanctioned sanctions headquartered
    based located owned owns controlled controls president chairman chairwoman chair ceo
    director minister secretary governor mayor leader head spokesman spokeswoman spokesperson
    """
)

# Role nouns only count as a status claim with a copula ("X is the mayor of Y").
ROLE_WORDS = _words(
    """
    president chairman chairwoman chair ceo director minister secretary governor mayor leader
    head spokesman spokeswoman spokesperson capital
    """
)

COPULAS = _words("is are was were has have had been remains remained became becomes serves served")

# Modal verbs and hedges: predictions and hypotheticals.
HEDGES = _words(
    """
    may might could would should will shall can likely unlikely possibly perhaps probably
    maybe expected expect expects hope hopes hoped plan plans planned intend intends aim aims
    seems seem seemed appear appears apparently potential potentially if unless whether
    suppose supposedly assume presumably rumoured rumored reportedly allegedly predicted
    forecast forecasts projected going
    """
)

# Evaluative, emotional and rhetorical vocabulary of commentary.
OPINION_WORDS = _words(
    """
    significant extraordinary important importance crucial vital essential remarkable amazing
    great wonderful terrible awful horrible shameful disgraceful outrageous ridiculous absurd
    stupid brilliant excellent fantastic incredible beautiful ugly good bad better worse
    should must ought need needs deserve deserves deserved clearly obviously undoubtedly
    certainly surely essentially arguably frankly honestly sadly unfortunately fortunately
    hopefully interestingly ironically truly really very too so cool wise wisdom
    believe believes believed think thinks thought feel feels felt opinion view views
    wishful hypocritical hypocrisy naive reckless dangerous disastrous catastrophic
    failure failed success successful irreplaceable responsible irresponsible fair unfair
    just unjust wrong right nonsense propaganda slandered smart foolish lesson lessons
    nothing everything everyone nobody anyone always never indeed
    """
)

# Words of opinion that are strong enough to sink a clause on their own.
STRONG_OPINION_WORDS = _words(
    """
    should must ought undoubtedly obviously clearly surely believe believes think thinks
    feel feels wishful nonsense shameful disgraceful outrageous ridiculous absurd stupid
    hypocritical cool wonderful terrible awful horrible amazing fantastic incredible
    """
)

FIRST_SECOND_PERSON = _words("i me my mine we us our ours you your yours let's")

# Common words that never start a named entity even when capitalised.
NOT_ENTITY = SENTENCE_OPENERS | _words(
    """
    mr mrs ms dr yes no ok okay oh well now today yesterday tomorrow monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august
    september october november december first second third
    """
)

# Words that end a clause when walking left or right from a trigger.
CLAUSE_BREAKERS = _words(
    """
    and but or nor so yet because although though while whereas whereby which who whom whose
    that if unless when whenever where wherever since until after before as however
    therefore thus hence meanwhile moreover furthermore besides otherwise
    """
)

# Prepositions that usually start an adjunct; a right-hand walk may stop before them.
PREPOSITIONS = _words(
    """
    on at in since from during after before for with by under over about against among
    between into onto through throughout toward towards upon within without despite amid
    amidst via per across beyond near
    """
)

# Prepositions and quantifiers that belong to the figure that follows them.
FIGURE_LEADERS = _words(
    """
    for in since by to from of at about around nearly almost roughly approximately some
    over under than least most only just up down more less fewer
    """
)

STOPWORDS = _words(
    """
    a an the of to in on at for from with by as and or but is are was were be been being has
    have had do does did this that these those it its his her their our your my he she they
    we i you him them us not no so than then there here which who whom whose what when where
    why how all any both each few more most other some such only own same too very can will
    just also into over under again further once about against between through during before
    after above below up down out off
    """
)

# Nouns that name a measured quantity; used to spot two figures for the same thing.
MEASURE_NOUNS = _words(
    """
    inflation unemployment growth gdp population deficit debt turnout rate rates budget price
    prices cost costs revenue revenues sales exports imports trade income wages wage salary
    salaries profit profits loss losses death deaths toll casualties injuries cases infections
    votes vote seats share stake majority capacity output production spending investment
    tax taxes tariff tariffs fine fines funding reserves emissions temperature attendance
    enrollment enrolment users customers employees workers jobs members visitors tourists
    refugees migrants arrests patients beds doses vaccinations valuation market turnover
    interest approval
    """
)

# Verbs linking a measured subject to its figure ("inflation was 5.2%").
LINKING_VERBS = _words(
    """
    is are was were be been stood stands reached reaches hit hits totalled totaled totals
    amounted amounts came comes rose fell grew climbed dropped declined increased decreased
    jumped surged slipped topped exceeded averaged accounted equalled equaled
    """
)
