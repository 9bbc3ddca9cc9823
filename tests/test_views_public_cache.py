"""Caching of public pages: anonymous pages come from the cache, and never outlive a publish,
unpublish or correction; previews and signed-in pages are never cached."""

import pytest
from django.core.cache import caches
from django.urls import reverse

from factcheck import workflow
from factcheck.models import Claim, Page
from tests.conftest import make_claim
from tests.test_workflow import published


@pytest.fixture(autouse=True)
def real_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "ledger": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ledger-page-tests"},
    }
    caches["ledger"].clear()
    yield caches["ledger"]
    caches["ledger"].clear()


@pytest.fixture
def public_claim(claim, reviewer, editor, ratings, source):
    published(claim, reviewer, editor, ratings["true"], source)
    return Claim.objects.get(pk=claim.pk)


def test_second_anonymous_visit_is_served_from_cache_without_queries(anon_client, public_claim, django_assert_num_queries):
    url = public_claim.get_absolute_url()
    assert anon_client.get(url)["X-Ledger-Cache"] == "miss"
    with django_assert_num_queries(0):
        response = anon_client.get(url)
    assert response["X-Ledger-Cache"] == "hit"
    assert b"Inflation in 2024 was 5.2%." in response.content
    assert "Cookie" in response["Vary"]


@pytest.mark.parametrize("name", ["public:home", "public:claims", "public:stats", "public:methodology", "public:feed", "public:sitemap"])
def test_every_public_page_is_cached(anon_client, public_claim, name):
    anon_client.get(reverse(name))
    assert anon_client.get(reverse(name))["X-Ledger-Cache"] == "hit"


def test_cached_pages_carry_no_csrf_token(anon_client, public_claim):
    first = anon_client.get(reverse("public:home"))
    assert '"X-CSRFToken": ""' in first.content.decode()
    assert "csrftoken" not in first.cookies


def test_publish_shows_up_at_once(anon_client, public_claim, article, reviewer, editor, ratings, source):
    anon_client.get(reverse("public:home"))
    anon_client.get(article.get_absolute_url())
    assert b"served for 26 years" not in anon_client.get(reverse("public:home")).content
    published(make_claim(article, "served for 26 years"), reviewer, editor, ratings["false"], source)
    assert b"served for 26 years" in anon_client.get(reverse("public:home")).content
    assert anon_client.get(article.get_absolute_url()).content.decode().count('class="claim-mark"') == 2


def test_unpublish_removes_the_claim_at_once(anon_client, public_claim, editor):
    url = public_claim.get_absolute_url()
    assert anon_client.get(url).status_code == 200
    anon_client.get(reverse("public:home"))
    workflow.unpublish(public_claim, editor, expected_version=public_claim.version, reason="Source retracted.")
    assert anon_client.get(url).status_code == 404
    assert b"Inflation in 2024 was 5.2%." not in anon_client.get(reverse("public:home")).content
    assert anon_client.get(reverse("public:article", args=["economy-report"])).status_code == 404


def test_a_published_correction_replaces_the_cached_verdict(anon_client, public_claim, reviewer, editor, second_editor, ratings):
    url = public_claim.get_absolute_url()
    assert b">True<" in anon_client.get(url).content
    claim = workflow.open_correction(public_claim, editor, expected_version=public_claim.version, reason="New figures.")
    claim = workflow.save_verdict_draft(claim, reviewer, expected_version=claim.version, rating=ratings["false"], explanation="It was 4.9%.")
    body = anon_client.get(url).content
    assert b">True<" in body and b"It was 4.9%." not in body  # the draft stays private meanwhile
    claim = workflow.submit_for_review(claim, reviewer, expected_version=claim.version)
    claim = workflow.approve(claim, second_editor, expected_version=claim.version)
    workflow.publish(claim, editor, expected_version=claim.version)
    body = anon_client.get(url).content
    assert b">False<" in body and b"It was 4.9%." in body and b"New figures." in body
    feed = anon_client.get(reverse("public:feed")).content
    assert b"Corrected: False" in feed


def test_editing_a_text_page_shows_at_once(anon_client, db):
    anon_client.get(reverse("public:methodology"))
    page = Page.objects.get(slug="methodology")
    page.body = "We now check NEW-METHOD."
    page.save()
    assert b"NEW-METHOD" in anon_client.get(reverse("public:methodology")).content


def test_staff_previews_are_never_cached(anon_client, reviewer_client, claim, real_cache):
    url = reverse("public:claim-short", args=[claim.pk])
    preview = reviewer_client.get(url)
    assert preview.status_code == 200 and "X-Ledger-Cache" not in preview
    assert anon_client.get(url).status_code == 404
    assert anon_client.get(url + "?preview").status_code == 404
    assert not any("page" in str(key) for key in real_cache._cache)  # nothing stored for any claim page


def test_signed_in_people_get_fresh_pages_not_the_visitors_copy(anon_client, reviewer_client, public_claim):
    anon_client.get(reverse("public:home"))
    response = reviewer_client.get(reverse("public:home"))
    assert "X-Ledger-Cache" not in response
    assert "Sign out rita" in response.content.decode()
