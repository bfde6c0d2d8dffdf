"""How the store holds up at 100,000 digests: search latency, save throughput, bytes per digest.

    nice python -m bench.storage [--digests 100000] [--queries 200] [--db PATH] [--keep]
    python -m bench.storage --reuse --db PATH [--queries 200]     # searches only, on a kept database
    nice python -m bench.storage --backend postgresql [--pg-dsn URL]   # PostgreSQL (PgStore)
    nice python -m bench.storage --backend both                        # SQLite, then PostgreSQL, same digests

PostgreSQL: without --pg-dsn a throwaway PostgreSQL 15 cluster is started for the run (the test
suite's tests/pgserver.py: initdb as the postgres user, fsync off, removed afterwards), so
its save figures are without fsync; give --pg-dsn to measure a real server (the run creates
and drops a schema of its own there).

Digests are generated from the development pages (their reference text and metadata) with
variations: a random run of each page's paragraphs, sometimes a paragraph of another page, a
varied title, one of 300 sites (half of them from five big ones), a date between 2019 and 2026. They are saved one at a time
through `Store.save`, as the bot saves them (one BEGIN IMMEDIATE transaction each, WAL,
synchronous=NORMAL). History: one big chat holds 10% of the digests, 200 chats share the rest,
and 5% of digests are also saved in a second chat.

Searches run through `Store.search(chat, query, limit=5)` (ranking, total count, snippets and
digests of the page included), `--queries` of each kind, in the big chat and in ordinary chats:
one word, three words, a "phrase" of three words, and site:HOST. Words are drawn from the pages'
own text, so most queries find something. Figures are wall-clock on a warm page cache.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import closing, contextmanager
from datetime import date, timedelta
from pathlib import Path

import asyncpg

from bench.datasets import dev_pages
from digest.model import Digest, Quote
from storage import DigestStore, Store
from storage.pg_store import PgStore

BIG_CHAT = 1
ORDINARY_CHATS = range(100, 300)
BIG_CHAT_SHARE = 0.10
SHARED_SHARE = 0.05
SITES = ["rt.com", "bbc.co.uk", "theguardian.com", "nytimes.com", "lemonde.fr"] + [f"news{n}.example" for n in range(295)]
SITE_WEIGHTS = [15, 10, 10, 8, 7] + [50 / 295] * 295  # half of all digests from five big sites
FIRST_DAY, DAYS = date(2019, 1, 1), 8 * 365
WORD = re.compile(r"[^\W\d_]{4,}")
QUOTED = re.compile(r"[“\"«]([^”\"»]{20,200})[”\"»]")
GOAL_P95_MS = 20.0


class Source:
    """One development page, cut into what the generator mixes."""

    def __init__(self, title: str, site: str | None, paragraphs: list[str]) -> None:
        self.title = title
        self.site = site
        self.paragraphs = paragraphs
        self.words = sorted({w for p in paragraphs for w in WORD.findall(p)})
        self.phrases = [" ".join(words[i:i + 3]) for p in paragraphs for words in [WORD.findall(p)]
                        for i in range(0, max(0, len(words) - 3), 7)]


def load_sources() -> list[Source]:
    sources = []
    for page in dev_pages():
        paragraphs = [p for p in page.expected_text.split("\n\n") if len(p) > 40]
        if len(paragraphs) >= 2:
            sources.append(Source(page.title or paragraphs[0][:80], page.site, paragraphs))
    return sources


def make_digest(n: int, sources: list[Source], rng: random.Random) -> Digest:
    """A plausible digest: a run of one page's paragraphs, sometimes with another page's paragraph."""
    source = rng.choice(sources)
    count = len(source.paragraphs)
    start = rng.randrange(max(1, count // 4))
    paragraphs = source.paragraphs[start:start + max(2, int(count * rng.uniform(0.6, 1.0)))]
    if rng.random() < 0.3:
        paragraphs.insert(rng.randrange(len(paragraphs) + 1), rng.choice(rng.choice(sources).paragraphs))
    body = "\n\n".join(paragraphs)
    title = rng.choice([source.title, f"{source.title} ({n})", f"Update: {source.title}", f"{source.title}, day {n % 90}"])
    quotes = tuple(Quote(text=q, speaker=rng.choice([None, "a spokesperson", "the minister"]))
                   for q in QUOTED.findall(body)[:2])
    site = rng.choices(SITES, SITE_WEIGHTS)[0]
    return Digest(
        title=title, summary=body[:400].rsplit(" ", 1)[0], body=body, url=f"https://www.{site}/articles/{n}",
        site=source.site or site, published=FIRST_DAY + timedelta(days=rng.randrange(DAYS)), quotes=quotes,
        language="en",
    )


def chat_of(rng: random.Random) -> int:
    return BIG_CHAT if rng.random() < BIG_CHAT_SHARE else rng.choice(ORDINARY_CHATS)


async def build(store: DigestStore, count: int, sources: list[Source], rng: random.Random) -> list[float]:
    """Save `count` digests; returns the seconds each save took."""
    took = []
    for n in range(count):
        digest = make_digest(n, sources, rng)
        start = time.perf_counter()
        await store.save(digest, chat_id=chat_of(rng), source_url=digest.url, message_id=n)
        took.append(time.perf_counter() - start)
        if rng.random() < SHARED_SHARE:
            await store.save(digest, chat_id=rng.choice(ORDINARY_CHATS), source_url=digest.url)
        if n and n % 10_000 == 0:
            print(f"  {n:>7,} saved, {n / sum(took):,.0f} saves/s so far", flush=True)
    return took


def queries(kind: str, sources: list[Source], rng: random.Random, count: int) -> list[str]:
    made = []
    while len(made) < count:
        source = rng.choice(sources)
        if kind == "one word":
            made.append(rng.choice(source.words))
        elif kind == "three words":
            paragraph = WORD.findall(rng.choice(source.paragraphs))
            if len(paragraph) >= 3:
                made.append(" ".join(rng.sample(paragraph, 3)))
        elif kind == "phrase" and source.phrases:
            made.append(f'"{rng.choice(source.phrases)}"')
        elif kind == "site:":
            made.append(f"site:{rng.choices(SITES, SITE_WEIGHTS)[0]}")
    return made


async def timed(calls: list[Callable[[], Awaitable[object]]]) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each call (CPU counts every thread of this process, so
    it includes aiosqlite's, and it does not grow when other programs load the machine)."""
    wall, cpu = [], []
    for call in calls:
        start, start_cpu = time.perf_counter(), time.process_time()
        await call()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def percentiles(ms: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(ms, n=100, method="inclusive")
    return cuts[49], cuts[94]


async def measure_searches(store: DigestStore, sources: list[Source], rng: random.Random, count: int) -> bool:
    print(f"\nSearch latency, ms ({type(store).__name__}.search, limit 5, {count} queries each; load average {os.getloadavg()[0]:.1f}):")
    print(f"  {'query kind':<14}{'chat':<12}{'wall p50':>10}{'wall p95':>10}{'CPU p50':>10}{'CPU p95':>10}"
          f"{'hits/query':>12}")
    met = True
    for kind in ("one word", "three words", "phrase", "site:"):
        texts = queries(kind, sources, rng, count)
        for label, chats in (("big (10%)", [BIG_CHAT] * count), ("ordinary", [rng.choice(ORDINARY_CHATS) for _ in texts])):
            totals: list[int] = []

            def one(chat: int, text: str) -> Callable[[], Awaitable[object]]:
                async def call() -> None:
                    totals.append((await store.search(chat, text, limit=5)).total)
                return call

            await timed([one(c, t) for c, t in zip(chats[:10], texts[:10])])  # warm-up, not counted
            totals.clear()
            wall, cpu = await timed([one(c, t) for c, t in zip(chats, texts)])
            (p50, p95), (cpu50, cpu95) = percentiles(wall), percentiles(cpu)
            met &= p95 < GOAL_P95_MS
            print(f"  {kind:<14}{label:<12}{p50:>10.2f}{p95:>10.2f}{cpu50:>10.2f}{cpu95:>10.2f}"
                  f"{statistics.mean(totals):>12.1f}", flush=True)
    return met


def sizes(path: Path, count: int) -> None:
    total = path.stat().st_size
    print(f"\nDatabase: {total:,} bytes for {count:,} digests = {total / count:,.0f} bytes per digest")
    with closing(sqlite3.connect(path)) as db:
        rows = db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
        body = db.execute("SELECT avg(length(CAST(body AS BLOB))) FROM digests").fetchone()[0]
    print(f"  average body: {body:,.0f} bytes of UTF-8")
    grouped: dict[str, int] = {}
    for name, size in rows:  # the shards' tables summed: digests_fts_N_data, ...
        key = re.sub(r"_\d+(?=_|$)", "_N", name)
        grouped[key] = grouped.get(key, 0) + size
    for name, size in sorted(grouped.items(), key=lambda item: -item[1])[:8]:
        print(f"  {name:<24}{size / count:>10,.0f} bytes per digest")


async def run(args: argparse.Namespace) -> int:
    """Each chosen backend in turn, on the same generated digests and queries."""
    met = True
    for backend in ("sqlite", "postgresql") if args.backend == "both" else (args.backend,):
        met &= await run_backend(args, backend)
    print(f"\nGoal wall p95 < {GOAL_P95_MS:.0f} ms: {'met' if met else 'NOT met'} for every kind.")
    return 0


async def run_backend(args: argparse.Namespace, backend: str) -> bool:
    rng = random.Random(args.seed)
    sources = load_sources()
    where = args.db if backend == "sqlite" else "PostgreSQL"
    print(f"\n== {backend}: {len(sources)} development pages as sources; {args.digests:,} digests in {where}")
    store: DigestStore = await Store.open(args.db) if backend == "sqlite" else await PgStore.open(args.pg_dsn)
    try:
        if args.reuse:
            print("Reusing the database as it is (no saves measured).")
        else:
            started = time.perf_counter()
            took = await build(store, args.digests, sources, rng)
            wall = time.perf_counter() - started
            last = took[-10_000:]
            ms = sorted(t * 1000 for t in took)
            print(f"\nSave throughput: {len(took) / sum(took):,.0f} saves/s over all {len(took):,} "
                  f"({len(last) / sum(last):,.0f}/s over the last {len(last):,}); "
                  f"per save p50 {ms[len(ms) // 2]:.2f} ms, p95 {ms[int(len(ms) * 0.95)]:.2f} ms; "
                  f"build wall time {wall:,.0f} s (including generation and the 5% second-chat saves)")
        if isinstance(store, PgStore):
            await store._read(lambda db: db.execute("VACUUM ANALYZE"))
        met = await measure_searches(store, sources, random.Random(args.seed + 1), args.queries)
        if isinstance(store, PgStore):
            await pg_sizes(store, args.digests)
    finally:
        await store.close()
    if backend == "sqlite":
        sizes(args.db, args.digests)
    return met


async def pg_sizes(store: PgStore, count: int) -> None:
    async def value(sql: str) -> float:
        return float(await store._read(lambda db: db.fetchval(sql)) or 0)

    total = await value("SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class AS c"
                        " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'm')")
    print(f"\nDatabase: {total:,.0f} bytes for {count:,} digests = {total / count:,.0f} bytes per digest")
    print(f"  average body: {await value('SELECT avg(octet_length(body)) FROM digests'):,.0f} bytes of UTF-8")
    for name, sql in (("digests (heap + TOAST)", "pg_table_size('digests')"),
                      ("search tsvectors", "(SELECT sum(pg_column_size(search) + pg_column_size(site_search)) FROM digests)"),
                      ("GIN digests_search", "pg_relation_size('digests_search')"),
                      ("GIN digests_site_search", "pg_relation_size('digests_site_search')"),
                      ("history + indexes", "pg_total_relation_size('history')"),
                      ("aliases + indexes", "pg_total_relation_size('aliases')")):
        print(f"  {name:<24}{await value(f'SELECT {sql}') / count:>10,.0f} bytes per digest")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--digests", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", type=Path, help="database file (default: a new file in a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the database file afterwards")
    parser.add_argument("--reuse", action="store_true",
                        help="measure searches on an existing --db built by this command (kept)")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="sqlite")
    parser.add_argument("--pg-dsn", help="a PostgreSQL server to measure (default: a throwaway local cluster)")
    args = parser.parse_args(argv)
    if args.backend != "sqlite" and args.reuse:
        parser.error("--reuse is for a SQLite --db only")
    with postgresql(args):
        return sqlite_run(parser, args)


