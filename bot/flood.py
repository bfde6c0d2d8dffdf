"""Telegram's flood limits: PTB's AIORateLimiter, minus chat actions.

AIORateLimiter queues every call that names a chat behind one 30-per-second limit. Telegram's
limit is on messages; a "typing" action queued behind 50 replies would arrive after the reply it
announces. Chat actions therefore skip the queue (a refused one is harmless: handlers ignore it).
RetryAfter (429) answers are still honoured for everything else: the limiter waits as told.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram.ext import AIORateLimiter

UNQUEUED_ENDPOINTS = frozenset({"sendChatAction"})
FLOOD_RETRIES = 3  # retries after a RetryAfter (429), each after the wait Telegram asks for

Result = bool | dict[str, Any] | list[dict[str, Any]]


class FloodLimiter(AIORateLimiter):
    """AIORateLimiter with retries on, and chat actions sent at once."""

    def __init__(self) -> None:
        super().__init__(max_retries=FLOOD_RETRIES)

    async def process_request(self, callback: Callable[..., Coroutine[Any, Any, Result]], args: Any,
                              kwargs: dict[str, Any], endpoint: str, data: dict[str, Any],
                              rate_limit_args: int | None) -> Result:
        if endpoint in UNQUEUED_ENDPOINTS:
            return await callback(*args, **kwargs)
        return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
