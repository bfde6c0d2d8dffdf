"""What bot instances sharing one PostgreSQL server must agree on, kept in that server.

- The per-user rate limit: each page a user sends is a row of rate_events; a user's count is
  taken under a transaction advisory lock on the user, with the server's clock (instances'
  clocks may drift apart).
- One fetch per link: the instance that reads a link holds a claim row (link_claims); the
  others poll it and take the digest it leaves there. A claim left by an instance that died
  (kill -9 in the middle of a page) goes stale once the fetch deadline and the cleaning limit
  have passed, and is taken over.
- The parts of a long paste, which the load balancer may hand to different instances
  (paste_parts). `generation` is the part's row number, so "no part came after mine" holds
  across instances.

SQLite has none of this: one process, so handlers/ keeps the same state in memory.
"""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Awaitable, Callable

import asyncpg

from digest.model import Digest
from storage.keys import link_key
from storage.postgres.store import PgStore

WINDOW_SECONDS = 60.0
SWEEP_CHANCE = 0.01  # one page in a hundred also drops every user's events older than the window
# A fetch is bounded by the fetch deadline and the cleaning limit (15 s and 10 s by default): a claim
# older than both and this margin was left by an instance that died, and is taken over.
CLAIM_MARGIN_SECONDS = 5.0
CLAIM_STALE_SECONDS = 60.0  # when the caller does not say
CLAIM_RESULT_SECONDS = 30.0  # how long a finished claim's digest serves the instances that waited
CLAIM_POLL_SECONDS = 0.2
PASTE_STALE_SECONDS = 600.0
PASTE_GRACE_SECONDS = 0.5
NOW = "extract(epoch FROM clock_timestamp())"


