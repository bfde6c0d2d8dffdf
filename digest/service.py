"""From a link, a file or a text to a Digest: cache first, then fetch, then clean in the pool.

The bot and the CLI share this one path, so `digestbot digest --json` says exactly what the
bot would. The cache is any object with the `Cache` methods (storage's Store is one);
digest/ does not import storage.
"""

from __future__ import annotations

from typing import Protocol

from digest.fetch import Fetcher
from digest.model import Digest, DigestOptions, Page
from digest.pool import PagePool


class Cache(Protocol):
    async def cached(self, url: str) -> Digest | None: ...

    async def cached_text(self, text: str) -> Digest | None: ...


class Digester:
    """Makes digests; never does CPU work on the event loop."""

    def __init__(self, *, fetcher: Fetcher, pool: PagePool, options: DigestOptions = DigestOptions(),
                 cache: Cache | None = None) -> None:
        self.fetcher = fetcher
        self.pool = pool
        self.options = options
        self.cache = cache

    async def from_url(self, url: str, *, refresh: bool = False) -> Digest:
        """A link: the cached digest when there is one, else fetched and cleaned."""
        if self.cache is not None and not refresh:
            cached = await self.cache.cached(url)
            if cached is not None:
                return cached
        page = await self.fetcher.fetch(url)
        return await self.pool.digest(page, self.options)

    async def from_page(self, page: Page, *, refresh: bool = False) -> Digest:
        """Content already in hand (a file, pasted text): cached by the content itself, never by its address.

        A saved file with its original address may differ from what the link serves today (or
        from what a paywall served us), so what the user handed over is what gets digested. A PDF
        file is not looked up: the cache knows texts, and reading a PDF again takes milliseconds.
        """
        if self.cache is not None and not refresh and isinstance(page.content, str):
            cached = await self.cache.cached_text(page.content)
            if cached is not None:
                return cached
        return await self.pool.digest(page, self.options)
