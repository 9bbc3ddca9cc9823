"""The public claim ledger: read-only pages that only ever show published verdicts.

Anonymous visitors get pages cached under the ledger's cache generation (see `factcheck.ledger`),
which every publish, unpublish and correction replaces. Signed-in people always get a fresh page;
staff previews of unpublished work are never cached and never indexed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.core.cache import caches
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from factcheck import charts, ledger
from factcheck.feeds import LedgerFeed
from factcheck.highlight import paragraphs, segments
from factcheck.models import Article, Claim, ClaimSource, ClaimStatus, Page, Rating
from factcheck.sitemaps import SITEMAPS
from factcheck.workflow import can_review, current_verdict

CLAIMS_PER_PAGE = 25
PREVIEW_PARAM = "preview"


def _code_version() -> str:
    """Changes when this module, a template or the static manifest changes, so a deploy never
    serves pages rendered by the previous code from the shared cache."""
    root = Path(settings.BASE_DIR)
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"  # hashed CSS names in the pages
    files = [Path(__file__), manifest, *sorted((root / "templates").rglob("*.html"))]
    stamp = "|".join(f"{f}:{f.stat().st_mtime_ns}" for f in files if f.exists())
    return hashlib.sha256(stamp.encode()).hexdigest()[:12]


CODE_VERSION = _code_version()


# --- caching for anonymous visitors ------------------------------------------------------------


def is_cacheable(request: HttpRequest) -> bool:
    """A plain anonymous GET: no session (so no messages, no sign-in) and no preview."""
    if request.method not in ("GET", "HEAD") or PREVIEW_PARAM in request.GET:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    return not request.user.is_authenticated


def cached_for_visitors(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve anonymous visitors from the ledger cache; store successful pages that use no CSRF token."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_cacheable(request):
            response = view(request, *args, **kwargs)
            patch_vary_headers(response, ["Cookie"])
            return response
        cache = caches[ledger.CACHE_ALIAS]
        variant = "htmx" if wants_partial(request) else "page"
        digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"ledger:{ledger.cache_generation()}:{CODE_VERSION}:{variant}:{digest}"
        stored = cache.get(key)
        if stored is not None:
            content, content_type = stored
            response = HttpResponse(content, content_type=content_type)
            response["X-Ledger-Cache"] = "hit"
        else:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            if (
                response.status_code == 200
                and not response.streaming
                and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a page holding a token is personal
                and not response.has_header("Set-Cookie")
                and not response.cookies
            ):
                cache.set(key, (response.content, response["Content-Type"]))
                response["X-Ledger-Cache"] = "miss"
        patch_vary_headers(response, ["Cookie", "HX-Request"])
        return response

    return wrapper


def wants_partial(request: HttpRequest) -> bool:
    """An htmx swap, but not htmx restoring history (which needs the whole page)."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request


def render_public(request: HttpRequest, template: str, context: dict, **kwargs) -> HttpResponse:
    if is_cacheable(request):
        # Public pages post nothing for anonymous visitors; leaving the token out keeps cached
        # pages free of anybody's CSRF token.
        context = {**context, "csrf_token": ""}
    return render(request, template, context, **kwargs)


# --- access helpers ----------------------------------------------------------------------------


def get_claim_for_visitor(request: HttpRequest, pk: int) -> tuple[Claim, bool]:
    """The claim and whether this is a staff preview. Unpublished claims are 404 for everybody
    without review permission; reviewers see them (or a published claim's draft with ?preview)."""
    may_preview = can_review(request.user)
    if not (may_preview and PREVIEW_PARAM in request.GET):
        claim = ledger.published_claims().defer(None).filter(pk=pk).first()
        if claim is not None:
            return claim, False
        if not may_preview:
            raise Http404("There is no published claim with this number.")
    claim = get_object_or_404(Claim.objects.select_related("article", "published_verdict__rating"), pk=pk)
    return claim, True


def get_article_for_visitor(slug: str) -> Article:
    """Articles are public once at least one of their claims is."""
    with_published = Exists(Claim.objects.published().filter(article=OuterRef("pk")))
    return get_object_or_404(Article.objects.filter(with_published), slug=slug)


