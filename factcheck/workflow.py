"""The review workflow: every state change of a claim, as plain atomic functions.

new -> research -> review -> approved -> published, and dismissed (with a reason) -> new.
A published verdict changes only through `open_correction`, which starts a new verdict
version that needs its own review and approval; the published one stays public meanwhile.

Every function locks the claim row, refuses a write based on a stale `expected_version`
(two reviewers never silently overwrite each other) and raises `WorkflowError` with a
message that says what is missing. Views, admin actions and commands all come here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from types import SimpleNamespace
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils import timezone
from simple_history.models import HistoricalRecords

from factcheck.models import (
    Claim,
    ClaimSource,
    ClaimStatus,
    Correction,
    DismissalReason,
    Note,
    PublicSearchEntry,
    Rating,
    Source,
    Verdict,
)

User = AbstractBaseUser | AnonymousUser

REVIEW_PERMISSION = "factcheck.change_claim"
APPROVE_PERMISSION = "factcheck.approve_claim"
PUBLISH_PERMISSION = "factcheck.publish_claim"

EDITABLE_STATUSES = {ClaimStatus.NEW, ClaimStatus.RESEARCH, ClaimStatus.REVIEW, ClaimStatus.APPROVED}


class WorkflowError(Exception):
    """A refused change; the message tells the person what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotAllowed(WorkflowError):
    """The person lacks the role for this step."""


class VersionConflict(WorkflowError):
    """Someone else changed the claim since the person loaded it."""

    def __init__(self, current: Claim) -> None:
        self.current = current
        super().__init__(
            "Someone else changed this claim while you were editing it "
            f"(it is now at version {current.version}). Review their changes, then apply yours again."
        )


def _require(user: User, permission: str, action: str) -> None:
    if not user.is_authenticated or not user.has_perm(permission):
        role = "an Editor" if permission != REVIEW_PERMISSION else "a Reviewer or Editor"
        raise NotAllowed(f"Only {role} can {action}.")


def can_review(user: User) -> bool:
    return user.is_authenticated and user.has_perm(REVIEW_PERMISSION)


def can_approve(user: User) -> bool:
    return user.is_authenticated and user.has_perm(APPROVE_PERMISSION)


def can_publish(user: User) -> bool:
    return user.is_authenticated and user.has_perm(PUBLISH_PERMISSION)


def _locked(claim: Claim, expected_version: int | None) -> Claim:
    locked = Claim.objects.select_for_update().select_related("article").get(pk=claim.pk)
    if expected_version is not None and locked.version != expected_version:
        raise VersionConflict(locked)
    return locked


def _save(claim: Claim, user: User, fields: set[str]) -> Claim:
    claim.version += 1
    claim._history_user = user if user.is_authenticated else None  # read by django-simple-history
    claim.save(update_fields=[*fields, "version", "updated_at"])
    return claim


@contextmanager
def recorded_as(user: User) -> Iterator[None]:
    """Every history row written inside names this user, in requests, commands and scripts alike."""
    context = HistoricalRecords.context
    previous = getattr(context, "request", None)
    if previous is None or getattr(previous, "user", None) != user:
        context.request = SimpleNamespace(user=user)
    try:
        yield
    finally:
        if previous is None:
            del context.request
        else:
            context.request = previous


def claim_transition(action: str, permission: str = REVIEW_PERMISSION) -> Callable:
    """Check the role, lock the claim at the expected version, run atomically, bump the version."""

    def decorator(func: Callable[..., set[str]]) -> Callable[..., Claim]:
        @wraps(func)
        def wrapper(claim: Claim, user: User, *, expected_version: int | None, **kwargs: Any) -> Claim:
            _require(user, permission, action)
            with transaction.atomic(), recorded_as(user):
                locked = _locked(claim, expected_version)
                changed = func(locked, user, **kwargs)
                return _save(locked, user, changed)

        return wrapper

    return decorator


def current_verdict(claim: Claim) -> Verdict | None:
    return claim.verdicts.filter(is_current=True).select_related("rating").first()


