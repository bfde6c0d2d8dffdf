"""The SQLite store: the digest cache, each chat's history, full-text search, forget and export.

One writer connection behind an asyncio lock, every write one `BEGIN IMMEDIATE` transaction
(aiosqlite runs one thread per connection, so two tasks sharing a connection could otherwise
commit each other's half-done work); a second, read-only connection serves lookups and
searches, which WAL lets run beside a write. ":memory:" uses the one connection for both.

Durability: WAL, `synchronous=NORMAL` by default (a committed save survives a crash of the
process; FULL also survives power loss), a busy timeout for other processes on the same file.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import aiosqlite

from digest.model import Digest
from storage.base import HIGHLIGHT_END, HIGHLIGHT_START, ExportFormat, SearchHit, SearchPage
from storage.chat_settings import DEFAULT_CHAT_SETTINGS, ChatSettings
from storage.export import ExportedDigest, export_as
from storage.keys import link_key, query_id, text_key
from storage.query import parse_query
from storage.rows import ROW_COLUMNS, from_row, to_row
from storage.served import ServedCache
from storage.sqlite.schema import SHARDS, chat_token, chats_of_sql, fts_table, migrate, shard_of, shards_of_sql
from storage.sqlite.search import search_sql, snippet_sql
from storage.window import RANK_WINDOW

MEMORY = ":memory:"
BUSY_TIMEOUT_MS = 10_000
SECONDS_PER_DAY = 86_400
MAX_LIMIT = 50
MAX_OFFSET = 100_000
SQLITE_INT = range(-(2**63), 2**63)  # what an INTEGER column can hold; ids from users are checked against it
PLAIN_SNIPPET_CHARS = 200
SAVED_QUERY_DAYS = 30  # a results message older than this has stale buttons anyway
# Marks SQLite puts around matches; swapped for HIGHLIGHT_* after any stray HIGHLIGHT_* in the text is dropped.
_MARK_START, _MARK_END = "\ue000", "\ue001"
_ROW_PLACEHOLDERS = ", ".join("?" for _ in ROW_COLUMNS)
_ROW_ASSIGNMENTS = ", ".join(f"{column} = ?" for column in ROW_COLUMNS)
_HOLDERS = f"chats = {chats_of_sql('?')}, shards = {shards_of_sql('?')}"  # from history; binds the id twice


class Store(ServedCache):
    """SQLite (aiosqlite) implementation of `storage.base.DigestStore`."""

    rank_window = RANK_WINDOW  # how many of a chat's newest digests search ranks (storage.window)

    def __init__(self, writer: aiosqlite.Connection, reader: aiosqlite.Connection, *,
                 cache_max_age_days: float, clock: Callable[[], float]) -> None:
        self._writer = writer
        self._reader = reader
        self._shared = reader is writer
        self._lock = asyncio.Lock()
        self._max_age = cache_max_age_days * SECONDS_PER_DAY
        self._clock = clock
        super().__init__()
        self._closed = False

    @classmethod
    async def open(cls, path: Path | str, *, synchronous_full: bool = False, cache_max_age_days: float = 30,
                   clock: Callable[[], float] = time.time) -> Store:
        """Open (creating and migrating as needed) the database at `path`; ":memory:" for a throwaway one."""
        name = str(path)
        if name != MEMORY:
            Path(name).parent.mkdir(parents=True, exist_ok=True)
        writer = await aiosqlite.connect(name, isolation_level=None)
        try:
            await _configure(writer, synchronous_full=synchronous_full)
            if name != MEMORY:
                await writer.execute("PRAGMA journal_mode = WAL")
            await migrate(writer)
            reader = writer
            if name != MEMORY:
                reader = await aiosqlite.connect(name, isolation_level=None)
                await _configure(reader, synchronous_full=synchronous_full)
                await reader.execute("PRAGMA query_only = ON")
        except BaseException:
            await writer.close()
            raise
        return cls(writer, reader, cache_max_age_days=cache_max_age_days, clock=clock)

    async def close(self) -> None:
        """Let SQLite tune its statistics, then close both connections (the WAL is folded back in)."""
        if self._closed:
            return
        self._closed = True
        async with self._lock:
            try:
                await self._writer.execute("PRAGMA optimize")
            finally:
                if not self._shared:
                    await self._reader.close()
                await self._writer.close()

    # The cache -----------------------------------------------------------------------------

    async def _cached(self, key: str) -> Digest | None:
        rows = await self._read(
            "SELECT d.id, d.title, d.summary, d.body, d.record FROM aliases AS a JOIN digests AS d ON d.id = a.digest_id"
            " WHERE a.key = ? AND d.fetched_at >= ?",
            (key, self._clock() - self._max_age),
        )
        if not rows:
            return None
        digest_id, *columns = rows[0]
        digest = from_row(*columns)
        self._remember_served(digest, digest_id)
        return digest

    # Saving --------------------------------------------------------------------------------

    async def save(self, digest: Digest, *, chat_id: int, source_url: str | None = None,
                   source_text: str | None = None, message_id: int | None = None) -> int:
        """Keep the digest and add it to the chat's history; returns its id.

        The source link, the digest's own (canonical) URL and the pasted text's hash all point
        at one row: an article reached again by any of them replaces that row in place (a forced
        refresh, or a new fetch after expiry) and keeps its id. A digest that `cached` served
        is only added to the chat: saving it neither rewrites it nor makes it fresh again.
        """
        keys = list(dict.fromkeys(cache_keys(digest, source_url=source_url, source_text=source_text)))
        served = self.served_id(digest)
        now = self._clock()
        async with self._transaction() as db:
            target = None
            if served is not None:
                target = await _one(db, "SELECT id FROM digests WHERE id = ?", (served,))
            if target is not None:
                if await _add_to_history(db, chat_id, target, now):
                    await _index_chats(db, target)
            else:
                target = await _write_digest(db, digest, keys, chat_id=chat_id, now=now)
            await db.executemany(
                "INSERT INTO aliases(key, digest_id) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET digest_id = excluded.digest_id",
                [(key, target) for key in keys],
            )
            if message_id is not None:
                await db.execute(
                    "INSERT OR REPLACE INTO messages(chat_id, message_id, digest_id) VALUES (?, ?, ?)",
                    (chat_id, message_id, target),
                )
        return target

    # Reading a chat ------------------------------------------------------------------------

    async def search(self, chat_id: int, query: str, *, limit: int = 5, offset: int = 0) -> SearchPage:
        """This chat's digests matching `query` (see storage.query), best first.

        Raises digest.errors.QueryError only for a query with nothing to search for or a bad
        date; any other text is searched and at worst finds nothing.
        """
        parsed = parse_query(query)
        limit = max(1, min(limit, MAX_LIMIT))
        offset = max(0, min(offset, MAX_OFFSET))
        plan = search_sql(parsed, chat_id=chat_id, limit=limit, offset=offset, rank_window=self.rank_window)
        rows = await self._read(plan.sql, plan.params)
        total = rows[0][2] if rows else 0
        if not rows and offset:
            counted = search_sql(parsed, chat_id=chat_id, limit=1, offset=0, rank_window=self.rank_window)
            first = await self._read(counted.sql, counted.params)
            total = first[0][2] if first else 0
        words = parsed.words_match()
        hits = await self._hits([(row[0], row[1]) for row in rows], words=words, shard=shard_of(chat_id))
        return SearchPage(hits=tuple(hits), total=total, offset=offset, limit=limit)

    async def recent(self, chat_id: int, *, limit: int = 10) -> list[SearchHit]:
        """The chat's most recently saved digests, newest first."""
        rows = await self._read(
            "SELECT digest_id, saved_at FROM history WHERE chat_id = ? ORDER BY saved_at DESC, digest_id DESC LIMIT ?",
            (chat_id, max(1, min(limit, MAX_LIMIT))),
        )
        return await self._hits([(row[0], row[1]) for row in rows], words=None)

    async def get(self, chat_id: int, digest_id: int) -> Digest | None:
        """The digest, if this chat holds it (ids are never reused, and other chats' ids say nothing)."""
        if digest_id not in SQLITE_INT:
            return None
        rows = await self._read(
            "SELECT d.title, d.summary, d.body, d.record FROM history AS h JOIN digests AS d ON d.id = h.digest_id"
            " WHERE h.chat_id = ? AND h.digest_id = ?",
            (chat_id, digest_id),
        )
        return from_row(*rows[0]) if rows else None

    async def digest_for_message(self, chat_id: int, message_id: int) -> tuple[int, Digest] | None:
        """The digest a message in this chat showed (for replies such as "refresh this")."""
        if message_id not in SQLITE_INT:
            return None
        rows = await self._read(
            "SELECT d.id, d.title, d.summary, d.body, d.record FROM messages AS m JOIN digests AS d ON d.id = m.digest_id"
            " WHERE m.chat_id = ? AND m.message_id = ?",
            (chat_id, message_id),
        )
        return (rows[0][0], from_row(*rows[0][1:])) if rows else None

    async def _hits(self, found: Sequence[tuple[int, float]], *, words: str | None,
                    shard: int | None = None) -> list[SearchHit]:
        if not found:
            return []
        ids = [digest_id for digest_id, _ in found]
        rows = await self._read(
            f"SELECT id, title, summary, body, record FROM digests WHERE id IN ({', '.join('?' for _ in ids)})", ids,
        )
        digests = {row[0]: from_row(*row[1:]) for row in rows}
        snippets = await self._snippets(ids, words, shard) if words and shard is not None else {}
        return [
            SearchHit(digest_id=digest_id, digest=digests[digest_id],
                      snippet=snippets.get(digest_id) or plain_snippet(digests[digest_id].summary),
                      saved_at=datetime.fromtimestamp(saved_at, timezone.utc))
            for digest_id, saved_at in found
            if digest_id in digests  # else forgotten between the two reads
        ]

    async def _snippets(self, ids: list[int], words: str, shard: int) -> dict[int, str]:
        """Highlighted snippets of a page's hits, in one pass over the index."""
        rows = await self._read(snippet_sql(shard), {"start": _MARK_START, "end": _MARK_END, "words": words,
                                              "low": min(ids), "high": max(ids), "ids": json.dumps(ids)})
        return {
            digest_id: text.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")
            .replace(_MARK_START, HIGHLIGHT_START).replace(_MARK_END, HIGHLIGHT_END)
            for digest_id, text in rows if text
        }

    # Saved searches ------------------------------------------------------------------------

    async def save_query(self, query: str) -> str:
        """Keep a search under a short id (storage.keys.query_id) for its paging buttons; returns the id.
        Searches unused for SAVED_QUERY_DAYS are dropped."""
        key, now = query_id(query), self._clock()
        async with self._transaction() as db:
            await db.execute("INSERT INTO saved_queries(id, query, used_at) VALUES (?, ?, ?)"
                             " ON CONFLICT(id) DO UPDATE SET query = excluded.query, used_at = excluded.used_at",
                             (key, query, now))
            await db.execute("DELETE FROM saved_queries WHERE used_at < ?", (now - SAVED_QUERY_DAYS * SECONDS_PER_DAY,))
        return key

    async def saved_query(self, key: str) -> str | None:
        """The search saved under `key`, or None when it was never saved or has been dropped."""
        rows = await self._read("SELECT query FROM saved_queries WHERE id = ?", (key,))
        return rows[0][0] if rows else None

    # Privacy -------------------------------------------------------------------------------

    async def forget_chat(self, chat_id: int) -> int:
        """Remove the chat's history and messages, and every digest no other chat holds (row,
        cache keys and index entries). Returns how many digests the chat's history held.

        The rows' bytes are overwritten (secure_delete) and the WAL is emptied. The FTS5 index
        drops the words at once for every query, but keeps them on disk in old segments until
        they are merged: `compact()` rewrites the index without them.
        """
        async with self._transaction() as db:
            cursor = await db.execute("DELETE FROM history WHERE chat_id = ? RETURNING digest_id", (chat_id,))
            held = [row[0] for row in await cursor.fetchall()]
            await cursor.close()
            await db.executemany(
                "DELETE FROM digests WHERE id = ? AND NOT EXISTS (SELECT 1 FROM history WHERE digest_id = ?)",
                [(digest_id, digest_id) for digest_id in held],
            )
            await db.executemany(  # digests other chats still hold lose this chat's token (and maybe shard)
                f"UPDATE digests SET {_HOLDERS} WHERE id = ?", [(digest_id,) * 3 for digest_id in held],
            )
        async with self._lock:  # copy the zeroed pages home and empty the WAL, which still holds the old ones
            await self._writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return len(held)

    async def compact(self) -> None:
        """Maintenance: rewrite each shard's full-text index into one segment (dropping every
        deleted word from the file), then empty the WAL. Slow on a big database; run it off-peak."""
        for shard in range(SHARDS):
            async with self._transaction() as db:
                await db.execute(f"INSERT INTO {fts_table(shard)}({fts_table(shard)}) VALUES ('optimize')")
        async with self._lock:
            await self._writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    async def export_chat(self, chat_id: int, fmt: ExportFormat) -> str:
        """Every digest of the chat, oldest first, as JSON or Markdown (storage.export)."""
        rows = await self._read(
            "SELECT d.id, h.first_saved_at, h.saved_at, d.title, d.summary, d.body, d.record"
            " FROM history AS h JOIN digests AS d ON d.id = h.digest_id WHERE h.chat_id = ?"
            " ORDER BY h.first_saved_at, d.id",
            (chat_id,),
        )
        items = [
            ExportedDigest(digest_id=row[0], first_saved_at=_utc(row[1]), saved_at=_utc(row[2]), digest=from_row(*row[3:]))
            for row in rows
        ]
        return export_as(chat_id, items, fmt)

    # Chat settings -------------------------------------------------------------------------

    async def get_chat_settings(self, chat_id: int) -> ChatSettings:
        """The chat's /settings, or the defaults when it never changed them."""
        rows = await self._read("SELECT language, summary, quotes, previews FROM chat_settings WHERE chat_id = ?",
                                (chat_id,))
        if not rows:
            return DEFAULT_CHAT_SETTINGS
        language, summary, quotes, previews = rows[0]
        return ChatSettings(language=language, summary=summary, quotes=quotes, previews=bool(previews))

    async def set_chat_settings(self, chat_id: int, settings: ChatSettings) -> None:
        """Keep the chat's choices (forgetting the history keeps them: they are not history)."""
        async with self._transaction() as db:
            await db.execute(
                "INSERT INTO chat_settings (chat_id, language, summary, quotes, previews) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (chat_id) DO UPDATE SET language = excluded.language, summary = excluded.summary,"
                " quotes = excluded.quotes, previews = excluded.previews",
                (chat_id, settings.language, settings.summary, settings.quotes, int(settings.previews)),
            )

    # Connections ---------------------------------------------------------------------------

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """The writer, inside BEGIN IMMEDIATE ... COMMIT, for one task at a time."""
        async with self._lock:
            db = self._writer
            await db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                if db.in_transaction:  # SQLite may already have rolled back (disk full, I/O error)
                    await db.execute("ROLLBACK")
                raise
            await db.execute("COMMIT")

    async def _read(self, sql: str, params: Iterable[Any] | dict[str, Any]) -> list[Any]:
        if self._shared:  # one connection: do not read another task's half-done write
            async with self._lock:
                return list(await self._reader.execute_fetchall(sql, params))
        return list(await self._reader.execute_fetchall(sql, params))


