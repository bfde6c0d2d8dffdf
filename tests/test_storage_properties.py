"""Property tests on both backends (a real SQLite file, a real PostgreSQL database): any text is a safe
query, a chat sees only its own, forget forgets, and both backends find the same digests.

Each test shares one database across its examples (fresh chat ids per example where they write),
so thousands of examples stay fast.
"""

from __future__ import annotations

import asyncio
import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.errors import QueryError
from digest.model import Digest, Quote
from storage import DigestStore
from storage.query import PREFIX_MIN_CHARS
from tests.conftest import SEARCH_BACKENDS
from tests.test_storage_support import Backend, PgBackend, SqliteBackend

QUERY_EXAMPLES = 1500
FORGET_EXAMPLES = 300
MINE, THEIRS = 1, 2
VOCABULARY = ("harbour", "storm", "peace", "talks", "gas", "deal", "ukraine", "kyiv", "café", "naïve", "über", "data",
              "NOT", "OR", "AND", "NEAR", "title", "body", "site", "rank", "rowid", "the", "a", "x", "rt", "com")
OPERATORS = ('"', "-", "*", "(", ")", ":", "^", "+", "{", "}", "NEAR(", "site:", "after:", "before:", "title:",
             "body:", "-site:", '-"', "2022-04-01", "2022-13-45", "rt.com", "\x00", "\ufffd", "'", ";", "--", "/*")
WORD = re.compile(r"\w+")

words = st.sampled_from(VOCABULARY)
pieces = st.one_of(words, st.sampled_from(OPERATORS), st.text(max_size=6))
queries = st.one_of(
    st.text(max_size=40),
    st.lists(pieces, max_size=8).map(" ".join),
    st.lists(pieces, max_size=8).map("".join),
)
plain_queries = st.lists(st.sampled_from([w for w in VOCABULARY if w.isalpha() and w.upper() != w]),
                         min_size=1, max_size=3).map(" ".join)


def corpus() -> list[tuple[int, Digest]]:
    """Thirty digests in two chats, all made of the same words."""
    found = []
    for n, combo in enumerate(itertools.islice(itertools.combinations(VOCABULARY, 4), 0, 600, 20)):
        chat = MINE if n % 2 else THEIRS
        text = " ".join(combo) + f" {n}"
        found.append((chat, Digest(title=f"chat{chat} {combo[0]} {combo[1]}", summary=text, body=f"{text}\n\n{text}.",
                                   quotes=(Quote(text=" ".join(reversed(combo)), speaker=combo[2]),),
                                   site=f"{combo[3]}.example", url=f"https://{combo[3]}.example/{n}")))
    return found


def searchable_text(digest: Digest) -> str:
    return " ".join([digest.title, digest.summary, digest.body, digest.site or "", digest.url or "",
                     *(f"{q.text} {q.speaker}" for q in digest.quotes)]).casefold()


def folded(word: str) -> str:
    return word.casefold().replace("é", "e").replace("ï", "i").replace("ü", "u")


@pytest.mark.parametrize("backend", SEARCH_BACKENDS, indirect=True)  # PostgreSQL with RUM and with GIN
def test_any_text_as_a_query_never_errors_and_never_crosses_chats(backend: Backend) -> None:
    with asyncio.Runner() as runner:
        store = runner.run(backend.open())
        try:
            mine: dict[int, Digest] = {}
            for chat, digest in corpus():
                digest_id = runner.run(store.save(digest, chat_id=chat))
                if chat == MINE:
                    mine[digest_id] = digest

            @settings(max_examples=QUERY_EXAMPLES, deadline=None, database=None)
            @given(query=queries)
            def any_query(query: str) -> None:
                try:
                    page = runner.run(store.search(MINE, query, limit=50))
                except QueryError:
                    assert not any(ch.isalnum() for ch in query) or re.search(r"(?i)(site|after|before):", query)
                    return
                assert page.total <= len(mine) and len(page.hits) == min(page.total, 50)
                for hit in page.hits:
                    assert mine.get(hit.digest_id) == hit.digest, (query, hit.digest.title)

            @settings(max_examples=200, deadline=None, database=None)
            @given(query=plain_queries)
            def plain_words_all_match(query: str) -> None:
                page = runner.run(store.search(MINE, query, limit=50))
                *exact, last = [folded(word) for word in query.split()]
                expected = set()
                for digest_id, digest in mine.items():
                    tokens = {folded(token) for token in WORD.findall(searchable_text(digest))}
                    last_found = (any(token.startswith(last) for token in tokens) if len(last) >= PREFIX_MIN_CHARS
                                  else last in tokens)
                    if last_found and all(word in tokens for word in exact):
                        expected.add(digest_id)
                assert {hit.digest_id for hit in page.hits} == expected, query

            any_query()
            plain_words_all_match()
        finally:
            runner.run(store.close())
        assert runner.run(backend.integrity()) == ("ok", "ok")


