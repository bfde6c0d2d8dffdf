"""The standfirst (deck) under an article's headline, found in the page around its `<h1>`.

A deck marked as one ("standfirst", "dek", "chapo", itemprop="alternativeHeadline") is split off the article
(`split_standfirst`); one with a weak mark ("article__desc", itemprop="description"), or a paragraph inside the
article's `<header>`, is used only where readability left it out (`header_deck`). Boxes that are hidden, junk or
navigation are never decks (digest.html.clean.is_hidden_or_junk).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.etree
from lxml.html import HtmlElement

from digest.html.clean import BYLINE_PREFIX, CREDIT_LINE, is_hidden_or_junk, key, marks_of, text_of

STANDFIRST_MARKS = re.compile(
    r"(?:^|[\s_-])(?i:standfirst|dek|deck|subheadline|sub-headline|subhead|subheading|subline|subtitle|sub-title|"
    r"strapline|chapo|chapeau|article-summary|article__summary|article-lead|article__lead|lead-text|leadtext|"
    r"intro-text|article-intro|article__intro|summary-lead|excerpt|post-excerpt)"
    r"(?:$|[\s_-])"
    r"|(?<=[a-z])Dek(?=[A-Z-]|$)",  # generated class names: "ContentHeaderDek-uWfLh", "SplitScreenContentHeaderDekDown"
)
STANDFIRST_ITEMPROPS = ("alternativeheadline", "abstract")
# Marks that a deck carries, but an article's first paragraph too ("story-intro"): such a deck is used only
# where readability left it out of the article (`header_deck`).
WEAK_DECK_MARKS = re.compile(
    r"(?:^|[\s_-])(?i:abstract|description|intro|lede-[\w-]*teaser)(?:$|[\s_-])"
    r"|(?i:(?:article|headline|header|heading|story|post|entry)(?:__|-)[\w-]*?desc)",  # "article__desc", not "yvp-error-desc"
)
WEAK_DECK_ITEMPROPS = ("description",)
STANDFIRST_SEARCH_ELEMENTS = 300  # the deck sits right under the headline, not pages later
STANDFIRST_MIN_CHARS = 30  # shorter is a label or a kicker
STANDFIRST_MAX_CHARS = 600  # longer is the article itself
STANDFIRST_TAGS = ("p", "div", "h2", "h3", "span", "section")
DECK_MARK_ATTRIBUTES = ("class", "id", "itemprop")  # an element with none has no mark a deck pattern finds in "-"
LABEL = re.compile(r"[A-Z][a-z]+:(?=\S)")  # "Author:Lauren", "Updated:Mar": glued labels of a metadata box
LABELS_IN_METADATA = 2
UNMARKED_DECK_TAGS = ("p", "h2")  # an unmarked deck is a paragraph or a subheading, never a box
PAGE_TAGS = ("html", "body")


def split_standfirst(root: HtmlElement, title: str | None = None) -> str | None:
    """The deck under the headline: the first element after the headline's `<h1>` marked as one.

    Marked means a class or id such as "standfirst", "dek", "subtitle", "chapo", or
    itemprop="alternativeHeadline". Elements in navigation, asides, hidden or junk-marked
    boxes are not decks.
    """
    first_h1 = headline_element(list(root.iter("h1")), title)
    return None if first_h1 is None else marked_deck(first_h1, STANDFIRST_MARKS, STANDFIRST_ITEMPROPS)


def following_elements(element: HtmlElement, limit: int = STANDFIRST_SEARCH_ELEMENTS) -> Iterator[HtmlElement]:
    """The first `limit` elements after this one in page order, not inside it (XPath's `following::*`).

    Walked and cut here: libxml2 reads `following::*[position() <= $limit]` to the end of the page first."""
    count = 0
    node: HtmlElement | None = element
    while node is not None:
        for sibling in node.itersiblings():
            for follower in sibling.iter(lxml.etree.Element):
                yield follower
                count += 1
                if count == limit:
                    return
        node = node.getparent()


def deck_candidates(headline: HtmlElement) -> Iterator[HtmlElement]:
    """The elements after the headline of STANDFIRST_TAGS with a class, an id or an itemprop."""
    for element in following_elements(headline):
        if element.tag in STANDFIRST_TAGS and any(element.get(name) is not None for name in DECK_MARK_ATTRIBUTES):
            yield element


def marked_deck(headline: HtmlElement, marks: re.Pattern[str], itemprops: tuple[str, ...]) -> str | None:
    """The first element after the headline with one of these marks that reads as a deck."""
    for element in deck_candidates(headline):
        marked = marks.search(marks_of(element) or "-") is not None
        if not marked and (element.get("itemprop") or "").lower() not in itemprops:
            continue
        if any(is_hidden_or_junk(a) for a in (element, *element.iterancestors()) if a.tag not in PAGE_TAGS):
            continue  # (the page's own <body> carries site-wide classes such as "is-sidebar-enabled")
        if sum(1 for _ in element.iter("p")) > 1:
            continue  # a container of paragraphs is the article, not its deck
        text = text_of(element)
        if STANDFIRST_MIN_CHARS <= len(text) <= STANDFIRST_MAX_CHARS and len(LABEL.findall(text)) < LABELS_IN_METADATA:
            return text  # not "Author:Lauren BriggsUpdated:Mar 6, 2018": labelled metadata is no deck
    return None


def header_deck(root: HtmlElement, title: str | None = None) -> str | None:
    """A deck with a weak mark ("article__desc", itemprop="description"), else one without a mark: the first
    paragraph after the headline inside the same `<header>` (the article's header holds the headline, the deck,
    the byline and the date; a paragraph there that is neither byline nor date is the deck). The reader uses
    these only where readability left them out."""
    headline = headline_element(list(root.iter("h1")), title)
    if headline is None:
        return None
    return marked_deck(headline, WEAK_DECK_MARKS, WEAK_DECK_ITEMPROPS) or unmarked_deck(headline)


def headline_element(headings: list[HtmlElement], title: str | None) -> HtmlElement | None:
    """The `<h1>` that is the headline: the one reading as the title, else the one sharing most of its words
    (a site's logo is often an `<h1>` too), else the first."""
    if not headings:
        return None
    if not title:
        return headings[0]
    wanted = set(key(title).split())
    shared = [len(wanted & set(key(text_of(h)).split())) for h in headings]
    return headings[shared.index(max(shared))] if max(shared) else headings[0]


def unmarked_deck(headline: HtmlElement) -> str | None:
    """The first paragraph after the headline inside its `<header>`, unless a byline comes first."""
    header = next((a for a in headline.iterancestors() if a.tag == "header"), None)
    if header is None:
        return None
    inside = set(header.iter())
    for element in following_elements(headline):
        if element not in inside:
            return None
        if element.tag not in UNMARKED_DECK_TAGS or is_hidden_or_junk(element):
            continue
        text = text_of(element)
        if len(text) < STANDFIRST_MIN_CHARS:
            continue
        if BYLINE_PREFIX.match(text) or CREDIT_LINE.match(text) or len(text) > STANDFIRST_MAX_CHARS:
            return None
        return text
    return None
