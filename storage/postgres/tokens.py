"""Words as SQLite's FTS5 sees them, for the PostgreSQL index: one tokenizer, two backends, same hits.

PostgreSQL's own parser reads text differently from FTS5's `unicode61 remove_diacritics 2`:
"bbc.co.uk" is one host token there and three words here, "well-known" three tokens, an email
or a URL one; and FTS5 has its own idea of a letter (Unicode 6.1's, where a later emoji is part
of a word). So the PostgreSQL store does not let PostgreSQL parse: FTS5 itself, in a private
in-memory SQLite database, cuts and folds the text, and PostgreSQL gets a ready `tsvector`
literal (positions, and a weight per column); a query becomes a `tsquery` literal of the same
words, and a hit's snippet is FTS5's snippet() of the same row. No `unaccent` extension (which
a managed server may not let us create), no stemming (FTS5 has none, and a language per digest
would make "talks" find "talk" on one backend only), and user text is only ever a quoted lexeme,
never an operator.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from storage.base import HIGHLIGHT_END, HIGHLIGHT_START
from storage.postgres.schema import MAX_CHAT_LEXEME_BYTES, chat_lexeme
from storage.query import PREFIX_MIN_CHARS, ParsedQuery, Term
from storage.sqlite.schema import USER_COLUMNS

# PostgreSQL's limits on a tsvector: positions 1..16383, 256 positions per lexeme, 2047 bytes per lexeme.
MAX_POSITION = 16_383
MAX_POSITIONS_PER_LEXEME = 256
MAX_LEXEME_BYTES = 2_047
COLUMN_GAP = 2  # positions skipped between columns, so a "phrase" never spans two of them (as in FTS5)
# Weights per searched column, in storage.sqlite.schema.USER_COLUMNS order. ts_rank's default weights
# (D 0.1, C 0.2, B 0.4, A 1.0) are in the ratio of FTS5's bm25 weights 1, 2, 4, 10.
COLUMN_WEIGHTS = ("A", "B", "C", "C", "D")
SNIPPET_WORDS = 20
SNIPPET_ELLIPSIS = "…"
NOTHING = ""  # from all_of: a term without a word matches nothing (tsquery cannot say that; SQL says FALSE)
# Marks FTS5 puts around matches; swapped for HIGHLIGHT_* after any stray HIGHLIGHT_* in the text is dropped.
_MARK_START, _MARK_END = "\ue000", "\ue001"
_local = threading.local()


def _fts5() -> sqlite3.Connection:
    """This thread's private in-memory FTS5 table, tokenised exactly as the SQLite store's index."""
    db: sqlite3.Connection | None = getattr(_local, "db", None)
    if db is None:
        db = sqlite3.connect(":memory:", isolation_level=None)
        db.execute(f"CREATE VIRTUAL TABLE doc USING fts5({', '.join(USER_COLUMNS)},"
                   " tokenize='unicode61 remove_diacritics 2')")
        db.execute("CREATE VIRTUAL TABLE doc_terms USING fts5vocab(doc, 'instance')")
        _local.db = db
    return db


def tokenised(columns: Sequence[str]) -> list[tuple[str, int, int]]:
    """(word, column, offset) for each word of up to five column texts, read back from FTS5."""
    db = _fts5()
    padded = [*columns, *([""] * (len(USER_COLUMNS) - len(columns)))]
    db.execute(f"INSERT INTO doc(rowid, {', '.join(USER_COLUMNS)}) VALUES (1, ?, ?, ?, ?, ?)", padded)
    try:
        rows = db.execute("SELECT term, col, offset FROM doc_terms").fetchall()
    finally:
        db.execute("DELETE FROM doc")
    index = {name: i for i, name in enumerate(USER_COLUMNS)}
    return [(term, index[column], offset) for term, column, offset in rows]


def words(text: str) -> list[str]:
    """The folded words of a text, in order, as FTS5 indexes them."""
    return [term for term, _, _ in sorted(tokenised([text]), key=lambda found: found[2])]


def tsvector_literal(columns: Sequence[str], weights: Sequence[str] = COLUMN_WEIGHTS) -> str:
    """`'word':1A,7A 'other':2B`: every word of every column with its position and column weight."""
    found = tokenised(columns)
    return vector_literal(found, column_starts(found, len(columns)), weights)


def column_starts(found: Sequence[tuple[str, int, int]], columns: int) -> list[int]:
    """The position of each column's first word: columns in a row, COLUMN_GAP apart."""
    lengths = [0] * columns
    for _, column, offset in found:
        lengths[column] = max(lengths[column], offset + 1)
    starts, position = [], 1
    for length in lengths:
        starts.append(position)
        position += length + COLUMN_GAP
    return starts


