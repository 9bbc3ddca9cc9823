"""The open, read-only JSON API of the public ledger (django-ninja), mounted at /api/.

Only published work is here: every claim comes from `factcheck.ledger.published_claims()` and
shows its *published* verdict (the wording and claimant frozen at approval), never a draft, a
note, an assignee or who reviewed it. Filters are the ledger's own `ClaimFilterForm`, so
`/api/claims` and `/claims/` always agree. Bad input answers 400 (or 422 for malformed numbers)
with a sentence saying what to change; a claim or article that is not public answers 404.

Anonymous responses are cached under the ledger's cache generation, which every publish,
unpublish and correction replaces (`factcheck.signals`), so a cached answer never outlives the data.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import path, reverse
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError, ValidationError
from ninja.openapi.docs import Swagger
from pydantic import BaseModel, RootModel

from factcheck.extraction import ClaimKind
from factcheck.ledger import (
    CACHE_ALIAS,
    ClaimFilterForm,
    RatingScale,
    cache_generation,
    claim_review,
    filter_claims,
    public_claim_sources,
    public_claim_url,
    public_corrections,
    published_claims,
    rating_scale,
)
from factcheck.markdown import render_markdown
from factcheck.models import Article, Claim, Rating

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
CLAIM_FILTERS = ("q", "rating", "kind", "outlet", "claimant", "article", "date_from", "date_to")
PAGING = ("page", "page_size")

api = NinjaAPI(
    title="factcheck ledger API",
    version="1.0",
    description=(
        "Read-only access to every published fact-check: claims with their verdicts, sources and "
        "corrections, the articles they appeared in, and the rating scale. Each claim carries its "
        "schema.org ClaimReview object. No key needed; please cache what you fetch."
    ),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
    # Served from ninja's own static files ("ninja" is in INSTALLED_APPS): no CDN. No validator
    # badge either: it would send our schema to validator.swagger.io.
    docs=Swagger(settings={"validatorUrl": None, "defaultModelsExpandDepth": 0}),
)


# --- errors: one sentence saying what to change, and nothing changes -----------------------------


class BadRequest(HttpError):
    def __init__(self, message: str, errors: dict[str, list[str]] | None = None) -> None:
        super().__init__(400, message)
        self.errors = errors or {}


@api.exception_handler(BadRequest)
def bad_request(request: HttpRequest, exc: BadRequest) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc), "errors": exc.errors}, status=400)


@api.exception_handler(ValidationError)
def invalid_parameters(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """Pydantic's errors (e.g. page=abc) as a readable sentence, with the details kept alongside."""
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        name = str(error.get("loc", ["?"])[-1])
        errors.setdefault(name, []).append(str(error.get("msg", "is not valid")))
    sentence = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in errors.items())
    return api.create_response(
        request, {"detail": f"Fix these parameters and try again — {sentence}.", "errors": errors}, status=422
    )


def not_found(message: str) -> HttpError:
    return HttpError(404, message)


def refuse_unknown_parameters(request: HttpRequest, allowed: tuple[str, ...]) -> None:
    """A misspelt filter would otherwise silently return everything."""
    unknown = sorted(set(request.GET) - set(allowed))
    if unknown:
        raise BadRequest(
            f"Unknown query parameter {', '.join(repr(name) for name in unknown)}: "
            f"use {', '.join(allowed)}.",
            {name: ["Unknown query parameter."] for name in unknown},
        )


# --- schemas ---------------------------------------------------------------------------------------


def rating_scale_for(request: HttpRequest) -> RatingScale:
    """The rating scale, looked up once per request however many claims are serialised."""
    if not hasattr(request, "_api_rating_scale"):
        request._api_rating_scale = rating_scale()
    return request._api_rating_scale


class RatingRef(Schema):
    slug: str
    label: str
    value: int | None = Field(description="ClaimReview ratingValue: higher is truer; null when off the scale.")
    colour: str


class RatingOut(RatingRef):
    description: str
    order: int


