"""The claim ledger's data: articles, the claims found in them, verdicts, sources and notes.

State changes that touch several rows live in `factcheck.workflow`; models only store data and
answer small questions about themselves.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from factcheck.extraction import ClaimKind
from factcheck.validators import validate_web_url

ANCHOR_CONTEXT_LENGTH = 32


class WebURLField(models.URLField):
    """An http(s)-only URL; forms assume https:// when the scheme is left out."""

    default_validators = [validate_web_url]

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class MatchKey(models.Func):
    """Lower-cased first 120 characters of a text, for indexed "same text" lookups. Literal
    arguments (not query parameters) so that databases match queries to the expression index."""

    template = "LOWER(SUBSTR(%(expressions)s, 1, 120))"
    output_field = models.CharField()


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def claim_slug(wording: str, quote: str) -> str:
    return slugify(wording or quote)[:80].strip("-") or "claim"


class ArticleQuerySet(models.QuerySet):
    def with_published_claims(self) -> ArticleQuerySet:
        return self.filter(claims__published_verdict__isnull=False).distinct()


class Article(models.Model):
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=120, unique=True)
    outlet = models.CharField("outlet / publisher", max_length=200, blank=True, db_index=True)
    author = models.CharField(max_length=200, blank=True)
    url = WebURLField("original URL", max_length=1000, blank=True)
    published_on = models.DateField("publication date", null=True, blank=True)
    language = models.CharField(max_length=12, default="en")
    body = models.TextField(help_text="Plain text; claims are anchored to character offsets in it.")
    content_hash = models.CharField(max_length=64, db_index=True, editable=False)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-imported_at"]
        indexes = [models.Index(fields=["-published_on", "-imported_at"], name="article_recent_idx")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.content_hash = content_hash(self.body)
        if kwargs.get("update_fields") is not None and "body" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "content_hash"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("public:article", args=[self.slug])


class Rating(models.Model):
    """One step of the rating scale; editors reorder and relabel it in the admin."""

    label = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    value = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="ClaimReview ratingValue (higher is truer). Leave empty for ratings off the scale, like Unverifiable.",
    )
    colour = models.CharField(
        max_length=7,
        default="#6b7280",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", "Enter a colour like #1a7f37.")],
    )
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True, help_text="Inactive ratings stay on old verdicts but cannot be chosen.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.label


class ClaimStatus(models.TextChoices):
    NEW = "new", "New"
    RESEARCH = "research", "In research"
    REVIEW = "review", "In review"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"
    DISMISSED = "dismissed", "Dismissed"


class DismissalReason(models.TextChoices):
    OPINION = "opinion", "Opinion"
    NOT_CHECKWORTHY = "not_checkworthy", "Not check-worthy"
    DUPLICATE = "duplicate", "Duplicate"
    OUT_OF_SCOPE = "out_of_scope", "Out of scope"


class ClaimOrigin(models.TextChoices):
    EXTRACTED = "extracted", "Extracted"
    REVIEWER = "reviewer", "Added by a reviewer"


class ClaimQuerySet(models.QuerySet):
    def published(self) -> ClaimQuerySet:
        """The only way public pages fetch claims: those with a published verdict."""
        return self.filter(published_verdict__isnull=False)

    def touched(self) -> ClaimQuerySet:
        """Claims a person has worked on; re-extraction must never drop them."""
        return self.filter(
            ~Q(status=ClaimStatus.NEW)
            | Q(origin=ClaimOrigin.REVIEWER)
            | Q(assignee__isnull=False)
            | Q(version__gt=1)
            | Q(verdicts__isnull=False)
            | Q(sources__isnull=False)
            | Q(notes__isnull=False)
        ).distinct()


