"""A real HTTP server on 127.0.0.1, in a thread, serving ordinary and hostile pages for tests.

Tests talk to it over real sockets, so the fetcher's guard, limits and decoders run exactly as
they do in production. It counts every TCP connection and every request, so a test can prove
that a refused address was refused *before* anything was sent (`connections == 0`).

    from tests.pageserver import PageServer

    with PageServer() as server:
        server.url("/page")          # "http://127.0.0.1:PORT/page"
        server.host_port             # "127.0.0.1:PORT", for DIGESTBOT_TRUSTED_HOSTS
        server.add("/mine", "<html>...</html>")               # your own page (str or bytes)
        server.add("/pdf", b"%PDF-1.4", content_type="application/pdf")
        server.hits["/page"]         # requests per path (query string not included)
        server.connections           # TCP connections accepted so far
        server.reset_counts()

A pytest fixture is one line: `yield from serve()` in a generator fixture (see `serve`).
`PageServer(tls=ssl_context)` serves https:// instead (tests/test_fetch.py makes a test CA with trustme).
Every route is also served at any host name that resolves to 127.0.0.1 (the Host header is not checked).

Built-in routes (GET):

  /page                  a small news article (HTML, UTF-8) with a title, a date and a quote
  /text                  the same article as text/plain
  /echo                  the request headers, as text/plain, one "Name: value" a line
  /status/<code>         that HTTP status with a short HTML body
  /redirect?to=URL[&status=302]   a redirect to URL (absolute or relative)
  /chain/<n>             n redirects in a row, then /page
  /loop                  a redirect to itself, forever
  /drip[?interval=S&bytes=N]      headers, then one byte every S seconds (default 0.2), N bytes (default: endless)
  /slow-headers[?seconds=S]       waits S seconds (default 5) before answering
  /endless               an HTML body with no length that never ends
  /huge[?mb=50&declare=1]         an HTML body of that many MB (Content-Length sent when declare=1)
  /bomb/gzip  /bomb/deflate  /bomb/br   1 GiB of zeros, compressed (about 1 MB, 1 MB and 190 KB on the wire);
                         ?fill=space: 1 GiB of spaces instead (text, so only a size cap stops it)
  /charset/header-lies   header says utf-8, body is windows-1251 Russian
  /charset/latin1-lies   header says iso-8859-1, body is UTF-8 French and Russian
  /charset/missing       no charset anywhere, body is windows-1251 Russian
  /charset/meta          charset only in <meta> (koi8-r)
  /charset/utf16-bom     UTF-16 with a byte order mark, no charset in the header
  /binary                random bytes served as text/html
  /pdf  /image           a PDF and a PNG, with their real content types
  /deep                  100,000 nested <div>s
  /meta-run              a 100 KB run of "<meta" in the head
"""

from __future__ import annotations

import codecs
import random
import re
import ssl
import struct
import sys
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import brotli

BOMB_SIZE = 1 << 30  # 1 GiB of zeros once decompressed
BOMB_BLOCK = 1 << 20
STREAM_CHUNK = 64 * 1024
DEFAULT_DRIP_INTERVAL = 0.2
DEFAULT_SLOW_HEADERS_SECONDS = 5.0
DEFAULT_HUGE_MB = 50
DEEP_NESTING = 100_000
META_RUN_BYTES = 100_000

ARTICLE_TITLE = "Harbour bridge reopens after two years of repairs"
ARTICLE_PARAGRAPHS = (
    "LISBON, 3 March 2025 - The old harbour bridge reopened to traffic on Monday morning after two years of repairs "
    "that cost the city more than 40 million euros and closed the main road between the two river banks.",
    "The mayor, Ana Ribeiro, cut the ribbon at seven o'clock in front of a few hundred residents who had come to walk "
    "across the bridge before the first cars were let through.",
    '"This bridge has carried our grandparents to work, and now it will carry our grandchildren," Ribeiro said, '
    "adding that the repairs had finished three weeks ahead of the schedule agreed with the builders.",
    "Engineers replaced the steel cables, rebuilt the deck and added a protected lane for bicycles on the eastern "
    "side, which the city expects to be used by several thousand cyclists every day.",
    '"We tested every cable twice, in the heat of August and in the storms of January," said Marco Silva, '
    "the chief engineer of the project, who has worked on the bridge since the first inspection.",
    "Traffic on the detour through the industrial port is expected to fall by half over the coming weeks, "
    "according to the city's transport office, which will publish its first figures at the end of the month.",
)
ARTICLE_HTML = (
    "<!doctype html><html lang=en><head><meta charset=utf-8><title>{title}</title>"
    '<meta property="article:published_time" content="2025-03-03T07:30:00+00:00"></head>'
    "<body><header><nav><a href=/>Home</a> <a href=/city>City</a></nav></header>"
    "<article><h1>{title}</h1>{paragraphs}</article>"
    "<footer><p>Copyright The Harbour Times</p></footer></body></html>"
).format(title=ARTICLE_TITLE, paragraphs="".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS))
ARTICLE_TEXT = ARTICLE_TITLE + "\n\n" + "\n\n".join(ARTICLE_PARAGRAPHS) + "\n"


