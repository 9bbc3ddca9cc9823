"""Fill a database with synthetic but realistic ledger data for benchmarks.

    manage.py generate_bench_data --articles 5000 --claims-per-article 20 --published-share 0.2

Articles are made of varied sentences about invented places and people; each claim is a key
phrase inside one of those sentences, with its sentence span, context and normalised values,
exactly as extraction would store it. A share of the claims is published with a rated verdict,
sources, an explanation and sometimes a correction; the rest is spread over the review states
(with draft verdicts, internal notes and assignees, so visibility leaks would show). One extra
article carries 50 published claims for the article-page benchmark.

Rows are written with bulk_create in batches (no history rows, no extraction run), so
100,000 claims take well under a minute on SQLite. Bench articles have slugs starting with
"bench-"; the command refuses to mix them into a database holding other articles unless --force.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import timezone as dt_timezone
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.db.models import OuterRef, Subquery
from django.utils.text import slugify

from factcheck.ledger import bump_cache_generation
from factcheck.models import (
    ANCHOR_CONTEXT_LENGTH,
    Article,
    Claim,
    PublicSearchEntry,
    ClaimOrigin,
    ClaimSource,
    ClaimStatus,
    Correction,
    DismissalReason,
    Note,
    Rating,
    Source,
    SourceKind,
    Verdict,
    content_hash,
)

BENCH_SLUG_PREFIX = "bench-"
LONG_ARTICLE_SLUG = "bench-long-article"
ARTICLES_PER_BATCH = 250
SOURCE_POOL_SIZE = 3000
CORRECTED_SHARE = 0.05
PERIOD_DAYS = 3 * 365

CITIES = [
    "Northbridge", "Port Alder", "Eastmoor", "Kelby", "Marrow Bay", "Oakhurst", "Lindenfeld", "Saltcombe",
    "Brennick", "Fairhollow", "Westreach", "Carrow", "Dunmere", "Hollins", "Ravensby", "Tamsworth",
    "Glenvale", "Ashcombe", "Merriton", "Stonebury", "Ellisport", "Varnholm", "Quillby", "Redmarsh",
]
REGIONS = ["the northern region", "the coastal provinces", "the capital district", "the eastern valleys", "the lake counties"]
FIRST_NAMES = [
    "Maria", "Jonas", "Aisha", "Tomasz", "Elena", "Samuel", "Priya", "Lars", "Fatima", "Daniel", "Ingrid",
    "Kwame", "Sofia", "Mateo", "Hannah", "Yusuf", "Clara", "Viktor", "Amara", "Oskar", "Leila", "Hugo",
    "Nadia", "Felix", "Irene", "Rafael", "Greta", "Omar", "Lucia", "Anton",
]
LAST_NAMES = [
    "Jensen", "Okafor", "Novak", "Lindqvist", "Moreau", "Haddad", "Brennan", "Kowalski", "Fischer", "Mensah",
    "Rossi", "Takahashi", "Petrov", "Almeida", "Nakamura", "Schmidt", "Oyelaran", "Varga", "Costa", "Hale",
    "Berg", "Duarte", "Ivanova", "Quinn", "Sandoval", "Weiss", "Adeyemi", "Lund", "Marchetti", "Reyes",
]
OFFICES = [
    "Finance Minister", "Health Minister", "Prime Minister", "opposition leader", "Education Minister",
    "Transport Minister", "Energy Minister", "central bank governor", "mayor", "party spokesperson",
    "Interior Minister", "trade union leader", "chamber of commerce president", "police commissioner",
]
OUTLET_WORDS = [
    ("The", "Herald"), ("The", "Courier"), ("The", "Gazette"), ("The", "Chronicle"), ("The", "Observer"),
    ("", "Daily News"), ("", "Evening Post"), ("The", "Ledger"), ("", "Radio News"), ("The", "Tribune"),
]
PUBLISHERS = [
    ("National Statistics Office", SourceKind.STATISTICS), ("Central Bank", SourceKind.STATISTICS),
    ("Ministry of Health", SourceKind.PRIMARY), ("Ministry of Finance", SourceKind.PRIMARY),
    ("Parliament record", SourceKind.PRIMARY), ("Electoral Commission", SourceKind.PRIMARY),
    ("University Institute for Economic Research", SourceKind.EXPERT), ("Public Health Agency", SourceKind.STATISTICS),
    ("Environment Agency", SourceKind.STATISTICS), ("Court of Audit", SourceKind.PRIMARY),
    ("Regional Press Agency", SourceKind.NEWS), ("Energy Regulator", SourceKind.STATISTICS),
    ("Transport Authority", SourceKind.STATISTICS), ("Housing Observatory", SourceKind.EXPERT),
]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
]
ORDINALS = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "tenth"]

# Topic: (subjects measured in percent, things that cost money, things counted, headline nouns)
TOPICS: dict[str, dict[str, list[str]]] = {
    "economy": {
        "rates": ["inflation", "unemployment", "the jobless rate among young people", "economic growth", "the budget deficit"],
        "spend": ["public investment", "tax relief for small firms", "the wage subsidy scheme", "export credits"],
        "counts": ["new businesses", "jobs", "bankruptcies", "work permits"],
        "heads": ["Prices", "Jobs", "Budget", "Growth", "Wages"],
    },
    "health": {
        "rates": ["the vaccination rate", "hospital bed occupancy", "the smoking rate", "waiting-list growth"],
        "spend": ["the hospital building programme", "mental health services", "the new cancer centre"],
        "counts": ["nurses", "doctors", "hospital admissions", "ambulance call-outs"],
        "heads": ["Hospitals", "Waiting lists", "Vaccines", "Care"],
    },
    "education": {
        "rates": ["the graduation rate", "teacher vacancies", "school attendance", "the share of pupils reading at grade level"],
        "spend": ["school meals", "the teacher pay rise", "university grants"],
        "counts": ["teachers", "pupils", "new schools", "university places"],
        "heads": ["Schools", "Teachers", "Exams", "Universities"],
    },
    "environment": {
        "rates": ["carbon emissions", "the recycling rate", "renewable power's share of electricity", "forest cover"],
        "spend": ["flood defences", "the insulation programme", "electric bus subsidies"],
        "counts": ["wind turbines", "electric cars", "hectares of forest", "polluted rivers"],
        "heads": ["Climate", "Emissions", "Energy", "Rivers"],
    },
    "crime": {
        "rates": ["the burglary rate", "violent crime", "the clearance rate for thefts", "reoffending"],
        "spend": ["police overtime", "new prison places", "the victims' fund"],
        "counts": ["police officers", "burglaries", "arrests", "prison places"],
        "heads": ["Crime", "Police", "Courts", "Prisons"],
    },
    "housing": {
        "rates": ["rents", "house prices", "mortgage rates", "the share of empty homes"],
        "spend": ["social housing", "the first-buyer grant", "homelessness services"],
        "counts": ["new homes", "building permits", "evictions", "social housing units"],
        "heads": ["Housing", "Rents", "Homes", "Mortgages"],
    },
    "transport": {
        "rates": ["train punctuality", "road deaths", "bus ridership", "fuel prices"],
        "spend": ["the rail tunnel", "road repairs", "the new tram line"],
        "counts": ["train cancellations", "kilometres of cycle lanes", "bus routes", "road accidents"],
        "heads": ["Trains", "Roads", "Buses", "Commuters"],
    },
}
RISE = ["rose", "climbed", "increased", "jumped"]
FALL = ["fell", "dropped", "declined", "sank"]
SAID = ["said", "told reporters", "claimed", "stated", "told parliament", "wrote on social media"]
FILLER = [
    "Critics called the plan reckless and badly timed.",
    "Supporters say the policy is finally working.",
    "The debate is expected to continue for months.",
    "Not everyone agrees with that reading of the figures.",
    "The situation remains complicated.",
    "Residents interviewed on Tuesday were divided.",
    "Is this really the best the country can do?",
    "Some economists urged caution about drawing conclusions too early.",
    "The opposition promised to raise the issue again next week.",
    "Officials declined to comment further.",
    "Local businesses said they were watching closely.",
    "It was, by any measure, a tense session.",
    "The numbers may change when final data are published.",
    "Observers described the mood as cautiously optimistic.",
]
EXPLAIN_VERDICT = {
    "true": "The figure matches the official data exactly.",
    "mostly-true": "The figure is right, but it leaves out context that changes how it reads.",
    "half-true": "Part of the claim is accurate; the comparison it draws is not.",
    "misleading": "The number is real, but it is used to suggest a trend the data do not show.",
    "mostly-false": "Only a small part of the claim is supported by the data.",
    "false": "The official data show a clearly different figure.",
    "unverifiable": "No public data allow the claim to be checked either way.",
}
# How verdicts spread over the scale: real ledgers lean towards the false end.
RATING_WEIGHTS = {"true": 14, "mostly-true": 16, "half-true": 18, "misleading": 14, "mostly-false": 16, "false": 17, "unverifiable": 5}
UNPUBLISHED_STATES = [
    (ClaimStatus.NEW, 70), (ClaimStatus.RESEARCH, 10), (ClaimStatus.REVIEW, 5),
    (ClaimStatus.APPROVED, 3), (ClaimStatus.DISMISSED, 12),
]


@dataclass
class ClaimDraft:
    """A claim still being assembled, before its article has an id."""

    start: int
    end: int
    quote: str
    sentence_start: int
    sentence_end: int
    kind: str
    values: list[dict[str, Any]]
    claim_as_checked: str
    claimant: str
    topic: str


@dataclass
class ArticleDraft:
    title: str
    slug: str
    outlet: str
    author: str
    url: str
    published_on: date
    body: str
    claims: list[ClaimDraft] = field(default_factory=list)
    force_published: bool = False


def value(kind: str, text: str, offset: int, number: float | None = None, unit: str | None = None,
          currency: str | None = None, when: str | None = None) -> dict[str, Any]:
    return {"kind": kind, "text": text, "start": offset, "end": offset + len(text), "number": number,
            "unit": unit, "currency": currency, "date": when}


class TextFactory:
    """Varied article text with claims anchored in it, from one seeded random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.people = [f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES]
        self.outlets = [
            f"{prefix} {city} {noun}".strip() for city in CITIES for prefix, noun in OUTLET_WORDS
        ][:60]

    def person(self) -> tuple[str, str]:
        return self.rng.choice(self.people), self.rng.choice(OFFICES)

    def key_phrase(self, topic: str, year: int, claimant: str) -> tuple[str, str, list[tuple[str, str, dict]], str]:
        """(kind, phrase, [(value text, kind, extras)], claim as checked) for one checkable fact."""
        rng, words = self.rng, TOPICS[topic]
        city = rng.choice(CITIES)
        kind = rng.choice(["percentage", "percentage", "money", "quantity", "quantity", "duration",
                           "ordinal", "superlative", "date", "comparison", "quotation"])
        if kind == "percentage":
            pct = f"{rng.uniform(0.3, 48):.1f}%"
            subject = rng.choice(words["rates"])
            verb = rng.choice(RISE + FALL)
            phrase = f"{subject} in {city} {verb} to {pct} in {year}"
            vals = [(pct, "percentage", {"number": float(pct[:-1]), "unit": "%"}), (str(year), "year", {"number": float(year), "when": str(year)})]
        elif kind == "money":
            amount = rng.choice([rng.randint(2, 950), round(rng.uniform(1.1, 48.0), 1)])
            scale = rng.choice(["million", "billion"])
            text = f"€{amount} {scale}"
            phrase = f"the government spent {text} on {rng.choice(words['spend'])} in {year}"
            number = float(amount) * (1e6 if scale == "million" else 1e9)
            vals = [(text, "money", {"number": number, "currency": "EUR"}), (str(year), "year", {"number": float(year), "when": str(year)})]
        elif kind == "quantity":
            count = rng.randint(120, 98000)
            text = f"{count:,}"
            verb = rng.choice(["more", "fewer"])
            phrase = f"there were {text} {verb} {rng.choice(words['counts'])} in {city} than a year earlier"
            vals = [(text, "number", {"number": float(count)})]
        elif kind == "duration":
            years = rng.randint(3, 31)
            text = f"{years} years"
            name, office = self.person()
            phrase = f"{name} has served as {office} for {text}"
            vals = [(text, "duration", {"number": float(years), "unit": "year"})]
        elif kind == "ordinal":
            ordinal = rng.choice(ORDINALS)
            phrase = f"this is the {ordinal} year in a row that {rng.choice(words['rates'])} has gone up"
            vals = [(ordinal, "ordinal", {"number": float(ORDINALS.index(ordinal) + 2)})]
        elif kind == "superlative":
            since = year - rng.randint(8, 60)
            phrase = f"{city} recorded the highest {rng.choice(words['rates'])} since {since}"
            vals = [(str(since), "year", {"number": float(since), "when": str(since)})]
        elif kind == "date":
            month = rng.choice(MONTHS)
            phrase = f"the new law on {rng.choice(words['spend'])} came into force in {month} {year}"
            vals = [(f"{month} {year}", "date", {"when": f"{year}-{MONTHS.index(month) + 1:02d}"})]
        elif kind == "comparison":
            factor = rng.choice(["twice", "three times", "half", "four times"])
            since = year - rng.randint(2, 20)
            phrase = f"{rng.choice(words['counts'])} in {city} are {factor} the level of {since}"
            vals = [(str(since), "year", {"number": float(since), "when": str(since)})]
        else:
            pct = f"{rng.randint(2, 30)}%"
            speaker, office = self.person()
            phrase = f"{office} {speaker} said that {rng.choice(words['rates'])} would fall by {pct} before {year + 2}"
            vals = [(pct, "percentage", {"number": float(pct[:-1]), "unit": "%"}),
                    (str(year + 2), "year", {"number": float(year + 2), "when": str(year + 2)})]
        checked = phrase[0].upper() + phrase[1:] + "."
        return kind, phrase, vals, checked

    def article(self, number: int, published_on: date, claim_count: int, slug: str = "") -> ArticleDraft:
        rng = self.rng
        topic = rng.choice(list(TOPICS))
        city = rng.choice(CITIES)
        outlet = rng.choice(self.outlets)
        head = rng.choice(TOPICS[topic]["heads"])
        title = rng.choice([
            f"{head} in {city}: what the latest figures show",
            f"{head} dominate debate as {city} council meets",
            f"Minister defends record on {head.lower()} in {rng.choice(REGIONS)}",
            f"{head}: claims and counter-claims in {city}",
            f"Fact or fiction? The numbers behind the {head.lower()} row",
        ])
        slug = slug or f"{BENCH_SLUG_PREFIX}{number:06d}-{slugify(title)}"[:120].rstrip("-")
        draft = ArticleDraft(
            title=title, slug=slug, outlet=outlet, author=rng.choice(self.people),
            url=f"https://news.example.org/{slugify(outlet)}/{published_on:%Y/%m}/{number}",
            published_on=published_on, body="",
        )
        parts: list[str] = []
        length = 0
        year = published_on.year - rng.choice([0, 0, 1])
        paragraph_size = 0
        for index in range(claim_count):
            for _ in range(rng.choice([0, 0, 1, 1, 2])):
                length = self._append(parts, length, rng.choice(FILLER))
                paragraph_size += 1
            if paragraph_size >= 4:
                parts.append("\n\n")
                length += 2
                paragraph_size = 0
            name, office = self.person()
            claimant = rng.choice([name, name, outlet])
            kind, phrase, vals, checked = self.key_phrase(topic, year, claimant)
            who = f"{office.capitalize() if office[0].islower() else office} {name}" if claimant == name else "The report"
            lead, tail = rng.choice([
                (f"{who} {rng.choice(SAID)} that ", "."),
                ("According to official figures, ", "."),
                ("", f", {who.lower() if who == 'The report' else who} {rng.choice(SAID)}."),
                (rng.choice(["Figures released on Monday show that ", "The latest annual report found that "]), "."),
            ])
            if not lead:
                phrase = phrase[0].upper() + phrase[1:]
            sentence = lead + phrase + tail
            sentence_start = length + (1 if parts and not parts[-1].endswith("\n") else 0)
            length = self._append(parts, length, sentence)
            start = sentence_start + len(lead)
            values = []
            for text, value_kind, extras in vals:
                position = phrase.find(text)
                if position >= 0:
                    values.append(value(value_kind, text, start + position, extras.get("number"), extras.get("unit"),
                                        extras.get("currency"), extras.get("when")))
            draft.claims.append(ClaimDraft(
                start=start, end=start + len(phrase), quote=phrase, sentence_start=sentence_start,
                sentence_end=sentence_start + len(sentence), kind=kind, values=values,
                claim_as_checked=checked, claimant=claimant, topic=topic,
            ))
            paragraph_size += 1
        for _ in range(rng.randint(1, 3)):
            length = self._append(parts, length, rng.choice(FILLER))
        draft.body = "".join(parts)
        return draft

    @staticmethod
    def _append(parts: list[str], length: int, sentence: str) -> int:
        if parts and not parts[-1].endswith("\n"):
            parts.append(" ")
            length += 1
        parts.append(sentence)
        return length + len(sentence)


