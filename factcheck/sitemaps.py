"""sitemap.xml: published claim pages, public article pages and the ledger's fixed pages."""

from __future__ import annotations

from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, Max, OuterRef, QuerySet
from django.urls import reverse

from factcheck import ledger
from factcheck.models import Article, Claim, claim_slug

SECTION_SIZE = 5000


class ClaimSitemap(Sitemap):
    limit = SECTION_SIZE
    changefreq = "monthly"
    priority = 0.8

    def items(self) -> QuerySet:
        # Plain tuples (pk, quote, published wording, published at): model instances for
        # 20,000 claims cost several times more.
        return (
            Claim.objects.published()
            .order_by("pk")
            .values_list("pk", "quote", "published_verdict__claim_as_checked", "published_verdict__published_at")
        )

    def location(self, item: tuple) -> str:
        pk, quote, wording, _ = item
        return ledger.claim_url(pk, claim_slug(wording, quote))

    def lastmod(self, item: tuple) -> datetime | None:
        return item[3]

    def get_latest_lastmod(self) -> datetime | None:
        # Django's default walks every item; one aggregate is enough.
        return Claim.objects.published().aggregate(latest=Max("published_verdict__published_at"))["latest"]


class ArticleSitemap(Sitemap):
    limit = SECTION_SIZE
    changefreq = "weekly"
    priority = 0.6

    def items(self) -> QuerySet[Article]:
        with_published = Exists(Claim.objects.published().filter(article=OuterRef("pk")))
        return Article.objects.filter(with_published).only("slug", "updated_at").order_by("pk")

    def lastmod(self, article: Article) -> datetime:
        return article.updated_at

    def get_latest_lastmod(self) -> datetime | None:
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class LedgerPagesSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self) -> list[str]:
        return ["public:home", "public:claims", "public:stats", "public:methodology", "public:corrections-policy"]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {"pages": LedgerPagesSitemap, "claims": ClaimSitemap, "articles": ArticleSitemap}
