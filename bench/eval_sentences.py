#!/usr/bin/env python
"""Check-worthiness of single sentences: the extractor against a public labeled benchmark.

    cd /work/main && .venv/bin/python bench/eval_sentences.py FILE [FILE ...]
                                         [--min-score X] [--errors N] [--sweep]

FILE is a tab-separated file with a header row naming a ``Text`` column and a
``class_label`` column (``Yes`` / ``No``), the format of the CLEF CheckThat! check-worthiness
sets (political debate sentences, see bench/README.md for where to get them). No data is
shipped with the project.

Every sentence is given to ``extract_claims`` on its own; it counts as check-worthy when at
least one claim comes back. Prints precision, recall and F1 of the positive class next to
the "the sentence has a digit" rule, per file and for all files together. ``--sweep`` also
prints the figures at other score thresholds. It asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from factcheck.extraction import DEFAULT_MIN_SCORE, extract_claims  # noqa: E402
from factcheck.extraction.evaluation import Counts  # noqa: E402

csv.field_size_limit(10_000_000)


def count(counts: Counts, predicted: bool, gold: bool) -> None:
    if predicted and gold:
        counts.tp += 1
    elif predicted:
        counts.fp += 1
    elif gold:
        counts.fn += 1
    else:
        counts.tn += 1


def line(counts: Counts) -> str:
    return (
        f"P {counts.precision:5.3f}  R {counts.recall:5.3f}  F1 {counts.f1:5.3f}   "
        f"(TP {counts.tp} FP {counts.fp} FN {counts.fn} TN {counts.tn})"
    )


def read_rows(path: Path) -> list[tuple[str, bool]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        fields = reader.fieldnames or []
        if "Text" not in fields or "class_label" not in fields:
            raise SystemExit(f"{path}: needs a header with 'Text' and 'class_label' columns, found {fields}")
        rows = []
        for number, row in enumerate(reader, start=2):
            label = (row.get("class_label") or "").strip()
            if label not in ("Yes", "No"):
                raise SystemExit(f"{path}, line {number}: class_label must be Yes or No, found {label!r}")
            rows.append((row["Text"] or "", label == "Yes"))
    return rows


def best_score(text: str) -> float:
    claims = extract_claims(text, min_score=0.0)
    return max((claim.score for claim in claims), default=-1.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--min-score", type=float, default=DEFAULT_MIN_SCORE)
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print up to N misclassified sentences")
    parser.add_argument("--sweep", action="store_true", help="also print figures at other thresholds")
    args = parser.parse_args(argv)

    scored: list[tuple[str, float, bool]] = []
    errors: list[tuple[str, float, str]] = []
    total, digits = Counts(), Counts()
    for path in args.files:
        rows = read_rows(path)
        tally, digit = Counts(), Counts()
        for text, gold in rows:
            score = best_score(text)
            scored.append((text, score, gold))
            predicted = score >= args.min_score
            count(tally, predicted, gold)
            count(total, predicted, gold)
            if predicted != gold:
                errors.append(("FP" if predicted else "FN", score, text))
            has_digit = any(char.isdigit() for char in text)
            count(digit, has_digit, gold)
            count(digits, has_digit, gold)
        positives = sum(gold for _, gold in rows)
        print(f"{path.name}: {len(rows)} sentences, {positives} check-worthy ({positives / max(len(rows), 1):.0%})")
        print(f"  extractor (min score {args.min_score}): {line(tally)}")
        print(f"  digit rule:                 {line(digit)}")
    if len(args.files) > 1:
        print(f"all files: {len(scored)} sentences")
        print(f"  extractor (min score {args.min_score}): {line(total)}")
        print(f"  digit rule:                 {line(digits)}")
    if args.sweep:
        print("threshold sweep (all files):")
        for threshold in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7):
            tally = Counts()
            for _, score, gold in scored:
                count(tally, score >= threshold, gold)
            print(f"  {threshold:4.2f}: {line(tally)}")
    for kind, score, text in errors[: args.errors]:
        print(f"[{kind}] {score:5.2f}  {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
