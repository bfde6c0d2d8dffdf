"""The PostgreSQL store (asyncpg): the same cache, history, search, forget and export as the SQLite
`Store`, for several bot instances sharing one server.

Every write is one transaction on a pooled connection. Saves that touch the same cache keys
are serialised by transaction-level advisory locks on the keys (taken in sorted order, so two
saves never deadlock), which is what SQLite's single writer gave for free: two instances
saving one article at once end with one row. A lost connection is `StoreUnavailableError`
(the user's sentence), reads are tried once more on a fresh connection first, and the pool
replaces dead connections by itself, so the bot carries on when the server is back.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import datetime, timezone
from typing import TypeVar

import asyncpg

from digest.model import Digest
from storage.base import ExportFormat, SearchHit, SearchPage, StoreUnavailableError
from storage.chat_settings import DEFAULT_CHAT_SETTINGS, ChatSettings
from storage.export import ExportedDigest, export_as
from storage.keys import query_id
from storage.postgres.schema import WORDS_INDEX_SQL, migrate
from storage.postgres.search import SEARCH_SETTINGS, PgSearch, count_sql, is_ranked, older_sql, search_sql
from storage.query import parse_query
from storage.rows import ROW_COLUMNS, DigestRow, from_row, to_row
from storage.served import ServedCache
from storage.window import RANK_WINDOW, WINDOW_START_SQL
from storage.sqlite.schema import USER_COLUMNS
from storage.sqlite.store import (MAX_LIMIT, MAX_OFFSET, SAVED_QUERY_DAYS, SECONDS_PER_DAY, SQLITE_INT,
                           cache_keys, plain_snippet)
from storage.postgres.tokens import snippet, tsvector_literal

T = TypeVar("T")
DEFAULT_POOL_SIZE = 10
DEFAULT_TIMEOUT_SECONDS = 10.0
# What a dead or unreachable server looks like through asyncpg. InternalClientError ("cannot switch to
# state 12; another operation is in progress") is a pooled connection left mid-operation when the server
# went away under it: the retry on a fresh connection is the cure.
CONNECTION_ERRORS = (OSError, asyncpg.PostgresConnectionError, asyncpg.InterfaceError,
                     asyncpg.exceptions.CannotConnectNowError, asyncpg.exceptions.AdminShutdownError,
                     asyncpg.exceptions.InternalClientError, TimeoutError)
_COLUMNS = ", ".join(ROW_COLUMNS)
_VALUES = ", ".join(f"${i}" for i in range(1, len(ROW_COLUMNS) + 1))
_ASSIGN = ", ".join(f"{column} = ${i}" for i, column in enumerate(ROW_COLUMNS, start=1))
_N = len(ROW_COLUMNS)
_DIGEST = "d.title, d.summary, d.body, d.record"


class PgStore(ServedCache):
    """PostgreSQL (asyncpg) implementation of `storage.base.DigestStore`."""

    rank_window = RANK_WINDOW  # how many of a chat's newest digests search ranks (storage.window)

    def __init__(self, pool: asyncpg.Pool, *, cache_max_age_days: float, clock: Callable[[], float],
                 positions: bool = False) -> None:
        self._pool = pool
        self._positions = positions  # chat_search's words index keeps positions (RUM, schema step 6)
        self._max_age = cache_max_age_days * SECONDS_PER_DAY
        self._clock = clock
        super().__init__()
        self._closed = False

    @classmethod
    async def open(cls, dsn: str, *, cache_max_age_days: float = 30, clock: Callable[[], float] = time.time,
                   pool_size: int = DEFAULT_POOL_SIZE, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> PgStore:
        """Connect (raising StoreUnavailableError when the server cannot be reached) and migrate."""
        try:
            pool = await asyncpg.create_pool(dsn, min_size=1, max_size=max(1, pool_size), timeout=timeout,
                                             command_timeout=timeout)
        except CONNECTION_ERRORS as error:
            raise StoreUnavailableError.because(error) from error
        try:
            async with pool.acquire() as db:
                await migrate(db)
                index = await db.fetchval(WORDS_INDEX_SQL)
        except BaseException:
            await pool.close()
            raise
        return cls(pool, cache_max_age_days=cache_max_age_days, clock=clock, positions=index == "rum")

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        await self._pool.close()

    # The cache -----------------------------------------------------------------------------

    async def _cached(self, key: str) -> Digest | None:
        row = await self._read(lambda db: db.fetchrow(
            f"SELECT d.id, {_DIGEST} FROM aliases AS a JOIN digests AS d ON d.id = a.digest_id"
            " WHERE a.key = $1 AND d.fetched_at >= $2", key, self._clock() - self._max_age))
        if row is None:
            return None
        digest = from_row(*row[1:])
        self._remember_served(digest, row[0])
        return digest

    # Saving --------------------------------------------------------------------------------

    async def save(self, digest: Digest, *, chat_id: int, source_url: str | None = None,
                   source_text: str | None = None, message_id: int | None = None) -> int:
        """Keep the digest and add it to the chat's history; returns its id (see storage.sqlite.store.Store.save)."""
        keys = list(dict.fromkeys(cache_keys(digest, source_url=source_url, source_text=source_text)))
        served = self.served_id(digest)
        now = self._clock()
        row = to_row(digest, fetched_at=now)
        if message_id is not None and message_id not in SQLITE_INT:
            raise OverflowError(f"message id {message_id} does not fit in 64 bits")

        async def write(db: asyncpg.Connection) -> int:
            for key in sorted(keys):
                await db.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", key)
            target = None
            if served is not None:
                target = await db.fetchval("SELECT id FROM digests WHERE id = $1", served)
            if target is not None:
                await _add_to_history(db, chat_id, target, now)
            else:
                target = await _write_digest(db, row, keys, chat_id=chat_id, now=now)
            await db.executemany(
                "INSERT INTO aliases(key, digest_id) VALUES ($1, $2)"
                " ON CONFLICT (key) DO UPDATE SET digest_id = excluded.digest_id",
                [(key, target) for key in keys])
            if message_id is not None:
                await db.execute(
                    "INSERT INTO messages(chat_id, message_id, digest_id) VALUES ($1, $2, $3)"
                    " ON CONFLICT (chat_id, message_id) DO UPDATE SET digest_id = excluded.digest_id",
                    chat_id, message_id, target)
            return int(target)

        return await self._write(write)

    # Reading a chat ------------------------------------------------------------------------

    async def search(self, chat_id: int, query: str, *, limit: int = 5, offset: int = 0) -> SearchPage:
        """This chat's digests matching `query` (see storage.query), best first."""
        parsed = parse_query(query)
        limit = max(1, min(limit, MAX_LIMIT))
        offset = max(0, min(offset, MAX_OFFSET))
        since = await self._window_start(chat_id) if is_ranked(parsed) else 0
        plan = search_sql(parsed, chat_id=chat_id, limit=limit, offset=offset, since=since, positions=self._positions)
        if since:  # the count past the window scans the index again: beside the page, not after it
            count = count_sql(parsed, chat_id=chat_id, positions=self._positions)
            counted, total = await asyncio.gather(self._read(lambda db: _fetch_search(db, plan)),
                                                  self._read(lambda db: _fetch_count(db, count)))
            total = max(total, counted[0]["ranked"])  # two snapshots: a digest saved between is in one only
        else:
            counted = await self._read(lambda db: _fetch_search(db, plan))
            total = counted[0]["total"]
        ranked = counted[0]["ranked"]
        rows = [row for row in counted if row[0] is not None]
        if len(rows) < limit and offset + len(rows) < total:  # the page goes on into the older matches
            older = older_sql(parsed, chat_id=chat_id, before=since, limit=limit - len(rows),
                              offset=max(0, offset - ranked), positions=self._positions)
            rows += await self._read(lambda db: _fetch_search(db, older))
        words = parsed.words_match()
        hits = [_with_snippet(hit, columns, words) for hit, columns in _hits(rows)]
        return SearchPage(hits=tuple(hits), total=total, offset=offset, limit=limit)

    async def _window_start(self, chat_id: int) -> int:
        """The oldest digest id search ranks in this chat (storage.window); 0 when it holds at most rank_window."""
        start = await self._read(lambda db: db.fetchval(
            WINDOW_START_SQL.format(chat="$1", offset="$2"), chat_id, self.rank_window - 1))
        return int(start or 0)

    async def recent(self, chat_id: int, *, limit: int = 10) -> list[SearchHit]:
        """The chat's most recently saved digests, newest first."""
        rows = await self._read(lambda db: db.fetch(
            f"SELECT h.digest_id, h.saved_at, {_DIGEST} FROM history AS h JOIN digests AS d ON d.id = h.digest_id"
            " WHERE h.chat_id = $1 ORDER BY h.saved_at DESC, h.digest_id DESC LIMIT $2",
            chat_id, max(1, min(limit, MAX_LIMIT))))
        return [hit for hit, _ in _hits(rows)]

    async def get(self, chat_id: int, digest_id: int) -> Digest | None:
        """The digest, if this chat holds it."""
        if digest_id not in SQLITE_INT or chat_id not in SQLITE_INT:
            return None
        row = await self._read(lambda db: db.fetchrow(
            f"SELECT {_DIGEST} FROM history AS h JOIN digests AS d ON d.id = h.digest_id"
            " WHERE h.chat_id = $1 AND h.digest_id = $2", chat_id, digest_id))
        return from_row(*row) if row else None

    async def digest_for_message(self, chat_id: int, message_id: int) -> tuple[int, Digest] | None:
        """The digest a message in this chat showed."""
        if message_id not in SQLITE_INT or chat_id not in SQLITE_INT:
            return None
        row = await self._read(lambda db: db.fetchrow(
            f"SELECT d.id, {_DIGEST} FROM messages AS m JOIN digests AS d ON d.id = m.digest_id"
            " WHERE m.chat_id = $1 AND m.message_id = $2", chat_id, message_id))
        return (row[0], from_row(*row[1:])) if row else None

    # Saved searches ------------------------------------------------------------------------

    async def save_query(self, query: str) -> str:
        """Keep a search under a short id for its paging buttons (any instance can read it); returns the id."""
        key, now = query_id(query), self._clock()

        async def write(db: asyncpg.Connection) -> None:
            await db.execute("INSERT INTO saved_queries(id, query, used_at) VALUES ($1, $2, $3)"
                             " ON CONFLICT (id) DO UPDATE SET query = excluded.query, used_at = excluded.used_at",
                             key, query, now)
            await db.execute("DELETE FROM saved_queries WHERE used_at < $1", now - SAVED_QUERY_DAYS * SECONDS_PER_DAY)

        await self._write(write)
        return key

    async def saved_query(self, key: str) -> str | None:
        """The search saved under `key`, or None."""
        return await self._read(lambda db: db.fetchval("SELECT query FROM saved_queries WHERE id = $1", key))

    # Privacy -------------------------------------------------------------------------------

    async def forget_chat(self, chat_id: int) -> int:
        """Remove the chat's history, messages and search rows (chat_search goes with history), and every
        digest no other chat holds (row and cache keys). Returns how many digests the chat held."""
        async def write(db: asyncpg.Connection) -> int:
            held = [row[0] for row in await db.fetch(
                "DELETE FROM history WHERE chat_id = $1 RETURNING digest_id", chat_id)]
            await db.execute(
                "DELETE FROM digests AS d WHERE d.id = ANY($1::bigint[])"
                " AND NOT EXISTS (SELECT 1 FROM history AS h WHERE h.digest_id = d.id)", held)
            return len(held)

        return await self._write(write)

    async def compact(self) -> None:
        """Maintenance: VACUUM reclaims the space of deleted rows and index entries."""
        await self._read(lambda db: db.execute("VACUUM digests, chat_search"))

    async def export_chat(self, chat_id: int, fmt: ExportFormat) -> str:
        """Every digest of the chat, oldest first, as JSON or Markdown (storage.export)."""
        rows = await self._read(lambda db: db.fetch(
            f"SELECT d.id, h.first_saved_at, h.saved_at, {_DIGEST}"
            " FROM history AS h JOIN digests AS d ON d.id = h.digest_id WHERE h.chat_id = $1"
            " ORDER BY h.first_saved_at, d.id", chat_id))
        items = [ExportedDigest(digest_id=row[0], first_saved_at=_utc(row[1]), saved_at=_utc(row[2]),
                                digest=from_row(*row[3:])) for row in rows]
        return export_as(chat_id, items, fmt)

    # Chat settings -------------------------------------------------------------------------

    async def get_chat_settings(self, chat_id: int) -> ChatSettings:
        """The chat's /settings, or the defaults when it never changed them."""
        row = await self._read(lambda db: db.fetchrow(
            "SELECT language, summary, quotes, previews FROM chat_settings WHERE chat_id = $1", chat_id))
        if row is None:
            return DEFAULT_CHAT_SETTINGS
        return ChatSettings(language=row[0], summary=row[1], quotes=row[2], previews=row[3])

    async def set_chat_settings(self, chat_id: int, settings: ChatSettings) -> None:
        """Keep the chat's choices (forgetting the history keeps them: they are not history)."""
        await self._write(lambda db: db.execute(
            "INSERT INTO chat_settings (chat_id, language, summary, quotes, previews) VALUES ($1, $2, $3, $4, $5)"
            " ON CONFLICT (chat_id) DO UPDATE SET language = excluded.language, summary = excluded.summary,"
            " quotes = excluded.quotes, previews = excluded.previews",
            chat_id, settings.language, settings.summary, settings.quotes, settings.previews))

    # Connections ---------------------------------------------------------------------------

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[asyncpg.Connection]:
        """A pooled connection inside one transaction; a lost server is StoreUnavailableError."""
        try:
            async with self._pool.acquire() as db, db.transaction():
                yield db
        except CONNECTION_ERRORS as error:
            await self._pool.expire_connections()
            raise StoreUnavailableError.because(error) from error

    async def _read(self, work: Callable[[asyncpg.Connection], Awaitable[T]]) -> T:
        """Run a read; after a connection error, once more on a fresh connection (the server may be back:
        the pool's other connections died with the old one and are replaced)."""
        return await self._retrying(work, in_transaction=False)

    async def _write(self, work: Callable[[asyncpg.Connection], Awaitable[T]]) -> T:
        """Run a write in one transaction, tried twice like a read. Every write here is idempotent (upserts
        by key, deletes), so a second run after a commit whose answer was lost changes nothing."""
        return await self._retrying(work, in_transaction=True)

    async def _retrying(self, work: Callable[[asyncpg.Connection], Awaitable[T]], *, in_transaction: bool) -> T:
        for attempt in (1, 2):
            try:
                async with self._pool.acquire() as db:
                    if not in_transaction:
                        return await work(db)
                    async with db.transaction():
                        return await work(db)
            except CONNECTION_ERRORS as error:
                await self._pool.expire_connections()
                if attempt == 2:
                    raise StoreUnavailableError.because(error) from error
        raise AssertionError("unreachable")


