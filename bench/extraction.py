#!/usr/bin/env python
"""Throughput, linearity and memory of factcheck.extraction.extract_claims.

    cd /work/main && .venv/bin/python bench/extraction.py [--quick]

Builds corpora of about 0.1 MB, 1 MB and 10 MB from the texts in tests/data/seeds and
tests/data/dev (labels stripped), varying figures and names so that no two copies are
identical, and prints figures. It asserts nothing about timings.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from factcheck.extraction import extract_claims  # noqa: E402

DATA = ROOT / "tests" / "data"
_MARKERS = re.compile(r"\{\+|\+\}|\{-|-\}|\[\[|\]\]")
MB = 1_000_000


def source_texts() -> list[str]:
    texts = []
    for path in sorted((DATA / "seeds").glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
    for path in sorted((DATA / "dev").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        body = raw.split("\n---\n", 1)[-1]
        texts.append(_MARKERS.sub("", body))
    if not texts:
        texts.append("The council approved a budget of $412 million on Tuesday, its first since 2019. ")
    return texts


def corpus(size: int, texts: list[str]) -> str:
    """Concatenate varied copies of the texts until ``size`` characters."""
    parts: list[str] = []
    total = 0
    copy = 0
    while total < size:
        for text in texts:
            varied = _vary(text, copy)
            parts.append(varied)
            total += len(varied) + 2
            if total >= size:
                break
        copy += 1
    return "\n\n".join(parts)[:size]


def _vary(text: str, copy: int) -> str:
    if copy == 0:
        return text
    # Shift every figure so that copies differ the way real articles do.
    return re.sub(r"\d+", lambda m: str(int(m.group()) + copy) if len(m.group()) < 10 else m.group(), text)


def throughput(text: str, repeat: int = 1) -> tuple[float, float, int]:
    """(wall-clock MB/s, CPU MB/s, claims), best of ``repeat`` runs.

    CPU time is printed beside wall time because on a shared machine the wall clock
    also counts the time other processes held the core.
    """
    best_wall = best_cpu = float("inf")
    claims = 0
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        claims = len(extract_claims(text))
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    megabytes = len(text.encode("utf-8")) / MB
    return megabytes / best_wall, megabytes / max(best_cpu, 1e-9), claims


def calibration() -> float:
    """Seconds for a fixed pure-Python loop: how fast this machine is right now."""
    started = time.process_time()
    sum(i * i for i in range(3_000_000))
    return time.process_time() - started


def article_time(texts: list[str]) -> float:
    article = corpus(5_000, texts)
    runs = 50
    started = time.perf_counter()
    for _ in range(runs):
        extract_claims(article)
    return (time.perf_counter() - started) / runs * 1000


def peak_memory(text: str) -> float:
    tracemalloc.start()
    extract_claims(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / MB


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="skip the 10 MB run")
    args = parser.parse_args(argv)
    texts = source_texts()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"source texts: {len(texts)}  python {sys.version.split()[0]}  load average {load:.2f}  "
        f"calibration loop {calibration():.3f} s (lower is a faster machine)"
    )
    sizes = [(0.1, 3), (1, 2)] + ([] if args.quick else [(10, 1)])
    rates: dict[float, float] = {}
    for megabytes, repeat in sizes:
        text = corpus(int(megabytes * MB), texts)
        rate, cpu_rate, claims = throughput(text, repeat)
        rates[megabytes] = cpu_rate
        print(f"{megabytes:>5} MB: {rate:6.2f} MB/s wall, {cpu_rate:6.2f} MB/s CPU  ({claims} claims)")
    print(f"5 KB article: {article_time(texts):.2f} ms per article")
    print(f"peak memory on 1 MB (tracemalloc): {peak_memory(corpus(MB, texts)):.1f} MB")
    if 10 in rates:
        print(f"linearity: CPU throughput at 10 MB / at 0.1 MB = {rates[10] / rates[0.1]:.2f} (1.0 = linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
