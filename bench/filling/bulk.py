"""Filling bench.storage's stores in bulk: a million saves one at a time would take hours.

Each store is first opened (so created and migrated) by its own code; then the rows a save would
write go in directly, BATCH digests a transaction, through the same tables, triggers and indexes:
SQLite's insert triggers fill its FTS5 shards as on a save; PostgreSQL gets the tsvector literals
the store would write (storage.postgres.tokens), built from each paragraph's words tokenised once instead of
each body whole (a body is its paragraphs joined by blank lines, and no word spans one; see
`Vectors`). The first CHECKED digests' vectors are compared in PostgreSQL with `tsvector_literal` of
the whole text, so the shortcut cannot drift from what the store writes. History: the same chats as bench.storage's saves (one big
chat holding 10%, 200 ordinary ones, 5% of digests in a second chat), saved one second apart.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TypeVar

import asyncpg

from bench.filling.corpus import ORDINARY_CHATS, SHARED_SHARE, Source, chat_of, compose
from storage.postgres.store import PgStore
from storage.postgres.tokens import COLUMN_WEIGHTS, column_starts, tokenised, tsvector_literal, vector_literal, words
from storage.rows import ROW_COLUMNS, DigestRow, to_row
from storage.sqlite.schema import USER_COLUMNS, chat_token, shard_of
from storage.sqlite.store import cache_keys

BATCH = 2_000
CHECKED = 20
INDEX_TIMEOUT_SECONDS = 4 * 3600.0  # building a GIN index over a million rows outlasts the pool's command timeout
BODY = USER_COLUMNS.index("body")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Planned:
    """One digest as the stores hold it: its row, the chats that saved it, its cache keys."""

    digest_id: int
    row: DigestRow
    chats: tuple[int, ...]
    saved_at: float
    keys: tuple[str, ...]
    paragraphs: tuple[str, ...]


def plan(count: int, sources: list[Source], rng: random.Random, *, now: float) -> Iterator[Planned]:
    """`count` digests with ids 1..count, the last saved a second before `now`."""
    for n in range(count):
        digest, paragraphs = compose(n, sources, rng)
        chats = (chat_of(rng),)
        if rng.random() < SHARED_SHARE:
            chats += (rng.choice([chat for chat in ORDINARY_CHATS if chat != chats[0]]),)
        saved_at = now - (count - n)
        yield Planned(n + 1, to_row(digest, fetched_at=saved_at), chats, saved_at,
                      tuple(dict.fromkeys(cache_keys(digest, source_url=digest.url, source_text=None))),
                      tuple(paragraphs))


def batches(items: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def progress(done: int, total: int, started: float) -> None:
    if done % 50_000 < BATCH or done == total:
        took = time.perf_counter() - started
        print(f"  {done:>9,} of {total:,} written, {done / took:,.0f} digests/s", flush=True)


def fill_sqlite(path: Path, planned: Iterable[Planned], total: int) -> None:
    """Rows as storage.sqlite.store writes them (chat tokens and shard bits included), synchronous=OFF while filling."""
    columns = ", ".join(ROW_COLUMNS)
    marks = ", ".join("?" for _ in range(len(ROW_COLUMNS) + 3))
    started, done = time.perf_counter(), 0
    with closing(sqlite3.connect(path, isolation_level=None)) as db:
        db.execute("PRAGMA synchronous = OFF")
        for batch in batches(planned):
            db.execute("BEGIN")
            db.executemany(f"INSERT INTO digests(id, {columns}, chats, shards) VALUES ({marks})",
                           [(item.digest_id, *item.row.values(), " ".join(chat_token(chat) for chat in item.chats),
                             sum({1 << shard_of(chat) for chat in item.chats})) for item in batch])
            db.executemany("INSERT INTO aliases(key, digest_id) VALUES (?, ?)",
                           [(key, item.digest_id) for item in batch for key in item.keys])
            db.executemany("INSERT INTO history(chat_id, digest_id, first_saved_at, saved_at) VALUES (?, ?, ?, ?)",
                           [(chat, item.digest_id, item.saved_at, item.saved_at) for item in batch
                            for chat in item.chats])
            db.executemany("INSERT INTO messages(chat_id, message_id, digest_id) VALUES (?, ?, ?)",
                           [(item.chats[0], item.digest_id, item.digest_id) for item in batch])
            db.execute("COMMIT")
            done += len(batch)
            progress(done, total, started)
        db.execute("PRAGMA optimize")


class Vectors:
    """PostgreSQL's `search` and `site_search` literals, built from parts tokenised once: each paragraph's
    words, each body at each start position, each site. The title, summary, quotes and site literal and
    the body's are joined as two runs of lexemes, which tsvector input merges (positions sorted, at most
    256 a lexeme, as the store's literal has them); `check` compares the first ones with the store's."""

    def __init__(self) -> None:
        self._paragraphs: dict[str, list[str]] = {}
        self._bodies: dict[tuple[tuple[str, ...], int], str] = {}
        self._sites: dict[str, str] = {}

    def of(self, item: Planned) -> tuple[str, str]:
        row = item.row
        head = tokenised([row.title, row.summary, row.quotes, row.site])
        starts = column_starts(head, len(USER_COLUMNS))
        key = (item.paragraphs, starts[BODY])
        body = self._bodies.get(key)
        if body is None:
            body = self._bodies[key] = vector_literal(self._body_words(item.paragraphs), starts, COLUMN_WEIGHTS)
        site = self._sites.get(row.site)
        if site is None:
            site = self._sites[row.site] = tsvector_literal([row.site], ("A",))
        return f"{vector_literal(head, starts, COLUMN_WEIGHTS)} {body}", site

    def _body_words(self, paragraphs: tuple[str, ...]) -> list[tuple[str, int, int]]:
        found: list[tuple[str, int, int]] = []
        for paragraph in paragraphs:
            cut = self._paragraphs.get(paragraph)
            if cut is None:
                cut = self._paragraphs[paragraph] = words(paragraph)
            found += [(word, BODY, len(found) + i) for i, word in enumerate(cut)]
        return found

    @staticmethod
    async def check(db: asyncpg.Connection, item: Planned, search: str) -> None:
        row = item.row
        whole = tsvector_literal([row.title, row.summary, row.quotes, row.site, row.body])
        if not await db.fetchval("SELECT $1::tsvector = $2::tsvector", search, whole):
            raise AssertionError(f"digest {item.digest_id}: the bulk tsvector differs from the store's")


async def fill_pg(store: PgStore, planned: Iterable[Planned], total: int) -> None:
    """Rows as storage.postgres.store writes them (vectors and `chats` included), the GIN indexes dropped while
    filling and built again from their own definitions, then the id sequence moved on."""
    columns = ", ".join(ROW_COLUMNS)
    count = len(ROW_COLUMNS)
    values = ", ".join(f"${i}" for i in range(2, count + 2))
    vectors = Vectors()
    started, done = time.perf_counter(), 0
    async with store._pool.acquire() as db:
        indexes = [row[0] for row in await db.fetch(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'digests' AND schemaname = current_schema()"
            " AND indexdef LIKE '%USING gin%'")]
        await db.execute("SET maintenance_work_mem = '512MB'")
        for name in await db.fetch("SELECT indexname FROM pg_indexes WHERE tablename = 'digests'"
                                   " AND schemaname = current_schema() AND indexdef LIKE '%USING gin%'"):
            await db.execute(f"DROP INDEX {name[0]}")  # built again below: once at the end is far faster
        for batch in batches(planned):
            rows = [(item.digest_id, *item.row.values(), *vectors.of(item), list(item.chats)) for item in batch]
            for item, row in zip(batch[:CHECKED] if done == 0 else [], rows):
                await vectors.check(db, item, row[-3])
            async with db.transaction():
                await db.executemany(
                    f"INSERT INTO digests(id, {columns}, search, site_search, chats) VALUES ($1, {values},"
                    f" ${count + 2}::tsvector, ${count + 3}::tsvector, ${count + 4}::bigint[])", rows)
                await db.executemany("INSERT INTO aliases(key, digest_id) VALUES ($1, $2)",
                                     [(key, item.digest_id) for item in batch for key in item.keys])
                await db.executemany(
                    "INSERT INTO history(chat_id, digest_id, first_saved_at, saved_at) VALUES ($1, $2, $3, $3)",
                    [(chat, item.digest_id, item.saved_at) for item in batch for chat in item.chats])
                await db.executemany("INSERT INTO messages(chat_id, message_id, digest_id) VALUES ($1, $2, $2)",
                                     [(item.chats[0], item.digest_id) for item in batch])
            done += len(batch)
            progress(done, total, started)
        started = time.perf_counter()
        for definition in indexes:
            await db.execute(definition, timeout=INDEX_TIMEOUT_SECONDS)
        print(f"  GIN indexes built again in {time.perf_counter() - started:,.0f} s", flush=True)
        await db.execute("SELECT setval(pg_get_serial_sequence('digests', 'id'), (SELECT max(id) FROM digests))")