def heavy_html(blocks: int) -> str:
    """Real-looking markup that readability needs CPU in proportion to: about 4 s for 60,000 blocks (6 MB) with
    readability-lxml 0.9 on a fast machine, our pipeline about twice that, against milliseconds for the article."""
    block = "<div class=x><p>Some words in a paragraph that is long enough, with a comma, to count.</p></div>"
    return "<html><body>" + block * blocks + "</body></html>"

RUSSIAN = "Мэр города открыл новый мост через реку. «Это важный день для всех жителей», — сказал он журналистам."
RUSSIAN_KOI8 = RUSSIAN.replace("«", '"').replace("»", '"').replace("—", "-")  # koi8-r has no guillemets
FRENCH = "Le maire a inauguré le pont rénové. « C'est une journée importante », a-t-il déclaré aux journalistes."


def _html(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}<title>Test page</title></head><body>{body}</body></html>"


@dataclass(frozen=True, slots=True)
class Reply:
    """A fixed answer: status, body and headers."""

    body: bytes
    content_type: str | None = "text/html; charset=utf-8"
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()


def _bomb_block(fill: str) -> bytes:
    return bytes(BOMB_BLOCK) if fill == "zero" else b" " * BOMB_BLOCK


def _repeated_checksum(block_checksum: int, combine: Callable[[int, int, int], int]) -> int:
    """The checksum of BOMB_SIZE bytes made of one repeated block, by doubling (no 1 GiB pass)."""
    checksum, length = block_checksum, BOMB_BLOCK
    while length < BOMB_SIZE:
        checksum, length = combine(checksum, checksum, length), length * 2
    return checksum


def _gf2_times(matrix: list[int], vector: int) -> int:
    total, row = 0, 0
    while vector:
        if vector & 1:
            total ^= matrix[row]
        vector >>= 1
        row += 1
    return total


def _crc32_combine(crc1: int, crc2: int, length2: int) -> int:
    """zlib's crc32_combine: the CRC-32 of A+B from those of A and B and the length of B."""
    odd = [0xEDB88320] + [1 << n for n in range(31)]  # the operator for one zero bit
    even = [_gf2_times(odd, odd[n]) for n in range(32)]  # two zero bits
    odd = [_gf2_times(even, even[n]) for n in range(32)]  # four zero bits
    while length2:
        even = [_gf2_times(odd, odd[n]) for n in range(32)]  # one zero byte on the first pass
        if length2 & 1:
            crc1 = _gf2_times(even, crc1)
        length2 >>= 1
        if not length2:
            break
        odd = [_gf2_times(even, even[n]) for n in range(32)]
        if length2 & 1:
            crc1 = _gf2_times(odd, crc1)
        length2 >>= 1
    return crc1 ^ crc2


def _adler32_combine(adler1: int, adler2: int, length2: int) -> int:
    """zlib's adler32_combine."""
    base = 65521
    remainder = length2 % base
    sum1 = adler1 & 0xFFFF
    sum2 = (remainder * sum1) % base
    sum1 = (sum1 + (adler2 & 0xFFFF) + base - 1) % base
    sum2 = (sum2 + (adler1 >> 16) + (adler2 >> 16) + base - remainder) % base
    return sum1 | sum2 << 16


