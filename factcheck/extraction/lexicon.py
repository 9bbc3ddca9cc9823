"""Word lists used by the segmenter, the value parser and the scorer.

General English only: every list here should make sense for any news domain.
Everything is lower-case; lookups lower-case the token first.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def with_curly_apostrophes(text: str) -> frozenset[str]:
    """The words of ``text``, each also with a curly apostrophe: "didn't", "didn’t"."""
    return frozenset(word.replace("'", apostrophe) for word in text.split() for apostrophe in "'\u2019")


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

# Unnamed, collective sources: "critics say" cannot be checked against anyone.
VAGUE_SOURCES = _words(
    """
    critics some many most others analysts experts observers residents people campaigners
    opponents supporters sources commentators locals voters everyone everybody nobody few
    several one someone somebody mother father parent parents student students fans
    who which insiders rumours rumors
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

# Verbs of events someone could check (who met, signed, won, closed what), as base
# forms; every inflection is derived below, irregular pasts are listed beside them.
_EVENT_VERB_BASES = """
    meet visit sign invite sanction arrive announce launch elect appoint name nominate resign
    win defeat beat lose kill die injure wound arrest charge convict sentence acquit jail
    indict sue rule approve pass reject veto ban impose lift establish found open close hold
    host attend hire fire sack acquire buy sell merge invest award grant raise cut release
    fine suspend expel deport detain free capture strike attack bomb invade withdraw deploy
    ratify adopt enact introduce file publish record score finish complete start begin end
    join leave quit agree receive pay spend borrow donate fund build destroy discover find
    admit plead testify vote reelect re-elect inaugurate swear promote demote dismiss take
    give send deliver ship export import produce manufacture recall hit seize raid evacuate
    rescue collapse crash explode erupt flood break overturn uphold block cancel postpone
    delay unveil tour travel fly return congratulate condemn criticise criticize praise thank
    endorse back support oppose accuse blame convene chair lead head normalize normalise
    sever recognise recognize reach enter exit restore protest apply lend borrow survive
    move relocate shut reopen sentence halt resume strike abolish scrap repeal amend
    legislate privatise privatize nationalise nationalize lay hire cut double triple halve
    treble quadruple outnumber exceed overtake surpass lag trail top lead qualify sweep
    clinch secure claim retain crown reward allocate earmark budget collect levy tax
    vaccinate diagnose infect test treat hospitalise hospitalize admit discharge operate
    prescribe recall warn detect identify confirm deny reveal disclose report fly land
    launch orbit dock detonate sink rescue evacuate displace flee migrate settle occupy
    annex liberate surrender negotiate broker mediate host sign breach violate comply
    employ recruit train graduate enrol enroll expel suspend shutter demolish construct
    mention
    renovate expand shrink grow rise fall drop climb jump surge soar plunge slump tumble
    decline increase decrease reduce boost lower raise freeze
"""
_IRREGULAR_PASTS = """
    meet:met win:won beat:beat lose:lost hold:held found:founded buy:bought sell:sold cut:cut
    strike:struck withdraw:withdrew,withdrawn begin:began,begun leave:left quit:quit
    pay:paid spend:spent build:built find:found take:took,taken give:gave,given send:sent
    hit:hit break:broke,broken uphold:upheld fly:flew,flown lead:led swear:swore,sworn
    lay:laid lend:lent shut:shut grow:grew,grown rise:rose,risen fall:fell,fallen
    sink:sank,sunk flee:fled freeze:froze,frozen set:set put:put run:ran bet:bet
    sweep:swept forbid:forbade,forbidden seek:sought bring:brought teach:taught
    sentence:sentenced overtake:overtook,overtaken admit:admitted acquit:acquitted
    commit:committed submit:submitted permit:permitted expel:expelled cancel:cancelled,canceled
    travel:travelled,traveled transfer:transferred occur:occurred control:controlled
    patrol:patrolled label:labelled,labeled refer:referred compel:compelled
"""


def _inflections(base: str) -> set[str]:
    forms = {base}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
        if len(base) <= 4 and base[0] not in "aeiou" and base[-1] in "bdglmnprt" and base[-2] in "aeiou" and base[-3:-2] not in "aeiou":
            # "ban" -> "banned", "drop" -> "dropped", "plan" -> "planned"
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


