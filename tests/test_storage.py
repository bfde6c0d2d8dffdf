"""The store on both backends (a real SQLite file, a real PostgreSQL server): cache, history, search,
forget, export; then each backend's own schema and durability settings."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from contextlib import closing
from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from digest.errors import QueryError
from digest.model import Digest, Quote
from storage import HIGHLIGHT_END, HIGHLIGHT_START, Store, StoreUnavailableError
from storage.base import COUNT_CAP
from storage.postgres.schema import MIGRATIONS as PG_MIGRATIONS
from storage.postgres.schema import SCHEMA_VERSION as PG_SCHEMA_VERSION
from storage.postgres.search import SEARCH_SETTINGS, search_sql
from storage.postgres.store import PgStore
from storage.postgres.tokens import tsvector_literal
from storage.query import parse_query
from storage.rows import ROW_COLUMNS, to_row
from storage.sqlite import search
from storage.sqlite.schema import MIGRATIONS, PREFIX_INDEXES, SCHEMA_VERSION, SHARDS, fts_table, shard_of
from tests.conftest import SEARCH_BACKENDS
from tests.pgserver import PgCluster
from tests.test_storage_support import Backend, Clock, PgBackend, indexed, integrity, make_digest

SEARCH = pytest.mark.parametrize("backend", SEARCH_BACKENDS, indirect=True)  # search on PostgreSQL with GIN too


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def store(backend: Backend, clock: Clock) -> AsyncIterator[Store]:
    opened = await backend.open(clock=clock)
    yield opened  # type: ignore[misc]
    await opened.close()


@pytest.fixture
async def sqlite_store(tmp_path: Path, clock: Clock) -> AsyncIterator[Store]:
    """For what only SQLite has: its file's bytes, its shards, its pragmas."""
    opened = await Store.open(tmp_path / "digests.sqlite3", clock=clock)
    yield opened
    await opened.close()


def titles(page: object) -> list[str]:
    return [hit.digest.title for hit in page.hits]  # type: ignore[attr-defined]


# The cache -------------------------------------------------------------------------------------


async def test_a_saved_digest_comes_back_unchanged(store: Store) -> None:
    digest = make_digest(published=datetime(2022, 4, 7, 7, 2, tzinfo=timezone(timedelta(hours=3))),
                         quotes=(Quote(text="Said with “marks”", speaker=None), Quote(text="Two", speaker="Олег")))
    await store.save(digest, chat_id=1, source_url="https://coast.example/news/harbour")
    assert await store.cached("https://coast.example/news/harbour") == digest


async def test_every_spelling_of_a_link_finds_the_digest(store: Store) -> None:
    digest = make_digest(url=None)
    await store.save(digest, chat_id=1, source_url="https://www.coast.example/news/harbour?utm_source=tg&id=7")
    for variant in (
        "http://coast.example/news/harbour?id=7",
        "HTTPS://COAST.EXAMPLE:443/news/harbour/?id=7#comments",
        "https://m.coast.example/news/harbour?fbclid=abc&id=7&gclid=x",
        "https://amp.coast.example/news/harbour/amp?id=7&amp=1",
    ):
        assert await store.cached(variant) == digest, variant
    assert await store.cached("https://coast.example/news/harbour?id=8") is None
    assert await store.cached("https://coast.example/news/other?id=7") is None


async def test_the_canonical_url_also_points_at_the_digest(store: Store) -> None:
    digest = make_digest(url="https://coast.example/news/harbour")
    first = await store.save(digest, chat_id=1, source_url="https://t.co/abc123")
    assert await store.cached("https://www.coast.example/news/harbour?utm_medium=social") == digest
    # The same article reached later through its canonical link is stored once.
    again = await store.save(digest, chat_id=2, source_url="https://coast.example/news/harbour")
    assert again == first


async def test_pasted_text_is_found_by_its_words_whatever_the_spacing(store: Store) -> None:
    text = "Harbour reopens after storm\n\nThe harbour reopened on Tuesday."
    digest = make_digest(url=None)
    await store.save(digest, chat_id=1, source_text=text)
    assert await store.cached_text("  harbour REOPENS after storm \r\n The harbour reopened\u00a0on Tuesday.\n") == digest
    assert await store.cached_text("Harbour reopens after storm. The harbour reopened on Wednesday.") is None


async def test_a_digest_expires_after_the_configured_age(backend: Backend, clock: Clock) -> None:
    store = await backend.open(cache_max_age_days=7, clock=clock)
    try:
        digest_id = await store.save(make_digest(), chat_id=1, source_url="https://coast.example/news/harbour")
        clock.advance(days=6.9)
        assert await store.cached("https://coast.example/news/harbour") is not None
        clock.advance(days=0.2)
        assert await store.cached("https://coast.example/news/harbour") is None
        assert await store.get(1, digest_id) is not None, "expiry ends caching, not the chat's history"
        # A fresh fetch replaces the row in place: same id, fresh again.
        fresh = make_digest(summary="Updated after the storm.")
        assert await store.save(fresh, chat_id=1, source_url="https://coast.example/news/harbour") == digest_id
        assert await store.cached("https://coast.example/news/harbour") == fresh
    finally:
        await store.close()


