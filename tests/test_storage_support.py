"""Shared helpers of the storage tests (no tests here): real files in tmp_path or a real PostgreSQL
database, a clock the test moves, and a look inside each backend from outside its store."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import asyncpg

from digest.model import Digest, Quote
from storage import DigestStore, Store
from storage.postgres.schema import WORDS_INDEX_SQL
from storage.postgres.store import PgStore
from storage.postgres.tokens import quote_lexeme, tsvector_literal, words
from storage.sqlite.schema import SHARDS, fts_table

START = 1_700_000_000.0  # 2023-11-14, a fixed "now" so expiry tests need no sleeping


@dataclass
class Clock:
    """Seconds since the epoch, moved by the test."""

    now: float = START

    def __call__(self) -> float:
        return self.now

    def advance(self, *, days: float) -> None:
        self.now += days * 86_400


def make_digest(title: str = "Harbour reopens after storm", *, body: str | None = None, summary: str | None = None,
                url: str | None = "https://coast.example/news/harbour", site: str | None = "Coast News",
                published: datetime | date | None = date(2022, 4, 5),
                quotes: tuple[Quote, ...] = (Quote(text="We expect the harbour to be back to normal", speaker="Maria Lopez"),),
                ) -> Digest:
    body = body or f"{title}. The harbour reopened on Tuesday after a week of repairs to the sea wall.\n\nFishing boats returned."
    return Digest(title=title, summary=summary or body.split("\n\n")[0], body=body, url=url, site=site,
                  published=published, quotes=quotes, language="en", place="VIGO", byline="Ana Diaz")


def integrity(path: Path) -> tuple[str, str]:
    """SQLite's own integrity check and every shard's FTS5 index check, on a fresh connection."""
    with closing(sqlite3.connect(path)) as db:
        sqlite_ok = db.execute("PRAGMA integrity_check").fetchone()[0]
        fts_ok = "ok"
        for shard in range(SHARDS):
            table = fts_table(shard)
            try:
                db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
            except sqlite3.DatabaseError as exc:
                fts_ok = f"{table}: {exc}"
    return sqlite_ok, fts_ok


def indexed(db: sqlite3.Connection, match: str) -> int:
    """How many index rows, over all shards, match an FTS5 expression."""
    return sum(db.execute(f"SELECT count(*) FROM {fts_table(shard)} WHERE {fts_table(shard)} MATCH ?",
                          (match,)).fetchone()[0] for shard in range(SHARDS))


class Backend:
    """One store backend under test: how to open its store, and how to look inside it from outside."""

    name = ""

    async def open(self, **options: Any) -> DigestStore:
        raise NotImplementedError

    async def integrity(self) -> tuple[str, str]:
        """("ok", "ok") when the database and its search index are sound."""
        raise NotImplementedError

    async def indexed(self, word: str) -> int:
        """How many digests, whatever chat holds them, the search index finds for a word."""
        raise NotImplementedError

    async def digests_titled(self, prefix: str) -> int:
        """How many digest rows have a title starting with `prefix` and a space."""
        raise NotImplementedError

    async def count(self, table: str) -> int:
        """How many rows a table holds."""
        raise NotImplementedError


class SqliteBackend(Backend):
    name = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = path

    async def open(self, **options: Any) -> DigestStore:
        return await Store.open(self.path, **options)

    async def integrity(self) -> tuple[str, str]:
        return integrity(self.path)

    async def indexed(self, word: str) -> int:
        with closing(sqlite3.connect(self.path)) as db:
            return indexed(db, word)

    async def digests_titled(self, prefix: str) -> int:
        with closing(sqlite3.connect(self.path)) as db:
            return int(db.execute("SELECT count(*) FROM digests WHERE title LIKE ?", (prefix + " %",)).fetchone()[0])

    async def count(self, table: str) -> int:
        with closing(sqlite3.connect(self.path)) as db:
            return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


class PgBackend(Backend):
    name = "postgresql"

    def __init__(self, dsn: str, *, store_dsn: str | None = None) -> None:
        self.dsn = dsn  # for looking inside, as the superuser
        self.store_dsn = store_dsn or dsn  # the store's own, when it connects as a role of its own

    async def open(self, **options: Any) -> DigestStore:
        options.pop("synchronous_full", None)  # SQLite's durability knob; PostgreSQL has its own
        return await PgStore.open(self.store_dsn, **options)

    async def words_index(self) -> str:
        """The access method of chat_search's words index: 'rum' or 'gin' (schema step 6)."""
        rows = await self._fetch(WORDS_INDEX_SQL)
        return str(rows[0][0])

    async def _fetch(self, sql: str, *args: Any) -> list[asyncpg.Record]:
        connection = await asyncpg.connect(self.dsn)
        try:
            return list(await connection.fetch(sql, *args))
        finally:
            await connection.close()

    async def plan_indexes(self, settings: str, sql: str, *args: Any) -> set[str]:
        """The indexes PostgreSQL's plan for `sql` reads, under a search's `settings`."""
        connection = await asyncpg.connect(self.dsn)
        try:
            async with connection.transaction():
                await connection.execute(settings)
                plan = "\n".join(row[0] for row in await connection.fetch("EXPLAIN " + sql, *args))
        finally:
            await connection.close()
        return set(re.findall(r"Index Scan on (\w+)", plan))

    async def integrity(self) -> tuple[str, str]:
        """B-tree indexes by amcheck; the search columns against the words of each row's text."""
        await self._fetch("CREATE EXTENSION IF NOT EXISTS amcheck SCHEMA public")
        await self._fetch(
            "SELECT public.bt_index_check(c.oid) FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid"
            " JOIN pg_am AS a ON a.oid = c.relam WHERE a.amname = 'btree' AND c.relnamespace = current_schema()::regnamespace")
        rows = await self._fetch("SELECT id, title, summary, quotes, site, body FROM digests")
        wrong = await self._fetch(
            "SELECT u.id FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, v, s)"
            " LEFT JOIN digests AS d ON d.id = u.id"
            " WHERE d.id IS NULL OR d.search <> u.v::tsvector OR d.site_search <> u.s::tsvector",
            [row["id"] for row in rows],
            [tsvector_literal([row["title"], row["summary"], row["quotes"], row["site"], row["body"]]) for row in rows],
            [tsvector_literal([row["site"]], ("A",)) for row in rows])
        if wrong:
            return "ok", f"search columns out of step: {[row[0] for row in wrong]}"
        astray = await self._fetch(
            "SELECT h.chat_id, h.digest_id, s.chat_id FROM history AS h FULL JOIN chat_search AS s"
            " ON s.chat_id = h.chat_id AND s.digest_id = h.digest_id LEFT JOIN digests AS d ON d.id = h.digest_id"
            " WHERE h.chat_id IS NULL OR s.chat_id IS NULL OR s.saved_at <> h.saved_at OR s.dated <> d.dated"
            " OR s.host IS DISTINCT FROM d.host OR s.rank <> d.rank_search OR s.words <> chat_words(h.chat_id, d.search)"
            " OR s.sites <> chat_sites(h.chat_id, d.site_search)")
        return "ok", "ok" if not astray else f"chat_search out of step with history: {[tuple(row) for row in astray]}"

    async def indexed(self, word: str) -> int:
        rows = await self._fetch("SELECT count(*) FROM digests WHERE search @@ $1::tsquery", " <-> ".join(map(quote_lexeme, words(word))))
        return int(rows[0][0])

    async def digests_titled(self, prefix: str) -> int:
        rows = await self._fetch("SELECT count(*) FROM digests WHERE title LIKE $1", prefix + " %")
        return int(rows[0][0])

    async def count(self, table: str) -> int:
        rows = await self._fetch(f"SELECT count(*) FROM {table}")
        return int(rows[0][0])
