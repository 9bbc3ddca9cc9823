"""Importing articles in the workbench: paste, upload, fetch; and the full flow to publication."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from factcheck.models import Article, Claim, ClaimStatus, Source
from tests.conftest import client_for
from tests.test_fetch import ARTICLE_HTML, allow_local, local_server  # noqa: F401 - fixtures

TEXT = (
    "Unemployment fell to 4.1% in March, the labour ministry said on Friday. "
    "The minister has held the post for 12 years. Critics called the figures a triumph of spin."
)
META = {"outlet": "Daily Planet", "author": "A. Writer", "url": "https://planet.example/jobs", "published_on": "2025-04-02", "language": "en"}


def test_paste_imports_extracts_claims_and_lands_on_the_article(reviewer_client, reviewer):
    response = reviewer_client.post(reverse("review:import"), {"title": "Jobs report", "body": TEXT, **META})
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("review:article", args=[article.pk])
    assert article.imported_by == reviewer and article.outlet == "Daily Planet" and str(article.published_on) == "2025-04-02"
    assert Claim.objects.filter(article=article).exists()
    assert "claims found" in reviewer_client.get(response["Location"]).content.decode()


def test_paste_same_text_twice_opens_the_first_article(reviewer_client):
    reviewer_client.post(reverse("review:import"), {"title": "Jobs report", "body": TEXT})
    response = reviewer_client.post(reverse("review:import"), {"title": "Again", "body": TEXT}, follow=True)
    assert Article.objects.count() == 1 and "imported before" in response.content.decode()


@pytest.mark.parametrize(("data", "message"), [
    ({"title": "", "body": TEXT}, "Give the article a title."),
    ({"title": "T", "body": "   \n  "}, "article text is empty"),
    ({"title": "T", "body": TEXT, "url": "javascript:alert(1)"}, "Enter a"),
    ({"title": "T", "body": TEXT, "published_on": "yesterday"}, "YYYY-MM-DD"),
])
def test_paste_bad_input_keeps_what_was_typed_and_saves_nothing(reviewer_client, data, message):
    response = reviewer_client.post(reverse("review:import"), data)
    body = response.content.decode()
    assert response.status_code == 400 and message in body
    if data["body"].strip():
        assert "Unemployment fell to 4.1%" in body
    assert not Article.objects.exists()


def test_import_refuses_people_without_a_role(outsider_client, anon_client):
    assert outsider_client.post(reverse("review:import"), {"title": "T", "body": TEXT}).status_code == 403
    assert anon_client.post(reverse("review:import"), {"title": "T", "body": TEXT}).status_code == 302
    assert not Article.objects.exists()


def test_import_endpoints_refuse_get(reviewer_client):
    assert reviewer_client.get(reverse("review:import-upload")).status_code == 405
    assert reviewer_client.get(reverse("review:import-fetch")).status_code == 405


def upload(client, name, content, **data):
    return client.post(reverse("review:import-upload"), {"file": SimpleUploadedFile(name, content), **data})


def test_upload_text_file_uses_the_file_name_as_title(reviewer_client):
    response = upload(reviewer_client, "jobs_report.txt", TEXT.encode())
    article = Article.objects.get()
    assert response.status_code == 302 and article.title == "jobs report" and article.body == TEXT


def test_upload_html_is_reduced_to_article_text(reviewer_client):
    response = upload(reviewer_client, "page.html", ARTICLE_HTML.encode(), outlet="Planet")
    article = Article.objects.get()
    assert response.status_code == 302 and article.title == "Inflation hits 5.2%"
    assert "<" not in article.body and "alert" not in article.body and "5.2%, the statistics office" in article.body


def test_upload_markdown_keeps_the_given_title(reviewer_client):
    upload(reviewer_client, "a.md", TEXT.encode(), title="My title")
    assert Article.objects.get().title == "My title"


@pytest.mark.parametrize(("name", "content", "message"), [
    ("report.pdf", b"%PDF-1.4", "Upload a .txt, .md or .html file"),
    ("latin.txt", "Caf\xe9 prices rose 5%".encode("latin-1"), "not UTF-8"),
    ("empty.txt", b"", "file is empty"),
    ("renamed.txt", b"%PDF-1.4 binary", "This file is not text"),
    ("noise.txt", bytes(range(128, 256)) * 4, "This file is not text"),
    ("blank.txt", b"   \n ", "article text is empty"),
])
def test_bad_uploads_are_explained(reviewer_client, name, content, message):
    response = upload(reviewer_client, name, content, outlet="Kept outlet")
    body = response.content.decode()
    assert response.status_code == 400 and message in body and "Kept outlet" in body
    assert not Article.objects.exists()


def test_upload_reads_utf16_with_its_byte_order_mark(reviewer_client):
    upload(reviewer_client, "notepad.txt", "Unemployment fell to 3.9% in March.".encode("utf-16"), title="Jobs")
    assert Article.objects.get(title="Jobs").body == "Unemployment fell to 3.9% in March."


def test_upload_without_a_file(reviewer_client):
    response = reviewer_client.post(reverse("review:import-upload"), {"title": "T"})
    assert response.status_code == 400 and "Choose a .txt, .md or .html file" in response.content.decode()


def test_fetch_imports_a_page_from_an_allowed_host(reviewer_client, local_server, allow_local):  # noqa: F811
    response = reviewer_client.post(reverse("review:import-fetch"), {"source_url": local_server + "/article", "outlet": "Planet"})
    article = Article.objects.get()
    assert response.status_code == 302 and article.title == "Inflation hits 5.2%"
    assert article.url == local_server + "/article" and "alert" not in article.body


def test_fetch_refuses_local_addresses_without_the_setting(reviewer_client, local_server):  # noqa: F811
    response = reviewer_client.post(reverse("review:import-fetch"), {"source_url": local_server + "/article"})
    assert response.status_code == 400 and "private or local network" in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.parametrize(("url", "message"), [("", "Give the web address"), ("ftp://x.org/a", "Enter a"), ("not a url", "Enter a")])
def test_fetch_bad_url_is_explained(reviewer_client, url, message):
    response = reviewer_client.post(reverse("review:import-fetch"), {"source_url": url})
    assert response.status_code == 400 and message in response.content.decode()


def test_fetch_failure_is_explained(reviewer_client, local_server, allow_local):  # noqa: F811
    response = reviewer_client.post(reverse("review:import-fetch"), {"source_url": local_server + "/missing"})
    assert response.status_code == 400 and "HTTP 404" in response.content.decode()


def test_full_flow_import_edit_source_review_approve_publish(reviewer, editor, ratings):
    reviewer_client, editor_client = client_for(reviewer), client_for(editor)
    reviewer_client.post(reverse("review:import"), {"title": "Jobs report", "body": TEXT, **META})
    article = Article.objects.get()
    claim = Claim.objects.filter(article=article).order_by("-score").first()
    if claim is None:  # extraction found nothing: the reviewer marks the passage
        reviewer_client.post(reverse("review:add-claim", args=[article.pk]), {"quote": "Unemployment fell to 4.1% in March", "kind": "percentage"})
        claim = Claim.objects.get(article=article)
    url = lambda name, *a: reverse(f"review:{name}", args=[claim.pk, *a])  # noqa: E731
    version = lambda: Claim.objects.get(pk=claim.pk).version  # noqa: E731

    assert reviewer_client.post(url("edit-claim"), {"version": version(), "claim_as_checked": "Unemployment fell to 4.1% in March 2025.", "kind": "percentage", "claimant": "Labour ministry"}).status_code == 302
    assert reviewer_client.post(url("save-verdict"), {"version": version(), "rating": ratings["true"].pk, "explanation": "The ministry's **March** bulletin shows 4.1%."}).status_code == 302
    assert reviewer_client.post(url("new-source"), {"version": version(), "url": "https://labour.example/march", "title": "March bulletin", "kind": "statistics"}).status_code == 302
    assert reviewer_client.post(url("transition", "submit"), {"version": version()}).status_code == 302
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.REVIEW
    # The author cannot approve; a second person (the editor) can.
    assert reviewer_client.post(url("transition", "approve"), {"version": version()}).status_code == 403
    assert editor_client.post(url("transition", "approve"), {"version": version()}).status_code == 302
    assert editor_client.post(url("transition", "publish"), {"version": version()}).status_code == 302

    claim = Claim.objects.get(pk=claim.pk)
    assert claim.status == ClaimStatus.PUBLISHED and Source.objects.get().title == "March bulletin"
    public = Client().get(claim.get_absolute_url())
    body = public.content.decode()
    assert public.status_code == 200
    assert "Unemployment fell to 4.1% in March 2025." in body and "<strong>March</strong>" in body and "March bulletin" in body


def test_pasted_text_survives_an_expired_session(reviewer):
    client = Client()
    response = client.post(reverse("review:import"), {"title": "Jobs report", "body": TEXT, "outlet": "Planet"})
    assert response["Location"].startswith(reverse("login")) and not Article.objects.exists()
    response = client.post(response["Location"], {"username": reviewer.username, "password": "pw-" + reviewer.username})
    assert response["Location"] == reverse("review:import")
    body = client.get(response["Location"]).content.decode()
    assert "Unemployment fell to 4.1%" in body and "Jobs report" in body and "back in the form" in body


def test_fetched_plain_text_needs_a_title(reviewer_client, local_server, allow_local):  # noqa: F811
    response = reviewer_client.post(reverse("review:import-fetch"), {"source_url": local_server + "/plain"})
    assert response.status_code == 400 and "The page has no title" in response.content.decode()
    response = reviewer_client.post(reverse("review:import-fetch"), {"source_url": local_server + "/plain", "title": "CPI"})
    assert response.status_code == 302 and Article.objects.get().body == "Inflation in 2024 was 5.2%."
