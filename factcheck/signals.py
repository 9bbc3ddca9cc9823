"""Invalidate the public ledger's cache whenever something it shows may have changed.

Publishing, unpublishing and corrections all save a Claim, a Verdict or a Correction; edits to
articles, ratings, sources and pages change what public pages show too. Such a save or delete
replaces the cache generation, so no cached page outlives the data it was rendered from.

Reviewers save drafts all day; those saves leave public pages alone, so they keep the cache warm:
a save bumps the generation only when the row is public (or was, for an unpublish). When unsure,
bump: over-invalidating costs a re-render, under-invalidating would show a stale verdict.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from factcheck.ledger import bump_cache_generation


def invalidate() -> None:
    # Bump now (so this request never reads a stale page) and again after commit (so a page
    # rendered by another process between the write and its commit is not kept).
    bump_cache_generation()
    transaction.on_commit(bump_cache_generation)


def ledger_changed(sender, **kwargs) -> None:
    invalidate()


def claim_saved(sender, instance, update_fields=None, **kwargs) -> None:
    # An unpublish saves published_verdict (now empty): that must bump too.
    if instance.published_verdict_id is not None or update_fields is None or "published_verdict" in update_fields:
        invalidate()


def verdict_saved(sender, instance, **kwargs) -> None:
    if instance.published_at is not None:  # drafts and approvals are not public
        invalidate()


def correction_saved(sender, instance, **kwargs) -> None:
    if instance.published_at is not None:  # an open correction is not public yet
        invalidate()


def claim_source_saved(sender, instance, **kwargs) -> None:
    from factcheck.models import Claim

    if Claim.objects.published().filter(pk=instance.claim_id).exists():
        invalidate()


def source_saved(sender, instance, **kwargs) -> None:
    if instance.claim_sources.filter(claim__published_verdict__isnull=False).exists():
        invalidate()


def article_saved(sender, instance, **kwargs) -> None:
    if instance.claims.filter(published_verdict__isnull=False).exists():
        invalidate()


def connect() -> None:
    from factcheck import models

    on_save = {
        models.Article: article_saved,
        models.Claim: claim_saved,
        models.Verdict: verdict_saved,
        models.Correction: correction_saved,
        models.Rating: ledger_changed,
        models.Source: source_saved,
        models.ClaimSource: claim_source_saved,
        models.Page: ledger_changed,
    }
    for model, receiver in on_save.items():
        uid = f"ledger-cache-{model.__name__}"
        post_save.connect(receiver, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(ledger_changed, sender=model, dispatch_uid=uid + "-delete")
    m2m_changed.connect(ledger_changed, sender=models.Claim.sources.through, dispatch_uid="ledger-cache-sources")