class PgSharedState:
    """The shared state of the instances on one PostgreSQL store."""

    def __init__(self, store: PgStore, *, claim_stale_seconds: float = CLAIM_STALE_SECONDS) -> None:
        self._store = store
        self._claim_stale = claim_stale_seconds

    # Rate limit ----------------------------------------------------------------------------

    async def take_page(self, user_id: int, per_minute: int) -> float | None:
        """Count one page for the user; None when allowed, else the seconds until the next one is."""
        async def write(db: asyncpg.Connection) -> float | None:
            await db.execute("SELECT pg_advisory_xact_lock(hashtextextended('rate:' || $1::bigint::text, 0))", user_id)
            now = float(await db.fetchval(f"SELECT {NOW}"))
            sweep = "" if random.random() >= SWEEP_CHANCE else "OR at <= $2::float8 - $3::float8"
            await db.execute(f"DELETE FROM rate_events WHERE (user_id = $1 AND at <= $2::float8 - $3::float8) {sweep}",
                             user_id, now, WINDOW_SECONDS)
            count, oldest = await db.fetchrow("SELECT count(*), min(at) FROM rate_events WHERE user_id = $1", user_id)
            if count >= per_minute:
                return float(WINDOW_SECONDS - (now - oldest))
            await db.execute("INSERT INTO rate_events(user_id, at) VALUES ($1, $2)", user_id, now)
            return None

        return await self._store._write(write)

    # One fetch per link --------------------------------------------------------------------

    async def once_per_link(self, url: str, work: Callable[[], Awaitable[Digest]]) -> Digest:
        """Run `work` unless another instance is reading the same link: then wait for its digest."""
        key = link_key(url)
        while True:
            if await self._claim(key):
                return await self._work_on(key, work)
            record = await self._store._read(lambda db: db.fetchval(
                f"SELECT record FROM link_claims WHERE key = $1 AND done_at > {NOW} - $2", key, CLAIM_RESULT_SECONDS))
            if record is not None:
                return Digest.from_record(json.loads(record))
            await asyncio.sleep(CLAIM_POLL_SECONDS)

    async def _claim(self, key: str) -> bool:
        """Take the link: free, finished long enough ago, or left stale by an instance that died."""
        return bool(await self._store._write(lambda db: db.fetchval(
            f"INSERT INTO link_claims(key, claimed_at) VALUES ($1, {NOW})"
            " ON CONFLICT (key) DO UPDATE SET claimed_at = excluded.claimed_at, record = NULL, done_at = NULL"
            f" WHERE (link_claims.done_at IS NULL AND link_claims.claimed_at < {NOW} - $2)"
            f" OR link_claims.done_at < {NOW} - $3 RETURNING true", key, self._claim_stale, CLAIM_RESULT_SECONDS)))

    async def _work_on(self, key: str, work: Callable[[], Awaitable[Digest]]) -> Digest:
        try:
            digest = await work()
        except BaseException:  # the others try for themselves (and most likely get the same answer)
            await asyncio.shield(self._store._write(lambda db: db.execute("DELETE FROM link_claims WHERE key = $1", key)))
            raise
        record = json.dumps(digest.to_record(), ensure_ascii=False)
        await self._store._write(lambda db: db.execute(
            f"UPDATE link_claims SET record = $2, done_at = {NOW} WHERE key = $1", key, record))
        return digest

    # Pastes in parts -----------------------------------------------------------------------

    async def paste_pending(self, chat_id: int, user_id: int) -> bool:
        """Whether parts of a paste are waiting. A short message is only a remark if none are, and the
        paste's first part may still be on its way into another instance: look twice, PASTE_GRACE apart."""
        for attempt in (1, 2):
            if await self._store._read(lambda db: db.fetchval(
                    f"SELECT EXISTS (SELECT 1 FROM paste_parts WHERE chat_id = $1 AND user_id = $2 AND at > {NOW} - $3)",
                    chat_id, user_id, PASTE_STALE_SECONDS)):
                return True
            if attempt == 1:
                await asyncio.sleep(PASTE_GRACE_SECONDS)
        return False

    async def add_paste_part(self, chat_id: int, user_id: int, part: str, *, message_id: int,
                             last: bool) -> tuple[int, int, list[str]]:
        """Add a part: (its generation, how many parts are pending with it, and when `last`, every
        part of the paste, now taken away). Parts are joined in Telegram's message order, whatever
        order the instances stored them in."""
        async def write(db: asyncpg.Connection) -> tuple[int, int, list[str]]:
            await self._lock_paste(db, chat_id, user_id)
            await db.execute(f"DELETE FROM paste_parts WHERE at < {NOW} - $1", PASTE_STALE_SECONDS)
            generation = int(await db.fetchval(
                f"INSERT INTO paste_parts(chat_id, user_id, message_id, part, at) VALUES ($1, $2, $3, $4, {NOW})"
                " RETURNING seq", chat_id, user_id, message_id, part))
            if last:
                parts = await _take_parts(db, chat_id, user_id)
                return generation, len(parts), parts
            count = await db.fetchval("SELECT count(*) FROM paste_parts WHERE chat_id = $1 AND user_id = $2",
                                      chat_id, user_id)
            return generation, int(count), []

        return await self._store._write(write)

    async def take_paste_if_unchanged(self, chat_id: int, user_id: int, generation: int) -> list[str] | None:
        """When a part's wait is over: every part, if no later part arrived at any instance meanwhile."""
        async def write(db: asyncpg.Connection) -> list[str] | None:
            await self._lock_paste(db, chat_id, user_id)
            latest = await db.fetchval("SELECT max(seq) FROM paste_parts WHERE chat_id = $1 AND user_id = $2",
                                       chat_id, user_id)
            return await _take_parts(db, chat_id, user_id) if latest == generation else None

        return await self._store._write(write)

    @staticmethod
    async def _lock_paste(db: asyncpg.Connection, chat_id: int, user_id: int) -> None:
        await db.execute("SELECT pg_advisory_xact_lock(hashtextextended('paste:' || $1::bigint::text || ':' || $2::bigint::text, 0))",
                         chat_id, user_id)


async def _take_parts(db: asyncpg.Connection, chat_id: int, user_id: int) -> list[str]:
    rows = await db.fetch("DELETE FROM paste_parts WHERE chat_id = $1 AND user_id = $2 RETURNING message_id, seq, part",
                          chat_id, user_id)
    return [part for _, _, part in sorted(rows)]


def shared_state(store: object, *, longest_read_seconds: float | None = None) -> PgSharedState | None:
    """The store's shared state when several instances can share it (PostgreSQL), else None.
    `longest_read_seconds`: the most one link's fetch and cleaning may take (the claims' stale age)."""
    if not isinstance(store, PgStore):
        return None
    if longest_read_seconds is None:
        return PgSharedState(store)
    return PgSharedState(store, claim_stale_seconds=longest_read_seconds + CLAIM_MARGIN_SECONDS)
