"""Fetching over real sockets from the 127.0.0.1 page server: redirects, limits, bombs, charsets, binaries."""

from __future__ import annotations

import asyncio
import gzip
import ssl
import threading
import zlib
from collections.abc import AsyncIterator, Iterator

import brotli
import psutil
import pytest
import trustme

from digest.errors import BlockedAddressError, FetchError, TooLargeError, TooSlowError, UnsupportedContentError
from digest.fetch import USER_AGENT, Fetcher, FetchLimits
from digest.fetch.guard import AddressPolicy
from digest.fetch.hostslots import HostSlots
from tests.pageserver import (
    ARTICLE_HTML,
    FRENCH,
    RUSSIAN,
    RUSSIAN_KOI8,
    PageServer,
    brotli_bomb,
    deflate_bomb,
    gzip_bomb,
    serve,
)
from tests.pdfs import Spec, build_pdf
from tests.test_guard import RESOLVER_TABLE, TableResolver

MAX_BOMB_GROWTH_BYTES = 50 * 1024 * 1024
RSS_SAMPLE_SECONDS = 0.002
TEST_DEADLINE_SECONDS = 1.5  # short, so the drip test stays quick; every other page here takes milliseconds


@pytest.fixture(scope="module")
def server() -> Iterator[PageServer]:
    for fill in ("zero", "space"):  # built once, before any memory is measured
        gzip_bomb(fill), deflate_bomb(fill), brotli_bomb(fill)
    yield from serve()


@pytest.fixture
async def fetcher(server: PageServer) -> AsyncIterator[Fetcher]:
    """Production limits except a short deadline; the test server is the one trusted host."""
    fetcher = Fetcher(FetchLimits(deadline_seconds=TEST_DEADLINE_SECONDS),
                      AddressPolicy(trusted_hosts=frozenset({server.host_port})),
                      resolver=TableResolver(RESOLVER_TABLE))
    yield fetcher
    await fetcher.aclose()


async def test_an_article_page_is_fetched_and_decoded(fetcher: Fetcher, server: PageServer) -> None:
    page = await fetcher.fetch(server.url("/page"))
    assert page.kind == "html" and page.url == server.url("/page")
    assert "<title>Harbour bridge reopens after two years of repairs</title>" in page.content


async def test_plain_text_is_a_text_page(fetcher: Fetcher, server: PageServer) -> None:
    page = await fetcher.fetch(server.url("/text"))
    assert page.kind == "text" and page.content.startswith("Harbour bridge")


async def test_the_client_is_polite_and_names_itself(fetcher: Fetcher, server: PageServer) -> None:
    headers = (await fetcher.fetch(server.url("/echo"))).content
    assert f"User-Agent: {USER_AGENT}" in headers and USER_AGENT.startswith("digestbot/")
    assert "Accept: text/html" in headers and "Accept-Language: " in headers
    assert "Accept-Encoding: gzip, deflate, br" in headers


async def test_redirects_are_followed_up_to_five_hops(fetcher: Fetcher, server: PageServer) -> None:
    page = await fetcher.fetch(server.url("/chain/4"))  # /chain/4 ... /chain/0, /page: five redirects
    assert page.url == server.url("/page")


@pytest.mark.parametrize("path", ["/chain/5", "/chain/50", "/loop"])
async def test_more_than_five_hops_and_loops_are_refused(fetcher: Fetcher, server: PageServer, path: str) -> None:
    server.reset_counts()
    with pytest.raises(FetchError, match="redirects too many times"):
        await fetcher.fetch(server.url(path))
    assert server.total_hits == 6  # the first request and five redirects, not one more


@pytest.mark.parametrize("target", [
    "http://127.0.0.1/secret",
    "http://127.0.0.2:{port}/secret",
    "http://localhost:{port}/secret",
    "http://[::ffff:127.0.0.1]/secret",
    "http://[::ffff:127.0.0.1]:{port}/secret",
    "http://2130706433:{port}/secret",
    "http://internal.example/secret",
    "http://169.254.169.254/latest/meta-data/",
    "file:///etc/passwd",
    "ftp://127.0.0.1:{port}/secret",
])
async def test_redirects_to_private_places_are_refused(fetcher: Fetcher, server: PageServer, target: str) -> None:
    server.add("/secret", "<p>internal</p>")
    server.reset_counts()
    location = target.format(port=server.port)
    with pytest.raises(BlockedAddressError):
        await fetcher.fetch(server.url("/redirect?to=" + location))
    assert server.hits["/secret"] == 0 and server.total_hits == 1


