"""The public ledger's read side, shared by the public pages, the feed, the sitemap and the API.

Everything here starts from `Claim.objects.published()` and shows the *published* verdict and its
snapshot (`claim_as_checked`, `claimant` frozen at approval), never the draft a correction is
preparing. Stable interface:

- `published_claims()`: the base queryset (article and published verdict's rating joined), newest first
- `ClaimFilterForm` + `filter_claims(queryset, form)`: the filters of `/claims/` and `/api/claims`
- `claim_review(claim, *, request=None)`: the schema.org ClaimReview object of a published claim
- `public_claim_url(claim)`: a claim's public URL (the same as `claim.get_absolute_url()`, without a
  reverse() per claim); the slug comes from the published wording, never a draft
- `public_claim_sources()`, `public_corrections()`: what a claim page may list
- `cache_generation()` / `bump_cache_generation()`: the version of everything public, bumped on
  every write that can change a public page (see `factcheck.signals`)
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime
from typing import Any
from urllib.parse import urljoin

from django import forms
from django.conf import settings
from django.core.cache import caches
from django.core.paginator import Page, Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, F, Q, QuerySet, Value
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import _json_script_escapes
from django.utils.safestring import SafeString, mark_safe
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.text import Truncator

from factcheck.extraction import ClaimKind
from factcheck.models import Claim, ClaimSource, Correction, MatchKey, PublicSearchEntry, Rating, Verdict

CLAIM_REVIEWED_MAX = 74  # Google asks for under 75 characters.
CACHE_ALIAS = "ledger"
GENERATION_KEY = "ledger:generation"
SEARCH_MAX_LENGTH = 200


def published_claims() -> QuerySet[Claim]:
    """Every published claim, newest first, with what a list row shows already joined.

    The article's body is deferred (lists never show it); call `.defer(None)` or fetch the article
    separately before using `claim.sentence` on many rows.
    """
    return (
        Claim.objects.published()
        .select_related("article", "published_verdict__rating")
        .defer("article__body", "values")
        .order_by("-first_published_at", "-pk")
    )


# --- filters -----------------------------------------------------------------------------------


class ClaimFilterForm(forms.Form):
    """The ledger's filters; bind it to `request.GET`. All fields are optional."""

    q = forms.CharField(
        label="Search", required=False, max_length=SEARCH_MAX_LENGTH, strip=True,
        error_messages={"max_length": "Shorten the search to at most %(limit_value)d characters."},
    )
    rating = forms.ModelChoiceField(
        queryset=Rating.objects.all(), to_field_name="slug", required=False, empty_label="Any rating",
        error_messages={"invalid_choice": "There is no such rating: choose one from the list, or leave it empty."},
    )
    kind = forms.ChoiceField(
        choices=[("", "Any kind"), *((kind.value, kind.label) for kind in ClaimKind)], required=False,
        error_messages={"invalid_choice": "There is no such kind of claim: choose one from the list, or leave it empty."},
    )
    outlet = forms.CharField(
        required=False, max_length=200, strip=True, widget=forms.TextInput(attrs={"list": "outlet-names"}),
        error_messages={"max_length": "An outlet name has at most %(limit_value)d characters."},
    )
    claimant = forms.CharField(
        required=False, max_length=200, strip=True, widget=forms.TextInput(attrs={"list": "claimant-names"}),
        error_messages={"max_length": "A claimant's name has at most %(limit_value)d characters."},
    )
    article = forms.SlugField(
        required=False, max_length=120,
        error_messages={"invalid": "An article is given by its slug, like “economy-report”: letters, digits and hyphens."},
    )
    date_from = forms.DateField(
        label="Published from", required=False, widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter the start date as YYYY-MM-DD, e.g. 2024-05-31."},
    )
    date_to = forms.DateField(
        label="Published until", required=False, widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter the end date as YYYY-MM-DD, e.g. 2024-12-31."},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError("The start date is after the end date: swap them or change one.")
        return data

    def active_filters(self) -> dict[str, Any]:
        """The filters actually in use (valid and non-empty), for display and for links."""
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}