@cache
def gzip_bomb(fill: str = "zero") -> bytes:
    """1 GiB of zeros (or spaces: fill="space") as one valid gzip member, built in milliseconds.

    After a full flush deflate forgets everything before it, so the compressed form of one
    1 MiB block can simply be repeated; the CRC of the whole is combined from the block's.
    """
    block = _bomb_block(fill)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block_deflated = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = _repeated_checksum(zlib.crc32(block), _crc32_combine)
    final_empty_block = b"\x03\x00"
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    trailer = struct.pack("<II", crc, BOMB_SIZE & 0xFFFFFFFF)
    return header + block_deflated * (BOMB_SIZE // BOMB_BLOCK) + final_empty_block + trailer


@cache
def deflate_bomb(fill: str = "zero") -> bytes:
    """1 GiB of zeros (or spaces) as a zlib stream ("deflate" in HTTP), built like `gzip_bomb`."""
    block = _bomb_block(fill)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block_deflated = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    adler = _repeated_checksum(zlib.adler32(block), _adler32_combine)
    return b"\x78\xda" + block_deflated * (BOMB_SIZE // BOMB_BLOCK) + b"\x03\x00" + struct.pack(">I", adler)


@cache
def brotli_bomb(fill: str = "zero") -> bytes:
    """1 GiB of zeros (or spaces) as brotli (quality 1 is quick to build and still about 5000:1)."""
    compressor = brotli.Compressor(quality=1, lgwin=24)
    chunk = _bomb_block(fill) * 16
    parts = [compressor.process(chunk) for _ in range(BOMB_SIZE // len(chunk))]
    parts.append(compressor.finish())
    return b"".join(parts)


@cache
def _fixed_routes() -> dict[str, Reply]:
    rng = random.Random(4)
    return {
        "/page": Reply(ARTICLE_HTML.encode()),
        "/text": Reply(ARTICLE_TEXT.encode(), content_type="text/plain; charset=utf-8"),
        "/charset/header-lies": Reply(_html(f"<p>{RUSSIAN}</p>").encode("windows-1251")),
        "/charset/latin1-lies": Reply(_html(f"<p>{FRENCH}</p><p>{RUSSIAN}</p>").encode(),
                                      content_type="text/html; charset=iso-8859-1"),
        "/charset/missing": Reply(_html(f"<p>{RUSSIAN}</p>" * 3).encode("windows-1251"), content_type="text/html"),
        "/charset/meta": Reply(_html(f"<p>{RUSSIAN_KOI8}</p>", head='<meta charset="koi8-r">').encode("koi8-r"),
                               content_type="text/html"),
        "/charset/utf16-bom": Reply(codecs.BOM_UTF16_LE + _html(f"<p>{FRENCH}</p>").encode("utf-16-le"),
                                    content_type="text/html"),
        "/binary": Reply(rng.randbytes(200_000)),
        "/pdf": Reply(b"%PDF-1.4\n" + rng.randbytes(5000), content_type="application/pdf"),
        "/image": Reply(b"\x89PNG\r\n\x1a\n" + rng.randbytes(5000), content_type="image/png"),
        "/deep": Reply(_html("<div>" * DEEP_NESTING + "<p>Deep.</p>" + "</div>" * DEEP_NESTING).encode()),
        "/meta-run": Reply(_html("<p>After the run.</p>", head="<meta" * (META_RUN_BYTES // 5)).encode()),
    }


@dataclass
class _State:
    pages: dict[str, Reply] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    connections: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    stopping: threading.Event = field(default_factory=threading.Event)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    state: _State

    def verify_request(self, request: Any, client_address: Any) -> bool:
        with self.state.lock:
            self.state.connections += 1
        return True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client hanging up (what the fetcher's limits do on purpose) is not an error worth printing."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        """Quiet: pytest output is for failures."""

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        state = self.server.state
        parts = urlsplit(self.path)
        path, query = parts.path, {k: v[-1] for k, v in parse_qs(parts.query).items()}
        with state.lock:
            state.hits[path] += 1
            reply = state.pages.get(path) or _fixed_routes().get(path)
        try:
            if reply is not None:
                self._reply(reply)
            else:
                self._dynamic(path, query)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up: that is what the limits are for

    def _reply(self, reply: Reply) -> None:
        self.send_response(reply.status)
        if reply.content_type is not None:
            self.send_header("Content-Type", reply.content_type)
        for name, value in reply.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    def _redirect(self, location: str, status: int = 302) -> None:
        self._reply(Reply(b"", status=status, headers=(("Location", location),)))

    def _dynamic(self, path: str, query: dict[str, str]) -> None:
        if match := re.fullmatch(r"/status/(\d{3})", path):
            self._reply(Reply(_html(f"<p>Status {match[1]}</p>").encode(), status=int(match[1])))
        elif path == "/echo":
            text = "".join(f"{name}: {value}\n" for name, value in self.headers.items())
            self._reply(Reply(text.encode(), content_type="text/plain; charset=utf-8"))
        elif path == "/redirect" and "to" in query:
            self._redirect(query["to"], int(query.get("status", "302")))
        elif match := re.fullmatch(r"/chain/(\d+)", path):
            left = int(match[1])
            self._redirect(f"/chain/{left - 1}" if left > 0 else "/page")
        elif path == "/loop":
            self._redirect("/loop")
        elif path == "/drip":
            self._drip(float(query.get("interval", DEFAULT_DRIP_INTERVAL)), int(query.get("bytes", "0")) or None)
        elif path == "/slow-headers":
            self._wait(float(query.get("seconds", DEFAULT_SLOW_HEADERS_SECONDS)))
            self._reply(Reply(ARTICLE_HTML.encode()))
        elif path == "/endless":
            self._stream(_endless_html())
        elif path == "/huge":
            size = int(float(query.get("mb", DEFAULT_HUGE_MB)) * 1_000_000)
            self._stream(_sized_html(size), length=size if query.get("declare", "1") == "1" else None)
        elif match := re.fullmatch(r"/bomb/(gzip|deflate|br)", path):
            fill = "space" if query.get("fill") == "space" else "zero"
            bomb = {"gzip": gzip_bomb, "deflate": deflate_bomb, "br": brotli_bomb}[match[1]](fill)
            self._reply(Reply(bomb, headers=(("Content-Encoding", match[1]),)))
        else:
            self._reply(Reply(_html("<p>Not found</p>").encode(), status=404))

    def _wait(self, seconds: float) -> None:
        self.server.state.stopping.wait(seconds)

    def _stream(self, chunks: Iterator[bytes], length: int | None = None) -> None:
        """Send chunks until they end, the client leaves or the server stops; no length means until close."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if length is None:
            self.send_header("Connection", "close")
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(length))
        self.end_headers()
        for chunk in chunks:
            if self.server.state.stopping.is_set():
                self.close_connection = True
                return
            self.wfile.write(chunk)

    def _drip(self, interval: float, total: int | None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Connection", "close")
        self.close_connection = True
        self.end_headers()
        self.wfile.write(b"<html><body><p>")
        sent = 0
        while (total is None or sent < total) and not self.server.state.stopping.is_set():
            self._wait(interval)
            self.wfile.write(b"a")
            self.wfile.flush()
            sent += 1


def _endless_html() -> Iterator[bytes]:
    yield b"<!doctype html><html><body>"
    paragraph = b"<p>" + b"This page never ends. " * 40 + b"</p>\n"
    chunk = paragraph * (STREAM_CHUNK // len(paragraph) + 1)
    while True:
        yield chunk


def _sized_html(size: int) -> Iterator[bytes]:
    head = b"<!doctype html><html><body>"
    yield head
    left = size - len(head)
    paragraph = b"<p>" + b"A very long page. " * 40 + b"</p>\n"
    chunk = paragraph * (STREAM_CHUNK // len(paragraph) + 1)
    while left > 0:
        yield chunk[:left]
        left -= len(chunk)


class PageServer:
    """The test server: start it (or use `with`), ask it for URLs, read its counters, stop it."""

    def __init__(self, *, tls: ssl.SSLContext | None = None) -> None:
        """`tls`: a server-side SSL context, to serve https:// (the handshake runs in the accept loop)."""
        self._state = _State()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.state = self._state
        self.scheme = "https" if tls else "http"
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(target=self._server.serve_forever, name="pageserver", daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def host_port(self) -> str:
        """ "127.0.0.1:PORT": the exact pair to trust in DIGESTBOT_TRUSTED_HOSTS."""
        return f"127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        return f"{self.scheme}://{self.host_port}"

    def url(self, path: str = "/page") -> str:
        return self.base_url + path

    def add(self, path: str, body: str | bytes, *, content_type: str | None = "text/html; charset=utf-8",
            status: int = 200, headers: dict[str, str] | None = None) -> str:
        """Serve `body` at `path` (str bodies are sent as UTF-8); returns the page's URL."""
        data = body.encode() if isinstance(body, str) else body
        with self._state.lock:
            self._state.pages[path] = Reply(data, content_type, status, tuple((headers or {}).items()))
        return self.url(path)

    @property
    def hits(self) -> Counter[str]:
        """Requests per path so far (a copy)."""
        with self._state.lock:
            return Counter(self._state.hits)

    @property
    def total_hits(self) -> int:
        return sum(self.hits.values())

    @property
    def connections(self) -> int:
        """TCP connections accepted so far: zero proves nothing reached the server."""
        with self._state.lock:
            return self._state.connections

    def reset_counts(self) -> None:
        with self._state.lock:
            self._state.hits.clear()
            self._state.connections = 0

    def start(self) -> PageServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; streaming handlers notice within one chunk or one drip interval."""
        self._state.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> PageServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def serve() -> Iterator[PageServer]:
    """Body of a pytest fixture: `@pytest.fixture(scope="module") def server(): yield from serve()`."""
    with PageServer() as server:
        yield server


if __name__ == "__main__":  # a manual look: python -m tests.pageserver
    with PageServer() as manual:
        print(f"serving on {manual.base_url} (Ctrl-C stops)")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