async def test_saving_a_served_cached_digest_does_not_renew_it(backend: Backend, clock: Clock) -> None:
    store = await backend.open(cache_max_age_days=7, clock=clock)
    try:
        link = "https://coast.example/news/harbour"
        digest_id = await store.save(make_digest(), chat_id=1, source_url=link)
        clock.advance(days=5)
        served = await store.cached(link)
        assert served is not None
        assert await store.save(served, chat_id=2, source_url=link) == digest_id
        assert await store.get(2, digest_id) == served
        clock.advance(days=3)
        assert await store.cached(link) is None, "the page is fetched again a week after it was fetched"
    finally:
        await store.close()


@SEARCH
async def test_a_forced_refresh_replaces_the_digest_and_the_index(store: Store) -> None:
    link = "https://coast.example/news/harbour"
    old_id = await store.save(make_digest(body="Zeppelins over the harbour.\n\nMore."), chat_id=1, source_url=link)
    new = make_digest(body="Submarines in the harbour.\n\nMore.")
    assert await store.save(new, chat_id=1, source_url=link) == old_id
    assert await store.cached(link) == new
    assert (await store.search(1, "zeppelins")).total == 0
    assert (await store.search(1, "submarines")).total == 1


@SEARCH
async def test_a_refresh_that_redates_the_digest_moves_it_in_every_chats_date_search(store: Store) -> None:
    """after:/before: read the date where the chat's history keeps it (on SQLite, a copy kept by triggers)."""
    link = "https://coast.example/news/harbour"
    await store.save(make_digest(published=date(2021, 3, 1)), chat_id=1, source_url=link)
    await store.save(make_digest(published=date(2021, 3, 1)), chat_id=2, source_url=link)
    for chat in (1, 2):
        assert titles(await store.search(chat, "after:2021-02-01 before:2021-04-01")) == ["Harbour reopens after storm"]
        assert titles(await store.search(chat, "harbour after:2022-01-01")) == []
    await store.save(make_digest(published=date(2022, 6, 1)), chat_id=1, source_url=link)
    for chat in (1, 2):
        assert titles(await store.search(chat, "after:2021-02-01 before:2021-04-01")) == []
        assert titles(await store.search(chat, "harbour after:2022-01-01")) == ["Harbour reopens after storm"]
        assert titles(await store.search(chat, "after:2022-05-01 before:2022-07-01")) == ["Harbour reopens after storm"]


async def test_two_rows_of_one_article_are_merged_when_a_canonical_url_joins_them(store: Store) -> None:
    amp = make_digest(url=None, title="Harbour reopens (AMP)")
    plain = make_digest(url=None, title="Harbour reopens")
    first = await store.save(amp, chat_id=1, source_url="https://news.example/amp/s/9", message_id=10)
    second = await store.save(plain, chat_id=2, source_url="https://coast.example/news/harbour", message_id=20)
    assert first != second
    canonical = make_digest(url="https://coast.example/news/harbour", title="Harbour reopens after storm")
    kept = await store.save(canonical, chat_id=1, source_url="https://news.example/amp/s/9")
    assert kept == first
    assert await store.get(2, first) == canonical, "chat 2's history moved to the kept row"
    assert await store.get(2, second) is None
    assert await store.digest_for_message(2, 20) == (first, canonical)
    assert await store.cached("https://coast.example/news/harbour") == canonical


async def test_many_concurrent_saves_all_land(store: Store, backend: Backend) -> None:
    digests = [make_digest(f"Story number {i}", url=f"https://coast.example/{i}") for i in range(40)]
    ids = await asyncio.gather(*(store.save(d, chat_id=i % 3, source_url=d.url) for i, d in enumerate(digests)))
    assert len(set(ids)) == 40
    for i, digest in enumerate(digests):
        assert await store.get(i % 3, ids[i]) == digest
    assert await backend.integrity() == ("ok", "ok")


# History ----------------------------------------------------------------------------------------


async def test_recent_and_get_only_show_the_chats_own_digests(store: Store, clock: Clock) -> None:
    ids = []
    for i in range(4):
        clock.advance(days=0.01)
        ids.append(await store.save(make_digest(f"Story {i}", url=f"https://coast.example/{i}"), chat_id=1))
    other = await store.save(make_digest("Elsewhere", url="https://coast.example/x"), chat_id=2)
    recent = await store.recent(1, limit=3)
    assert [hit.digest.title for hit in recent] == ["Story 3", "Story 2", "Story 1"]
    assert recent[0].saved_at == datetime.fromtimestamp(clock.now, timezone.utc)
    assert await store.get(1, other) is None
    assert await store.get(2, other) is not None
    assert await store.get(1, ids[0]) is not None
    assert await store.get(1, 10**30) is None and await store.get(1, -5) is None


# Search -----------------------------------------------------------------------------------------



