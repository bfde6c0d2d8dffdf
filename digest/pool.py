"""Cleaning pages off the event loop, in worker processes that can be killed one at a time.

readability and lxml are CPU-bound and can be driven into minutes of work or gigabytes of memory
by a hostile page, so each page runs in a worker process with a time limit and a memory cap
(RLIMIT_AS). A page that exceeds either is abandoned: its worker is killed and a fresh one takes
its place on the next request, and only that page's caller gets an error.

Why not `concurrent.futures.ProcessPoolExecutor`: killing one of its workers marks the whole
executor broken, failing every caller's page at once. Here each worker is independent and holds
one page at a time. Workers are forked from a forkserver that imported and ran the pipeline once
(`digest.warmup`), so starting or replacing one takes milliseconds and its first page is not cold.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import resource
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from digest.errors import N_, DigestError, TooLargeError, TooSlowError
from digest.model import Digest, DigestOptions
from digest.pipeline import Page, digest_page

logger = logging.getLogger(__name__)

DEFAULT_TIME_LIMIT_SECONDS = 10.0
DEFAULT_MEMORY_MB = 1024
START_METHOD = "forkserver"  # fork alone is unsafe with threads; spawn re-imports the pipeline per worker
PRELOAD = ["digest.warmup"]  # imports the pipeline and runs it once, so forked workers start warm
KILL_WAIT_SECONDS = 2.0
NEAR_CAP_SHARE = 0.9  # a failure after the address space peaked this close to the cap is a memory failure
TOO_HEAVY = N_("That page is too large or too complex for me to read. Try the article's own link, or paste its text.")

Outcome = tuple[str, Any]  # ("digest", Digest) | ("refused", DigestError) | ("memory", None) | ("crash", str)


@dataclass(frozen=True, slots=True, kw_only=True)
class PoolLimits:
    """How many workers, and how much time and memory one page may take."""

    workers: int = 2
    time_limit_seconds: float = DEFAULT_TIME_LIMIT_SECONDS
    memory_mb: int = DEFAULT_MEMORY_MB


def worker_main(conn: Connection, memory_mb: int, setup: Callable[[], None] | None = None) -> None:
    """A worker's life: run the caller's setup (logging), cap its memory, then digest one page at a
    time until the pipe closes."""
    if setup is not None:
        setup()
    cap = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    while True:
        try:
            page, options = conn.recv()
        except (EOFError, OSError):
            return
        outcome: Outcome
        try:
            outcome = ("digest", digest_page(page, options))
        except DigestError as error:
            outcome = ("refused", error)
        except MemoryError:
            outcome = ("memory", None)
        except Exception:  # lxml reports an exhausted heap as its own errors: tell them apart from bugs
            outcome = ("memory", None) if came_near_cap(cap) else ("crash", traceback.format_exc())
        conn.send(outcome)
        if outcome[0] == "memory":
            return  # the heap may be in pieces: let the parent start a fresh worker


def process_exists(pid: int | None) -> bool:
    """Whether `pid` still names a process. `is_alive()` learns of a worker's death from the forkserver,
    a moment after the kernel reaped it; a page sent in that moment would be lost with the worker."""
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # the pid was reused by another user's process
        return False
    return True


def came_near_cap(cap_bytes: int) -> bool:
    """Whether this process's peak address space came close to its cap (Linux /proc; False elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmPeak:"))
    except (OSError, StopIteration, ValueError, IndexError):
        return False
    return peak_kb * 1024 >= cap_bytes * NEAR_CAP_SHARE


class Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, context: Any, memory_mb: int, setup: Callable[[], None] | None = None) -> None:
        self._conn, child_conn = context.Pipe(duplex=True)
        self.process: BaseProcess = context.Process(
            target=worker_main, args=(child_conn, memory_mb, setup), name="digest-worker", daemon=True)
        self.process.start()
        child_conn.close()

    def run(self, page: Page, options: DigestOptions) -> Outcome:
        """Blocking: send one page, wait for its outcome (called in a thread, never on the event loop)."""
        try:
            self._conn.send((page, options))
            return self._conn.recv()  # type: ignore[no-any-return]
        except (EOFError, OSError):
            return ("died", self.process.exitcode)

    def kill(self) -> None:
        """Abandon the worker: SIGKILL, since a page stuck inside lxml ignores anything gentler."""
        self.process.kill()
        self.process.join(KILL_WAIT_SECONDS)
        self._conn.close()

    def stop(self) -> None:
        """A clean end for an idle worker: closing its pipe ends its loop."""
        self._conn.close()
        self.process.join(KILL_WAIT_SECONDS)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(KILL_WAIT_SECONDS)


