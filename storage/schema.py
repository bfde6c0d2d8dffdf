"""The database schema, as numbered steps keyed by `PRAGMA user_version`, applied at open.

Step N takes a database at user_version N-1 to N, inside one `BEGIN IMMEDIATE` transaction
that also bumps user_version, so a crash leaves the database at a step boundary and two
processes opening the same file at once apply each step once. Never edit a released step:
add the next one.

    digests       one row per article: the text that is searched (title, summary, quotes, site,
                  body) plus `record`, the rest of the Digest as JSON; `host` and `dated` serve
                  the site: and after:/before: filters; `fetched_at` drives expiry; `chats`
                  the tokens of the chats that hold it (kept in step with history by the store)
    aliases       cache keys (normalised links, canonical URLs, pasted-text hashes) -> digest
    history       which chat saved which digest, first and last time
    messages      the Telegram messages that showed a digest in a chat
    digests_fts   FTS5 external-content index over digests, kept in sync by triggers
"""

from __future__ import annotations

import aiosqlite

# The columns users search (their words only ever reach these), and `chats`: one token per chat
# that holds the digest, so a search narrows to its chat inside the index before ranking.
USER_COLUMNS = ("title", "summary", "quotes", "site", "body")
FTS_COLUMNS = (*USER_COLUMNS, "chats")
# bm25 column weights, in FTS_COLUMNS order: a word in the title counts most; chat tokens not at all.
RANK_WEIGHTS = (10.0, 4.0, 2.0, 2.0, 1.0, 0.0)


def chat_token(chat_id: int) -> str:
    """A chat's token in the `chats` column: c42 for 42, cm100123 for -100123 (one token either way)."""
    return f"c{chat_id}" if chat_id >= 0 else f"cm{-chat_id}"


def chat_token_sql(column: str) -> str:
    """`chat_token` in SQL, for migrations and for recomputing `chats` from history."""
    return f"('c' || CASE WHEN {column} < 0 THEN 'm' || -{column} ELSE {column} END)"


def chats_of_sql(digest_id: str) -> str:
    """SQL for the `chats` value of a digest: the tokens of every chat whose history holds it."""
    return (f"(SELECT coalesce(group_concat(token, ' '), '') FROM"
            f" (SELECT {chat_token_sql('chat_id')} AS token FROM history WHERE digest_id = {digest_id}))")


def _fts_steps(columns: tuple[str, ...], weights: tuple[float, ...]) -> tuple[str, ...]:
    """The FTS5 external-content table over `digests`, its rank function and its three triggers."""
    names = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    return (
        f"""CREATE VIRTUAL TABLE digests_fts USING fts5(
            {names}, content='digests', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        )""",
        f"INSERT INTO digests_fts(digests_fts, rank) VALUES ('rank', 'bm25({', '.join(map(str, weights))})')",
        f"""CREATE TRIGGER digests_ai AFTER INSERT ON digests BEGIN
            INSERT INTO digests_fts(rowid, {names}) VALUES (new.id, {new});
        END""",
        f"""CREATE TRIGGER digests_ad AFTER DELETE ON digests BEGIN
            INSERT INTO digests_fts(digests_fts, rowid, {names}) VALUES ('delete', old.id, {old});
        END""",
        f"""CREATE TRIGGER digests_au AFTER UPDATE ON digests BEGIN
            INSERT INTO digests_fts(digests_fts, rowid, {names}) VALUES ('delete', old.id, {old});
            INSERT INTO digests_fts(rowid, {names}) VALUES (new.id, {new});
        END""",
    )


MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: digests, cache keys, history, full-text index.
    (
        """CREATE TABLE digests (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            summary TEXT NOT NULL,
            quotes TEXT NOT NULL,
            site TEXT NOT NULL,
            body TEXT NOT NULL,
            record TEXT NOT NULL,
            host TEXT,
            dated TEXT NOT NULL,
            fetched_at REAL NOT NULL
        )""",
        """CREATE TABLE aliases (
            key TEXT PRIMARY KEY,
            digest_id INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE
        ) WITHOUT ROWID""",
        "CREATE INDEX aliases_digest ON aliases(digest_id)",
        """CREATE TABLE history (
            chat_id INTEGER NOT NULL,
            digest_id INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
            first_saved_at REAL NOT NULL,
            saved_at REAL NOT NULL,
            PRIMARY KEY (chat_id, digest_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX history_digest ON history(digest_id)",
        "CREATE INDEX history_recent ON history(chat_id, saved_at DESC)",
        """CREATE TABLE messages (
            chat_id INTEGER NOT NULL,
            message_id INTEGER NOT NULL,
            digest_id INTEGER NOT NULL,
            PRIMARY KEY (chat_id, message_id),
            FOREIGN KEY (chat_id, digest_id) REFERENCES history(chat_id, digest_id) ON DELETE CASCADE
        ) WITHOUT ROWID""",
        "CREATE INDEX messages_history ON messages(chat_id, digest_id)",
        *_fts_steps(USER_COLUMNS, (10.0, 4.0, 2.0, 2.0, 1.0)),
    ),
    # 2: chat tokens in the index. Without them a search ranked every matching digest of every
    # chat and then kept its own: 40-110 ms at p95 over 100,000 digests (bench.storage).
    (
        "DROP TRIGGER digests_ai",
        "DROP TRIGGER digests_ad",
        "DROP TRIGGER digests_au",
        "DROP TABLE digests_fts",
        "ALTER TABLE digests ADD COLUMN chats TEXT NOT NULL DEFAULT ''",
        f"UPDATE digests SET chats = {chats_of_sql('digests.id')}",
        *_fts_steps(FTS_COLUMNS, RANK_WEIGHTS),
        "INSERT INTO digests_fts(digests_fts) VALUES ('rebuild')",
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)


class SchemaTooNewError(RuntimeError):
    """The file was written by a newer digestbot; opening it could damage it."""


async def migrate(db: aiosqlite.Connection) -> int:
    """Apply every missing step; returns the schema version. `db` must be in autocommit mode."""
    for version, statements in enumerate(MIGRATIONS, start=1):
        await db.execute("BEGIN IMMEDIATE")
        try:
            current = await user_version(db)
            if current < version:
                for statement in statements:
                    await db.execute(statement)
                await db.execute(f"PRAGMA user_version = {version}")
            await db.execute("COMMIT")
        except BaseException:
            await db.execute("ROLLBACK")
            raise
    current = await user_version(db)
    if current > SCHEMA_VERSION:
        raise SchemaTooNewError(f"The database is at schema {current}; this digestbot knows only up to {SCHEMA_VERSION}.")
    return current


async def user_version(db: aiosqlite.Connection) -> int:
    async with db.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0
