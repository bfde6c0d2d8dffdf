"""A per-user limit on pages (links, files, pastes) per minute: fair to everyone under load."""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Awaitable, Callable

from handlers.i18n import ENGLISH, Words

WINDOW_SECONDS = 60.0
SWEEP_AT_USERS = 10_000


class PageRateLimiter:
    """Sliding window: at most `per_minute` pages in any 60 seconds, per user."""

    def __init__(self, per_minute: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._seen: dict[int, deque[float]] = {}

    def take(self, user_id: int) -> float | None:
        """Count one page; None when allowed, else the seconds until the next one is."""
        if self.per_minute <= 0:
            return None
        now = self._clock()
        if len(self._seen) > SWEEP_AT_USERS:
            self.forget_idle()
        window = self._seen.setdefault(user_id, deque())
        while window and now - window[0] >= WINDOW_SECONDS:
            window.popleft()
        if len(window) >= self.per_minute:
            return WINDOW_SECONDS - (now - window[0])
        window.append(now)
        return None

    async def acquire(self, user_id: int) -> float | None:
        """`take`, awaitable like the shared limiter's."""
        return self.take(user_id)

    def forget_idle(self) -> None:
        """Drop users with no page in the window (keeps memory flat on a busy bot)."""
        now = self._clock()
        for user_id in [u for u, w in self._seen.items() if not w or now - w[-1] >= WINDOW_SECONDS]:
            del self._seen[user_id]


class SharedRateLimiter:
    """The same limit kept in the store (PostgreSQL), so a user's pages count on every instance."""

    def __init__(self, per_minute: int, take_page: Callable[[int, int], Awaitable[float | None]]) -> None:
        self.per_minute = per_minute
        self._take_page = take_page

    async def acquire(self, user_id: int) -> float | None:
        """Count one page; None when allowed, else the seconds until the next one is."""
        if self.per_minute <= 0:
            return None
        return await self._take_page(user_id, self.per_minute)


def wait_message(per_minute: int, seconds: float, words: Words = ENGLISH) -> str:
    """The friendly answer when a user goes over the limit (two sentences, each with its own plural)."""
    wait = max(1, math.ceil(seconds))
    sent = words.ngettext("You have sent me {count} page in the last minute, which is my limit per person.",
                          "You have sent me {count} pages in the last minute, which is my limit per person.",
                          per_minute)
    again = words.ngettext("Please send this one again in {count} second.",
                           "Please send this one again in {count} seconds.", wait)
    return f"{sent} {again}"
