"""The ledger's Atom feed: newly published and corrected verdicts, newest first.

A corrected verdict is a new entry (its id carries the verdict version), so readers who
republished the first verdict see the correction. Authors are the organisation, never a reviewer.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from django.contrib.syndication.views import Feed

from factcheck import ledger
from factcheck.markdown import render_markdown
from factcheck.models import Claim

FEED_LENGTH = 50


class LedgerFeed(Feed):
    feed_type = Atom1Feed

    def title(self) -> str:
        return f"{settings.FACTCHECK_ORGANIZATION_NAME}: latest verdicts"

    def subtitle(self) -> str:
        return "Newly published and corrected fact-check verdicts."

    def link(self) -> str:
        return reverse("public:home")

    def feed_url(self) -> str:
        return reverse("public:feed")

    def author_name(self) -> str:
        return settings.FACTCHECK_ORGANIZATION_NAME

    def items(self) -> QuerySet[Claim]:
        # The published_at condition (always true here) lets databases walk verdict_published_idx.
        return (
            ledger.published_claims()
            .filter(published_verdict__published_at__isnull=False)
            .order_by("-published_verdict__published_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, claim: Claim) -> str:
        verdict = claim.published_verdict
        wording = verdict.claim_as_checked or claim.quote
        label = verdict.rating.label if verdict.rating else "Unrated"
        prefix = "Corrected: " if verdict.number > 1 else ""
        return f"{prefix}{label} — {wording}"

    def item_description(self, claim: Claim) -> str:
        return str(render_markdown(claim.published_verdict.explanation))

    def item_link(self, claim: Claim) -> str:
        return ledger.public_claim_url(claim)

    def item_guid(self, claim: Claim) -> str:
        return f"{ledger.absolute_url(ledger.public_claim_url(claim))}#verdict-{claim.published_verdict.number}"

    item_guid_is_permalink = False

    def item_pubdate(self, claim: Claim) -> datetime | None:
        return claim.published_verdict.published_at

    def item_updateddate(self, claim: Claim) -> datetime | None:
        return claim.published_verdict.published_at

    def item_author_name(self, claim: Claim) -> str:
        return settings.FACTCHECK_ORGANIZATION_NAME

    def item_categories(self, claim: Claim) -> list[str]:
        rating = claim.published_verdict.rating
        return [rating.label] if rating else []
