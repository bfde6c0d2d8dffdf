"""Fetching a page over HTTP. First version: plain httpx with timeouts and redirects.

The hardened fetcher (address guard, size caps, bounded decompression) replaces this (issue 4);
callers only use `Fetcher.fetch(url) -> Page` and `Fetcher.aclose()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

import httpx

from digest.decode import decode_body
from digest.errors import FetchError, TooSlowError, UnsupportedContentError
from digest.pipeline import Page

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)


def _version() -> str:
    try:
        return version("digestbot")
    except PackageNotFoundError:
        return "0"


USER_AGENT = f"digestbot/{_version()} (+https://github.com/digestbot/digestbot)"


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchLimits:
    deadline_seconds: float = 15.0
    max_redirects: int = 5


class Fetcher:
    """Downloads pages; one instance (one connection pool) per process."""

    def __init__(self, limits: FetchLimits = FetchLimits()) -> None:
        self.limits = limits
        self._client = httpx.AsyncClient(
            follow_redirects=True,
            max_redirects=limits.max_redirects,
            timeout=httpx.Timeout(limits.deadline_seconds),
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8"},
            trust_env=False,
        )

    async def fetch(self, url: str) -> Page:
        try:
            response = await self._client.get(url)
        except httpx.TimeoutException as exc:
            raise TooSlowError() from exc
        except httpx.HTTPError as exc:
            raise FetchError() from exc
        if response.status_code >= 400:
            raise FetchError(f"The site answered with error {response.status_code}. Check the link and try again.")
        content_type = response.headers.get("content-type", "text/html")
        media = content_type.split(";")[0].strip().lower()
        if media not in HTML_TYPES + TEXT_TYPES:
            raise UnsupportedContentError()
        text = decode_body(response.content, content_type)
        return Page(content=text, kind="html" if media in HTML_TYPES else "text", url=str(response.url))

    async def aclose(self) -> None:
        await self._client.aclose()
