#!/usr/bin/env python
"""Evaluate factcheck.extraction.extract_claims on the labeled data in tests/data/.

    cd /work/main && .venv/bin/python bench/eval_extraction.py [--split dev|holdout|all]
                                                              [--errors N] [--min-score X]
                                                              [--docs 114-129] [--code DIR]

Prints sentence-level precision/recall/F1 (overall and per domain) and key-fact recall
for the extractor, next to the "sentence has a digit" baseline.  Exit code 2 if the
extractor cannot be imported.  The holdout split is for final measurement only.

``--docs 114-129`` keeps the documents whose file names start with a number in that range (one
batch of the development set, see tests/data/README.md). ``--code DIR`` measures the extractor
of another checkout (an older commit) on this checkout's data, e.g. the start of a session:

    git worktree add /tmp/old bb5e1bb
    .venv/bin/python bench/eval_extraction.py --code /tmp/old --docs 178-193
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import os
import sys
import traceback

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
DATA = os.path.join(ROOT, "tests", "data")


@functools.cache
def _load_evaluation():
    """This checkout's evaluation.py, loaded by path (it needs nothing but the standard library).

    Always this checkout's, also with ``--code``: an older extractor is measured with today's
    data format and metrics.
    """
    path = os.path.join(ROOT, "factcheck", "extraction", "evaluation.py")
    spec = importlib.util.spec_from_file_location("factcheck_extraction_evaluation", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def _fmt(c) -> str:
    return f"{c.precision:5.3f} {c.recall:5.3f} {c.f1:5.3f} {c.fact_recall:5.3f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=["dev", "holdout", "all"], default="dev")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print up to N error examples")
    ap.add_argument("--min-score", type=float, default=None, metavar="X",
                    help="ignore candidates whose score is below X")
    ap.add_argument("--docs", type=_load_evaluation().number_range, default=None, metavar="A-B",
                    help="only documents whose file name starts with a number from A to B")
    ap.add_argument("--code", default=None, metavar="DIR",
                    help="import the extractor from this checkout instead of this one")
    args = ap.parse_args(argv)
    if args.code:
        sys.path.insert(0, os.path.abspath(args.code))

    ev = _load_evaluation()
    try:
        from factcheck.extraction import extract_claims  # type: ignore
    except Exception as exc:  # ImportError, or an error inside the package
        print("ERROR: cannot import factcheck.extraction.extract_claims "
              f"({type(exc).__name__}: {exc}).", file=sys.stderr)
        print("The extractor is not available yet; nothing to evaluate.", file=sys.stderr)
        if not isinstance(exc, ImportError):
            traceback.print_exc()
        return 2

    splits = ["dev", "holdout"] if args.split == "all" else [args.split]
    docs = []
    for split in splits:
        docs.extend(ev.load_documents(os.path.join(DATA, split)))
    if args.docs is not None:
        low, high = args.docs
        docs = [d for d in docs if low <= ev.document_number(d.name) <= high]
        if not docs:
            print(f"ERROR: no document numbered {low}-{high} in {args.split}.", file=sys.stderr)
            return 2

    if args.min_score is not None:
        # Every candidate, whatever its score, so that a threshold below the default counts too.
        extract = functools.partial(extract_claims, min_score=0.0)
    else:
        extract = extract_claims
    rep = ev.evaluate(docs, extract, min_score=args.min_score)
    base = ev.evaluate(docs, ev.digit_baseline)
    o = rep.overall
    print(f"split={args.split}  documents={o.documents}  sentences={o.sentences}  "
          f"check-worthy={o.checkworthy} ({o.checkworthy / max(o.sentences, 1):.1%})  facts={o.facts}"
          + (f"  min-score={args.min_score}" if args.min_score is not None else ""))
    print("targets: sentence precision >= 0.90, recall >= 0.95; key-fact recall as high as possible")
    print()
    print(f"{'':<20} {'':>4} {'':>5} {'extractor':^23}   {'digit baseline':^23}")
    print(f"{'domain':<20} {'docs':>4} {'sents':>5} {'P':>5} {'R':>5} {'F1':>5} {'factR':>5}   "
          f"{'P':>5} {'R':>5} {'F1':>5} {'factR':>5}")
    rows = [("ALL", rep.overall, base.overall)]
    rows += [(d, rep.by_domain[d], base.by_domain[d]) for d in sorted(rep.by_domain)]
    for label, c, b in rows:
        print(f"{label:<20} {c.documents:>4} {c.sentences:>5} {_fmt(c)}   {_fmt(b)}")
        if label == "ALL":
            print("-" * 74)
    print()
    print(f"extractor: TP={o.tp} FP={o.fp} FN={o.fn} TN={o.tn}  facts found {o.facts_found}/{o.facts}")
    b = base.overall
    print(f"baseline:  TP={b.tp} FP={b.fp} FN={b.fn} TN={b.tn}  facts found {b.facts_found}/{b.facts}")
    if args.errors:
        print()
        print(f"errors: {len(rep.errors_of('FP'))} FP, {len(rep.errors_of('FN'))} FN, "
              f"{len(rep.errors_of('MISSED_FACT'))} missed facts (showing up to {args.errors})")
        # interleave the kinds so that a small N shows some of each
        kinds = [rep.errors_of(k) for k in ("FN", "FP", "MISSED_FACT")]
        shown = 0
        i = 0
        while shown < args.errors and any(i < len(k) for k in kinds):
            for k in kinds:
                if i < len(k) and shown < args.errors:
                    print(k[i].format())
                    shown += 1
            i += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
