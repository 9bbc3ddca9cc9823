#!/usr/bin/env python
"""Requests per second and latency of the public pages and the API, under gunicorn on loopback.

    cd /work/main && .venv/bin/python bench/web.py                  # fresh SQLite, 100,000 claims
    .venv/bin/python bench/web.py --sqlite /tmp/bench.sqlite3       # keep the filled file for reruns
    DATABASE_URL=postgres://... .venv/bin/python bench/web.py --generate   # PostgreSQL

Without DATABASE_URL it creates a SQLite file, migrates it and fills it with
`manage.py generate_bench_data` (5,000 articles x 20 claims, 20% published, one article with
50 published claims). It starts gunicorn with DEBUG off on a free 127.0.0.1 port, warms every
page up, then drives each page from a bounded pool of client processes (a fixed number of
requests and a time cap per page), in several rounds, each page right after a /healthz slice, and prints
requests/s (median slice), p50 and p95 latency, and each page's rate as a ratio to /healthz
measured in the same run (the median of the page/healthz pairs, so that load from other
processes on the machine, which drifts, cancels out as far as it can). It prints figures and never asserts: targets are judged by people.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote_plus

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # the benchmark never leaves this machine
MAX_CONCURRENCY = 64
MAX_REQUESTS = 100_000
TEMPORARY: list[Path] = []  # directories this run created and removes when it ends


@dataclass
class Result:
    name: str
    path: str
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    rates: list[float] = field(default_factory=list)  # requests/s of each round
    ratios: list[float] = field(default_factory=list)  # vs the /healthz slice measured just before it

    @property
    def rate(self) -> float:
        """The median round: one disturbed round does not move it."""
        return statistics.median(self.rates) if self.rates else 0.0

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios) if self.ratios else float("nan")

    def add(self, other: Result) -> None:
        self.latencies.extend(other.latencies)
        self.rates.extend(other.rates)
        self.ratios.extend(other.ratios)
        for key, value in other.errors.items():
            self.errors[key] = self.errors.get(key, 0) + value

    def percentile(self, share: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sqlite", type=Path, help="SQLite file to use; filled with bench data if it does not exist.")
    parser.add_argument("--generate", action="store_true", help="Fill DATABASE_URL with bench data first (migrates too).")
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--claims-per-article", type=int, default=20)
    parser.add_argument("--published-share", type=float, default=0.2)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="gunicorn sync workers (default: CPUs).")
    parser.add_argument("--concurrency", type=int, default=0, help="Client processes (default: 2 x workers).")
    parser.add_argument("--requests", type=int, default=800, help="Requests per page and round (default 800).")
    parser.add_argument("--seconds", type=float, default=15.0, help="Time cap per page and round, seconds (default 15).")
    parser.add_argument("--rounds", type=int, default=3,
                        help="Rounds over all pages, each right after a /healthz slice (default 3); req/s is the median slice.")
    parser.add_argument("--warmup", type=int, default=20, help="Unmeasured requests per page first (default 20).")
    parser.add_argument("--query", default="inflation", help="Search text for /claims/?q= (default: inflation).")
    parser.add_argument("--json", type=Path, help="Also write the figures to this JSON file.")
    parser.add_argument("--uncached", action="store_true",
                        help="Turn the page and API cache off (FACTCHECK_PAGE_CACHE_SECONDS=0) to measure rendering.")
    args = parser.parse_args()
    args.concurrency = args.concurrency or 2 * args.workers
    if not 1 <= args.concurrency <= MAX_CONCURRENCY:
        parser.error(f"--concurrency must be between 1 and {MAX_CONCURRENCY}.")
    if not 1 <= args.requests <= MAX_REQUESTS:
        parser.error(f"--requests must be between 1 and {MAX_REQUESTS}.")
    if args.seconds <= 0 or args.workers < 1 or not 1 <= args.rounds <= 10:
        parser.error("--seconds and --workers must be positive, --rounds between 1 and 10.")
    return args


def manage(env: dict[str, str], *arguments: str) -> None:
    subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, check=True)


def prepare_database(args: argparse.Namespace, env: dict[str, str]) -> str:
    """The DATABASE_URL to benchmark, filled with bench data when we own it or were asked to."""
    generate_args = [
        "generate_bench_data", "--articles", str(args.articles), "--claims-per-article", str(args.claims_per_article),
        "--published-share", str(args.published_share),
    ]
    url = os.environ.get("DATABASE_URL", "")
    if url and not args.sqlite:
        env["DATABASE_URL"] = url
        if args.generate:
            manage(env, "migrate", "--verbosity", "0")
            manage(env, *generate_args)
        return url
    if args.sqlite:
        path = args.sqlite
    else:
        scratch = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
        TEMPORARY.append(scratch)  # removed at the end; use --sqlite to keep a filled file
        path = scratch / "bench.sqlite3"
    env["DATABASE_URL"] = f"sqlite:///{path.resolve()}"
    if not path.exists() or args.generate:
        print(f"Filling {path} with bench data (about a minute)...", flush=True)
        manage(env, "migrate", "--verbosity", "0")
        manage(env, *generate_args)
    return env["DATABASE_URL"]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_gunicorn(env: dict[str, str], port: int, workers: int, log: Path) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "gunicorn", "factcheck.wsgi:application",
        "--bind", f"{HOST}:{port}", "--workers", str(workers), "--worker-class", "sync",
        "--log-level", "warning", "--timeout", "60",
    ]
    with log.open("wb") as output:  # the server's messages (e.g. one line per 404) would bury the figures
        return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, stdout=output, stderr=output)


def stop_gunicorn(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)  # our own session: gunicorn and its workers
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def get(port: int, path: str, timeout: float = 30.0) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": HOST, "Accept-Encoding": "identity"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def wait_until_up(port: int, process: subprocess.Popen, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn exited before answering: see its log (path printed above).")
        try:
            if get(port, "/healthz", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer /healthz within {seconds:.0f}s.")


def discover_targets(env: dict[str, str], query: str) -> tuple[list[tuple[str, str]], dict[str, int]]:
    """The pages to measure, found in the database the server uses."""
    script = """
