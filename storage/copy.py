"""Copy a whole store into another, SQLite <-> PostgreSQL: digests, cache keys, history, messages and
each chat's /settings (searches saved for paging buttons are not copied: they expire anyway).

For a user who outgrows one machine (SQLite -> PostgreSQL) or leaves a server (and back). Rows
keep their ids, so the digests a chat's buttons and messages point at stay the same. Copying is
idempotent: every row is an upsert by its key (a digest by id, a history entry keeps the earlier
first save and the later last save), so a copy interrupted half-way is finished by running it
again, and running it twice changes nothing. The target should be empty or an earlier copy of
the same source: a digest id the target already uses for another article is overwritten.

Batches of `BATCH` digests, each written in one transaction with its keys, history and messages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from storage.base import DigestStore
from storage.chat_settings import ChatSettings
from storage.postgres.store import PgStore
from storage.postgres.tokens import tsvector_literal
from storage.rows import ROW_COLUMNS
from storage.sqlite.schema import chats_of_sql, shards_of_sql
from storage.sqlite.store import Store

BATCH = 500
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class StoredDigest:
    """One digest as both schemas hold it: the row's columns, its cache keys, who saved it, where shown."""

    digest_id: int
    row: tuple[Any, ...]  # in ROW_COLUMNS order
    keys: tuple[str, ...]
    history: tuple[tuple[int, float, float], ...]  # (chat id, first saved, last saved)
    messages: tuple[tuple[int, int], ...]  # (chat id, message id)


async def copy_store(source: DigestStore, target: DigestStore, *, progress: Progress | None = None) -> int:
    """Copy every digest of `source` into `target`; returns how many were copied."""
    total = await _count(source)
    done, after = 0, 0
    while True:
        batch = await _read_batch(source, after)
        if not batch:
            break
        await _write_batch(target, batch)
        done += len(batch)
        after = batch[-1].digest_id
        if progress is not None:
            progress(done, total)
    await _copy_chat_settings(source, target)
    await _finish(target)
    return done


async def _copy_chat_settings(source: DigestStore, target: DigestStore) -> None:
    """Every chat's /settings (few rows: one per chat that changed something)."""
    sql = "SELECT chat_id, language, summary, quotes, previews FROM chat_settings ORDER BY chat_id"
    if isinstance(source, PgStore):
        rows = list(await source._read(lambda db: db.fetch(sql)))
    else:
        rows = await _sqlite(source)._read(sql, ())
    for chat_id, language, summary, quotes, previews in rows:
        await target.set_chat_settings(chat_id, ChatSettings(language=language, summary=summary, quotes=quotes,
                                                             previews=bool(previews)))


async def _count(store: DigestStore) -> int:
    if isinstance(store, PgStore):
        return int(await store._read(lambda db: db.fetchval("SELECT count(*) FROM digests")))
    rows = await _sqlite(store)._read("SELECT count(*) FROM digests", ())
    return int(rows[0][0])


async def _read_batch(store: DigestStore, after: int) -> list[StoredDigest]:
    columns = ", ".join(ROW_COLUMNS)
    if isinstance(store, PgStore):
        async def fetch(sql: str, *args: Any) -> list[Any]:
            return list(await store._read(lambda db: db.fetch(sql, *args)))
        digests = await fetch(f"SELECT id, {columns} FROM digests WHERE id > $1 ORDER BY id LIMIT $2", after, BATCH)
        if not digests:
            return []
        low, high = digests[0][0], digests[-1][0]
        keys = await fetch("SELECT digest_id, key FROM aliases WHERE digest_id BETWEEN $1 AND $2", low, high)
        history = await fetch("SELECT digest_id, chat_id, first_saved_at, saved_at FROM history"
                              " WHERE digest_id BETWEEN $1 AND $2", low, high)
        messages = await fetch("SELECT digest_id, chat_id, message_id FROM messages WHERE digest_id BETWEEN $1 AND $2",
                               low, high)
    else:
        sqlite = _sqlite(store)
        digests = await sqlite._read(f"SELECT id, {columns} FROM digests WHERE id > ? ORDER BY id LIMIT ?",
                                     (after, BATCH))
        if not digests:
            return []
        span = (digests[0][0], digests[-1][0])
        keys = await sqlite._read("SELECT digest_id, key FROM aliases WHERE digest_id BETWEEN ? AND ?", span)
        history = await sqlite._read("SELECT digest_id, chat_id, first_saved_at, saved_at FROM history"
                                     " WHERE digest_id BETWEEN ? AND ?", span)
        messages = await sqlite._read("SELECT digest_id, chat_id, message_id FROM messages"
                                      " WHERE digest_id BETWEEN ? AND ?", span)
    return [
        StoredDigest(digest_id=row[0], row=tuple(row[1:]),
                     keys=tuple(sorted(key for owner, key in keys if owner == row[0])),
                     history=tuple((chat, first, last) for owner, chat, first, last in history if owner == row[0]),
                     messages=tuple((chat, message) for owner, chat, message in messages if owner == row[0]))
        for row in digests
    ]


