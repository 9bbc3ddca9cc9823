"""Bring articles in and keep their claims in step with their text.

Extraction runs whenever an article is created or its text changes. Claims a person has
touched are never deleted or rewritten: they are re-anchored to the new text by quote and
context, and flagged when their quote is gone. Untouched candidates are refreshed.
"""

from __future__ import annotations

import bisect
import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache
from django.db import transaction
from django.utils.text import slugify

from factcheck.extraction import ClaimCandidate, explain_claims, extract_claims, reanchor, split_sentences  # noqa
from factcheck.models import ANCHOR_CONTEXT_LENGTH, Article, Claim, ClaimOrigin, PublicSearchEntry, content_hash

MAX_ARTICLE_CHARS = 2_000_000
# The claim panel explains a score by extracting again; beyond this it would take too long.
MAX_EXPLAINED_CHARS = 100_000
SCORE_PARTS_SECONDS = 3600
MAX_TITLE_LINE = 150
HTML_SUFFIXES = {".html", ".htm"}


class ImportRefused(ValueError):
    """The text cannot become an article; the message says why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class RefreshReport:
    created: int = 0
    updated: int = 0
    removed: int = 0
    kept: int = 0
    reanchored: int = 0
    lost_anchor: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.created + self.updated + self.kept


def clean_text(text: str) -> str:
    """Normalise newlines and drop control characters, keeping tabs and line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


# A file that starts like one of these is a document or an image, not text.
BINARY_SIGNATURES = (b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"{\\rtf")
# Past this share of undecodable bytes and control characters, the file is binary data.
MAX_NOT_TEXT_SHARE = 0.3
_NOT_TEXT_CHARACTERS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")  # control characters, bad bytes
NOT_TEXT = (
    "This file is not text: it looks like binary data (a PDF, a Word document or an image?). "
    "Save the article as a .txt, .md or .html file in UTF-8, or paste its text."
)


