"""The database schema, as numbered steps keyed by `PRAGMA user_version`, applied at open.

Step N takes a database at user_version N-1 to N, inside one `BEGIN IMMEDIATE` transaction
that also bumps user_version, so a crash leaves the database at a step boundary and two
processes opening the same file at once apply each step once. Never edit a released step:
add the next one.

    digests       one row per article: the text that is searched (title, summary, quotes, site,
                  body) plus `record`, the rest of the Digest as JSON; `host` and `dated` serve
                  the site: and after:/before: filters; `fetched_at` drives expiry; `chats`
                  the tokens of the chats that hold it and `shards` the bit mask of their
                  shards (both kept in step with history by the store)
    aliases       cache keys (normalised links, canonical URLs, pasted-text hashes) -> digest
    history       which chat saved which digest, first and last time, and the digest's `dated`
                  (copied by triggers, for after:/before: within a chat)
    messages      the Telegram messages that showed a digest in a chat
    chat_settings each chat's /settings (language, summary length, quotes, link previews)
    saved_queries searches too long for a button's callback data, under a short id
    digests_fts_N FTS5 indexes, one per shard of chats (N = |chat id| mod SHARDS): external
                  content (the view digests_shard_N: the digests some chat of the shard holds),
                  kept in sync by insert, update and delete triggers on digests, with indexes of
                  3- and 4-letter prefixes (a query's last word is also a prefix)

Why shards: FTS5's bm25 reads the whole doclist of every query word once per search (for its
IDF), and a prefix word is merged in full; over 100,000 digests a common word cost 10-30 ms of
CPU. A search reads only its own shard, a sixteenth of the index.
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


SHARDS = 16


def shard_of(chat_id: int) -> int:
    """The shard whose index holds a chat's digests."""
    return abs(chat_id) % SHARDS


def fts_table(shard: int) -> str:
    return f"digests_fts_{shard}"


def shards_of_sql(digest_id: str) -> str:
    """SQL for the `shards` bit mask of a digest: one bit per shard with a chat that holds it."""
    return (f"(SELECT coalesce(sum(bit), 0) FROM"
            f" (SELECT DISTINCT 1 << (abs(chat_id) % {SHARDS}) AS bit FROM history WHERE digest_id = {digest_id}))")


def _shard_steps() -> tuple[str, ...]:
    """Per shard: a view of its digests, an FTS5 table over it; then the triggers that feed them."""
    names = ", ".join(FTS_COLUMNS)
    new = ", ".join(f"new.{column}" for column in FTS_COLUMNS)
    old = ", ".join(f"old.{column}" for column in FTS_COLUMNS)
    weights = ", ".join(map(str, RANK_WEIGHTS))
    steps: list[str] = []
    inserts, deletes = [], []
    for shard in range(SHARDS):
        table, bit = fts_table(shard), 1 << shard
        steps += [
            f"CREATE VIEW digests_shard_{shard} AS SELECT id, {names} FROM digests WHERE shards & {bit}",
            f"""CREATE VIRTUAL TABLE {table} USING fts5(
                {names}, content='digests_shard_{shard}', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2'
            )""",
            f"INSERT INTO {table}({table}, rank) VALUES ('rank', 'bm25({weights})')",
        ]
        inserts.append(f"INSERT INTO {table}(rowid, {names}) SELECT new.id, {new} WHERE new.shards & {bit};")
        deletes.append(f"INSERT INTO {table}({table}, rowid, {names}) SELECT 'delete', old.id, {old}"
                       f" WHERE old.shards & {bit};")
    newline = "\n            "
    steps += [
        f"CREATE TRIGGER digests_ai AFTER INSERT ON digests BEGIN{newline}{newline.join(inserts)}\n        END",
        f"CREATE TRIGGER digests_ad AFTER DELETE ON digests BEGIN{newline}{newline.join(deletes)}\n        END",
        f"CREATE TRIGGER digests_au AFTER UPDATE ON digests BEGIN{newline}{newline.join(deletes + inserts)}\n        END",
    ]
    steps += [f"INSERT INTO {fts_table(shard)}({fts_table(shard)}) VALUES ('rebuild')" for shard in range(SHARDS)]
    return tuple(steps)