async def _configure(db: aiosqlite.Connection, *, synchronous_full: bool) -> None:
    await db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    await db.execute(f"PRAGMA synchronous = {'FULL' if synchronous_full else 'NORMAL'}")
    await db.execute("PRAGMA foreign_keys = ON")
    await db.execute("PRAGMA secure_delete = ON")  # deleted text is overwritten, not left in free pages


async def _one(db: aiosqlite.Connection, sql: str, params: Sequence[Any]) -> Any:
    async with db.execute(sql, params) as cursor:
        row = await cursor.fetchone()
    return row[0] if row else None


async def _write_digest(db: aiosqlite.Connection, digest: Digest, keys: Sequence[str], *, chat_id: int,
                        now: float) -> int:
    """Insert the digest, or replace the row its keys already point at (merging rows they split
    across); either way the chat holds it afterwards and the index is written once."""
    row = to_row(digest, fetched_at=now).values()
    holders: list[int] = []
    for key in keys:
        found = await _one(db, "SELECT digest_id FROM aliases WHERE key = ?", (key,))
        if found is not None and found not in holders:
            holders.append(found)
    if not holders:
        cursor = await db.execute(
            f"INSERT INTO digests({', '.join(ROW_COLUMNS)}, chats, shards) VALUES ({_ROW_PLACEHOLDERS}, ?, ?)",
            (*row, chat_token(chat_id), 1 << shard_of(chat_id)),
        )
        target = int(cursor.lastrowid or 0)
        await _add_to_history(db, chat_id, target, now)
        return target
    target, *others = holders
    for other in others:  # the same article stored twice before its links were known to agree
        await _merge(db, other, into=target)
    await _add_to_history(db, chat_id, target, now)
    await db.execute(f"UPDATE digests SET {_ROW_ASSIGNMENTS}, {_HOLDERS} WHERE id = ?", (*row, target, target, target))
    return target