def filter_claims(queryset: QuerySet[Claim], form: ClaimFilterForm) -> QuerySet[Claim]:
    """Apply a bound form's filters; an invalid form matches nothing (show `form.errors` instead)."""
    if not form.is_valid():
        return queryset.none()
    data = form.cleaned_data
    if data.get("rating"):
        queryset = queryset.filter(published_verdict__rating=data["rating"])
    if data.get("kind"):
        queryset = queryset.filter(published_verdict__kind=data["kind"])
    if data.get("outlet"):
        queryset = queryset.filter(article__outlet__iexact=data["outlet"])
    if data.get("claimant"):
        # The snapshot taken at approval: a draft's claimant is not public yet.
        queryset = queryset.filter(published_verdict__claimant__iexact=data["claimant"])
    if data.get("article"):
        queryset = queryset.filter(article__slug=data["article"])
    if data.get("date_from"):
        queryset = queryset.filter(first_published_at__date__gte=data["date_from"])
    if data.get("date_to"):
        queryset = queryset.filter(first_published_at__date__lte=data["date_to"])
    if data.get("q"):
        queryset = queryset.filter(search_condition(data["q"]))
    return queryset


def paginate(queryset: QuerySet[Claim], number: str | int | None, per_page: int) -> Page:
    """A page of claims, fetched in two steps: the page's ids (an index walk, cheap even deep into
    the ledger), then only those rows with their joins. Offsetting the joined query instead makes
    the database join every skipped row."""
    page = Paginator(queryset.values_list("pk", flat=True), per_page).get_page(number)
    ids = list(page.object_list)
    # The ids already passed the filters: fetching them by key must not run a search again.
    by_pk = {claim.pk: claim for claim in published_claims().filter(pk__in=ids)} if ids else {}
    page.object_list = [by_pk[pk] for pk in ids if pk in by_pk]
    return page


def search_condition(text: str) -> Q:
    """Every word must appear in the quote, the published wording or the published claimant."""
    entries = PublicSearchEntry.objects.all()
    for word in text.lower().split()[:10]:
        entries = entries.filter(text__contains=word)
    return Q(pk__in=entries.values("claim_id"))


# --- public URLs ------------------------------------------------------------------------------


def public_claim_url(claim: Claim) -> str:
    return claim_url(claim.pk, claim.slug)