# --- pages -------------------------------------------------------------------------------------


def top_groups(field_name: str) -> list[ledger.GroupCounts]:
    """The 50 busiest outlets or claimants, computed once per cache generation for all pages."""
    return ledger.remember(f"top-{field_name}", lambda: ledger.counts_by(field_name, limit=50))


@require_safe
@cached_for_visitors
def home(request: HttpRequest) -> HttpResponse:
    with_published = Exists(Claim.objects.published().filter(article=OuterRef("pk")))
    counts = ledger.remember("rating-counts", ledger.rating_counts)
    context = {
        "latest": ledger.with_public_urls(ledger.published_claims()[:12]),
        "rating_counts": counts,
        "total": sum(row.count for row in counts),
        "articles": Article.objects.filter(with_published).defer("body")[:8],
        "outlets": top_groups("outlet")[:8],
        "claimants": top_groups("claimant")[:8],
    }
    return render_public(request, "factcheck/public/home.html", context)


@require_safe
@cached_for_visitors
def claim_list(request: HttpRequest) -> HttpResponse:
    form = ledger.ClaimFilterForm(request.GET)
    claims = ledger.filter_claims(ledger.published_claims(), form)
    page = ledger.paginate(claims, request.GET.get("page"), CLAIMS_PER_PAGE)
    ledger.with_public_urls(page.object_list)
    export_query = request.GET.copy()
    export_query.pop("page", None)
    context = {
        "form": form, "page": page, "claims": page.object_list, "filters": form.active_filters(),
        "export_query": export_query.urlencode(),
    }
    if not wants_partial(request):
        # Suggestions for the free-text filters (the busiest names; any name can still be typed).
        context["outlet_names"] = [group.name for group in top_groups("outlet")]
        context["claimant_names"] = [group.name for group in top_groups("claimant")]
    template = "factcheck/public/claims.html"
    if wants_partial(request):
        template += "#claim-results"
    return render_public(request, template, context)


@require_safe
@cached_for_visitors
def claim_detail(request: HttpRequest, pk: int, slug: str = "") -> HttpResponse:
    claim, preview = get_claim_for_visitor(request, pk)
    if not preview and slug != claim.slug:
        return redirect(ledger.public_claim_url(claim), permanent=True)
    if preview:
        return claim_preview(request, claim)
    verdict = claim.published_verdict
    context = {
        "claim": claim,
        "verdict": verdict,
        "rating": verdict.rating,
        "wording": verdict.claim_as_checked or claim.quote,
        "claimant": verdict.claimant,
        "sources": list(ledger.public_claim_sources().filter(claim=claim)),
        "corrections": list(ledger.public_corrections().filter(claim=claim)),
        "elsewhere": ledger.with_public_urls(ledger.also_appeared_in(claim)),
        "json_ld": ledger.json_ld_script(ledger.claim_review(claim, request=request)),
        "canonical_url": request.build_absolute_uri(ledger.public_claim_url(claim)),
        "preview": False,
        # Reviewers learn that a correction is being prepared (the public never does).
        "correction_in_progress": claim.status != ClaimStatus.PUBLISHED and can_review(request.user),
    }
    return render_public(request, "factcheck/public/claim.html", context)


def claim_preview(request: HttpRequest, claim: Claim) -> HttpResponse:
    """What the claim page would show with the current draft: for reviewers, never cached."""
    verdict = current_verdict(claim)
    sources = ClaimSource.objects.filter(claim=claim).select_related("source").order_by("order", "pk")
    context = {
        "claim": claim,
        "verdict": verdict,
        "rating": verdict.rating if verdict else None,
        "wording": claim.claim_as_checked or claim.quote,
        "claimant": claim.claimant,
        "sources": list(sources),
        "corrections": list(ledger.public_corrections().filter(claim=claim)),
        "elsewhere": [],
        "preview": True,
        "public_url": ledger.public_claim_url(claim) if claim.published_verdict_id else "",
    }
    response = render(request, "factcheck/public/claim.html", context)
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_safe
@cached_for_visitors
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_article_for_visitor(slug)
    claims = ledger.with_public_urls(ledger.published_claims().filter(article=article).order_by("start", "pk"))
    counts: dict[int, int] = {}
    for claim in claims:
        counts[claim.published_verdict.rating_id] = counts.get(claim.published_verdict.rating_id, 0) + 1
    ratings = sorted({claim.published_verdict.rating for claim in claims}, key=lambda r: (r.order, r.pk))
    summary = [
        {"rating": rating, "count": counts[rating.pk], "share": 100 * counts[rating.pk] / len(claims)}
        for rating in ratings
    ]
    context = {
        "article": article,
        "claims": claims,
        "summary": summary,
        "paragraphs": paragraphs(segments(article.body, claims)),
    }
    return render_public(request, "factcheck/public/article.html", context)


