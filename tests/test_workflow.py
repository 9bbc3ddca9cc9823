"""Every workflow transition, allowed and refused."""

import pytest

from factcheck import workflow
from factcheck.models import ClaimStatus, Correction, Verdict
from factcheck.workflow import NotAllowed, VersionConflict, WorkflowError


def prepare(claim, reviewer, rating, source, explanation="CPI rose 5.2% in 2024."):
    claim = workflow.update_claim(claim, reviewer, expected_version=claim.version, claim_as_checked="Inflation in 2024 was 5.2%.")
    claim = workflow.attach_source(claim, reviewer, expected_version=claim.version, source=source)
    return workflow.save_verdict_draft(claim, reviewer, expected_version=claim.version, rating=rating, explanation=explanation)


def published(claim, reviewer, editor, rating, source):
    claim = prepare(claim, reviewer, rating, source)
    claim = workflow.submit_for_review(claim, reviewer, expected_version=claim.version)
    claim = workflow.approve(claim, editor, expected_version=claim.version)
    return workflow.publish(claim, editor, expected_version=claim.version)


def test_full_path_to_publication(claim, reviewer, editor, ratings, source):
    claim = prepare(claim, reviewer, ratings["true"], source)
    assert claim.status == ClaimStatus.RESEARCH
    claim = workflow.submit_for_review(claim, reviewer, expected_version=claim.version)
    assert claim.status == ClaimStatus.REVIEW
    claim = workflow.approve(claim, editor, expected_version=claim.version)
    assert claim.status == ClaimStatus.APPROVED
    claim = workflow.publish(claim, editor, expected_version=claim.version)
    claim.refresh_from_db()
    verdict = claim.published_verdict
    assert claim.status == ClaimStatus.PUBLISHED
    assert verdict.published_at is not None and claim.first_published_at == verdict.published_at
    assert verdict.approved_by == editor and verdict.author == reviewer
    assert verdict.claim_as_checked == "Inflation in 2024 was 5.2%."


def test_every_change_bumps_the_version(claim, reviewer):
    before = claim.version
    claim = workflow.assign(claim, reviewer, expected_version=before, assignee=reviewer)
    assert claim.version == before + 1


@pytest.mark.parametrize(
    ("steps", "missing"),
    [
        ((), "the claim as checked, a rating, an explanation and at least one source"),
        (("wording",), "a rating, an explanation and at least one source"),
        (("wording", "verdict"), "at least one source"),
    ],
)
def test_review_needs_rating_explanation_and_source(claim, reviewer, ratings, steps, missing):
    if "wording" in steps:
        claim = workflow.update_claim(claim, reviewer, expected_version=claim.version, claim_as_checked="X was 5.2%.")
    if "verdict" in steps:
        claim = workflow.save_verdict_draft(claim, reviewer, expected_version=claim.version, rating=ratings["true"], explanation="Why.")
    with pytest.raises(WorkflowError, match=f"Before review, add {missing}."):
        workflow.submit_for_review(claim, reviewer, expected_version=claim.version)
    claim.refresh_from_db()
    assert claim.status != ClaimStatus.REVIEW


def test_blank_explanation_blocks_review(claim, reviewer, ratings, source):
    claim = prepare(claim, reviewer, ratings["true"], source, explanation="   ")
    with pytest.raises(WorkflowError, match="an explanation"):
        workflow.submit_for_review(claim, reviewer, expected_version=claim.version)


def test_author_cannot_approve_own_verdict(claim, editor, ratings, source):
    claim = prepare(claim, editor, ratings["true"], source)
    claim = workflow.submit_for_review(claim, editor, expected_version=claim.version)
    with pytest.raises(NotAllowed, match="four eyes"):
        workflow.approve(claim, editor, expected_version=claim.version)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.REVIEW


def test_reviewer_cannot_approve_or_publish(claim, reviewer, second_reviewer, ratings, source):
    claim = prepare(claim, reviewer, ratings["true"], source)
    claim = workflow.submit_for_review(claim, reviewer, expected_version=claim.version)
    with pytest.raises(NotAllowed, match="Only an Editor can approve"):
        workflow.approve(claim, second_reviewer, expected_version=claim.version)
    with pytest.raises(NotAllowed, match="Only an Editor can publish"):
        workflow.publish(claim, second_reviewer, expected_version=claim.version)


def test_outsider_cannot_edit(claim, outsider):
    with pytest.raises(NotAllowed, match="Reviewer or Editor"):
        workflow.update_claim(claim, outsider, expected_version=claim.version, claim_as_checked="x")