async def _fetch_search(db: asyncpg.Connection, plan: PgSearch) -> list[asyncpg.Record]:
    """Run a search with bitmap scans only (storage.postgres.search.SEARCH_SETTINGS), in a transaction of its own."""
    async with db.transaction(readonly=True):
        await db.execute(SEARCH_SETTINGS)
        return list(await db.fetch(plan.sql, *plan.params))


async def _fetch_count(db: asyncpg.Connection, plan: PgSearch) -> int:
    """A search's count (storage.postgres.search.count_sql), with the same settings as the search."""
    async with db.transaction(readonly=True):
        await db.execute(SEARCH_SETTINGS)
        return int(await db.fetchval(plan.sql, *plan.params))


def _hits(found: Sequence[asyncpg.Record]) -> list[tuple[SearchHit, asyncpg.Record]]:
    """Rows of (digest id, saved_at, ...) with the digest's columns by name, as hits each with its row (for
    snippets): the page comes in the same round trip as its ids."""
    hits = []
    for row in found:
        digest = from_row(row["title"], row["summary"], row["body"], row["record"])
        hits.append((SearchHit(digest_id=row[0], digest=digest, snippet=plain_snippet(digest.summary),
                               saved_at=_utc(row[1])), row))
    return hits


def _with_snippet(hit: SearchHit, columns: asyncpg.Record, words: str | None) -> SearchHit:
    """The hit with its words marked in the best window of its searched columns (storage.postgres.tokens.snippet)."""
    marked = snippet([columns[name] for name in USER_COLUMNS], words) if words else None
    if marked is None:
        return hit
    return SearchHit(digest_id=hit.digest_id, digest=hit.digest, snippet=marked, saved_at=hit.saved_at)


