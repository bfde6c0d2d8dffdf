"""The one path from a link to a Digest (digest.service.Digester): real fetcher, real pool, real pages.

The pool's own tests hand it Pages; here both pages come over HTTP from the local test server,
as they do for the bot and the CLI.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator

import pytest

from digest.errors import TooSlowError
from digest.fetch import Fetcher, FetchLimits
from digest.fetch.guard import AddressPolicy
from digest.model import Digest, DigestOptions, Page
from digest.pool import PagePool
from digest.service import Digester
from tests.pageserver import ARTICLE_HTML, ARTICLE_TITLE, PageServer, heavy_html, serve

# ~4 MB (`heavy_html`, under the fetcher's 5 MB): seconds of CPU past the 1.5 s limit; the article takes milliseconds.
HEAVY_HTML = heavy_html(40_000)
TEST_TIME_LIMIT_SECONDS = 1.5


class CountingCache:
    """A cache of our own making (not a mock of our code): remembers what it was asked and holds one text."""

    def __init__(self, text: str, digest: Digest) -> None:
        self.text, self.digest = text, digest
        self.asked: list[str] = []

    async def cached(self, url: str) -> Digest | None:
        self.asked.append(f"url:{url}")
        return None

    async def cached_text(self, text: str) -> Digest | None:
        self.asked.append("text")
        return self.digest if text == self.text else None


@pytest.fixture(scope="module")
def server() -> Iterator[PageServer]:
    yield from serve()


@pytest.fixture
async def digester(server: PageServer) -> AsyncIterator[Digester]:
    fetcher = Fetcher(FetchLimits(deadline_seconds=10), AddressPolicy(trusted_hosts=frozenset({server.host_port})))
    pool = PagePool(workers=2, time_limit_seconds=TEST_TIME_LIMIT_SECONDS)
    try:
        yield Digester(fetcher=fetcher, pool=pool, options=DigestOptions())
    finally:
        await fetcher.aclose()
        await pool.aclose()


async def test_a_page_too_heavy_to_clean_is_abandoned_while_another_fetched_with_it_is_digested(
        digester: Digester, server: PageServer) -> None:
    heavy_url = server.add("/heavy-to-clean", HEAVY_HTML)
    article_url = server.add("/article-beside-it", ARTICLE_HTML)
    heavy, article = await asyncio.gather(digester.from_url(heavy_url), digester.from_url(article_url),
                                          return_exceptions=True)
    assert isinstance(heavy, TooSlowError), repr(heavy)
    assert isinstance(article, Digest) and article.title == ARTICLE_TITLE
    assert server.hits["/heavy-to-clean"] == 1 and server.hits["/article-beside-it"] == 1
    again = await digester.from_url(article_url)  # the pool recovered: a fresh worker took the stuck one's place
    assert again.title == ARTICLE_TITLE


async def test_content_in_hand_is_looked_up_by_itself_never_by_its_address(digester: Digester) -> None:
    known = Digest(title="Cached", summary="s.", body="b")
    digester.cache = cache = CountingCache("the pasted text", known)
    assert await digester.from_page(Page(content="the pasted text", kind="text")) is known
    page = Page(content=ARTICLE_HTML, kind="html", url="https://harbour.example/bridge")
    fresh = await digester.from_page(page)
    assert fresh.title == ARTICLE_TITLE
    assert cache.asked == ["text", "text"], "a saved file must not be swapped for what its address cached"