@pytest.fixture
async def library(store: Store, clock: Clock) -> Store:
    """Chat 1 holds five digests, chat 2 one; saved a minute apart, oldest first."""
    items = [
        ("Peace talks resume in Istanbul", "Delegations met for peace talks on Tuesday.", "https://www.rt.com/news/1",
         "RT", date(2022, 3, 29)),
        ("Gas deal signed", "The gas deal was signed after long talks with Russia.", "https://bbc.co.uk/news/2",
         "BBC News", date(2022, 4, 12)),
        ("Harbour reopens", "The harbour reopened; talkative fishermen celebrated.", "https://coast.example/3",
         "Coast News", date(2022, 5, 2)),
        ("Storm warning", "A storm is coming to the coast, forecasters said.", "https://russian.rt.com/4",
         "RT на русском", None),
        ("Café culture", "Cafés in Paris reopen their terraces.", "https://lemonde.fr/5", "Le Monde", date(2021, 6, 1)),
    ]
    for title, summary, url, site, published in items:
        clock.advance(days=1 / 1440)
        digest = Digest(title=title, summary=summary, body=summary + "\n\nMore text here.", url=url, site=site,
                        published=published)
        await store.save(digest, chat_id=1, source_url=url)
    await store.save(Digest(title="Secret talks", summary="Talks in chat two only.", body="Talks.", url="https://x.example/"),
                     chat_id=2)
    return store


@SEARCH
async def test_all_words_must_match_and_the_last_is_a_prefix(library: Store) -> None:
    assert titles(await library.search(1, "talks")) == ["Peace talks resume in Istanbul", "Gas deal signed"]
    assert titles(await library.search(1, "harbour talk")) == ["Harbour reopens"]  # talk* finds "talkative"
    assert titles(await library.search(1, "talk harbour")) == []  # only the last word is a prefix


@SEARCH
async def test_title_words_rank_first_and_recency_breaks_ties(library: Store, store: Store, clock: Clock) -> None:
    page = await library.search(1, "talks")
    assert page.hits[0].digest.title.startswith("Peace talks")
    # Two identical digests rank the same: the more recently saved in this chat comes first.
    twin = Digest(title="Twin", summary="Identical twin text.", body="Identical twin text.")
    ids = []
    for n in (1, 2):
        clock.advance(days=0.01)
        ids.append(await store.save(twin, chat_id=1, source_text=f"twin {n}"))
    assert [hit.digest_id for hit in (await store.search(1, "identical twin")).hits] == [ids[1], ids[0]]
    clock.advance(days=0.01)
    await store.save(twin, chat_id=1, source_text="twin 1")
    assert [hit.digest_id for hit in (await store.search(1, "identical twin")).hits] == [ids[0], ids[1]]


@SEARCH
async def test_phrases_exclusions_sites_and_dates(library: Store) -> None:
    assert titles(await library.search(1, '"peace talks"')) == ["Peace talks resume in Istanbul"]
    assert titles(await library.search(1, '"talks peace"')) == []
    assert titles(await library.search(1, "talks -russia")) == ["Peace talks resume in Istanbul"]
    assert titles(await library.search(1, 'talks -"gas deal"')) == ["Peace talks resume in Istanbul"]
    assert set(titles(await library.search(1, "site:rt.com"))) == {"Peace talks resume in Istanbul", "Storm warning"}
    assert titles(await library.search(1, "site:https://www.BBC.co.uk/news")) == ["Gas deal signed"]
    assert titles(await library.search(1, "site:co.uk talks")) == ["Gas deal signed"]
    assert titles(await library.search(1, "site:t.com")) == [], "a site matches whole host labels only"
    assert titles(await library.search(1, "talks -site:rt.com")) == ["Gas deal signed"]
    assert titles(await library.search(1, "after:2022-04-01 before:2022-05-01")) == ["Gas deal signed"]
    assert titles(await library.search(1, "talks after:2022-04")) == ["Gas deal signed"]
    assert titles(await library.search(1, "before:2022")) == ["Café culture"]
    assert titles(await library.search(1, "cafe")) == ["Café culture"], "diacritics do not matter"
    assert len(titles(await library.search(1, "-harbour"))) == 4


@SEARCH
async def test_operators_in_user_text_are_just_text(library: Store) -> None:
    for query in ('talks OR harbour', 'NOT talks', 'title:talks', 'talks AND', '"unclosed phrase', '(talks', 'talks*',
                  'NEAR(talks gas)', '^talks', 'talks + gas', '-', '--', 'site: talks', '\x00talks', '"" talks'):
        page = await library.search(1, query)
        assert all(hit.digest.title != "Secret talks" for hit in page.hits), query
    assert titles(await library.search(1, "talks OR harbour")) == [], "OR is a word that must match"


@SEARCH
async def test_unusable_queries_raise_query_error_with_a_sentence(library: Store) -> None:
    for query in ("", "   ", '""', '" "', "site:", "\x00"):
        with pytest.raises(QueryError, match="Tell me what to look for"):
            await library.search(1, query)
    with pytest.raises(QueryError, match="2022-04-01"):
        await library.search(1, "talks after:yesterday")


@SEARCH
async def test_snippets_mark_the_matched_words(library: Store) -> None:
    hit = (await library.search(1, "fishermen"))
    snippet = hit.hits[0].snippet
    assert f"{HIGHLIGHT_START}fishermen{HIGHLIGHT_END}" in snippet
    listed = await library.search(1, "site:coast.example")
    assert HIGHLIGHT_START not in listed.hits[0].snippet and listed.hits[0].snippet.startswith("The harbour")