class PagePool:
    """Digests pages in worker processes; each page has a time limit and each worker a memory cap."""

    def __init__(self, workers: int = 2, *, time_limit_seconds: float = DEFAULT_TIME_LIMIT_SECONDS,
                 memory_mb: int = DEFAULT_MEMORY_MB, worker_setup: Callable[[], None] | None = None) -> None:
        """`worker_setup` runs first in every worker (a module-level function: it is pickled by name)."""
        self.worker_setup = worker_setup
        self.limits = PoolLimits(workers=max(1, workers), time_limit_seconds=time_limit_seconds, memory_mb=memory_mb)
        self._context = multiprocessing.get_context(START_METHOD)
        self._context.set_forkserver_preload(PRELOAD)
        self._free = asyncio.Semaphore(self.limits.workers)
        self._idle: list[Worker] = []
        self._busy: set[Worker] = set()
        self._threads = ThreadPoolExecutor(max_workers=self.limits.workers, thread_name_prefix="digest-pool")
        self.replaced = 0  # workers killed and replaced so far, for logs and tests

    async def digest(self, page: Page, options: DigestOptions = DigestOptions()) -> Digest:
        """The page's Digest, or a DigestError; a page over the time or memory limit costs only its worker."""
        loop = asyncio.get_running_loop()
        async with self._free:
            worker = self._take_idle() or await loop.run_in_executor(self._threads, self._start)
            self._busy.add(worker)
            try:
                kind, value = await asyncio.wait_for(
                    loop.run_in_executor(self._threads, worker.run, page, options),
                    self.limits.time_limit_seconds)
            except TimeoutError:
                await self._retire(worker)
                raise TooSlowError() from None
            except BaseException:  # our caller gave up: the worker is still busy with the page
                await self._retire(worker)
                raise
            finally:
                self._busy.discard(worker)
            if kind == "digest":
                self._idle.append(worker)
                return value  # type: ignore[no-any-return]
            if kind == "refused":  # the pipeline's own answer (no article, ...): the worker is fine
                self._idle.append(worker)
                raise value
            await self._retire(worker)
            raise self._failure(kind, value)

    def _take_idle(self) -> Worker | None:
        """An idle worker that is still alive (one may have been killed from outside, e.g. by the OOM killer)."""
        while self._idle:
            worker = self._idle.pop()
            if worker.process.is_alive() and process_exists(worker.process.pid):
                return worker
            worker.kill()  # reap it and close its pipe; the page never reached it, so it is not to blame
        return None

    def _start(self) -> Worker:
        return Worker(self._context, self.limits.memory_mb, self.worker_setup)

    def _failure(self, kind: str, detail: Any) -> DigestError:
        """The caller's error for a worker that crashed, ran out of memory or died."""
        if kind == "crash":
            logger.error("cleaning a page failed in a worker:\n%s", detail)
            return DigestError()
        if kind == "memory":
            logger.warning("a page went over the %d MB worker memory cap", self.limits.memory_mb)
        else:
            logger.warning("a cleaning worker died (exit code %s)", detail)
        return TooLargeError(TOO_HEAVY)

    async def _retire(self, worker: Worker) -> None:
        self.replaced += 1
        await asyncio.get_running_loop().run_in_executor(None, worker.kill)

    @property
    def pids(self) -> frozenset[int]:
        """Process ids of the live workers (idle or busy), for logs and tests."""
        workers = [*self._idle, *self._busy]
        return frozenset(worker.process.pid for worker in workers if worker.process.pid is not None)

    async def aclose(self) -> None:
        """Stop every worker; pages still running are abandoned."""
        loop = asyncio.get_running_loop()
        workers = self._idle + list(self._busy)
        self._idle = []
        for worker in workers:
            await loop.run_in_executor(None, worker.kill if worker in self._busy else worker.stop)
        self._threads.shutdown(wait=False, cancel_futures=True)
