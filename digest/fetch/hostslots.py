"""A small per-host concurrency limit, so the bot never hammers one site with parallel requests.

Entries exist only while someone holds or waits for a slot, so the table cannot grow with the
number of hosts ever seen.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

DEFAULT_PER_HOST = 2


class HostSlots:
    """At most `per_host` requests in flight to one host; the others wait their turn."""

    def __init__(self, per_host: int = DEFAULT_PER_HOST) -> None:
        self.per_host = per_host
        self._slots: dict[str, tuple[asyncio.Semaphore, int]] = {}

    @asynccontextmanager
    async def hold(self, host: str) -> AsyncIterator[None]:
        semaphore, users = self._slots.get(host, (None, 0))
        if semaphore is None:
            semaphore = asyncio.Semaphore(self.per_host)
        self._slots[host] = (semaphore, users + 1)
        try:
            async with semaphore:
                yield
        finally:
            semaphore, users = self._slots[host]
            if users <= 1:
                del self._slots[host]
            else:
                self._slots[host] = (semaphore, users - 1)

    def __len__(self) -> int:
        """Hosts with a request in flight or waiting."""
        return len(self._slots)