@SEARCH
async def test_marks_in_the_text_itself_never_reach_the_snippet(store: Store) -> None:
    body = f"Control {HIGHLIGHT_START}characters{HIGHLIGHT_END} around the word walrus."
    await store.save(Digest(title="Odd", summary=body, body=body), chat_id=1)
    snippet = (await store.search(1, "walrus")).hits[0].snippet
    assert snippet.count(HIGHLIGHT_START) == snippet.count(HIGHLIGHT_END) == 1
    assert f"{HIGHLIGHT_START}walrus{HIGHLIGHT_END}" in snippet


@SEARCH
async def test_paging_with_limit_and_offset(store: Store, clock: Clock) -> None:
    for i in range(12):
        clock.advance(days=0.001)
        await store.save(Digest(title=f"Report {i}", summary="Weekly report.", body="Weekly report."), chat_id=5)
    first = await store.search(5, "report", limit=5)
    second = await store.search(5, "report", limit=5, offset=5)
    last = await store.search(5, "report", limit=5, offset=10)
    beyond = await store.search(5, "report", limit=5, offset=20)
    assert (first.total, second.total, last.total, beyond.total) == (12, 12, 12, 12)
    assert [len(p.hits) for p in (first, second, last, beyond)] == [5, 5, 2, 0]
    assert first.has_more and not last.has_more
    far = await store.search(5, "report", offset=10**30)
    assert (far.hits, far.total) == ((), 12)
    seen = [hit.digest_id for page in (first, second, last) for hit in page.hits]
    assert len(set(seen)) == 12


@SEARCH
async def test_pages_of_unequal_ranks_follow_the_order_of_one_big_page(store: Store, clock: Clock) -> None:
    """PostgreSQL looks up saved_at only for matches ranked up to the page's last one: every page must
    still be the slice of the whole order, ties at the page's edge included."""
    for i in range(9):
        clock.advance(days=0.001)
        titled = i % 3 == 0
        title = "Harbour report" if titled else f"Harbour notes {i}"
        await store.save(Digest(title=title, summary="Boats came in.", body="The report was read."), chat_id=5)
    whole = [hit.digest_id for hit in (await store.search(5, "report", limit=50)).hits]
    paged = [hit.digest_id for offset in range(0, 10, 2)
             for hit in (await store.search(5, "report", limit=2, offset=offset)).hits]
    assert paged == whole and len(whole) == 9
    first_three = (await store.search(5, "report", limit=3)).hits
    assert {hit.digest.title for hit in first_three} == {"Harbour report"}


@SEARCH
async def test_only_the_chats_newest_digests_are_ranked_and_older_matches_follow_newest_first(
        store: Store, clock: Clock) -> None:
    """storage.window: ranking reads each ranked match's row on PostgreSQL, so it is bounded the same way on both
    backends; paging, totals and the chat filter stay whole."""
    store.rank_window = 3  # type: ignore[attr-defined]
    names = ["Walrus report", "Notes b", "Walrus census", "Notes d", "Walrus sighting", "Notes f"]
    for name in names:
        clock.advance(days=0.001)
        body = "Counted on the ice." if name.startswith("Walrus") else "A walrus was seen on the ice."
        await store.save(Digest(title=name, summary="Boats came in.", body=body), chat_id=7)
        await store.save(Digest(title=f"{name} elsewhere", summary="Walrus.", body="Walrus."), chat_id=8)
    expected = ["Walrus sighting", "Notes f", "Notes d", "Walrus census", "Notes b", "Walrus report"]
    whole = await store.search(7, "walrus", limit=50)
    assert titles(whole) == expected and whole.total == 6
    paged = [await store.search(7, "walrus", limit=2, offset=offset) for offset in (0, 2, 4, 6)]
    assert [title for page in paged for title in titles(page)] == expected
    assert [page.total for page in paged] == [6, 6, 6, 6] and [page.has_more for page in paged] == [True, True, False, False]
    assert titles(await store.search(7, '"walrus was"', limit=50)) == ["Notes f", "Notes d", "Notes b"]
    assert titles(await store.search(7, "-walrus", limit=50)) == []
    store.rank_window = 100  # type: ignore[attr-defined]
    assert titles(await store.search(7, "walrus", limit=50)) == [
        "Walrus sighting", "Walrus census", "Walrus report", "Notes f", "Notes d", "Notes b"]


@SEARCH
async def test_a_query_without_a_word_or_site_that_must_match_stays_in_its_chat(store: Store) -> None:
    """On PostgreSQL a word or site narrows to the chat inside the index (chat_search's lexemes); without one,
    only exclusions or dates, the chat is a condition of its own."""
    await store.save(Digest(title="Walrus report", summary="Ice.", body="Ice.", site="rt.com"), chat_id=11)
    await store.save(Digest(title="Seal report", summary="Ice.", body="Ice.", site="bbc.co.uk"), chat_id=12)
    for query in ("-site:example.org", "-walrus", "after:2000-01-01", "-site:example.org -seal"):
        assert all(hit.digest.title != "Seal report" for hit in (await store.search(11, query, limit=50)).hits), query
    assert titles(await store.search(11, "-site:bbc.co.uk")) == ["Walrus report"]
    assert titles(await store.search(12, "report -site:rt.com")) == ["Seal report"]


