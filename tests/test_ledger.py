"""The ledger's read side: published queryset, filters, ClaimReview, JSON-LD escaping, cache generation."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from factcheck import ledger, workflow
from factcheck.ledger import ClaimFilterForm, claim_review, filter_claims, published_claims
from factcheck.models import Article, Claim
from tests.conftest import make_claim
from tests.test_workflow import published


def test_published_claims_hide_unpublished(article, publish_claim):
    visible = publish_claim(article, "Inflation in 2024 was 5.2%")
    make_claim(article, "served for 26 years")
    assert list(published_claims()) == [visible]


def filtered(**params) -> list[Claim]:
    form = ClaimFilterForm(params)
    return list(filter_claims(published_claims(), form))


@pytest.fixture
def two_claims(article, publish_claim):
    other = Article.objects.create(title="Sport", slug="sport", outlet="Sports Desk", body="The team won 12 games in a row.")
    first = publish_claim(article, "Inflation in 2024 was 5.2%", rating="true", claimant="Statistics office", kind="percentage")
    second = publish_claim(other, "won 12 games", rating="false", claimant="The coach", kind="quantity")
    return first, second


def test_filter_by_each_field(two_claims):
    first, second = two_claims
    assert filtered(rating="false") == [second]
    assert filtered(kind="percentage") == [first]
    assert filtered(outlet="daily planet") == [first]
    assert filtered(claimant="the coach") == [second]
    assert filtered(article="sport") == [second]
    assert filtered(q="inflation 5.2") == [first]
    assert filtered(q="games") == [second]
    assert set(filtered()) == {first, second}


def test_filter_by_date(two_claims):
    first, second = two_claims
    Claim.objects.filter(pk=first.pk).update(first_published_at=timezone.now() - timedelta(days=10))
    today = timezone.now().date()
    assert filtered(date_from=today.isoformat()) == [second]
    assert filtered(date_to=(today - timedelta(days=5)).isoformat()) == [first]


def test_search_uses_the_published_wording_not_the_draft(two_claims, editor):
    first, _ = two_claims
    first.refresh_from_db()
    first = workflow.open_correction(first, editor, expected_version=first.version, reason="New data.")
    first = workflow.update_claim(first, editor, expected_version=first.version, claim_as_checked="Secret draft wording", claimant="Draft person")
    assert filtered(q="secret") == []
    assert filtered(claimant="draft person") == []
    assert filtered(claimant="statistics office") == [first]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"rating": "excellent"}, "rating", "There is no such rating"),
        ({"kind": "vibes"}, "kind", "There is no such kind of claim"),
        ({"date_from": "31/12/2024"}, "date_from", "YYYY-MM-DD"),
        ({"date_to": "yesterday"}, "date_to", "YYYY-MM-DD"),
        ({"article": "not a slug!"}, "article", "slug"),
        ({"q": "x" * 201}, "q", "at most 200"),
        ({"date_from": "2024-05-01", "date_to": "2024-01-01"}, "__all__", "start date is after the end date"),
    ],
)
def test_bad_filters_explain_themselves_and_match_nothing(two_claims, params, field, message):
    form = ClaimFilterForm(params)
    assert filtered(**params) == []
    assert message in " ".join(form.errors[field])


def test_claim_review_has_every_required_property(two_claims, settings):
    settings.FACTCHECK_ORGANIZATION_NAME = "Verify Desk"
    settings.FACTCHECK_ORGANIZATION_URL = "https://verify.example.org/"
    settings.FACTCHECK_SITE_URL = "https://ledger.example.org/"
    first, _ = two_claims
    first.article.url = "https://dailyplanet.example.com/economy"
    first.article.save()
    review = claim_review(published_claims().get(pk=first.pk))
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "Inflation in 2024 was 5.2%."
    assert review["reviewRating"] == {
        "@type": "Rating", "ratingValue": 6, "bestRating": 6, "worstRating": 1, "alternateName": "True",
    }
    assert review["itemReviewed"]["@type"] == "Claim"
    assert review["itemReviewed"]["author"]["name"] == "Statistics office"
    assert review["itemReviewed"]["appearance"]["url"] == "https://dailyplanet.example.com/economy"
    assert review["itemReviewed"]["datePublished"]
    assert review["author"] == {"@type": "Organization", "name": "Verify Desk", "url": "https://verify.example.org/"}
    assert review["datePublished"] == first.first_published_at.date().isoformat()
    assert review["url"] == f"https://ledger.example.org/claims/{first.pk}/inflation-in-2024-was-52/"
    json.dumps(review)


def test_claim_review_shortens_long_wording_and_uses_request_host(article, publish_claim, rf):
    claim = publish_claim(article, "Inflation in 2024 was 5.2%", wording="Inflation " * 30, rating="unverifiable")
    review = claim_review(claim, request=rf.get("/", HTTP_HOST="testserver"))
    assert len(review["claimReviewed"]) < 75
    assert review["url"].startswith("http://testserver/claims/")
    # Off the scale: the rating in words only, no number outside worstRating..bestRating.
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Unverifiable"}
    assert review["itemReviewed"]["appearance"]["url"] == "http://testserver/articles/economy-report/"


def test_claim_review_refuses_unpublished_claims(claim):
    with pytest.raises(ValueError, match="not published"):
        claim_review(claim)


def test_json_ld_script_cannot_be_closed_by_content():
    html = ledger.json_ld_script({"claimReviewed": "</script><script>alert(1)</script> & more"})
    assert html.count("</script>") == 1
    payload = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(payload)["claimReviewed"] == "</script><script>alert(1)</script> & more"


def test_public_sources_stop_at_approval(claim, reviewer, editor, ratings, source):
    from factcheck.models import Source

    claim = published(claim, reviewer, editor, ratings["true"], source)
    claim = workflow.open_correction(claim, editor, expected_version=claim.version, reason="More evidence.")
    later = Source.objects.create(url="https://example.org/later", title="Draft-only source")
    workflow.attach_source(claim, reviewer, expected_version=claim.version, source=later)
    shown = [link.source for link in ledger.public_claim_sources().filter(claim=claim)]
    assert shown == [source]


def test_also_appeared_in_finds_the_same_claim_elsewhere(article, publish_claim):
    other = Article.objects.create(title="Repeat", slug="repeat", body="He said inflation in 2024 was 5.2% again.")
    first = publish_claim(article, "Inflation in 2024 was 5.2%", wording="Inflation in 2024 was 5.2%.")
    second = publish_claim(other, "inflation in 2024 was 5.2%", wording="Inflation in 2024 was 5.2%.")
    assert list(ledger.also_appeared_in(first)) == [second]


@pytest.fixture
def real_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "ledger": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ledger-tests"},
    }
    from django.core.cache import caches

    caches["ledger"].clear()
    return caches["ledger"]


def test_generation_changes_on_publish_unpublish_and_correction(real_cache, claim, reviewer, editor, ratings, source):
    seen = {ledger.cache_generation()}
    claim = published(claim, reviewer, editor, ratings["true"], source)
    assert ledger.cache_generation() not in seen
    seen.add(ledger.cache_generation())
    claim = workflow.open_correction(claim, editor, expected_version=claim.version, reason="New data.")
    assert ledger.cache_generation() not in seen
    seen.add(ledger.cache_generation())
    workflow.unpublish(claim, editor, expected_version=claim.version, reason="Withdrawn.")
    assert ledger.cache_generation() not in seen


def test_generation_is_stable_without_writes(real_cache):
    assert ledger.cache_generation() == ledger.cache_generation()


def test_public_url_follows_the_published_wording_not_the_draft(claim, reviewer, editor, ratings, source):
    claim = published(claim, reviewer, editor, ratings["true"], source)
    before = ledger.public_claim_url(claim)
    claim = workflow.open_correction(claim, editor, expected_version=claim.version, reason="New data.")
    claim = workflow.update_claim(claim, editor, expected_version=claim.version, claim_as_checked="Secret draft wording")
    assert claim.get_absolute_url() == before
    assert ledger.public_claim_url(published_claims().get(pk=claim.pk)) == before
    assert "secret" not in before


def test_draft_work_keeps_the_cache_warm(real_cache, article, publish_claim, claim, reviewer, ratings, source):
    from factcheck.models import Source
    from tests.test_workflow import prepare

    publish_claim(article, "served for 26 years")
    before = ledger.cache_generation()
    claim = workflow.assign(claim, reviewer, expected_version=claim.version, assignee=reviewer)
    prepare(claim, reviewer, ratings["true"], Source.objects.create(url="https://example.org/draft", title="Draft"))
    workflow.add_note(claim, reviewer, "A note.")
    assert ledger.cache_generation() == before


def test_public_edits_bump_the_generation(real_cache, article, publish_claim, ratings, source):
    from factcheck.models import Page

    claim = publish_claim(article, "served for 26 years", sources=[source])
    for change in (
        lambda: source.save(),
        lambda: article.save(),
        lambda: ratings["true"].save(),
        lambda: Page.objects.get(slug="methodology").save(),
        lambda: claim.published_verdict.save(),
    ):
        before = ledger.cache_generation()
        change()
        assert ledger.cache_generation() != before


def search_ids(text):
    form = ClaimFilterForm({"q": text})
    assert form.is_valid()
    return list(filter_claims(published_claims(), form).values_list("pk", flat=True))


def test_search_finds_published_words_only(claim, reviewer, editor, second_editor, ratings, source):
    assert search_ids("inflation") == []
    claim = published(claim, reviewer, editor, ratings["true"], source)
    assert search_ids("INFLATION 2024") == [claim.pk]
    assert search_ids("inflation zebra") == []
    claim = workflow.open_correction(claim, editor, expected_version=claim.version, reason="Recheck.")
    claim = workflow.update_claim(claim, editor, expected_version=claim.version, claim_as_checked="Secret zebra wording")
    assert search_ids("zebra") == []  # a draft is never searchable
    claim = workflow.submit_for_review(claim, editor, expected_version=claim.version)
    claim = workflow.approve(claim, second_editor, expected_version=claim.version)
    claim = workflow.publish(claim, second_editor, expected_version=claim.version)
    assert search_ids("zebra") == [claim.pk]
    workflow.unpublish(claim, editor, expected_version=claim.version, reason="Withdrawn.")
    assert search_ids("zebra") == []


def _set_published(claims_and_moments):
    for claim, moment in claims_and_moments:
        Claim.objects.filter(pk=claim.pk).update(first_published_at=moment)


def test_monthly_counts_fill_gaps_and_keep_the_latest_months(article, publish_claim):
    from datetime import date, datetime
    from datetime import timezone as dt_timezone

    claims = [publish_claim(article, phrase) for phrase in ("Inflation", "5.2%", "statistics office", "Tuesday", "president")]
    utc = dt_timezone.utc
    _set_published(zip(claims, [
        datetime(2024, 11, 30, 23, 0, tzinfo=utc),
        datetime(2025, 1, 1, 0, 0, tzinfo=utc),
        datetime(2025, 1, 31, 23, 59, tzinfo=utc),
        datetime(2025, 3, 15, 12, 0, tzinfo=utc),
        datetime(2025, 3, 31, 23, 59, 59, tzinfo=utc),
    ]))
    make_claim(article, "26 years")  # unpublished: never counted

    assert ledger.monthly_counts(months=24) == [
        (date(2024, 11, 1), 1), (date(2024, 12, 1), 0), (date(2025, 1, 1), 2),
        (date(2025, 2, 1), 0), (date(2025, 3, 1), 2),
    ]
    assert ledger.monthly_counts(months=2) == [(date(2025, 2, 1), 0), (date(2025, 3, 1), 2)]


def test_monthly_counts_use_the_sites_time_zone(article, publish_claim, settings):
    from datetime import date, datetime
    from datetime import timezone as dt_timezone

    settings.TIME_ZONE = "Europe/Berlin"  # UTC+1 in winter
    late_evening, next_day = (publish_claim(article, phrase) for phrase in ("Inflation", "5.2%"))
    # 23:30 UTC on 31 January is already February in Berlin; 22:30 UTC is still January.
    _set_published([
        (late_evening, datetime(2025, 1, 31, 23, 30, tzinfo=dt_timezone.utc)),
        (next_day, datetime(2025, 1, 31, 22, 30, tzinfo=dt_timezone.utc)),
    ])
    with timezone.override("Europe/Berlin"):
        assert ledger.monthly_counts() == [(date(2025, 1, 1), 1), (date(2025, 2, 1), 1)]


def test_monthly_counts_without_published_claims(article):
    make_claim(article, "26 years")
    assert ledger.monthly_counts() == []
