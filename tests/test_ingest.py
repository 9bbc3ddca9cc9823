"""Importing articles, re-extraction on edits, and never losing a claim a person touched."""

import pytest

from factcheck import workflow
from factcheck.ingest import (
    MAX_EXPLAINED_CHARS,
    ArticleInput,
    ImportRefused,
    clean_text,
    decode_text,
    import_article,
    refresh_claims,
    score_parts,
    split_title,
    update_article_text,
)
from factcheck.models import Article, Claim, ClaimOrigin, ClaimStatus

TEXT = (
    "Unemployment fell to 3.9% in March, the statistics office said on Tuesday.\n\n"
    "The mayor has been in office for 12 years. Critics say the city is doing badly."
)


@pytest.fixture
def imported(db, reviewer) -> Article:
    article, created, report = import_article(ArticleInput(title="Jobs report", body=TEXT, outlet="City Times"), reviewer)
    assert created and report.created == article.claims.count() > 0
    return article


def claim_with(article: Article, text: str) -> Claim:
    return next(c for c in article.claims.all() if text in c.quote)


def test_import_extracts_anchored_claims(imported):
    quotes = [c.quote for c in imported.claims.all()]
    assert any("3.9%" in q for q in quotes) and any("12 years" in q for q in quotes)
    for claim in imported.claims.all():
        assert imported.body[claim.start : claim.end] == claim.quote
        assert claim.sentence_start <= claim.start < claim.end <= claim.sentence_end
        assert claim.claimant == "City Times" and claim.origin == ClaimOrigin.EXTRACTED
    assert imported.imported_by.username == "rita"


def test_reimporting_the_same_text_returns_the_first_article(imported):
    again, created, report = import_article(ArticleInput(title="Other title", body=TEXT + "\n"))
    assert (again, created, report) == (imported, False, None)
    assert Article.objects.count() == 1


def test_slug_is_unique_per_title(imported):
    other, created, _ = import_article(ArticleInput(title="Jobs report", body="Prices rose 2% in May."))
    assert created and other.slug == "jobs-report-2"


@pytest.mark.parametrize(
    ("title", "body", "message"),
    [
        ("T", "", "empty"),
        ("T", " \n\t \n", "empty"),
        ("", "Prices rose 2%.", "title"),
        ("T", "x" * 2_000_001, "limit"),
    ],
)
def test_bad_input_is_refused_and_creates_nothing(db, title, body, message):
    with pytest.raises(ImportRefused, match=message):
        import_article(ArticleInput(title=title, body=body))
    assert not Article.objects.exists()


def test_control_characters_and_crlf_are_cleaned():
    assert clean_text("a\r\nb\x00c\x07d\te") == "a\nbcd\te"


def test_decode_text_replaces_invalid_utf8_with_a_warning():
    text, warnings = decode_text(b"caf\xe9 5%")
    assert text == "caf\ufffd 5%" and "not valid UTF-8" in warnings[0]
    assert decode_text("ü".encode()) == ("ü", [])


@pytest.mark.parametrize(
    "raw",
    [b"%PDF-1.7\n%\xe2\xe3", b"PK\x03\x04\x14\x00", b"\x89PNG\r\n", bytes(range(128, 256)) * 8, b"\x00\x01\x02\x03" * 50],
)
def test_decode_text_refuses_binary_data(raw):
    with pytest.raises(ImportRefused, match="This file is not text"):
        decode_text(raw)


def test_decode_text_reads_utf16_with_a_byte_order_mark():
    assert decode_text("Prices rose 5%.".encode("utf-16")) == ("Prices rose 5%.", [])
    assert decode_text("Prices rose 5%.".encode("utf-16-be").join([b"\xfe\xff", b""])) == ("Prices rose 5%.", [])


@pytest.mark.parametrize(
    ("text", "title", "body_start"),
    [
        ("# Jobs report\n\nUnemployment fell.", "Jobs report", "Unemployment"),
        ("One long paragraph with no headline at all " * 5, "One long paragraph with no headline at all One long paragraph with…", "One long"),
        ("", "fallback", ""),
    ],
)
def test_title_from_first_line(text, title, body_start):
    got_title, body = split_title(text, "fallback")
    assert got_title == title and body.startswith(body_start)


def test_untouched_claims_are_refreshed_when_text_changes(imported):
    report = update_article_text(imported, TEXT.replace("3.9%", "4.1%"))
    quotes = [c.quote for c in imported.claims.all()]
    assert not any("3.9%" in q for q in quotes) and any("4.1%" in q for q in quotes)
    assert report.removed >= 1 and report.created >= 1


def test_unchanged_text_does_nothing(imported):
    assert update_article_text(imported, TEXT) is None