async def _write_digest(db: asyncpg.Connection, row: DigestRow, keys: Sequence[str], *, chat_id: int,
                        now: float) -> int:
    """Insert the digest, or replace the row its keys already point at (merging rows they split across)."""
    vectors = (tsvector_literal([row.title, row.summary, row.quotes, row.site, row.body]),
               tsvector_literal([row.site], ("A",)))
    found = {key: digest_id for key, digest_id in await db.fetch(
        "SELECT key, digest_id FROM aliases WHERE key = ANY($1::text[])", list(keys))}
    holders = list(dict.fromkeys(found[key] for key in keys if key in found))
    if not holders:  # the history row's trigger then writes its chat_search row (storage.postgres.schema, step 5)
        target = await db.fetchval(
            f"INSERT INTO digests({_COLUMNS}, search, site_search) VALUES ({_VALUES}, ${_N + 1}::tsvector,"
            f" ${_N + 2}::tsvector) RETURNING id", *row.values(), *vectors)
        await _add_to_history(db, chat_id, target, now)
        return int(target)
    target, *others = holders
    for other in others:
        await _merge(db, other, into=target)
    await _add_to_history(db, chat_id, target, now)
    await db.execute(
        f"UPDATE digests SET {_ASSIGN}, search = ${_N + 1}::tsvector, site_search = ${_N + 2}::tsvector"
        f" WHERE id = ${_N + 3}", *row.values(), *vectors, target)
    return int(target)


