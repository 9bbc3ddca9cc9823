"""The Atom feed, sitemap.xml and robots.txt: valid XML, only published work, constant queries."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from factcheck import workflow
from factcheck.models import Article, Claim, Source
from tests.conftest import make_claim
from tests.test_workflow import published

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def public_claim(claim, reviewer, editor, ratings, source):
    published(claim, reviewer, editor, ratings["true"], source)
    return Claim.objects.get(pk=claim.pk)


def test_feed_is_atom_with_published_verdicts(anon_client, public_claim, article):
    make_claim(article, "served for 26 years", claim_as_checked="UNPUBLISHED wording")
    response = anon_client.get(reverse("public:feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 1
    entry = entries[0]
    assert entry.find(f"{ATOM}title").text == "True — Inflation in 2024 was 5.2%."
    assert entry.find(f"{ATOM}link").get("href") == "http://testserver" + public_claim.get_absolute_url()
    assert entry.find(f"{ATOM}id").text.endswith("#verdict-1")
    assert "CPI rose 5.2% in 2024." in entry.find(f"{ATOM}summary").text
    assert b"UNPUBLISHED" not in response.content
    assert b"rita" not in response.content and b"edna" not in response.content


def test_corrected_verdict_is_a_new_entry(anon_client, public_claim, reviewer, editor, second_editor, ratings):
    claim = workflow.open_correction(public_claim, editor, expected_version=public_claim.version, reason="New data.")
    claim = workflow.save_verdict_draft(claim, reviewer, expected_version=claim.version, rating=ratings["misleading"], explanation="Half the story.")
    assert b"Misleading" not in anon_client.get(reverse("public:feed")).content
    claim = workflow.submit_for_review(claim, reviewer, expected_version=claim.version)
    claim = workflow.approve(claim, second_editor, expected_version=claim.version)
    workflow.publish(claim, editor, expected_version=claim.version)
    root = ET.fromstring(anon_client.get(reverse("public:feed")).content)
    entry = root.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text.startswith("Corrected: Misleading")
    assert entry.find(f"{ATOM}id").text.endswith("#verdict-2")


def test_feed_escapes_markup(anon_client, article, publish_claim):
    publish_claim(article, "Inflation in 2024 was 5.2%", wording="<b>bold</b> & </title>", explanation="<script>x()</script>Fine")
    response = anon_client.get(reverse("public:feed"))
    root = ET.fromstring(response.content)
    entry = root.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == "True — <b>bold</b> & </title>"
    assert "<script>" not in entry.find(f"{ATOM}summary").text


def test_feed_is_advertised_on_pages(anon_client, public_claim):
    body = anon_client.get(reverse("public:home")).content.decode()
    assert f'<link rel="alternate" type="application/atom+xml" title="factcheck: latest verdicts" href="{reverse("public:feed")}">' in body


def test_sitemap_index_and_sections_list_only_public_pages(anon_client, public_claim, article):
    hidden_article = Article.objects.create(title="Unchecked", slug="unchecked", body="Nothing checked here yet.")
    hidden = make_claim(article, "served for 26 years")
    index = ET.fromstring(anon_client.get(reverse("public:sitemap")).content)
    sections = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert {s.rsplit("/", 1)[1] for s in sections} == {"sitemap-pages.xml", "sitemap-claims.xml", "sitemap-articles.xml"}
    urls = []
    for section in sections:
        root = ET.fromstring(anon_client.get(section).content)
        urls += [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    assert "http://testserver" + public_claim.get_absolute_url() in urls
    assert "http://testserver" + article.get_absolute_url() in urls
    assert "http://testserver/methodology/" in urls
    assert not any(f"/claims/{hidden.pk}/" in url for url in urls)
    assert "http://testserver" + hidden_article.get_absolute_url() not in urls


def test_unknown_sitemap_section_is_404(anon_client, db):
    assert anon_client.get(reverse("public:sitemap-section", args=["notes"])).status_code == 404


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_workbench(anon_client, db):
    response = anon_client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /review/" in text and "Disallow: /admin/" in text


@pytest.mark.parametrize("size", [1, 20])
def test_feed_and_sitemap_queries_do_not_grow(anon_client, db, publish_claim, django_assert_max_num_queries, size):
    source = Source.objects.create(url="https://example.org/s", title="S")
    for index in range(size):
        article = Article.objects.create(title=f"A{index}", slug=f"a-{index}", body=f"Prices rose {index}% in May.")
        publish_claim(article, f"Prices rose {index}%", sources=[source])
    with django_assert_max_num_queries(1):
        assert anon_client.get(reverse("public:feed")).status_code == 200
    with django_assert_max_num_queries(4):
        assert anon_client.get(reverse("public:sitemap")).status_code == 200
    for section in ["claims", "articles"]:
        with django_assert_max_num_queries(2):
            response = anon_client.get(reverse("public:sitemap-section", args=[section]))
        assert response.content.count(b"<url>") == size