def _refuse_when_published(claim: Claim, what: str) -> None:
    if claim.status == ClaimStatus.PUBLISHED:
        raise WorkflowError(f"This claim is published: open a correction before you {what}.")
    if claim.status == ClaimStatus.DISMISSED:
        raise WorkflowError(f"This claim is dismissed: restore it before you {what}.")


def _reopen(claim: Claim) -> set[str]:
    """Any edit after review starts invalidates approval: the claim goes back to research."""
    changed: set[str] = set()
    if claim.status in {ClaimStatus.NEW, ClaimStatus.REVIEW, ClaimStatus.APPROVED}:
        claim.status = ClaimStatus.RESEARCH
        changed.add("status")
    verdict = current_verdict(claim)
    if verdict and verdict.approved_at and not verdict.published_at:
        verdict.approved_by, verdict.approved_at = None, None
        verdict.save(update_fields=["approved_by", "approved_at", "updated_at"])
    return changed


@claim_transition("edit claims")
def update_claim(claim: Claim, user: User, **fields: Any) -> set[str]:
    """Edit the reviewer-owned fields: claim_as_checked, kind, claimant."""
    allowed = {"claim_as_checked", "kind", "claimant"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"update_claim cannot change {sorted(unknown)}")
    changed = {name for name, value in fields.items() if getattr(claim, name) != value}
    if not changed:
        return set()
    _refuse_when_published(claim, "edit it")
    for name in changed:
        setattr(claim, name, fields[name])
    return changed | _reopen(claim)


@claim_transition("write verdicts")
def save_verdict_draft(claim: Claim, user: User, *, rating: Rating | None, explanation: str) -> set[str]:
    _refuse_when_published(claim, "change its verdict")
    if rating is not None and not rating.is_active:
        raise WorkflowError(f"The rating “{rating}” is retired: choose another one.")
    verdict = current_verdict(claim)
    if verdict is None:
        Verdict.objects.create(claim=claim, number=1, rating=rating, explanation=explanation, author=user)
    elif verdict.rating_id != (rating.pk if rating else None) or verdict.explanation != explanation:
        verdict.rating, verdict.explanation, verdict.author = rating, explanation, user
        verdict._history_user = user
        verdict.save(update_fields=["rating", "explanation", "author", "updated_at"])
    else:
        return set()
    return _reopen(claim)


@claim_transition("attach sources")
def attach_source(claim: Claim, user: User, *, source: Source, note: str = "") -> set[str]:
    _refuse_when_published(claim, "attach sources")
    if claim.claim_sources.filter(source=source).exists():
        raise WorkflowError("This source is already attached to the claim.")
    order = claim.claim_sources.count() + 1
    ClaimSource.objects.create(claim=claim, source=source, note=note, order=order, added_by=user)
    return _reopen(claim)


@claim_transition("remove sources")
def detach_source(claim: Claim, user: User, *, source: Source) -> set[str]:
    _refuse_when_published(claim, "remove sources")
    link = claim.claim_sources.filter(source=source).first()
    if link is None:
        raise WorkflowError("This source is not attached to the claim.")
    if claim.published_verdict_id and link.added_at <= claim.published_verdict.published_at:
        raise WorkflowError("This source backs the published verdict: it stays on the record.")
    link.delete()
    return _reopen(claim)


def add_note(claim: Claim, user: User, body: str) -> Note:
    """Notes are a thread, not a shared draft, so they need no version check."""
    _require(user, REVIEW_PERMISSION, "write notes")
    body = body.strip()
    if not body:
        raise WorkflowError("Write something in the note before saving it.")
    with recorded_as(user):
        return Note.objects.create(claim=claim, author=user, body=body)


@claim_transition("assign claims")
def assign(claim: Claim, user: User, *, assignee: User | None) -> set[str]:
    if assignee is not None and not can_review(assignee):
        raise WorkflowError(f"{assignee} is not a Reviewer or Editor: choose someone who can review claims.")
    claim.assignee = assignee
    return {"assignee"}


@claim_transition("start research")
def start_research(claim: Claim, user: User) -> set[str]:
    if claim.status != ClaimStatus.NEW:
        raise WorkflowError(f"Only new claims can start research; this one is {claim.get_status_display().lower()}.")
    claim.status = ClaimStatus.RESEARCH
    return {"status"}


