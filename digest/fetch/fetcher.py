"""Fetching a page over HTTP, safely: the guard on every hop, the checked address pinned, the body bounded.

One fetch, step by step (`Fetcher.fetch`):

1. the address guard (`digest.fetch.guard`) checks the URL and resolves its host once;
2. the request goes out through `PinnedTransport`, whose network backend connects only to the
   addresses the guard pinned for that host and port (no second lookup; TLS still verifies the
   name, since the URL keeps it);
3. redirects are followed here, at most `max_redirects`, each hop going back to step 1;
4. the body is read raw and decompressed by `digest.fetch.bounded` with a cap, and refused early if it
   is not a web page; the whole fetch runs under one deadline, so a server dripping a byte a
   second is cut off.

Callers only use `Fetcher.fetch(url) -> Page` and `Fetcher.aclose()`; every failure is a
`DigestError` from `digest.errors`.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from http.cookiejar import CookieJar, DefaultCookiePolicy
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import httpcore
import httpx

from digest.errors import (
    N_, BlockedAddressError, FetchError, TooLargeError, TooSlowError, UnsupportedContentError,
)
from digest.fetch.bounded import ACCEPT_ENCODING, read_body
from digest.fetch.decode import decode_body, looks_binary, looks_like_pdf
from digest.fetch.guard import (
    AddressPolicy,
    IPAddress,
    Resolver,
    check_url,
    parse_url,
    redirect_target,
    resolve_checked,
    system_resolver,
)
from digest.fetch.hostslots import DEFAULT_PER_HOST, HostSlots
from digest.model import Page

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
PDF_TYPES = ("application/pdf", "application/x-pdf")
GENERIC_TYPES = ("application/octet-stream", "binary/octet-stream")  # a PDF is often served as these
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_ADDRESSES_TRIED = 3  # of the resolved (and checked) addresses, try this many before giving up
TOO_MANY_REDIRECTS = N_("That link redirects too many times, so I stopped following it.")
HTTP_ERROR = N_("The site answered with error {status}. Check the link and try again.")
NOT_SECURE = N_("That site's security certificate is not valid, so I did not open it.")


def _version() -> str:
    try:
        return version("digestbot")
    except PackageNotFoundError:
        return "0"


USER_AGENT = f"digestbot/{_version()} (+https://github.com/digestbot/digestbot)"
REQUEST_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1",
    "Accept-Language": "en;q=1.0, *;q=0.5",
    "Accept-Encoding": ACCEPT_ENCODING,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchLimits:
    """How much one fetch may take: bytes, seconds, hops; `Settings.fetch_limits` builds it."""

    max_bytes: int = 5_000_000  # decoded body, and also its compressed form
    max_pdf_bytes: int = 20_000_000  # a PDF's body: documents run larger than pages
    deadline_seconds: float = 15.0  # the whole fetch: lookups, redirects, body
    connect_timeout_seconds: float = 5.0
    read_timeout_seconds: float = 10.0  # silence between two chunks
    max_redirects: int = 5
    per_host: int = DEFAULT_PER_HOST
    max_connections: int = 20


Pins = Mapping[tuple[str, int], tuple[IPAddress, ...]]
_pinned: ContextVar[Pins] = ContextVar("digest_fetch_pinned", default={})


class PinnedBackend(httpcore.AsyncNetworkBackend):
    """Connects only to addresses the guard checked for this host and port, in this task."""

    def __init__(self) -> None:
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Iterable[Any] | None = None) -> httpcore.AsyncNetworkStream:
        addresses = _pinned.get().get((host.lower(), port))
        if not addresses:
            raise BlockedAddressError()  # nothing unchecked ever gets a socket
        failure: httpcore.ConnectError | httpcore.ConnectTimeout | None = None
        for address in addresses[:MAX_ADDRESSES_TRIED]:
            try:
                return await self._inner.connect_tcp(str(address), port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None
        raise failure

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable[Any] | None = None) -> httpcore.AsyncNetworkStream:
        raise BlockedAddressError()

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _CoreStream(httpx.AsyncByteStream):
    def __init__(self, response: httpcore.Response) -> None:
        self._response = response

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._response.aiter_stream():
            yield chunk

    async def aclose(self) -> None:
        await self._response.aclose()


class PinnedTransport(httpx.AsyncBaseTransport):
    """httpx's transport, minus proxies, plus the pinned network backend (httpx has no hook for one)."""

    def __init__(self, *, max_connections: int, ssl_context: ssl.SSLContext | None = None) -> None:
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context or httpx.create_ssl_context(),
            max_connections=max_connections,
            http1=True,
            http2=False,
            network_backend=PinnedBackend(),
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=request.url.raw_scheme, host=request.url.raw_host, port=request.url.port,
                             target=request.url.raw_path),
            headers=request.headers.raw,
            content=request.stream,  # type: ignore[arg-type]
            extensions=request.extensions,
        )
        core_response = await self._pool.handle_async_request(core_request)
        return httpx.Response(status_code=core_response.status, headers=core_response.headers,
                              stream=_CoreStream(core_response), extensions=core_response.extensions)

    async def aclose(self) -> None:
        await self._pool.aclose()


