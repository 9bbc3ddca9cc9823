"""Reviewer span editing: a claim from a selection, merging two claims, splitting one."""

import pytest

from factcheck import workflow
from factcheck.models import Claim, ClaimOrigin, ClaimStatus, Note
from factcheck.workflow import NotAllowed, VersionConflict, WorkflowError
from tests.conftest import make_claim
from tests.test_workflow import published


def span(article, phrase):
    start = article.body.index(phrase)
    return {"start": start, "end": start + len(phrase), "quote": phrase}


def test_selection_becomes_a_reviewer_claim_assigned_to_its_author(article, reviewer):
    claim = workflow.add_claim_from_selection(article, reviewer, kind="duration", **span(article, "served for 26 years"))
    assert claim.origin == ClaimOrigin.REVIEWER and claim.assignee == reviewer and claim.status == ClaimStatus.NEW
    assert claim.quote == "served for 26 years" and claim.kind == "duration"
    assert article.body[claim.sentence_start : claim.sentence_end] == "The president has served for 26 years."
    assert claim.prefix.endswith("The president has ") and claim.suffix.startswith(". It is")
    claim.full_clean()


def test_selection_is_trimmed_of_spaces_and_commas(article, reviewer):
    claim = workflow.add_claim_from_selection(article, reviewer, **span(article, " 5.2%, "))
    assert claim.quote == "5.2%"


@pytest.mark.parametrize("change", [{"quote": "something else"}, {"start": 1}, {"end": 100000}])
def test_selection_must_match_the_text(article, reviewer, change):
    data = {**span(article, "served for 26 years"), **change}
    with pytest.raises(WorkflowError, match="does not match the article"):
        workflow.add_claim_from_selection(article, reviewer, **data)
    assert not Claim.objects.exists()


def test_same_passage_twice_is_refused(article, reviewer):
    workflow.add_claim_from_selection(article, reviewer, **span(article, "served for 26 years"))
    with pytest.raises(WorkflowError, match="already a claim"):
        workflow.add_claim_from_selection(article, reviewer, **span(article, "served for 26 years"))
    assert Claim.objects.count() == 1


def test_outsider_cannot_add_claims(article, outsider):
    with pytest.raises(NotAllowed):
        workflow.add_claim_from_selection(article, outsider, **span(article, "served for 26 years"))


def test_merge_covers_both_spans_moves_sources_and_notes_and_dismisses_the_other(article, reviewer, source):
    keep = make_claim(article, "Inflation in 2024")
    other = make_claim(article, "was 5.2%")
    other = workflow.attach_source(other, reviewer, expected_version=other.version, source=source, note="CPI table")
    workflow.add_note(other, reviewer, "Check the base year.")
    merged = workflow.merge_claims(keep, other, reviewer, expected_version=keep.version, other_version=other.version)
    other.refresh_from_db()
    assert merged.quote == "Inflation in 2024 was 5.2%"
    assert list(merged.sources.all()) == [source] and merged.claim_sources.get().note == "CPI table"
    assert other.status == ClaimStatus.DISMISSED and other.dismissal_reason == "duplicate"
    assert not other.claim_sources.exists()
    assert Note.objects.filter(claim=merged, body="Check the base year.").exists()
    assert merged.status == ClaimStatus.RESEARCH
    merged.full_clean()


def test_merge_refuses_stale_versions_and_changes_nothing(article, reviewer):
    keep = make_claim(article, "Inflation in 2024")
    other = make_claim(article, "was 5.2%")
    with pytest.raises(VersionConflict):
        workflow.merge_claims(keep, other, reviewer, expected_version=keep.version, other_version=other.version + 3)
    keep.refresh_from_db(), other.refresh_from_db()
    assert keep.quote == "Inflation in 2024" and other.status == ClaimStatus.NEW


def test_merge_refuses_published_claims_and_other_articles(article, claim, reviewer, editor, ratings, source):
    from factcheck.models import Article

    elsewhere = Article.objects.create(title="Other", slug="other", body=article.body)
    foreign = make_claim(elsewhere, "served for 26 years")
    second = make_claim(article, "served for 26 years")
    with pytest.raises(WorkflowError, match="same article"):
        workflow.merge_claims(second, foreign, reviewer, expected_version=None, other_version=None)
    claim = published(claim, reviewer, editor, ratings["true"], source)
    with pytest.raises(WorkflowError, match="published"):
        workflow.merge_claims(second, claim, reviewer, expected_version=None, other_version=None)
    with pytest.raises(WorkflowError, match="two different"):
        workflow.merge_claims(second, second, reviewer, expected_version=None, other_version=None)


def test_merge_refuses_when_the_other_has_a_verdict(article, reviewer, ratings):
    keep = make_claim(article, "Inflation in 2024")
    other = make_claim(article, "was 5.2%")
    other = workflow.save_verdict_draft(other, reviewer, expected_version=other.version, rating=ratings["true"], explanation="x")
    with pytest.raises(WorkflowError, match="verdict draft"):
        workflow.merge_claims(keep, other, reviewer, expected_version=None, other_version=None)


def test_split_keeps_the_first_part_and_creates_the_second(claim, reviewer, source):
    claim = workflow.attach_source(claim, reviewer, expected_version=claim.version, source=source)
    at = claim.start + claim.quote.index("was")
    first, second = workflow.split_claim(claim, reviewer, expected_version=claim.version, at=at)
    assert first.quote == "Inflation in 2024" and second.quote == "was 5.2%"
    assert list(first.sources.all()) == [source] and not second.sources.exists()
    assert second.origin == ClaimOrigin.REVIEWER and second.kind == claim.kind
    first.full_clean(), second.full_clean()


@pytest.mark.parametrize("offset", [0, 1, 26])
def test_split_point_must_leave_two_real_parts(claim, reviewer, offset):
    with pytest.raises(WorkflowError):
        workflow.split_claim(claim, reviewer, expected_version=claim.version, at=claim.start + offset)
    assert Claim.objects.count() == 1


def test_split_refuses_published_claims(claim, reviewer, editor, ratings, source):
    claim = published(claim, reviewer, editor, ratings["true"], source)
    with pytest.raises(WorkflowError, match="published"):
        workflow.split_claim(claim, reviewer, expected_version=claim.version, at=claim.start + 5)
