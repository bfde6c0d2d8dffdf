"""bench.filling.bulk writes what a save writes: a digest filled in bulk is found by search exactly like the
same digest saved through the store, on both backends (the benchmark's figures are only worth the fill's
faithfulness). PostgreSQL's bulk `search` vector is assembled by the server from parts; here it is also
compared with the store's own literal for every digest."""

from __future__ import annotations

import random
from pathlib import Path

from bench.filling import bulk
from bench.filling.corpus import Source
from storage import DigestStore, Store
from storage.postgres.store import PgStore
from storage.postgres.tokens import tsvector_literal
from storage.rows import from_row
from tests.pgserver import PgCluster
from tests.test_storage_support import Clock

COUNT = 60
NOW = 1_700_000_000.0
SOURCES = [
    Source("Harbour reopens after the storm", "Coast News", [
        "The harbour reopened on Tuesday after a week of repairs to the sea wall near the lighthouse.",
        "“We expect the harbour to be back to normal by Friday,” said the port director at a briefing.",
        "Fishing boats returned at dawn, and the market sold mackerel, hake and sardines again.",
        "The council will vote on a new breakwater next month; engineers say it will cost millions.",
    ]),
    Source("Glacier retreat measured from orbit", "Science Daily", [
        "Satellite images show the glacier lost another kilometre of ice during the warm summer months.",
        "“The retreat is faster than any model predicted,” the lead glaciologist told reporters on Monday.",
        "Meltwater lakes formed on the surface, and researchers installed sensors to follow their drainage.",
        "The " + "ice " * 300 + "front calved twice in August.",  # a lexeme past its 256 positions, then more words
    ]),
    Source("Élection municipale : le maire sortant réélu", "Le Quotidien", [
        "Le maire sortant a été réélu dimanche avec une large avance sur son principal adversaire.",
        "« Nous allons continuer les travaux du port et de la gare », a déclaré le maire devant ses partisans.",
        "La participation a atteint soixante pour cent, un niveau élevé pour une élection municipale.",
    ]),
]
QUERIES = ["harbour", "glacier ice", "ice front calved", '"ice front"', '"normal by Friday"', "réélu",
           "elec", "mack", "lighthouse dawn", '"the lighthouse fishing"', "site:coast", "site:daily glacier",
           "ice -glacier", "august", "partisans after:2020-01-01"]


def planned() -> list[bulk.Planned]:
    return list(bulk.plan(COUNT, SOURCES, random.Random(7), now=NOW))


async def saved_one_by_one(store: DigestStore, clock: Clock, items: list[bulk.Planned]) -> None:
    for item in items:
        clock.now = item.saved_at
        digest = from_row(item.row.title, item.row.summary, item.row.body, item.row.record)
        for n, chat in enumerate(item.chats):
            await store.save(digest, chat_id=chat, source_url=digest.url,
                             message_id=item.digest_id if n == 0 else None)


async def results(store: DigestStore, chats: set[int]) -> list[object]:
    found = []
    for chat in sorted(chats):
        for query in QUERIES:
            page = await store.search(chat, query, limit=5)
            found.append((chat, query, page.total,
                          [(hit.digest.title, hit.digest.url, hit.snippet, hit.saved_at) for hit in page.hits]))
    return found


def chats_of(items: list[bulk.Planned]) -> set[int]:
    return {chat for item in items for chat in item.chats}


async def test_sqlite_bulk_fill_is_found_as_saved(tmp_path: Path) -> None:
    items = planned()
    bulk_path = tmp_path / "bulk.sqlite3"
    await (await Store.open(bulk_path)).close()
    bulk.fill_sqlite(bulk_path, items, COUNT)
    clock = Clock(NOW)
    saved = await Store.open(tmp_path / "saved.sqlite3", clock=clock)
    filled = await Store.open(bulk_path)
    try:
        await saved_one_by_one(saved, clock, items)
        expected = await results(saved, chats_of(items))
        assert expected == await results(filled, chats_of(items))
        assert sum(total for _, _, total, _ in expected) > 50  # the queries find things
    finally:
        await saved.close()
        await filled.close()


async def test_postgresql_bulk_fill_is_found_as_saved(pg_cluster: PgCluster) -> None:
    items = planned()
    bulk_dsn, saved_dsn = pg_cluster.fresh_database(), pg_cluster.fresh_database()
    clock = Clock(NOW)
    filled = await PgStore.open(bulk_dsn)
    saved = await PgStore.open(saved_dsn, clock=clock)
    try:
        await bulk.fill_pg(filled, items, COUNT)
        async with filled._pool.acquire() as db:
            for item in items:
                row = item.row
                assert await db.fetchval(
                    "SELECT search = $2::tsvector FROM digests WHERE id = $1", item.digest_id,
                    tsvector_literal([row.title, row.summary, row.quotes, row.site, row.body])), item.digest_id
        await saved_one_by_one(saved, clock, items)
        expected = await results(saved, chats_of(items))
        assert expected == await results(filled, chats_of(items))
        assert sum(total for _, _, total, _ in expected) > 50
    finally:
        await filled.close()
        await saved.close()
        pg_cluster.drop(bulk_dsn)
        pg_cluster.drop(saved_dsn)