def decode_text(raw: bytes) -> tuple[str, list[str]]:
    """Text from bytes: UTF-8 (with or without BOM), or UTF-16 with its BOM; bad bytes are
    replaced, with a warning. Raises ``ImportRefused`` for binary data (a PDF, an image)."""
    if raw.startswith(BINARY_SIGNATURES):
        raise ImportRefused(NOT_TEXT)
    warnings: list[str] = []
    try:
        text = raw.decode("utf-16" if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig")
    except UnicodeDecodeError as error:
        if error.encoding.startswith("utf-16"):
            raise ImportRefused(NOT_TEXT) from None
        text = raw.decode("utf-8", errors="replace")
        warnings = [f"not valid UTF-8 (first bad byte at offset {error.start}); undecodable bytes were replaced with �"]
    if len(_NOT_TEXT_CHARACTERS.findall(text)) > MAX_NOT_TEXT_SHARE * len(text):
        raise ImportRefused(NOT_TEXT)
    return text, warnings


def split_title(text: str, fallback: str) -> tuple[str, str]:
    """Title from the first line when it reads like one; otherwise keep the text whole."""
    stripped = text.strip("\n")
    first, _, rest = stripped.partition("\n")
    title = first.strip().lstrip("#").strip()
    if title and len(title) <= MAX_TITLE_LINE and rest.strip():
        return title, rest.strip("\n")
    if title:
        words = title.split()
        short = " ".join(words[:12])
        return (short + "…" if len(words) > 12 else short), stripped
    return fallback, stripped


def read_article_file(path) -> tuple[str, str, list[str]]:
    """(title, body, warnings) from a .txt, .md or .html file."""
    from pathlib import Path

    path = Path(path)
    text, warnings = decode_text(path.read_bytes())
    fallback = path.stem.replace("_", " ").replace("-", " ").strip() or "Untitled article"
    if path.suffix.lower() in HTML_SUFFIXES:
        from factcheck.fetch import text_from_html

        title, body = text_from_html(text)
        if not body.strip():
            raise ImportRefused("No article text could be found in this HTML page.")
        return title or fallback, body, warnings
    title, body = split_title(clean_text(text), fallback)
    return title, body, warnings


def unique_slug(title: str, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:100].strip("-") or "article"
    taken = set(
        Article.objects.filter(slug__startswith=base).exclude(pk=exclude_pk).values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def context_around(body: str, start: int, end: int) -> tuple[str, str]:
    return body[max(0, start - ANCHOR_CONTEXT_LENGTH) : start], body[end : end + ANCHOR_CONTEXT_LENGTH]


def sentence_around(sentences: list[tuple[int, int]], starts: list[int], start: int, end: int) -> tuple[int, int]:
    """The sentence holding [start, end), widened to cover the span if it crosses sentences."""
    index = bisect.bisect_right(starts, start) - 1
    if index < 0:
        return start, end
    s_start, s_end = sentences[index]
    last = bisect.bisect_left(starts, end) - 1
    if last > index:
        s_end = max(s_end, sentences[last][1])
    return min(s_start, start), max(s_end, end)


def claim_from_candidate(article: Article, candidate: ClaimCandidate) -> Claim:
    return Claim(
        article=article,
        start=candidate.start,
        end=candidate.end,
        quote=candidate.quote,
        prefix=candidate.prefix,
        suffix=candidate.suffix,
        sentence_start=candidate.sentence_start,
        sentence_end=candidate.sentence_end,
        kind=candidate.kind.value,
        score=round(min(max(candidate.score, 0.0), 1.0), 4),
        values=[value for value in candidate.to_dict().get("values", [])],
        claimant=article.outlet,
        origin=ClaimOrigin.EXTRACTED,
    )


def score_parts(claim: Claim) -> list[tuple[str, float]]:
    """Why the extractor scored a claim as it did: the signed parts of its score, largest first.

    Worked out again from the article text (about 1 ms per kilobyte, so only for articles up
    to ``MAX_EXPLAINED_CHARS``), once per text: the parts of every claim of the article are
    cached under its content hash, so moving from claim to claim costs a cache lookup. Empty
    for a claim a person added, for a longer article, or for a claim whose span no longer
    matches what the extractor finds.
    """
    article = claim.article
    if claim.origin != ClaimOrigin.EXTRACTED or len(article.body) > MAX_EXPLAINED_CHARS:
        return []
    by_span = cache.get_or_set(
        f"score-parts:{content_hash(article.body)}", lambda: _score_parts_by_span(article.body), SCORE_PARTS_SECONDS
    )
    return by_span.get((claim.start, claim.end), [])


def _score_parts_by_span(body: str) -> dict[tuple[int, int], list[tuple[str, float]]]:
    by_span: dict[tuple[int, int], list[tuple[str, float]]] = {}
    for candidate, parts in explain_claims(body, min_score=0):
        by_span.setdefault((candidate.start, candidate.end), sorted(parts.items(), key=lambda part: -abs(part[1])))
    return by_span


@transaction.atomic
def refresh_claims(article: Article) -> RefreshReport:
    """Re-run extraction on the article's current text, keeping everything people touched."""
    body = article.body
    report = RefreshReport()
    existing = list(Claim.objects.select_for_update().filter(article=article).order_by("pk"))
    touched_ids = set(Claim.objects.filter(article=article).touched().values_list("pk", flat=True))
    sentences = split_sentences(body)
    starts = [s for s, _ in sentences]

    kept_spans: list[tuple[int, int]] = []
    for claim in (c for c in existing if c.pk in touched_ids):
        _reanchor_claim(claim, body, sentences, starts, report)
        report.kept += 1
        if not claim.needs_reanchoring:
            kept_spans.append((claim.start, claim.end))

    untouched = {(c.start, c.end, c.quote): c for c in existing if c.pk not in touched_ids}
    seen: set[tuple[int, int, str]] = set()
    to_create: list[Claim] = []
    for candidate in extract_claims(body):
        if any(candidate.start < end and start < candidate.end for start, end in kept_spans):
            continue  # a person already holds this fact
        key = (candidate.start, candidate.end, candidate.quote)
        seen.add(key)
        fresh = claim_from_candidate(article, candidate)
        current = untouched.get(key)
        if current is None:
            to_create.append(fresh)
            continue
        fields = ["prefix", "suffix", "sentence_start", "sentence_end", "kind", "score", "values"]
        if any(getattr(current, name) != getattr(fresh, name) for name in fields):
            for name in fields:
                setattr(current, name, getattr(fresh, name))
            current.save(update_fields=[*fields, "updated_at"])
            report.updated += 1
        else:
            report.kept += 1
    stale = [c.pk for key, c in untouched.items() if key not in seen]
    if stale:
        Claim.objects.filter(pk__in=stale).delete()
        report.removed = len(stale)
    Claim.objects.bulk_create(to_create)
    report.created = len(to_create)
    return report


def _reanchor_claim(
    claim: Claim, body: str, sentences: list[tuple[int, int]], starts: list[int], report: RefreshReport
) -> None:
    if not claim.needs_reanchoring and body[claim.start : claim.end] == claim.quote and claim.end <= len(body):
        span: tuple[int, int] | None = (claim.start, claim.end)
        if context_around(body, claim.start, claim.end) != (claim.prefix, claim.suffix):
            span = reanchor(body, quote=claim.quote, prefix=claim.prefix, suffix=claim.suffix, old_start=claim.start)
    else:
        span = reanchor(body, quote=claim.quote, prefix=claim.prefix, suffix=claim.suffix, old_start=claim.start)
    if span is None:
        if not claim.needs_reanchoring:
            claim.needs_reanchoring = True
            claim.save(update_fields=["needs_reanchoring", "updated_at"])
        report.lost_anchor.append(claim.pk)
        return
    start, end = span
    sentence_start, sentence_end = sentence_around(sentences, starts, start, end)
    prefix, suffix = context_around(body, start, end)
    new = {
        "start": start, "end": end, "quote": body[start:end], "prefix": prefix, "suffix": suffix,
        "sentence_start": sentence_start, "sentence_end": sentence_end, "needs_reanchoring": False,
    }
    changed = [name for name, value in new.items() if getattr(claim, name) != value]
    if changed:
        for name in changed:
            setattr(claim, name, new[name])
        claim.version += 1
        claim.save(update_fields=[*changed, "version", "updated_at"])
        if "quote" in changed and claim.published_verdict_id:
            PublicSearchEntry.sync(claim)
        report.reanchored += 1


@dataclass(frozen=True)
class ArticleInput:
    title: str
    body: str
    outlet: str = ""
    author: str = ""
    url: str = ""
    published_on: date | None = None
    language: str = "en"


def import_article(data: ArticleInput, user: AbstractBaseUser | None = None) -> tuple[Article, bool, RefreshReport | None]:
    """Create an article and extract its claims; the same text twice returns the first article."""
    body = clean_text(data.body).strip("\n")
    if not body.strip():
        raise ImportRefused("The article text is empty: paste or upload the article's text.")
    if len(body) > MAX_ARTICLE_CHARS:
        raise ImportRefused(
            f"The article is {len(body):,} characters long; the limit is {MAX_ARTICLE_CHARS:,}. Split it into parts."
        )
    title = " ".join(clean_text(data.title).split())[:300]
    if not title:
        raise ImportRefused("Give the article a title.")
    duplicate = Article.objects.filter(content_hash=content_hash(body)).first()
    if duplicate is not None:
        return duplicate, False, None
    with transaction.atomic():
        article = Article.objects.create(
            title=title, slug=unique_slug(title), outlet=data.outlet.strip(), author=data.author.strip(),
            url=data.url.strip(), published_on=data.published_on, language=data.language or "en",
            body=body, imported_by=user,
        )
        report = refresh_claims(article)
    return article, True, report


def update_article_text(article: Article, body: str) -> RefreshReport | None:
    """Save new text and re-extract; returns None when the text did not change."""
    body = clean_text(body).strip("\n")
    if not body.strip():
        raise ImportRefused("The article text cannot be empty.")
    if content_hash(body) == article.content_hash:
        return None
    with transaction.atomic():
        article.body = body
        article.save(update_fields=["body", "updated_at"])
        return refresh_claims(article)
