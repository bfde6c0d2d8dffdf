"""The page's canonical address and its preview image, absolute and without tracking parameters."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from digest.html.meta.jsonld import JsonObject, url_of
from digest.html.meta.tags import MetaTags, first
from digest.urls import clean_url

WEB_SCHEMES = ("http", "https")
CANONICAL_META_NAMES = ("og:url", "twitter:url", "parsely-link")
IMAGE_META_NAMES = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src",
                    "thumbnailurl", "image")


def base_address(root: HtmlElement, url: str | None) -> str | None:
    """What relative links resolve against: the page's `<base href>` (itself resolved), else its address."""
    base = root.find(".//base[@href]")
    if base is not None:
        return urljoin(url or "", base.get("href", "").strip()) or url
    return url


def absolute(href: str | None, base: str | None) -> str | None:
    """An absolute http(s) address, or None when the link is relative and there is nothing to resolve it against."""
    if not href or not href.strip():
        return None
    joined = urljoin(base or "", href.strip())
    if urlsplit(joined).scheme not in WEB_SCHEMES or not urlsplit(joined).hostname:
        return None
    return joined


def is_home_page(address: str) -> bool:
    return urlsplit(address).path in ("", "/")


def find_canonical(root: HtmlElement, tags: MetaTags, url: str | None) -> str | None:
    """rel=canonical, else og:url, else the given address.

    A canonical that points at the home page while the article has its own path is a site bug: ignored.
    """
    base = base_address(root, url)
    hrefs = [link.get("href") for link in root.iter("link") if "canonical" in (link.get("rel") or "").lower().split()]
    hrefs.append(first(tags, *CANONICAL_META_NAMES))
    for href in hrefs:
        address = absolute(href, base)
        if address and not (is_home_page(address) and url and not is_home_page(url)):
            return clean_url(address)
    return clean_url(url) if url and urlsplit(url).scheme in WEB_SCHEMES else url


def find_image(root: HtmlElement, tags: MetaTags, article: JsonObject | None, base: str | None) -> str | None:
    """The picture link previews show: Open Graph, Twitter card, then the JSON-LD image."""
    href = first(tags, *IMAGE_META_NAMES) or (url_of(article.get("image")) if article else None)
    return absolute(href, base_address(root, base))