async def test_an_http_error_status_is_a_fetch_error(fetcher: Fetcher, server: PageServer) -> None:
    with pytest.raises(FetchError, match="error 404"):
        await fetcher.fetch(server.url("/status/404"))


@pytest.mark.parametrize("path", ["/image", "/binary"])
async def test_files_and_binary_are_not_web_pages(fetcher: Fetcher, server: PageServer, path: str) -> None:
    with pytest.raises(UnsupportedContentError) as caught:
        await fetcher.fetch(server.url(path))
    assert "I can only read web pages and PDFs" in caught.value.user_message


@pytest.mark.parametrize("content_type", ["application/pdf", "application/octet-stream", "text/html"])
async def test_a_pdf_comes_as_its_bytes_whatever_it_is_served_as(fetcher: Fetcher, server: PageServer,
                                                                 content_type: str) -> None:
    data = build_pdf(Spec())
    server.add(f"/paper-{content_type.replace('/', '-')}", data, content_type=content_type)
    page = await fetcher.fetch(server.url(f"/paper-{content_type.replace('/', '-')}"))
    assert page.kind == "pdf" and page.content == data


async def test_an_octet_stream_that_is_no_pdf_is_refused(fetcher: Fetcher, server: PageServer) -> None:
    server.add("/blob", b"just some bytes, not a document at all" * 40, content_type="application/octet-stream")
    with pytest.raises(UnsupportedContentError):
        await fetcher.fetch(server.url("/blob"))


@pytest.mark.parametrize("path", ["/huge?mb=50&declare=1", "/huge?mb=50&declare=0", "/endless"])
async def test_bodies_over_the_cap_are_cut(fetcher: Fetcher, server: PageServer, path: str) -> None:
    with pytest.raises(TooLargeError):
        await fetcher.fetch(server.url(path))


async def test_a_slow_drip_is_cut_at_the_deadline(fetcher: Fetcher, server: PageServer) -> None:
    """One byte every 0.2 s never trips the read timeout; only the total deadline can stop it."""
    with pytest.raises(TooSlowError) as caught:
        await fetcher.fetch(server.url("/drip?interval=0.2"))
    assert isinstance(caught.value.__cause__, TimeoutError)


class PeakRss:
    """Peak resident memory of this process during a block, over its start.

    On Linux the kernel's own high-water mark (VmHWM, reset through /proc/self/clear_refs) is exact;
    elsewhere a thread samples the RSS every RSS_SAMPLE_SECONDS.
    """

    def __init__(self) -> None:
        self._process = psutil.Process()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self.exact = _reset_high_water_mark()
        self.start = self.peak = self._process.memory_info().rss

    def _sample(self) -> None:
        while not self._stop.wait(RSS_SAMPLE_SECONDS):
            self.peak = max(self.peak, self._process.memory_info().rss)

    def __enter__(self) -> PeakRss:
        if not self.exact:
            self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.exact:
            self.peak = _status_kb("VmHWM") * 1024
        else:
            self._stop.set()
            self._thread.join()
        self.peak = max(self.peak, self._process.memory_info().rss)

    @property
    def growth(self) -> int:
        return self.peak - self.start


def _reset_high_water_mark() -> bool:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear_refs:
            clear_refs.write("5")
        return _status_kb("VmHWM") > 0
    except OSError:
        return False


def _status_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        return next((int(line.split()[1]) for line in status if line.startswith(field + ":")), 0)


@pytest.mark.parametrize(("codec", "fill", "expected"), [
    ("gzip", "zero", UnsupportedContentError),  # 1 GiB of NUL bytes is binary: refused after its first KB
    ("deflate", "zero", UnsupportedContentError),
    ("br", "zero", UnsupportedContentError),
    ("gzip", "space", TooLargeError),  # 1 GiB of spaces is text: only the size cap stops it
    ("deflate", "space", TooLargeError),
    ("br", "space", TooLargeError),
])
async def test_compression_bombs_cost_little_memory(fetcher: Fetcher, server: PageServer, codec: str, fill: str,
                                                    expected: type[Exception]) -> None:
    await fetcher.fetch(server.url("/page"))  # connection pool and code paths warm
    with PeakRss() as rss, pytest.raises(expected):
        await fetcher.fetch(server.url(f"/bomb/{codec}?fill={fill}"))
    assert rss.growth <= MAX_BOMB_GROWTH_BYTES, f"{codec}/{fill} grew the process by {rss.growth / 2**20:.1f} MB"


