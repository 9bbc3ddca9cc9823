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
