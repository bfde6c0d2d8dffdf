"""Load benchmark (not a test): two bot instances on one PostgreSQL beside one on SQLite.

    .venv/bin/python -m bench.load_instances [--chats 50] [--twins 20] [--workers 1] [--pg-dsn URL]

Each setup gets the same three bursts through the strict fake Bot API, with links on a local page
server that counts requests per link:
1. new links: N chats each send a different link at the same moment;
2. the same links again from the same chats (cached: no fetch);
3. twins: M new links, each sent by two chats at the same moment (one fetch a link, not two).
PostgreSQL: two `digestbot run --webhook` processes (bench.load's BotProcess, as the two-instance
tests run them), the updates of a burst posted to them in turn from threads, as a load balancer
does (one secret for both); in bursts 2 and 3 a chat's update goes to the other instance than
before, and the twins of a link to one instance each. SQLite: one `digestbot run` polling getUpdates.
Latency per chat: the fake server's clock from the user's message to the digest's final form.
Before the bursts each instance digests one link, not measured (its workers start then).
Without --pg-dsn a throwaway PostgreSQL 15 cluster is used (tests/pgserver.py, fsync off).
--workers is DIGESTBOT_WORKERS of each process (default 1: two instances on this 2-core machine).
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from bench.load import FIRST_CHAT, article, burst, report
from tests import pgserver
from tests.fakebotapi import TEST_TOKEN, BotProcess, FakeBotAPI
from tests.pageserver import PageServer
from tests.test_bot_startup import post_update

SECRET = "one_secret_for_every_instance"
TWIN_CHATS = 50_000  # the twin chats' ids start at FIRST_CHAT + TWIN_CHATS
WARM_CHATS = 60_000  # one link to each instance first (not measured): cleaning workers start lazily

Deliver = Callable[[int], None]  # posts the queued updates; the argument shifts which instance gets which


def webhook_instances(api: FakeBotAPI, pages: PageServer, dsn: str, folder: Path, workers: int) -> list[tuple[BotProcess, int]]:
    instances = []
    for n in range(2):
        port = pgserver.free_port()
        workdir = folder / f"instance{n}"
        workdir.mkdir()
        bot = BotProcess(api, workdir, args=("--webhook", "--listen", f"127.0.0.1:{port}",
                                             "--url", "https://bot.example/hook/path"),
                         env={"DIGESTBOT_DB": dsn, "DIGESTBOT_TRUSTED_HOSTS": pages.host_port,
                              "DIGESTBOT_WEBHOOK_SECRET": SECRET, "DIGESTBOT_WORKERS": str(workers),
                              "DIGESTBOT_LOG_LEVEL": "WARNING"})
        instances.append((bot.start(), port))
    return instances


def in_turn(api: FakeBotAPI, ports: list[int]) -> Deliver:
    """Every queued update posted at once (one thread each), the k-th to instance (k + shift) mod 2."""
    def deliver(shift: int) -> None:
        updates = api.take_updates()
        with ThreadPoolExecutor(len(updates)) as pool:
            codes = list(pool.map(lambda k: post_update(ports[(k + shift) % len(ports)], updates[k], SECRET),
                                  range(len(updates))))
        assert all(code == 200 for code in codes), codes
    return deliver


def bursts(api: FakeBotAPI, pages: PageServer, label: str, chats: int, twins: int, deliver: Deliver | None) -> None:
    """The three bursts, their latencies and the page server's requests per link."""
    shift = 0

    def delivered() -> None:
        if deliver is not None:
            deliver(shift)

    warm_urls = [pages.add(f"/{label}/warm/{n}", article(10_000 + n)) for n in range(2)]
    burst(api, warm_urls, "the warm-up", first_chat=FIRST_CHAT + WARM_CHATS, after_send=delivered)
    new_urls = [pages.add(f"/{label}/new/{n}", article(n)) for n in range(chats)]
    twin_urls = [pages.add(f"/{label}/twin/{n}", article(chats + n)) for n in range(twins)]
    report(f"  new links ({chats} chats, one link each)", burst(api, new_urls, "the burst", after_send=delivered), chats)
    after_new = fetches(pages, new_urls)
    shift = 1
    report("  the same links again (cached)", burst(api, new_urls, "the cached burst", after_send=delivered), chats)
    after_cached = fetches(pages, new_urls)
    shift = 0  # the twins of link n are updates 2n and 2n + 1: one to each instance
    report(f"  twins ({twins} new links, each from two chats at once)",
           burst(api, [url for url in twin_urls for _ in (0, 1)], "the twins", after_send=delivered,
                 first_chat=FIRST_CHAT + TWIN_CHATS), 2 * twins)
    twin = fetches(pages, twin_urls)
    print(f"  page requests: new links {sum(after_new)} for {chats} links, then {sum(after_cached) - sum(after_new)}"
          f" for the cached burst; twins {sum(twin)} for {twins} links; duplicate fetches:"
          f" {sum(n - 1 for n in after_cached + twin if n > 1)}, most requests for one link {max(after_cached + twin)}")


def fetches(pages: PageServer, urls: list[str]) -> list[int]:
    """Requests the page server counted for each link."""
    hits = pages.hits
    return [hits[urlsplit(url).path] for url in urls]


@contextmanager
def postgresql(dsn: str | None) -> Iterator[str]:
    if dsn:
        yield dsn
        return
    cluster = pgserver.start_cluster()
    try:
        yield cluster.dsn()
    finally:
        pgserver.remove_cluster(cluster)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chats", type=int, default=50)
    parser.add_argument("--twins", type=int, default=20)
    parser.add_argument("--workers", type=int, default=1, help="cleaning worker processes of each instance")
    parser.add_argument("--pg-dsn", help="a PostgreSQL server (default: a throwaway local cluster)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir, PageServer() as pages:
        print(f"One instance on SQLite (polling), {args.workers} cleaning worker(s):")
        with FakeBotAPI(TEST_TOKEN) as api:
            bot = BotProcess(api, Path(workdir), env={
                "DIGESTBOT_TRUSTED_HOSTS": pages.host_port, "DIGESTBOT_WORKERS": str(args.workers),
                "DIGESTBOT_LOG_LEVEL": "WARNING"}).start()
            try:
                bursts(api, pages, "sqlite", args.chats, args.twins, None)
            finally:
                bot.stop()
        print(f"Two instances on one PostgreSQL (webhooks, updates in turn), {args.workers} cleaning worker(s) each:")
        with postgresql(args.pg_dsn) as dsn, FakeBotAPI(TEST_TOKEN) as api:
            instances = webhook_instances(api, pages, dsn, Path(workdir), args.workers)
            try:
                bursts(api, pages, "postgresql", args.chats, args.twins, in_turn(api, [port for _, port in instances]))
                refused = [call for call in api.errors() if call.error and not call.error.startswith("Too Many")]
                print(f"  Bot API calls refused by the strict server: {len(refused)}")
            finally:
                for bot, _ in instances:
                    bot.stop()


if __name__ == "__main__":
    main()