def review_blockers(claim: Claim, verdict: Verdict | None, source_count: int) -> list[str]:
    """What is still missing before a claim may enter review (empty when ready)."""
    missing = []
    if not claim.claim_as_checked.strip():
        missing.append("the claim as checked")
    if verdict is None or verdict.rating_id is None:
        missing.append("a rating")
    if verdict is None or not verdict.explanation.strip():
        missing.append("an explanation")
    if source_count == 0:
        missing.append("at least one source")
    return missing


@claim_transition("send claims to review")
def submit_for_review(claim: Claim, user: User) -> set[str]:
    if claim.status not in {ClaimStatus.NEW, ClaimStatus.RESEARCH}:
        raise WorkflowError(f"Only claims in research can be sent to review; this one is {claim.get_status_display().lower()}.")
    missing = review_blockers(claim, current_verdict(claim), claim.claim_sources.count())
    if missing:
        raise WorkflowError("Before review, add " + _join(missing) + ".")
    claim.status = ClaimStatus.REVIEW
    return {"status"}


@claim_transition("send claims back to research", APPROVE_PERMISSION)
def return_to_research(claim: Claim, user: User) -> set[str]:
    if claim.status not in {ClaimStatus.REVIEW, ClaimStatus.APPROVED}:
        raise WorkflowError("Only claims in review or approved can be sent back to research.")
    return _reopen(claim)


@claim_transition("approve verdicts", APPROVE_PERMISSION)
def approve(claim: Claim, user: User) -> set[str]:
    if claim.status != ClaimStatus.REVIEW:
        raise WorkflowError(f"Only claims in review can be approved; this one is {claim.get_status_display().lower()}.")
    verdict = current_verdict(claim)
    if verdict.author_id == user.pk:
        raise NotAllowed("You wrote this verdict: a second person must approve it (four eyes).")
    verdict.approved_by, verdict.approved_at = user, timezone.now()
    verdict.claim_as_checked, verdict.claimant, verdict.kind = claim.claim_as_checked, claim.claimant, claim.kind
    verdict._history_user = user
    verdict.save(update_fields=["approved_by", "approved_at", "claim_as_checked", "claimant", "kind", "updated_at"])
    claim.status = ClaimStatus.APPROVED
    return {"status"}


@claim_transition("publish verdicts", PUBLISH_PERMISSION)
def publish(claim: Claim, user: User) -> set[str]:
    if claim.status != ClaimStatus.APPROVED:
        raise WorkflowError(f"Only approved claims can be published; this one is {claim.get_status_display().lower()}.")
    now = timezone.now()
    verdict = current_verdict(claim)
    previous = claim.published_verdict
    verdict.published_at = now
    verdict._history_user = user
    verdict.save(update_fields=["published_at", "updated_at"])
    for correction in claim.corrections.filter(verdict=verdict, published_at__isnull=True):
        correction.what_changed = describe_change(previous, verdict)
        correction.published_at = now
        correction.save(update_fields=["what_changed", "published_at"])
    claim.published_verdict = verdict
    claim.status = ClaimStatus.PUBLISHED
    PublicSearchEntry.sync(claim)
    changed = {"published_verdict", "status"}
    if claim.first_published_at is None:
        claim.first_published_at = now
        changed.add("first_published_at")
    return changed


@claim_transition("unpublish verdicts", PUBLISH_PERMISSION)
def unpublish(claim: Claim, user: User, *, reason: str) -> set[str]:
    if claim.published_verdict_id is None:
        raise WorkflowError("This claim is not published.")
    if not reason.strip():
        raise WorkflowError("Say why the verdict is withdrawn: the reason is kept in the corrections log.")
    Correction.objects.create(
        claim=claim, verdict=None, what_changed="The verdict was withdrawn.", reason=reason.strip(),
        author=user, published_at=timezone.now(),
    )
    claim.published_verdict = None
    PublicSearchEntry.sync(claim)
    changed = {"published_verdict"}
    if claim.status == ClaimStatus.PUBLISHED:
        claim.status = ClaimStatus.APPROVED
        changed.add("status")
    return changed