def _event_verb_forms() -> tuple[frozenset[str], frozenset[str]]:
    """(finite forms, base forms): base forms only count as events in some contexts."""
    irregular: dict[str, list[str]] = {}
    for entry in _IRREGULAR_PASTS.split():
        base, pasts = entry.split(":")
        irregular[base] = pasts.split(",")
    finite: set[str] = set()
    bases = set(_EVENT_VERB_BASES.split())
    for base in bases:
        forms = _inflections(base)
        forms.discard(base)
        forms = {form for form in forms if not form.endswith("ing")}
        if base in irregular:
            forms = {form for form in forms if not form.endswith("ed")} | set(irregular[base])
        finite |= forms
    return frozenset(finite), frozenset(bases)


EVENT_VERBS, EVENT_VERB_BASES = _event_verb_forms()

# Common irregular past forms: any of them makes a sentence report something that happened.
IRREGULAR_PAST_FORMS = _words(
    """
    went gone came saw seen made got gotten knew known became brought bought built caught
    chose chosen drew drawn drove driven fell fallen felt fought flew flown forgot froze gave
    given grew grown heard hid held hurt kept laid led left lent lost meant met paid put quit
    ran rang rose risen sat sent set shook shot shut sang sank slept spoke spoken spent stood
    stole struck swore sworn swept swam took taken taught tore thought threw thrown understood
    woke wore won wrote written sold told found begun began broke broken withdrew withdrawn
    """
)

# Words in -ed that are usually adjectives, not past tenses.
ED_ADJECTIVES = _words(
    """
    based concerned interested detailed limited advanced experienced supposed used united
    need seed feed speed breed proceed exceed succeed indeed bed red shed wed hundred kindred
    aged alleged beloved blessed cursed crooked dogged jagged learned naked ragged rugged
    sacred wicked wretched skilled qualified talented tired worried excited pleased surprised
    shocked scared bored complicated sophisticated dedicated devoted determined disabled
    married retired unemployed embattled beleaguered troubled renewed so-called armed
    biased mixed related registered listed unprecedented undisclosed expected
    unexpected supposed coloured colored reserved reported alleged
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
    commented replied responded announced answered according called described cautioned
    concluded suggested suggests recalled recalls pledged believe believes believed think thinks
    expect expects
    promised vowed joked quipped conceded concedes retorted
    """
)

# What a law, code or policy says: "The ministerial code requires ministers to declare ...".
# "The scheme excludes anyone serving ...", "That figure includes the engineers": what a rule or a
# count covers.
RULE_VERBS = _words(
    "requires allows prohibits forbids advises recommends exempts obliges entitles mandates includes excludes"
)

STATUS_WORDS = _words(
    """
    member members membership ally allies alliance partner partners subject part belongs
    belong capital citizen citizens resident residents sanctioned sanctions headquartered
    based located owned owns controlled controls president chairman chairwoman chair ceo
    director minister secretary governor mayor leader head spokesman spokeswoman spokesperson
    illegal unlawful unconstitutional prohibited mandatory compulsory exempt needs need
    """
) | RULE_VERBS

# What a deal or a law still needs before it takes effect: "The merger needs the approval of
# the competition authority."
APPROVAL_WORDS = _words("approval approvals consent permission ratification clearance sign-off assent")

# Role nouns only count as a status claim with a copula ("X is the mayor of Y").
ROLE_WORDS = _words(
    """
    president chairman chairwoman chair ceo director minister secretary governor mayor leader
    head spokesman spokeswoman spokesperson capital
    """
)

COPULAS = _words("is are was were has have had been remain remains remained became becomes serves served")

# Modal verbs and hedges: speculation and hypotheticals. Forecasts and plans are not
# here: "the IMF forecast 3.1%" and "the plan aims to cut" are checkable attributions.
HEDGES = _words(
    """
    may might could would should can likely unlikely possibly perhaps probably maybe hope
    hopes hoped seems seem seemed appear appears apparently potential potentially if unless
    whether suppose supposedly assume presumably rumoured rumored reportedly allegedly imagine
    wonder expect expects expected
    """
)

