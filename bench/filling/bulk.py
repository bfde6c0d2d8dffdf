"""Filling bench.storage's stores in bulk: a million saves one at a time would take hours.

Each store is first opened (so created and migrated) by its own code; then the rows a save would
write go in directly, BATCH digests a transaction, through the same tables, triggers and indexes:
SQLite's insert triggers fill its FTS5 shards as on a save; PostgreSQL assembles the `search` vector the
store would write (storage.postgres.tokens) itself, from each column's and each source paragraph's vector
sent once (see `Vectors`). Sample digests' vectors are compared in PostgreSQL with `tsvector_literal` of
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
from storage.postgres.tokens import (COLUMN_GAP, COLUMN_WEIGHTS, MAX_POSITION, quote_lexeme, tsvector_literal,
                                     vector_literal, words)
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
    """PostgreSQL's `search` vector assembled by the server from parts tokenised once in Python.

    A part is one column's text (title, summary, quotes, site) or one source paragraph of a body, as a
    tsvector with its column's weight and positions from 1, sent once into a temporary table. A digest
    sends only its parts' ids; the server concatenates their vectors in order (`tsvector || tsvector`
    moves the right one's positions past the left one's last, clamps them at 16,383 and keeps 256 a
    lexeme, as the store's literal does) and deletes PAD. Each part holds PAD at the position after its
    words where the next part starts: COLUMN_GAP on for a column, none between a body's paragraphs
    (a body is its paragraphs joined by blank lines, and no word spans two), so the positions are the
    store's. `check` compares the result with `tsvector_literal` of the whole text (the first CHECKED
    digests, then one a batch). Python building each digest's literal ran at about 80 digests/s."""

    PAD = " "  # a lexeme no FTS5 word can be: it marks where the next part starts, then goes
    SETUP = (
        "CREATE TEMPORARY TABLE bulk_parts (id INTEGER PRIMARY KEY, vector TSVECTOR NOT NULL)",
        "CREATE AGGREGATE pg_temp.tsvector_cat(tsvector) (sfunc = tsvector_concat, stype = tsvector, initcond = '')",
    )
    SEARCH = ("(SELECT ts_delete(pg_temp.tsvector_cat(p.vector ORDER BY o.n), '{pad}')"
              " FROM unnest(({ids})::integer[]) WITH ORDINALITY AS o(id, n) JOIN bulk_parts AS p ON p.id = o.id)")

    def __init__(self) -> None:
        self._parts: dict[tuple[str, str, int], int] = {}
        self._new: list[tuple[int, str]] = []
        self._sites: dict[str, str] = {}

    def of(self, item: Planned) -> tuple[list[int], str]:
        """The ids of the digest's parts, in position order, and its `site_search` literal."""
        row = item.row
        head = [self._part(text, weight, COLUMN_GAP)
                for text, weight in zip((row.title, row.summary, row.quotes, row.site), COLUMN_WEIGHTS)]
        site = self._sites.get(row.site)
        if site is None:
            site = self._sites[row.site] = tsvector_literal([row.site], ("A",))
        return head + [self._part(paragraph, COLUMN_WEIGHTS[BODY], 0) for paragraph in item.paragraphs], site

    def _part(self, text: str, weight: str, gap: int) -> int:
        key = (text, weight, gap)
        found = self._parts.get(key)
        if found is None:
            found = self._parts[key] = len(self._parts) + 1
            cut = [(word, 0, i) for i, word in enumerate(words(text))]
            end = len(cut) + gap
            pad = f"{quote_lexeme(self.PAD)}:{min(end, MAX_POSITION)}" if end else ""
            self._new.append((found, f"{vector_literal(cut, [1], (weight,))} {pad}"))
        return found

    async def send_new(self, db: asyncpg.Connection) -> None:
        """The parts first seen since the last call, into the server's table."""
        if self._new:
            await db.executemany("INSERT INTO bulk_parts(id, vector) VALUES ($1, $2::tsvector)", self._new)
            self._new.clear()

    @staticmethod
    async def check(db: asyncpg.Connection, item: Planned) -> None:
        row = item.row
        whole = tsvector_literal([row.title, row.summary, row.quotes, row.site, row.body])
        if not await db.fetchval("SELECT search = $2::tsvector FROM digests WHERE id = $1", item.digest_id, whole):
            raise AssertionError(f"digest {item.digest_id}: the bulk tsvector differs from the store's")


async def fill_pg(store: PgStore, planned: Iterable[Planned], total: int) -> None:
    """Rows as storage.postgres.store writes them (vectors included; history's trigger writes chat_search), the
    GIN (and RUM) indexes dropped while filling and built again from their own definitions, then the id sequence moved on."""
    columns = ", ".join(ROW_COLUMNS)
    count = len(ROW_COLUMNS)
    values = ", ".join(f"${i}" for i in range(2, count + 2))
    vectors = Vectors()
    started, done = time.perf_counter(), 0
    async with store._pool.acquire() as db:
        gin = ("FROM pg_indexes WHERE tablename IN ('digests', 'chat_search') AND schemaname = current_schema()"
               " AND (indexdef LIKE '%USING gin%' OR indexdef LIKE '%USING rum%')")
        indexes = [row[0] for row in await db.fetch(f"SELECT indexdef {gin}")]
        await db.execute("SET maintenance_work_mem = '512MB'")
        for name in await db.fetch(f"SELECT indexname {gin}"):
            await db.execute(f"DROP INDEX {name[0]}")  # built again below: once at the end is far faster
        for statement in Vectors.SETUP:
            await db.execute(statement)
        for batch in batches(planned):
            rows = [(item.digest_id, *item.row.values(), *vectors.of(item)) for item in batch]
            await vectors.send_new(db)
            async with db.transaction():
                await db.executemany(
                    f"INSERT INTO digests(id, {columns}, search, site_search) SELECT $1, {values},"
                    f" {Vectors.SEARCH.format(pad=Vectors.PAD, ids=f'${count + 2}')},"
                    f" ${count + 3}::tsvector", rows)
                await db.executemany("INSERT INTO aliases(key, digest_id) VALUES ($1, $2)",
                                     [(key, item.digest_id) for item in batch for key in item.keys])
                await db.executemany(
                    "INSERT INTO history(chat_id, digest_id, first_saved_at, saved_at) VALUES ($1, $2, $3, $3)",
                    [(chat, item.digest_id, item.saved_at) for item in batch for chat in item.chats])
                await db.executemany("INSERT INTO messages(chat_id, message_id, digest_id) VALUES ($1, $2, $2)",
                                     [(item.chats[0], item.digest_id) for item in batch])
            for item in batch[:CHECKED] if done == 0 else batch[-1:]:
                await vectors.check(db, item)
            done += len(batch)
            progress(done, total, started)
        started = time.perf_counter()
        for definition in indexes:
            await db.execute(definition, timeout=INDEX_TIMEOUT_SECONDS)
        print(f"  GIN and RUM indexes built again in {time.perf_counter() - started:,.0f} s", flush=True)
        await db.execute("SELECT setval(pg_get_serial_sequence('digests', 'id'), (SELECT max(id) FROM digests))")
