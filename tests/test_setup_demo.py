"""The demo installs once and a second run changes nothing."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from factcheck.models import Article, Claim, ClaimSource, ClaimStatus, Note, Source, Verdict
from tests.conftest import client_for


def run_demo() -> str:
    out = StringIO()
    call_command("setup_demo", skip_migrate=True, skip_static=True, stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    tables = [Article, Claim, Verdict, Source, ClaimSource, Note, User]
    state = {model.__name__: sorted(model.objects.values_list("pk", flat=True)) for model in tables}
    state["versions"] = sorted(Claim.objects.values_list("pk", "version", "status"))
    state["history"] = [Claim.history.count(), Verdict.history.count(), Article.history.count()]
    return state


@pytest.mark.django_db
def test_setup_demo_is_idempotent(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "a-demo-password")
    first = run_demo()
    assert "Created demo accounts reviewer, editor, admin" in first
    before = snapshot()
    second = run_demo()
    assert "Created demo accounts" not in second
    assert snapshot() == before


@pytest.mark.django_db
def test_demo_publishes_the_commission_claims(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "a-demo-password")
    run_demo()
    assert Article.objects.count() == 2
    published = {c.quote: c.published_verdict.rating.slug for c in Claim.objects.published().select_related("published_verdict__rating")}
    assert len(published) == 3
    expected = {"seventh term": "true", "26 years": "false", "5.2%": "true"}
    for phrase, rating in expected.items():
        assert [r for quote, r in published.items() if phrase in quote] == [rating], phrase
    pending = Claim.objects.get(quote__contains="first time that the Foreign Minister visited")
    assert pending.status == ClaimStatus.REVIEW and not pending.is_public


@pytest.mark.django_db
def test_demo_accounts_can_sign_in_with_their_roles(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "a-demo-password")
    run_demo()
    assert User.objects.get(username="editor").has_perm("factcheck.publish_claim")
    assert User.objects.get(username="reviewer").has_perm("factcheck.change_claim")
    assert client_for(User.objects.get(username="admin")).get("/admin/").status_code == 200
    assert client_for(User.objects.get(username="editor")).get("/admin/").status_code == 200


@pytest.mark.django_db
def test_generated_password_is_printed_once(monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    first = run_demo()
    assert "printed only once" in first
    password = first.split("with password: ")[1].split()[0]
    assert User.objects.get(username="reviewer").check_password(password)
    assert password not in run_demo()
