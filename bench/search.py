"""Search latency on a full ledger when every query is new (the page cache cannot help).

`bench/web.py` hits one URL repeatedly, so its /claims/?q= figure measures cache hits. This
script renders /claims/?q=<word> in-process for 30 different words, after one warm-up request
that fills the per-generation aggregates (outlet and claimant lists), and prints the median and
p95 time of the whole request, plus the time of the search's count query alone, and the same
figures; it asserts nothing.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/search.py

The database must already hold bench data (`manage.py generate_bench_data`).
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("FACTCHECK_CACHE_DIR", tempfile.mkdtemp(prefix="factcheck-search-bench-"))

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from factcheck import ledger  # noqa: E402
from factcheck.models import Claim  # noqa: E402

WORDS = [
    "inflation", "unemployment", "budget", "hospital", "minister", "record", "percent", "police", "school", "tax",
    "growth", "exports", "vaccine", "election", "crime", "housing", "energy", "wages", "deficit", "students",
    "doctors", "league", "climate", "prices", "jobs", "council", "court", "trade", "debt", "rail",
]


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    return f"median {statistics.median(ordered):6.1f} ms   p95 {ordered[int(len(ordered) * 0.95)]:6.1f} ms"


def main() -> None:
    published = Claim.objects.published().count()
    print(f"database: {connection.vendor}, {Claim.objects.count():,} claims, {published:,} published")
    if not published:
        sys.exit("No published claims: fill the database with `manage.py generate_bench_data` first.")
    ledger.bump_cache_generation()
    client = Client()
    client.get("/claims/", {"q": "warm-up"})
    pages, counts = [], []
    for word in WORDS:
        started = time.perf_counter()
        response = client.get("/claims/", {"q": word})
        pages.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            sys.exit(f"/claims/?q={word} answered {response.status_code}")
        form = ledger.ClaimFilterForm({"q": word + " said"})
        form.is_valid()
        started = time.perf_counter()
        ledger.filter_claims(ledger.published_claims(), form).count()
        counts.append((time.perf_counter() - started) * 1000)
    print(f"/claims/?q=<new word>, whole request  {summary(pages)}  ({len(WORDS)} different words)")
    print(f"search count query alone (2 words)    {summary(counts)}")


if __name__ == "__main__":
    main()
