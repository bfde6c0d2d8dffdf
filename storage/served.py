"""The cache lookups both stores share: a link or a pasted text to its key, and a memory of what was served.

A digest that `cached` served is only added to a chat when it is saved: saving it neither rewrites
the row nor makes it fresh again. The store knows it by the object it handed out (`served`).
"""

from __future__ import annotations

from collections import OrderedDict

from digest.model import Digest
from storage.keys import link_key, text_key

SERVED_MEMORY = 1024  # cached digests remembered, so saving one into a chat does not renew it


class ServedCache:
    """`cached` and `cached_text` over a store's `_cached(key)`; the store calls `_remember_served`."""

    def __init__(self) -> None:
        self._served: OrderedDict[int, tuple[Digest, int]] = OrderedDict()

    async def cached(self, url: str) -> Digest | None:
        """The unexpired digest of this link (any spelling of it, or the page's canonical URL)."""
        return await self._cached(link_key(url))

    async def cached_text(self, text: str) -> Digest | None:
        """The unexpired digest of this pasted text (same words, whatever the spacing or case)."""
        return await self._cached(text_key(text))

    async def _cached(self, key: str) -> Digest | None:
        raise NotImplementedError

    def _remember_served(self, digest: Digest, digest_id: int) -> None:
        self._served[id(digest)] = (digest, digest_id)
        self._served.move_to_end(id(digest))
        while len(self._served) > SERVED_MEMORY:
            self._served.popitem(last=False)

    def served_id(self, digest: Digest) -> int | None:
        """The row id of a digest this store served from its cache (the very object), else None."""
        served = self._served.get(id(digest))
        return served[1] if served is not None and served[0] is digest else None