@SEARCH
async def test_matches_are_counted_up_to_the_cap_and_the_pages_stop_after_it(store: Store, clock: Clock) -> None:
    """Counting reads each match's row on PostgreSQL, so both backends count up to COUNT_CAP: "1000+"."""
    store.rank_window = 10  # type: ignore[attr-defined]  # the older matches' part counts too
    for i in range(COUNT_CAP + 2):
        clock.advance(days=0.0001)
        await store.save(Digest(title=f"Tide table {i}", summary="High water.", body="High water."), chat_id=9,
                         source_text=f"tide {i}")
    first = await store.search(9, "tide")
    assert (first.total, first.total_text, first.has_more) == (COUNT_CAP + 1, f"{COUNT_CAP}+", True)
    assert titles(first)[0] == f"Tide table {COUNT_CAP + 1}"
    near = await store.search(9, "tide", limit=5, offset=COUNT_CAP - 5)
    assert len(near.hits) == 5 and near.has_more
    last = await store.search(9, "tide", limit=5, offset=COUNT_CAP)
    assert titles(last) == ["Tide table 1", "Tide table 0"] and not last.has_more  # no Next past the cap
    small = await store.search(9, '"tide table 7"')
    assert (small.total, small.total_text) == (1, "1")


@SEARCH
async def test_a_search_never_sees_another_chats_digests(library: Store) -> None:
    assert titles(await library.search(2, "talks")) == ["Secret talks"]
    assert titles(await library.search(3, "talks")) == []
    assert (await library.search(2, "-nothing")).total == 1


@SEARCH
async def test_chat_tokens_in_the_index_cannot_be_searched_for(store: Store) -> None:
    await store.save(make_digest("Walrus news"), chat_id=1)
    await store.save(make_digest("Walrus news"), chat_id=-1)  # the same article, held by two chats
    for query in ("c1", "cm1", "c*", "cm", "chats", "walrus c1", "walrus -cm1", "walrus -c1", '"c1"'):
        page = await store.search(1, query)
        assert titles(page) == (["Walrus news"] if query.startswith("walrus -") else []), query
    assert titles(await store.search(-1, "walrus")) == ["Walrus news"]


async def test_a_long_search_is_kept_under_a_short_id_across_restarts(backend: Backend, clock: Clock) -> None:
    query = "chronicle harbour bridge reopened traffic Monday morning repairs after:2022-04"
    store = await backend.open(clock=clock)
    try:
        key = await store.save_query(query)
        assert len(key) <= 12 and key == await store.save_query(query), "the same search, the same id"
        assert await store.save_query("another search") != key
        assert await store.saved_query("nosuchid") is None
    finally:
        await store.close()
    store = await backend.open(clock=clock)  # a restart, or another instance
    try:
        assert await store.saved_query(key) == query
        clock.advance(days=31)
        await store.save_query("a later search")
        assert await store.saved_query(key) is None, "searches unused for a month are dropped"
    finally:
        await store.close()


# Privacy ----------------------------------------------------------------------------------------


async def test_forget_removes_history_and_unshared_digests_everywhere(store: Store, backend: Backend) -> None:
    shared = make_digest("Shared walrus story", url="https://coast.example/shared")
    mine = make_digest("Private walrus story", url="https://coast.example/mine")
    await store.save(shared, chat_id=1, source_url=shared.url, message_id=1)
    await store.save(shared, chat_id=2, source_url=shared.url)
    mine_id = await store.save(mine, chat_id=1, source_url=mine.url, message_id=2)
    assert await store.forget_chat(1) == 2
    assert (await store.search(1, "walrus")).total == 0
    assert await store.recent(1) == []
    assert await store.digest_for_message(1, 1) is None
    assert titles(await store.search(2, "walrus")) == ["Shared walrus story"]
    assert await store.cached(mine.url or "") is None
    assert await store.cached(shared.url or "") == shared
    assert await store.forget_chat(1) == 0
    assert await store.get(1, mine_id) is None and await store.get(2, mine_id) is None
    await store.close()
    assert await backend.count("digests") == 1
    assert await backend.indexed("private") == 0
    assert await backend.count("aliases") == 1
    assert await backend.integrity() == ("ok", "ok")


async def test_export_json_is_lossless_and_markdown_is_readable(library: Store) -> None:
    exported = json.loads(await library.export_chat(1, "json"))
    assert exported["chat_id"] == 1 and len(exported["digests"]) == 5
    first = exported["digests"][0]
    assert first["title"] == "Peace talks resume in Istanbul"
    record = {key: value for key, value in first.items() if key not in {"id", "first_saved_at", "saved_at"}}
    assert await library.get(1, first["id"]) == Digest.from_record(record)
    markdown = await library.export_chat(1, "md")
    assert markdown.startswith("# Digests of chat 1\n")
    assert "## Peace talks resume in Istanbul" in markdown and "Secret talks" not in markdown
    assert "Source: <https://www.rt.com/news/1>" in markdown
    assert json.loads(await library.export_chat(9, "json"))["digests"] == []