story_words = st.lists(st.sampled_from(VOCABULARY[:12]), min_size=1, max_size=12).map(" ".join)


def test_forget_leaves_nothing_findable(backend: Backend) -> None:
    chats = itertools.count(10, 2)
    markers = itertools.count()
    with asyncio.Runner() as runner:
        store = runner.run(backend.open())
        try:
            @settings(max_examples=FORGET_EXAMPLES, deadline=None, database=None)
            @given(stories=st.lists(st.tuples(story_words, st.booleans()), min_size=1, max_size=4))
            def forget(stories: list[tuple[str, bool]]) -> None:
                gone, other = next(chats), 1
                kept_markers, gone_markers = [], []
                for text, shared in stories:
                    marker = f"zqmark{next(markers)}"
                    url = f"https://forget.example/{marker}"
                    digest = Digest(title=f"{marker} {text}", summary=text, body=f"{text} {marker}", url=url)
                    runner.run(store.save(digest, chat_id=gone, source_url=url, message_id=1))
                    if shared:
                        runner.run(store.save(digest, chat_id=other, source_url=url))
                    (kept_markers if shared else gone_markers).append(marker)
                assert runner.run(store.forget_chat(gone)) == len(stories)
                assert runner.run(store.recent(gone)) == []
                assert runner.run(store.search(gone, stories[0][0])).total == 0
                for marker in gone_markers:
                    assert runner.run(store.search(other, marker)).total == 0
                    assert runner.run(store.cached(f"https://forget.example/{marker}")) is None
                for marker in kept_markers:
                    assert runner.run(store.search(other, marker)).total == 1
                for marker in gone_markers:  # looked at from outside the store
                    assert runner.run(backend.indexed(marker)) == 0
                    assert runner.run(backend.digests_titled(marker)) == 0

            forget()
        finally:
            runner.run(store.close())
        assert runner.run(backend.integrity()) == ("ok", "ok")


SAME_HITS_EXAMPLES = 1000


@pytest.mark.parametrize("words_index", ("rum", "gin"))
def test_both_backends_find_the_same_digests_for_any_query(tmp_path: Path, words_index: str,
                                                           request: pytest.FixtureRequest) -> None:
    """The shared corpus in a SQLite file and in PostgreSQL (its words index RUM, where phrases are decided in the
    index, or GIN, where the row decides them): every query finds the same digests, with the same highlighted
    snippets, on both (the order of equal-looking hits may differ: bm25 is not ts_rank)."""
    if words_index == "rum":
        request.getfixturevalue("rum_installed")
        postgresql = PgBackend(request.getfixturevalue("pg_dsn"))
    else:
        admin, store_dsn = request.getfixturevalue("pg_gin_dsns")
        postgresql = PgBackend(admin, store_dsn=store_dsn)
    backends = (SqliteBackend(tmp_path / "same.sqlite3"), postgresql)
    with asyncio.Runner() as runner:
        stores = [runner.run(backend.open()) for backend in backends]
        try:
            for chat, digest in corpus():
                for store in stores:
                    runner.run(store.save(digest, chat_id=chat))

            def found(store: DigestStore, query: str) -> tuple[int, dict[int, str]] | str:
                try:
                    page = runner.run(store.search(MINE, query, limit=50))
                except QueryError as error:
                    return error.user_message
                return page.total, {hit.digest_id: hit.snippet for hit in page.hits}  # same ids: same saves

            @settings(max_examples=SAME_HITS_EXAMPLES, deadline=None, database=None)
            @given(query=st.one_of(queries, plain_queries))
            def same_hits(query: str) -> None:
                assert found(stores[0], query) == found(stores[1], query), query

            same_hits()
            assert runner.run(postgresql.words_index()) == words_index
        finally:
            for store in stores:
                runner.run(store.close())
