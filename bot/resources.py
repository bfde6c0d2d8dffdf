"""Opening the shared resources from Settings, one way for the bot and the command line alike."""

from __future__ import annotations

from bot.logs import worker_logging
from bot.settings import Settings
from digest.fetch import Fetcher
from digest.pool import PagePool
from storage.base import DigestStore
from storage.open import open_store as open_location


def open_fetcher(settings: Settings) -> Fetcher:
    """The guarded fetcher with the configured limits and address policy."""
    return Fetcher(settings.fetch_limits, settings.address_policy)


def open_pool(settings: Settings) -> PagePool:
    """Worker processes that clean pages, with the configured time and memory limits, logging as the bot does."""
    return PagePool(workers=settings.workers, time_limit_seconds=settings.clean_timeout_seconds,
                    memory_mb=settings.worker_memory_mb, worker_setup=worker_logging)


async def open_store(settings: Settings) -> DigestStore:
    """The store DIGESTBOT_DB names (SQLite or PostgreSQL), with the durability, pool and expiry settings."""
    return await open_location(settings.db_location, synchronous_full=settings.db_synchronous_full,
                               cache_max_age_days=settings.cache_max_age_days, pool_size=settings.db_pool_size,
                               timeout=settings.db_timeout_seconds)
