"""Paragraphs readability left behind next to the article it chose.

readability-lxml sometimes picks a container one level too deep: the lead sits in a sibling
"intro" box, or the second half of the story in the next `<div>` (Readability.js avoids
some of this by promoting the candidate's parent). Here we find where readability's
paragraphs live in the original page, look a few levels up, and bring back the prose
paragraphs it dropped there, and inside its own container: long, few links, not in
navigation, asides, comments, captions or hidden boxes; and lists the text announces
("What You'll Need:" and its items); and, inside readability's own box, the section headings
it dropped over text it kept (readability-lxml drops a heading that is mostly a link). They
take their place in page order.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from digest.html.clean import (
    CAPTION_MARKS,
    RELATED_HEADING,
    is_hidden_or_junk,
    link_text_share,
    marks_of,
)
from digest.html.paragraphs import CELL_SEPARATOR, TABLE_CELLS, squashed_text
from digest.summary.screen import Screened

RESCUE_LEVELS = 2  # how far above readability's container we look
RESCUE_MIN_CHARS = 120  # a rescued paragraph is real prose, not a label or a teaser line
RESCUE_MAX_LINK_SHARE = 0.2
MATCH_MIN_CHARS = 40  # paragraphs shorter than this are too common to locate the article by
MATCH_MIN_PARAGRAPHS = 2
DUPLICATE_PROBE_WORDS = 8  # a left-behind paragraph whose first or last words readability kept is no left-behind
PROSE_END = re.compile(r"[.!?…»”\"'’]$")
# Boilerplate that is written as prose: comment policies and "report abuse" notes under articles.
COMMENT_BOILERPLATE = Screened(re.compile(  # screened: a long paragraph seldom holds one of its words
    r"comment|comentari|commentair|kommentar|комментар|community guidelines|inappropriate|report abuse", re.IGNORECASE))
def text_of(element: HtmlElement) -> str:
    """A paragraph's text as digest.html.paragraphs reads it (scripts and styles left out)."""
    return squashed_text(element)


LIST_TAGS = ("ul", "ol")
HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")
HEADING_MAX_CHARS = 200  # longer is a paragraph set in a heading's type
LIST_MIN_ITEMS = 2  # a one-item "list" under a heading is a byline or a label
LIST_MAX_LINK_SHARE = 0.6  # changelogs and reading lists link every item; menus and related lists are all links
def block_text(element: HtmlElement) -> str:
    """A paragraph or list item as one line; a table row as digest.html.paragraphs joins its cells."""
    if element.tag == "tr":
        cells = (text_of(cell) for cell in element if cell.tag in TABLE_CELLS)
        return CELL_SEPARATOR.join(cell for cell in cells if cell)
    return text_of(element)


OFF_ARTICLE_TAGS = ("nav", "aside", "footer", "form", "figure", "figcaption", "li", "blockquote", "table", "button")


def article_container(root: HtmlElement, paragraphs: list[str],
                      texts: dict[HtmlElement, str] | None = None) -> HtmlElement | None:
    """The lowest element of the original page holding every paragraph readability kept that we can find.

    The text read of each `<p>` and `<li>` is left in `texts`, for the walk that follows to read again."""
    wanted = {p for p in paragraphs if len(p) >= MATCH_MIN_CHARS}
    if len(wanted) < MATCH_MIN_PARAGRAPHS:
        return None
    texts = {} if texts is None else texts
    found = []
    for element in root.iter("p", "li", "tr"):
        text = block_text(element)
        if element.tag != "tr":
            texts[element] = text  # block_text of a paragraph or an item is its text_of
        if text in wanted:
            found.append(element)
    if len(found) < MATCH_MIN_PARAGRAPHS:
        return None
    common = list(found[0].iterancestors())
    for element in found[1:]:
        ancestors = set(element.iterancestors())
        common = [a for a in common if a in ancestors]
    return common[0] if common else None


def is_prose_text(text: str) -> bool:
    """Long, ending as a sentence, no comment policy: the text alone can tell this much."""
    return len(text) >= RESCUE_MIN_CHARS and PROSE_END.search(text) is not None and not COMMENT_BOILERPLATE.search(text)


def is_prose(element: HtmlElement, text: str, region: HtmlElement) -> bool:
    if not is_prose_text(text):
        return False
    if link_text_share(element) > RESCUE_MAX_LINK_SHARE:
        return False
    return stands_in_article(element, region, captions_too=True)


def stands_in_article(element: HtmlElement, region: HtmlElement, *, captions_too: bool = False) -> bool:
    """No box between the element and the article's region is off-article, hidden or junk (or a caption)."""
    for ancestor in (element, *element.iterancestors()):
        if ancestor is region:
            break
        if ancestor.tag in OFF_ARTICLE_TAGS or is_hidden_or_junk(ancestor):
            return False
        if captions_too and CAPTION_MARKS.search(marks_of(ancestor) or "-"):
            return False
    return True


def rescue_paragraphs(root: HtmlElement, paragraphs: list[str]) -> list[str]:
    """readability's paragraphs with the left-behind prose around them put back, in page order."""
    texts: dict[HtmlElement, str] = {}
    container = article_container(root, paragraphs, texts)
    if container is None:
        return paragraphs
    region = container
    for _ in range(RESCUE_LEVELS):
        parent = region.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        region = parent
    return merge_in_page_order(region, paragraphs, container, texts)


