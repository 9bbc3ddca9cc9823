"""The read-only JSON API: only published work, the ledger's filters, ClaimReview, clear 4xx, flat query counts."""

import json
import re
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.utils import timezone
from openapi_spec_validator import validate

from factcheck import workflow
from factcheck.models import Article, Claim, Source
from tests.conftest import make_claim
from tests.test_workflow import published

CLAIM_REVIEW_KEYS = {"@context", "@type", "claimReviewed", "reviewRating", "itemReviewed", "author", "datePublished", "url"}


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def assert_claim_review(review: dict) -> None:
    assert CLAIM_REVIEW_KEYS <= set(review)
    assert review["@type"] == "ClaimReview"
    assert 0 < len(review["claimReviewed"]) < 75
    rating = review["reviewRating"]
    assert {"ratingValue", "bestRating", "worstRating", "alternateName"} <= set(rating)
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["name"] and item["datePublished"] and item["appearance"]
    assert review["author"]["@type"] == "Organization" and review["author"]["name"]
    json.dumps(review)  # plain JSON all the way down


@pytest.fixture
def ledger_data(article, publish_claim, reviewer, source):
    """One published claim with a source, one unpublished claim with a draft, a note and an assignee."""
    visible = publish_claim(article, "Inflation in 2024 was 5.2%", rating="false", claimant="Statistics office",
                            sources=[source], kind="percentage", explanation="The **official** figure is 4.1%.")
    hidden = make_claim(article, "served for 26 years", kind="duration")
    hidden = workflow.update_claim(hidden, reviewer, expected_version=hidden.version,
                                   claim_as_checked="Secret draft wording", claimant="Draft claimant")
    hidden = workflow.save_verdict_draft(hidden, reviewer, expected_version=hidden.version, rating=None,
                                         explanation="DRAFT-EXPLANATION-NOT-PUBLIC")
    hidden = workflow.assign(hidden, reviewer, expected_version=hidden.version, assignee=reviewer)
    workflow.add_note(visible, reviewer, "INTERNAL-NOTE-NOT-PUBLIC")
    return visible, hidden


# --- it works, and shows only published work --------------------------------------------------------


def test_claims_list_shows_published_claims_with_their_claim_review(anon_client, ledger_data):
    visible, _ = ledger_data
    data = get_json(anon_client, "/api/claims")
    assert data["count"] == 1 and data["pages"] == 1 and data["next"] is None
    [item] = data["items"]
    assert item["id"] == visible.pk
    assert item["quote"] == "Inflation in 2024 was 5.2%"
    assert item["claimant"] == "Statistics office"
    assert item["rating"]["slug"] == "false"
    assert item["url"].startswith("http://testserver/claims/")
    assert item["article"]["slug"] == "economy-report"
    assert_claim_review(item["claim_review"])


def test_nothing_unpublished_or_internal_leaks(anon_client, ledger_data, reviewer, editor):
    visible, hidden = ledger_data
    bodies = [
        anon_client.get(url).content.decode()
        for url in ["/api/claims", f"/api/claims/{visible.pk}", "/api/articles", "/api/articles/economy-report",
                    "/api/claims?q=served"]
    ]
    for body in bodies:
        for secret in ["Secret draft wording", "Draft claimant", "DRAFT-EXPLANATION-NOT-PUBLIC",
                       "INTERNAL-NOTE-NOT-PUBLIC", reviewer.username, editor.username, "assignee", "status"]:
            assert secret not in body, (secret, body[:300])
    assert get_json(anon_client, "/api/claims?q=served")["count"] == 0
    assert [c["id"] for c in get_json(anon_client, "/api/articles/economy-report")["claims"]] == [visible.pk]
    assert anon_client.get(f"/api/claims/{hidden.pk}").status_code == 404


def test_claim_detail_has_explanation_sources_and_claim_review(anon_client, ledger_data, source):
    visible, _ = ledger_data
    data = get_json(anon_client, f"/api/claims/{visible.pk}")
    assert data["sentence"] == "Inflation in 2024 was 5.2%, the statistics office said on Tuesday."
    assert (data["start"], data["end"]) == (visible.start, visible.end)
    assert data["explanation"] == "The **official** figure is 4.1%."
    assert data["explanation_html"] == "<p>The <strong>official</strong> figure is 4.1%.</p>"
    assert [s["url"] for s in data["sources"]] == [source.url]
    assert data["corrections"] == [] and data["verdict_version"] == 1
    assert_claim_review(data["claim_review"])


