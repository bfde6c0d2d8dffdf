"""Every `<meta>` value of a page, read once, by lower-cased name.

Pages name the same fact with `property=` (Open Graph), `name=` (Twitter, Dublin Core,
Parse.ly), `itemprop=` (schema.org microdata) or `http-equiv=`; some put several
space-separated names in one attribute. One dictionary answers all of them.

The value is `content=`; a page whose `<meta>` carries `value=` instead (pages saved by
tools that normalise markup, as Postlight Parser's fixtures are) is read the same way.
"""

from __future__ import annotations

from lxml.html import HtmlElement

META_NAME_ATTRIBUTES = ("property", "name", "itemprop", "http-equiv")

MetaTags = dict[str, list[str]]


def collect_meta(root: HtmlElement) -> MetaTags:
    """name -> the non-empty content values, in document order."""
    tags: MetaTags = {}
    for element in root.iter("meta"):
        content = (element.get("content") or element.get("value") or "").strip()
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
