"""Every `<meta>` value of a page, read once, by lower-cased name.

Pages name the same fact with `property=` (Open Graph), `name=` (Twitter, Dublin Core,
Parse.ly), `itemprop=` (schema.org microdata) or `http-equiv=`; some put several
space-separated names in one attribute. One dictionary answers all of them.

The value is `content=`; a page whose `<meta>` carries `value=` instead (pages saved by
tools that normalise markup, as Postlight Parser's fixtures are) is read the same way.
"""

from __future__ import annotations

import html
import re

from lxml.html import HtmlElement

# A character reference left in text the parser has already decoded: "don&#39;t", "&#8216;", "&amp;".
ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
META_NAME_ATTRIBUTES = ("property", "name", "itemprop", "http-equiv")

MetaTags = dict[str, list[str]]


def collect_meta(root: HtmlElement) -> MetaTags:
    """name -> the non-empty content values, in document order."""
    tags: MetaTags = {}
    for element in root.iter("meta"):
        content = unescaped(element.get("content") or element.get("value") or "").strip()
        if not content:
            continue
        for attribute in META_NAME_ATTRIBUTES:
            for name in (element.get(attribute) or "").lower().split():
                tags.setdefault(name, []).append(content)
    return tags


def first(tags: MetaTags, *names: str) -> str | None:
    """The first value of the first name the page gives, in the caller's order of trust."""
    for name in names:
        values = tags.get(name)
        if values:
            return values[0]
    return None


def unescaped(text: str) -> str:
    """Text from markup, its character references decoded exactly once.

    The parser decodes attributes and text once. A value that still holds a reference was
    escaped twice by the site (og:title "don&amp;#39;t" is "don&#39;t" after parsing), and
    JSON-LD, read from a script, was never decoded: both get one more pass, and only one (decoding
    until nothing changes would also turn a title about "&amp;lt;" markup into "<").
    """
    return html.unescape(text) if "&" in text and ENTITY.search(text) else text