async def _add_to_history(db: asyncpg.Connection, chat_id: int, digest_id: int, now: float) -> None:
    await db.execute(
        "INSERT INTO history(chat_id, digest_id, first_saved_at, saved_at) VALUES ($1, $2, $3, $3)"
        " ON CONFLICT (chat_id, digest_id) DO UPDATE SET saved_at = excluded.saved_at", chat_id, digest_id, now)


async def _merge(db: asyncpg.Connection, source: int, *, into: int) -> None:
    """Move one digest's history, messages and keys onto another, then delete it."""
    await db.execute(
        "INSERT INTO history(chat_id, digest_id, first_saved_at, saved_at)"
        " SELECT chat_id, $1, first_saved_at, saved_at FROM history WHERE digest_id = $2"
        " ON CONFLICT (chat_id, digest_id) DO UPDATE SET"
        " first_saved_at = least(history.first_saved_at, excluded.first_saved_at),"
        " saved_at = greatest(history.saved_at, excluded.saved_at)", into, source)
    await db.execute("UPDATE messages SET digest_id = $1 WHERE digest_id = $2", into, source)
    await db.execute("UPDATE aliases SET digest_id = $1 WHERE digest_id = $2", into, source)
    await db.execute("DELETE FROM digests WHERE id = $1", source)


def _utc(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, timezone.utc)