def already_kept(text: str, everything: str) -> bool:
    """readability kept this text, maybe inside a longer block or with an inline bit changed."""
    words = text.split()
    head = " ".join(words[:DUPLICATE_PROBE_WORDS])
    tail = " ".join(words[-DUPLICATE_PROBE_WORDS:])
    return head in everything or tail in everything


def is_introduced(element: HtmlElement) -> bool:
    """A list the text announces: right after a heading or a line ending in ":" ("What You'll Need:")."""
    previous = element.getprevious()
    if previous is None:
        return False
    if previous.tag in HEADING_TAGS:
        return RELATED_HEADING.match(text_of(previous)) is None
    return text_of(previous).endswith((":", "："))


def is_left_behind_list(element: HtmlElement, region: HtmlElement, everything: str) -> bool:
    """A list of things (materials, steps, points) readability dropped: few links, none of it kept."""
    items = [text_of(item) for item in element.iterchildren("li")]
    if len(items) < LIST_MIN_ITEMS or not all(items) or any(already_kept(item, everything) for item in items):
        return False
    if any(a.tag in LIST_TAGS for a in element.iterancestors()):
        return False  # a nested list comes with its parent item
    if link_text_share(element) > LIST_MAX_LINK_SHARE or not is_introduced(element):
        return False
    return stands_in_article(element, region)


def heads_kept_text(element: HtmlElement, kept: set[str]) -> bool:
    """A heading over text readability kept: a later sibling is a kept paragraph or a list of kept items."""
    for sibling in element.itersiblings():
        if sibling.tag == "p" and text_of(sibling) in kept:
            return True
        if sibling.tag in LIST_TAGS and any(text_of(item) in kept for item in sibling.iterchildren("li")):
            return True
    return False


def is_left_behind_heading(element: HtmlElement, text: str, container: HtmlElement, kept: set[str]) -> bool:
    """A section heading inside readability's own box, over text it kept, that it dropped (readability-lxml
    drops a heading that is mostly a link, "“Rez Infinite” ($30)"; Readability.js keeps it)."""
    if not text or len(text) > HEADING_MAX_CHARS or RELATED_HEADING.match(text) is not None:
        return False
    if not heads_kept_text(element, kept):
        return False
    for ancestor in element.iterancestors():
        if ancestor is container:
            return True
        if ancestor.tag in OFF_ARTICLE_TAGS or is_hidden_or_junk(ancestor):
            return False
    return False


def merge_in_page_order(region: HtmlElement, paragraphs: list[str], container: HtmlElement | None = None,
                        texts: dict[HtmlElement, str] | None = None) -> list[str]:
    """Walk the region in page order: readability's paragraphs as they come, left-behind prose between them.

    readability's paragraphs are located by `<p>`, by headings and by list items long enough to
    be told apart (MATCH_MIN_CHARS: a short "Add-ons" may be a menu's), so that what comes back
    lands between them, not before them all. A left-behind heading waits for the text under it:
    a heading with nothing of the article after it is not brought back. A list an item of which
    readability kept, even in part (a caption inside it dropped), is not left behind. `texts` holds the
    text of paragraphs and items already read (article_container's); a left-behind paragraph is checked
    for prose shape before the search of everything kept, its costliest test.
    """
    texts = {} if texts is None else texts
    kept = set(paragraphs)
    everything = "\n".join(paragraphs)  # a left-behind paragraph may sit inside a longer block readability kept
    merged: list[str] = []
    waiting: list[str] = []  # left-behind headings, placed when article text follows them
    position = 0  # how many of readability's paragraphs are already placed

    def place(texts: list[str]) -> None:
        merged.extend(waiting)
        waiting.clear()
        merged.extend(texts)

    for element in region.iter("p", "li", "ul", "ol", *HEADING_TAGS):
        if element.tag in HEADING_TAGS:
            text = text_of(element)
            if (container is not None and position > 0 and text not in kept
                    and is_left_behind_heading(element, text, container, kept)):
                waiting.append(text)
            if text not in kept:
                continue
        if element.tag in LIST_TAGS:
            if is_left_behind_list(element, region, everything):
                heading = element.getprevious()  # the heading or the "What You'll Need:" line announcing it
                announcement = text_of(heading) if heading is not None else ""
                if announcement and announcement not in kept and announcement not in waiting:
                    waiting.append(announcement)
                place([text_of(item) for item in element.iterchildren("li")])
            continue
        text = texts[element] if element in texts else text_of(element)
        if element.tag == "li" and (text not in kept or len(text) < MATCH_MIN_CHARS):
            continue  # a list item comes with its list; a short kept one ("Add-ons") may be a menu's too
        if element.tag == "p" and text not in kept and any(a.tag in LIST_TAGS for a in element.iterancestors()):
            continue  # a paragraph inside a list item comes with its list
        if text in kept:
            try:
                index = paragraphs.index(text, position)
            except ValueError:
                continue  # a repeat of a paragraph already placed
            place(paragraphs[position:index + 1])
            position = index + 1
        elif is_prose_text(text) and not already_kept(text, everything) and is_prose(element, text, region):
            place([text])
    merged.extend(paragraphs[position:])
    return merged
