"""The names a page's logo shows: the last witness to what a page calls itself.

A page without `og:site_name` or a JSON-LD publisher still names itself in its masthead:
an image's alt text ("サンワサプライ株式会社", "Publickey"), a heading or link to the home
page ("好奇心日报"), an element classed or named "logo". The publisher step uses these names
only when the host spells them or the `<title>` repeats one (digest.html.meta.site), so a
partner's logo or a "News" button never becomes the publisher.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.etree import XPath
from lxml.html import HtmlElement

from digest.html.meta.tags import unescaped

LOGO_ELEMENTS = XPath(
    "//body//*[contains(translate(@class, 'LOGO', 'logo'), 'logo') or contains(translate(@id, 'LOGO', 'logo'), 'logo')"
    " or (self::a and (@href = '/' or @href = $home or @href = $home_slash or @rel = 'home'))]")
MAX_LOGO_ELEMENTS = 20  # the masthead comes first; a page's hundredth "logo" is a partner's
LOGO_NAME_MAX_CHARS = 60
# Words a logo's alt text adds to the name: "National Geographic Logo - Home", "Go to the homepage".
LOGO_WORDS = re.compile(r"\b(?:logo|home\s*page|homepage|home|go to(?: the)?)\b|[-–—|:]\s*$|^\s*[-–—|:]", re.IGNORECASE)


def logo_names(root: HtmlElement, url: str | None) -> list[str]:
    """The masthead's names, in document order, each once."""
    home = ""
    if url:
        parts = urlsplit(url)
        home = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    names: dict[str, None] = {}
    for element in LOGO_ELEMENTS(root, home=home or "//", home_slash=(home or "/") + "/")[:MAX_LOGO_ELEMENTS]:
        texts = [*element.xpath("descendant-or-self::img/@alt"), element.get("aria-label"), element.get("title"),
                 element.text_content()]
        for text in texts:
            name = " ".join(LOGO_WORDS.sub(" ", unescaped(str(text or ""))).split()).strip(" -–—|:")
            if name and len(name) <= LOGO_NAME_MAX_CHARS:
                names.setdefault(name)
    return list(names)
