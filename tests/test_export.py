"""CSV export: the ledger's filters, published snapshots only, formula-safe cells, streaming, clear 400s."""

import csv
import io

import pytest
from django.core.management import call_command

from factcheck import workflow
from factcheck.models import Article, Claim
from factcheck.views.export import COLUMNS, safe_cell
from tests.conftest import make_claim
from tests.test_workflow import published

URL = "/claims/export.csv"


def rows(client, query: str = "") -> list[dict[str, str]]:
    response = client.get(URL + query)
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="factcheck-claims-')
    text = b"".join(response.streaming_content).decode("utf-8")
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == COLUMNS
    return list(reader)


@pytest.fixture
def two_claims(article, publish_claim):
    other = Article.objects.create(title="Sport", slug="sport", outlet="Sports Desk", body="The team won 12 games in a row.")
    first = publish_claim(article, "Inflation in 2024 was 5.2%", rating="true", claimant="Statistics office", kind="percentage")
    second = publish_claim(other, "won 12 games", rating="false", claimant="The coach", kind="quantity")
    return first, second


def test_export_lists_published_claims(anon_client, two_claims):
    first, second = two_claims
    exported = rows(anon_client)
    assert {row["id"] for row in exported} == {str(first.pk), str(second.pk)}
    row = next(r for r in exported if r["id"] == str(first.pk))
    assert row["rating"] == "True" and row["rating_value"] == "6"
    assert row["claimant"] == "Statistics office" and row["quote"] == "Inflation in 2024 was 5.2%"
    assert row["url"].startswith("http://testserver/claims/") and row["article_url"] == "http://testserver/articles/economy-report/"
    assert row["outlet"] == "Daily Planet" and row["kind"] == "percentage"


def test_export_uses_the_current_filters(anon_client, two_claims):
    first, second = two_claims
    assert [r["id"] for r in rows(anon_client, "?rating=false")] == [str(second.pk)]
    assert [r["id"] for r in rows(anon_client, "?q=inflation&outlet=daily+planet")] == [str(first.pk)]
    assert [r["id"] for r in rows(anon_client, "?claimant=the+coach&page=3")] == [str(second.pk)]  # page is ignored
    assert rows(anon_client, "?kind=money") == []


def test_unpublished_claims_and_drafts_are_not_exported(anon_client, claim, reviewer, editor, ratings, source, article):
    claim = published(claim, reviewer, editor, ratings["true"], source)
    claim = workflow.open_correction(claim, editor, expected_version=claim.version, reason="New data.")
    workflow.update_claim(claim, editor, expected_version=claim.version, claim_as_checked="Draft wording", claimant="Draft person")
    hidden = make_claim(article, "served for 26 years")
    workflow.add_note(claim, reviewer, "INTERNAL NOTE")
    response = anon_client.get(URL)
    text = b"".join(response.streaming_content).decode()
    assert "Draft wording" not in text and "Draft person" not in text and "INTERNAL NOTE" not in text
    assert reviewer.username not in text and editor.username not in text
    [row] = csv.DictReader(io.StringIO(text))
    assert row["id"] == str(claim.pk) != str(hidden.pk)
    assert row["claim_as_checked"] == "Inflation in 2024 was 5.2%."


def test_formula_cells_are_defused(anon_client, publish_claim):
    article = Article.objects.create(title="=HYPERLINK(\"http://evil.example\")", slug="evil", outlet="@outlet",
                                     body="+1 more jobs were lost.")
    publish_claim(article, "+1 more jobs", claimant="-2+3", wording="=1+1")
    [row] = rows(anon_client)
    assert row["article_title"] == "'=HYPERLINK(\"http://evil.example\")"
    assert row["outlet"] == "'@outlet"
    assert row["claimant"] == "'-2+3" and row["claim_as_checked"] == "'=1+1" and row["quote"] == "'+1 more jobs"


@pytest.mark.parametrize("value", ["=cmd", "+x", "-x", "@x", "\tx", "\rx"])
def test_safe_cell_prefixes_formula_starts(value):
    assert safe_cell(value) == "'" + value
    assert safe_cell("plain " + value) == "plain " + value
    assert safe_cell(-3) == -3 and safe_cell(None) == ""


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?rating=nonsense", "no such rating"),
        ("?date_from=yesterday", "YYYY-MM-DD"),
        ("?date_from=2024-12-31&date_to=2024-01-01", "swap them"),
    ],
)
def test_bad_filters_get_a_clear_400(anon_client, two_claims, query, message):
    response = anon_client.get(URL + query)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert text.startswith("Nothing was exported: fix the filters") and message in text


def test_only_get(anon_client, db):
    assert anon_client.post(URL).status_code == 405


@pytest.mark.parametrize("articles", [2, 15])
def test_query_count_is_constant(anon_client, django_assert_max_num_queries, articles, db):
    call_command("generate_bench_data", articles=articles, claims_per_article=4, published_share=1.0,
                 long_article_claims=0, stdout=io.StringIO())
    with django_assert_max_num_queries(2):
        response = anon_client.get(URL + "?rating=false")
        text = b"".join(response.streaming_content).decode()
    assert text.count("\n") == 1 + Claim.objects.published().filter(published_verdict__rating__slug="false").count()
