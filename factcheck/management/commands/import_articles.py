"""Import .txt, .md and .html files (or folders of them) as articles and extract their claims."""

import sys
from collections import Counter
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from factcheck.ingest import ArticleInput, ImportRefused, import_article, read_article_file

SUPPORTED = {".txt", ".md", ".markdown", ".html", ".htm"}


def collect(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files to import, and paths skipped with the reason."""
    files, skipped = [], []
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUPPORTED:
                    files.append(child)
                elif not child.name.startswith("."):
                    skipped.append((child, f"unsupported type {child.suffix or '(none)'}"))
        elif path.is_file():
            if path.suffix.lower() in SUPPORTED:
                files.append(path)
            else:
                skipped.append((path, f"unsupported type {path.suffix or '(none)'}: use .txt, .md or .html"))
        else:
            skipped.append((path, "no such file or folder"))
    return files, skipped


class Command(BaseCommand):
    help = "Import articles from .txt/.md/.html files or folders; re-importing the same text creates nothing."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument("--outlet", default="", help="Outlet/publisher to record on every imported article.")

    def handle(self, *args: Any, paths: list[Path], outlet: str = "", **options: Any) -> None:
        files, skipped = collect(paths)
        if not files and not skipped:
            raise CommandError("Nothing to import: the folders are empty. Give .txt, .md or .html files.")
        counts: Counter = Counter()
        for index, path in enumerate(files, start=1):
            self.progress(index, len(files), path)
            try:
                title, body, warnings = read_article_file(path)
                article, created, report = import_article(ArticleInput(title=title, body=body, outlet=outlet))
            except ImportRefused as error:
                skipped.append((path, error.message))
                continue
            except OSError as error:
                skipped.append((path, f"could not be read ({error.strerror or error})"))
                continue
            for warning in warnings:
                counts["warnings"] += 1
                self.stderr.write(self.style.WARNING(f"\n{path}: {warning}"))
            if created:
                counts["articles"] += 1
                counts["claims"] += report.created
            else:
                skipped.append((path, f"already imported as “{article.title}” (/articles/{article.slug}/)"))
        if files:
            self.stderr.write("")
        for path, reason in skipped:
            self.stdout.write(self.style.WARNING(f"skipped {path}: {reason}"))
        self.stdout.write(self.style.SUCCESS(
            f"Imported {counts['articles']} article(s) with {counts['claims']} claim(s); "
            f"skipped {len(skipped)} file(s)."
        ))

    def progress(self, index: int, total: int, path: Path) -> None:
        width = 30
        done = width * index // total
        bar = "█" * done + "·" * (width - done)
        name = path.name if len(path.name) <= 40 else path.name[:39] + "…"
        self.stderr.write(f"\r[{bar}] {index}/{total} {name:<40}", ending="")
        self.stderr.flush() if hasattr(self.stderr, "flush") else sys.stderr.flush()
