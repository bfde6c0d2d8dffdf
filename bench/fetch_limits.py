"""Measure the fetcher's and the pool's limits against the hostile routes of the test page server.

    .venv/bin/python -m bench.fetch_limits [--deadline 3] [--clean-timeout 2]

Prints: hostile links refused and connections made; peak memory growth (the kernel's high-water
mark, in a fresh process per fetch) for each compression bomb, a 50 MB body and an endless page; when a slow drip is cut; and, with two workers, when a page
stuck past the clean limit is abandoned and when a page sent beside it comes back.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time

from digest.errors import DigestError
from digest.fetch import DEFAULT_ALLOWED_PORTS, AddressPolicy, Fetcher, FetchLimits
from digest.model import Page
from digest.pool import PagePool
from tests.pageserver import (
    ARTICLE_HTML,
    DEEP_NESTING,
    META_RUN_BYTES,
    PageServer,
    brotli_bomb,
    deflate_bomb,
    gzip_bomb,
)

MB = 1024 * 1024


# The test modules (pytest, hypothesis) are imported inside the functions: every pool worker imports
# this __main__ module again (multiprocessing does that), and the bot's own __main__ is just as light.


async def hostile(server: PageServer) -> None:
    from tests.test_guard import RESOLVER_TABLE, TableResolver, hostile_forms

    fetcher = Fetcher(FetchLimits(deadline_seconds=5), AddressPolicy(allowed_ports=DEFAULT_ALLOWED_PORTS | {server.port}),
                      resolver=TableResolver(RESOLVER_TABLE))
    server.reset_counts()
    forms = hostile_forms(server.port)
    refused = 0
    for url in forms:
        try:
            await fetcher.fetch(url)
        except DigestError:
            refused += 1
    await fetcher.aclose()
    print(f"hostile links: {refused}/{len(forms)} refused; connections to the server: {server.connections}")


async def probe(url: str, trusted: str) -> None:
    """In a fresh process: warm up on /page, then fetch `url` and report the peak memory growth."""
    from tests.test_fetch import PeakRss

    fetcher = Fetcher(FetchLimits(), AddressPolicy(trusted_hosts=frozenset({trusted})))
    await fetcher.fetch(f"http://{trusted}/page")
    started = time.perf_counter()
    with PeakRss() as rss:
        try:
            await fetcher.fetch(url)
            outcome = "fetched"
        except DigestError as error:
            outcome = type(error).__name__
    elapsed = time.perf_counter() - started
    await fetcher.aclose()
    how = "kernel high-water mark" if rss.exact else "sampled"
    print(f"{outcome:24} peak RSS growth {rss.growth / MB:5.1f} MB ({how})  in {elapsed:.2f} s")


async def memory(server: PageServer, deadline: float) -> None:
    for path in ("/bomb/gzip", "/bomb/deflate", "/bomb/br", "/bomb/gzip?fill=space", "/bomb/deflate?fill=space",
                 "/bomb/br?fill=space", "/huge?mb=50", "/huge?mb=50&declare=0", "/endless"):
        child = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bench.fetch_limits", "--probe", server.url(path), "--trusted", server.host_port,
            stdout=asyncio.subprocess.PIPE)
        output, _ = await child.communicate()
        print(f"{path:28} {output.decode().strip()}")
    fetcher = Fetcher(FetchLimits(deadline_seconds=deadline), AddressPolicy(trusted_hosts=frozenset({server.host_port})))
    started = time.perf_counter()
    try:
        await fetcher.fetch(server.url("/drip?interval=0.2"))
    except DigestError as error:
        print(f"slow drip (1 byte / 0.2 s): {type(error).__name__} after {time.perf_counter() - started:.2f} s "
              f"(deadline {deadline} s)")
    await fetcher.aclose()


async def pool(clean_timeout: float) -> None:
    from tests.test_pool import HEAVY_PAGE

    pages = PagePool(workers=2, time_limit_seconds=clean_timeout)
    article = Page(content=ARTICLE_HTML, kind="html")
    await asyncio.gather(pages.digest(article), pages.digest(article))
    started = time.perf_counter()

    async def timed(page: Page) -> str:
        try:
            await pages.digest(page)
            outcome = "digest"
        except DigestError as error:
            outcome = type(error).__name__
        return f"{outcome} after {time.perf_counter() - started:.2f} s"

    heavy, normal = await asyncio.gather(timed(HEAVY_PAGE), timed(article))
    print(f"pool (2 workers, clean limit {clean_timeout} s): heavy page {heavy}; article sent with it {normal}; "
          f"workers replaced {pages.replaced}")
    fresh = PagePool(workers=1)  # the forkserver is running: this measures one more worker and its first page
    started = time.perf_counter()
    await fresh.digest(article)
    print(f"a new worker forked, plus its first page: {time.perf_counter() - started:.3f} s")
    await fresh.aclose()
    for name, markup in (("100,000-deep nesting", deep_html()), ("100 KB run of <meta", meta_run_html())):
        started = time.perf_counter()
        print(f"{name}: {await timed(Page(content=markup, kind='html'))} "
              f"(cleaned in {time.perf_counter() - started:.2f} s)")
    await pages.aclose()


def deep_html() -> str:
    return "<html><body>" + "<div>" * DEEP_NESTING + "<p>Deep.</p>" + "</div>" * DEEP_NESTING + "</body></html>"


def meta_run_html() -> str:
    return "<html><head>" + "<meta" * (META_RUN_BYTES // 5) + "</head><body><p>After the run.</p></body></html>"


async def main(deadline: float, clean_timeout: float) -> None:
    for fill in ("zero", "space"):
        gzip_bomb(fill), deflate_bomb(fill), brotli_bomb(fill)
    with PageServer() as server:
        await hostile(server)
        await memory(server, deadline)
    await pool(clean_timeout)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deadline", type=float, default=3.0, help="fetch deadline in seconds (default 3)")
    parser.add_argument("--clean-timeout", type=float, default=2.0, help="pool time limit in seconds (default 2)")
    parser.add_argument("--probe", help=argparse.SUPPRESS)  # internal: one fetch in a fresh process
    parser.add_argument("--trusted", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.probe:
        asyncio.run(probe(arguments.probe, arguments.trusted))
    else:
        asyncio.run(main(arguments.deadline, arguments.clean_timeout))
