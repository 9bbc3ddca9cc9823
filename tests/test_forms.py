"""Workbench forms: normalising input and explaining what is wrong."""

import pytest
from factcheck.models import Article
from django.core.files.uploadedfile import SimpleUploadedFile

from factcheck.forms import (
    AssignForm,
    ClaimEditForm,
    NewSourceForm,
    PasteArticleForm,
    QueueFilterForm,
    SelectionForm,
    SplitForm,
    UploadArticleForm,
    VerdictForm,
)


def test_claim_edit_form_normalises_whitespace(db):
    form = ClaimEditForm({"version": 3, "claim_as_checked": "  Inflation \n was  5.2%. ", "kind": "percentage", "claimant": " Office "})
    assert form.is_valid()
    assert form.cleaned_data["claim_as_checked"] == "Inflation was 5.2%." and form.cleaned_data["claimant"] == "Office"


def test_version_is_required_with_a_clear_message(db):
    form = ClaimEditForm({"claim_as_checked": "x", "kind": "other"})
    assert not form.is_valid() and "reload the page" in form.errors["version"][0]


def test_verdict_form_offers_only_active_ratings(ratings):
    ratings["false"].is_active = False
    ratings["false"].save()
    form = VerdictForm({"version": 1, "rating": ratings["false"].pk, "explanation": "x"})
    assert not form.is_valid() and "no longer offered" in form.errors["rating"][0]
    assert VerdictForm({"version": 1, "rating": "", "explanation": " x \r\n"}).is_valid()


def test_new_source_form_dates_and_urls(db):
    form = NewSourceForm({"version": 1, "url": "example.org/a", "title": "T", "kind": "other",
                          "published_on": "2025-03-01", "accessed_on": "2025-02-01"})
    assert not form.is_valid()
    assert "before the publication date" in form.errors["accessed_on"][0]
    form = NewSourceForm({"version": 1, "url": "javascript:alert(1)", "title": "T", "kind": "other"})
    assert not form.is_valid() and "url" in form.errors


def test_assign_form_offers_only_people_who_can_review(reviewer, editor, outsider):
    form = AssignForm({"version": 1, "assignee": outsider.pk})
    assert not form.is_valid()
    assert set(AssignForm().fields["assignee"].queryset) == {reviewer, editor}


def test_selection_form_checks_offsets_and_finds_typed_words(article):
    body = article.body
    start = body.index("26 years")
    assert SelectionForm({"start": start, "end": start + 8, "quote": "26 years", "kind": "other"}, article=article).is_valid()
    assert not SelectionForm({"start": start, "end": start + 8, "quote": "26 yearz", "kind": "other"}, article=article).is_valid()
    form = SelectionForm({"quote": " 26 years ", "kind": "other"}, article=article)
    assert form.is_valid() and (form.cleaned_data["start"], form.cleaned_data["end"]) == (start, start + 8)


def test_split_form_finds_the_split_point(claim):
    form = SplitForm({"version": 1, "second_part": "was 5.2%"}, claim=claim)
    assert form.is_valid() and form.cleaned_data["at"] == claim.start + claim.quote.index("was")
    assert not SplitForm({"version": 1, "second_part": "Inflation"}, claim=claim).is_valid()


def test_paste_form_cleans_control_characters(db):
    form = PasteArticleForm({"title": "T", "body": "Line\x07 one\r\nLine two"})
    assert form.is_valid() and form.cleaned_data["body"] == "Line one\nLine two"


def test_upload_form_reads_html_title(db):
    html = b"<html><head><title>Budget day</title></head><body><p>The deficit was 3.1% of GDP.</p></body></html>"
    form = UploadArticleForm({}, {"file": SimpleUploadedFile("x.html", html)})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["title"] == "Budget day" and form.text == "The deficit was 3.1% of GDP."


@pytest.mark.parametrize("params", [{"assignee": "me"}, {"assignee": "none"}, {"status": "new", "kind": "percentage"}])
def test_queue_filter_form_accepts_known_values(reviewer, params):
    assert QueueFilterForm(params, user=reviewer).is_valid()


def test_queue_filter_form_rejects_unknown_values(reviewer):
    form = QueueFilterForm({"status": "bogus", "assignee": "999999"}, user=reviewer)
    assert not form.is_valid() and {"status", "assignee"} <= set(form.errors)


@pytest.mark.parametrize(("content", "title"), [
    (b"Budget watch\n\nThe council approved 412 million euros.", "Budget watch"),
    (b"# Budget watch\nThe council approved 412 million euros.", "Budget watch"),
    (b"The council approved 412 million euros.\nMore text.", "budget report"),
])
def test_upload_form_finds_a_title_in_text_files(db, content, title):
    form = UploadArticleForm({}, {"file": SimpleUploadedFile("budget_report.txt", content)})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["title"] == title


def test_queue_article_menu_is_capped_but_any_article_filters(db, reviewer):
    from factcheck.forms import ARTICLE_MENU_SIZE, QueueFilterForm

    articles = [Article(title=f"A{n}", slug=f"a{n}", body="Prices rose 2%.") for n in range(ARTICLE_MENU_SIZE + 5)]
    Article.objects.bulk_create(articles)
    oldest = Article.objects.order_by("imported_at", "pk").first()
    form = QueueFilterForm({"article": str(oldest.pk)}, user=reviewer)
    assert form.is_valid()
    choices = form.fields["article"].widget.choices
    assert len(choices) <= ARTICLE_MENU_SIZE + 2
    assert (str(oldest.pk), oldest.title) in choices
