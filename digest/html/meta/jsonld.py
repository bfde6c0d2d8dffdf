"""schema.org JSON-LD: the article object a page describes itself with.

Pages put one object, a list, or an `@graph` in one or several `<script
type="application/ld+json">`; we flatten them all and pick the article-like object
(NewsArticle, BlogPosting, ...) first, as Readability.js does. Broken JSON is skipped,
never fatal.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

from digest.html.meta.tags import unescaped

JSONLD_TYPE = "application/ld+json"
ARTICLE_TYPE_WORDS = ("article", "posting", "report", "newsarticle", "blog", "review", "webpage")
ARTICLE_TYPES_FIRST = ("article", "posting", "report", "review")  # WebPage only when no article object exists

WRAPPERS = (("<![CDATA[", "]]>"), ("<!--", "-->"), ("//<![CDATA[", "//]]>"))

JsonObject = dict[str, Any]


def jsonld_objects(root: HtmlElement) -> list[JsonObject]:
    """Every JSON object the page declares, `@graph` members included, in document order."""
    found: list[JsonObject] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != JSONLD_TYPE or not script.text:
            continue
        try:
            data = json.loads(unwrap(script.text), strict=False)
        except ValueError:
            continue
        found.extend(_flatten(data))
    return found


def unwrap(text: str) -> str:
    """The JSON inside the `<![CDATA[ ... ]]>` or `<!-- ... -->` some pages wrap it in."""
    text = text.strip()
    for opening, closing in WRAPPERS:
        if text.startswith(opening) and text.endswith(closing):
            text = text[len(opening):-len(closing)].strip()
    return text.removesuffix(";")


def _flatten(data: Any) -> Iterator[JsonObject]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _flatten(graph)


def types_of(obj: JsonObject) -> list[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return [k.lower() for k in kinds if isinstance(k, str)]


def article_object(objects: list[JsonObject]) -> JsonObject | None:
    """The object that describes the article itself: an Article type first, else a WebPage."""
    for words in (ARTICLE_TYPES_FIRST, ARTICLE_TYPE_WORDS):
        for obj in objects:
            if any(word in kind for kind in types_of(obj) for word in words):
                return obj
    return None


def text_of(value: Any) -> str | None:
    """A plain string from a JSON-LD value that may be a string, an object with `name`, or a list;
    HTML character references in it decoded once (a script's text is not decoded by the parser)."""
    if isinstance(value, str):
        return unescaped(value).strip() or None
    if isinstance(value, dict):
        return text_of(value.get("name"))
    if isinstance(value, list):
        for item in value:
            text = text_of(item)
            if text:
                return text
    return None


def names_of(value: Any) -> list[str]:
    """Every name in an author-like value (a string, an object, or a list of them)."""
    if isinstance(value, list):
        return [name for item in value for name in names_of(item)]
    name = text_of(value)
    return [name] if name else []


def url_of(value: Any) -> str | None:
    """An address from an image-like value: a string, `{"url": ...}`, or a list of either."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return url_of(value.get("url") or value.get("contentUrl"))
    if isinstance(value, list):
        for item in value:
            url = url_of(item)
            if url:
                return url
    return None