class ArticleRef(Schema):
    slug: str
    title: str
    outlet: str
    published_on: date | None
    url: str = Field(description="The article's page on this site, with its claims highlighted.")
    original_url: str = Field(description="Where the article was first published.")
    api_url: str

    @staticmethod
    def resolve_url(obj: Article, context: dict) -> str:
        return context["request"].build_absolute_uri(obj.get_absolute_url())

    @staticmethod
    def resolve_original_url(obj: Article) -> str:
        return obj.url

    @staticmethod
    def resolve_api_url(obj: Article, context: dict) -> str:
        return context["request"].build_absolute_uri(reverse("api:article", args=[obj.slug]))


class ArticleOut(ArticleRef):
    author: str
    language: str
    published_claims: int = Field(description="How many of its claims have a published verdict.")

    @staticmethod
    def resolve_published_claims(obj: Article) -> int:
        return obj.published_claim_count


class SourceOut(Schema):
    title: str
    publisher: str
    url: str
    archive_url: str
    published_on: date | None
    accessed_on: date | None
    kind: str
    note: str = Field(description="What this source shows for the claim.")


class CorrectionOut(Schema):
    published_at: datetime
    what_changed: str
    reason: str


class ClaimOut(Schema):
    id: int
    url: str = Field(description="The claim's page on this site.")
    api_url: str
    quote: str = Field(description="The exact words in the article.")
    claim_as_checked: str = Field(description="Self-contained wording of what was checked, as published.")
    claimant: str = Field(description="Who made the claim, as published.")
    kind: str
    kind_label: str
    rating: RatingRef | None
    first_published_at: datetime | None
    verdict_published_at: datetime | None = Field(description="When the verdict shown was published (later after a correction).")
    article: ArticleRef
    claim_review: dict[str, Any] = Field(description="The schema.org ClaimReview object of this fact-check.")

    @staticmethod
    def resolve_url(obj: Claim, context: dict) -> str:
        return context["request"].build_absolute_uri(public_claim_url(obj))

    @staticmethod
    def resolve_api_url(obj: Claim, context: dict) -> str:
        return context["request"].build_absolute_uri(reverse("api:claim", args=[obj.pk]))

    @staticmethod
    def resolve_claim_as_checked(obj: Claim) -> str:
        return obj.published_verdict.claim_as_checked or obj.quote

    @staticmethod
    def resolve_claimant(obj: Claim) -> str:
        return obj.published_verdict.claimant

    @staticmethod
    def resolve_kind(obj: Claim) -> str:
        return obj.published_verdict.kind

    @staticmethod
    def resolve_kind_label(obj: Claim) -> str:
        try:
            return ClaimKind(obj.published_verdict.kind).label
        except ValueError:
            return obj.published_verdict.kind

    @staticmethod
    def resolve_rating(obj: Claim) -> Rating | None:
        return obj.published_verdict.rating

    @staticmethod
    def resolve_verdict_published_at(obj: Claim) -> datetime | None:
        return obj.published_verdict.published_at

    @staticmethod
    def resolve_claim_review(obj: Claim, context: dict) -> dict[str, Any]:
        request = context["request"]
        return claim_review(obj, request=request, scale=rating_scale_for(request))


class ClaimDetailOut(ClaimOut):
    sentence: str = Field(description="The sentence around the quote.")
    start: int = Field(description="Character offset of the quote in the article text.")
    end: int
    explanation: str = Field(description="The published explanation, Markdown.")
    explanation_html: str = Field(description="The explanation as sanitised HTML.")
    verdict_version: int = Field(description="1 for the first verdict, higher after corrections.")
    sources: list[SourceOut]
    corrections: list[CorrectionOut]

    @staticmethod
    def resolve_explanation(obj: Claim) -> str:
        return obj.published_verdict.explanation

    @staticmethod
    def resolve_explanation_html(obj: Claim) -> str:
        return str(render_markdown(obj.published_verdict.explanation))

    @staticmethod
    def resolve_verdict_version(obj: Claim) -> int:
        return obj.published_verdict.number

    @staticmethod
    def resolve_sources(obj: Claim) -> list[dict[str, Any]]:
        return [
            {
                "title": link.source.title, "publisher": link.source.publisher, "url": link.source.url,
                "archive_url": link.source.archive_url, "published_on": link.source.published_on,
                "accessed_on": link.source.accessed_on, "kind": link.source.kind, "note": link.note,
            }
            for link in obj.public_sources
        ]

    @staticmethod
    def resolve_corrections(obj: Claim) -> list:
        return obj.public_corrections