async def _add_to_history(db: aiosqlite.Connection, chat_id: int, digest_id: int, now: float) -> bool:
    """Record that the chat saved the digest now; True when the chat did not hold it before."""
    held = await _one(db, "SELECT 1 FROM history WHERE chat_id = ? AND digest_id = ?", (chat_id, digest_id))
    await db.execute(
        "INSERT INTO history(chat_id, digest_id, first_saved_at, saved_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(chat_id, digest_id) DO UPDATE SET saved_at = excluded.saved_at",
        (chat_id, digest_id, now, now),
    )
    return held is None


async def _index_chats(db: aiosqlite.Connection, digest_id: int) -> None:
    """Bring the digest's chat tokens and shards in step with its history (re-indexes the row)."""
    await db.execute(f"UPDATE digests SET {_HOLDERS} WHERE id = ?", (digest_id, digest_id, digest_id))


async def _merge(db: aiosqlite.Connection, source: int, *, into: int) -> None:
    """Move one digest's history, messages and keys onto another, then delete it."""
    await db.execute(
        "INSERT INTO history(chat_id, digest_id, first_saved_at, saved_at)"
        " SELECT chat_id, ?, first_saved_at, saved_at FROM history WHERE digest_id = ?"
        " ON CONFLICT(chat_id, digest_id) DO UPDATE SET"
        " first_saved_at = min(first_saved_at, excluded.first_saved_at), saved_at = max(saved_at, excluded.saved_at)",
        (into, source),
    )
    await db.execute("UPDATE messages SET digest_id = ? WHERE digest_id = ?", (into, source))
    await db.execute("UPDATE aliases SET digest_id = ? WHERE digest_id = ?", (into, source))
    await db.execute("DELETE FROM digests WHERE id = ?", (source,))


def cache_keys(digest: Digest, *, source_url: str | None, source_text: str | None) -> Iterable[str]:
    """Cache keys in priority order: the link the user sent, the page's canonical URL, the pasted text."""
    if source_url:
        yield link_key(source_url)
    if digest.url:
        yield link_key(digest.url)
    if source_text:
        yield text_key(source_text)


def plain_snippet(text: str, limit: int = PLAIN_SNIPPET_CHARS) -> str:
    """The start of a text, cut at a word, for hits without matched words; its line breaks stay."""
    text = text.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")
    text = "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


def _utc(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, timezone.utc)
