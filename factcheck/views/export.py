"""CSV export of the public ledger for researchers: /claims/export.csv with the filters of /claims/.

Rows are streamed as the database yields them, so 100,000 claims never sit in memory. Every
text cell that a spreadsheet would read as a formula is defused (CSV injection), and only
published work is exported: the published verdict's snapshot, never a draft.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_GET

from factcheck.ledger import ClaimFilterForm, filter_claims, public_claim_url, published_claims
from factcheck.models import Claim

CHUNK_SIZE = 2000
# Only what a row shows: at 20,000 rows, every extra column and datetime conversion counts.
ROW_FIELDS = [
    "id", "quote", "first_published_at",
    "article__title", "article__slug", "article__url", "article__outlet", "article__published_on",
    "published_verdict__published_at", "published_verdict__number", "published_verdict__claim_as_checked",
    "published_verdict__claimant", "published_verdict__kind", "published_verdict__rating__label",
    "published_verdict__rating__value",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = [
    "id", "url", "first_published_at", "verdict_published_at", "verdict_version", "rating", "rating_value",
    "claim_as_checked", "claimant", "quote", "kind", "article_title", "article_url", "article_original_url",
    "outlet", "article_published_on",
]


class Echo:
    """A file-like object whose write() hands the line back, for streaming csv.writer output."""

    def write(self, value: str) -> str:
        return value


def safe_cell(value: Any) -> Any:
    """Text a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def claim_row(claim: Claim, request: HttpRequest, article_urls: dict[int, str]) -> list[Any]:
    verdict = claim.published_verdict
    article = claim.article
    rating = verdict.rating
    return [
        claim.pk,
        request.build_absolute_uri(public_claim_url(claim)),
        claim.first_published_at.isoformat() if claim.first_published_at else "",
        verdict.published_at.isoformat() if verdict.published_at else "",
        verdict.number,
        rating.label if rating else "",
        rating.value if rating and rating.value is not None else "",
        verdict.claim_as_checked or claim.quote,
        verdict.claimant,
        claim.quote,
        verdict.kind,
        article.title,
        article_urls.get(article.pk) or article_urls.setdefault(article.pk, request.build_absolute_uri(article.get_absolute_url())),
        article.url,
        article.outlet,
        article.published_on.isoformat() if article.published_on else "",
    ]


def csv_lines(claims: Iterator[Claim], request: HttpRequest) -> Iterator[str]:
    writer = csv.writer(Echo())
    article_urls: dict[int, str] = {}  # an article has several claims: reverse its URL once
    yield writer.writerow(COLUMNS)
    for claim in claims:
        yield writer.writerow([safe_cell(value) for value in claim_row(claim, request, article_urls)])


@require_GET
def claims_csv(request: HttpRequest) -> HttpResponse:
    # Other parameters (e.g. the list page's `page`) are ignored: the export is every matching claim.
    form = ClaimFilterForm(request.GET)
    if not form.is_valid():
        problems = [str(message) for messages in form.errors.values() for message in messages]
        return HttpResponse(
            "Nothing was exported: fix the filters and try again.\n" + "\n".join(problems) + "\n",
            status=400, content_type="text/plain; charset=utf-8",
        )
    claims = filter_claims(published_claims(), form).only(*ROW_FIELDS).iterator(chunk_size=CHUNK_SIZE)
    response = StreamingHttpResponse(csv_lines(claims, request), content_type="text/csv; charset=utf-8")
    filename = f"factcheck-claims-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


urlpatterns = [
    path("claims/export.csv", claims_csv, name="claims-csv"),
]
