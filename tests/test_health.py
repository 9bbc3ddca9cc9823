from django.urls import reverse


def test_healthz_answers_after_a_query(client, db, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(reverse("healthz"))
    assert response.status_code == 200 and response.content == b"ok\n"


def test_healthz_is_get_only(client, db):
    assert client.post(reverse("healthz")).status_code == 405


def test_pages_carry_a_strict_content_security_policy(client, db):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy


def test_no_inline_scripts_in_templates():
    """The CSP forbids inline script: only data blocks (JSON) may be inline."""
    import re
    from pathlib import Path

    for path in Path(__file__).resolve().parent.parent.joinpath("templates").rglob("*.html"):
        for tag in re.findall(r"<script\b[^>]*>", path.read_text()):
            assert "src=" in tag or "application/ld+json" in tag or "application/json" in tag, (path, tag)


def test_favicon_ico_points_at_the_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("factcheck/favicon.svg")