def test_explanation_html_is_sanitised(anon_client, article, publish_claim):
    claim = publish_claim(article, "Inflation in 2024 was 5.2%", explanation="<script>alert(1)</script>[x](javascript:alert(1))")
    html = get_json(anon_client, f"/api/claims/{claim.pk}")["explanation_html"]
    assert "<script" not in html and "javascript:" not in html


def test_unknown_and_unpublished_claims_are_404_with_a_message(anon_client, ledger_data):
    _, hidden = ledger_data
    for pk in [hidden.pk, 999999]:
        data = get_json(anon_client, f"/api/claims/{pk}", status=404)
        assert f"no published claim with id {pk}" in data["detail"]


def test_claim_id_must_be_a_number(anon_client, db):
    data = get_json(anon_client, "/api/claims/abc", status=422)
    assert "claim_id" in data["detail"] and "integer" in data["detail"]


def test_published_snapshot_not_the_correction_draft(anon_client, claim, reviewer, editor, ratings, source):
    claim = published(claim, reviewer, editor, ratings["true"], source)
    claim = workflow.open_correction(claim, editor, expected_version=claim.version, reason="New data.")
    claim = workflow.update_claim(claim, editor, expected_version=claim.version, claim_as_checked="Corrected draft wording", claimant="Someone new")
    workflow.save_verdict_draft(claim, editor, expected_version=claim.version, rating=ratings["false"], explanation="Draft of the correction.")
    data = get_json(anon_client, f"/api/claims/{claim.pk}")
    assert data["claim_as_checked"] == "Inflation in 2024 was 5.2%."
    assert data["rating"]["slug"] == "true"
    assert "Draft of the correction" not in json.dumps(data) and "Someone new" not in json.dumps(data)


def test_correction_appears_once_published(anon_client, claim, reviewer, editor, second_editor, ratings, source):
    claim = published(claim, reviewer, editor, ratings["true"], source)
    claim = workflow.open_correction(claim, editor, expected_version=claim.version, reason="Revised figures.")
    claim = workflow.save_verdict_draft(claim, editor, expected_version=claim.version, rating=ratings["mostly-true"], explanation="Revised.")
    claim = workflow.submit_for_review(claim, editor, expected_version=claim.version)
    claim = workflow.approve(claim, second_editor, expected_version=claim.version)
    workflow.publish(claim, second_editor, expected_version=claim.version)
    data = get_json(anon_client, f"/api/claims/{claim.pk}")
    assert data["rating"]["slug"] == "mostly-true" and data["verdict_version"] == 2
    [correction] = data["corrections"]
    assert correction["reason"] == "Revised figures." and "Mostly true" in correction["what_changed"]


def test_unpublished_claim_disappears(anon_client, claim, reviewer, editor, ratings, source):
    claim = published(claim, reviewer, editor, ratings["true"], source)
    assert get_json(anon_client, "/api/claims")["count"] == 1
    workflow.unpublish(claim, editor, expected_version=claim.version, reason="Withdrawn.")
    assert get_json(anon_client, "/api/claims")["count"] == 0
    get_json(anon_client, f"/api/claims/{claim.pk}", status=404)
    get_json(anon_client, "/api/articles/economy-report", status=404)


# --- filters and paging ------------------------------------------------------------------------------


@pytest.fixture
def two_claims(article, publish_claim):
    other = Article.objects.create(title="Sport", slug="sport", outlet="Sports Desk", body="The team won 12 games in a row.")
    first = publish_claim(article, "Inflation in 2024 was 5.2%", rating="true", claimant="Statistics office", kind="percentage")
    second = publish_claim(other, "won 12 games", rating="false", claimant="The coach", kind="quantity")
    return first, second


def ids(client, query: str) -> list[int]:
    return [item["id"] for item in get_json(client, "/api/claims" + query)["items"]]


def test_filters_match_the_ledger(anon_client, two_claims):
    first, second = two_claims
    assert ids(anon_client, "?rating=false") == [second.pk]
    assert ids(anon_client, "?kind=percentage") == [first.pk]
    assert ids(anon_client, "?outlet=daily%20planet") == [first.pk]
    assert ids(anon_client, "?claimant=the%20coach") == [second.pk]
    assert ids(anon_client, "?article=sport") == [second.pk]
    assert ids(anon_client, "?q=inflation+5.2") == [first.pk]
    assert ids(anon_client, "?q=games&rating=true") == []
    assert set(ids(anon_client, "")) == {first.pk, second.pk}


