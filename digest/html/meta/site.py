"""The publisher's name, as a reader would say it ("The Guardian", "RT", "Le Monde.fr").

Steps, first answer wins: the JSON-LD article's publisher (as Readability.js reads it; on
the development pages it is the brand more often than og:site_name is); Open Graph
`og:site_name` (or the app-link name); the page's JSON-LD Organization / WebSite object;
`application-name`; the copyright line ("© 2022 ... “TV-Novosti”", "光明网版权所有"); the
part of the <title> that spells the host ("... | Diario del Sur" on diariodelsur.es); last,
a readable name from the address (digest.urls.site_from_host).
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from digest.html.meta.jsonld import JsonObject, text_of, types_of
from digest.html.meta.tags import MetaTags, first
from digest.html.meta.title import split_parts
from digest.urls import site_from_host

SITE_META_NAMES = ("og:site_name", "al:android:app_name", "al:ios:app_name")
APP_META_NAMES = ("application-name", "apple-mobile-web-app-title")
PUBLISHER_TYPES = ("organization", "website", "newsmediaorganization", "corporation")
SITE_MAX_CHARS = 80  # a longer "site name" is a sentence, not a name
COPYRIGHT_TEXT = re.compile(r"©|\(c\)|copyright", re.IGNORECASE)
COPYRIGHT_LINE = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–—]\s*\d{4})?\s*[,.]?\s*)?"
    r"(?P<name>[^.|©\n]{2,80}?)\s*(?:[.|,;]|\ball rights\b|\btous droits\b|$)",
    re.IGNORECASE,
)
CJK_COPYRIGHT = re.compile(r"(?P<name>[^\s©|:：,，。]{2,20})\s*版权所有")  # "光明网版权所有"
QUOTED_NAME = re.compile(r"[“\"«„]([^”\"»“]{2,40})[”\"»“]")
TAGLINE_SEPARATOR = re.compile(r"\s+[-–—|:]\s+")
HOST_LABEL_MIN_CHARS = 4  # "bbc" is too short to recognise inside a longer name safely
URL_LIKE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
YEAR_ONLY = re.compile(r"^[\d\s\-–—,]*$")


def usable_name(value: str | None) -> str | None:
    """A name, or None when the value is empty, too long, or an address."""
    if not value:
        return None
    value = " ".join(value.split())
    if URL_LIKE.match(value):
        value = site_from_host(urlsplit(value if "//" in value else "//" + value).hostname or "") or ""
    if not value or len(value) > SITE_MAX_CHARS or YEAR_ONLY.match(value):
        return None
    return value


def article_publisher(article: JsonObject | None) -> str | None:
    """The JSON-LD article's own publisher."""
    return text_of(article.get("publisher")) if article is not None else None


def organization_name(objects: list[JsonObject]) -> str | None:
    """The name of the Organization or WebSite object the page declares."""
    for obj in objects:
        if any(kind in PUBLISHER_TYPES for kind in types_of(obj)):
            name = text_of(obj.get("name"))
            if usable_name(name):
                return name
    return None


def copyright_holder(root: HtmlElement) -> str | None:
    """The name in the page's last copyright line, the quoted part when there is one."""
    texts = root.xpath("//body//text()[contains(., '©') or contains(., 'opyright') or contains(., '版权所有')]")
    for text in reversed(texts):
        match = CJK_COPYRIGHT.search(str(text)) or COPYRIGHT_LINE.search(str(text))
        if not match:
            continue
        name = match.group("name")
        quoted = QUOTED_NAME.search(name)
        name = usable_name(quoted.group(1) if quoted else name)
        if name and not COPYRIGHT_TEXT.search(name):
            return name
    return None


def without_tagline(name: str, url: str | None) -> str:
    """"Aktuálně.cz - Víte, co se právě děje" -> "Aktuálně.cz" when the first part names the host."""
    parts = TAGLINE_SEPARATOR.split(name, maxsplit=1)
    host = (urlsplit(url).hostname or "") if url else ""
    labels = [label for label in host.split(".")[:-1] if len(label) >= HOST_LABEL_MIN_CHARS]  # the TLD names no one
    if len(parts) == 2 and any(letters(label) in letters(parts[0]) for label in labels):
        return parts[0].strip()
    return name


def letters(text: str) -> str:
    """Letters and digits only, accents off: "Aktuálně.cz" -> "aktualnecz"."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in plain if ch.isalnum() and not unicodedata.combining(ch))


def title_suffix_naming_host(root: HtmlElement, url: str | None) -> str | None:
    """"Headline | Diario del Sur" on diariodelsur.es: the <title> part that spells the host is the site's name."""
    element = root.find(".//title")
    host = (urlsplit(url).hostname or "") if url else ""
    labels = [letters(label) for label in host.split(".")[:-1] if len(label) >= HOST_LABEL_MIN_CHARS]
    if element is None or not labels:
        return None
    parts = split_parts(" ".join(element.text_content().split()))
    for part in (parts[-1], parts[0]) if len(parts) > 1 else ():
        if letters(part) in labels:
            return part
    return None


def find_site(root: HtmlElement, tags: MetaTags, article: JsonObject | None, objects: list[JsonObject],
              url: str | None) -> str | None:
    """The publisher's name by the steps in the module docstring."""
    steps = (
        lambda: article_publisher(article),
        lambda: first(tags, *SITE_META_NAMES),
        lambda: organization_name(objects),
        lambda: first(tags, *APP_META_NAMES),
        lambda: copyright_holder(root),
        lambda: title_suffix_naming_host(root, url),
        lambda: site_from_host(urlsplit(url).hostname or "") if url else None,
    )
    for step in steps:
        name = usable_name(step())
        if name:
            return without_tagline(name, url)
    return None