@contextmanager
def postgresql(args: argparse.Namespace) -> Iterator[None]:
    """args.pg_dsn: the given server (in a schema of our own), or a throwaway cluster; removed afterwards."""
    if args.backend == "sqlite":
        yield
        return
    from tests import pgserver

    cluster = None if args.pg_dsn else pgserver.start_cluster()
    schema = f"bench_{os.getpid()}"
    base = args.pg_dsn or (cluster.dsn() if cluster else "")
    run_sql(base, f"CREATE SCHEMA {schema}")
    args.pg_dsn = f"{base}{'&' if '?' in base else '?'}search_path={schema}"
    try:
        yield
    finally:
        run_sql(base, f"DROP SCHEMA {schema} CASCADE")
        if cluster is not None:
            pgserver.remove_cluster(cluster)


def run_sql(dsn: str, sql: str) -> None:
    async def go() -> None:
        connection = await asyncpg.connect(dsn)
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    asyncio.run(go())


def sqlite_run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    folder = None
    if args.reuse:
        if args.db is None or not args.db.exists():
            parser.error("--reuse needs the --db of an earlier run with --keep")
        args.keep = True
    elif args.db is None:
        folder = tempfile.mkdtemp(prefix="digestbot-bench-")
        args.db = Path(folder) / "bench.sqlite3"
    elif args.db.exists():
        parser.error(f"{args.db} exists; the benchmark builds a new database (or measure it with --reuse)")
    try:
        return asyncio.run(run(args))
    finally:
        if not args.keep:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{args.db}{suffix}").unlink(missing_ok=True)
            if folder:
                os.rmdir(folder)


if __name__ == "__main__":
    raise SystemExit(main())
