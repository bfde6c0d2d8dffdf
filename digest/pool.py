"""Cleaning pages off the event loop. First version: a process pool.

The hardened pool (per-page time limit, memory cap, stuck workers replaced) replaces this
(issue 4); callers only use `PagePool.digest(page, options)` and `PagePool.close()`.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ProcessPoolExecutor

from digest.model import Digest, DigestOptions
from digest.pipeline import Page, digest_page


class PagePool:
    def __init__(self, workers: int = 2) -> None:
        self._executor = ProcessPoolExecutor(max_workers=workers)

    async def digest(self, page: Page, options: DigestOptions = DigestOptions()) -> Digest:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, digest_page, page, options)

    def close(self) -> None:
        self._executor.shutdown(cancel_futures=True)
