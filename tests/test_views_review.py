"""Workbench pages and the claim panel: roles, methods, bad input, htmx partials, query counts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from factcheck import workflow
from factcheck.models import Article, Claim, ClaimOrigin, ClaimSource, ClaimStatus, Note, Source, Verdict
from tests.conftest import make_claim
from tests.test_workflow import prepare

HTMX = {"HTTP_HX_REQUEST": "true"}


def claim_url(name, claim, *args):
    return reverse(f"review:{name}", args=[claim.pk, *args])


def fresh(claim):
    return Claim.objects.get(pk=claim.pk)


# --- Who gets in --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["queue", "import"])
def test_pages_open_for_reviewers_and_editors(name, reviewer_client, editor_client):
    assert reviewer_client.get(reverse(f"review:{name}")).status_code == 200
    assert editor_client.get(reverse(f"review:{name}")).status_code == 200


def test_article_and_claim_pages_open_for_reviewers(reviewer_client, claim):
    assert reviewer_client.get(reverse("review:article", args=[claim.article_id])).status_code == 200
    response = reviewer_client.get(claim_url("claim", claim))
    assert response.status_code == 200
    assert b'id="claim-panel"' in response.content and b"Inflation in 2024 was 5.2%" in response.content


@pytest.mark.parametrize("name", ["queue", "import"])
def test_anonymous_people_are_sent_to_sign_in(name, anon_client):
    response = anon_client.get(reverse(f"review:{name}"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_anonymous_htmx_requests_redirect_the_whole_page(anon_client, claim):
    response = anon_client.get(claim_url("claim", claim), **HTMX)
    assert response.headers["HX-Redirect"].startswith(reverse("login"))


@pytest.mark.parametrize("url", [
    lambda c: reverse("review:queue"), lambda c: reverse("review:import"),
    lambda c: reverse("review:article", args=[c.article_id]), lambda c: claim_url("claim", c),
])
def test_signed_in_people_without_a_role_get_403(outsider_client, claim, url):
    assert outsider_client.get(url(claim)).status_code == 403


def test_outsider_cannot_post_changes(outsider_client, claim):
    response = outsider_client.post(claim_url("edit-claim", claim), {"version": claim.version, "kind": "other", "claim_as_checked": "X"})
    assert response.status_code == 403
    assert fresh(claim).claim_as_checked == ""


def test_unknown_objects_are_404(reviewer_client, db):
    assert reviewer_client.get(reverse("review:claim", args=[999])).status_code == 404
    assert reviewer_client.get(reverse("review:article", args=[999])).status_code == 404
    assert reviewer_client.post(reverse("review:transition", args=[999, "submit"]), {"version": 1}).status_code == 404


def test_unknown_transition_is_404(reviewer_client, claim):
    assert reviewer_client.post(claim_url("transition", claim, "explode"), {"version": claim.version}).status_code == 404


@pytest.mark.parametrize("name", [
    "edit-claim", "save-verdict", "attach-source", "new-source", "add-note", "assign", "dismiss", "merge", "split",
])
def test_actions_refuse_get_with_405(reviewer_client, claim, name):
    assert reviewer_client.get(claim_url(name, claim)).status_code == 405


def test_pages_refuse_post_with_405(reviewer_client, claim):
    assert reviewer_client.post(reverse("review:queue")).status_code == 405
    assert reviewer_client.post(claim_url("claim", claim)).status_code == 405
    assert reviewer_client.post(reverse("review:article", args=[claim.article_id])).status_code == 405
    assert reviewer_client.get(reverse("review:preview")).status_code == 405
    assert reviewer_client.get(reverse("review:add-claim", args=[claim.article_id])).status_code == 405


def test_csrf_is_enforced(reviewer, claim):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(reviewer)
    response = client.post(claim_url("edit-claim", claim), {"version": claim.version, "kind": "other", "claim_as_checked": "X"})
    assert response.status_code == 403 and fresh(claim).claim_as_checked == ""


# --- Queue --------------------------------------------------------------------------------------

def test_queue_sections_counts_and_search(reviewer, reviewer_client, article, claim):
    other = make_claim(article, "served for 26 years", score=0.4)
    workflow.assign(other, reviewer, expected_version=other.version, assignee=reviewer)
    response = reviewer_client.get(reverse("review:queue"))
    body = response.content.decode()
    assert "Assigned to me" in body and "Unassigned new claims" in body
    assert "New 2" in body and "All 2" in body and "Dismissed 0" in body
    mine = response.context["sections"][0]
    assert mine[0] == "mine" and [c.pk for c in mine[2]] == [other.pk]
    response = reviewer_client.get(reverse("review:queue"), {"q": "inflation"})
    assert [c.pk for c in response.context["page"]] == [claim.pk]


def test_queue_filters(reviewer_client, reviewer, article, claim, ratings):
    other = make_claim(article, "served for 26 years", kind="duration")
    workflow.save_verdict_draft(other, reviewer, expected_version=other.version, rating=ratings["false"], explanation="x")
    def pks(**params):
        return [c.pk for c in reviewer_client.get(reverse("review:queue"), params).context["page"]]
    assert pks(kind="duration") == [other.pk]
    assert pks(status="research") == [other.pk]
    assert pks(rating="false") == [other.pk]
    assert set(pks(assignee="none", article=article.pk)) == {claim.pk, other.pk}
    assert pks(assignee="me") == []


def test_queue_with_bad_filters_says_so_and_still_answers(reviewer_client, claim):
    response = reviewer_client.get(reverse("review:queue"), {"status": "nonsense", "page": "x"})
    assert response.status_code == 200
    assert "Some filters were not understood" in response.content.decode()


def test_queue_is_paginated(reviewer_client, article):
    for i in range(30):
        Claim.objects.create(article=article, start=0, end=9, quote="Inflation", sentence_start=0, sentence_end=60, score=i / 100)
    response = reviewer_client.get(reverse("review:queue"), {"page": 2})
    assert response.context["page"].number == 2 and len(response.context["page"].object_list) == 5


def test_queue_htmx_filter_returns_only_the_table(reviewer_client, claim):
    response = reviewer_client.get(reverse("review:queue"), {"q": "inflation"}, HTTP_HX_TARGET="claim-table", **HTMX)
    body = response.content.decode()
    assert body.strip().startswith('<div id="claim-table">') and "<html" not in body


def make_claims(article, n):
    Claim.objects.bulk_create(
        Claim(article=article, start=0, end=9, quote="Inflation", sentence_start=0, sentence_end=60, score=0.5)
        for _ in range(n)
    )


def seed_verdicts(reviewer, ratings):
    for claim in Claim.objects.all()[:20]:
        Verdict.objects.create(claim=claim, rating=ratings["true"], author=reviewer, explanation="x")


def test_queue_query_count_does_not_grow(reviewer_client, reviewer, article, ratings, django_assert_max_num_queries):
    make_claims(article, 5)
    with django_assert_max_num_queries(16) as small:
        reviewer_client.get(reverse("review:queue"))
    make_claims(article, 200)
    seed_verdicts(reviewer, ratings)
    with django_assert_max_num_queries(len(small.captured_queries)):
        reviewer_client.get(reverse("review:queue"))


# --- Article page -------------------------------------------------------------------------------

def test_article_page_highlights_claims_in_place_with_offsets(reviewer_client, claim):
    response = reviewer_client.get(reverse("review:article", args=[claim.article_id]))
    body = response.content.decode()
    assert f'id="mark-{claim.pk}"' in body and 'data-start="0"' in body
    assert f'id="claim-item-{claim.pk}"' in body
    # Offsets of plain pieces point into the article text.
    assert f'data-start="{claim.end}"' in body


def test_article_offsets_survive_line_breaks(reviewer_client, reviewer):
    from factcheck.views.review import article_paragraphs

    body = "First line.\n\nSecond 5.2% line.\nThird."
    article = Article.objects.create(title="T", slug="t", body=body)
    claim = make_claim(article, "5.2%")
    paragraphs = article_paragraphs(body, [claim])
    for paragraph in paragraphs:
        for piece in paragraph:
            assert body[piece.start : piece.start + len(piece.text)] == piece.text
    assert len(paragraphs) == 3


def test_article_page_with_300_claims_has_no_per_claim_queries(reviewer_client, reviewer, article, ratings, django_assert_max_num_queries):
    make_claims(article, 30)
    with django_assert_max_num_queries(12) as small:
        reviewer_client.get(reverse("review:article", args=[article.pk]))
    make_claims(article, 270)
    seed_verdicts(reviewer, ratings)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = reviewer_client.get(reverse("review:article", args=[article.pk]))
    assert len(response.context["claims"]) == 300


def test_claim_panel_query_count_does_not_grow(reviewer_client, reviewer, article, claim, ratings, django_assert_max_num_queries):
    make_claims(article, 10)
    with django_assert_max_num_queries(40) as small:
        reviewer_client.get(claim_url("claim", claim), **HTMX)
    make_claims(article, 290)
    for i in range(30):
        source = Source.objects.create(url=f"https://example.org/{i}", title=f"S{i}")
        ClaimSource.objects.create(claim=claim, source=source, order=i)
        Note.objects.create(claim=claim, author=reviewer, body=f"note {i}")
    for i in range(10):
        claim = workflow.update_claim(claim, reviewer, expected_version=claim.version, claimant=f"person {i}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        reviewer_client.get(claim_url("claim", claim), **HTMX)
    with django_assert_max_num_queries(len(small.captured_queries) + 6):
        reviewer_client.get(claim_url("claim", claim))


def test_htmx_claim_request_returns_only_the_panel(reviewer_client, claim):
    response = reviewer_client.get(claim_url("claim", claim), **HTMX)
    body = response.content.decode()
    assert body.strip().startswith('<section id="claim-panel"') and "<html" not in body
    assert f'id="claim-item-{claim.pk}"' in body and 'hx-swap-oob="true"' in body


# --- Claim panel: editing -----------------------------------------------------------------------

def edit(client, claim, **extra):
    data = {"version": claim.version, "claim_as_checked": "Inflation in 2024 was 5.2%.", "kind": "percentage", "claimant": "Daily Planet"}
    return client.post(claim_url("edit-claim", claim), {**data, **extra}, **extra.pop("headers", {}))


def test_edit_claim_saves_and_redirects(reviewer_client, claim):
    response = edit(reviewer_client, claim)
    assert response.status_code == 302 and response["Location"] == claim_url("claim", claim)
    claim.refresh_from_db()
    assert claim.claim_as_checked == "Inflation in 2024 was 5.2%." and claim.status == ClaimStatus.RESEARCH


def test_edit_claim_by_htmx_returns_the_panel(reviewer_client, claim):
    response = reviewer_client.post(claim_url("edit-claim", claim), {"version": claim.version, "claim_as_checked": "X.", "kind": "other", "claimant": ""}, **HTMX)
    assert response.status_code == 200 and response.content.decode().strip().startswith('<section id="claim-panel"')
    assert "Claim saved." in response.content.decode()
    assert fresh(claim).claim_as_checked == "X."


def test_htmx_change_swaps_in_the_articles_new_status_counts(reviewer_client, article, claim):
    make_claims(article, 2)
    panel = reviewer_client.get(claim_url("claim", claim), **HTMX).content.decode()
    assert 'id="status-pills"' not in panel  # reading changes no counts
    body = edit(reviewer_client, claim, headers=HTMX).content.decode()
    pills = body[body.index('<ul class="status-pills" id="status-pills" hx-swap-oob="true">'):]
    pills = pills[: pills.index("</ul>")]
    assert "In research 1" in pills and "New 2" in pills


def test_edit_claim_bad_input_keeps_text_and_changes_nothing(reviewer_client, claim):
    response = reviewer_client.post(claim_url("edit-claim", claim), {"version": claim.version, "claim_as_checked": "My careful wording", "kind": "bogus"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Select a valid choice" in body and "My careful wording" in body
    assert fresh(claim).claim_as_checked == "" and fresh(claim).version == claim.version


def test_missing_version_is_explained(reviewer_client, claim):
    response = reviewer_client.post(claim_url("edit-claim", claim), {"claim_as_checked": "X", "kind": "other"})
    assert response.status_code == 400 and "reload the page" in response.content.decode()


def test_conflict_shows_both_versions_and_keeps_mine(reviewer_client, second_reviewer, claim):
    stale = claim.version
    workflow.update_claim(claim, second_reviewer, expected_version=stale, claim_as_checked="Their wording.")
    response = reviewer_client.post(claim_url("edit-claim", claim), {"version": stale, "claim_as_checked": "My wording.", "kind": "percentage", "claimant": ""}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 409
    assert "Someone else saved this claim" in body and "Their wording." in body and "My wording." in body
    current = fresh(claim)
    assert current.claim_as_checked == "Their wording."
    # The form now carries the current version: saving again applies mine.
    assert f'name="version" value="{current.version}"' in body
    response = reviewer_client.post(claim_url("edit-claim", claim), {"version": current.version, "claim_as_checked": "My wording.", "kind": "percentage", "claimant": ""})
    assert response.status_code == 302 and fresh(claim).claim_as_checked == "My wording."


def test_verdict_conflict_keeps_my_explanation(reviewer_client, second_reviewer, claim, ratings):
    stale = claim.version
    workflow.save_verdict_draft(claim, second_reviewer, expected_version=stale, rating=ratings["false"], explanation="Their text.")
    response = reviewer_client.post(claim_url("save-verdict", claim), {"version": stale, "rating": ratings["true"].pk, "explanation": "My long explanation."})
    body = response.content.decode()
    assert response.status_code == 409 and "My long explanation." in body and "Their text." in body
    assert Verdict.objects.get(claim=claim).explanation == "Their text."


def test_verdict_saves_rating_and_explanation(reviewer_client, reviewer, claim, ratings):
    response = reviewer_client.post(claim_url("save-verdict", claim), {"version": claim.version, "rating": ratings["true"].pk, "explanation": "CPI was **5.2%**."})
    assert response.status_code == 302
    verdict = Verdict.objects.get(claim=claim)
    assert verdict.rating == ratings["true"] and verdict.explanation == "CPI was **5.2%**." and verdict.author == reviewer


def test_verdict_with_retired_rating_is_refused_and_keeps_text(reviewer_client, claim, ratings):
    retired = ratings["half-true"]
    retired.is_active = False
    retired.save()
    response = reviewer_client.post(claim_url("save-verdict", claim), {"version": claim.version, "rating": retired.pk, "explanation": "Kept text."})
    assert response.status_code == 400
    assert "no longer offered" in response.content.decode() and "Kept text." in response.content.decode()
    assert not Verdict.objects.exists()


def test_published_claim_edit_is_refused_with_the_reason(reviewer_client, reviewer, editor, claim, ratings, source):
    from tests.test_workflow import published

    claim = published(claim, reviewer, editor, ratings["true"], source)
    response = reviewer_client.post(claim_url("save-verdict", claim), {"version": claim.version, "rating": ratings["false"].pk, "explanation": "Changed."})
    assert response.status_code == 400 and "open a correction" in response.content.decode()
    assert fresh(claim).published_verdict.rating == ratings["true"]


def test_markdown_preview_is_sanitised(reviewer_client):
    response = reviewer_client.post(reverse("review:preview"), {"explanation": "**bold** <script>alert(1)</script> [x](javascript:alert(1))"})
    body = response.content.decode()
    assert "<strong>bold</strong>" in body and "<script>" not in body and "javascript:" not in body


def test_preview_requires_a_role(outsider_client, anon_client):
    assert outsider_client.post(reverse("review:preview"), {"explanation": "x"}).status_code == 403
    assert anon_client.post(reverse("review:preview"), {"explanation": "x"}).status_code == 302


# --- Sources, notes, assignment -----------------------------------------------------------------

def test_source_search_finds_unattached_sources_as_a_partial(reviewer_client, claim, source):
    response = reviewer_client.get(claim_url("search-sources", claim), {"q": "consumer"}, **HTMX)
    body = response.content.decode()
    assert body.startswith('<div id="source-results"') and "Consumer prices 2024" in body
    response = reviewer_client.get(claim_url("search-sources", claim), {"q": "consumer"})
    assert b"<html" in response.content and b"Consumer prices 2024" in response.content


def test_attach_existing_source(reviewer_client, claim, source):
    response = reviewer_client.post(claim_url("attach-source", claim), {"version": claim.version, "source": source.pk, "note": "Table 3"})
    assert response.status_code == 302
    assert ClaimSource.objects.get(claim=claim, source=source).note == "Table 3"


def test_attach_unknown_source_is_explained(reviewer_client, claim):
    response = reviewer_client.post(claim_url("attach-source", claim), {"version": claim.version, "source": 999})
    assert response.status_code == 400 and "no longer exists" in response.content.decode()
    assert not ClaimSource.objects.exists()


def test_attach_twice_is_explained(reviewer_client, reviewer, claim, source):
    claim = workflow.attach_source(claim, reviewer, expected_version=claim.version, source=source)
    response = reviewer_client.post(claim_url("attach-source", claim), {"version": claim.version, "source": source.pk})
    assert response.status_code == 400 and "already attached" in response.content.decode()


def test_new_source_inline(reviewer_client, reviewer, claim):
    data = {"version": claim.version, "url": "stats.example.org/table", "title": "CPI table", "publisher": "Stats office",
            "kind": "statistics", "published_on": "2025-01-10", "accessed_on": "2025-02-01", "archive_url": "", "excerpt": "5.2", "note": "Row 1"}
    response = reviewer_client.post(claim_url("new-source", claim), data)
    assert response.status_code == 302
    source = Source.objects.get(title="CPI table")
    assert source.url == "https://stats.example.org/table" and source.created_by == reviewer
    assert ClaimSource.objects.get(claim=claim).note == "Row 1"


def test_new_source_bad_input_keeps_fields_and_saves_nothing(reviewer_client, claim):
    data = {"version": claim.version, "url": "javascript:alert(1)", "title": "", "publisher": "Kept publisher", "kind": "other",
            "published_on": "2025-02-10", "accessed_on": "2025-01-01"}
    response = reviewer_client.post(claim_url("new-source", claim), data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Give the source a title." in body and "Kept publisher" in body
    assert "cannot be before the publication date" in body
    assert not Source.objects.exists()


def test_new_source_conflict_saves_nothing(reviewer_client, reviewer, claim):
    stale = claim.version
    workflow.assign(claim, reviewer, expected_version=stale, assignee=reviewer)
    data = {"version": stale, "url": "https://x.org", "title": "Kept title", "kind": "other"}
    response = reviewer_client.post(claim_url("new-source", claim), data)
    assert response.status_code == 409 and "Kept title" in response.content.decode()
    assert not Source.objects.exists()


def test_detach_source(reviewer_client, reviewer, claim, source):
    claim = workflow.attach_source(claim, reviewer, expected_version=claim.version, source=source)
    response = reviewer_client.post(claim_url("detach-source", claim, source.pk), {"version": claim.version})
    assert response.status_code == 302 and not ClaimSource.objects.exists()


def test_notes_thread(reviewer_client, claim):
    assert reviewer_client.post(claim_url("add-note", claim), {"body": "Call the office."}).status_code == 302
    response = reviewer_client.post(claim_url("add-note", claim), {"body": "   "})
    assert response.status_code == 400 and "Write something" in response.content.decode()
    assert list(Note.objects.values_list("body", flat=True)) == ["Call the office."]


def test_assign_to_reviewer_and_refuse_outsider(reviewer_client, second_reviewer, outsider, claim):
    assert reviewer_client.post(claim_url("assign", claim), {"version": claim.version, "assignee": second_reviewer.pk}).status_code == 302
    assert fresh(claim).assignee == second_reviewer
    response = reviewer_client.post(claim_url("assign", claim), {"version": fresh(claim).version, "assignee": outsider.pk})
    assert response.status_code == 400 and "Choose someone who can review" in response.content.decode()
    assert fresh(claim).assignee == second_reviewer


# --- Workflow buttons ---------------------------------------------------------------------------

def test_disabled_buttons_say_why(reviewer_client, claim):
    body = reviewer_client.get(claim_url("claim", claim)).content.decode()
    assert "Add the claim as checked, a rating, an explanation and at least one source first." in body


def test_send_to_review_refused_until_ready(reviewer_client, claim):
    response = reviewer_client.post(claim_url("transition", claim, "submit"), {"version": claim.version})
    assert response.status_code == 400 and "Before review, add" in response.content.decode()
    assert fresh(claim).status == ClaimStatus.NEW


def test_reviewer_cannot_approve(reviewer_client, reviewer, claim, ratings, source):
    claim = prepare(claim, reviewer, ratings["true"], source)
    claim = workflow.submit_for_review(claim, reviewer, expected_version=claim.version)
    response = reviewer_client.post(claim_url("transition", claim, "approve"), {"version": claim.version})
    assert response.status_code == 403 and "Only an Editor" in response.content.decode()
    assert fresh(claim).status == ClaimStatus.REVIEW


def test_author_sees_four_eyes_reason(editor_client, editor, claim, ratings, source):
    claim = prepare(claim, editor, ratings["true"], source)
    claim = workflow.submit_for_review(claim, editor, expected_version=claim.version)
    body = editor_client.get(claim_url("claim", claim)).content.decode()
    assert "a second person must approve it" in body


def test_unpublish_needs_a_reason(editor_client, reviewer, editor, second_editor, claim, ratings, source):
    from tests.test_workflow import published

    claim = published(claim, reviewer, editor, ratings["true"], source)
    response = editor_client.post(claim_url("transition", claim, "unpublish"), {"version": claim.version, "reason": " "})
    assert response.status_code == 400 and "Say why" in response.content.decode()
    assert fresh(claim).is_public
    response = editor_client.post(claim_url("transition", claim, "unpublish"), {"version": claim.version, "reason": "Wrong figure."})
    assert response.status_code == 302 and not fresh(claim).is_public


def test_stale_transition_is_refused(editor_client, reviewer, claim, ratings, source):
    claim = prepare(claim, reviewer, ratings["true"], source)
    claim = workflow.submit_for_review(claim, reviewer, expected_version=claim.version)
    response = editor_client.post(claim_url("transition", claim, "approve"), {"version": claim.version - 1})
    assert response.status_code == 409 and "Someone else changed this claim" in response.content.decode()
    assert fresh(claim).status == ClaimStatus.REVIEW


def test_dismiss_and_restore(reviewer_client, claim):
    response = reviewer_client.post(claim_url("dismiss", claim), {"version": claim.version, "reason": ""})
    assert response.status_code == 400 and "Choose why" in response.content.decode()
    assert reviewer_client.post(claim_url("dismiss", claim), {"version": claim.version, "reason": "opinion"}).status_code == 302
    claim = fresh(claim)
    assert claim.status == ClaimStatus.DISMISSED and claim.dismissal_reason == "opinion"
    assert reviewer_client.post(claim_url("transition", claim, "restore"), {"version": claim.version}).status_code == 302
    assert fresh(claim).status == ClaimStatus.NEW


# --- Spans: select, merge, split ----------------------------------------------------------------

def test_selection_makes_a_claim(reviewer_client, reviewer, article):
    start = article.body.index("served for 26 years")
    response = reviewer_client.post(reverse("review:add-claim", args=[article.pk]),
                                    {"start": start, "end": start + 19, "quote": "served for 26 years", "kind": "duration"})
    claim = Claim.objects.get()
    assert response.status_code == 302 and response["Location"] == claim_url("claim", claim)
    assert claim.quote == "served for 26 years" and claim.assignee == reviewer


def test_typed_words_make_a_claim_without_javascript(reviewer_client, article):
    response = reviewer_client.post(reverse("review:add-claim", args=[article.pk]), {"quote": "26 years", "kind": "duration"})
    assert response.status_code == 302 and Claim.objects.get().quote == "26 years"


@pytest.mark.parametrize(("data", "message"), [
    ({"start": 0, "end": 5, "quote": "wrong"}, "does not match the article"),
    ({"quote": "not in the text"}, "not in the article"),
    ({"quote": "at"}, "appear 3 times"),
    ({"quote": ""}, "Select or type"),
])
def test_bad_selection_is_explained_and_changes_nothing(reviewer_client, article, data, message):
    response = reviewer_client.post(reverse("review:add-claim", args=[article.pk]), {"kind": "other", **data})
    assert response.status_code == 400 and message in response.content.decode()
    assert not Claim.objects.exists()


def test_bad_selection_by_htmx_returns_the_form_partial(reviewer_client, article):
    response = reviewer_client.post(reverse("review:add-claim", args=[article.pk]), {"kind": "other", "quote": "nope"}, **HTMX)
    assert response.content.decode().strip().startswith('<form id="selection-form"')


def test_merge_and_split_views(reviewer_client, article):
    keep = make_claim(article, "Inflation in 2024")
    other = make_claim(article, "was 5.2%")
    response = reviewer_client.post(claim_url("merge", keep), {"version": keep.version, "other": other.pk})
    assert response.status_code == 302 and fresh(keep).quote == "Inflation in 2024 was 5.2%"
    assert fresh(other).status == ClaimStatus.DISMISSED
    keep = fresh(keep)
    response = reviewer_client.post(claim_url("split", keep), {"version": keep.version, "second_part": "was 5.2%"})
    assert response.status_code == 302 and fresh(keep).quote == "Inflation in 2024"
    assert Claim.objects.filter(quote="was 5.2%").exclude(pk=other.pk).exists()


def test_bad_merge_and_split_are_explained(reviewer_client, article, claim):
    response = reviewer_client.post(claim_url("merge", claim), {"version": claim.version, "other": claim.pk})
    assert response.status_code == 400 and "Choose another claim" in response.content.decode()
    response = reviewer_client.post(claim_url("split", claim), {"version": claim.version, "second_part": "not there"})
    assert response.status_code == 400 and "not in the claim" in response.content.decode()
    assert Claim.objects.count() == 1 and fresh(claim).quote == "Inflation in 2024 was 5.2%"


# --- Never lose work: expired session -----------------------------------------------------------

def test_draft_survives_an_expired_session(reviewer, claim, ratings):
    from django.test import Client

    client = Client()  # signed out: the session expired while the reviewer was writing
    response = client.post(claim_url("save-verdict", claim), {"version": claim.version, "rating": ratings["true"].pk, "explanation": "My unsaved work."})
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert not Verdict.objects.exists()
    response = client.post(response["Location"], {"username": reviewer.username, "password": "pw-" + reviewer.username})
    assert response.status_code == 302 and response["Location"] == claim_url("claim", claim)
    body = client.get(response["Location"]).content.decode()
    assert "My unsaved work." in body and "Your unsaved draft was restored" in body
    # Once shown, the draft is in the form, not in the session any more.
    assert "My unsaved work." not in client.get(claim_url("claim", claim)).content.decode()


def test_span_changes_by_htmx_reload_the_whole_page(reviewer_client, article):
    start = article.body.index("26 years")
    response = reviewer_client.post(reverse("review:add-claim", args=[article.pk]), {"start": start, "end": start + 8, "quote": "26 years", "kind": "duration"}, **HTMX)
    claim = Claim.objects.get()
    assert response.headers["HX-Redirect"] == claim_url("claim", claim)
    response = reviewer_client.post(claim_url("dismiss", claim), {"version": claim.version, "reason": "opinion"}, **HTMX)
    assert response.headers["HX-Redirect"] == claim_url("claim", claim)


def test_htmx_refusal_returns_the_panel_with_the_reason(reviewer_client, claim):
    response = reviewer_client.post(claim_url("transition", claim, "submit"), {"version": claim.version}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 400 and body.strip().startswith('<section id="claim-panel"') and "Before review, add" in body


def test_published_claim_panel_is_locked_with_the_reason(editor_client, reviewer, editor, claim, ratings, source):
    from tests.test_workflow import published

    claim = published(claim, reviewer, editor, ratings["true"], source)
    body = editor_client.get(claim_url("claim", claim)).content.decode()
    assert "open a correction to change the claim" in body and '<fieldset class="panel-fields" disabled>' in body


def test_draft_note_survives_and_other_forms_keep_saved_values(reviewer, reviewer_client, claim, ratings):
    from django.test import Client

    claim = workflow.save_verdict_draft(claim, reviewer, expected_version=claim.version, rating=ratings["true"], explanation="Saved explanation.")
    client = Client()
    response = client.post(claim_url("add-note", claim), {"body": "Half-written note."})
    assert response["Location"].startswith(reverse("login"))
    client.force_login(reviewer)
    body = client.get(claim_url("claim", claim)).content.decode()
    assert "Half-written note." in body and "Saved explanation." in body
    assert not Note.objects.exists()


def test_signed_out_post_returns_to_the_page_it_came_from(anon_client, article):
    page = "http://testserver" + reverse("review:article", args=[article.pk])
    response = anon_client.post(reverse("review:add-claim", args=[article.pk]), {"quote": "26 years"}, HTTP_REFERER=page)
    assert response.status_code == 302 and "next=" in response["Location"] and "articles" in response["Location"]
    response = anon_client.post(reverse("review:add-claim", args=[article.pk]), {"quote": "26 years"}, HTTP_REFERER="https://evil.example/")
    assert "evil" not in response["Location"]
    assert not Claim.objects.exists()


def test_editors_see_what_waits_for_their_approval_but_not_their_own(editor, editor_client, reviewer, article, ratings, source):
    theirs = make_claim(article, "Inflation in 2024 was 5.2%")
    mine = make_claim(article, "served for 26 years")
    for claim, author in ((theirs, reviewer), (mine, editor)):
        claim = prepare(claim, author, ratings["true"], source)
        workflow.submit_for_review(claim, author, expected_version=claim.version)
    sections = {key: claims for key, _, claims in editor_client.get(reverse("review:queue")).context["sections"]}
    assert [c.pk for c in sections["approval"]] == [theirs.pk]


def test_login_page_explains_itself_and_wrong_password_is_clear(anon_client, reviewer):
    response = anon_client.get(reverse("login") + "?next=/review/")
    assert "Sign in to continue" in response.content.decode()
    response = anon_client.post(reverse("login"), {"username": reviewer.username, "password": "wrong", "next": "/review/"})
    assert response.status_code == 200 and "correct username and password" in response.content.decode()
    response = anon_client.post(reverse("login"), {"username": reviewer.username, "password": "pw-rita", "next": "/review/"})
    assert response.status_code == 302 and response["Location"] == "/review/"


def test_history_restore_gets_the_whole_page(reviewer_client, claim):
    response = reviewer_client.get(claim_url("claim", claim), HTTP_HX_HISTORY_RESTORE_REQUEST="true", **HTMX)
    assert b"<html" in response.content and b'id="claim-panel"' in response.content
    assert "HX-Request" in response.headers["Vary"]


def test_history_says_who_changed_what(reviewer_client, reviewer, claim, ratings, source):
    reviewer_client.post(claim_url("edit-claim", claim), {"version": claim.version, "claim_as_checked": "Inflation was 5.2%.", "kind": "percentage"})
    reviewer_client.post(claim_url("attach-source", claim), {"version": fresh(claim).version, "source": source.pk})
    reviewer_client.post(claim_url("save-verdict", claim), {"version": fresh(claim).version, "rating": ratings["true"].pk, "explanation": "x"})
    history = reviewer_client.get(claim_url("claim", claim)).context["history"]
    changes = [(entry["who"], entry["what"], "; ".join(entry["changes"])) for entry in history]
    assert (reviewer, "sources", "attached “Consumer prices 2024”") in changes
    assert (reviewer, "verdict v1", "created") in changes
    assert any(who == reviewer and what == "claim" and "claim as checked: — → Inflation was 5.2%." in text for who, what, text in changes)


GARBAGE = [
    {},
    {"version": "abc", "kind": "x" * 500, "rating": "999", "source": "-1", "assignee": "nobody", "reason": "nope",
     "other": "abc", "other_version": "x", "second_part": "", "body": "", "quote": "", "start": "-5", "end": "x",
     "url": "javascript:alert(1)", "title": "", "published_on": "31/31/2031", "explanation": "\x07"},
]
ACTIONS = ["edit-claim", "save-verdict", "attach-source", "new-source", "add-note", "assign", "dismiss", "merge", "split",
           "transition/submit", "transition/approve", "transition/publish", "transition/unpublish", "transition/correct",
           "transition/restore", "transition/start", "transition/return"]


@pytest.mark.parametrize("data", GARBAGE)
@pytest.mark.parametrize("action", ACTIONS)
def test_garbage_input_is_refused_with_a_message_and_changes_nothing(editor_client, claim, action, data):
    name, *args = action.split("/")
    before = Claim.objects.values().get(pk=claim.pk)
    response = editor_client.post(claim_url(name, claim, *args), data)
    assert response.status_code in {400, 403, 409}
    assert b'class="message message-error"' in response.content
    assert Claim.objects.values().get(pk=claim.pk) == before
    assert not (Source.objects.exists() or Note.objects.exists() or Verdict.objects.exists())


@pytest.mark.parametrize("data", GARBAGE)
@pytest.mark.parametrize("name", ["import", "import-upload", "import-fetch"])
def test_garbage_imports_are_refused(reviewer_client, name, data):
    response = reviewer_client.post(reverse(f"review:{name}"), data)
    assert response.status_code == 400 and (b"errorlist" in response.content or b"form-errors" in response.content)
    assert not Article.objects.exists()


def test_retired_rating_stays_visible_on_its_verdict(reviewer_client, reviewer, claim, ratings):
    claim = workflow.save_verdict_draft(claim, reviewer, expected_version=claim.version, rating=ratings["half-true"], explanation="x")
    ratings["half-true"].is_active = False
    ratings["half-true"].save()
    body = reviewer_client.get(claim_url("claim", claim)).content.decode()
    assert f'<option value="{ratings["half-true"].pk}" selected>Half true</option>' in body


def test_open_correction_keeps_the_published_verdict_public(editor_client, reviewer, editor, claim, ratings, source):
    from tests.test_workflow import published

    claim = published(claim, reviewer, editor, ratings["true"], source)
    response = editor_client.post(claim_url("transition", claim, "correct"), {"version": claim.version, "reason": ""})
    assert response.status_code == 400 and "Say why" in response.content.decode()
    response = editor_client.post(claim_url("transition", claim, "correct"), {"version": claim.version, "reason": "New CPI revision."}, follow=True)
    claim = fresh(claim)
    assert claim.status == ClaimStatus.RESEARCH and claim.is_public
    body = response.content.decode()
    assert "Correction opened" in body and "New CPI revision." in body and "not yet published" in body


def test_refused_save_marks_the_panel_as_holding_unsaved_text(reviewer_client, second_reviewer, claim):
    stale = claim.version
    workflow.update_claim(claim, second_reviewer, expected_version=stale, claimant="Someone")
    response = reviewer_client.post(claim_url("edit-claim", claim), {"version": stale, "claim_as_checked": "Mine.", "kind": "other"}, **HTMX)
    assert b"data-unsaved" in response.content
    assert b"data-unsaved" not in reviewer_client.get(claim_url("claim", claim), **HTMX).content


def test_claim_panel_explains_the_score_of_an_extracted_claim(reviewer_client, article):
    from factcheck.extraction import extract_claims

    candidate = next(c for c in extract_claims(article.body) if "5.2%" in c.quote)
    extracted = make_claim(article, candidate.quote, kind=candidate.kind.value, score=candidate.score)
    body = reviewer_client.get(claim_url("claim", extracted), **HTMX).content.decode()
    assert "Why check-worthiness" in body and ">base<" in body

    added = make_claim(article, "Inflation", origin=ClaimOrigin.REVIEWER, score=0.0)
    body = reviewer_client.get(claim_url("claim", added), **HTMX).content.decode()
    assert "Why check-worthiness" not in body