def test_publish_requires_approval(claim, reviewer, editor, ratings, source):
    claim = prepare(claim, reviewer, ratings["true"], source)
    claim = workflow.submit_for_review(claim, reviewer, expected_version=claim.version)
    with pytest.raises(WorkflowError, match="Only approved claims can be published"):
        workflow.publish(claim, editor, expected_version=claim.version)


def test_stale_version_is_refused_and_changes_nothing(claim, reviewer, second_reviewer):
    stale = claim.version
    workflow.update_claim(claim, reviewer, expected_version=stale, claim_as_checked="First wording")
    with pytest.raises(VersionConflict) as conflict:
        workflow.update_claim(claim, second_reviewer, expected_version=stale, claim_as_checked="Second wording")
    assert conflict.value.current.claim_as_checked == "First wording"
    claim.refresh_from_db()
    assert claim.claim_as_checked == "First wording"


def test_editing_after_approval_sends_back_to_research(claim, reviewer, editor, ratings, source):
    claim = prepare(claim, reviewer, ratings["true"], source)
    claim = workflow.submit_for_review(claim, reviewer, expected_version=claim.version)
    claim = workflow.approve(claim, editor, expected_version=claim.version)
    claim = workflow.save_verdict_draft(claim, reviewer, expected_version=claim.version, rating=ratings["false"], explanation="New.")
    assert claim.status == ClaimStatus.RESEARCH
    verdict = workflow.current_verdict(claim)
    assert verdict.approved_at is None and verdict.approved_by is None


def test_published_verdict_cannot_be_edited_directly(claim, reviewer, editor, ratings, source):
    claim = published(claim, reviewer, editor, ratings["true"], source)
    with pytest.raises(WorkflowError, match="open a correction"):
        workflow.save_verdict_draft(claim, reviewer, expected_version=claim.version, rating=ratings["false"], explanation="x")
    with pytest.raises(WorkflowError, match="open a correction"):
        workflow.update_claim(claim, reviewer, expected_version=claim.version, claim_as_checked="other")


def test_correction_requires_a_note(claim, reviewer, editor, ratings, source):
    claim = published(claim, reviewer, editor, ratings["true"], source)
    with pytest.raises(WorkflowError, match="needs a note"):
        workflow.open_correction(claim, editor, expected_version=claim.version, reason="  ")
    assert Correction.objects.count() == 0


def test_correction_keeps_old_verdict_public_until_new_approval(claim, reviewer, editor, second_editor, ratings, source):
    claim = published(claim, reviewer, editor, ratings["true"], source)
    first = claim.published_verdict
    claim = workflow.open_correction(claim, editor, expected_version=claim.version, reason="The statistics office revised its figure.")
    claim = workflow.save_verdict_draft(claim, editor, expected_version=claim.version, rating=ratings["mostly-true"], explanation="Revised to 5.1%.")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.RESEARCH
    assert claim.published_verdict == first  # still public while the revision is drafted
    claim = workflow.submit_for_review(claim, editor, expected_version=claim.version)
    with pytest.raises(NotAllowed):
        workflow.approve(claim, editor, expected_version=claim.version)
    claim = workflow.approve(claim, second_editor, expected_version=claim.version)
    claim = workflow.publish(claim, second_editor, expected_version=claim.version)
    claim.refresh_from_db()
    assert claim.published_verdict.number == 2
    assert list(claim.verdicts.values_list("number", "is_current")) == [(1, False), (2, True)]
    correction = claim.corrections.get()
    assert correction.published_at is not None
    assert "Rating changed from “True” to “Mostly true”" in correction.what_changed
    assert correction.reason == "The statistics office revised its figure."


def test_unpublish_needs_reason_and_logs_it(claim, reviewer, editor, ratings, source):
    claim = published(claim, reviewer, editor, ratings["true"], source)
    with pytest.raises(WorkflowError, match="Say why"):
        workflow.unpublish(claim, editor, expected_version=claim.version, reason="")
    claim = workflow.unpublish(claim, editor, expected_version=claim.version, reason="Source retracted.")
    assert claim.published_verdict is None and claim.status == ClaimStatus.APPROVED
    assert claim.corrections.get().reason == "Source retracted."


