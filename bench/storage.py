"""How the store holds up at 100,000 or 1,000,000 digests: search latency, save throughput, bytes per digest.

    nice python -m bench.storage [--digests 100000] [--queries 200] [--db PATH] [--keep]
    python -m bench.storage --reuse --db PATH [--queries 200]     # searches only, on a kept database
    nice python -m bench.storage --backend postgresql [--pg-dsn URL]   # PostgreSQL (PgStore)
    nice python -m bench.storage --backend both                        # SQLite, then PostgreSQL, same digests
    nice python -m bench.storage --backend both --bulk --digests 1000000   # filled in bulk, then --saves saves

PostgreSQL: without --pg-dsn a throwaway PostgreSQL 15 cluster is started for the run (the test
suite's tests/pgserver.py: initdb as the postgres user, fsync off, removed afterwards), so
its save figures are without fsync; give --pg-dsn to measure a real server (the run creates
and drops a schema of its own there).

Digests and queries: bench.filling.corpus. Without --bulk the digests are saved one at a time
through `Store.save`, as the bot saves them (on SQLite one BEGIN IMMEDIATE transaction each, WAL,
synchronous=NORMAL). With --bulk the same kind of digests are written in big transactions
(bench.filling.bulk: same tables, triggers and indexes), then `--saves` more digests go through
`Store.save` one at a time on the full store: that is the saves-per-second figure.

Searches run through `Store.search(chat, query, limit=5)` (ranking, total count, snippets and
digests of the page included), `--queries` of each kind (storage_corpus.QUERY_KINDS), in the big
chat and in ordinary chats. Figures are wall-clock on a warm page cache: before the searches the run
reads what every search reads into the operating system's cache, as a server that has been answering
for a while holds it (SQLite: the whole file; PostgreSQL: chat_search and its indexes with pg_prewarm,
not the digests' rows, which a hit, a snippet or a phrase's check reads cold). At a million digests a
database outgrows the page cache of a small machine, and a freshly started one answers from disk:
`--cold` skips the warming to measure that.
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
from pathlib import Path

import asyncpg

from bench.filling import bulk
from bench.filling.corpus import (BIG_CHAT, ORDINARY_CHATS, QUERY_KINDS, SHARED_SHARE, Source, chat_of, compose,
                                  load_sources, queries)
from digest.model import Digest
from storage import DigestStore, Store
from storage.postgres.store import PgStore

GOAL_P95_MS = 20.0  # in an ordinary chat
BIG_CHAT_GOAL_P95_MS = 50.0  # in the chat holding 10% of all digests


def make_digest(n: int, sources: list[Source], rng: random.Random) -> Digest:
    return compose(n, sources, rng)[0]


async def build(store: DigestStore, count: int, sources: list[Source], rng: random.Random, *,
                first: int = 0) -> list[float]:
    """Save `count` digests through the store (numbered from `first`); returns the seconds each save took."""
    took = []
    for n in range(first, first + count):
        digest = make_digest(n, sources, rng)
        start = time.perf_counter()
        await store.save(digest, chat_id=chat_of(rng), source_url=digest.url, message_id=n)
        took.append(time.perf_counter() - start)
        if rng.random() < SHARED_SHARE:
            await store.save(digest, chat_id=rng.choice(ORDINARY_CHATS), source_url=digest.url)
        if n > first and (n - first) % 10_000 == 0:
            print(f"  {n - first:>7,} saved, {(n - first) / sum(took):,.0f} saves/s so far", flush=True)
    return took


def report_saves(took: list[float], wall: float) -> None:
    if not took:  # --bulk --saves 0: only the fill
        return
    last = took[-10_000:]
    ms = sorted(t * 1000 for t in took)
    print(f"\nSave throughput (Store.save): {len(took) / sum(took):,.0f} saves/s over all {len(took):,} "
          f"({len(last) / sum(last):,.0f}/s over the last {len(last):,}); "
          f"per save p50 {ms[len(ms) // 2]:.2f} ms, p95 {ms[int(len(ms) * 0.95)]:.2f} ms; "
          f"wall time {wall:,.0f} s (including generation and the 5% second-chat saves)")


async def fill(store: DigestStore, args: argparse.Namespace, sources: list[Source],
               rng: random.Random) -> DigestStore:
    """--bulk: args.digests digests written in bulk into the open (migrated) store; returns the store to use."""
    planned = bulk.plan(args.digests, sources, rng, now=time.time() - 60)
    started = time.perf_counter()
    print(f"Filling in bulk (batches of {bulk.BATCH:,}):", flush=True)
    if isinstance(store, PgStore):
        await bulk.fill_pg(store, planned, args.digests)
    else:
        await store.close()
        bulk.fill_sqlite(args.db, planned, args.digests)
        store = await Store.open(args.db)
    print(f"Filled {args.digests:,} digests in {time.perf_counter() - started:,.0f} s", flush=True)
    return store


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
    for kind in QUERY_KINDS:
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
            met &= p95 <= (BIG_CHAT_GOAL_P95_MS if chats[0] == BIG_CHAT else GOAL_P95_MS)
            print(f"  {kind:<14}{label:<12}{p50:>10.2f}{p95:>10.2f}{cpu50:>10.2f}{cpu95:>10.2f}"
                  f"{statistics.mean(totals):>12.1f}", flush=True)
    return met


def sizes(path: Path) -> None:
    total = path.stat().st_size
    with closing(sqlite3.connect(path)) as db:
        count = db.execute("SELECT count(*) FROM digests").fetchone()[0]
        print(f"\nDatabase: {total:,} bytes for {count:,} digests = {total / count:,.0f} bytes per digest")
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
    print(f"\nGoal wall p95 <= {GOAL_P95_MS:.0f} ms in ordinary chats, <= {BIG_CHAT_GOAL_P95_MS:.0f} ms in the 10% chat:"
          f" {'met' if met else 'NOT met'} for every kind.")
    return 0


async def run_backend(args: argparse.Namespace, backend: str) -> bool:
    rng = random.Random(args.seed)
    sources = load_sources()
    where = args.db if backend == "sqlite" else "PostgreSQL"
    print(f"\n== {backend}: {len(sources)} development pages as sources; {args.digests:,} digests in {where}")
    store: DigestStore = await Store.open(args.db) if backend == "sqlite" else await PgStore.open(args.pg_dsn)
    try:
        if args.reuse:
            print(f"Reusing the database as it is{'' if args.saves else ' (no saves measured)'}.")
            if args.saves:  # new links each run (numbered from the clock), on top of what is there
                started = time.perf_counter()
                took = await build(store, args.saves, sources, rng, first=int(time.time()))
                report_saves(took, time.perf_counter() - started)
        elif args.bulk:
            store = await fill(store, args, sources, rng)
            started = time.perf_counter()
            took = await build(store, args.saves, sources, rng, first=args.digests)
            report_saves(took, time.perf_counter() - started)
        else:
            started = time.perf_counter()
            took = await build(store, args.digests, sources, rng)
            report_saves(took, time.perf_counter() - started)
        if isinstance(store, PgStore):
            # This schema's tables only (a --pg-dsn server holds others), past the store's command timeout.
            await store._read(lambda db: db.execute("VACUUM ANALYZE digests, history, aliases, messages, chat_search",
                                                    timeout=bulk.INDEX_TIMEOUT_SECONDS))
        if not args.cold:
            await warm(store, args.db if backend == "sqlite" else None)
        met = await measure_searches(store, sources, random.Random(args.seed + 1), args.queries)
        if isinstance(store, PgStore):
            await pg_sizes(store)
    finally:
        await store.close()
    if backend == "sqlite":
        sizes(args.db)
    return met


# What a PostgreSQL search reads besides the digests' rows of its hits (storage.postgres.search): the narrow table
# (its `words` are TOASTed and read by the index only) and its indexes.
PG_SEARCH_RELATIONS = ("chat_search", "chat_search_words", "chat_search_lexemes", "chat_search_sites",
                       "chat_search_pkey", "chat_search_dated", "chat_search_recent", "history_pkey")


async def warm(store: DigestStore, path: Path | None) -> None:
    """Read what searches read into the operating system's page cache, and say how much and how long."""
    started = time.perf_counter()
    if isinstance(store, PgStore):
        async def prewarm(db: asyncpg.Connection) -> int:
            await db.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm SCHEMA public")
            blocks = 0
            for name in PG_SEARCH_RELATIONS:  # 'read': into the OS cache, not the server's small shared_buffers
                blocks += await db.fetchval(  # a relation missing here (the lexemes index without rum) counts 0
                    "SELECT public.pg_prewarm(c, 'read') FROM to_regclass($1) AS c WHERE c IS NOT NULL", name,
                    timeout=bulk.INDEX_TIMEOUT_SECONDS) or 0
            return blocks * 8192

        size = await store._read(prewarm)
        what = "chat_search and its indexes (pg_prewarm)"
    else:
        assert path is not None
        size = 0
        with open(path, "rb") as file:
            while chunk := file.read(1 << 20):
                size += len(chunk)
        what = "the database file"
    print(f"Warmed the page cache: {what}, {size / 1e6:,.0f} MB in {time.perf_counter() - started:.1f} s"
          " (--cold: not)")


