"""The public claim ledger: read-only pages that only ever show published verdicts."""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.http import require_GET

from factcheck.highlight import paragraphs, segments
from factcheck.models import Article, Claim, ClaimSource, Correction


def published_claims():
    return Claim.objects.published().select_related(
        "article", "published_verdict__rating"
    )


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    latest = published_claims().order_by("-published_verdict__published_at")[:20]
    articles = Article.objects.with_published_claims().order_by("-published_on")[:20]
    return render(request, "factcheck/public/home.html", {"latest": latest, "articles": articles})


@require_GET
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(Article.objects.with_published_claims(), slug=slug)
    claims = list(published_claims().filter(article=article).order_by("start"))
    return render(
        request,
        "factcheck/public/article.html",
        {"article": article, "claims": claims, "paragraphs": paragraphs(segments(article.body, claims))},
    )


@require_GET
def claim_detail(request: HttpRequest, pk: int, slug: str = "") -> HttpResponse:
    claim = get_object_or_404(
        published_claims().prefetch_related(
            Prefetch("claim_sources", queryset=ClaimSource.objects.select_related("source")),
            Prefetch("corrections", queryset=Correction.objects.published().order_by("published_at")),
        ),
        pk=pk,
    )
    if slug != claim.slug:
        return redirect(claim, permanent=True)
    return render(request, "factcheck/public/claim.html", {"claim": claim, "verdict": claim.published_verdict})


urlpatterns = [
    path("", home, name="home"),
    path("articles/<slug:slug>/", article_detail, name="article"),
    path("claims/<int:pk>/", claim_detail, name="claim-short"),
    path("claims/<int:pk>/<slug:slug>/", claim_detail, name="claim"),
]
