"""SQL for one search on PostgreSQL: the same query language and hits as storage.sqlite.search on SQLite.

The user's words become tsquery literals (storage.postgres.tokens), matched against `digests.search`
(every searched column) and `site:` against `digests.site_search` (the site column only). Both GIN
indexes start with `digests.chats`, so the chat narrows the match inside the index, as the chat
token does in SQLite's FTS5 (schema step 4). But GIN rechecks every match on its row (the chat's
array and the words), so each match costs a table page, for counting as for ranking: so only the
matches among the chat's RANK_WINDOW newest digests are ranked (storage.window; the window's start
is an id range the planner ANDs with the GIN index), older matches follow by id (`older_sql`, only
when a page reaches them), and the count stops at COUNT_CAP + 1 ("1000+"). Of the ranked matches, only
those ranked at least as high as the page's last one look up their history row for
saved_at, the tie-break (LIMIT 1 keeps that a lookup by primary key per match: joined, the planner
hashed the chat's whole history, 100,000 rows for the big chat of a million digests); looking it up
for every match cost 15-35 ms of a big chat's common word at 100,000 digests. Which chat holds a
digest is `digests.chats`, kept from history by triggers (and checked by the tests' integrity()).
The date range is a btree on `dated` that the planner can AND with the GIN index when a query has
only dates. Ranking is ts_rank over `rank_search`, the title,
summary, quotes and site words with their column weights (title first), length-normalised (bm25 is
too), then the most recently saved first, as on SQLite. The body's words find a digest but do not
rank it: reading each match's whole vector (~7.5 KB, TOASTed) made a common word cost 30-235 ms at
100,000 digests. User text only ever reaches SQL as a parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storage.base import COUNT_CAP
from storage.postgres.schema import shard_predicate
from storage.postgres.tokens import NOTHING, all_of, any_of, excluded_patterns, site_patterns, term_patterns
from storage.query import ParsedQuery
from storage.sqlite.schema import shard_of

PAGE_COLUMNS = "d.title, d.summary, d.body, d.record, d.quotes, d.site"  # the hit and its snippet
RANK_NORMALISATION = 1  # ts_rank: divide by 1 + log(document length), as bm25 weighs long documents down


@dataclass
class PgSearch:
    """One query and its parameters. Rows: digest id, saved_at, PAGE_COLUMNS; the page query's also
    `ranked` (the matches in the window) and `total`, with one row of NULL hit columns when the page is empty."""

    sql: str
    params: list[Any]


class _Params:
    def __init__(self) -> None:
        self.values: list[Any] = []

    def add(self, value: Any) -> str:
        self.values.append(value)
        return f"${len(self.values)}"


@dataclass
class _Match:
    where: list[str]
    rank: str | None  # None: a query of dates or exclusions only, not ranked


def _match(query: ParsedQuery, params: _Params, chat: str, chat_id: int) -> _Match:
    where = [f"d.chats @> ARRAY[{chat}::bigint]", shard_predicate(shard_of(chat_id))]
    words = all_of(term_patterns(query))
    sites = any_of(site_patterns(query.sites)) if query.sites else None
    rank = None
    if words == NOTHING or (query.sites and sites is None):
        where.append("FALSE")  # a term or every site without a word in it: FTS5 matches nothing either
    else:
        if words is not None:
            words_param = params.add(words)
            where.append(f"d.search @@ {words_param}::tsquery")
            rank = f"ts_rank(d.rank_search, {words_param}::tsquery, {RANK_NORMALISATION})"
        if sites is not None:
            sites_param = params.add(sites)
            where.append(f"d.site_search @@ {sites_param}::tsquery")
            rank = rank or f"ts_rank(d.site_search, {sites_param}::tsquery, {RANK_NORMALISATION})"
    excluded = any_of(excluded_patterns(query.excluded))
    if excluded is not None:
        where.append(f"NOT (d.search @@ {params.add(excluded)}::tsquery)")
    excluded_sites = any_of(site_patterns(query.excluded_sites))
    if excluded_sites is not None:
        where.append(f"NOT (d.site_search @@ {params.add(excluded_sites)}::tsquery)")
    return _Match(where + _filters(query, params), rank)


def is_ranked(query: ParsedQuery) -> bool:
    """Whether the query has words or sites to rank by (else no window: storage.window)."""
    return bool(query.terms or query.sites)


def search_sql(query: ParsedQuery, *, chat_id: int, limit: int, offset: int, since: int = 0) -> PgSearch:
    """The page among the matches with an id from `since` (the window's start, storage.window; 0: all),
    and the counts. `since` is our own integer, written into the SQL so that the planner sees the
    range: a narrow one (a big chat's window) is ANDed with the GIN index, so only the window's
    matches are read; a wide one is checked on the rows."""
    params = _Params()
    chat = params.add(chat_id)
    match = _match(query, params, chat, chat_id)
    where = " AND ".join(match.where)
    rank = match.rank
    windowed = f"{where} AND d.id >= {int(since)}" if since else where
    limit_param, offset_param = params.add(limit), params.add(offset)
    order = f"{'m.rank DESC, ' if rank else ''}h.saved_at DESC, m.id DESC"
    # Only matches ranked at least as high as the page's last one need their history row: the rest
    # cannot reach the page (equal ranks still go by saved_at, so the cut keeps every tie).
    cut = (f"WHERE m.rank >= coalesce((SELECT rank FROM m ORDER BY rank DESC LIMIT 1"
           f" OFFSET {params.add(limit + offset - 1)}), '-Infinity')") if rank else ""
    # Counting reads each match's row too (GIN rechecks the chat's array and the words on the row), so it stops
    # at COUNT_CAP + 1: "1000+".
    total = (f"(SELECT count(*) FROM (SELECT FROM digests AS d WHERE {where} LIMIT {COUNT_CAP + 1}) AS c)" if since
             else f"least((SELECT count(*) FROM m), {COUNT_CAP + 1})")
    sql = f"""
        WITH m AS MATERIALIZED (SELECT d.id, {rank or "0"} AS rank FROM digests AS d WHERE {windowed})
        SELECT p.id, p.saved_at, {PAGE_COLUMNS}, c.ranked, c.total
        FROM (SELECT (SELECT count(*) FROM m) AS ranked, {total} AS total) AS c
        LEFT JOIN (SELECT m.id, m.rank, h.saved_at FROM m
              CROSS JOIN LATERAL (SELECT saved_at FROM history WHERE chat_id = {chat} AND digest_id = m.id LIMIT 1) AS h
              {cut}
              ORDER BY {order} LIMIT {limit_param} OFFSET {offset_param}) AS p ON TRUE
        LEFT JOIN digests AS d ON d.id = p.id
        ORDER BY {order.replace("h.", "p.").replace("m.", "p.")}"""
    return PgSearch(sql, params.values)


def older_sql(query: ParsedQuery, *, chat_id: int, before: int, limit: int, offset: int) -> PgSearch:
    """The matches older than the window (id below `before`), newest first: the results after the ranked ones."""
    params = _Params()
    chat = params.add(chat_id)
    where = " AND ".join(_match(query, params, chat, chat_id).where)
    sql = f"""
        SELECT o.id, h.saved_at, {PAGE_COLUMNS}
        FROM (SELECT d.id FROM digests AS d WHERE {where} AND d.id < {int(before)}
              ORDER BY d.id DESC LIMIT {params.add(limit)} OFFSET {params.add(offset)}) AS o
        CROSS JOIN LATERAL (SELECT saved_at FROM history WHERE chat_id = {chat} AND digest_id = o.id LIMIT 1) AS h
        JOIN digests AS d ON d.id = o.id
        ORDER BY o.id DESC"""
    return PgSearch(sql, params.values)


def _filters(query: ParsedQuery, params: _Params) -> list[str]:
    """Exact host for domain sites (when every site is a domain, as on SQLite), and the date range."""
    clauses = []
    domains = [site for site in query.sites if "." in site]
    if domains and len(domains) == len(query.sites):
        checks = []
        for site in domains:
            name = params.add(site)
            checks.append(f"(d.host = {name} OR right(d.host, length({name}) + 1) = '.' || {name})")
        clauses.append("(" + " OR ".join(checks) + ")")
    if query.after is not None:
        clauses.append(f"d.dated >= {params.add(query.after.isoformat())}")
    if query.before is not None:
        clauses.append(f"d.dated < {params.add(query.before.isoformat())}")
    return clauses