async def _write_batch(store: DigestStore, batch: list[StoredDigest]) -> None:
    if isinstance(store, PgStore):
        await _write_pg(store, batch)
    else:
        await _write_sqlite(_sqlite(store), batch)


async def _write_pg(store: PgStore, batch: list[StoredDigest]) -> None:
    count = len(ROW_COLUMNS)
    values = ", ".join(f"${i}" for i in range(2, count + 2))
    updates = ", ".join(f"{column} = excluded.{column}" for column in (*ROW_COLUMNS, "search", "site_search"))
    async with store._transaction() as db:
        for item in batch:
            row = dict(zip(ROW_COLUMNS, item.row, strict=True))
            vectors = (tsvector_literal([row["title"], row["summary"], row["quotes"], row["site"], row["body"]]),
                       tsvector_literal([row["site"]], ("A",)))
            await db.execute(
                f"INSERT INTO digests(id, {', '.join(ROW_COLUMNS)}, search, site_search)"
                f" VALUES ($1, {values}, ${count + 2}::tsvector, ${count + 3}::tsvector)"
                f" ON CONFLICT (id) DO UPDATE SET {updates}", item.digest_id, *item.row, *vectors)
        await db.executemany(
            "INSERT INTO aliases(key, digest_id) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET digest_id = excluded.digest_id",
            [(key, item.digest_id) for item in batch for key in item.keys])
        await db.executemany(
            "INSERT INTO history(chat_id, digest_id, first_saved_at, saved_at) VALUES ($1, $2, $3, $4)"
            " ON CONFLICT (chat_id, digest_id) DO UPDATE SET first_saved_at = least(history.first_saved_at,"
            " excluded.first_saved_at), saved_at = greatest(history.saved_at, excluded.saved_at)",
            [(chat, item.digest_id, first, last) for item in batch for chat, first, last in item.history])
        await db.executemany(
            "INSERT INTO messages(chat_id, message_id, digest_id) VALUES ($1, $2, $3)"
            " ON CONFLICT (chat_id, message_id) DO UPDATE SET digest_id = excluded.digest_id",
            [(chat, message, item.digest_id) for item in batch for chat, message in item.messages])


async def _write_sqlite(store: Store, batch: list[StoredDigest]) -> None:
    marks = ", ".join("?" for _ in ROW_COLUMNS)
    updates = ", ".join(f"{column} = excluded.{column}" for column in ROW_COLUMNS)
    async with store._transaction() as db:
        for item in batch:
            await db.execute(f"INSERT INTO digests(id, {', '.join(ROW_COLUMNS)}) VALUES (?, {marks})"
                             f" ON CONFLICT(id) DO UPDATE SET {updates}", (item.digest_id, *item.row))
        await db.executemany(
            "INSERT INTO aliases(key, digest_id) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET digest_id = excluded.digest_id",
            [(key, item.digest_id) for item in batch for key in item.keys])
        await db.executemany(
            "INSERT INTO history(chat_id, digest_id, first_saved_at, saved_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(chat_id, digest_id) DO UPDATE SET first_saved_at = min(first_saved_at,"
            " excluded.first_saved_at), saved_at = max(saved_at, excluded.saved_at)",
            [(chat, item.digest_id, first, last) for item in batch for chat, first, last in item.history])
        await db.executemany(
            "INSERT OR REPLACE INTO messages(chat_id, message_id, digest_id) VALUES (?, ?, ?)",
            [(chat, message, item.digest_id) for item in batch for chat, message in item.messages])
        await db.executemany(  # the chats that hold each digest, which feed its shard of the index
            f"UPDATE digests SET chats = {chats_of_sql('?')}, shards = {shards_of_sql('?')} WHERE id = ?",
            [(item.digest_id,) * 3 for item in batch])


async def _finish(store: DigestStore) -> None:
    """PostgreSQL: new digests get ids after the copied ones (SQLite's AUTOINCREMENT follows by itself)."""
    if isinstance(store, PgStore):
        async with store._transaction() as db:
            await db.execute("SELECT setval(pg_get_serial_sequence('digests', 'id'),"
                             " coalesce((SELECT max(id) FROM digests), 0) + 1, false)")


def _sqlite(store: DigestStore) -> Store:
    if not isinstance(store, Store):
        raise TypeError(f"cannot copy a {type(store).__name__}")
    return store
