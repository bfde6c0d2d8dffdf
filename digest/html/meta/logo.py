"""The names a page's logo shows: the last witness to what a page calls itself.

A page without `og:site_name` or a JSON-LD publisher still names itself in its masthead:
a logo image's alt text ("サンワサプライ株式会社", "Publickey"), a link to the home page
("好奇心日报"). Only `<a>` and `<img>` elements are read: a pass over every element for
anything classed "logo" costs several milliseconds on a large page. The publisher step uses
these names only when the host spells them or the `<title>` repeats one
(digest.html.meta.site), so a partner's logo or a "News" button never becomes the publisher.
"""

from __future__ import annotations

import re
from itertools import islice
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from digest.html.meta.tags import unescaped

MAX_LOGO_ELEMENTS = 20  # the masthead comes first; a page's hundredth "logo" is a partner's
LOGO_IMAGE_DEPTH = 3  # an image is a logo when it, or one of this many elements around it, is classed "logo"
LOGO_NAME_MAX_CHARS = 60
# Words a logo's alt text adds to the name: "National Geographic Logo - Home", "Go to the homepage".
LOGO_WORDS = re.compile(r"\b(?:logo|home\s*page|homepage|home|go to(?: the)?)\b|[-–—|:]\s*$|^\s*[-–—|:]", re.IGNORECASE)


def logo_elements(root: HtmlElement, home: str) -> list[HtmlElement]:
    """Links to the home page (with or without a tracking query) or classed "logo", and images classed or placed
    in something classed or named "logo"."""
    homes = {address for address in ("/", home, home.rstrip("/")) if address}  # "" is every "#anchor" link
    found: list[HtmlElement] = []
    for element in root.iter("a", "img"):
        if element.tag == "a":
            href = (element.get("href") or "").split("#", 1)[0].split("?", 1)[0]  # "/?trk=nav-header-logo"
            if href in homes or element.get("rel") == "home" or "logo" in (element.get("class") or "").casefold():
                found.append(element)
        elif element.get("alt") and any(
                "logo" in f"{e.get('class') or ''} {e.get('id') or ''}".casefold()
                for e in (element, *islice(element.iterancestors(), LOGO_IMAGE_DEPTH))):
            found.append(element)
        if len(found) >= MAX_LOGO_ELEMENTS:
            break
    return found


def logo_names(root: HtmlElement, url: str | None) -> list[str]:
    """The masthead's names, in document order, each once."""
    parts = urlsplit(url or "")
    home = f"{parts.scheme}://{parts.netloc}/" if parts.netloc else "/"
    names: dict[str, None] = {}
    for element in logo_elements(root, home):
        texts = [*element.xpath("descendant-or-self::img/@alt"), element.get("aria-label"), element.get("title"),
                 element.text_content()]
        for text in texts:
            name = " ".join(LOGO_WORDS.sub(" ", unescaped(str(text or ""))).split()).strip(" -–—|:")
            if name and len(name) <= LOGO_NAME_MAX_CHARS:
                names.setdefault(name)
    return list(names)