async def test_markdown_export_escapes_the_articles_own_markup(store: Store) -> None:
    await store.save(Digest(title="# Not a *heading* [link](x)", summary="<b>bold</b>", body="Body"), chat_id=1)
    markdown = await store.export_chat(1, "md")
    assert "## \\# Not a \\*heading\\* \\[link\\]\\(x\\)" in markdown
    assert "\\<b\\>bold\\</b\\>" in markdown


# Schema and durability --------------------------------------------------------------------------


async def test_schema_is_migrated_once_and_reopening_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "digests.sqlite3"
    store = await Store.open(path)
    digest_id = await store.save(make_digest(), chat_id=1)
    await store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    reopened = await Store.open(path)
    try:
        assert await reopened.get(1, digest_id) == make_digest()
    finally:
        await reopened.close()
    assert not (tmp_path / "digests.sqlite3-wal").exists() or (tmp_path / "digests.sqlite3-wal").stat().st_size == 0


async def test_a_version_1_database_is_migrated_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite3"
    with closing(sqlite3.connect(path, isolation_level=None)) as db:
        for statement in MIGRATIONS[0]:
            db.execute(statement)
        db.execute("PRAGMA user_version = 1")
        old = make_digest("Walrus census completed")
        row = to_row(old, fetched_at=1_700_000_000.0)
        db.execute(f"INSERT INTO digests(id, {', '.join(ROW_COLUMNS)}) VALUES (7, {', '.join('?' * len(ROW_COLUMNS))})",
                   row.values())
        db.execute("INSERT INTO history VALUES (-100123, 7, 1700000000.0, 1700000000.0)")
        db.execute("INSERT INTO history VALUES (42, 7, 1700000000.0, 1700000000.0)")
    store = await Store.open(path)
    try:
        assert titles(await store.search(-100123, "walrus")) == ["Walrus census completed"]
        assert titles(await store.search(42, "walrus census")) == ["Walrus census completed"]
        assert titles(await store.search(42, "census wal")) == ["Walrus census completed"]  # a prefix index's length
        assert (await store.search(100123, "walrus")).total == 0
        assert await store.get(42, 7) == old
    finally:
        await store.close()
    assert integrity(path) == ("ok", "ok")
    with closing(sqlite3.connect(path)) as db:
        declared = [sql for (sql,) in db.execute("SELECT sql FROM sqlite_master WHERE name GLOB 'digests_fts_[0-9]*'"
                                                 " AND sql LIKE 'CREATE VIRTUAL TABLE%'")]
    assert len(declared) == SHARDS and all(f"prefix='{PREFIX_INDEXES}'" in sql for sql in declared)


async def test_synchronous_full_is_a_setting(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "d.sqlite3", synchronous_full=True)
    try:
        rows = await store._writer.execute_fetchall("PRAGMA synchronous")
        assert list(rows) == [(2,)]  # FULL
    finally:
        await store.close()


async def test_a_database_from_a_newer_digestbot_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(RuntimeError, match="schema"):
        await Store.open(path)


async def test_memory_database_works_for_throwaway_runs() -> None:
    store = await Store.open(":memory:")
    try:
        digest_id = await store.save(make_digest(), chat_id=0, source_url="https://coast.example/news/harbour")
        assert await store.cached("https://coast.example/news/harbour") == make_digest()
        assert titles(await store.search(0, "harbour")) == ["Harbour reopens after storm"]
        assert await store.get(0, digest_id) is not None
    finally:
        await store.close()


async def test_a_failed_save_leaves_nothing_half_done(store: Store, backend: Backend) -> None:
    # The message id is bound last, after the digest, its keys and the history row were written.
    with pytest.raises(OverflowError):
        await store.save(make_digest("Half done"), chat_id=1, source_url="https://coast.example/h", message_id=2**70)
    assert (await store.search(1, "half")).total == 0
    assert await store.cached("https://coast.example/h") is None
    assert await store.save(make_digest("Whole"), chat_id=1) > 0
    assert await backend.integrity() == ("ok", "ok")