def claim_url(pk: int, slug: str) -> str:
    before, middle, after = _claim_url_template(get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    return f"{before}{pk}{middle}{slug}{after}"


@lru_cache(maxsize=16)
def _claim_url_template(prefix: str, urlconf: str) -> tuple[str, str, str]:
    """reverse() once, then format: sitemaps and feeds build thousands of claim URLs."""
    url = reverse("public:claim", args=[987654321, "slug-placeholder"])
    before, rest = url.split("987654321", 1)
    middle, after = rest.split("slug-placeholder", 1)
    return before, middle, after


def with_public_urls(claims: Iterable[Claim]) -> list[Claim]:
    """Set `claim.public_url` on each claim, for templates."""
    claims = list(claims)
    for claim in claims:
        claim.public_url = public_claim_url(claim)
    return claims


# --- what a claim page may list ----------------------------------------------------------------


def public_claim_sources() -> QuerySet[ClaimSource]:
    """Sources attached at or before the published verdict's approval; later ones belong to a draft."""
    return (
        ClaimSource.objects.filter(added_at__lte=F("claim__published_verdict__approved_at"))
        .select_related("source")
        .order_by("order", "pk")
    )


def public_corrections() -> QuerySet[Correction]:
    return Correction.objects.published().order_by("published_at", "pk")


def also_appeared_in(claim: Claim, limit: int = 10) -> QuerySet[Claim]:
    """The same published claim checked in other articles: the same quote or the same published
    wording (compared by `MatchKey`: case-insensitively on the first 120 characters, both indexed)."""
    wording = claim.published_verdict.claim_as_checked.strip() if claim.published_verdict else ""
    candidates = (
        Claim.objects.alias(key=MatchKey("quote")).filter(key=MatchKey(Value(claim.quote))).order_by().values_list("pk")
    )
    if wording:
        same_wording = Verdict.objects.alias(key=MatchKey("claim_as_checked")).filter(key=MatchKey(Value(wording)))
        candidates = candidates.union(
            Claim.objects.filter(published_verdict__in=same_wording.order_by()).order_by().values_list("pk")
        )
    # Two index lookups first, then the few rows: a single OR query makes PostgreSQL walk every claim.
    ids = [pk for (pk,) in candidates[: limit * 10]]
    return published_claims().filter(pk__in=ids).exclude(article_id=claim.article_id)[:limit]


# --- schema.org ClaimReview --------------------------------------------------------------------


@dataclass(frozen=True)
class RatingScale:
    best: int
    worst: int


def rating_scale() -> RatingScale:
    """Best and worst rating values of the scale (cached until a rating changes)."""
    cache = caches[CACHE_ALIAS]
    key = f"ledger:{cache_generation()}:rating-scale"
    scale = cache.get(key)
    if scale is None:
        values = [v for v in Rating.objects.exclude(value=None).values_list("value", flat=True)]
        scale = RatingScale(best=max(values, default=1), worst=min(values, default=1))
        cache.set(key, scale, timeout=None)
    return scale


def site_url() -> str:
    return getattr(settings, "FACTCHECK_SITE_URL", "") or settings.FACTCHECK_ORGANIZATION_URL


def absolute_url(path: str, request: HttpRequest | None = None) -> str:
    if request is not None:
        return request.build_absolute_uri(path)
    return urljoin(site_url(), path)


def short_claim(text: str, limit: int = CLAIM_REVIEWED_MAX) -> str:
    return Truncator(" ".join(text.split())).chars(limit)


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    return value.isoformat()


def _review_rating(rating, scale) -> dict[str, Any]:
    """alternateName always says the rating in words; a rating off the scale (Unverifiable)
    has no number, so it gets no ratingValue rather than one outside worstRating..bestRating."""
    review_rating: dict[str, Any] = {"@type": "Rating", "alternateName": rating.label if rating else "Unrated"}
    if rating is not None and rating.value is not None:
        review_rating.update(ratingValue=rating.value, bestRating=scale.best, worstRating=scale.worst)
    return review_rating


def claim_review(claim: Claim, *, request: HttpRequest | None = None, scale: RatingScale | None = None) -> dict:
    """The schema.org ClaimReview of a published claim (pass `scale` when building many)."""
    verdict = claim.published_verdict
    if verdict is None:
        raise ValueError(f"Claim {claim.pk} is not published: it has no ClaimReview.")
    scale = scale or rating_scale()
    article = claim.article
    rating = verdict.rating
    claimant = verdict.claimant or article.author or article.outlet or "Unknown"
    appearance = {
        "@type": "CreativeWork",
        "url": article.url or absolute_url(article.get_absolute_url(), request),
        "headline": article.title,
    }
    if article.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": article.outlet}
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": absolute_url(public_claim_url(claim), request),
        "claimReviewed": short_claim(verdict.claim_as_checked or claim.quote),
        "datePublished": _iso(claim.first_published_at or verdict.published_at),
        "dateModified": _iso(verdict.published_at),
        "author": {
            "@type": "Organization",
            "name": settings.FACTCHECK_ORGANIZATION_NAME,
            "url": settings.FACTCHECK_ORGANIZATION_URL,
        },
        "reviewRating": _review_rating(rating, scale),
        "itemReviewed": {
            "@type": "Claim",
            "author": {
                "@type": "Organization" if claimant == article.outlet else "Person",
                "name": claimant,
            },
            "datePublished": _iso(article.published_on or article.imported_at),
            "appearance": appearance,
        },
    }


