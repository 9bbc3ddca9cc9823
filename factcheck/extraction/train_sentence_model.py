"""Train the sentence wording model (``sentence_model``) and write ``sentence_weights.json``.

    python -m factcheck.extraction.train_sentence_model --tsv TRAIN.tsv [--tsv MORE.tsv]
        [--labeled tests/data/dev] [--folds 5] [--write]

Training data:

* ``--tsv``: tab-separated files with ``Text`` and ``class_label`` (Yes/No) columns, the
  format of the CLEF CheckThat! check-worthiness sets (see bench/README.md);
* ``--labeled``: folders in the project's own labeled format (``tests/data/README.md``);
  every sentence of every document, labeled check-worthy or not.

Never train on ``tests/data/holdout`` or on the sets used as a benchmark.

A logistic regression over counted features (words, word pairs, a length bucket), fitted by
AdaGrad with L2 regularisation, in a fixed order: the same data gives the same weights.
``--folds K`` prints K-fold cross-validated precision/recall/F1 first. ``--write`` writes the
weights (features seen in at least ``--min-count`` sentences, rounded) to
``factcheck/extraction/sentence_weights.json``.

Pure Python; no Django, no third-party packages.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from math import exp, sqrt
from pathlib import Path

from . import evaluation, sentence_model
from .sentence_model import features
from .tokens import tokenize

WEIGHTS_FILE = sentence_model.WEIGHTS_FILE
MIN_WEIGHT = 0.02  # smaller weights change no decision and only grow the file

Sample = tuple[tuple[str, ...], int]


def tsv_sentences(path: Path) -> list[tuple[str, int]]:
    csv.field_size_limit(10_000_000)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        if not reader.fieldnames or "Text" not in reader.fieldnames or "class_label" not in reader.fieldnames:
            raise SystemExit(f"{path}: needs a header with 'Text' and 'class_label' columns")
        rows = []
        for number, row in enumerate(reader, start=2):
            label = (row["class_label"] or "").strip()
            if label not in ("Yes", "No"):
                raise SystemExit(f"{path}, line {number}: class_label must be Yes or No, found {label!r}")
            rows.append((row["Text"] or "", int(label == "Yes")))
    return rows


Ranges = Sequence[tuple[int, int]]


def labeled_documents(directory: Path, skip: Ranges = ()) -> list[evaluation.Document]:
    """The documents of a labeled folder, less those whose numbers fall in a ``skip`` range."""
    return [
        document
        for document in evaluation.load_documents(str(directory))
        if not any(low <= evaluation.document_number(document.name) <= high for low, high in skip)
    ]


def labeled_sentences(directory: Path, skip: Ranges = ()) -> list[tuple[str, int]]:
    rows = []
    for document in labeled_documents(directory, skip):
        text = document.text
        for sentence in document.sentences:
            rows.append((text[sentence.start : sentence.end], int(sentence.checkworthy)))
    return rows


def labeled_groups(directory: Path, skip: Ranges = ()) -> list[str]:
    """The document of every sentence ``labeled_sentences`` returns, for folds by document."""
    return [
        f"{directory}/{document.name}" for document in labeled_documents(directory, skip) for _ in document.sentences
    ]


def to_sample(text: str, label: int) -> Sample:
    return tuple(features(tokenize(text).lower)), label


def _sigmoid(value: float) -> float:
    if value < -30:
        return 0.0
    if value > 30:
        return 1.0
    return 1.0 / (1.0 + exp(-value))


def fit(
    samples: list[Sample],
    *,
    epochs: int = 12,
    rate: float = 0.2,
    l2: float = 1e-4,
    min_count: int = 3,
    seed: int = 0,
    start: tuple[float, dict[str, float]] | None = None,
) -> tuple[float, dict[str, float]]:
    """Fit the bias and the feature weights to ``samples``.

    ``start`` (a bias and weights, e.g. the shipped model): begin there instead of at zero, and
    let the L2 term pull every weight back towards its starting value rather than towards zero.
    A few epochs over the project's own labeled sentences then adapt a model trained on a larger
    set to this project's labeling guide without forgetting what it learned there. Features of
    the start are kept even when ``samples`` has them fewer than ``min_count`` times.
    """
    start_bias, prior = start if start is not None else (0.0, {})
    counts = Counter(feature for sample, _ in samples for feature in sample)
    kept = {feature for feature, count in counts.items() if count >= min_count or feature in prior}
    data = [([feature for feature in sample if feature in kept], label) for sample, label in samples]
    weights: dict[str, float] = defaultdict(float, prior)
    squares: dict[str, float] = defaultdict(float)
    bias, bias_square = start_bias, 0.0
    order = list(range(len(data)))
    rng = random.Random(seed)
    prior_of = prior.get
    for _ in range(epochs):
        rng.shuffle(order)
        for index in order:
            active, label = data[index]
            error = _sigmoid(bias + sum([weights[feature] for feature in active])) - label
            for feature in active:
                gradient = error + l2 * (weights[feature] - prior_of(feature, 0.0))
                squares[feature] += gradient * gradient
                weights[feature] -= rate * gradient / sqrt(squares[feature] + 1e-8)
            bias_square += error * error
            bias -= rate * error / sqrt(bias_square + 1e-8)
    return bias, dict(weights)


def start_weights(data: dict) -> tuple[float, dict[str, float]]:
    """A weights file's content (as ``write_weights`` writes it) as ``fit(start=...)`` takes it."""
    return data["bias"], {**data["words"], **data["pairs"]}


def predict(bias: float, weights: dict[str, float], sample: tuple[str, ...]) -> float:
    get = weights.get
    return _sigmoid(bias + sum([get(feature, 0.0) for feature in sample]))