class Command(BaseCommand):
    help = "Fill the database with synthetic articles, claims, verdicts and sources for benchmarks."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--articles", type=int, default=5000, help="How many articles (default 5000).")
        parser.add_argument("--claims-per-article", type=int, default=20, help="Claims in each article (default 20).")
        parser.add_argument("--published-share", type=float, default=0.2,
                            help="Share of claims with a published verdict, 0 to 1 (default 0.2).")
        parser.add_argument("--long-article-claims", type=int, default=50,
                            help="Published claims in one extra article for the article-page benchmark (0: none).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed: the same seed gives the same data.")
        parser.add_argument("--force", action="store_true",
                            help="Add bench data even though the database holds other articles.")

    def handle(self, *args: Any, **options: Any) -> None:
        articles, per_article = options["articles"], options["claims_per_article"]
        share, long_claims = options["published_share"], options["long_article_claims"]
        if articles < 0 or per_article < 0 or long_claims < 0:
            raise CommandError("--articles, --claims-per-article and --long-article-claims must be 0 or more.")
        if not 0 <= share <= 1:
            raise CommandError(f"--published-share must be between 0 and 1 (got {share}); 0.2 means one claim in five.")
        if not Rating.objects.exists():
            raise CommandError("The rating scale is missing: run `manage.py migrate` first.")
        others = Article.objects.exclude(slug__startswith=BENCH_SLUG_PREFIX).count()
        if others and not options["force"]:
            raise CommandError(
                f"This database already holds {others} article(s) that are not bench data. Point DATABASE_URL at "
                "an empty database, or pass --force to mix bench data into it."
            )
        started = time.monotonic()
        generator = BenchGenerator(random.Random(options["seed"]), share, self.stdout)
        generator.run(articles, per_article, long_claims)
        # bulk_create sends no post_save signals: tell cached public pages that everything changed.
        bump_cache_generation()
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            # After a bulk load the visibility map is empty and statistics stale: counts would read
            # every heap page (50 ms instead of 5 ms at 100,000 claims) until autovacuum gets to it.
            self.stdout.write("  VACUUM ANALYZE...")
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(
            f"Generated {generator.totals['articles']:,} articles, {generator.totals['claims']:,} claims "
            f"({generator.totals['published']:,} published, {generator.totals['corrections']:,} corrected), "
            f"{generator.totals['verdicts']:,} verdicts, {generator.totals['claim_sources']:,} source links "
            f"in {elapsed:.1f}s."
        ))