def vector_literal(found: Sequence[tuple[str, int, int]], starts: Sequence[int], weights: Sequence[str]) -> str:
    """The tsvector literal of `tokenised` words (bench.filling.bulk also builds one from cached parts)."""
    positions: dict[str, list[str]] = {}
    for word, column, offset in sorted(found, key=lambda item: (item[1], item[2])):
        if "\x00" in word or len(word.encode()) > MAX_LEXEME_BYTES:
            continue
        held = positions.setdefault(word, [])
        if len(held) < MAX_POSITIONS_PER_LEXEME:
            held.append(f"{min(starts[column] + offset, MAX_POSITION)}{weights[column]}")
    return " ".join(f"{quote_lexeme(word)}:{','.join(dict.fromkeys(held))}" for word, held in positions.items())


def quote_lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


@dataclass(frozen=True, slots=True)
class Pattern:
    """One term as lexemes in a row; `prefix` makes the last one match any word it starts."""

    lexemes: tuple[str, ...]
    prefix: bool = False

    def tsquery(self) -> str | None:
        """`'peace' <-> 'talk':*`, or None for a term with no word in it (FTS5: matches nothing)."""
        if not self.lexemes:
            return None
        quoted = [quote_lexeme(lexeme) for lexeme in self.lexemes]
        if self.prefix:
            quoted[-1] += ":*"
        return "(" + " <-> ".join(quoted) + ")"


    def in_chat(self, chat_id: int, mark: str, *, positions: bool) -> str | None:
        """The pattern over one chat's lexemes in chat_search (storage.postgres.schema.chat_lexeme): `'42 peace'
        <-> '42 talk':*` where the vector and its index keep positions (`sites`; `words` under RUM), else its words
        ANDed (a GIN index of `words` keeps none, so a phrase is only narrowed there); None when no word can match (none, or one too long for a chat's lexeme)."""
        if not self.lexemes or any(len(lexeme.encode()) > MAX_CHAT_LEXEME_BYTES for lexeme in self.lexemes):
            return None
        quoted = [quote_lexeme(chat_lexeme(chat_id, mark, lexeme)) for lexeme in self.lexemes]
        if self.prefix:
            quoted[-1] += ":*"
        return "(" + (" <-> " if positions else " & ").join(quoted) + ")"


def term_patterns(query: ParsedQuery) -> list[Pattern]:
    """The query's words and phrases; the last plain word is a prefix, as in storage.query."""
    last_word = max((i for i, term in enumerate(query.terms) if not term.phrase), default=-1)
    return [Pattern(tuple(words(term.text)), prefix=i == last_word and len(term.text) >= PREFIX_MIN_CHARS)
            for i, term in enumerate(query.terms)]


def all_of(patterns: Iterable[Pattern]) -> str | None:
    """Every pattern must match: a tsquery; NOTHING when one of them has no word; None for no pattern."""
    parts = [pattern.tsquery() for pattern in patterns]
    if not parts:
        return None
    if any(part is None for part in parts):
        return NOTHING
    return " & ".join(part for part in parts if part)


def any_of(patterns: Iterable[Pattern]) -> str | None:
    """At least one pattern must match (patterns with no word never do); None when none can."""
    parts = [part for part in (pattern.tsquery() for pattern in patterns) if part]
    return " | ".join(parts) or None


def excluded_patterns(terms: Sequence[Term]) -> list[Pattern]:
    return [Pattern(tuple(words(term.text))) for term in terms]


def site_patterns(sites: Sequence[str]) -> list[Pattern]:
    return [Pattern(tuple(words(site))) for site in sites]


def snippet(columns: Sequence[str], words_match: str, size: int = SNIPPET_WORDS) -> str | None:
    """FTS5's snippet() of one row's searched columns for the query's words (as the SQLite store makes it)."""
    db = _fts5()
    db.execute(f"INSERT INTO doc(rowid, {', '.join(USER_COLUMNS)}) VALUES (1, ?, ?, ?, ?, ?)", list(columns))
    try:
        row = db.execute(f"SELECT snippet(doc, -1, ?, ?, '{SNIPPET_ELLIPSIS}', {size}) FROM doc WHERE doc MATCH ?",
                         (_MARK_START, _MARK_END, words_match)).fetchone()
    finally:
        db.execute("DELETE FROM doc")
    if not row or not row[0]:
        return None
    text: str = row[0]
    return (text.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")
            .replace(_MARK_START, HIGHLIGHT_START).replace(_MARK_END, HIGHLIGHT_END))