def fold_of(groups: list[str], folds: int) -> list[int]:
    """Fold of every sample: all sentences of one document fall in the same fold."""
    numbers: dict[str, int] = {}
    for group in groups:
        numbers.setdefault(group, len(numbers))
    return [numbers[group] % folds for group in groups]


def cross_validate(samples: list[Sample], folds: int, groups: list[str] | None = None, **options) -> list[float]:
    """Out-of-fold probabilities, in the order of ``samples``."""
    assigned = fold_of(groups if groups is not None else [str(i) for i in range(len(samples))], folds)
    result = [0.0] * len(samples)
    for fold in range(folds):
        train = [sample for sample, number in zip(samples, assigned) if number != fold]
        bias, weights = fit(train, **options)
        for index, number in enumerate(assigned):
            if number == fold:
                result[index] = predict(bias, weights, samples[index][0])
    return result


def report(probabilities: list[float], labels: list[int]) -> str:
    lines = []
    for threshold in (0.3, 0.4, 0.5, 0.6):
        counts = evaluation.Counts()
        for probability, label in zip(probabilities, labels):
            predicted = probability >= threshold
            counts.tp += predicted and label
            counts.fp += predicted and not label
            counts.fn += label and not predicted
        lines.append(
            f"  p >= {threshold:.1f}: P {counts.precision:.3f} R {counts.recall:.3f} F1 {counts.f1:.3f}"
        )
    return "\n".join(lines)


def write_weights(bias: float, weights: dict[str, float], sources: list[str], size: int, path: Path = WEIGHTS_FILE) -> int:
    """Write the weights as JSON, one per line and sorted, so that a retraining diffs readably.

    Words and length buckets by name, word pairs as "first second".
    """
    kept = {feature: round(weight, 3) for feature, weight in sorted(weights.items()) if abs(weight) >= MIN_WEIGHT}
    data = {
        "about": "Weights of the sentence wording model. Generated by train_sentence_model; do not edit.",
        "trained_on": f"{size} sentences from: {', '.join(sources)}",
        "bias": round(bias, 4),
        "words": {feature: weight for feature, weight in kept.items() if " " not in feature},
        "pairs": {feature: weight for feature, weight in kept.items() if " " in feature},
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(kept)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tsv", action="append", default=[], type=Path, help="CheckThat!-style TSV file")
    parser.add_argument("--labeled", action="append", default=[], type=Path, help="folder of labeled documents")
    parser.add_argument(
        "--tsv-weight", type=int, default=1, metavar="N",
        help="count every TSV sentence N times (debate labels against the project's own, when fine-tuning)",
    )
    parser.add_argument(
        "--labeled-weight", type=int, default=1, metavar="N",
        help="count every labeled-folder sentence N times (the project's own labels against the larger TSV sets)",
    )
    parser.add_argument(
        "--skip-docs", action="append", default=[], type=evaluation.number_range, metavar="A-B",
        help="leave out the labeled documents numbered A to B (a batch kept unseen to measure on)",
    )
    parser.add_argument("--folds", type=int, default=0, help="print K-fold cross-validated figures")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--rate", type=float, default=0.2)
    parser.add_argument("--l2", type=float, default=1e-4)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument(
        "--start-from", type=Path, metavar="WEIGHTS.json",
        help="fine-tune: start from these weights and pull towards them (with --l2) instead of towards zero",
    )
    parser.add_argument("--write", action="store_true", help=f"write {WEIGHTS_FILE.name}")
    args = parser.parse_args(argv)
    if any("holdout" in str(path) for path in args.labeled):
        parser.error("the held-out set is for measurement only; do not train on it")

    rows: list[tuple[str, int]] = []
    groups: list[str] = []
    for path in args.tsv:
        found = tsv_sentences(path)
        rows += found * args.tsv_weight
        groups += [f"{path}:{index}" for index in range(len(found))] * args.tsv_weight
    for path in args.labeled:
        rows += labeled_sentences(path, args.skip_docs) * args.labeled_weight
        groups += labeled_groups(path, args.skip_docs) * args.labeled_weight
    if not rows:
        parser.error("no training sentences: give --tsv and/or --labeled")
    samples = [to_sample(text, label) for text, label in rows]
    options = {"epochs": args.epochs, "rate": args.rate, "l2": args.l2, "min_count": args.min_count}
    if args.start_from is not None:
        if not args.start_from.is_file():
            parser.error(f"--start-from {args.start_from}: no such file")
        try:
            started = json.loads(args.start_from.read_text(encoding="utf-8"))
            options["start"] = start_weights(started)
        except (ValueError, KeyError, TypeError):
            parser.error(f"--start-from {args.start_from}: not a weights file written by this trainer")
    positives = sum(label for _, label in samples)
    print(f"{len(samples)} sentences, {positives} check-worthy ({positives / len(samples):.0%})")
    if args.folds > 1:
        probabilities = cross_validate(samples, args.folds, groups, **options)
        print(f"{args.folds}-fold cross-validation:")
        print(report(probabilities, [label for _, label in samples]))
    if args.write:
        bias, weights = fit(samples, **options)
        skipped = " without " + ", ".join(f"{low}-{high}" for low, high in args.skip_docs) if args.skip_docs else ""
        times = f" (x{args.tsv_weight})" if args.tsv_weight != 1 else ""
        sources = [f"{path.name}{times}" for path in args.tsv] + [f"{path}{skipped}" for path in args.labeled]
        if args.start_from is not None:
            sources.insert(0, f"fine-tuned from {args.start_from.name} ({started.get('trained_on', '')})")
        kept = write_weights(bias, weights, sources, len(samples), path=WEIGHTS_FILE)
        print(f"wrote {kept} weights to {WEIGHTS_FILE.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
