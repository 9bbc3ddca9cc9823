"""Public ledger pages: each works, hides unpublished work, refuses writes, and keeps its query count."""

import json
import re
import uuid

import pytest
from django.urls import reverse

from factcheck import workflow
from factcheck.models import Article, Claim, Note, Source
from tests.conftest import client_for, make_claim
from tests.test_workflow import published

PAGES = ["public:home", "public:claims", "public:stats", "public:methodology", "public:corrections-policy"]


def json_ld(response) -> dict:
    match = re.search(rb'<script type="application/ld\+json">(.*?)</script>', response.content, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


@pytest.fixture
def public_claim(claim, reviewer, editor, ratings, source):
    """Published through the real workflow, with an internal note and an assignee."""
    claim = workflow.assign(claim, reviewer, expected_version=claim.version, assignee=reviewer)
    claim = published(claim, reviewer, editor, ratings["true"], source)
    workflow.add_note(claim, reviewer, "SECRET-NOTE about the statistics office")
    return Claim.objects.get(pk=claim.pk)


def fill(article_factory_count: int, publish_claim, sources: list[Source]) -> None:
    """`article_factory_count` articles with three published claims each, varied outlets and claimants."""
    for index in range(article_factory_count):
        body = f"Exports rose {index}% in May. Debt fell to {index} billion. Jobs grew by {index}00."
        article = Article.objects.create(
            title=f"Report {index}", slug=f"report-{index}", outlet=f"Outlet {index % 4}", body=body,
        )
        for phrase, rating in [(f"Exports rose {index}%", "true"), (f"Debt fell to {index} billion", "false"),
                               (f"Jobs grew by {index}00", "half-true")]:
            publish_claim(article, phrase, rating=rating, claimant=f"Minister {index % 5}", sources=sources)


# --- every page works for anonymous visitors -------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_pages_work_for_anonymous_visitors(anon_client, public_claim, name):
    response = anon_client.get(reverse(name))
    assert response.status_code == 200
    assert b'<link rel="alternate" type="application/atom+xml"' in response.content


@pytest.mark.parametrize("name", PAGES)
def test_pages_work_with_nothing_published(anon_client, db, name):
    assert anon_client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", PAGES)
def test_pages_refuse_posts(anon_client, db, name):
    assert anon_client.post(reverse(name)).status_code == 405


def test_home_shows_latest_verdicts_counts_and_links(anon_client, public_claim):
    response = anon_client.get(reverse("public:home"))
    body = response.content.decode()
    assert "Inflation in 2024 was 5.2%." in body
    assert "1 claim checked" in body
    assert reverse("public:article", args=["economy-report"]) in body
    assert "?outlet=Daily%20Planet" in body
    assert 'href="/claims/?rating=true"' in body


# --- the claim page ----------------------------------------------------------------------------


def test_claim_page_shows_the_verdict_sources_and_context(anon_client, public_claim):
    response = anon_client.get(public_claim.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert "Inflation in 2024 was 5.2%." in body
    assert "The claim is accurate and nothing significant is missing." in body  # the scale's description
    assert "CPI rose 5.2% in 2024." in body
    assert "Consumer prices 2024" in body and "Statistics office" in body
    assert "<mark>Inflation in 2024 was 5.2%</mark>" in body
    assert f"/articles/economy-report/#claim-{public_claim.pk}" in body


def test_claim_page_carries_a_complete_claim_review(anon_client, public_claim, settings):
    settings.FACTCHECK_ORGANIZATION_NAME = "Verify Desk"
    review = json_ld(anon_client.get(public_claim.get_absolute_url()))
    assert review["@type"] == "ClaimReview"
    assert len(review["claimReviewed"]) < 75
    assert set(review["reviewRating"]) >= {"ratingValue", "bestRating", "worstRating", "alternateName"}
    assert review["itemReviewed"]["@type"] == "Claim"
    assert {"author", "datePublished", "appearance"} <= set(review["itemReviewed"])
    assert review["author"]["name"] == "Verify Desk"
    assert review["datePublished"]
    assert review["url"] == "http://testserver" + public_claim.get_absolute_url()


def test_json_ld_cannot_be_broken_out_of(anon_client, article, publish_claim):
    claim = publish_claim(article, "Inflation in 2024 was 5.2%", wording="</script><script>alert('x')</script>")
    response = anon_client.get(claim.get_absolute_url(), follow=True)
    assert b"<script>alert" not in response.content
    assert json_ld(response)["claimReviewed"].startswith("</script>")


def test_explanation_markdown_is_sanitised(anon_client, article, publish_claim):
    claim = publish_claim(article, "Inflation in 2024 was 5.2%", explanation="**Bold** <script>alert(1)</script><img src=x onerror=alert(1)>")
    response = anon_client.get(claim.get_absolute_url(), follow=True)
    assert b"<strong>Bold</strong>" in response.content
    assert b"<script>alert(1)" not in response.content and b"onerror" not in response.content


def test_short_and_wrong_slug_urls_redirect_permanently(anon_client, public_claim):
    url = public_claim.get_absolute_url()
    for wrong in [reverse("public:claim-short", args=[public_claim.pk]), reverse("public:claim", args=[public_claim.pk, "old-slug"])]:
        response = anon_client.get(wrong)
        assert response.status_code == 301 and response["Location"] == url


def test_corrections_log_and_also_appeared_in(anon_client, public_claim, reviewer, editor, ratings):
    claim = workflow.open_correction(public_claim, editor, expected_version=public_claim.version, reason="The office revised its figure.")
    claim = workflow.save_verdict_draft(claim, reviewer, expected_version=claim.version, rating=ratings["mostly-true"], explanation="Revised to 5.1%.")
    claim = workflow.submit_for_review(claim, reviewer, expected_version=claim.version)
    claim = workflow.approve(claim, editor, expected_version=claim.version)
    claim = workflow.publish(claim, editor, expected_version=claim.version)
    other = Article.objects.create(title="Second look", slug="second-look", body="Inflation in 2024 was 5.2% again.")
    elsewhere = make_claim(other, "Inflation in 2024 was 5.2%")
    published(elsewhere, reviewer, editor, ratings["true"], Source.objects.create(url="https://example.org/2", title="Another"))
    body = anon_client.get(claim.get_absolute_url()).content.decode()
    assert "Mostly true" in body and "Revised to 5.1%." in body
    assert "The office revised its figure." in body
    assert "Rating changed from “True” to “Mostly true”." in body
    assert "Also appeared in" in body and "Second look" in body


# --- the article page --------------------------------------------------------------------------


def test_article_page_highlights_published_claims_only(anon_client, public_claim, article):
    make_claim(article, "served for 26 years")
    response = anon_client.get(article.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert f'id="claim-{public_claim.pk}" class="claim-mark"' in body
    assert body.count('class="claim-mark"') == 1
    assert "1 claim checked" in body
    assert "#1a7f37" in body  # coloured by its rating


def test_article_without_published_claims_is_hidden(anon_client, claim, article):
    assert anon_client.get(article.get_absolute_url()).status_code == 404
    assert anon_client.get(reverse("public:article", args=["no-such-article"])).status_code == 404


# --- the claims list ---------------------------------------------------------------------------


def test_claims_list_filters_and_searches(anon_client, article, publish_claim):
    publish_claim(article, "Inflation in 2024 was 5.2%", rating="true")
    publish_claim(article, "served for 26 years", rating="false", claimant="The president")
    body = anon_client.get(reverse("public:claims"), {"rating": "false"}).content.decode()
    assert "served for 26 years" in body and "Inflation in 2024" not in body
    body = anon_client.get(reverse("public:claims"), {"q": "inflation"}).content.decode()
    assert "Inflation in 2024" in body and "served for 26 years" not in body
    body = anon_client.get(reverse("public:claims"), {"claimant": "the president"}).content.decode()
    assert "1 claim matching the filters" in body


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"rating": "excellent"}, "There is no such rating"),
        ({"date_from": "2024-99-01"}, "YYYY-MM-DD"),
        ({"date_from": "2024-05-01", "date_to": "2024-01-01"}, "start date is after the end date"),
        ({"page": "-3"}, ""),
        ({"page": "abc"}, ""),
        ({"kind": "<script>"}, "There is no such kind"),
    ],
)
def test_bad_filters_explain_and_never_fail(anon_client, public_claim, params, message):
    response = anon_client.get(reverse("public:claims"), params)
    assert response.status_code == 200
    main = response.content.decode().split("<main")[1].split("</main>")[0]
    assert message in main
    assert "<script>" not in main


