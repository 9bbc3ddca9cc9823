"""Invalidate the public ledger's cache whenever something it shows may have changed.

Publishing, unpublishing and corrections all save a Claim, a Verdict or a Correction; edits to
articles, ratings, sources and pages change what public pages show too. Any such save or delete
replaces the cache generation, so no cached page outlives the data it was rendered from.
Over-invalidating on draft edits costs a few re-renders; under-invalidating would show a stale verdict.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from factcheck.ledger import bump_cache_generation


def ledger_changed(sender, **kwargs) -> None:
    # Bump now (so this request never reads a stale page) and again after commit (so a page
    # rendered by another process between the write and its commit is not kept).
    bump_cache_generation()
    transaction.on_commit(bump_cache_generation)


def connect() -> None:
    from factcheck import models

    watched = [
        models.Article, models.Claim, models.Verdict, models.Correction,
        models.Rating, models.Source, models.ClaimSource,
    ]
    if hasattr(models, "Page"):
        watched.append(models.Page)
    for model in watched:
        uid = f"ledger-cache-{model.__name__}"
        post_save.connect(ledger_changed, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(ledger_changed, sender=model, dispatch_uid=uid + "-delete")
    m2m_changed.connect(ledger_changed, sender=models.Claim.sources.through, dispatch_uid="ledger-cache-sources")