class BenchGenerator:
    def __init__(self, rng: random.Random, published_share: float, stdout: Any) -> None:
        self.rng = rng
        self.share = published_share
        self.stdout = stdout
        self.text = TextFactory(rng)
        self.ratings = {rating.slug: rating for rating in Rating.objects.all()}
        slugs = [slug for slug in RATING_WEIGHTS if slug in self.ratings] or list(self.ratings)
        self.rating_slugs = slugs
        self.rating_weights = [RATING_WEIGHTS.get(slug, 10) for slug in slugs]
        self.today = date.today()
        self.now = datetime.now(dt_timezone.utc)
        self.totals = dict.fromkeys(["articles", "claims", "published", "corrections", "verdicts", "claim_sources"], 0)

    def users(self) -> tuple[list[Any], list[Any]]:
        User = get_user_model()

        def bench_user(username: str) -> Any:
            user, created = User.objects.get_or_create(username=username, defaults={"email": f"{username}@bench.invalid"})
            if created:
                user.set_unusable_password()
                user.save(update_fields=["password"])
            return user

        reviewers = [bench_user(f"bench-reviewer-{n}") for n in range(1, 6)]
        editors = [bench_user(f"bench-editor-{n}") for n in range(1, 4)]
        return reviewers, editors

    def sources(self) -> list[Source]:
        existing = list(Source.objects.filter(url__startswith="https://data.example.org/bench/"))
        if existing:
            return existing
        rng, sources = self.rng, []
        for n in range(SOURCE_POOL_SIZE):
            publisher, kind = rng.choice(PUBLISHERS)
            topic = rng.choice(list(TOPICS))
            subject = rng.choice(TOPICS[topic]["rates"] + TOPICS[topic]["counts"])
            year = self.today.year - rng.randint(0, 4)
            url = f"https://data.example.org/bench/{slugify(publisher)}/{topic}/{n}"
            published_on = date(year, rng.randint(1, 12), rng.randint(1, 28))
            sources.append(Source(
                url=url, title=f"{subject[0].upper() + subject[1:]}: annual report {year}", publisher=publisher,
                published_on=min(published_on, self.today), accessed_on=self.today - timedelta(days=rng.randint(1, 400)),
                archive_url=f"https://web.archive.org/web/{year}0101000000/{url}" if rng.random() < 0.6 else "",
                excerpt=f"Table {rng.randint(1, 30)}: {subject} by region, {year}.", kind=kind,
            ))
        return Source.objects.bulk_create(sources, batch_size=1000)

    def run(self, article_count: int, per_article: int, long_claims: int) -> None:
        self.reviewers, self.editors = self.users()
        self.source_pool = self.sources()
        offset = Article.objects.filter(slug__startswith=BENCH_SLUG_PREFIX).count()
        specs: list[tuple[int, int, str]] = [(offset + n + 1, per_article, "") for n in range(article_count)]
        if long_claims and not Article.objects.filter(slug=LONG_ARTICLE_SLUG).exists():
            specs.insert(0, (offset, long_claims, LONG_ARTICLE_SLUG))
        started = time.monotonic()
        for first in range(0, len(specs), ARTICLES_PER_BATCH):
            batch = specs[first : first + ARTICLES_PER_BATCH]
            drafts = []
            for number, claim_count, slug in batch:
                published_on = self.today - timedelta(days=self.rng.randint(1, PERIOD_DAYS))
                draft = self.text.article(number, published_on, claim_count, slug)
                draft.force_published = bool(slug)
                drafts.append(draft)
            with transaction.atomic():
                self.write_batch(drafts)
            done = min(first + ARTICLES_PER_BATCH, len(specs))
            self.stdout.write(
                f"  {done:>7,}/{len(specs):,} articles  {self.totals['claims']:>9,} claims  "
                f"{time.monotonic() - started:6.1f}s"
            )

    def write_batch(self, drafts: list[ArticleDraft]) -> None:
        rng = self.rng
        articles = Article.objects.bulk_create([
            Article(title=d.title, slug=d.slug, outlet=d.outlet, author=d.author, url=d.url,
                    published_on=d.published_on, language="en", body=d.body, content_hash=content_hash(d.body))
            for d in drafts
        ])
        claims: list[Claim] = []
        plans: list[tuple[str, ClaimDraft, date]] = []
        for article, draft in zip(articles, drafts, strict=True):
            for c in draft.claims:
                published = draft.force_published or rng.random() < self.share
                status = ClaimStatus.PUBLISHED if published else rng.choices(
                    [s for s, _ in UNPUBLISHED_STATES], [w for _, w in UNPUBLISHED_STATES])[0]
                prefix, suffix = (draft.body[max(0, c.start - ANCHOR_CONTEXT_LENGTH) : c.start],
                                  draft.body[c.end : c.end + ANCHOR_CONTEXT_LENGTH])
                worked_on = status not in {ClaimStatus.NEW, ClaimStatus.DISMISSED}
                claims.append(Claim(
                    article_id=article.pk, start=c.start, end=c.end, quote=c.quote, prefix=prefix, suffix=suffix,
                    sentence_start=c.sentence_start, sentence_end=c.sentence_end, kind=c.kind,
                    score=round(rng.uniform(0.55, 0.97) if worked_on or published else rng.uniform(0.1, 0.9), 3),
                    values=c.values, claim_as_checked=c.claim_as_checked if worked_on or published else "",
                    claimant=c.claimant if worked_on or published else article.outlet,
                    origin=ClaimOrigin.EXTRACTED if rng.random() < 0.9 else ClaimOrigin.REVIEWER,
                    status=status,
                    dismissal_reason=rng.choice(DismissalReason.values) if status == ClaimStatus.DISMISSED else "",
                    assignee_id=rng.choice(self.reviewers).pk if worked_on and status != ClaimStatus.PUBLISHED else None,
                    version=rng.randint(4, 12) if worked_on else 1,
                ))
                plans.append((status, c, draft.published_on))
        claims = Claim.objects.bulk_create(claims, batch_size=2000)
        self.totals["articles"] += len(articles)
        self.totals["claims"] += len(claims)

        verdicts, notes, links, corrections_for = [], [], [], []
        published_ids: list[int] = []
        for claim, (status, draft, published_on) in zip(claims, plans, strict=True):
            if status in {ClaimStatus.NEW, ClaimStatus.DISMISSED}:
                continue
            author = rng.choice(self.reviewers)
            editor = rng.choice(self.editors)
            rating = self.ratings[rng.choices(self.rating_slugs, self.rating_weights)[0]]
            explanation = self.explanation(draft, rating)
            if status != ClaimStatus.PUBLISHED:
                approved = status == ClaimStatus.APPROVED
                verdicts.append(Verdict(
                    claim_id=claim.pk, number=1, is_current=True, rating_id=rating.pk,
                    explanation="DRAFT, not for publication. " + explanation, author_id=author.pk,
                    approved_by_id=editor.pk if approved else None,
                    approved_at=self.moment(published_on, 2) if approved else None,
                    claim_as_checked=draft.claim_as_checked if approved else "",
                    claimant=draft.claimant if approved else "", kind=draft.kind if approved else "",
                ))
                notes.append(Note(claim_id=claim.pk, author_id=author.pk, body=f"INTERNAL: still waiting for the {rng.choice(PUBLISHERS)[0]} to reply."))
                continue
            published_at = self.moment(published_on, rng.randint(1, 20))
            corrected = rng.random() < CORRECTED_SHARE
            published_ids.append(claim.pk)
            if corrected:
                old_rating = self.ratings[rng.choice(self.rating_slugs)]
                verdicts.append(Verdict(
                    claim_id=claim.pk, number=1, is_current=False, rating_id=old_rating.pk,
                    explanation=self.explanation(draft, old_rating),
                    claim_as_checked=draft.claim_as_checked, claimant=draft.claimant, kind=draft.kind, author_id=author.pk,
                    approved_by_id=editor.pk, approved_at=published_at - timedelta(hours=2), published_at=published_at,
                ))
                published_at = min(published_at + timedelta(days=rng.randint(2, 40)), self.now - timedelta(minutes=1))
                corrections_for.append((claim, old_rating, rating, published_at, author))
            verdicts.append(Verdict(
                claim_id=claim.pk, number=2 if corrected else 1, is_current=True, rating_id=rating.pk,
                explanation=explanation, claim_as_checked=draft.claim_as_checked, claimant=draft.claimant, kind=draft.kind,
                author_id=author.pk, approved_by_id=editor.pk, approved_at=published_at - timedelta(hours=2), published_at=published_at,
            ))
            for order, source in enumerate(rng.sample(self.source_pool, rng.randint(1, 4)), start=1):
                links.append(ClaimSource(claim_id=claim.pk, source_id=source.pk, order=order, added_by_id=author.pk,
                                         note=f"Shows {rng.choice(['the annual figure', 'the regional breakdown', 'the trend since 2015', 'the official definition'])}."))
        verdicts = Verdict.objects.bulk_create(verdicts, batch_size=2000)
        Note.objects.bulk_create(notes, batch_size=2000)
        ClaimSource.objects.bulk_create(links, batch_size=2000)
        if corrections_for:
            current = {v.claim_id: v for v in verdicts if v.is_current}
            Correction.objects.bulk_create([
                Correction(
                    claim_id=claim.pk, verdict_id=current[claim.pk].pk, author_id=editor_or_author.pk, published_at=when,
                    what_changed=f"Rating changed from “{old}” to “{new}”.",
                    reason="A reader pointed us to revised official figures published after our check.",
                )
                for claim, old, new, when, editor_or_author in corrections_for
            ])
        if published_ids:
            Claim.objects.filter(pk__in=published_ids).update(
                published_verdict=Subquery(
                    Verdict.objects.filter(claim=OuterRef("pk"), is_current=True).values("pk")[:1]
                )
            )
            self.set_first_published(published_ids)
            current = {v.claim_id: v for v in verdicts if v.is_current}
            public = set(published_ids)
            PublicSearchEntry.objects.bulk_create(
                [PublicSearchEntry(claim_id=claim.pk, text=PublicSearchEntry.text_for(claim, current[claim.pk]))
                 for claim in claims if claim.pk in public],
                batch_size=2000,
            )
            # added_at is stamped "now" on insert; public pages list only sources added by approval.
            ClaimSource.objects.filter(claim_id__in=published_ids).update(
                added_at=Subquery(
                    Verdict.objects.filter(claim=OuterRef("claim_id"), number=1).values("approved_at")[:1]
                )
            )
        self.totals["published"] += len(published_ids)
        self.totals["corrections"] += len(corrections_for)
        self.totals["verdicts"] += len(verdicts)
        self.totals["claim_sources"] += len(links)

    def set_first_published(self, claim_ids: list[int]) -> None:
        # One UPDATE per claim would be slow: copy the first version's publication time in one statement.
        Claim.objects.filter(pk__in=claim_ids).update(
            first_published_at=Subquery(
                Verdict.objects.filter(claim=OuterRef("pk"), number=1).values("published_at")[:1]
            )
        )

    def moment(self, day: date, days_later: int) -> datetime:
        when = datetime.combine(day + timedelta(days=days_later), datetime.min.time(), tzinfo=dt_timezone.utc)
        when += timedelta(seconds=self.rng.randint(7 * 3600, 20 * 3600))
        return min(when, self.now - timedelta(minutes=self.rng.randint(5, 600)))

    def explanation(self, draft: ClaimDraft, rating: Rating) -> str:
        publisher = self.rng.choice(PUBLISHERS)[0]
        verdict = EXPLAIN_VERDICT.get(rating.slug, "We compared the claim with the available data.")
        return (
            f"{draft.claimant} said {draft.quote}.\n\n"
            f"We checked the figure against data from the **{publisher}**. {verdict}\n\n"
            f"- What was said: “{draft.quote}”\n"
            f"- What the data show: see the sources below.\n"
        )
