"""One fetch per link at a time: chats that send a link already being read share that work
(in this process, and with several instances on one PostgreSQL store, across them).

A popular link posted in fifty chats at once is fetched and cleaned once; the others wait for
the same result (or the same error). Finished work is not kept here: the store's cache is.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class SingleFlight(Generic[T]):
    """Coalesces concurrent calls with the same key into one task."""

    def __init__(self) -> None:
        self._running: dict[str, asyncio.Future[T]] = {}

    async def run(self, key: str, work: Callable[[], Awaitable[T]]) -> T:
        running = self._running.get(key)
        if running is None:
            running = asyncio.ensure_future(work())
            self._running[key] = running
            running.add_done_callback(lambda _: self._running.pop(key, None))
        # shield: one waiter giving up (its update cancelled) must not cancel the others' work
        return await asyncio.shield(running)

    def __len__(self) -> int:
        return len(self._running)


class SharedSingleFlight(SingleFlight[T]):
    """Coalesces calls in this process, and across instances through `across` (the store's claims):
    two instances never fetch and clean the same link at the same time."""

    def __init__(self, across: Callable[[str, Callable[[], Awaitable[T]]], Awaitable[T]]) -> None:
        super().__init__()
        self._across = across

    async def run(self, key: str, work: Callable[[], Awaitable[T]]) -> T:
        return await super().run(key, lambda: self._across(key, work))