async def test_a_date_range_gives_the_same_page_read_by_date_or_newest_first(
        sqlite_store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite reads a range of few digests from history_dated, a wide one newest first along history_recent
    (storage.sqlite.search.NARROW_RANGE); either reading gives the same pages, totals and order."""
    for i in range(12):
        clock.advance(days=0.01)
        published = date(2021, 1, 1) + timedelta(days=40 * (i % 5))
        await sqlite_store.save(make_digest(f"Tide report {i}", url=f"https://coast.example/{i}", published=published),
                                chat_id=3)
    queries = ["after:2021-02-01 before:2021-07-01", "after:2021-03-01", "before:2021-05-01 -report",
               "after:2030-01-01", "before:2021-03-01"]
    pages, default = {}, search.NARROW_RANGE
    for narrow in (default, 1):  # 1: every range with a match is "wide"
        monkeypatch.setattr(search, "NARROW_RANGE", narrow)
        pages[narrow] = [[(titles(page), page.total) for page in
                          [await sqlite_store.search(3, query, limit=4, offset=offset) for offset in (0, 4, 8)]]
                         for query in queries]
    assert pages[default] == pages[1]
    assert pages[1][0][0] == (["Tide report 11", "Tide report 9", "Tide report 8", "Tide report 7"], 9)


async def test_compact_after_forget_leaves_no_trace_of_the_words_in_the_file(sqlite_store: Store, tmp_path: Path) -> None:
    store = sqlite_store
    for i in range(20):
        await store.save(make_digest(f"Kept story {i}", url=f"https://coast.example/k{i}"), chat_id=2)
    await store.save(make_digest("Xylophonist confesses", url="https://coast.example/secret",
                                 body="The xylophonist confessed everything.\n\nXylophonist again."), chat_id=1)
    path = tmp_path / "digests.sqlite3"
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert b"Xylophonist" in path.read_bytes()
    await store.forget_chat(1)
    wal = Path(f"{path}-wal")
    assert b"Xylophonist" not in path.read_bytes() + (wal.read_bytes() if wal.exists() else b""), \
        "the row's bytes are overwritten at once, in the file and the WAL"
    await store.compact()
    assert b"xylophonist" not in path.read_bytes().lower(), "and the index's, after compaction"
    assert (await store.search(2, "kept story")).total == 20
    assert integrity(path) == ("ok", "ok")


async def test_shards_keep_chats_apart_and_follow_who_holds_a_digest(sqlite_store: Store, tmp_path: Path) -> None:
    store = sqlite_store
    same_shard = (3, 3 + SHARDS, -(3 + 2 * SHARDS))  # one shard of the index, three chats
    for chat in same_shard:
        await store.save(make_digest(f"Walrus report for {chat}", url=f"https://coast.example/{chat}"), chat_id=chat)
    for chat in same_shard:
        assert titles(await store.search(chat, "walrus")) == [f"Walrus report for {chat}"]
    shared = make_digest("Narwhal sighting", url="https://coast.example/narwhal")
    await store.save(shared, chat_id=3, source_url=shared.url)
    await store.save(shared, chat_id=4, source_url=shared.url)  # another shard
    assert titles(await store.search(4, "narwhal")) == ["Narwhal sighting"]
    await store.forget_chat(3)
    assert titles(await store.search(4, "narwhal")) == ["Narwhal sighting"]
    assert (await store.search(3 + SHARDS, "narwhal")).total == 0
    with closing(sqlite3.connect(tmp_path / "digests.sqlite3")) as db:
        table = fts_table(shard_of(3))
        assert db.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH 'narwhal'").fetchone() == (0,)
        assert indexed(db, "narwhal") == 1
    assert integrity(tmp_path / "digests.sqlite3") == ("ok", "ok")


# PostgreSQL's own schema and connections ----------------------------------------------------------


async def test_postgresql_schema_is_migrated_once_even_by_instances_starting_together(pg_dsn: str) -> None:
    stores = await asyncio.gather(*(PgBackend(pg_dsn).open() for _ in range(4)))
    try:
        digest_id = await stores[0].save(make_digest(), chat_id=1)
        assert await stores[3].get(1, digest_id) == make_digest(), "one database, seen by every instance"
    finally:
        for opened in stores:
            await opened.close()
    reopened = await PgBackend(pg_dsn).open()
    try:
        assert await reopened.get(1, digest_id) == make_digest()
    finally:
        await reopened.close()
    versions = await PgBackend(pg_dsn)._fetch("SELECT version FROM schema_version")
    assert [row[0] for row in versions] == [PG_SCHEMA_VERSION]


async def test_a_postgresql_database_at_step_3_is_migrated_with_its_data(pg_dsn: str) -> None:
    """Step 4 fills `chats` from history (search narrows to a chat inside the index) and `rank_search`."""
    old = make_digest("Walrus census completed")
    row = to_row(old, fetched_at=1_700_000_000.0)
    columns = ", ".join(ROW_COLUMNS)
    for statement in ("CREATE TABLE schema_version (version INTEGER NOT NULL)", "INSERT INTO schema_version VALUES (3)",
                      *(statement for step in PG_MIGRATIONS[:3] for statement in step)):
        await PgBackend(pg_dsn)._fetch(statement)
    await PgBackend(pg_dsn)._fetch(
        f"INSERT INTO digests(id, {columns}, search, site_search) VALUES (7, {', '.join(f'${i}' for i in range(1, 10))},"
        " $10::tsvector, $11::tsvector)", *row.values(),
        tsvector_literal([row.title, row.summary, row.quotes, row.site, row.body]), tsvector_literal([row.site], ("A",)))
    await PgBackend(pg_dsn)._fetch("INSERT INTO history VALUES (-100123, 7, 1700000000.0, 1700000000.0),"
                                   " (42, 7, 1700000000.0, 1700000000.0)")
    backend = PgBackend(pg_dsn)
    store = await backend.open()
    try:
        assert titles(await store.search(-100123, "walrus")) == ["Walrus census completed"]
        assert titles(await store.search(42, '"walrus census"')) == ["Walrus census completed"]
        assert (await store.search(100123, "walrus")).total == 0
        await store.forget_chat(42)
        assert (await store.search(42, "walrus")).total == 0
        assert titles(await store.search(-100123, "fishing boats")) == ["Walrus census completed"], "the body finds"
    finally:
        await store.close()
    assert await backend.integrity() == ("ok", "ok")
    ranked = await backend._fetch("SELECT rank_search FROM digests WHERE id = 7")
    assert "walrus" in ranked[0][0] and "fishing" not in ranked[0][0], "title, summary, quotes, site: not the body"


async def test_phrases_are_decided_by_a_rum_index_where_the_server_has_rum_and_by_the_row_with_gin(
        rum_installed: None, pg_dsn: str, pg_gin_dsns: tuple[str, str]) -> None:
    """Step 6: RUM keeps positions, so the index answers a phrase; a role that may not create rum keeps GIN."""
    said = Digest(title="Minister said", summary="The minister said that talks resume.", body="Talks resume.")
    apart = Digest(title="Minister apart", summary="The minister, asked, then said nothing.", body="Nothing.")
    for backend, kind in ((PgBackend(pg_dsn), "rum"), (PgBackend(pg_gin_dsns[0], store_dsn=pg_gin_dsns[1]), "gin")):
        store = await backend.open()
        try:
            for digest in (said, apart):
                await store.save(digest, chat_id=1, source_text=digest.title)
            assert titles(await store.search(1, '"minister said"')) == ["Minister said"]
            assert titles(await store.search(1, 'minister -"minister said"')) == ["Minister apart"]
        finally:
            await store.close()
        assert await backend.words_index() == kind
        assert await backend.integrity() == ("ok", "ok")
    rows = await PgBackend(pg_dsn)._fetch(
        "SELECT words FROM chat_search AS s JOIN digests AS d ON d.id = s.digest_id WHERE d.title = 'Minister said'")
    assert "'1 minister':" in rows[0][0], "the chat's words keep their positions for RUM"


async def test_words_and_prefixes_read_the_gin_index_beside_rum_and_phrases_the_rum_index(
        rum_installed: None, pg_dsn: str, pg_gin_dsns: tuple[str, str]) -> None:
    """Step 7: RUM merges a prefix's posting lists slowly, so beside it a GIN index of the words without their
    positions decides every query that has no words in a row; where rum is missing, step 5's GIN does it all."""
    said = Digest(title="Minister said", summary="The minister said that talks resume.", body="Talks resume.")
    for backend, rum in ((PgBackend(pg_dsn), True), (PgBackend(pg_gin_dsns[0], store_dsn=pg_gin_dsns[1]), False)):
        store = await backend.open()
        try:
            await store.save(said, chat_id=1, source_text=said.title)
            for query, found in (("minis", 1), ("minister talks -war", 1), ('"minister said"', 1),
                                 ('talks -"minister said"', 0), ('"said minister"', 0)):
                assert titles(await store.search(1, query)) == ["Minister said"] * found, query
        finally:
            await store.close()
        for query, index in (("minis", "chat_search_lexemes"), ("minister talks -war", "chat_search_lexemes"),
                             ('"minister said"', "chat_search_words"), ('talks -"minister said"', "chat_search_words")):
            plan = search_sql(parse_query(query), chat_id=1, limit=5, offset=0, positions=rum)
            used = await backend.plan_indexes(SEARCH_SETTINGS, plan.sql, *plan.params)
            assert used == {index if rum else "chat_search_words", "digests_pkey"}, query
        indexes = await backend._fetch("SELECT indexname FROM pg_indexes WHERE tablename = 'chat_search'")
        assert ("chat_search_lexemes" in {row[0] for row in indexes}) == rum


async def test_a_postgresql_database_from_a_newer_digestbot_is_refused(pg_dsn: str) -> None:
    backend = PgBackend(pg_dsn)
    await (await backend.open()).close()
    await backend._fetch("UPDATE schema_version SET version = version + 1")
    with pytest.raises(RuntimeError, match="schema"):
        await backend.open()


async def test_an_unreachable_postgresql_server_is_store_unavailable() -> None:
    with pytest.raises(StoreUnavailableError) as raised:
        await PgStore.open("postgresql://nobody@127.0.0.1:9/none", timeout=2)
    assert raised.value.user_message == "I can't reach my storage right now, try again in a minute."


async def test_a_postgresql_server_lost_while_running_is_one_sentence_and_comes_back_by_itself(
        pg_cluster: PgCluster, pg_dsn: str) -> None:
    store = await PgBackend(pg_dsn).open(timeout=5)
    try:
        first = await store.save(make_digest(), chat_id=1, source_url="https://coast.example/news/harbour")
        pg_cluster.stop("fast")  # every connection of the pool dies with the server
        try:
            for lost in (store.search(1, "harbour"), store.cached("https://coast.example/news/harbour"),
                         store.save(make_digest("Lost"), chat_id=1), store.forget_chat(1), store.recent(1)):
                with pytest.raises(StoreUnavailableError, match="can't reach my storage"):
                    await lost
        finally:
            pg_cluster.start()
        assert titles(await store.search(1, "harbour")) == ["Harbour reopens after storm"], "no restart needed"
        later = await store.save(make_digest("Later story", url="https://coast.example/later"), chat_id=1)
        assert later > first and await store.get(1, first) == make_digest()
    finally:
        await store.close()
