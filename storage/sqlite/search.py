"""SQL for one search: the chat's matching digests, ranked, one page at a time.

Three things keep a search fast and inside its chat (figures from bench.storage, 100,000 digests):
- it reads only its chat's shard of the index (storage.sqlite.schema), and the chat's own token is part
  of the MATCH, so FTS5 ranks only this chat's digests;
- the index is the outer loop (CROSS JOIN): left to itself, SQLite's planner walks the chat's
  history and runs one full-text query per row, a hundred times slower;
- snippets are made in a second step, for the page's few hits only.
The join with history checks the chat once more and brings saved_at. Ranking is FTS5's bm25
(weights in schema.RANK_WEIGHTS), then the most recently saved first to break ties, for the matches
among the chat's newest digests; older matches follow, newest first (storage.window, as on PostgreSQL).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storage.base import COUNT_CAP
from storage.query import ParsedQuery
from storage.sqlite.schema import chat_token, fts_table, shard_of
from storage.window import WINDOW_START_SQL

SNIPPET_TOKENS = 20
CHATS_COLUMN = "chats"
NARROW_RANGE = 10_000  # a date range holding fewer of a chat's digests is read whole from history_dated and sorted
# (at most a few ms); a wider one is read newest first along history_recent, until COUNT_CAP + 1 fall in it
SNIPPET_ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class SearchSql:
    """The page query (rows: digest id, saved_at, total) and its parameters."""

    sql: str
    params: dict[str, Any]


def search_sql(query: ParsedQuery, *, chat_id: int, limit: int, offset: int, rank_window: int) -> SearchSql:
    """The page: the matches among the chat's `rank_window` newest digests ranked, then the older ones
    newest first (storage.window; the window's start is a subquery SQLite runs once).

    The index is read once, newest match first, and no further than the page or the count needs
    (`newest`): the window's matches are the newest ones, so they are all among the first COUNT_CAP + 1,
    and only they are ranked (FTS5 computes `rank` only where the CASE asks for it). Counting every
    match (a window function over all of them) cost a big chat 40-120 ms a search at 1,000,000 digests."""
    params: dict[str, Any] = {"chat": chat_id, "limit": limit, "offset": offset, "window_offset": rank_window - 1,
                              "counted": COUNT_CAP + 1}
    table = fts_table(shard_of(chat_id))
    host = _host_filter(query, params)
    dates = _date_filters(query, params)
    filters = [*([host] if host else []), *dates]
    match = query.match()
    if match is not None:
        params["match"] = f'{CHATS_COLUMN} : "{chat_token(chat_id)}" AND ({match})'
        since = f"coalesce(({WINDOW_START_SQL.format(chat=':chat', offset=':window_offset')}), 0)"
        sql = f"""
            WITH window_start(id) AS MATERIALIZED (SELECT {since}),
            newest AS MATERIALIZED (
                SELECT f.rowid AS id, h.saved_at AS saved_at,
                       CASE WHEN f.rowid >= (SELECT id FROM window_start) THEN f.rank END AS rank
                FROM {table} AS f
                CROSS JOIN history AS h ON h.chat_id = :chat AND h.digest_id = f.rowid
                {"JOIN digests AS d INDEXED BY digests_filters ON d.id = f.rowid" if host else ""}
                WHERE {table} MATCH :match {"".join(f" AND {clause}" for clause in filters)}
                ORDER BY f.rowid DESC LIMIT max(:counted, :offset + :limit))
            SELECT id, saved_at, min((SELECT count(*) FROM newest), :counted)
            FROM newest
            ORDER BY rank IS NULL, rank, CASE WHEN rank IS NOT NULL THEN saved_at END DESC, id DESC
            LIMIT :limit OFFSET :offset"""
        return SearchSql(sql, params)
    excluded = query.excluded_match()
    if excluded is not None:
        params["excluded"] = excluded
        filters.append(f"h.digest_id NOT IN (SELECT rowid FROM {table} WHERE {table} MATCH :excluded)")
    where = f"h.chat_id = :chat{''.join(f' AND {clause}' for clause in filters)}"
    newest = f"""
        SELECT h.digest_id AS id, h.saved_at AS saved_at FROM history AS h INDEXED BY {{index}} WHERE {where}
        ORDER BY h.saved_at DESC, h.digest_id DESC LIMIT {{rows}}"""
    rows = "max(:counted, :offset + :limit)"
    if dates:  # a range of few digests is read whole from its index, a wide one newest first (NARROW_RANGE); the
        # other reading gets LIMIT 0, which SQLite checks before it reads a row
        params["narrow"] = NARROW_RANGE
        narrow = (f"(SELECT count(*) < :narrow FROM (SELECT 1 FROM history AS h INDEXED BY history_dated"
                  f" WHERE h.chat_id = :chat AND {' AND '.join(dates)} LIMIT :narrow))")
        by_date = newest.format(index="history_dated", rows=f"CASE WHEN {narrow} THEN {rows} ELSE 0 END")
        by_recency = newest.format(index="history_recent", rows=f"CASE WHEN {narrow} THEN 0 ELSE {rows} END")
        newest = f"SELECT * FROM ({by_date}) UNION ALL SELECT * FROM ({by_recency})"
    else:
        newest = newest.format(index="history_recent", rows=rows)
    sql = f"""
        WITH newest AS MATERIALIZED ({newest})
        SELECT id, saved_at, min((SELECT count(*) FROM newest), :counted)
        FROM newest
        ORDER BY saved_at DESC, id DESC
        LIMIT :limit OFFSET :offset"""
    return SearchSql(sql, params)


def _host_filter(query: ParsedQuery, params: dict[str, Any]) -> str | None:
    """The SQL condition on `d` (digests) of exact hosts for domain sites; None for a site given by name, which is
    left to the index alone.

    `d` is read through the digests_filters index (id, host, dated): in the table those columns
    sit after the body, and reaching them read every candidate's body (3x slower at 100,000)."""
    domains = [site for site in query.sites if "." in site]
    if not domains or len(domains) != len(query.sites):
        return None
    checks = []
    for i, site in enumerate(domains):
        params[f"site{i}"] = site
        checks.append(f"(d.host = :site{i} OR substr(d.host, -length(:site{i}) - 1) = '.' || :site{i})")
    return "(" + " OR ".join(checks) + ")"


def _date_filters(query: ParsedQuery, params: dict[str, Any]) -> list[str]:
    """The date range's SQL conditions on `h`, history's copy of the digest's date (schema step 8): no digest is
    read for it, and a range alone is a range of the history_dated index."""
    clauses = []
    if query.after is not None:
        params["after"] = query.after.isoformat()
        clauses.append("h.dated >= :after")
    if query.before is not None:
        params["before"] = query.before.isoformat()
        clauses.append("h.dated < :before")
    return clauses


def snippet_sql(shard: int) -> str:
    """One statement for a page's snippets. The rowid range is handed to FTS5, so the words are
    matched once; the id list is checked with `+rowid` so that SQLite does not split it into one
    full-text query per id; and WHERE runs before snippet(), so only the page's hits are highlighted."""
    table = fts_table(shard)
    return f"""
        SELECT rowid, snippet({table}, -1, :start, :end, '{SNIPPET_ELLIPSIS}', {SNIPPET_TOKENS})
        FROM {table}
        WHERE {table} MATCH :words AND rowid >= :low AND rowid <= :high
          AND +rowid IN (SELECT value FROM json_each(:ids))"""
