"""Install the demo: seed articles, their claims, demo accounts and the commission's verdicts.

Idempotent: a second run finds everything in place and changes nothing.
"""

import json
import os
import secrets
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from factcheck import workflow
from factcheck.ingest import ArticleInput, context_around, import_article, sentence_around
from factcheck.extraction import split_sentences
from factcheck.models import Article, Claim, ClaimOrigin, Rating, Source

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
ACCOUNTS = [
    # username, group, is_staff, is_superuser
    ("reviewer", "Reviewer", False, False),
    ("editor", "Editor", True, False),
    ("admin", None, True, True),
]


class Command(BaseCommand):
    help = "Migrate, load the seed articles, create demo accounts and publish the demo verdicts (idempotent)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--skip-migrate", action="store_true", help="Do not run migrations first.")
        parser.add_argument("--skip-static", action="store_true", help="Do not collect static files.")

    def handle(self, *args: Any, skip_migrate: bool = False, skip_static: bool = False, **options: Any) -> None:
        if not skip_migrate:
            call_command("migrate", interactive=False, verbosity=0)
        if not skip_static:
            call_command("collectstatic", interactive=False, verbosity=0)
        spec = json.loads((FIXTURES / "demo.json").read_text(encoding="utf-8"))
        users = self.create_accounts()
        for item in spec["articles"]:
            self.load_article(item)
        for item in spec["verdicts"]:
            with transaction.atomic():
                self.install_verdict(item, users["reviewer"], users["editor"])
        self.stdout.write(self.style.SUCCESS(
            f"Demo ready: {Article.objects.count()} articles, {Claim.objects.count()} claims, "
            f"{Claim.objects.published().count()} published verdicts."
        ))

    def create_accounts(self) -> dict[str, Any]:
        User = get_user_model()
        password = os.environ.get("DEMO_PASSWORD", "")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        users, created = {}, []
        for username, group, is_staff, is_superuser in ACCOUNTS:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User.objects.create_user(
                    username=username, password=password, email=f"{username}@example.org",
                    is_staff=is_staff, is_superuser=is_superuser,
                )
                if group:
                    user.groups.add(Group.objects.get(name=group))
                created.append(username)
            users[username] = user
        if created:
            shown = password if generated else "(the value of DEMO_PASSWORD)"
            self.stdout.write(f"Created demo accounts {', '.join(created)} with password: {shown}")
            if generated:
                self.stdout.write("This password is printed only once; set DEMO_PASSWORD to choose your own.")
        return users

    def load_article(self, item: dict) -> Article:
        existing = Article.objects.filter(slug=item["slug"]).first()
        if existing is not None:
            return existing
        body = (FIXTURES / item["file"]).read_text(encoding="utf-8")
        article, created, _ = import_article(ArticleInput(
            title=item["title"], body=body, outlet=item["outlet"], author=item["author"], url=item["url"],
            published_on=date.fromisoformat(item["published_on"]), language=item["language"],
        ))
        if created:
            article.slug = item["slug"]
            article.save(update_fields=["slug"])
            self.stdout.write(f"Loaded article “{article.title}” with {article.claims.count()} claims.")
        return article

    def install_verdict(self, item: dict, reviewer: Any, editor: Any) -> None:
        article = Article.objects.get(slug=item["article"])
        claim = self.claim_for(article, item["find"])
        if claim.verdicts.exists():
            return
        claim = workflow.update_claim(
            claim, reviewer, expected_version=claim.version,
            claim_as_checked=item["claim_as_checked"], claimant=item["claimant"],
        )
        for data in item["sources"]:
            source, _ = Source.objects.get_or_create(
                url=data["url"],
                defaults={
                    "title": data["title"], "publisher": data["publisher"], "kind": data["kind"],
                    "excerpt": data.get("excerpt", ""), "accessed_on": date(2025, 11, 1), "created_by": reviewer,
                },
            )
            claim = workflow.attach_source(claim, reviewer, expected_version=claim.version, source=source, note=data["note"])
        rating = Rating.objects.get(slug=item["rating"])
        claim = workflow.save_verdict_draft(
            claim, reviewer, expected_version=claim.version, rating=rating, explanation=item["explanation"]
        )
        claim = workflow.submit_for_review(claim, reviewer, expected_version=claim.version)
        if item.get("note"):
            workflow.add_note(claim, reviewer, item["note"])
        if item["publish"]:
            claim = workflow.approve(claim, editor, expected_version=claim.version)
            workflow.publish(claim, editor, expected_version=claim.version)
        self.stdout.write(f"Demo verdict for “{item['find']}”: {'published' if item['publish'] else 'left in review'}.")

    def claim_for(self, article: Article, phrase: str) -> Claim:
        """The extracted claim holding the phrase, or a reviewer claim on exactly that phrase."""
        start = article.body.find(phrase)
        if start < 0:
            raise CommandError(f"The demo phrase “{phrase}” is not in “{article.title}”: fix fixtures/demo.json.")
        end = start + len(phrase)
        overlapping = article.claims.filter(start__lt=end, end__gt=start).order_by("start")
        for claim in overlapping:
            if claim.start <= start and end <= claim.end or start <= claim.start and claim.end <= end:
                return claim
        sentences = split_sentences(article.body)
        sentence_start, sentence_end = sentence_around(sentences, [s for s, _ in sentences], start, end)
        prefix, suffix = context_around(article.body, start, end)
        return Claim.objects.create(
            article=article, start=start, end=end, quote=phrase, prefix=prefix, suffix=suffix,
            sentence_start=sentence_start, sentence_end=sentence_end, origin=ClaimOrigin.REVIEWER, score=1.0,
        )