PREFIX_INDEXES = "3 4"  # the prefix lengths FTS5 indexes: a query's last word of 3 or 4 letters (storage.query's
# PREFIX_MIN_CHARS and up) otherwise merges the doclists of every word it begins, hundreds of them ("elec", "mini")


def _prefix_index_steps() -> tuple[str, ...]:
    """Each shard's index again, with prefix indexes (PREFIX_INDEXES), rebuilt from its view. The triggers name
    the tables, so they feed the new ones."""
    names = ", ".join(FTS_COLUMNS)
    weights = ", ".join(map(str, RANK_WEIGHTS))
    steps: list[str] = []
    for shard in range(SHARDS):
        table = fts_table(shard)
        steps += [
            f"DROP TABLE {table}",
            f"""CREATE VIRTUAL TABLE {table} USING fts5(
                {names}, content='digests_shard_{shard}', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2', prefix='{PREFIX_INDEXES}'
            )""",
            f"INSERT INTO {table}({table}, rank) VALUES ('rank', 'bm25({weights})')",
            f"INSERT INTO {table}({table}) VALUES ('rebuild')",
        ]
    return tuple(steps)


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
    # chat and then kept its own: 41-110 ms (wall, loaded machine) at p95 over 100,000 digests.
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
    # 3: one index per shard of chats. With one index, bm25 read every chat's doclists: over
    # 100,000 digests a search cost up to 31 ms of CPU at p95 (bench.storage).
    (
        "DROP TRIGGER digests_ai",
        "DROP TRIGGER digests_ad",
        "DROP TRIGGER digests_au",
        "DROP TABLE digests_fts",
        "ALTER TABLE digests ADD COLUMN shards INTEGER NOT NULL DEFAULT 0",
        f"UPDATE digests SET shards = {shards_of_sql('digests.id')}",
        *_shard_steps(),
    ),
    # 4: the filter columns beside the id. host and dated sit after the body in the row, so
    # site: and after:/before: read every candidate's body pages to reach them.
    (
        "CREATE INDEX digests_filters ON digests(id, host, dated)",
    ),
    # 5: each chat's /settings (storage.chat_settings); a chat with no row has the defaults.
    (
        """CREATE TABLE chat_settings (
            chat_id INTEGER PRIMARY KEY,
            language TEXT,
            summary TEXT NOT NULL,
            quotes INTEGER NOT NULL,
            previews INTEGER NOT NULL
        )""",
    ),
    # 6: searches too long for Telegram's 64-byte button data, under a short id, so the paging
    # buttons survive a restart (they lived in the process's memory).
    (
        """CREATE TABLE saved_queries (
            id TEXT PRIMARY KEY,
            query TEXT NOT NULL,
            used_at REAL NOT NULL
        ) WITHOUT ROWID""",
        "CREATE INDEX saved_queries_used ON saved_queries(used_at)",
    ),
    # 7: prefix indexes. A search's last word is also a prefix ("elec" finds "election"); without an index of
    # prefixes FTS5 merged the doclists of every word it begins: at 1,000,000 digests a 4-letter prefix cost a
    # big chat 112 ms at p95 (bench.storage). The price: the index is 2.3 times as big.
    _prefix_index_steps(),
    # 8: each history row carries its digest's date (kept by triggers), under an index by chat and date. A date
    # range alone walked the chat's history newest first, reading each digest's date, until 1,001 fell in it: a
    # week in the chat holding 10% of 1,000,000 digests holds fewer, so the whole chat was read (50-54 ms at p95).
    (
        "ALTER TABLE history ADD COLUMN dated TEXT NOT NULL DEFAULT ''",
        "UPDATE history SET dated = (SELECT dated FROM digests WHERE id = history.digest_id)",
        "CREATE INDEX history_dated ON history(chat_id, dated)",
        """CREATE TRIGGER history_dated_ai AFTER INSERT ON history BEGIN
            UPDATE history SET dated = (SELECT dated FROM digests WHERE id = new.digest_id)
            WHERE chat_id = new.chat_id AND digest_id = new.digest_id;
        END""",
        """CREATE TRIGGER digests_dated_au AFTER UPDATE OF dated ON digests BEGIN
            UPDATE history SET dated = new.dated WHERE digest_id = new.id;
        END""",
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
