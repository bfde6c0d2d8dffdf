"""The page's headings as a reader sees them, for the headline step (digest.html.meta.headline).

A heading's markup holds more than its displayed line: a kicker above the headline
("<span class="kicker">Genetik</span>"), screen-reader text (a logo's "The Political
Insider", a ": " only a screen reader speaks), and some headings are never the article's:
one inside the breadcrumb trail (spektrum.de puts the page's `<title>` there as an `<h1>`),
one marked `itemprop="alternativeHeadline"` (the short title a site shows in its listings),
or one the page hides. Those are left out, and what remains is the text shown.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from digest.html.meta.tags import unescaped

# Class names of text a reader does not see (screen-reader text, hidden copies); whole class names only,
# as "hidden-xs" hides a heading on small screens alone.
HIDDEN_CLASSES = frozenset({"hidden", "is-hidden", "sr-only", "screen-reader-text", "visually-hidden",
                            "visuallyhidden", "element-invisible", "offscreen"})
KICKER_CLASS = re.compile(r"kicker|eyebrow|overline|dachzeile|topline", re.IGNORECASE)  # the line above a headline
NOT_THE_HEADLINE_PROPS = frozenset({"alternativeheadline"})
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def page_headings(root: HtmlElement, tag: str) -> list[str]:
    """The displayed text of every `<tag>` heading that can be the article's, in document order."""
    return [text for _, text in headline_elements(root, tag)]


def headline_elements(root: HtmlElement, tag: str) -> list[tuple[HtmlElement, str]]:
    """Every `<tag>` heading that can be the article's, with its displayed text, in document order
    (digest.html.meta.display judges a heading by where it sits)."""
    found = []
    for heading in root.iter(tag):
        if not can_be_headline(heading):
            continue
        text = displayed_text(heading)
        if text:
            found.append((heading, text))
    return found


def displayed_text(element: HtmlElement) -> str:
    """The element's shown text, its entities decoded once and its whitespace collapsed."""
    return " ".join(unescaped(shown_text(element)).split())


def can_be_headline(heading: HtmlElement) -> bool:
    """Not hidden, not the alternative headline, not a step of the breadcrumb trail."""
    if (heading.get("itemprop") or "").casefold() in NOT_THE_HEADLINE_PROPS:
        return False
    for element in (heading, *heading.iterancestors()):
        attributes = element.attrib
        if not attributes:
            continue
        if "hidden" in attributes or attributes.get("aria-hidden") == "true":
            return False
        classes = (attributes.get("class") or "").casefold()
        if "breadcrumb" in f"{classes} {attributes.get('id') or ''} {attributes.get('itemtype') or ''}".casefold():
            return False
        if classes and not HIDDEN_CLASSES.isdisjoint(classes.split()):
            return False
        style = attributes.get("style")
        if style and HIDDEN_STYLE.search(style):
            return False
    return True


def has_hidden_class(element: HtmlElement) -> bool:
    classes = element.get("class")
    return bool(classes) and not HIDDEN_CLASSES.isdisjoint(classes.casefold().split())


def is_not_displayed_part(element: HtmlElement) -> bool:
    """A heading's child that is no part of its displayed line: a kicker, or screen-reader text."""
    return not isinstance(element.tag, str) or has_hidden_class(element) or bool(
        KICKER_CLASS.search(element.get("class") or ""))


def shown_text(heading: HtmlElement) -> str:
    """The heading's text without its kicker and screen-reader-only parts."""
    if not any(is_not_displayed_part(child) for child in heading.iterdescendants()):
        return heading.text_content()
    parts: list[str] = []
    collect_shown(heading, parts)
    return "".join(parts)


def collect_shown(element: HtmlElement, parts: list[str]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        if not is_not_displayed_part(child):
            collect_shown(child, parts)
        else:
            parts.append(" ")  # a dropped kicker still separates the words on either side
        if child.tail:
            parts.append(child.tail)