def test_dismiss_needs_a_known_reason_and_restore_returns_to_new(claim, reviewer):
    with pytest.raises(WorkflowError, match="Choose why"):
        workflow.dismiss(claim, reviewer, expected_version=claim.version, reason="boring")
    claim = workflow.dismiss(claim, reviewer, expected_version=claim.version, reason="opinion")
    assert (claim.status, claim.dismissal_reason) == (ClaimStatus.DISMISSED, "opinion")
    with pytest.raises(WorkflowError, match="restore it"):
        workflow.update_claim(claim, reviewer, expected_version=claim.version, claim_as_checked="x")
    claim = workflow.restore(claim, reviewer, expected_version=claim.version)
    assert (claim.status, claim.dismissal_reason) == (ClaimStatus.NEW, "")


def test_published_claim_cannot_be_dismissed(claim, reviewer, editor, ratings, source):
    claim = published(claim, reviewer, editor, ratings["true"], source)
    with pytest.raises(WorkflowError, match="unpublish it"):
        workflow.dismiss(claim, reviewer, expected_version=claim.version, reason="opinion")


def test_source_backing_published_verdict_stays(claim, reviewer, editor, ratings, source):
    claim = published(claim, reviewer, editor, ratings["true"], source)
    claim = workflow.open_correction(claim, editor, expected_version=claim.version, reason="Recheck.")
    with pytest.raises(WorkflowError, match="stays on the record"):
        workflow.detach_source(claim, reviewer, expected_version=claim.version, source=source)


def test_source_attached_once(claim, reviewer, source):
    claim = workflow.attach_source(claim, reviewer, expected_version=claim.version, source=source)
    with pytest.raises(WorkflowError, match="already attached"):
        workflow.attach_source(claim, reviewer, expected_version=claim.version, source=source)


def test_assign_only_to_people_who_can_review(claim, reviewer, outsider):
    with pytest.raises(WorkflowError, match="not a Reviewer or Editor"):
        workflow.assign(claim, reviewer, expected_version=claim.version, assignee=outsider)


def test_notes_need_text(claim, reviewer):
    with pytest.raises(WorkflowError, match="Write something"):
        workflow.add_note(claim, reviewer, "   ")
    assert workflow.add_note(claim, reviewer, " Called the ministry. ").body == "Called the ministry."


def test_retired_rating_cannot_be_chosen(claim, reviewer, ratings):
    retired = ratings["half-true"]
    retired.is_active = False
    retired.save()
    with pytest.raises(WorkflowError, match="retired"):
        workflow.save_verdict_draft(claim, reviewer, expected_version=claim.version, rating=retired, explanation="x")
    assert not Verdict.objects.exists()


def test_history_records_who_changed_what(claim, reviewer):
    workflow.update_claim(claim, reviewer, expected_version=claim.version, claim_as_checked="Checked wording")
    latest = claim.history.first()
    assert latest.history_user == reviewer
    assert latest.claim_as_checked == "Checked wording"


def test_history_names_the_user_outside_requests(claim, reviewer, ratings, source):
    """Commands and scripts have no request; the workflow still records who did it."""
    claim = workflow.attach_source(claim, reviewer, expected_version=claim.version, source=source)
    workflow.save_verdict_draft(claim, reviewer, expected_version=claim.version, rating=ratings["true"], explanation="x")
    workflow.add_note(claim, reviewer, "note")
    assert claim.claim_sources.get().history.first().history_user == reviewer
    assert claim.verdicts.get().history.first().history_user == reviewer
    assert claim.notes.get().history.first().history_user == reviewer


def test_kind_changed_in_a_correction_stays_private_until_published(claim, reviewer, editor, second_editor, ratings, source):
    from factcheck.ledger import ClaimFilterForm, filter_claims, published_claims

    claim = published(claim, reviewer, editor, ratings["true"], source)
    claim = workflow.open_correction(claim, editor, expected_version=claim.version, reason="Reclassify.")
    claim = workflow.update_claim(claim, editor, expected_version=claim.version, kind="comparison")

    def public_kinds(kind):
        form = ClaimFilterForm({"kind": kind})
        assert form.is_valid()
        return list(filter_claims(published_claims(), form).values_list("pk", flat=True))

    assert public_kinds("percentage") == [claim.pk] and public_kinds("comparison") == []
    claim = workflow.submit_for_review(claim, editor, expected_version=claim.version)
    claim = workflow.approve(claim, second_editor, expected_version=claim.version)
    workflow.publish(claim, second_editor, expected_version=claim.version)
    assert public_kinds("comparison") == [claim.pk] and public_kinds("percentage") == []
