"""The article when readability's comes back without text: the page's densest box of paragraphs.

readability-lxml finds its best candidate, then cleans it "conditionally" like any other `<div>`:
a box with fewer than ten commas whose link density passes 0.2 is dropped, the best candidate
included. An article of short paragraphs each followed by the address it speaks of (a list of
projects, "https://code.visualstudio.com/"), or written with "、" instead of ",", loses its whole
box, and readability hands back an empty `<div>`. Readability.js, in the same case, retries and
at last returns the longest text it found; we do the like, once, after readability: the element
whose own `<p>` children hold the most text that is not link text. It is only a fallback: an
article readability returned with any text at all is never replaced.
"""

from __future__ import annotations

import copy

from lxml.html import HtmlElement

from digest.html.paragraphs import squashed_text

FALLBACK_MIN_CHARS = 250  # readability-lxml's own retry_length: less is no article to fall back on


def own_prose_chars(element: HtmlElement) -> int:
    """The text of the element's own `<p>` children, less the text of their links."""
    total = 0
    for paragraph in element.iterchildren("p"):
        links = sum(len(squashed_text(a)) for a in paragraph.iter("a"))
        total += max(0, len(squashed_text(paragraph)) - links)
    return total


def densest_paragraph_box(root: HtmlElement) -> HtmlElement | None:
    """A copy of the element whose own paragraphs hold the most prose, if they hold FALLBACK_MIN_CHARS."""
    best, best_chars = None, 0
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        chars = own_prose_chars(element)
        if chars > best_chars:
            best, best_chars = element, chars
    if best is None or best_chars < FALLBACK_MIN_CHARS:
        return None
    return copy.deepcopy(best)  # the cleaning rules edit the article; the page stays whole for the rescue


def unless_empty(content: HtmlElement, root: HtmlElement) -> HtmlElement:
    """readability's article, or, when it holds no text, the page's densest box of paragraphs (if any)."""
    if content.text_content().strip():
        return content
    fallback = densest_paragraph_box(root)
    return content if fallback is None else fallback