# The plain future: "spending will rise by 18%" is an announced plan someone can hold the
# speaker to, so it weighs less than speculation.
FUTURE_MARKERS = _words("will shall 'll \u2019ll")

# Verbs of belief: "I think" is the speaker's view, "the IMF expects" an attributed forecast.
BELIEF_VERBS = _words("believe believes believed think thinks feel feels expect expects hope hopes")

# Words of obligation: a rule when said of others ("companies must notify"), a plea when
# said of "we" or "you" ("we must all do our part").
OBLIGATION_WORDS = _words("must should ought")

# Roles that name a source well enough even without a name: "a company spokesperson said".
# Researchers are a source of that kind ("scientists say warmer seas make storms more
# intense" reports a finding); critics, campaigners and forecasters are not (VAGUE_SOURCES).
SOURCE_ROLES = _words(
    """
    scientists researchers astronomers physicists biologists geologists chemists
    climatologists meteorologists seismologists epidemiologists virologists archaeologists
    historians statisticians doctors physicians judges justices inspectors
    spokesperson spokesman spokeswoman official officials minister ministry lawyer lawyers
    attorney prosecutor prosecutors police government company statement report court judge
    department agency office commission council board regulator bank president chairman
    chief director secretary mayor governor senator ambassador envoy army military
    declaration communique communiqué study survey law treaty agreement ruling judgment
    bill filing indictment lawsuit
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
    hopefully interestingly ironically truly really very too cool wise wisdom
    believe believes believed think thinks thought feel feels felt opinion view views
    wishful hypocritical hypocrisy naive reckless dangerous disastrous catastrophic
    failure failed success successful irreplaceable responsible irresponsible fair unfair
    just unjust wrong right nonsense propaganda slandered smart foolish lesson lessons
    nothing everything everyone nobody anyone always never indeed exciting interesting
    fascinating impressive disappointing surprising shocking stunning boring thrilling
    miserable dismal bleak grim dreadful appalling superb splendid glorious heated uneasy bitter enough
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

# "my mum waited nine hours", "my name is": a private life, which nobody can check.
PERSONAL_NOUNS = _words(
    """
    mum mom mother dad father parents son sons daughter daughters kids children child baby
    husband wife partner brother sister nephew niece grandmother grandfather grandson
    granddaughter grandma grandpa granddad nan aunt uncle cousin family friend friends
    neighbour neighbours neighbor neighbors name boyfriend girlfriend shop bill
    """
)

# Adverbs of frequency and generality: "science rarely settles such questions".
GENERIC_ADVERBS = _words(
    "rarely often usually mostly generally typically seldom sometimes frequently normally commonly"
)

# Sentence subjects that make a statement a generality: "Many carried signs".
VAGUE_SUBJECTS = _words(
    """
    many some few several others most critics nobody everyone everybody somebody someone people
    anyone all both fans observers analysts experts such
    what why how
    """
)

# Words that open an order or an appeal, not a statement: "Tell that to the families".
IMPERATIVE_OPENERS = _words(
    """
    tell imagine look consider remember think ask let note say take give go come listen forget
    picture compare stop try don't please
    """
)

# Verbs that open advice in a list: "• Drop to your hands and knees", "• Do not run outside".
ADVICE_VERBS = _words(
    """
    do don't never avoid keep stay check use cover wash make get turn switch wear find visit
    contact follow drop hold call bring pack leave move protect seek read sign register apply
    """
)

# Characters that open an item of a list: "• A ban on imports", "- Shoplifting: up 27%".
LIST_BULLETS = frozenset("-*\u2022\u2013\u2014\u00b7\u25aa\u25cf")

# Nouns whose following number is a label, not a quantity: "Fig. 3", "Route 66".
IDENTIFIER_NOUNS = _words(
    """
    fig figure table no number article section chapter page p pp room route flight bus
    platform gate exhibit appendix item clause paragraph para amendment resolution
    episode volume vol version question channel motion petition call dial incident case ref reference
    game
    """
)

# Common words that never start a named entity even when capitalised.
NOT_ENTITY = SENTENCE_OPENERS | _words(
    """
    mr mrs ms dr yes no ok okay oh well now today yesterday tomorrow monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august
    september october november december first second third jan feb mar apr jun jul aug sep
    sept oct nov dec mon tue wed thu fri sat sun live update breaking watch
    """
)

# Words that end a clause when walking left or right from a trigger.
CLAUSE_BREAKERS = _words(
    """
    and but or nor so yet because although though while whereas whereby which who whom whose
    that if unless when whenever where wherever since until after before however
    therefore thus hence meanwhile moreover furthermore besides otherwise
    """
)

# Prepositions that usually start an adjunct; a right-hand walk may stop before them.
PREPOSITIONS = _words(
    """
    on at in since from during after before for with by under over about against among
    between into onto through throughout toward towards upon within without despite amid
    amidst via per across beyond near as
    """
)

# Prepositions and quantifiers that belong to the figure that follows them.
FIGURE_LEADERS = _words(
    """
    for in since by to from of at about around nearly almost roughly approximately some
    over under than least most only just up down more less fewer until till as
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

# Words in -est that are not superlatives.
EST_EXCEPTIONS = frozenset(
    """
    interest interests protest protests request requests contest contests forest forests
    harvest conquest manifest arrest arrests suggest invest honest modest earnest digest
    guest guests chest nest rest test tests quest west best latest rest unrest biggest
    southwest northwest midwest priest priests behest inquest pest
    """.split()
)

# Nouns after "record" that make it a record figure: "a record high".
RECORD_FOLLOWERS = frozenset(
    "high low highs lows number numbers level levels year turnout amount profit profits temperature temperatures sales time".split()
)

# Words that open the items of a list ("First, ...").
ENUMERATION_ORDINALS = frozenset("first second third fourth fifth firstly secondly thirdly finally".split())

# Subjects of "says"/"shows" that are not a source at all: "This shows".
NON_PERSON_SUBJECTS = frozenset("this that it its these those which what that's it's there".split())

# Determiners of an unnamed source: "a counsellor", "one father", "some experts".
INDEFINITES = frozenset("a an one some many several few most every".split())

# Words of photo credits and captions.
CAPTION_WORDS = frozenset(
    """
    photo photos file data picture pictures image images getty reuters afp ap epa xinhua
    caption efe dpa anp ansa tass pa shutterstock alamy courtesy handout
    """.split()
)

# Words that make a figure a forecast, a target or a change rather than a reported level.
NOT_ACTUAL_LEVEL = frozenset(
    """
    forecast forecasts forecasted projected projection expected expects expect target targets
    aim aims goal will would could may might plan plans planned estimate estimated predicted
    rose fell grew increased decreased dropped climbed jumped declined up down from by than
    """.split()
)

# Words of holding an office: a duration near them is a tenure.
OFFICE_WORDS = frozenset(
    """
    office power president presidential presidency chair rule ruled rules ruling led leads leader
    leadership helm term terms reign reigned charge government premier prime minister chancellor
    mayor governor seat post head ceo coach manager captain party throne incumbent served serving
    serves in_office elected
    """.split()
)

# Nouns read as the unit of a bare number ("40,000 children").
QUANTITY_UNITS = frozenset(
    """
    km kilometres kilometers kilometre kilometer miles mile metres meters metre meter m cm mm
    kg kilograms kilos tonnes tons tonne ton pounds lbs lb litres liters gallons barrels
    hectares acres square mw gw kw kwh mwh gwh degrees people persons residents voters votes
    seats members troops soldiers deaths dead cases patients doses jobs workers employees
    students children adults women men homes houses units vehicles cars flights passengers
    visitors tourists migrants refugees countries states cities projects companies firms
    schools hospitals beds points goals runs wickets games matches medals titles wins
    """.split()
)

# Words before a bare month name that make it a date: "in July", "since March".
MONTH_CONTEXT = frozenset("in since until till by from during early late mid last next this of before after".split())

# Words before a weekday that make it a date: "on Sunday", "last Tuesday".
WEEKDAY_CONTEXT = frozenset("on last next this by until till from since early late".split())