def json_ld_script(data: dict | list) -> SafeString:
    """`<script type="application/ld+json">` whose content cannot close the tag (`<`, `>`, `&` escaped)."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308 - escaped above


# --- counts for the home and statistics pages ---------------------------------------------------


@dataclass(frozen=True)
class RatingCount:
    rating: Rating
    count: int
    share: float  # percent of all counted claims


def rating_counts(queryset: QuerySet[Claim] | None = None) -> list[RatingCount]:
    """Published claims per rating, in scale order (retired ratings only when used). Two queries."""
    queryset = published_claims() if queryset is None else queryset
    counts = dict(queryset.order_by().values_list("published_verdict__rating").annotate(n=Count("pk")))
    total = sum(counts.values()) or 1
    return [
        RatingCount(rating, counts.get(rating.pk, 0), 100 * counts.get(rating.pk, 0) / total)
        for rating in Rating.objects.order_by("order", "pk")
        if rating.is_active or counts.get(rating.pk)
    ]


@dataclass(frozen=True)
class GroupCounts:
    name: str
    total: int
    by_rating: dict[int, int]  # rating pk -> count


def counts_by(field_name: str, *, limit: int = 10) -> list[GroupCounts]:
    """Published claims per value of `field_name` ("outlet" or "claimant") and rating, largest first."""
    column = {"outlet": "article__outlet", "claimant": "published_verdict__claimant"}[field_name]
    rows = (
        published_claims().order_by().exclude(**{column: ""})
        .values_list(column, "published_verdict__rating").annotate(n=Count("pk"))
    )
    groups: dict[str, dict[int, int]] = {}
    for name, rating_pk, count in rows:
        groups.setdefault(name, {})[rating_pk] = count
    ranked = sorted(groups.items(), key=lambda item: (-sum(item[1].values()), item[0].lower()))
    return [GroupCounts(name, sum(by_rating.values()), by_rating) for name, by_rating in ranked[:limit]]


def monthly_counts(*, months: int = 24) -> list[tuple[date, int]]:
    """Claims first published per calendar month (in the site's time zone), the last `months`
    months up to the latest with data, from the first with data at most (gaps filled).

    Three queries, each served by the index of published claims by date
    (`claim_public_recent_idx`): the first and the last date, then one conditional count per
    month over the window's timestamp range. Grouping by `TruncMonth` instead calls a Python
    function per row on SQLite and cost about 150 ms at 20,000 published claims, on the first
    statistics page after every publish; this takes about 25 ms there.
    """
    dated = published_claims().order_by().filter(first_published_at__isnull=False)
    newest = dated.order_by("-first_published_at").values_list("first_published_at", flat=True).first()
    if newest is None:
        return []
    oldest = dated.order_by("first_published_at").values_list("first_published_at", flat=True).first()
    zone = timezone.get_current_timezone()
    first = _month_of(timezone.localtime(oldest, zone))
    last = _month_of(timezone.localtime(newest, zone))
    starts = [last]
    while len(starts) < months and starts[-1] > first:
        starts.append(_previous_month(starts[-1]))
    starts.reverse()
    edges = [timezone.make_aware(datetime(m.year, m.month, 1), zone) for m in [*starts, _next_month(last)]]
    counts = dated.filter(first_published_at__gte=edges[0], first_published_at__lt=edges[-1]).aggregate(
        **{
            f"m{index}": Count("pk", filter=Q(first_published_at__gte=edges[index], first_published_at__lt=edges[index + 1]))
            for index in range(len(starts))
        }
    )
    return [(month, counts[f"m{index}"]) for index, month in enumerate(starts)]


def _month_of(moment: datetime) -> date:
    return date(moment.year, moment.month, 1)


def _next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _previous_month(month: date) -> date:
    return date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)


# --- cache generation --------------------------------------------------------------------------


def cache_generation() -> str:
    """A token that changes whenever anything public may have changed; part of every cache key."""
    cache = caches[CACHE_ALIAS]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        # add() so that two processes starting together agree on one token.
        if not cache.add(GENERATION_KEY, generation, timeout=None):
            generation = cache.get(GENERATION_KEY) or generation
    return generation


def remember(name: str, compute: Callable[[], Any]) -> Any:
    """`compute()` once per cache generation (for numbers over all published claims)."""
    cache = caches[CACHE_ALIAS]
    key = f"ledger:{cache_generation()}:value:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value)
    return value


def bump_cache_generation() -> None:
    """Make every cached public page and number stale at once (a fresh token, not an increment,
    so concurrent bumps from several processes can never land on an old value)."""
    caches[CACHE_ALIAS].set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