def test_date_filters(anon_client, two_claims):
    first, second = two_claims
    Claim.objects.filter(pk=first.pk).update(first_published_at=timezone.now() - timedelta(days=10))
    today = timezone.now().date()
    assert ids(anon_client, f"?date_from={today.isoformat()}") == [second.pk]
    assert ids(anon_client, f"?date_to={(today - timedelta(days=5)).isoformat()}") == [first.pk]


def test_paging_links_and_counts(anon_client, two_claims):
    first, second = two_claims
    page1 = get_json(anon_client, "/api/claims?page_size=1&rating=")
    assert page1["count"] == 2 and page1["pages"] == 2 and page1["previous"] is None
    assert page1["next"] == "http://testserver/api/claims?page_size=1&rating=&page=2"
    page2 = get_json(anon_client, page1["next"].removeprefix("http://testserver"))
    assert page2["next"] is None and page2["previous"].endswith("page=1")
    assert {page1["items"][0]["id"], page2["items"][0]["id"]} == {first.pk, second.pk}


def test_an_empty_result_is_a_page_not_an_error(anon_client, db):
    data = get_json(anon_client, "/api/claims")
    assert data == {"count": 0, "page": 1, "page_size": 20, "pages": 1, "next": None, "previous": None, "items": []}


@pytest.mark.parametrize(
    ("query", "status", "field", "message"),
    [
        ("?rating=nonsense", 400, "rating", "no such rating"),
        ("?kind=poem", 400, "kind", "no such kind"),
        ("?date_from=31/12/2024", 400, "date_from", "YYYY-MM-DD"),
        ("?date_from=2024-12-31&date_to=2024-01-01", 400, "__all__", "swap them"),
        ("?article=not%20a%20slug", 400, "article", "slug"),
        ("?q=" + "x" * 201, 400, "q", "at most 200"),
        ("?ratng=false", 400, "ratng", "Unknown query parameter"),
        ("?page=0", 422, "page", "greater than or equal to 1"),
        ("?page=two", 422, "page", "valid integer"),
        ("?page_size=1000", 422, "page_size", "less than or equal to 100"),
        ("?page=5", 400, "page", "past the last page"),
    ],
)
def test_bad_parameters_get_a_clear_4xx(anon_client, two_claims, query, status, field, message):
    data = get_json(anon_client, "/api/claims" + query, status=status)
    assert message in data["detail"]
    assert field in data["errors"]


def test_the_api_is_read_only(anon_client, editor_client, two_claims):
    first, _ = two_claims
    for client in [anon_client, editor_client]:
        assert client.post("/api/claims", {}).status_code == 405
        assert client.delete(f"/api/claims/{first.pk}").status_code == 405
    assert Claim.objects.published().count() == 2


# --- articles and ratings ----------------------------------------------------------------------------


def test_articles_list_only_those_with_published_claims(anon_client, two_claims):
    Article.objects.create(title="Unchecked", slug="unchecked", outlet="Daily Planet", body="Nothing checked yet.")
    data = get_json(anon_client, "/api/articles")
    assert {item["slug"] for item in data["items"]} == {"economy-report", "sport"}
    assert all(item["published_claims"] == 1 for item in data["items"])
    assert [i["slug"] for i in get_json(anon_client, "/api/articles?outlet=sports%20desk")["items"]] == ["sport"]
    get_json(anon_client, "/api/articles/unchecked", status=404)
    get_json(anon_client, "/api/articles?page_size=0", status=422)


def test_article_detail_has_body_and_only_published_claims(anon_client, ledger_data, article):
    visible, _ = ledger_data
    data = get_json(anon_client, "/api/articles/economy-report")
    assert data["body"] == article.body
    assert [c["id"] for c in data["claims"]] == [visible.pk]
    claim = data["claims"][0]
    assert data["body"][visible.start : visible.end] == claim["quote"]
    assert_claim_review(claim["claim_review"])


def test_other_sites_may_read_the_api_from_a_browser(anon_client, two_claims):
    for url in ["/api/claims", f"/api/claims/{two_claims[0].pk}", "/api/articles", "/api/articles/sport", "/api/ratings"]:
        assert anon_client.get(url)["Access-Control-Allow-Origin"] == "*"