@require_safe
@cached_for_visitors
def stats(request: HttpRequest) -> HttpResponse:
    counts = ledger.remember("rating-counts", ledger.rating_counts)
    ratings = [row.rating for row in counts]
    outlets = top_groups("outlet")[:12]
    claimants = top_groups("claimant")[:12]
    months = ledger.remember("months-24", lambda: ledger.monthly_counts(months=24))

    def stacked(groups: list[ledger.GroupCounts]) -> list[charts.StackedRow]:
        return [
            charts.StackedRow(group.name, [charts.Part(r.label, group.by_rating.get(r.pk, 0), r.colour) for r in ratings])
            for group in groups
        ]

    def table(groups: list[ledger.GroupCounts]) -> list[dict]:
        return [
            {"name": g.name, "cells": [g.by_rating.get(r.pk, 0) for r in ratings], "total": g.total} for g in groups
        ]

    context = {
        "rating_counts": counts,
        "ratings": ratings,
        "outlet_rows": table(outlets),
        "claimant_rows": table(claimants),
        "total": sum(row.count for row in counts),
        "outlets": outlets,
        "claimants": claimants,
        "months": months,
        "overall_chart": charts.bar_chart(
            [charts.Bar(row.rating.label, row.count, row.rating.colour) for row in counts],
            title="Published verdicts by rating",
        ),
        "outlet_chart": charts.stacked_bar_chart(stacked(outlets), title="Ratings per outlet"),
        "claimant_chart": charts.stacked_bar_chart(stacked(claimants), title="Ratings per claimant"),
        "time_chart": charts.column_chart(
            [(month.strftime("%b %Y"), n) for month, n in months], title="Verdicts first published per month"
        ),
    }
    return render_public(request, "factcheck/public/stats.html", context)


def text_page(slug: str) -> Callable[[HttpRequest], HttpResponse]:
    @require_safe
    @cached_for_visitors
    def view(request: HttpRequest) -> HttpResponse:
        page = get_object_or_404(Page, slug=slug)
        # The methodology shows the live rating scale, so its text never drifts from the labels in use.
        scale = list(Rating.objects.filter(is_active=True).order_by("order", "pk")) if slug == "methodology" else []
        return render_public(request, "factcheck/public/page.html", {"page": page, "scale": scale})

    view.__name__ = view.__qualname__ = slug.replace("-", "_")
    return view


# --- machine-readable --------------------------------------------------------------------------


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /review/",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /*?preview",
        "Allow: /",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('public:sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
@cached_for_visitors
def sitemap_index(request: HttpRequest) -> HttpResponse:
    return sitemap_views.index(request, SITEMAPS, sitemap_url_name="public:sitemap-section")


@require_safe
@cached_for_visitors
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    return sitemap_views.sitemap(request, SITEMAPS, section=section)


feed = require_safe(cached_for_visitors(LedgerFeed()))


urlpatterns = [
    path("", home, name="home"),
    path("claims/", claim_list, name="claims"),
    path("claims/<int:pk>/", claim_detail, name="claim-short"),
    path("claims/<int:pk>/<slug:slug>/", claim_detail, name="claim"),
    path("articles/<slug:slug>/", article_detail, name="article"),
    path("statistics/", stats, name="stats"),
    path("methodology/", text_page("methodology"), name="methodology"),
    path("corrections-policy/", text_page("corrections-policy"), name="corrections-policy"),
    path("feed/", feed, name="feed"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<section>.xml", sitemap_section, name="sitemap-section"),
    path("robots.txt", robots_txt, name="robots"),
]
