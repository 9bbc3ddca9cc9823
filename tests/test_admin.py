"""Curation in the admin: pages work, queries stay flat, actions go through the workflow."""

import pytest
from django.urls import reverse

from factcheck import workflow
from factcheck.models import Article, Claim, ClaimStatus, Correction, Note, Source
from tests.conftest import client_for, make_claim
from tests.test_workflow import prepare

CHANGELISTS = ["article", "claim", "verdict", "rating", "source", "note", "correction"]


def populate(article, reviewer, editor, ratings, count: int) -> None:
    """`count` more articles, each with a published claim that has a source and a note."""
    first = Article.objects.count()
    for n in range(first, first + count):
        other = Article.objects.create(title=f"Article {n}", slug=f"article-{n}", outlet=f"Outlet {n % 3}", body=article.body)
        claim = make_claim(other, "for 26 years", assignee=reviewer)
        source = Source.objects.create(url=f"https://example.org/{n}", title=f"Source {n}")
        claim = prepare(claim, reviewer, ratings["true"], source)
        claim = workflow.submit_for_review(claim, reviewer, expected_version=claim.version)
        claim = workflow.approve(claim, editor, expected_version=claim.version)
        claim = workflow.publish(claim, editor, expected_version=claim.version)
        workflow.add_note(claim, reviewer, f"note {n}")
        workflow.unpublish(claim, editor, expected_version=claim.version, reason=f"withdrawn {n}")


@pytest.mark.parametrize("model", CHANGELISTS)
def test_changelist_queries_do_not_grow_with_rows(model, superuser, article, reviewer, editor, ratings, django_assert_max_num_queries):
    client = client_for(superuser)
    url = reverse(f"admin:factcheck_{model}_changelist")
    populate(article, reviewer, editor, ratings, 2)
    with django_assert_max_num_queries(15) as small:
        assert client.get(url).status_code == 200
    populate(article, reviewer, editor, ratings, 12)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("model", CHANGELISTS)
def test_change_pages_open(model, superuser, article, reviewer, editor, ratings):
    populate(article, reviewer, editor, ratings, 1)
    objects = {
        "article": Article.objects.first(), "claim": Claim.objects.first(), "source": Source.objects.first(),
        "note": Note.objects.first(), "rating": ratings["true"], "verdict": Claim.objects.first().verdicts.first(),
        "correction": None,
    }
    obj = objects[model] or Correction.objects.first()
    client = client_for(superuser)
    assert client.get(reverse(f"admin:factcheck_{model}_change", args=[obj.pk])).status_code == 200
    assert client.get(reverse(f"admin:factcheck_{model}_history", args=[obj.pk])).status_code == 200


def test_editor_can_use_admin_reviewer_cannot(editor, reviewer_client):
    assert client_for(editor).get(reverse("admin:factcheck_claim_changelist")).status_code == 200
    assert reviewer_client.get(reverse("admin:factcheck_claim_changelist")).status_code == 302


def test_publish_action_reports_refusals_per_item(editor, article, reviewer, ratings, source):
    ready = prepare(make_claim(article, "for 26 years"), reviewer, ratings["true"], source)
    ready = workflow.submit_for_review(ready, reviewer, expected_version=ready.version)
    ready = workflow.approve(ready, editor, expected_version=ready.version)
    draft = make_claim(article, "Inflation in 2024 was 5.2%")
    response = client_for(editor).post(
        reverse("admin:factcheck_claim_changelist"),
        {"action": "publish_claims", "_selected_action": [ready.pk, draft.pk]},
        follow=True,
    )
    text = response.content.decode()
    assert "1 claim(s) published" in text
    assert f"Claim {draft.pk}" in text and "Only approved claims can be published" in text
    draft.refresh_from_db()
    ready.refresh_from_db()
    assert ready.status == ClaimStatus.PUBLISHED and draft.status == ClaimStatus.NEW


def test_assign_and_dismiss_actions(editor, claim):
    client = client_for(editor)
    url = reverse("admin:factcheck_claim_changelist")
    client.post(url, {"action": "assign_to_me", "_selected_action": [claim.pk]})
    claim.refresh_from_db()
    assert claim.assignee == editor
    client.post(url, {"action": "dismiss_claims", "_selected_action": [claim.pk]})
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DISMISSED and claim.dismissal_reason == "not_checkworthy"


def test_unpublish_action_records_a_correction(editor, article, reviewer, ratings, source):
    claim = prepare(make_claim(article, "for 26 years"), reviewer, ratings["true"], source)
    claim = workflow.submit_for_review(claim, reviewer, expected_version=claim.version)
    claim = workflow.approve(claim, editor, expected_version=claim.version)
    claim = workflow.publish(claim, editor, expected_version=claim.version)
    client_for(editor).post(reverse("admin:factcheck_claim_changelist"), {"action": "unpublish_claims", "_selected_action": [claim.pk]})
    claim.refresh_from_db()
    assert claim.published_verdict is None
    assert claim.corrections.get().what_changed == "The verdict was withdrawn."


def test_approved_verdict_is_read_only_in_admin(superuser, article, reviewer, editor, ratings, source):
    claim = prepare(make_claim(article, "for 26 years"), reviewer, ratings["true"], source)
    claim = workflow.submit_for_review(claim, reviewer, expected_version=claim.version)
    workflow.approve(claim, editor, expected_version=claim.version)
    verdict = claim.verdicts.get()
    response = client_for(superuser).post(
        reverse("admin:factcheck_verdict_change", args=[verdict.pk]), {"rating": ratings["false"].pk, "explanation": "defaced"}
    )
    assert response.status_code == 403
    verdict.refresh_from_db()
    assert verdict.explanation != "defaced"


def test_editing_article_text_in_admin_reextracts(superuser, article):
    client = client_for(superuser)
    response = client.post(
        reverse("admin:factcheck_article_change", args=[article.pk]),
        {
            "title": article.title, "slug": article.slug, "outlet": "", "author": "", "url": "", "published_on": "",
            "language": "en", "body": "Unemployment fell to 3.9% in March, the ministry said.",
            "claims-TOTAL_FORMS": "0", "claims-INITIAL_FORMS": "0", "claims-MIN_NUM_FORMS": "0", "claims-MAX_NUM_FORMS": "1000",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "Claims extracted" in response.content.decode()
    assert any("3.9%" in quote for quote in article.claims.values_list("quote", flat=True))
