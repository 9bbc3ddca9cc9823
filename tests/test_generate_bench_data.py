"""generate_bench_data: realistic, consistent bench data in bulk, and never mixed into real data by accident."""

import random
from datetime import date
from io import StringIO

import pytest
from django.core.cache import caches
from django.core.management import CommandError, call_command
from django.db.models import Count

from factcheck import ledger
from factcheck.management.commands.generate_bench_data import LONG_ARTICLE_SLUG, TextFactory
from factcheck.models import Article, Claim, ClaimSource, ClaimStatus, Correction, Note, Verdict


def generate(**options) -> str:
    out = StringIO()
    defaults = {"articles": 6, "claims_per_article": 10, "published_share": 0.3, "seed": 3}
    call_command("generate_bench_data", **{**defaults, **options}, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_fills_the_requested_amounts_and_reports_progress():
    output = generate()
    assert Article.objects.count() == 7  # 6 + the long article
    assert Claim.objects.count() == 6 * 10 + 50
    assert Article.objects.get(slug=LONG_ARTICLE_SLUG).claims.published().count() == 50
    published = Claim.objects.published().count()
    assert 50 < published < 50 + 60  # the long article's 50, plus a share of the other 60
    assert "7/7 articles" in output
    assert f"Generated 7 articles, 110 claims ({published} published" in output


@pytest.mark.django_db
def test_every_claim_is_anchored_in_its_article():
    generate()
    for claim in Claim.objects.select_related("article"):
        claim.clean()  # raises if the quote or sentence spans do not match the text
        body = claim.article.body
        assert claim.prefix == body[max(0, claim.start - 32) : claim.start]
        assert claim.suffix == body[claim.end : claim.end + 32]
        for value in claim.values:
            assert body[value["start"] : value["end"]] == value["text"]


@pytest.mark.django_db
def test_published_claims_look_like_real_ones():
    generate(published_share=0.5)
    claims = Claim.objects.published().select_related("published_verdict__rating")
    assert claims.exclude(status=ClaimStatus.PUBLISHED).count() == 0
    assert Claim.objects.filter(status=ClaimStatus.PUBLISHED, published_verdict__isnull=True).count() == 0
    for claim in claims:
        verdict = claim.published_verdict
        assert verdict.is_current and verdict.rating and verdict.explanation and verdict.claim_as_checked
        assert verdict.approved_by_id != verdict.author_id and verdict.approved_at < verdict.published_at
        assert claim.first_published_at <= verdict.published_at
        sources = list(claim.claim_sources.all())
        assert 1 <= len(sources) <= 4 and all(link.added_at <= verdict.approved_at for link in sources)
    # ledger shows the sources (added before approval) on claim pages
    assert ledger.public_claim_sources().filter(claim__in=claims).count() == ClaimSource.objects.count()


@pytest.mark.django_db
def test_corrections_and_unpublished_work_are_there_too():
    generate(articles=40, published_share=0.4)
    corrections = Correction.objects.select_related("verdict")
    assert corrections.exists()
    for correction in corrections:
        assert correction.verdict.number == 2 and correction.published_at and correction.what_changed
        assert correction.claim.published_verdict_id == correction.verdict_id
    statuses = set(Claim.objects.values_list("status", flat=True))
    assert {ClaimStatus.NEW, ClaimStatus.RESEARCH, ClaimStatus.DISMISSED, ClaimStatus.PUBLISHED} <= statuses
    drafts = Verdict.objects.filter(published_at__isnull=True)
    assert drafts.exists() and not drafts.filter(claim__published_verdict__isnull=False).exists()
    assert Note.objects.exists() and Claim.objects.filter(assignee__isnull=False).exists()
    assert Claim.objects.filter(status=ClaimStatus.DISMISSED, dismissal_reason="").count() == 0


@pytest.mark.django_db
def test_text_is_varied():
    generate(articles=20)
    bodies = list(Article.objects.values_list("body", flat=True))
    assert len(set(bodies)) == len(bodies)
    assert len(set(Article.objects.values_list("outlet", flat=True))) > 5
    assert Claim.objects.values("kind").annotate(n=Count("pk")).count() >= 6
    assert len(set(Claim.objects.published().values_list("published_verdict__rating", flat=True))) >= 5


def test_same_seed_gives_the_same_text():
    first = TextFactory(random.Random(7)).article(1, date(2024, 5, 1), 5)
    second = TextFactory(random.Random(7)).article(1, date(2024, 5, 1), 5)
    other = TextFactory(random.Random(8)).article(1, date(2024, 5, 1), 5)
    assert first.body == second.body and first.claims == second.claims
    assert first.body != other.body


@pytest.mark.django_db
def test_refuses_to_mix_into_real_data_unless_forced(article):
    with pytest.raises(CommandError, match="1 article.*not bench data.*--force"):
        generate()
    assert Article.objects.count() == 1 and Claim.objects.count() == 0
    generate(force=True)
    assert Article.objects.count() == 8


@pytest.mark.django_db
def test_a_second_run_adds_more(db):
    generate(articles=3)
    generate(articles=3, seed=4)
    assert Article.objects.count() == 7  # the long article only once
    assert Claim.objects.count() == 6 * 10 + 50


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"published_share": 1.5}, "between 0 and 1"),
        ({"articles": -1}, "0 or more"),
    ],
)
def test_bad_options_are_refused_with_a_message(options, message):
    with pytest.raises(CommandError, match=message):
        generate(**options)
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_cached_public_pages_are_invalidated(settings):
    settings.CACHES = {**settings.CACHES, "ledger": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "bench-tests"}}
    caches["ledger"].clear()
    before = ledger.cache_generation()
    generate(articles=1)
    assert ledger.cache_generation() != before