@pytest.mark.parametrize(("path", "expected"), [
    ("/charset/header-lies", RUSSIAN),
    ("/charset/latin1-lies", FRENCH),
    ("/charset/latin1-lies", RUSSIAN),
    ("/charset/missing", RUSSIAN),
    ("/charset/meta", RUSSIAN_KOI8),
    ("/charset/utf16-bom", FRENCH),
])
async def test_wrong_and_missing_charsets_are_read_correctly(fetcher: Fetcher, server: PageServer, path: str,
                                                             expected: str) -> None:
    page = await fetcher.fetch(server.url(path))
    assert expected in page.content


async def test_an_unknown_site_is_a_clear_error(fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match="could not find that site"):
        await fetcher.fetch("https://no-such-site.example/")


async def test_cookies_from_one_fetch_are_not_sent_on_the_next(fetcher: Fetcher, server: PageServer) -> None:
    server.add("/set-cookie", "", status=302, headers={"Set-Cookie": "session=alice; Path=/", "Location": "/echo"})
    first = await fetcher.fetch(server.url("/set-cookie"))
    second = await fetcher.fetch(server.url("/echo"))
    assert "Cookie: session=alice" in first.content  # within one fetch, a cookie wall can be passed
    assert "Cookie" not in second.content


async def test_one_host_gets_at_most_two_requests_at_once() -> None:
    slots = HostSlots(per_host=2)
    inside = 0
    most = 0
    release = asyncio.Event()

    async def visit(host: str) -> None:
        nonlocal inside, most
        async with slots.hold(host):
            inside += 1
            most = max(most, inside)
            await release.wait()
            inside -= 1

    tasks = [asyncio.create_task(visit("news.example")) for _ in range(5)]
    other = asyncio.create_task(visit("other.example"))
    while inside < 3:  # two for news.example, one for other.example
        await asyncio.sleep(0)
    assert most == 3 and len(slots) == 2
    release.set()
    await asyncio.gather(*tasks, other)
    assert len(slots) == 0


async def test_tls_connects_to_the_checked_address_and_verifies_the_name() -> None:
    """news.example exists only in the injected resolver: reaching it proves the pinned address was used,
    and other.example (same address, wrong name for the certificate) proves TLS checks the name.
    trustme makes the test CA and the certificate in Python, so the test needs no openssl command."""
    authority = trustme.CA()
    server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    authority.issue_cert("news.example").configure_cert(server_tls)
    client_tls = ssl.create_default_context()
    authority.configure_trust(client_tls)
    with PageServer(tls=server_tls) as server:
        resolver = TableResolver({"news.example": ["127.0.0.1"], "other.example": ["127.0.0.1"]})
        policy = AddressPolicy(trusted_hosts=frozenset({f"news.example:{server.port}",
                                                        f"other.example:{server.port}"}))
        fetcher = Fetcher(FetchLimits(deadline_seconds=5), policy, resolver=resolver,
                          ssl_context=client_tls)
        try:
            page = await fetcher.fetch(f"https://news.example:{server.port}/echo")
            with pytest.raises(FetchError, match="certificate is not valid"):
                await fetcher.fetch(f"https://other.example:{server.port}/echo")
        finally:
            await fetcher.aclose()
    assert f"Host: news.example:{server.port}" in page.content
    assert resolver.asked == ["news.example", "other.example"]  # one lookup per hop, none behind our back


async def test_utf16_declared_in_the_header_is_text_not_binary(fetcher: Fetcher, server: PageServer) -> None:
    """UTF-16 without a byte order mark is full of NUL bytes; the header's charset says it is text."""
    html = f"<html><head><title>Pont</title></head><body><p>{FRENCH}</p></body></html>"
    server.add("/utf16-header", html.encode("utf-16-le"), content_type="text/html; charset=utf-16le")
    page = await fetcher.fetch(server.url("/utf16-header"))
    assert FRENCH in page.content


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br"])
async def test_compressed_pages_arrive_whole(fetcher: Fetcher, server: PageServer, encoding: str) -> None:
    body = ARTICLE_HTML.encode() * 40  # about 65 KB, several network chunks and several output pieces
    packed = {"gzip": gzip.compress, "deflate": zlib.compress, "br": brotli.compress}[encoding](body)
    server.add(f"/packed-{encoding}", packed, headers={"Content-Encoding": encoding})
    page = await fetcher.fetch(server.url(f"/packed-{encoding}"))
    assert page.content == body.decode()