class ArticleDetailOut(ArticleOut):
    body: str = Field(description="The article text; claims' start/end are offsets into it.")
    claims: list[ClaimOut]

    @staticmethod
    def resolve_claims(obj: Article) -> list[Claim]:
        return obj.public_claims


class RatingList(RootModel[list[RatingOut]]):
    pass


class Page(Schema):
    count: int = Field(description="Items matching the filters, on all pages.")
    page: int
    page_size: int
    pages: int
    next: str | None = Field(description="URL of the next page, or null on the last one.")
    previous: str | None


class ClaimPage(Page):
    items: list[ClaimOut]


class ArticlePage(Page):
    items: list[ArticleOut]


class Error(Schema):
    detail: str
    errors: dict[str, list[str]] = Field(default_factory=dict, description="Messages per query parameter.")


# --- helpers -------------------------------------------------------------------------------------


def paginate(request: HttpRequest, queryset: QuerySet, page: int, page_size: int) -> dict[str, Any]:
    count = queryset.count()
    pages = max(1, -(-count // page_size))
    if page > pages:
        raise BadRequest(
            f"Page {page} is past the last page ({pages}) of {count} result(s): ask for page 1 to {pages}.",
            {"page": [f"Choose a page from 1 to {pages}."]},
        )
    offset = (page - 1) * page_size
    items = list(queryset[offset : offset + page_size])

    def link(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": count, "page": page, "page_size": page_size, "pages": pages, "items": items,
        "next": link(page + 1) if page < pages else None,
        "previous": link(page - 1) if page > 1 else None,
    }


def bound_filters(request: HttpRequest) -> ClaimFilterForm:
    form = ClaimFilterForm(request.GET)
    if not form.is_valid():
        errors = {name: [str(message) for message in messages] for name, messages in form.errors.items()}
        messages = " ".join(message for field_messages in errors.values() for message in field_messages)
        raise BadRequest(messages, errors)
    return form


def public_articles() -> QuerySet[Article]:
    """Articles with at least one published claim, newest first (the order of `article_recent_idx`)."""
    published = Claim.objects.published().filter(article=OuterRef("pk"))
    return Article.objects.filter(Exists(published)).defer("body").order_by("-published_on", "-imported_at", "-pk")


def count_published_claims(articles: list[Article]) -> list[Article]:
    """Set `published_claim_count` on a page of articles with one grouped query (a join-and-group
    over every article would cost hundreds of milliseconds at 100,000 claims)."""
    counts = dict(
        Claim.objects.published().filter(article__in=articles).order_by()
        .values_list("article_id").annotate(n=Count("pk"))
    )
    for article in articles:
        article.published_claim_count = counts.get(article.pk, 0)
    return articles


def cached(request: HttpRequest, build: Callable[[], BaseModel]) -> HttpResponse:
    """The JSON of `build()`, cached per URL under the ledger's cache generation.

    The body is rendered here, once, so a cache hit costs one cache read; ninja passes an
    HttpResponse through untouched. The declared response schemas still document it.
    """
    cache = caches[CACHE_ALIAS]
    digest = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()[:32]
    key = f"ledger:{cache_generation()}:api:{digest}"
    content = cache.get(key)
    if content is None:
        content = api.renderer.render(request, build().model_dump(mode="json"), response_status=200)
        cache.set(key, content, getattr(settings, "FACTCHECK_PAGE_CACHE_SECONDS", 600))
    response = HttpResponse(content, content_type=api.renderer.media_type)
    # Open data: pages on other sites may read it from the browser (no cookies are involved).
    response["Access-Control-Allow-Origin"] = "*"
    return response


# --- endpoints -----------------------------------------------------------------------------------

COMMON_ERRORS = {400: Error, 422: Error}


@api.get("/claims", response={200: ClaimPage, **COMMON_ERRORS}, url_name="claims", tags=["claims"])
def list_claims(
    request: HttpRequest,
    q: str = Query("", description="Words that must all appear in the quote, wording or claimant."),
    rating: str = Query("", description="A rating slug from /api/ratings, e.g. false."),
    kind: str = Query("", description="Kind of claim: " + ", ".join(kind.value for kind in ClaimKind) + "."),
    outlet: str = Query("", description="Outlet that published the article (exact, any case)."),
    claimant: str = Query("", description="Who made the claim (exact, any case)."),
    article: str = Query("", description="Article slug."),
    date_from: str = Query("", description="First published on or after this day, YYYY-MM-DD."),
    date_to: str = Query("", description="First published on or before this day, YYYY-MM-DD."),
    page: int = Query(1, ge=1),
    page_size: int = Query(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE),
):
    """Published claims, newest first, filtered as on /claims/."""
    refuse_unknown_parameters(request, CLAIM_FILTERS + PAGING)

    def build() -> Schema:
        queryset = filter_claims(published_claims(), bound_filters(request))
        result = paginate(request, queryset, page, page_size)
        return ClaimPage.model_validate(result, context={"request": request})

    return cached(request, build)


@api.get("/claims/{claim_id}", response={200: ClaimDetailOut, 404: Error, 422: Error}, url_name="claim", tags=["claims"])
def get_claim(request: HttpRequest, claim_id: int):
    """One published claim with its explanation, numbered sources and corrections log."""
    refuse_unknown_parameters(request, ())

    def build() -> Schema:
        claim = (
            published_claims().defer(None)
            .prefetch_related(
                Prefetch("claim_sources", queryset=public_claim_sources(), to_attr="public_sources"),
                Prefetch("corrections", queryset=public_corrections(), to_attr="public_corrections"),
            )
            .filter(pk=claim_id).first()
        )
        if claim is None:
            raise not_found(f"There is no published claim with id {claim_id}: list them at /api/claims.")
        return ClaimDetailOut.model_validate(claim, context={"request": request})

    return cached(request, build)


@api.get("/articles", response={200: ArticlePage, **COMMON_ERRORS}, url_name="articles", tags=["articles"])
def list_articles(
    request: HttpRequest,
    outlet: str = Query("", description="Only articles from this outlet (exact, any case).", max_length=200),
    page: int = Query(1, ge=1),
    page_size: int = Query(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE),
):
    """Articles with at least one published claim, newest first."""
    refuse_unknown_parameters(request, ("outlet", *PAGING))

    def build() -> Schema:
        queryset = public_articles()
        if outlet.strip():
            queryset = queryset.filter(outlet__iexact=outlet.strip())
        result = paginate(request, queryset, page, page_size)
        count_published_claims(result["items"])
        return ArticlePage.model_validate(result, context={"request": request})

    return cached(request, build)


@api.get("/articles/{slug}", response={200: ArticleDetailOut, 404: Error}, url_name="article", tags=["articles"])
def get_article(request: HttpRequest, slug: str):
    """One article's text with its published claims (start/end are offsets into `body`)."""
    refuse_unknown_parameters(request, ())

    def build() -> Schema:
        article = public_articles().defer(None).filter(slug=slug).first()
        if article is None:
            raise not_found(f"There is no public article “{slug}”: list them at /api/articles.")
        claims = list(published_claims().filter(article=article).order_by("start", "pk"))
        for claim in claims:
            claim.article = article
        article.public_claims = claims
        article.published_claim_count = len(claims)
        return ArticleDetailOut.model_validate(article, context={"request": request})

    return cached(request, build)


@api.get("/ratings", response=list[RatingOut], url_name="ratings", tags=["ratings"])
def list_ratings(request: HttpRequest):
    """The rating scale, truest first, including retired ratings that old verdicts still carry."""
    refuse_unknown_parameters(request, ())

    def build() -> Schema:
        return RatingList.model_validate(list(Rating.objects.order_by("order", "pk")))

    return cached(request, build)


urlpatterns = [path("", api.urls)]