class Claim(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    # W3C Web Annotation: TextPositionSelector (start/end) + TextQuoteSelector (quote/prefix/suffix).
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField()
    prefix = models.CharField(max_length=ANCHOR_CONTEXT_LENGTH * 2, blank=True)
    suffix = models.CharField(max_length=ANCHOR_CONTEXT_LENGTH * 2, blank=True)
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    needs_reanchoring = models.BooleanField(
        default=False, help_text="The quote is no longer in the article text; a reviewer must place it again."
    )

    kind = models.CharField(max_length=20, choices=[(k.value, k.label) for k in ClaimKind], default=ClaimKind.OTHER.value)
    score = models.FloatField(
        "check-worthiness", default=0.5, validators=[MinValueValidator(0.0), MaxValueValidator(1.0)]
    )
    values = models.JSONField(default=list, blank=True, help_text="Normalised figures found in the quote.")
    claim_as_checked = models.TextField(
        blank=True, help_text="Self-contained wording of what was checked, e.g. “Lukashenko has been president for 26 years”."
    )
    claimant = models.CharField(max_length=200, blank=True, help_text="The outlet, or the person quoted.")
    origin = models.CharField(max_length=12, choices=ClaimOrigin.choices, default=ClaimOrigin.EXTRACTED)

    status = models.CharField(max_length=12, choices=ClaimStatus.choices, default=ClaimStatus.NEW, db_index=True)
    dismissal_reason = models.CharField(max_length=20, choices=DismissalReason.choices, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_claims"
    )
    published_verdict = models.OneToOneField(
        "Verdict", null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False, help_text="Optimistic lock: bumped on every change.")

    sources = models.ManyToManyField("Source", through="ClaimSource", related_name="claims")

    history = HistoricalRecords(excluded_fields=["values"])
    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start", "pk"]
        permissions = [
            ("approve_claim", "Can approve verdicts (four eyes)"),
            ("publish_claim", "Can publish, unpublish and correct verdicts"),
        ]
        indexes = [
            models.Index(fields=["status", "-score"], name="claim_queue_idx"),
            models.Index(fields=["-first_published_at"], name="claim_published_idx"),
            # "Also appeared in" on the public claim page looks claims up by their quote.
            models.Index(MatchKey("quote"), name="claim_quote_key_idx"),
            # The public ledger, newest first: only published rows (PostgreSQL sorts the many
            # NULL first_published_at of unpublished claims first in the index above).
            models.Index(
                fields=["-first_published_at", "-id"], condition=Q(published_verdict__isnull=False),
                name="claim_public_recent_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="claim_span_not_empty"),
            models.CheckConstraint(
                condition=Q(sentence_start__lte=F("start")) & Q(end__lte=F("sentence_end")),
                name="claim_span_inside_sentence",
            ),
            models.CheckConstraint(condition=Q(score__gte=0) & Q(score__lte=1), name="claim_score_between_0_and_1"),
            models.CheckConstraint(
                condition=~Q(status=ClaimStatus.DISMISSED) | ~Q(dismissal_reason=""),
                name="claim_dismissal_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(status=ClaimStatus.DISMISSED) | Q(dismissal_reason=""),
                name="claim_reason_only_when_dismissed",
            ),
        ]

    def __str__(self) -> str:
        return self.claim_as_checked or self.quote

    def get_absolute_url(self) -> str:
        return reverse("public:claim", args=[self.pk, self.slug])

    @property
    def slug(self) -> str:
        """From the published wording only: a correction being drafted never shows in a public URL."""
        return claim_slug(self.published_verdict.claim_as_checked if self.published_verdict_id else "", self.quote)

    @property
    def is_public(self) -> bool:
        return self.published_verdict_id is not None

    def clean(self) -> None:
        body = self.article.body if self.article_id else None
        if body is None:
            return
        if not (0 <= self.start < self.end <= len(body)):
            raise ValidationError("The claim's span must lie inside the article text.")
        if body[self.start : self.end] != self.quote:
            raise ValidationError({"quote": "The quote must be exactly the article text at the claim's span."})
        if not (0 <= self.sentence_start <= self.start and self.end <= self.sentence_end <= len(body)):
            raise ValidationError("The sentence span must contain the claim's span.")

    @property
    def sentence(self) -> str:
        return self.article.body[self.sentence_start : self.sentence_end]

    def sentence_parts(self) -> tuple[str, str, str]:
        """The sentence split around the quote, for highlighting it in place."""
        body = self.article.body
        return (
            body[self.sentence_start : self.start],
            body[self.start : self.end],
            body[self.end : self.sentence_end],
        )


class Verdict(models.Model):
    """One version of a claim's verdict; a claim keeps them all and one is current."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="verdicts")
    number = models.PositiveIntegerField(default=1, help_text="Version number within the claim.")
    is_current = models.BooleanField(default=True)
    rating = models.ForeignKey(Rating, null=True, blank=True, on_delete=models.PROTECT, related_name="verdicts")
    # Snapshot of the claim's wording taken at approval, so later drafts never change what the public sees.
    claim_as_checked = models.TextField(blank=True, editable=False)
    claimant = models.CharField(max_length=200, blank=True, editable=False)
    kind = models.CharField(max_length=20, choices=[(k.value, k.label) for k in ClaimKind], blank=True, editable=False)
    explanation = models.TextField(blank=True, help_text="Public explanation, Markdown.")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="verdicts_written")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="verdicts_approved"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["claim", "number"]
        indexes = [
            # "Also appeared in" on the public claim page looks verdicts up by their wording.
            models.Index(MatchKey("claim_as_checked"), name="verdict_wording_key_idx"),
            # The Atom feed: latest published verdict versions first.
            models.Index(fields=["-published_at"], condition=Q(published_at__isnull=False), name="verdict_published_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["claim", "number"], name="verdict_number_unique_per_claim"),
            models.UniqueConstraint(
                fields=["claim"], condition=Q(is_current=True), name="one_current_verdict_per_claim"
            ),
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True) | ~Q(approved_by=F("author")),
                name="verdict_four_eyes",
            ),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | Q(approved_at__isnull=False),
                name="verdict_published_only_when_approved",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rating or 'Unrated'} (v{self.number})"


class SourceKind(models.TextChoices):
    PRIMARY = "primary", "Primary document"
    STATISTICS = "statistics", "Official statistics"
    EXPERT = "expert", "Expert"
    NEWS = "news", "News report"
    OTHER = "other", "Other"


class Source(models.Model):
    url = WebURLField("URL", max_length=1000)
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200, blank=True)
    published_on = models.DateField("date published", null=True, blank=True)
    accessed_on = models.DateField("date accessed", null=True, blank=True)
    archive_url = WebURLField("archived copy", max_length=1000, blank=True)
    excerpt = models.TextField(blank=True, help_text="The passage relied on.")
    kind = models.CharField(max_length=12, choices=SourceKind.choices, default=SourceKind.OTHER)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.publisher})" if self.publisher else self.title


class ClaimSource(models.Model):
    """A source attached to a claim, with what it shows for this claim."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="claim_sources")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="claim_sources")
    note = models.TextField(blank=True, help_text="What this source shows for the claim.")
    order = models.PositiveSmallIntegerField(default=0)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["claim", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["claim", "source"], name="source_once_per_claim")]

    def __str__(self) -> str:
        return f"{self.source} for claim {self.claim_id}"


class Note(models.Model):
    """Internal reviewer note: never shown on public pages."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(help_text="Markdown.")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["claim", "created_at", "pk"]

    def __str__(self) -> str:
        return f"Note by {self.author} on claim {self.claim_id}"


class CorrectionQuerySet(models.QuerySet):
    def published(self) -> CorrectionQuerySet:
        return self.filter(published_at__isnull=False)


class Correction(models.Model):
    """A public entry for every change to a published verdict."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="corrections")
    verdict = models.ForeignKey(
        Verdict, null=True, blank=True, on_delete=models.PROTECT, related_name="corrections",
        help_text="The verdict version this correction introduced (empty when the verdict was withdrawn).",
    )
    what_changed = models.TextField(blank=True, help_text="Filled in when the corrected verdict is published.")
    reason = models.TextField("why")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True, help_text="Public once the corrected verdict is published.")

    history = HistoricalRecords()
    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["claim", "created_at", "pk"]

    def __str__(self) -> str:
        return f"Correction to claim {self.claim_id}: {self.what_changed[:60]}"


class Page(models.Model):
    """Editable public text, like the methodology and the corrections policy (Markdown)."""

    slug = models.SlugField(max_length=60, unique=True)
    title = models.CharField(max_length=200)
    body = models.TextField(help_text="Markdown.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class PublicSearchEntry(models.Model):
    """One narrow row per published claim: the public words to search, lowercased.

    Searching this small table is several times faster than matching across the wide claim and
    verdict tables. It holds only published wording, so a draft can never be found by searching.
    """

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, primary_key=True, related_name="search_entry")
    text = models.TextField()

    @staticmethod
    def text_for(claim: Claim, verdict: Verdict) -> str:
        return " ".join([claim.quote, verdict.claim_as_checked, verdict.claimant]).lower()

    @classmethod
    def sync(cls, claim: Claim) -> None:
        """Match the claim's published state: an entry while a verdict is public, none otherwise."""
        if claim.published_verdict_id is None:
            cls.objects.filter(claim_id=claim.pk).delete()
        else:
            cls.objects.update_or_create(claim_id=claim.pk, defaults={"text": cls.text_for(claim, claim.published_verdict)})