def test_claims_list_paginates_and_keeps_filters(anon_client, db, publish_claim, monkeypatch):
    from factcheck.views import public

    monkeypatch.setattr(public, "CLAIMS_PER_PAGE", 5)
    fill(10, publish_claim, [])
    body = anon_client.get(reverse("public:claims"), {"outlet": "Outlet 1"}).content.decode()
    assert "9 claims matching the filters" in body and "page 1 of 2" in body
    assert 'href="?outlet=Outlet+1&amp;page=2"' in body
    body = anon_client.get(reverse("public:claims"), {"outlet": "Outlet 1", "page": 2}).content.decode()
    assert "page 2 of 2" in body and body.count('class="verdict-item"') == 4
    assert 'href="?outlet=Outlet+1&amp;page=1"' in body


def test_outlet_and_claimant_filters_suggest_names(anon_client, article, publish_claim):
    publish_claim(article, "Inflation in 2024 was 5.2%", claimant="Statistics office")
    body = anon_client.get(reverse("public:claims")).content.decode()
    assert '<option value="Daily Planet">' in body and '<option value="Statistics office">' in body
    assert 'list="outlet-names"' in body


def test_htmx_request_gets_only_the_results_partial(anon_client, public_claim):
    response = anon_client.get(reverse("public:claims"), {"q": "inflation"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="claim-results">')
    assert "<html" not in body and "Inflation in 2024 was 5.2%." in body


# --- visibility --------------------------------------------------------------------------------


def test_unpublished_claims_are_404_for_visitors_and_outsiders(anon_client, outsider_client, claim):
    for client in (anon_client, outsider_client):
        assert client.get(reverse("public:claim-short", args=[claim.pk])).status_code == 404
        assert client.get(claim.get_absolute_url()).status_code == 404
        assert client.get(claim.get_absolute_url() + "?preview").status_code == 404
    assert anon_client.get(reverse("public:claim-short", args=[999999])).status_code == 404


def test_unpublished_claims_appear_nowhere_public(anon_client, public_claim, article):
    hidden = make_claim(article, "served for 26 years", claim_as_checked="HIDDEN-CLAIM wording")
    urls = [reverse(name) for name in PAGES] + [article.get_absolute_url(), reverse("public:feed"),
                                               reverse("public:sitemap-section", args=["claims"])]
    for url in urls:
        body = anon_client.get(url).content.decode()
        assert "HIDDEN-CLAIM" not in body, url
        assert f"/claims/{hidden.pk}/" not in body and f'id="claim-{hidden.pk}"' not in body, url


def test_notes_assignees_and_reviewers_never_appear(anon_client, public_claim, article):
    urls = [reverse(name) for name in PAGES] + [
        public_claim.get_absolute_url(), article.get_absolute_url(), reverse("public:feed"),
        reverse("public:sitemap-section", args=["claims"]),
    ]
    for url in urls:
        body = anon_client.get(url).content.decode()
        assert "SECRET-NOTE" not in body
        assert "rita" not in body and "edna" not in body, url


def test_a_correction_in_progress_does_not_leak(anon_client, public_claim, reviewer, editor, ratings, article):
    claim = workflow.open_correction(public_claim, editor, expected_version=public_claim.version, reason="DRAFT-REASON")
    claim = workflow.update_claim(claim, reviewer, expected_version=claim.version, claim_as_checked="DRAFT-WORDING", claimant="DRAFT-CLAIMANT")
    claim = workflow.save_verdict_draft(claim, reviewer, expected_version=claim.version, rating=ratings["false"], explanation="DRAFT-EXPLANATION")
    workflow.attach_source(claim, reviewer, expected_version=claim.version, source=Source.objects.create(url="https://example.org/d", title="DRAFT-SOURCE"))
    urls = [reverse(name) for name in PAGES] + [
        reverse("public:claim-short", args=[claim.pk]), article.get_absolute_url(), reverse("public:feed"),
        reverse("public:sitemap-section", args=["claims"]),
    ]
    for url in urls:
        body = anon_client.get(url, follow=True).content.decode()
        assert "DRAFT-" not in body, url
        assert "draft-wording" not in body, url
        assert "correction of this verdict is in progress" not in body, url
    body = anon_client.get(reverse("public:claim-short", args=[claim.pk]), follow=True).content.decode()
    assert "Inflation in 2024 was 5.2%." in body and "CPI rose 5.2% in 2024." in body and ">True<" in body


def test_reviewers_preview_unpublished_claims_clearly_marked(reviewer_client, claim, reviewer, ratings, source):
    from tests.test_workflow import prepare

    claim = prepare(claim, reviewer, ratings["false"], source, explanation="Draft explanation.")
    response = reviewer_client.get(claim.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert "Preview — not published" in body
    assert "Draft explanation." in body and ">False<" in body
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    assert "application/ld+json" not in body


def test_reviewers_preview_a_correction_draft_only_when_asked(reviewer_client, public_claim, editor, reviewer):
    claim = workflow.open_correction(public_claim, editor, expected_version=public_claim.version, reason="Recheck.")
    workflow.update_claim(claim, reviewer, expected_version=claim.version, claim_as_checked="Revised wording.")
    normal = reviewer_client.get(public_claim.get_absolute_url()).content.decode()
    assert "Preview —" not in normal and "Revised wording." not in normal
    assert "A correction of this verdict is in progress." in normal
    preview = reviewer_client.get(reverse("public:claim-short", args=[claim.pk]) + "?preview").content.decode()
    assert "Preview — not published" in preview and "Revised wording." in preview


# --- query counts stay constant ------------------------------------------------------------------

QUERY_LIMITS = {
    "public:home": 6,
    "public:claims": 6,
    "public:stats": 7,
}


@pytest.mark.parametrize("size", [2, 12])
@pytest.mark.parametrize(("name", "limit"), QUERY_LIMITS.items())
def test_list_pages_query_count_is_constant(anon_client, db, publish_claim, django_assert_max_num_queries, size, name, limit):
    fill(size, publish_claim, [Source.objects.create(url=f"https://example.org/{uuid.uuid4().hex}", title="S")])
    with django_assert_max_num_queries(limit):
        assert anon_client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("size", [1, 15])
def test_claim_and_article_pages_query_count_is_constant(anon_client, db, publish_claim, django_assert_max_num_queries, size):
    sources = [Source.objects.create(url=f"https://example.org/{i}", title=f"Source {i}") for i in range(size)]
    body = " ".join(f"Figure {i} was {i}0%." for i in range(size * 3))
    article = Article.objects.create(title="Many", slug="many", body=body)
    claims = [publish_claim(article, f"Figure {i} was {i}0%", sources=sources, rating=["true", "false", "misleading"][i % 3]) for i in range(size * 3)]
    with django_assert_max_num_queries(6):
        assert anon_client.get(claims[0].get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(2):
        response = anon_client.get(article.get_absolute_url())
    assert response.content.decode().count('class="claim-mark"') == size * 3


# --- methodology and corrections policy ------------------------------------------------------------


def test_methodology_shows_the_editable_text_and_the_live_scale(anon_client, db, ratings):
    ratings["misleading"].description = "Accurate parts, false impression."
    ratings["misleading"].save()
    body = anon_client.get(reverse("public:methodology")).content.decode()
    assert "How we check" in body and "four eyes" in body
    assert "Accurate parts, false impression." in body


def test_corrections_policy_is_installed(anon_client, db):
    body = anon_client.get(reverse("public:corrections-policy")).content.decode()
    assert "Corrections policy" in body and "corrections log" in body


def test_editors_change_the_text_in_the_admin(superuser, anon_client):
    from factcheck.models import Page

    page = Page.objects.get(slug="corrections-policy")
    client = client_for(superuser)
    response = client.post(reverse("admin:factcheck_page_change", args=[page.pk]), {"title": "Corrections", "body": "Write to **us**."})
    assert response.status_code == 302
    body = anon_client.get(reverse("public:corrections-policy")).content.decode()
    assert "Write to <strong>us</strong>." in body


def test_text_page_markdown_is_sanitised(anon_client, db):
    from factcheck.models import Page

    Page.objects.filter(slug="methodology").update(body="<script>alert(1)</script>[x](javascript:alert(1))")
    body = anon_client.get(reverse("public:methodology")).content.decode()
    assert "<script>alert" not in body and "javascript:" not in body


def test_history_restore_gets_the_whole_page(anon_client, public_claim):
    response = anon_client.get(reverse("public:claims"), HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert b"<html" in response.content


@pytest.mark.parametrize("name", PAGES + ["public:feed", "public:sitemap", "public:robots"])
def test_head_requests_are_answered(anon_client, public_claim, name):
    assert anon_client.head(reverse(name)).status_code == 200


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/claims/99999999999999999999999/", 404),
        ("/claims/99999999999999999999999/some-slug/", 404),
        ("/sitemap-claims.xml?p=abc", 404),
        ("/sitemap-claims.xml?p=99", 404),
        ("/claims/?page=99999999999999999999999", 200),
        ("/claims/?date_from=99999-01-01", 200),
        ("/claims/?q=%00", 200),
    ],
)
def test_odd_input_never_fails(anon_client, reviewer_client, public_claim, url, status):
    for client in (anon_client, reviewer_client):
        assert client.get(url).status_code == status


def test_null_characters_in_search_are_refused_with_a_message(anon_client, public_claim):
    body = anon_client.get("/claims/?q=%00").content.decode()
    assert "Null characters are not allowed." in body


@pytest.mark.parametrize("size", [2, 12])
def test_filtered_list_query_count_is_constant(anon_client, db, publish_claim, django_assert_max_num_queries, size):
    fill(size, publish_claim, [])
    with django_assert_max_num_queries(7):
        response = anon_client.get(reverse("public:claims"), {"q": "rose", "rating": "true", "outlet": "Outlet 1", "date_from": "2020-01-01"})
    assert response.status_code == 200
    assert response.content.decode().count('class="verdict-item"') == len(range(1, size, 4))


def test_claim_list_links_to_the_csv_export_with_its_filters(client, db):
    html = client.get("/claims/?kind=percentage&page=1").content.decode()
    assert 'href="/claims/export.csv?kind=percentage"' in html
