"""sitemap.xml: published claim pages, public article pages and the ledger's fixed pages."""

from __future__ import annotations

from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse

from factcheck import ledger
from factcheck.models import Article, Claim

SECTION_SIZE = 5000


class ClaimSitemap(Sitemap):
    limit = SECTION_SIZE
    changefreq = "monthly"
    priority = 0.8

    def items(self) -> QuerySet[Claim]:
        return (
            Claim.objects.published()
            .select_related("published_verdict")
            .only("pk", "quote", "published_verdict__claim_as_checked", "published_verdict__published_at")
            .order_by("pk")
        )

    def location(self, claim: Claim) -> str:
        return ledger.public_claim_url(claim)

    def lastmod(self, claim: Claim) -> datetime | None:
        return claim.published_verdict.published_at


class ArticleSitemap(Sitemap):
    limit = SECTION_SIZE
    changefreq = "weekly"
    priority = 0.6

    def items(self) -> QuerySet[Article]:
        with_published = Exists(Claim.objects.published().filter(article=OuterRef("pk")))
        return Article.objects.filter(with_published).only("slug", "updated_at").order_by("pk")

    def lastmod(self, article: Article) -> datetime:
        return article.updated_at


class LedgerPagesSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self) -> list[str]:
        return ["public:home", "public:claims", "public:stats", "public:methodology", "public:corrections-policy"]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {"pages": LedgerPagesSitemap, "claims": ClaimSitemap, "articles": ArticleSitemap}
