"""The search language, and its translation into FTS5 MATCH expressions that can never fail.

    ukraine talks           every word must match; the last one also as a prefix ("talks" finds "talks", "talked")
    "peace talks"           an exact phrase
    -russia  -"gas deal"    leave out digests with this word or phrase
    site:rt.com             only digests from that site (or its subdomains); -site:rt.com leaves it out
    after:2022-04-01        dated on or after that day (YYYY, YYYY-MM or YYYY-MM-DD)
    before:2022-05-01       dated before that day (so after:2022-04 before:2022-05 is April)

A digest's date is the day its article was published, or the day it was fetched when the page
gives no date (storage.rows `dated`; /help and `digestbot search --help` say the same).

Every piece of user text reaches FTS5 inside a double-quoted string (quotes doubled), so `NOT`,
`title:`, `*`, `(` or a stray `"` are just text: no input can raise an FTS5 syntax error or act
as an operator; and only inside a filter on the columns users search, so no word can reach the
index's chat tokens. NUL and lone surrogates, which SQLite cannot take, are dropped first.
Unusable input raises `QueryError` with a sentence for the user: a query with nothing to search
for (empty, blank, or only `""`), or a date that is not a date. Anything else is searched, and
may simply find nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from digest.errors import N_, QueryError
from storage.sqlite.schema import USER_COLUMNS

MAX_QUERY_CHARS = 500
MAX_TERMS = 24
PREFIX_MIN_CHARS = 3  # a shorter last word matches exactly: "a*" would read half the index
FILTER = re.compile(r"^(site|after|before):(.*)$", re.IGNORECASE | re.DOTALL)
DATE_FORMS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), lambda m: date(int(m[1]), int(m[2]), int(m[3]))),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), lambda m: date(int(m[1]), int(m[2]), 1)),
    (re.compile(r"^(\d{4})$"), lambda m: date(int(m[1]), 1, 1)),
)
UNSEARCHABLE = re.compile(r"[\x00\ud800-\udfff]")
SITE_COLUMN = "site"

EMPTY_QUERY = N_("Tell me what to look for: a few words, a \"phrase\", site:rt.com or after:2022-04-01.")
BAD_DATE = N_("Dates in after: and before: look like 2022-04-01.")


@dataclass(frozen=True, slots=True)
class Term:
    """A word or an exact phrase, as the user typed it."""

    text: str
    phrase: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedQuery:
    """A search, parsed: what must match, what must not, and the filters."""

    terms: tuple[Term, ...] = ()
    excluded: tuple[Term, ...] = ()
    sites: tuple[str, ...] = ()
    excluded_sites: tuple[str, ...] = ()
    after: date | None = None
    before: date | None = None

    @property
    def has_positive(self) -> bool:
        return bool(self.terms or self.sites)

    def words_match(self) -> str | None:
        """The user's own words and phrases as an FTS5 expression (also for snippets), or None."""
        if not self.terms:
            return None
        last_word = max((i for i, term in enumerate(self.terms) if not term.phrase), default=-1)
        return in_user_columns(" AND ".join(
            quote_fts(term.text) + ("*" if i == last_word and len(term.text) >= PREFIX_MIN_CHARS else "")
            for i, term in enumerate(self.terms)
        ))

    def match(self) -> str | None:
        """Everything that must and must not match, as one FTS5 expression; None when nothing must."""
        if not self.has_positive:
            return None
        parts = []
        words = self.words_match()
        if words:
            parts.append(f"({words})")
        if self.sites:
            parts.append("(" + " OR ".join(site_match(site) for site in self.sites) + ")")
        expression = " AND ".join(parts)
        excluded = self.excluded_match()
        return f"{expression} NOT ({excluded})" if excluded else expression

    def excluded_match(self) -> str | None:
        """Everything that must not match, OR-ed, or None."""
        parts = [in_user_columns(" OR ".join(quote_fts(term.text) for term in self.excluded))] if self.excluded else []
        parts += [site_match(site) for site in self.excluded_sites]
        return " OR ".join(parts) or None


def in_user_columns(expression: str) -> str:
    """Limit an expression to the columns users search, never the index's chat tokens."""
    return f"{{{' '.join(USER_COLUMNS)}}} : ({expression})"


def quote_fts(text: str) -> str:
    """A string FTS5 reads as one phrase of plain tokens, never as syntax."""
    return '"' + text.replace('"', '""') + '"'


def site_match(site: str) -> str:
    """The site column must contain the site's tokens in order (the store checks the exact host)."""
    return f"{SITE_COLUMN} : {quote_fts(site)}"


def parse_query(text: str) -> ParsedQuery:
    """Read the search language; raises QueryError only for a query with nothing to search or a bad date."""
    terms: list[Term] = []
    excluded: list[Term] = []
    sites: list[str] = []
    excluded_sites: list[str] = []
    after = before = None
    for negate, term in _tokens(UNSEARCHABLE.sub("", text)[:MAX_QUERY_CHARS]):
        if len(terms) + len(excluded) + len(sites) + len(excluded_sites) >= MAX_TERMS:
            break
        found = None if term.phrase else FILTER.match(term.text)
        if found is None:
            (excluded if negate else terms).append(term)
            continue
        key, value = found.group(1).lower(), found.group(2)
        if key == "site":
            site = normal_site(value)
            if site:
                (excluded_sites if negate else sites).append(site)
        elif negate:
            excluded.append(term)
        elif key == "after":
            after = parse_date(value)
        else:
            before = parse_date(value)
    query = ParsedQuery(terms=tuple(terms), excluded=tuple(excluded), sites=tuple(sites),
                        excluded_sites=tuple(excluded_sites), after=after, before=before)
    if query == ParsedQuery():
        raise QueryError(EMPTY_QUERY)
    return query


def _tokens(text: str) -> list[tuple[bool, Term]]:
    """Split into (negated, word-or-phrase); an unclosed quote runs to the end; empty phrases vanish."""
    found: list[tuple[bool, Term]] = []
    pos, end = 0, len(text)
    while pos < end:
        if text[pos].isspace():
            pos += 1
            continue
        negate = text[pos] == "-" and pos + 1 < end and not text[pos + 1].isspace()
        if negate:
            pos += 1
        if text[pos] == '"':
            close = text.find('"', pos + 1)
            close = end if close == -1 else close
            phrase = text[pos + 1:close].strip()
            if phrase:
                found.append((negate, Term(phrase, phrase=True)))
            pos = close + 1
            continue
        start = pos
        while pos < end and not text[pos].isspace():
            pos += 1
        found.append((negate, Term(text[start:pos])))
    return found


def normal_site(value: str) -> str:
    """`https://www.RT.com/news` -> `rt.com`; a plain name such as `guardian` is kept, lower-cased."""
    value = value.strip().strip('"').strip().lower()
    if "//" in value:
        value = urlsplit(value).hostname or ""
    value = value.split("/")[0]
    return re.sub(r"^www\d*\.", "", value).strip(".")


def parse_date(value: str) -> date:
    value = value.strip().strip('"')
    for pattern, build in DATE_FORMS:
        found = pattern.match(value)
        if found:
            try:
                return build(found)
            except ValueError:
                break
    raise QueryError(BAD_DATE)