@claim_transition("correct published verdicts", PUBLISH_PERMISSION)
def open_correction(claim: Claim, user: User, *, reason: str) -> set[str]:
    """Start a new verdict version; the published one stays public until the new one is published."""
    if claim.status != ClaimStatus.PUBLISHED:
        raise WorkflowError("Only a published verdict can be corrected; edit the draft instead.")
    if not reason.strip():
        raise WorkflowError("A correction needs a note saying why the verdict changes; it will be public.")
    old = current_verdict(claim)
    old.is_current = False
    old.save(update_fields=["is_current"])
    new = Verdict.objects.create(
        claim=claim, number=old.number + 1, rating=old.rating, explanation=old.explanation, author=user,
    )
    Correction.objects.create(claim=claim, verdict=new, reason=reason.strip(), author=user)
    claim.status = ClaimStatus.RESEARCH
    return {"status"}


@claim_transition("dismiss claims")
def dismiss(claim: Claim, user: User, *, reason: str) -> set[str]:
    if reason not in DismissalReason.values:
        raise WorkflowError("Choose why the claim is dismissed: " + _join(DismissalReason.labels, "or") + ".")
    if claim.published_verdict_id is not None:
        raise WorkflowError("This claim has a published verdict: unpublish it before dismissing it.")
    if claim.status == ClaimStatus.DISMISSED:
        raise WorkflowError("This claim is already dismissed.")
    claim.status, claim.dismissal_reason = ClaimStatus.DISMISSED, reason
    return {"status", "dismissal_reason"}


@claim_transition("restore claims")
def restore(claim: Claim, user: User) -> set[str]:
    if claim.status != ClaimStatus.DISMISSED:
        raise WorkflowError("Only dismissed claims can be restored.")
    claim.status, claim.dismissal_reason = ClaimStatus.NEW, ""
    return {"status", "dismissal_reason"}


def describe_change(previous: Verdict | None, new: Verdict) -> str:
    if previous is None:
        return "The verdict was published again."
    changes = []
    if previous.rating_id != new.rating_id:
        changes.append(f"Rating changed from “{previous.rating}” to “{new.rating}”.")
    if previous.claim_as_checked != new.claim_as_checked:
        changes.append("The wording of the claim as checked was revised.")
    if previous.explanation != new.explanation:
        changes.append("The explanation was revised.")
    return " ".join(changes) or "The verdict was reviewed again without changes to rating or text."


def _join(items: list[str], last: str = "and") -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {last} " + items[-1]


# --- Reviewer span editing: claims made from a selection, merged or split (reviewer workbench) ---

def _place(claim: Claim, start: int, end: int) -> set[str]:
    """Move a claim's span to [start, end) of its article, with a fresh sentence and context."""
    from factcheck.extraction import split_sentences
    from factcheck.ingest import context_around, sentence_around

    body = claim.article.body
    sentences = split_sentences(body)
    sentence_start, sentence_end = sentence_around(sentences, [s for s, _ in sentences], start, end)
    prefix, suffix = context_around(body, start, end)
    new = {
        "start": start, "end": end, "quote": body[start:end], "prefix": prefix, "suffix": suffix,
        "sentence_start": sentence_start, "sentence_end": sentence_end, "needs_reanchoring": False,
    }
    changed = {name for name, value in new.items() if getattr(claim, name) != value}
    for name in changed:
        setattr(claim, name, new[name])
    return changed


