"""Database constraints and small model behaviour."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from factcheck.markdown import render_markdown
from factcheck.models import Article, Claim, Rating, Source, Verdict, content_hash
from tests.conftest import make_claim


def test_article_keeps_hash_of_its_text(article):
    assert article.content_hash == content_hash(article.body)
    article.body = "New text."
    article.save(update_fields=["body"])
    article.refresh_from_db()
    assert article.content_hash == content_hash("New text.")


def test_article_slug_is_unique(article):
    with pytest.raises(IntegrityError):
        Article.objects.create(title="Other", slug=article.slug, body="x")


@pytest.mark.parametrize(
    ("field", "value"),
    [("end", 0), ("sentence_start", 10_000), ("score", 1.5)],
)
def test_claim_constraints(claim, field, value):
    setattr(claim, field, value)
    with pytest.raises(IntegrityError), transaction.atomic():
        claim.save()


def test_dismissed_claim_needs_reason_and_only_then(claim):
    claim.status = "dismissed"
    with pytest.raises(IntegrityError), transaction.atomic():
        claim.save()
    claim.status, claim.dismissal_reason = "new", "opinion"
    with pytest.raises(IntegrityError), transaction.atomic():
        claim.save()


def test_claim_clean_checks_quote_against_text(claim):
    claim.full_clean()
    claim.quote = "something else"
    with pytest.raises(ValidationError, match="exactly the article text"):
        claim.full_clean()


def test_sentence_parts_split_around_quote(claim):
    before, quote, after = claim.sentence_parts()
    assert quote == "Inflation in 2024 was 5.2%"
    assert before == "" and after.startswith(", the statistics office said")


def test_one_current_verdict_per_claim(claim, reviewer):
    Verdict.objects.create(claim=claim, number=1, author=reviewer)
    with pytest.raises(IntegrityError), transaction.atomic():
        Verdict.objects.create(claim=claim, number=2, author=reviewer)


def test_verdict_four_eyes_in_database(claim, reviewer):
    with pytest.raises(IntegrityError), transaction.atomic():
        Verdict.objects.create(claim=claim, author=reviewer, approved_by=reviewer)


def test_verdict_published_only_when_approved(claim, reviewer):
    from django.utils import timezone

    with pytest.raises(IntegrityError), transaction.atomic():
        Verdict.objects.create(claim=claim, author=reviewer, published_at=timezone.now())


def test_published_queryset_only_returns_published(claim, article):
    other = make_claim(article, "for 26 years")
    assert list(Claim.objects.published()) == []
    assert other not in Claim.objects.published()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "file:///etc/passwd", "data:text/html,hi"])
def test_source_urls_must_be_web_addresses(db, url):
    with pytest.raises(ValidationError, match="http:// or https://"):
        Source(url=url, title="x").full_clean()


def test_default_rating_scale_installed(ratings):
    assert [r.label for r in Rating.objects.all()] == [
        "True", "Mostly true", "Half true", "Misleading", "Mostly false", "False", "Unverifiable",
    ]
    assert ratings["unverifiable"].value is None and ratings["true"].value > ratings["false"].value


def test_roles_exist_with_the_right_permissions(reviewer, editor):
    assert reviewer.has_perm("factcheck.change_claim") and not reviewer.has_perm("factcheck.approve_claim")
    assert editor.has_perm("factcheck.approve_claim") and editor.has_perm("factcheck.publish_claim")
    assert editor.has_perm("factcheck.change_rating") and not reviewer.has_perm("factcheck.change_rating")


@pytest.mark.parametrize(
    ("markdown", "absent", "present"),
    [
        ("<script>alert(1)</script>hello", "<script", "hello"),
        ("[x](javascript:alert(1))", "javascript:", "x"),
        ('<img src=x onerror="alert(1)">', "onerror", ""),
        ("**bold** see https://example.org", "<img", '<a href="https://example.org" rel="nofollow noopener">'),
    ],
)
def test_markdown_is_sanitised(markdown, absent, present):
    html = render_markdown(markdown)
    assert absent not in html
    assert present in html
