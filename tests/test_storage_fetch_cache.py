"""The cache in front of real fetching: one article reached through five links is downloaded once.

A real HTTP server on 127.0.0.1 serves the article at its canonical address and at a mobile
AMP-style address whose page names the canonical one. The fetcher, the worker pool, the
Digester and the Store all run as in the bot; the bot's step (save what was made, under the
link the user sent) is done here by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.settings import Settings
from digest.fetch import Fetcher
from digest.pool import PagePool
from digest.service import Digester
from storage import Store
from tests.pageserver import ARTICLE_PARAGRAPHS, PageServer, serve

CANONICAL_PATH = "/news/story-123"
MOBILE_PATH = "/m/story-123"
TITLE = "Harbour reopens after the storm"


def article(canonical: str) -> str:
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in ARTICLE_PARAGRAPHS)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{TITLE}</title>'
            f'<link rel="canonical" href="{canonical}"></head>'
            f"<body><article><h1>{TITLE}</h1>{paragraphs}</article></body></html>")


@pytest.fixture(scope="module")
def server() -> Iterator[PageServer]:
    yield from serve()


async def test_five_spellings_of_one_article_fetch_it_once(server: PageServer, tmp_path: Path) -> None:
    canonical = server.url(CANONICAL_PATH)
    server.add(CANONICAL_PATH, article(canonical))
    server.add(MOBILE_PATH, article(canonical))
    links = [
        server.url(MOBILE_PATH + "?amp=1&utm_source=telegram"),  # fetched: its page names the canonical URL
        canonical,
        server.url(CANONICAL_PATH + "/?utm_source=twitter&utm_medium=social#comments"),
        server.url(CANONICAL_PATH + "?fbclid=IwAR0abc&gclid=xyz"),
        server.url(CANONICAL_PATH + "/amp").replace("http://", "HTTP://"),
    ]
    settings = Settings.from_env({"DIGESTBOT_TRUSTED_HOSTS": server.host_port, "DIGESTBOT_WORKERS": "1"})
    fetcher = Fetcher(settings.fetch_limits, settings.address_policy)
    pool = PagePool(workers=1)
    store = await Store.open(tmp_path / "cache.sqlite3")
    digester = Digester(fetcher=fetcher, pool=pool, cache=store)
    server.reset_counts()
    try:
        ids = []
        for link in links:
            digest = await digester.from_url(link)
            assert digest.title == TITLE
            ids.append(await store.save(digest, chat_id=7, source_url=link))
        assert server.total_hits == 1, server.hits
        assert server.hits[MOBILE_PATH] == 1
        assert len(set(ids)) == 1, "one article, one row"
        # A forced refresh fetches again and keeps the same row.
        refreshed = await digester.from_url(links[3], refresh=True)
        assert await store.save(refreshed, chat_id=7, source_url=links[3]) == ids[0]
        assert server.hits[CANONICAL_PATH] == 1
        assert (await store.search(7, "harbour")).total == 1
    finally:
        await store.close()
        await fetcher.aclose()
        await pool.aclose()
