"""A feature page's displayed `<h1>`, found by where it sits rather than by its words.

A feature gives sharing a plain title ("How Fox News Women Took Down Roger Ailes") and the
reader a display line ("The Revenge of Roger's Angels"). The two share no words, so the
matching in digest.html.meta.headline cannot tie them; the page's layout can:

(a) `beside_social_title`: an `<h1>` right above a deck (or right under a kicker) that repeats
    the social title (og:title, twitter:title) is that story's displayed headline. It wins even
    over another `<h1>` that copies the social title word for word (a print copy, a flip card).
(b) `sole_header_headline`: the page's only `<h1>`, in the article's header, when no heading
    tells the story in the title's words (the caller tries those first).

Neither takes a heading that only names the site, or a section's heading over the story's own:
an `<h1>` beside a line that says the social title again (a heading, a block holding one, or any
line below it) is a section's, as is a one-word `<h1>` or, for (b), a two-word one.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from digest.html.meta.headings import displayed_text
from digest.html.meta.headline import contained_in, is_usable, words_of

NEIGHBOUR_MAX_WORDS = 60  # a deck or a kicker; a longer block is the article, not a line about it
CONTENT_WORD_MIN_CHARS = 4  # "how", "the", "of": words every title shares
REPEATS_MIN_WORDS = 3  # the social title needs this many content words to be compared word by word
REPEATS_MIN_SHARE = 0.5  # share of the social title's content words the deck repeats
SAME_TITLE_MIN_OVERLAP = 0.75  # a heading sharing this much of its and the title's content words is the title again
WRAPPER_MAX_LEVELS = 2  # `<div class="title"><h1>…</h1></div><p class="deck">`: the wrapper's neighbours
HEADING_TAGS = ("h1", "h2", "h3", "h4")
DISPLAY_MIN_WORDS = 2  # "Broken Pledge"; one word is a name (a product's, a repository's)
SOLE_MIN_WORDS = 3  # rule (b) has only the layout to go by: a headline's length too
HEADER_CLASS = re.compile(r"header", re.IGNORECASE)  # "article-header", "entry-header", "header_with_cover_art"
MASTHEAD_PARTS = ".//nav|.//*[@role='navigation']|.//form"  # a page banner holds these, an article's header does not


def content_words(text: str) -> set[str]:
    return {word for word in words_of(text) if len(word) >= CONTENT_WORD_MIN_CHARS}


def repeats(line: str, social: str) -> bool:
    """The line tells the social title's story: holds it, is a long part of it, or repeats half its words."""
    if contained_in(line, social) or contained_in(social, line):
        return True
    social_words = content_words(social)
    if len(social_words) < REPEATS_MIN_WORDS:
        return False
    return len(social_words & content_words(line)) >= REPEATS_MIN_SHARE * len(social_words)


def neighbours(heading: HtmlElement) -> list[tuple[HtmlElement, bool]]:
    """(element, below the heading): the nearest element with text after the heading (its deck) and
    before it (its kicker); when the heading is alone in a wrapper, the wrapper's."""
    element = heading
    for _ in range(WRAPPER_MAX_LEVELS + 1):
        found = [(sibling, not preceding) for preceding in (False, True)
                 if (sibling := first_with_text(element, preceding)) is not None]
        if found:
            return found
        element = element.getparent()
        if element is None:
            break
    return []


def first_with_text(element: HtmlElement, preceding: bool) -> HtmlElement | None:
    for sibling in element.itersiblings(preceding=preceding):
        if isinstance(sibling.tag, str) and sibling.text_content().strip():
            return sibling
    return None


def is_deck_of(neighbour: HtmlElement, below: bool, socials: list[str]) -> bool:
    """A deck below or a kicker above that repeats a social title. What says the title again is the
    story's headline, and the `<h1>` beside it a section's or an inner part's: a heading or a block
    holding such a line, on either side; any line below (a deck adds to the title; a kicker above
    may be the title)."""
    text = displayed_text(neighbour)
    if not text or len(text.split()) > NEIGHBOUR_MAX_WORDS or holds_the_title(neighbour, socials):
        return False
    if below and any(says_again(text, social) for social in socials):
        return False
    return any(repeats(text, social) for social in socials)


def holds_the_title(element: HtmlElement, socials: list[str]) -> bool:
    """The element is a heading that says the social title again (in its words or nearly), or holds
    any element that does (a block with the story's title line and its first paragraph)."""
    parts = [element] if element.tag in HEADING_TAGS else []
    parts += (part for part in element.iterdescendants() if isinstance(part.tag, str))
    return any(says_again(displayed_text(part), social) for part in parts for social in socials)


def says_again(heading: str, social: str) -> bool:
    """The social title itself, a long part of it, or nearly its words and no more (a deck adds to them)."""
    if contained_in(heading, social):
        return True
    heading_words, social_words = content_words(heading), content_words(social)
    union = heading_words | social_words
    return bool(union) and len(heading_words & social_words) >= SAME_TITLE_MIN_OVERLAP * len(union)


def is_display_line(text: str, socials: list[str], names: list[str]) -> bool:
    """A phrase (a one-word `<h1>` is a name: a product's, a repository's, a section's) that is not
    itself the social title (headline.py judges those by their words)."""
    return (len(text.split()) >= DISPLAY_MIN_WORDS and is_usable(text, names)
            and not any(repeats(text, social) for social in socials))


def beside_social_title(h1s: list[tuple[HtmlElement, str]], socials: list[str], names: list[str]) -> str | None:
    """Rule (a): the one `<h1>` text that sits beside a deck or kicker repeating a social title."""
    if not socials:
        return None
    found = {text for heading, text in h1s if is_display_line(text, socials, names)
             and any(is_deck_of(neighbour, below, socials) for neighbour, below in neighbours(heading))}
    return found.pop() if len(found) == 1 else None


def in_article_header(heading: HtmlElement) -> bool:
    """Inside a `<header>` or a block named as a header, that is no page banner (navigation, a search form)."""
    for ancestor in heading.iterancestors():
        if ancestor.tag in ("body", "html"):
            return False
        named = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"
        if ancestor.tag == "header" or HEADER_CLASS.search(named):
            return not ancestor.xpath(MASTHEAD_PARTS)
    return False


def sole_header_headline(h1s: list[tuple[HtmlElement, str]], names: list[str]) -> str | None:
    """Rule (b): the page's only `<h1>`, when it stands in the article's header and reads as a headline
    (a section's heading there, "Business News", is shorter)."""
    if len(h1s) != 1:
        return None
    heading, text = h1s[0]
    if len(text.split()) < SOLE_MIN_WORDS or not is_usable(text, names):
        return None
    return text if in_article_header(heading) else None
