"""Small fixtures shared by the suite: people in each role, an article with claims, ratings."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from factcheck.models import Article, Claim, Rating, Source

BODY = (
    "Inflation in 2024 was 5.2%, the statistics office said on Tuesday. "
    "The president has served for 26 years. It is a great country."
)


def make_user(username: str, group: str | None = None, **extra) -> User:
    user = User.objects.create_user(username=username, password="pw-" + username, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def reviewer(db) -> User:
    return make_user("rita", "Reviewer")


@pytest.fixture
def second_reviewer(db) -> User:
    return make_user("ravi", "Reviewer")


@pytest.fixture
def editor(db) -> User:
    return make_user("edna", "Editor", is_staff=True)


@pytest.fixture
def second_editor(db) -> User:
    return make_user("eli", "Editor", is_staff=True)


@pytest.fixture
def outsider(db) -> User:
    """Signed in, but with no role."""
    return make_user("otto")


@pytest.fixture
def superuser(db) -> User:
    return User.objects.create_superuser("root", "root@example.org", "pw-root")


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def reviewer_client(reviewer) -> Client:
    return client_for(reviewer)


@pytest.fixture
def editor_client(editor) -> Client:
    return client_for(editor)


@pytest.fixture
def outsider_client(outsider) -> Client:
    return client_for(outsider)


@pytest.fixture
def anon_client() -> Client:
    return Client()


@pytest.fixture
def ratings(db) -> dict[str, Rating]:
    return {rating.slug: rating for rating in Rating.objects.all()}


@pytest.fixture
def article(db) -> Article:
    return Article.objects.create(title="Economy report", slug="economy-report", outlet="Daily Planet", body=BODY)


def make_claim(article: Article, phrase: str, **extra) -> Claim:
    start = article.body.index(phrase)
    end = start + len(phrase)
    sentence_start = article.body.rfind(". ", 0, start)
    sentence_start = 0 if sentence_start < 0 else sentence_start + 2
    sentence_end = article.body.find(".", end) + 1 or len(article.body)
    return Claim.objects.create(
        article=article, start=start, end=end, quote=phrase,
        sentence_start=sentence_start, sentence_end=sentence_end, **extra,
    )


@pytest.fixture
def claim(article) -> Claim:
    return make_claim(article, "Inflation in 2024 was 5.2%", kind="percentage", score=0.9)


@pytest.fixture
def source(db) -> Source:
    return Source.objects.create(url="https://stats.example.org/cpi-2024", title="Consumer prices 2024", publisher="Statistics office")


# --- public ledger --------------------------------------------------------------------------


@pytest.fixture
def publish_claim(db, reviewer, editor, ratings):
    """Factory: a published claim straight through the ORM (fast, for lists of many rows).

    `publish_claim(article, "phrase", rating="false", wording=..., claimant=..., sources=[...])`;
    the verdict is approved and published now, its sources attached just before approval.
    """
    from datetime import timedelta

    from django.utils import timezone

    from factcheck.models import ClaimSource, ClaimStatus, PublicSearchEntry, Verdict

    def factory(article, phrase, *, rating="true", wording=None, claimant="", sources=(), explanation="Checked.", **extra):
        claim = make_claim(article, phrase, **extra)
        now = timezone.now()
        for order, item in enumerate(sources, start=1):
            link = ClaimSource.objects.create(claim=claim, source=item, order=order, added_by=reviewer)
            ClaimSource.objects.filter(pk=link.pk).update(added_at=now - timedelta(minutes=5))
        wording = phrase + "." if wording is None else wording
        verdict = Verdict.objects.create(
            claim=claim, number=1, rating=ratings[rating], explanation=explanation, author=reviewer,
            approved_by=editor, approved_at=now - timedelta(minutes=1), published_at=now,
            claim_as_checked=wording, claimant=claimant, kind=claim.kind,
        )
        claim.claim_as_checked, claim.claimant = wording, claimant
        claim.published_verdict, claim.status, claim.first_published_at = verdict, ClaimStatus.PUBLISHED, now
        claim.save()
        PublicSearchEntry.sync(claim)
        return claim

    return factory
