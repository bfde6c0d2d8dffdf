"""State that bot instances on one PostgreSQL server share: two stores on one real database stand
for two instances. The rate limit counts on both, a link is read by one of them at a time, and a
paste whose parts reach both becomes one page."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from digest.errors import FetchError
from digest.model import Digest
from handlers.inputs.paste_buffer import SharedPasteBuffer
from handlers.singleflight import SharedSingleFlight
from storage.postgres.shared import CLAIM_STALE_SECONDS, PgSharedState, shared_state
from storage.postgres.store import PgStore
from tests.test_storage_support import make_digest

LONG = "x" * 3_500  # as long as Telegram's cut: more may follow


@pytest.fixture
async def two(pg_dsn: str) -> AsyncIterator[tuple[PgSharedState, PgSharedState]]:
    stores = [await PgStore.open(pg_dsn), await PgStore.open(pg_dsn)]
    try:
        states = [shared_state(store) for store in stores]
        assert states[0] is not None and states[1] is not None
        yield states[0], states[1]
    finally:
        for store in stores:
            await store.close()


async def test_the_rate_limit_counts_pages_on_every_instance(two: tuple[PgSharedState, PgSharedState]) -> None:
    a, b = two
    assert [await a.take_page(7, 3), await b.take_page(7, 3), await a.take_page(7, 3)] == [None, None, None]
    wait = await b.take_page(7, 3)
    assert wait is not None and 55 < wait <= 60
    assert await a.take_page(8, 3) is None, "another user is not affected"
    results = await asyncio.gather(*(x.take_page(9, 5) for x in (a, b) * 10))
    assert results.count(None) == 5, "at once from both instances: exactly the limit gets through"


async def test_one_instance_reads_a_link_the_other_waits_for_its_digest(
        two: tuple[PgSharedState, PgSharedState]) -> None:
    a, b = two
    calls: list[str] = []

    async def read(who: str) -> Digest:
        calls.append(who)
        await asyncio.sleep(0.5)
        return make_digest(f"Read by {who}")

    links = ["https://coast.example/news/harbour?utm_source=x", "https://www.coast.example/news/harbour/"]
    got = await asyncio.gather(a.once_per_link(links[0], lambda: read("a")),
                               b.once_per_link(links[1], lambda: read("b")))
    assert len(calls) == 1 and got[0] == got[1], "two spellings of one link, fetched once"


async def test_a_failed_read_lets_the_next_instance_try_and_a_dead_ones_claim_goes_stale(
        two: tuple[PgSharedState, PgSharedState], pg_dsn: str) -> None:
    a, b = two

    async def fails() -> Digest:
        await asyncio.sleep(0.3)
        raise FetchError()

    async def works() -> Digest:
        return make_digest()

    first = asyncio.ensure_future(a.once_per_link("https://coast.example/a", fails))
    await asyncio.sleep(0.1)
    second = asyncio.ensure_future(b.once_per_link("https://coast.example/a", works))
    with pytest.raises(FetchError):
        await first
    assert await second == make_digest()
    store = await PgStore.open(pg_dsn)  # an instance killed while reading: its claim stays behind
    try:
        await store._write(lambda db: db.execute(
            "INSERT INTO link_claims(key, claimed_at) VALUES ('link:coast.example/dead', extract(epoch FROM now()))"))
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(b.once_per_link("https://coast.example/dead", works), 1)
        await store._write(lambda db: db.execute("UPDATE link_claims SET claimed_at = claimed_at - $1",
                                                 CLAIM_STALE_SECONDS + 1))
        assert await asyncio.wait_for(b.once_per_link("https://coast.example/dead", works), 5) == make_digest()
    finally:
        await store.close()


async def test_shared_single_flight_coalesces_in_process_too(two: tuple[PgSharedState, PgSharedState]) -> None:
    a, _ = two
    flight: SharedSingleFlight[Digest] = SharedSingleFlight(a.once_per_link)
    calls = 0

    async def read() -> Digest:
        nonlocal calls
        calls += 1
        await asyncio.sleep(0.2)
        return make_digest()

    assert len(set(map(id, await asyncio.gather(*(flight.run("https://coast.example/z", read) for _ in range(5)))))) == 1
    assert calls == 1


async def test_a_paste_split_over_two_instances_is_one_page(two: tuple[PgSharedState, PgSharedState]) -> None:
    a: SharedPasteBuffer[str] = SharedPasteBuffer(two[0])
    b: SharedPasteBuffer[str] = SharedPasteBuffer(two[1])
    key = (100, 7)
    first, complete = await a.put(key, LONG + " one", "message 1")
    assert not complete and first.first == "message 1" and await b.is_pending(key)
    whole, complete = await b.put(key, "Two ends it.", "message 2")
    assert complete and whole.parts == [LONG + " one", "Two ends it."] and whole.first == "message 2"
    assert await a.take_after_wait(key, first.generation) is None, "already digested by the other instance"
    assert not await a.is_pending(key)
    # Two full-size parts: only the wait of the later one, on whichever instance, takes the paste.
    one, _ = await a.put(key, LONG + " A", "message 3")
    two_, _ = await b.put(key, LONG + " B", "message 4")
    assert await a.take_after_wait(key, one.generation) is None
    taken = await b.take_after_wait(key, two_.generation)
    assert taken is not None and taken.parts == [LONG + " A", LONG + " B"]
    assert await b.take_after_wait(key, two_.generation) is None