class Fetcher:
    """Downloads pages; one instance (one connection pool) per process."""

    def __init__(self, limits: FetchLimits = FetchLimits(), policy: AddressPolicy = AddressPolicy(), *,
                 resolver: Resolver = system_resolver, ssl_context: ssl.SSLContext | None = None) -> None:
        """`resolver` and `ssl_context` (certificates to trust; default: certifi's) are for tests."""
        self.limits = limits
        self.policy = policy
        self._resolver = resolver
        self._hosts = HostSlots(limits.per_host)
        self._client = httpx.AsyncClient(
            transport=PinnedTransport(max_connections=limits.max_connections, ssl_context=ssl_context),
            trust_env=False,  # HTTP_PROXY and friends must not route around the guard
            follow_redirects=False,  # every hop goes back through the guard, here
            headers=REQUEST_HEADERS,
            cookies=CookieJar(DefaultCookiePolicy(allowed_domains=[])),  # a jar that keeps nothing: no cookie
            # passes from one user's fetch to another's (httpx would copy a Cookies object into a default jar)
            timeout=httpx.Timeout(limits.read_timeout_seconds, connect=limits.connect_timeout_seconds),
        )

    async def fetch(self, url: str) -> Page:
        """The page at `url` (after redirects), decoded; a DigestError saying why not otherwise."""
        try:
            async with asyncio.timeout(self.limits.deadline_seconds):
                return await self._follow(url)
        except TimeoutError as exc:
            raise TooSlowError() from exc

    async def _follow(self, url: str) -> Page:
        """Step 3: each hop is checked, pinned and requested; cookies live for this fetch only."""
        current = parse_url(url)
        cookies = httpx.Cookies()
        for _hop in range(self.limits.max_redirects + 1):
            target = check_url(current, self.policy)
            addresses = await resolve_checked(target, self.policy, self._resolver)
            async with self._hosts.hold(target.host):
                token = _pinned.set({(target.host, target.port): addresses})
                try:
                    outcome = await self._request(current, cookies)
                finally:
                    _pinned.reset(token)
            if isinstance(outcome, Page):
                return outcome
            current = outcome
        raise FetchError(TOO_MANY_REDIRECTS)

    async def _request(self, url: httpx.URL, cookies: httpx.Cookies) -> Page | httpx.URL:
        """One hop: the page, or the next URL to follow."""
        request = self._client.build_request("GET", url, cookies=cookies)
        with translated_errors():
            response = await self._client.send(request, stream=True)
            try:
                if response.status_code in REDIRECT_STATUSES and "location" in response.headers:
                    cookies.extract_cookies(response)
                    return redirect_target(url, response.headers["location"])
                return await self._read_page(response)
            finally:
                await response.aclose()

    async def _read_page(self, response: httpx.Response) -> Page:
        """Step 4: status, content type, then the bounded body, decoded (a PDF stays bytes)."""
        if not response.is_success:
            raise FetchError(HTTP_ERROR, status=response.status_code)
        content_type = response.headers.get("content-type", "text/html")
        media = content_type.split(";")[0].strip().lower()
        if media not in HTML_TYPES + TEXT_TYPES + PDF_TYPES + GENERIC_TYPES:
            raise UnsupportedContentError()
        may_be_pdf = media not in HTML_TYPES + TEXT_TYPES
        max_bytes = self.limits.max_pdf_bytes if may_be_pdf else self.limits.max_bytes
        if declared_length(response) > max_bytes:
            raise TooLargeError()  # refused before reading; the cap while reading stays the real guard
        is_pdf = False

        def check_start(start: bytes) -> None:
            nonlocal is_pdf
            is_pdf = looks_like_pdf(start)
            if (may_be_pdf and not is_pdf) or (not is_pdf and looks_binary(start, content_type)):
                raise UnsupportedContentError()

        body = await read_body(response.aiter_raw(), content_encoding=response.headers.get("content-encoding"),
                               max_bytes=max_bytes, check_start=check_start)
        if is_pdf:
            return Page(content=body, kind="pdf", url=str(response.url))
        text = decode_body(body, content_type)
        return Page(content=text, kind="html" if media in HTML_TYPES else "text", url=str(response.url))

    async def aclose(self) -> None:
        await self._client.aclose()


def declared_length(response: httpx.Response) -> int:
    raw = response.headers.get("content-length", "")
    return int(raw) if raw.strip().isdigit() else 0


NETWORK_FAILURES = (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol, httpx.HTTPError,
                    OSError)  # ssl.SSLError is an OSError


@contextmanager
def translated_errors() -> Iterator[None]:
    """httpx, httpcore and ssl exceptions become our FetchError family, keeping the cause."""
    try:
        yield
    except (httpcore.TimeoutException, httpx.TimeoutException) as exc:
        raise TooSlowError() from exc
    except NETWORK_FAILURES as exc:
        if _caused_by(exc, ssl.SSLCertVerificationError):
            raise FetchError(NOT_SECURE) from exc
        raise FetchError() from exc


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
