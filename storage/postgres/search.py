"""SQL for one search on PostgreSQL: the same query language and hits as storage.sqlite.search on SQLite.

A search reads `chat_search` (schema step 5), one narrow row per history entry whose `words` are the
digest's words as lexemes of its chat (`42 peace`), so the GIN posting list of a query word is
exactly this chat's digests that hold it: the index alone decides a word, a prefix ('42 elec':*
expands over this chat's words only) and an AND of them, with no recheck on any row. `site:` reads
`sites`, the site column's words of the chat with their positions (a small vector in the row).
The user's words become tsquery literals (storage.postgres.tokens); user text only ever reaches SQL
as a parameter.

With a RUM index (schema step 6: `words` keeps its positions, and so does the index) the index also
decides a term of several words ("a phrase", or `well-known`: `'42 peace' <-> '42 talks'`); a query
with no such term reads the GIN index on `strip(words)` beside it (step 7), which merges a prefix's
posting lists several times faster than RUM. With a
GIN index, which keeps no positions, what the index cannot decide is checked on the digest's row
(`digests.search`, the whole vector, TOASTed), for the index's candidates only: the index finds the
digests holding all of a term's words and the row decides whether they stand in a row; and the
exclusions of words in a row. An excluded term joins the chat's words in the index (`'42 peace' &
!'42 war'`) when the query has words and the index can decide it, and is checked on the row otherwise.

Ranking reads `rank`, chat_search's copy of `digests.rank_search` (title, summary, quotes and site
words, ~1 KB in the narrow row; reading it from each window match's wide row cost an ordinary chat's
common word 6-28 ms): ts_rank, length-normalised as bm25 is, then the most recently saved first, as
on SQLite.

storage.window: only the matches among the chat's RANK_WINDOW newest digests are ranked (the window
is an id range of chat_search's primary key, ANDed with the GIN matches before any row is read),
older matches follow by id (`older_sql`, only when a page reaches them), and the count stops at
COUNT_CAP + 1 ("1000+"); a count needs no row when the index decides alone (a bitmap scan skips
all-visible pages). A query of dates or exclusions only is not ranked: its matches come most
recently saved first, along the chat's (chat_id, saved_at) index.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storage.base import COUNT_CAP
from storage.postgres.schema import SITE_MARK, WORD_MARK
from storage.postgres.tokens import NOTHING, Pattern, all_of, any_of, excluded_patterns, site_patterns, term_patterns
from storage.query import ParsedQuery

PAGE_COLUMNS = "d.title, d.summary, d.body, d.record, d.quotes, d.site"  # the hit and its snippet
# A search's words must only ever be decided by the GIN index: the planner prices `words @@ query` as a cheap
# filter, but on a row it reads the whole TOASTed vector. Left to itself it counted "1000+" by a sequential
# scan that stops at the 1,001st match (680 ms for a prefix in the big chat at 300,000 digests), and took the
# older matches walking an id index backwards (2.1 s for a rare word after a date). So a search runs with
# bitmap scans only, in its own transaction. A RUM index gathers a word's (or a prefix's) matches in memory
# before the bitmap: past the default 4 MB work_mem ('1 cons':*, 72,000 entries in the big chat at a million
# digests) it spilled 34 MB to temporary files, twice a search; SEARCH_WORK_MEM keeps it in memory (16 MB was
# enough for the worst of bench.storage's prefixes there; twice that for margin, per search, not per connection).
SEARCH_WORK_MEM = "32MB"
SEARCH_SETTINGS = ("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off;"
                   f" SET LOCAL work_mem = '{SEARCH_WORK_MEM}'")
# With RUM on `words` (schema step 7), the GIN index beside it is on this expression; the planner takes it only
# for a condition written the same way.
LEXEMES = "strip(s.words)"
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
    """Conditions on `s` (chat_search) that find the candidates, those on `d` (digests) that the index cannot
    decide (empty: every candidate matches, and no digest row is read), and what to rank by (`s.rank`, or the
    digest's `site_search` for `site:` alone)."""

    found: list[str]
    checked: list[str]
    rank: tuple[str, str] | None  # (vector, tsquery) to rank by; None: a query of dates or exclusions only

    def ranked_source(self) -> str:
        """FROM for the ranked matches: the digest's row also when the rank reads it (`site:` alone)."""
        needs_row = self.checked or (self.rank is not None and self.rank[0].startswith("d."))
        return "chat_search AS s" + (" JOIN digests AS d ON d.id = s.digest_id" if needs_row else "")

    def rank_sql(self, params: _Params) -> str:
        assert self.rank is not None
        vector, tsquery = self.rank
        return f"ts_rank({vector}, {params.add(tsquery)}::tsquery, {RANK_NORMALISATION})"

    def source(self) -> str:
        """FROM for the matches: the digest's row joined only when a condition needs it."""
        return "chat_search AS s" + (" JOIN digests AS d ON d.id = s.digest_id" if self.checked else "")

    def where(self) -> str:
        return " AND ".join(self.found + self.checked)


def _in_chat(patterns: list[Pattern], chat_id: int, mark: str, *, positions: bool, joiner: str) -> str | None:
    """Patterns over the chat's lexemes, joined; NOTHING when one of an AND cannot match; None for none."""
    parts = [pattern.in_chat(chat_id, mark, positions=positions) for pattern in patterns]
    if joiner == " & ":
        if not parts:
            return None
        return NOTHING if any(part is None for part in parts) else joiner.join(part for part in parts if part)
    return joiner.join(part for part in parts if part) or None


def _match(query: ParsedQuery, params: _Params, chat_id: int, positions: bool) -> _Match:
    found: list[str] = []
    checked: list[str] = []
    terms = term_patterns(query)
    words = all_of(terms)
    sites = any_of(site_patterns(query.sites)) if query.sites else None
    rank = None
    if words == NOTHING or (query.sites and sites is None):
        return _Match(["FALSE"], [], None)  # a term or every site without a word in it: FTS5 matches nothing
    excluded_terms = [pattern for pattern in excluded_patterns(query.excluded) if pattern.lexemes]
    if words is not None:
        in_chat = _in_chat(terms, chat_id, WORD_MARK, positions=positions, joiner=" & ")
        if in_chat == NOTHING:
            return _Match(["FALSE"], [], None)
        phrase = any(len(pattern.lexemes) > 1 for pattern in terms + excluded_terms)  # words that must stand in a row
        folded, excluded_terms = _folded_exclusions(excluded_terms, chat_id, positions)
        if folded:  # `-word`: decided in the index with the words, `'42 peace' & !('42 war')`, not on the row
            in_chat = f"{in_chat} & !({' | '.join(folded)})"
        indexed = "s.words" if phrase or not positions else LEXEMES  # RUM for a phrase, else GIN (schema step 7)
        found.append(f"{indexed} @@ {params.add(in_chat)}::tsquery")
        if not positions and any(len(term.lexemes) > 1 for term in terms):  # words in a row: GIN found them all
            checked.append(f"d.search @@ {params.add(words)}::tsquery")
        rank = ("s.rank", words)
    if sites is not None:
        in_chat_sites = _in_chat(site_patterns(query.sites), chat_id, SITE_MARK, positions=True, joiner=" | ")
        if in_chat_sites is None:
            return _Match(["FALSE"], [], None)
        found.append(f"s.sites @@ {params.add(in_chat_sites)}::tsquery")
        rank = rank or ("d.site_search", sites)
    excluded = any_of(excluded_terms)
    if excluded is not None:
        checked.append(f"NOT (d.search @@ {params.add(excluded)}::tsquery)")
    excluded_sites = _in_chat(site_patterns(query.excluded_sites), chat_id, SITE_MARK, positions=True, joiner=" | ")
    if excluded_sites is not None:
        found.append(f"NOT (s.sites @@ {params.add(excluded_sites)}::tsquery)")
    # The chat, where nothing else names it (a query of dates or exclusions only), and beside dates: the date index
    # is (chat_id, dated), and without the chat a count read that index over every chat (120 ms for `elit
    # after:2026-11-25` in the big chat at a million digests).
    if rank is None or query.after is not None or query.before is not None:
        found.append(f"s.chat_id = {params.add(chat_id)}")
    return _Match(found + _filters(query, params), checked, rank)


def _folded_exclusions(excluded: list[Pattern], chat_id: int, positions: bool) -> tuple[list[str], list[Pattern]]:
    """The excluded terms the index decides, as the chat's lexemes (single words; with positions, words in a row
    too), and those left for the row: words in a row without positions and words too long for a chat's lexeme."""
    folded, left = [], []
    for pattern in excluded:
        decided = positions or len(pattern.lexemes) == 1
        lexeme = pattern.in_chat(chat_id, WORD_MARK, positions=positions) if decided else None
        if lexeme is None:
            left.append(pattern)
        else:
            folded.append(lexeme)
    return folded, left


def is_ranked(query: ParsedQuery) -> bool:
    """Whether the query has words or sites to rank by (else no window: storage.window)."""
    return bool(query.terms or query.sites)


def _count(match: _Match) -> str:
    """The matches counted up to COUNT_CAP + 1 ("1000+")."""
    return f"(SELECT count(*) FROM (SELECT FROM {match.source()} WHERE {match.where()} LIMIT {COUNT_CAP + 1}) AS c)"


def search_sql(query: ParsedQuery, *, chat_id: int, limit: int, offset: int, since: int = 0,
               positions: bool = False) -> PgSearch:
    """The page among the matches with an id from `since` (the window's start, storage.window; 0: all),
    and the counts (`total` NULL when `since` is set: `count_sql` counts then). `since` is our own integer,
    written into the SQL so that the planner sees the range. `positions`: the words index keeps positions (RUM),
    so it decides phrases too."""
    params = _Params()
    match = _match(query, params, chat_id, positions)
    if match.rank is None:
        return _recent_sql(match, params, limit=limit, offset=offset)
    # The window is a range of the chat's primary key, which the planner ANDs with the GIN matches.
    windowed = f"{match.where()} AND s.chat_id = {params.add(chat_id)} AND s.digest_id >= {int(since)}" if since \
        else match.where()
    limit_param, offset_param = params.add(limit), params.add(offset)
    # Past the window the count scans the index again (`count_sql`, run beside this on another connection).
    total = "NULL::bigint" if since else f"least((SELECT count(*) FROM m), {COUNT_CAP + 1})"
    sql = f"""
        WITH m AS MATERIALIZED (SELECT s.digest_id AS id, s.saved_at, {match.rank_sql(params)} AS rank
                                FROM {match.ranked_source()} WHERE {windowed})
        SELECT p.id, p.saved_at, {PAGE_COLUMNS}, c.ranked, c.total
        FROM (SELECT (SELECT count(*) FROM m) AS ranked, {total} AS total) AS c
        LEFT JOIN (SELECT id, saved_at, rank FROM m ORDER BY rank DESC, saved_at DESC, id DESC
                   LIMIT {limit_param} OFFSET {offset_param}) AS p ON TRUE
        LEFT JOIN digests AS d ON d.id = p.id
        ORDER BY p.rank DESC, p.saved_at DESC, p.id DESC"""
    return PgSearch(sql, params.values)


def count_sql(query: ParsedQuery, *, chat_id: int, positions: bool = False) -> PgSearch:
    """A ranked query's matches counted up to COUNT_CAP + 1, in a chat past the rank window (where `search_sql`'s
    `total` is NULL). It scans the index a second time (the window's bitmap cannot be shared: 20-25 ms each for
    a common prefix in the chat holding 100,000 digests), so the store runs it beside the page's query, on a
    connection of its own: on a server with two cores or more the search takes one scan's time, not two."""
    params = _Params()
    match = _match(query, params, chat_id, positions)
    return PgSearch(f"SELECT {_count(match)}", params.values)


def _recent_sql(match: _Match, params: _Params, *, limit: int, offset: int) -> PgSearch:
    """An unranked query (dates, exclusions): every match most recently saved first, counted to the cap."""
    sql = f"""
        SELECT p.id, p.saved_at, {PAGE_COLUMNS}, c.total AS ranked, c.total
        FROM (SELECT {_count(match)} AS total) AS c
        LEFT JOIN (SELECT s.digest_id AS id, s.saved_at FROM {match.source()} WHERE {match.where()}
                   ORDER BY s.saved_at DESC, s.digest_id DESC
                   LIMIT {params.add(limit)} OFFSET {params.add(offset)}) AS p ON TRUE
        LEFT JOIN digests AS d ON d.id = p.id
        ORDER BY p.saved_at DESC, p.id DESC"""
    return PgSearch(sql, params.values)


def older_sql(query: ParsedQuery, *, chat_id: int, before: int, limit: int, offset: int,
              positions: bool = False) -> PgSearch:
    """The matches older than the window (id below `before`), newest first: the results after the ranked ones."""
    params = _Params()
    match = _match(query, params, chat_id, positions)
    sql = f"""
        SELECT o.id, o.saved_at, {PAGE_COLUMNS}
        FROM (SELECT s.digest_id AS id, s.saved_at FROM {match.source()}
              WHERE {match.where()} AND s.digest_id < {int(before)}
              ORDER BY s.digest_id DESC LIMIT {params.add(limit)} OFFSET {params.add(offset)}) AS o
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
            checks.append(f"(s.host = {name} OR right(s.host, length({name}) + 1) = '.' || {name})")
        clauses.append("(" + " OR ".join(checks) + ")")
    if query.after is not None:
        clauses.append(f"s.dated >= {params.add(query.after.isoformat())}")
    if query.before is not None:
        clauses.append(f"s.dated < {params.add(query.before.isoformat())}")
    return clauses