def test_touched_claim_is_kept_and_reanchored_after_edit(imported, reviewer):
    claim = claim_with(imported, "12 years")
    claim = workflow.update_claim(claim, reviewer, expected_version=claim.version, claim_as_checked="The mayor served 12 years.")
    update_article_text(imported, "BREAKING. " + TEXT)
    claim.refresh_from_db()
    assert claim.claim_as_checked == "The mayor served 12 years."
    assert imported.body[claim.start : claim.end] == claim.quote and not claim.needs_reanchoring
    assert claim.start > 10
    assert imported.claims.filter(quote=claim.quote).count() == 1  # no duplicate of the held fact


def test_touched_claim_whose_quote_vanished_is_flagged_not_lost(imported, reviewer):
    claim = claim_with(imported, "12 years")
    workflow.assign(claim, reviewer, expected_version=claim.version, assignee=reviewer)
    report = update_article_text(imported, "Unemployment fell to 3.9% in March, the statistics office said on Tuesday.")
    claim.refresh_from_db()
    assert claim.needs_reanchoring and claim.pk in report.lost_anchor
    assert claim.assignee == reviewer


@pytest.mark.parametrize("touch", ["status", "note", "source", "verdict"])
def test_every_kind_of_touch_protects_a_claim(imported, reviewer, source, ratings, touch):
    claim = claim_with(imported, "3.9%")
    if touch == "status":
        workflow.dismiss(claim, reviewer, expected_version=claim.version, reason="duplicate")
    elif touch == "note":
        workflow.add_note(claim, reviewer, "Check with the office.")
    elif touch == "source":
        workflow.attach_source(claim, reviewer, expected_version=claim.version, source=source)
    else:
        workflow.save_verdict_draft(claim, reviewer, expected_version=claim.version, rating=ratings["true"], explanation="x")
    update_article_text(imported, TEXT.replace("3.9%", "4.1%"))
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_reviewer_claims_survive_refresh(imported):
    start = imported.body.index("Critics say")
    end = start + len("Critics say the city is doing badly")
    manual = Claim.objects.create(
        article=imported, start=start, end=end, quote=imported.body[start:end], sentence_start=start,
        sentence_end=end + 1, origin=ClaimOrigin.REVIEWER,
    )
    refresh_claims(imported)
    assert Claim.objects.filter(pk=manual.pk).exists()


def test_refresh_is_stable(imported):
    before = sorted(imported.claims.values_list("pk", "start", "end", "version"))
    report = refresh_claims(imported)
    assert report.created == report.removed == report.updated == 0
    assert sorted(imported.claims.values_list("pk", "start", "end", "version")) == before


def test_published_claim_keeps_its_status_through_an_edit(imported, reviewer, editor, ratings, source):
    from tests.test_workflow import published

    claim = published(claim_with(imported, "3.9%"), reviewer, editor, ratings["true"], source)
    update_article_text(imported, "Update: " + TEXT)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED and claim.is_public
    assert imported.body[claim.start : claim.end] == claim.quote


def test_reanchoring_a_published_claim_keeps_it_searchable(imported, reviewer, editor, ratings, source):
    from factcheck.ledger import ClaimFilterForm, filter_claims, published_claims
    from tests.test_workflow import published

    claim = published(claim_with(imported, "3.9%"), reviewer, editor, ratings["true"], source)
    update_article_text(imported, "Update: " + TEXT)
    claim.refresh_from_db()
    form = ClaimFilterForm({"q": "unemployment"})
    assert form.is_valid() and claim in filter_claims(published_claims(), form)
    assert claim.search_entry.text.startswith(claim.quote.lower())


def test_score_parts_extract_an_article_once_for_all_its_claims(db, monkeypatch):
    from django.core.cache import cache

    from factcheck import ingest

    body = "Exports rose 4.1% in May, the customs office said. Imports fell to $2.3 billion."
    article, _, _ = import_article(ArticleInput(title="Trade", body=body))
    claims = list(Claim.objects.filter(article=article))
    cache.clear()
    calls = []
    real = ingest.explain_claims
    monkeypatch.setattr(ingest, "explain_claims", lambda text, **kw: calls.append(text) or real(text, **kw))
    assert len(claims) >= 2 and all(score_parts(claim) for claim in claims)
    assert len(calls) == 1


def test_score_parts_explain_an_extracted_claim_and_skip_what_cannot_be_explained(db):
    article, _, _ = import_article(ArticleInput(title="Prices", body="Inflation in 2024 was 5.2%, the statistics office said."))
    claim = Claim.objects.filter(article=article).order_by("-score").first()
    parts = score_parts(claim)
    assert parts and parts[0][0] == "base"
    assert sum(weight for _, weight in parts) == pytest.approx(claim.score, abs=0.002)

    claim.origin = ClaimOrigin.REVIEWER
    assert score_parts(claim) == []
    claim.origin = ClaimOrigin.EXTRACTED
    claim.article.body = claim.article.body + " x" * MAX_EXPLAINED_CHARS
    assert score_parts(claim) == []