import json
from django.db.models import Count, Q
from factcheck.models import Article, Claim
try:
    from factcheck.ledger import public_claim_url
except ImportError:
    public_claim_url = lambda claim: claim.get_absolute_url()
published = Claim.objects.published()
claim = published.select_related("published_verdict").order_by("-first_published_at", "-pk").first()
article = Article.objects.filter(slug="bench-long-article").first() or (
    Article.objects.annotate(n=Count("claims", filter=Q(claims__published_verdict__isnull=False))).order_by("-n").first()
)
print(json.dumps({
    "claim": public_claim_url(claim) if claim else None,
    "article": article.get_absolute_url() if article else None,
    "article_claims": published.filter(article=article).count() if article else 0,
    "claims": Claim.objects.count(),
    "published": published.count(),
}))
"""
    output = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", script], cwd=ROOT, env=env, check=True,
        capture_output=True, text=True,
    ).stdout
    found = json.loads(output.strip().splitlines()[-1])
    if not found["claim"] or not found["article"]:
        raise SystemExit("The database has no published claims: run with --generate, or point at a filled database.")
    targets = [
        ("home", "/"),
        ("claims list", "/claims/"),
        ("claims search", f"/claims/?q={quote_plus(query)}"),
        ("claim page", found["claim"]),
        (f"article ({found['article_claims']} claims)", found["article"]),
        ("api claims", "/api/claims"),
    ]
    return targets, {"claims": found["claims"], "published": found["published"]}


def client(port: int, path: str, count: int, deadline: float, start_at: float) -> tuple[float, float, list[float], dict[str, int]]:
    """One client process: `count` sequential requests (or until the deadline)."""
    while time.monotonic() < start_at:
        time.sleep(0.0005)
    latencies: list[float] = []
    errors: dict[str, int] = {}
    began = time.monotonic()
    for _ in range(count):
        if time.monotonic() >= deadline:
            break
        sent = time.monotonic()
        try:
            status, _ = get(port, path)
        except OSError as error:
            errors[type(error).__name__] = errors.get(type(error).__name__, 0) + 1
            continue
        if status == 200:
            latencies.append(time.monotonic() - sent)
        else:
            errors[f"HTTP {status}"] = errors.get(f"HTTP {status}", 0) + 1
    return began, time.monotonic(), latencies, errors


def measure(pool: multiprocessing.pool.Pool, port: int, name: str, path: str, args: argparse.Namespace) -> Result:
    for _ in range(args.warmup):
        get(port, path)
    per_client = [args.requests // args.concurrency + (1 if n < args.requests % args.concurrency else 0)
                  for n in range(args.concurrency)]
    start_at = time.monotonic() + 0.2
    deadline = start_at + args.seconds
    runs = pool.starmap(client, [(port, path, count, deadline, start_at) for count in per_client])
    result = Result(name, path)
    for _, _, latencies, errors in runs:
        result.add(Result(name, path, latencies, errors))
    seconds = max(end for _, end, _, _ in runs) - min(began for began, _, _, _ in runs)
    result.rates.append(len(result.latencies) / seconds if seconds > 0 else 0.0)
    return result


def print_table(results: list[Result]) -> None:
    header = f"{'page':<24} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'vs /healthz':>11}  slices req/s"
    print(header)
    print("-" * len(header))
    for result in results:
        ratio = result.ratio
        errors = sum(result.errors.values())
        print(f"{result.name:<24} {len(result.latencies):>8} {errors:>6} {result.rate:>8.1f} "
              f"{result.percentile(0.5):>7.1f} {result.percentile(0.95):>7.1f} {ratio:>11.2f}  "
              + " ".join(f"{rate:.0f}" for rate in result.rates))
    for result in results:
        if result.errors:
            print(f"  {result.name} ({result.path}): errors {result.errors}")


def main() -> None:
    args = parse_args()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "factcheck.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_HTTPS": "0",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        "DJANGO_LOG_LEVEL": "ERROR",
        # A cache of our own: the default directory is shared with the dev server's database.
        "FACTCHECK_CACHE_DIR": tempfile.mkdtemp(prefix="factcheck-bench-cache-"),
    }
    TEMPORARY.append(Path(env["FACTCHECK_CACHE_DIR"]))
    if args.uncached:
        env["FACTCHECK_PAGE_CACHE_SECONDS"] = "0"
    try:
        run(args, env)
    finally:
        for directory in TEMPORARY:
            shutil.rmtree(directory, ignore_errors=True)


def run(args: argparse.Namespace, env: dict[str, str]) -> None:
    database_url = prepare_database(args, env)
    targets, counts = discover_targets(env, args.query)
    port = free_port()
    log = Path(tempfile.mkstemp(prefix="factcheck-bench-gunicorn-", suffix=".log")[1])
    print(f"gunicorn log: {log}")
    server = start_gunicorn(env, port, args.workers, log)
    try:
        wait_until_up(port, server)
        engine = database_url.split(":", 1)[0]
        print(f"\nfactcheck web benchmark: {counts['claims']:,} claims ({counts['published']:,} published), {engine}, "
              f"gunicorn {args.workers} sync workers, {args.concurrency} client processes, "
              f"{args.requests} requests or {args.seconds:.0f}s per page, {os.cpu_count()} CPUs, DEBUG off, "
              f"cache {'off' if args.uncached else 'on'}; load average before: "
              f"{' '.join(f'{v:.2f}' for v in os.getloadavg())}\n", flush=True)
        healthz = Result("/healthz", "/healthz")
        pages = [Result(name, path) for name, path in targets]
        with multiprocessing.get_context("fork").Pool(args.concurrency) as pool:
            for round_number in range(1, args.rounds + 1):
                print(f"round {round_number}/{args.rounds}...", flush=True)
                for page in pages:
                    # /healthz right before each page: the machine's load drifts, pairs compare like with like
                    reference = measure(pool, port, healthz.name, healthz.path, args)
                    measured = measure(pool, port, page.name, page.path, args)
                    measured.ratios.append(measured.rate / reference.rate if reference.rate else float("nan"))
                    healthz.add(reference)
                    page.add(measured)
        healthz.ratios = [1.0]
        print(f"\nload average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}\n")
        print_table([healthz, *pages])
        print("\nreq/s: median over slices; ratio: median of (page req/s / req/s of the /healthz slice just before it);\n"
              "targets: ratio >= 0.5, p95 < 50 ms, search p50 < 50 ms.")
        if args.json:
            args.json.write_text(json.dumps({
                "counts": counts, "workers": args.workers, "concurrency": args.concurrency, "engine": engine,
                "healthz_rate": healthz.rate,
                "pages": [
                    {"name": r.name, "path": r.path, "requests": len(r.latencies), "errors": r.errors,
                     "rate": r.rate, "round_rates": r.rates, "ratio": r.ratio, "ratios": r.ratios, "p50_ms": r.percentile(0.5), "p95_ms": r.percentile(0.95)}
                    for r in [healthz, *pages]
                ],
            }, indent=2))
    finally:
        stop_gunicorn(server)


if __name__ == "__main__":
    main()
