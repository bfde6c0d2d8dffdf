"""Opening the store DIGESTBOT_DB names: the SQLite `Store` or the PostgreSQL `PgStore`, one interface."""

from __future__ import annotations

import time
from collections.abc import Callable

from storage.base import DigestStore
from storage.location import Location
from storage.postgres.store import DEFAULT_POOL_SIZE, DEFAULT_TIMEOUT_SECONDS, PgStore
from storage.sqlite.store import Store


async def open_store(location: Location, *, cache_max_age_days: float = 30, synchronous_full: bool = False,
                     pool_size: int = DEFAULT_POOL_SIZE, timeout: float = DEFAULT_TIMEOUT_SECONDS,
                     clock: Callable[[], float] = time.time) -> DigestStore:
    """The store at `location`, created and migrated as needed."""
    if location.kind == "postgresql":
        return await PgStore.open(location.dsn or "", cache_max_age_days=cache_max_age_days, clock=clock,
                                  pool_size=pool_size, timeout=timeout)
    return await Store.open(location.path or "", synchronous_full=synchronous_full,
                            cache_max_age_days=cache_max_age_days, clock=clock)