def test_ratings_are_the_scale_in_order(anon_client, ratings):
    get_json(anon_client, "/api/ratings?x=1", status=400)
    data = get_json(anon_client, "/api/ratings")
    assert [r["slug"] for r in data][:2] == ["true", "mostly-true"]
    assert {"label", "value", "colour", "description", "order"} <= set(data[0])


# --- schema and docs ---------------------------------------------------------------------------------


def test_openapi_schema_is_valid_and_lists_every_endpoint(anon_client, db):
    schema = get_json(anon_client, "/api/openapi.json")
    validate(schema)  # raises on an invalid OpenAPI 3 document
    assert schema["openapi"].startswith("3.")
    assert {"/api/claims", "/api/claims/{claim_id}", "/api/articles", "/api/articles/{slug}", "/api/ratings"} <= set(schema["paths"])
    parameters = {p["name"] for p in schema["paths"]["/api/claims"]["get"]["parameters"]}
    assert {"q", "rating", "kind", "outlet", "claimant", "article", "date_from", "date_to", "page", "page_size"} <= parameters


def test_docs_page_loads_nothing_from_a_cdn(anon_client, db):
    response = anon_client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets and all(url.startswith("/static/") for url in assets), assets
    assert '"validatorUrl": null' in html


# --- speed: query counts do not grow with rows ------------------------------------------------------


def bench_data(articles: int) -> None:
    call_command("generate_bench_data", articles=articles, claims_per_article=4, published_share=1.0,
                 long_article_claims=0, stdout=open("/dev/null", "w"))


@pytest.mark.parametrize("articles", [2, 12])
def test_query_counts_are_constant(anon_client, django_assert_max_num_queries, articles, db):
    bench_data(articles)
    claim = Claim.objects.published().filter(claim_sources__isnull=False).first()
    article = claim.article
    expected = {"/api/claims?page_size=100": 3, f"/api/claims/{claim.pk}": 4, "/api/articles?page_size=100": 3,
                f"/api/articles/{article.slug}": 3, "/api/ratings": 1, "/api/claims?q=inflation&rating=false": 4}
    for url, limit in expected.items():
        with django_assert_max_num_queries(limit):
            assert anon_client.get(url).status_code in {200}, url


def test_bench_data_is_served_in_full(anon_client, db):
    bench_data(3)
    data = get_json(anon_client, "/api/claims?page_size=100")
    assert data["count"] == 12
    for item in data["items"]:
        assert_claim_review(item["claim_review"])
    assert Source.objects.exists()


# --- caching: answers are cached, and invalidated by publish, unpublish and correction ---------------


@pytest.fixture
def real_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "ledger": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "api-tests"},
    }
    caches["ledger"].clear()
    yield caches["ledger"]
    caches["ledger"].clear()


def test_cached_answers_follow_publish_correction_and_unpublish(real_cache, anon_client, claim, reviewer, editor, second_editor, ratings, source, django_assert_max_num_queries):
    assert get_json(anon_client, "/api/claims")["count"] == 0
    claim = published(claim, reviewer, editor, ratings["true"], source)
    assert get_json(anon_client, "/api/claims")["count"] == 1
    with django_assert_max_num_queries(0):
        assert get_json(anon_client, "/api/claims")["count"] == 1  # served from the cache
    assert get_json(anon_client, f"/api/claims/{claim.pk}")["rating"]["slug"] == "true"

    claim = workflow.open_correction(claim, editor, expected_version=claim.version, reason="Revised figures.")
    claim = workflow.save_verdict_draft(claim, editor, expected_version=claim.version, rating=ratings["false"], explanation="Revised.")
    claim = workflow.submit_for_review(claim, editor, expected_version=claim.version)
    claim = workflow.approve(claim, second_editor, expected_version=claim.version)
    claim = workflow.publish(claim, second_editor, expected_version=claim.version)
    detail = get_json(anon_client, f"/api/claims/{claim.pk}")
    assert detail["rating"]["slug"] == "false" and len(detail["corrections"]) == 1

    workflow.unpublish(claim, editor, expected_version=claim.version, reason="Withdrawn.")
    assert get_json(anon_client, "/api/claims")["count"] == 0
    get_json(anon_client, f"/api/claims/{claim.pk}", status=404)