def _trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding whitespace and stray punctuation from a selected span."""
    strip = " \t\n,;:"
    while start < end and body[start] in strip:
        start += 1
    while end > start and body[end - 1] in strip:
        end -= 1
    return start, end


def add_claim_from_selection(
    article: Any, user: User, *, start: int, end: int, quote: str, kind: str | None = None
) -> Claim:
    """A reviewer marks a span of the article as a claim; offsets and quote must match the text."""
    from factcheck.models import ClaimOrigin

    _require(user, REVIEW_PERMISSION, "add claims")
    body = article.body
    if not (0 <= start < end <= len(body)) or body[start:end] != quote:
        raise WorkflowError(
            "The selected text does not match the article at that position: reload the page and select it again."
        )
    start, end = _trimmed(body, start, end)
    if end - start < 2:
        raise WorkflowError("Select at least a few words of the article to make a claim.")
    with transaction.atomic(), recorded_as(user):
        existing = Claim.objects.select_for_update().filter(article=article, start=start, end=end)
        if existing.exclude(status=ClaimStatus.DISMISSED).exists():
            raise WorkflowError("This exact passage is already a claim: open it from the list instead.")
        claim = Claim(
            article=article, kind=kind or "other", score=1.0, claimant=article.outlet,
            origin=ClaimOrigin.REVIEWER, assignee=user if user.is_authenticated else None,
            start=start, end=end, sentence_start=start, sentence_end=end,
        )
        _place(claim, start, end)
        claim._history_user = user
        claim.save()
    return claim


def merge_claims(
    keep: Claim, other: Claim, user: User, *, expected_version: int | None, other_version: int | None
) -> Claim:
    """Fold `other` into `keep`: one span covering both, its sources and notes moved; `other` is dismissed as a duplicate."""
    _require(user, REVIEW_PERMISSION, "merge claims")
    if keep.pk == other.pk:
        raise WorkflowError("Choose two different claims to merge.")
    with transaction.atomic(), recorded_as(user):
        locked = _locked(keep, expected_version)
        second = _locked(other, other_version)
        if locked.article_id != second.article_id:
            raise WorkflowError("Only claims from the same article can be merged.")
        for claim in (locked, second):
            _refuse_when_published(claim, "merge it")
            if claim.published_verdict_id is not None:
                raise WorkflowError("A claim with a published verdict cannot be merged: unpublish it first.")
        if second.verdicts.exists():
            raise WorkflowError(
                "The other claim already has a verdict draft: open it and merge this claim into it instead."
            )
        changed = _place(locked, min(locked.start, second.start), max(locked.end, second.end))
        attached = set(locked.claim_sources.values_list("source_id", flat=True))
        order = len(attached)
        for link in second.claim_sources.exclude(source_id__in=attached).order_by("order", "pk"):
            order += 1
            ClaimSource.objects.create(
                claim=locked, source_id=link.source_id, note=link.note, order=order, added_by=user
            )
        second.claim_sources.all().delete()
        Note.objects.filter(claim=second).update(claim=locked)
        Note.objects.create(
            claim=locked, author=user, body=f"Merged claim #{second.pk} (“{second.quote}”) into this one."
        )
        if locked.assignee_id is None and second.assignee_id is not None:
            locked.assignee_id = second.assignee_id
            changed.add("assignee")
        if not locked.claim_as_checked and second.claim_as_checked:
            locked.claim_as_checked = second.claim_as_checked
            changed.add("claim_as_checked")
        second.status, second.dismissal_reason = ClaimStatus.DISMISSED, DismissalReason.DUPLICATE
        _save(second, user, {"status", "dismissal_reason"})
        changed |= _reopen(locked)
        return _save(locked, user, changed)


def split_claim(claim: Claim, user: User, *, expected_version: int | None, at: int) -> tuple[Claim, Claim]:
    """Cut a claim in two at article offset `at`; the first part keeps the verdict, sources and notes."""
    from factcheck.models import ClaimOrigin

    _require(user, REVIEW_PERMISSION, "split claims")
    with transaction.atomic(), recorded_as(user):
        locked = _locked(claim, expected_version)
        _refuse_when_published(locked, "split it")
        body = locked.article.body
        if not (locked.start < at < locked.end):
            raise WorkflowError("Choose a split point inside the claim's quote.")
        first = _trimmed(body, locked.start, at)
        second = _trimmed(body, at, locked.end)
        if first[1] - first[0] < 2 or second[1] - second[0] < 2:
            raise WorkflowError("Both parts need some words: choose a split point further from the ends.")
        changed = _place(locked, *first)
        new = Claim(
            article=locked.article, kind=locked.kind, score=locked.score, claimant=locked.claimant,
            origin=ClaimOrigin.REVIEWER, assignee=locked.assignee,
            start=second[0], end=second[1], sentence_start=second[0], sentence_end=second[1],
        )
        _place(new, *second)
        new._history_user = user
        new.save()
        changed |= _reopen(locked)
        return _save(locked, user, changed), new
