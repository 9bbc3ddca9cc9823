"""Print the claims of plain-text files without touching the database."""

import json
import shutil
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from factcheck.extraction import ClaimCandidate, explain_claims, find_inconsistencies
from factcheck.ingest import ImportRefused, clean_text, decode_text


def read_text(path: Path) -> tuple[str, list[str]]:
    """The file's text and any warnings about how it was read."""
    text, warnings = decode_text(path.read_bytes())
    cleaned = clean_text(text)
    if cleaned != text.replace("\r\n", "\n").replace("\r", "\n"):
        warnings.append("control characters were removed before extraction")
    return cleaned, [f"{path}: {warning}." for warning in warnings]


class Command(BaseCommand):
    help = "Extract check-worthy claims from plain-text files and print them (nothing is saved)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
        parser.add_argument("--json", dest="as_json", action="store_true", help="Print JSON instead of a table.")
        parser.add_argument("--min-score", type=float, default=None, help="Only claims scoring at least this (0..1).")
        parser.add_argument(
            "--explain", action="store_true", help="Also print the signed parts every score is made of."
        )

    def handle(
        self,
        *args: Any,
        files: list[Path],
        as_json: bool = False,
        min_score: float | None = None,
        explain: bool = False,
        **options: Any,
    ) -> None:
        if min_score is not None and not 0 <= min_score <= 1:
            raise CommandError("--min-score must be between 0 and 1, e.g. --min-score 0.5.")
        missing = [str(path) for path in files if not path.is_file()]
        if missing:
            raise CommandError(f"Not a readable file: {', '.join(missing)}. Give paths to .txt files.")
        documents = []
        for path in files:
            try:
                text, warnings = read_text(path)
            except ImportRefused as refused:
                self.stderr.write(self.style.WARNING(f"{path}: skipped. {refused.message}"))
                continue
            for warning in warnings:
                self.stderr.write(self.style.WARNING(warning))
            kwargs = {} if min_score is None else {"min_score": min_score}
            pairs = explain_claims(text, **kwargs)
            claims = [claim for claim, _ in pairs]
            reasons = [parts for _, parts in pairs] if explain else None
            documents.append((path, text, claims, find_inconsistencies(text, claims), reasons))
        if not documents:
            raise CommandError("None of the files is text: give .txt files in UTF-8.")
        if as_json:
            self.print_json(documents)
        else:
            for document in documents:
                self.print_table(*document)

    def print_json(self, documents: list) -> None:
        payload = [
            {
                "file": str(path),
                "characters": len(text),
                "claims": [
                    claim.to_dict() if reasons is None else {**claim.to_dict(), "reasons": reasons[index]}
                    for index, claim in enumerate(claims)
                ],
                "inconsistencies": [
                    {"message": item.message, "spans": [list(span) for span in item.spans]} for item in inconsistencies
                ],
            }
            for path, text, claims, inconsistencies, reasons in documents
        ]
        self.stdout.write(json.dumps(payload if len(payload) > 1 else payload[0], ensure_ascii=False, indent=2))

    def print_table(
        self,
        path: Path,
        text: str,
        claims: list[ClaimCandidate],
        inconsistencies: list,
        reasons: list[dict[str, float]] | None = None,
    ) -> None:
        width = max(60, min(shutil.get_terminal_size((120, 20)).columns, 160))
        quote_width = width - 40
        self.stdout.write(self.style.MIGRATE_HEADING(f"{path}: {len(claims)} claims in {len(text):,} characters"))
        if not text.strip():
            self.stdout.write("  (the file is empty: nothing to extract)")
            return
        self.stdout.write(f"  {'span':>13}  {'kind':<12} {'score':>5}  key phrase")
        for index, claim in enumerate(claims):
            quote = " ".join(claim.quote.split())
            if len(quote) > quote_width:
                quote = quote[: quote_width - 1] + "…"
            self.stdout.write(f"  {claim.start:>6}-{claim.end:<6}  {claim.kind.value:<12} {claim.score:>5.2f}  {quote}")
            if reasons is not None:
                parts = ", ".join(f"{name} {weight:+.2f}" for name, weight in reasons[index].items())
                self.stdout.write(f"  {'':>13}  {'':<12} {'':>5}  = {parts}")
        for item in inconsistencies:
            self.stdout.write(self.style.WARNING(f"  ! {item.message}"))
        sys.stdout.flush()