async def pg_sizes(store: PgStore) -> None:
    async def value(sql: str) -> float:
        return float(await store._read(lambda db: db.fetchval(sql)) or 0)

    count = int(await value("SELECT count(*) FROM digests"))
    total = await value("SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class AS c"
                        " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'm')")
    print(f"\nDatabase: {total:,.0f} bytes for {count:,} digests = {total / count:,.0f} bytes per digest")
    print(f"  average body: {await value('SELECT avg(octet_length(body)) FROM digests'):,.0f} bytes of UTF-8")
    for name, sql in (("digests (heap + TOAST)", "pg_table_size('digests')"),
                      ("search tsvectors", "(SELECT sum(pg_column_size(search) + pg_column_size(site_search)) FROM digests)"),
                      ("rank_search tsvector", "(SELECT sum(pg_column_size(rank_search)) FROM digests)"),
                      ("chat_search (heap+TOAST)", "pg_table_size('chat_search')"),
                      ("chat_search words index", "pg_relation_size('chat_search_words')"),
                      ("GIN chat_search lexemes", "coalesce(pg_relation_size(to_regclass('chat_search_lexemes')), 0)"),
                      ("GIN chat_search sites", "pg_relation_size('chat_search_sites')"),
                      ("chat_search btrees", "pg_indexes_size('chat_search') - pg_relation_size('chat_search_words')"
                                             " - coalesce(pg_relation_size(to_regclass('chat_search_lexemes')), 0)"
                                             " - pg_relation_size('chat_search_sites')"),
                      ("history + indexes", "pg_total_relation_size('history')"),
                      ("aliases + indexes", "pg_total_relation_size('aliases')")):
        print(f"  {name:<24}{await value(f'SELECT {sql}') / count:>10,.0f} bytes per digest")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--digests", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", type=Path, help="database file (default: a new file in a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the database file (and --pg-schema) afterwards")
    parser.add_argument("--reuse", action="store_true",
                        help="measure searches on an existing --db built by this command (kept)")
    parser.add_argument("--bulk", action="store_true", help="fill the store in bulk, then measure --saves saves")
    parser.add_argument("--saves", type=int, help="with --bulk (default 2,000) or --reuse (default 0): saves measured"
                                                  " one at a time through Store.save on the full store")
    parser.add_argument("--cold", action="store_true",
                        help="search without first reading what searches read into the page cache")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="sqlite")
    parser.add_argument("--pg-dsn", help="a PostgreSQL server to measure (default: a throwaway local cluster)")
    parser.add_argument("--pg-schema", help="with --pg-dsn: the schema to fill (with --keep, kept) or --reuse")
    args = parser.parse_args(argv)
    if args.saves is None:
        args.saves = 2_000 if args.bulk else 0
    if args.backend != "sqlite" and args.reuse and not (args.pg_dsn and args.pg_schema):
        parser.error("--reuse on PostgreSQL needs the --pg-dsn and --pg-schema of an earlier run with --keep")
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
    schema = args.pg_schema or f"bench_{os.getpid()}"
    base = args.pg_dsn or (cluster.dsn() if cluster else "")
    if not args.reuse:
        run_sql(base, f"CREATE SCHEMA {schema}")
    args.pg_dsn = f"{base}{'&' if '?' in base else '?'}search_path={schema}"
    try:
        yield
    finally:
        if not (args.keep or args.reuse):
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
    if args.reuse and args.backend != "postgresql":
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
