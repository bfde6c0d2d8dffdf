"""Read an HTML page: its metadata (digest.html.meta), its article (readability-lxml), then the junk
readability leaves in taken out (digest.html.clean) and the rest split into paragraphs
(digest.html.paragraphs).

The page is parsed once: metadata is read from the tree first, then the same tree is handed
to readability's `Document` (a parsed tree, like `str`, skips readability's byte-level
encoding sniffing, and saves a second parse), in the form of digest.html.document's
`TreeDocument`: the same answers, measured faster. `Document.summary()` works on its own copy.
The parser looks up lxml's element classes in C (`C_LOOKUP`): lxml.html's own lookup is a
Python call for every element lxml hands out (thousands a page, readability's included); form
elements then read as plain `HtmlElement`, whose form helpers nothing here uses.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction
from readability.readability import REGEXES, Unparseable

from digest.errors import ExtractionError
from digest.html.document import TreeDocument
from digest.html.clean import HIDDEN_STYLE, remove_junk
from digest.html.fallback import unless_empty
from digest.html.meta import read_metadata
from digest.html.paragraphs import paragraphs_of
from digest.html.rescue import rescue_paragraphs
from digest.html.standfirst import header_deck, split_standfirst
from digest.html.whitespace import squeeze_layout_space
from digest.model import Article
from digest.places import find_lead_place

C_LOOKUP = lxml.etree.ElementDefaultClassLookup(element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction,
                                                entity=HtmlEntity)
UTF8_PARSER = lxml.html.HTMLParser(encoding="utf-8")
UTF8_PARSER.set_element_class_lookup(C_LOOKUP)
CONTENT_PARSER = lxml.html.HTMLParser()
CONTENT_PARSER.set_element_class_lookup(C_LOOKUP)
TITLE_FROM_TEXT_MAX_CHARS = 120
PRUNED_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "nav", "footer", "button", "select",
               "textarea")
HIDDEN_MAX_SHARE = 0.5  # a "hidden" box with more of the page's text than this is the page behind a dialog
HIDDEN_MIN_CHARS = 200  # a hidden box shorter than this is never the page (no need to measure the page)
MAYBE_HIDDEN = lxml.etree.XPath("//*[@hidden or @aria-hidden or @style]")
FALLBACK_IMAGE = "fallback-image"  # Readability.js keeps this aria-hidden wrapper (an image for no-script readers)
READABILITY_JS_UNLIKELY = re.compile(
    r"-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|"
    r"related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|"
    r"pager|popup|yom-remote")  # Readability.js's REGEXPS.unlikelyCandidates, matched on lower-cased marks
MARKED = lxml.etree.XPath("//*[@class or @id]")
NEVER_UNLIKELY_INSIDE = ("table", "code")
UNLIKELY = re.compile(REGEXES["unlikelyCandidatesRe"].pattern.lower())  # readability-lxml's own patterns
LIKELY = re.compile(REGEXES["okMaybeItsACandidateRe"].pattern.lower())


def parse_page(html: str) -> HtmlElement:
    """The page's tree, parsed the way readability parses `str` (as UTF-8, whatever the page declares)."""
    try:
        return lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=UTF8_PARSER)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ExtractionError() from exc


def prune_for_readability(root: HtmlElement) -> None:
    """Take out what is never article text before readability scores the page, and bring its
    judgement closer to Readability.js's (whose output is what a reader expects).

    readability-lxml measures text and link density node by node, so scripts, styles, embeds,
    menus and footers cost it time on every pass; its own cleaner drops the first ones anyway.
    On the development pages this made the HTML reader ~20% faster and changed no figure but
    a +0.001 body F1. Then, as Readability.js: what a reader never sees goes (remove_hidden),
    links, tables, footnotes and embedded tweets are no unlikely candidates (spare_likely_text),
    and a `<header>` carries no penalty (neutral_headers). Last, the indentation readability would
    squeeze on every measure is squeezed once (digest.html.whitespace). Metadata has been read from
    the tree before this step.
    """
    lxml.etree.strip_elements(root, *PRUNED_TAGS, with_tail=False)
    remove_hidden(root)
    spare_likely_text(root)
    neutral_headers(root)
    squeeze_layout_space(root)  # last: the steps above measure the page's text as it came


def neutral_headers(root: HtmlElement) -> None:
    """A `<header>` is scored as a plain section, as Readability.js scores it.

    readability-lxml starts a `<header>` at -5, like a heading, so an article's header holding
    its deck under the headline ("Get to know the features that make it ...") scores below
    zero and is dropped whole; Readability.js gives it no penalty. A `<section>` starts at 0 in
    readability-lxml and is cleaned by the same rules, so the header is renamed to one.
    """
    for header in root.iter("header"):
        header.tag = "section"


def remove_hidden(root: HtmlElement) -> None:
    """Take out what a reader never sees: `hidden`, `aria-hidden="true"`, `display: none`.

    Readability.js skips every node it judges invisible (`_isProbablyVisible`); readability-lxml
    reads them, so a screen-reader-only label or a collapsed duplicate lands in the article.
    A fallback image's `aria-hidden` wrapper stays, as in Readability.js. So does a hidden box
    holding most of the page's text (HIDDEN_MAX_SHARE): a page saved while a dialog was open
    has `aria-hidden="true"` on the whole app behind it, and that app is the article.
    """
    hidden = [element for element in MAYBE_HIDDEN(root) if is_hidden(element)]
    page_chars: int | None = None
    for element in hidden:
        if element.getparent() is None or element.tag in ("html", "body"):
            continue
        chars = len(element.text_content())
        if chars > HIDDEN_MIN_CHARS:
            page_chars = len(root.text_content()) if page_chars is None else page_chars
            if chars > HIDDEN_MAX_SHARE * page_chars:
                continue
        element.drop_tree()


def is_hidden(element: HtmlElement) -> bool:
    if element.get("hidden") is not None:
        return True
    if element.get("aria-hidden") == "true" and FALLBACK_IMAGE not in (element.get("class") or ""):
        return True
    style = element.get("style")
    return style is not None and HIDDEN_STYLE.search(style) is not None


def spare_likely_text(root: HtmlElement) -> None:
    """Keep readability-lxml from dropping as "unlikely" what Readability.js keeps.

    readability-lxml drops every element whose class or id looks unlikely, by its own list.
    Readability.js never drops a link this way ("I am a <a class="popup">rather elderly</a>
    man" would read "I am a man"), nor anything inside a table or code (a data table's
    "header_cell"s), and its list lacks readability-lxml's "foot", "tweet" and "twitter" (a
    footnote, an embedded tweet the article quotes). For such an element we take the class
    and id away before readability scores the page; the rest of the list still applies.
    """
    for element in MARKED(root):
        marks = f"{element.get('class', '')} {element.get('id', '')}".lower()  # case-folded once: faster than re.I
        if UNLIKELY.search(marks) is None or LIKELY.search(marks) is not None:
            continue
        if (element.tag == "a" or READABILITY_JS_UNLIKELY.search(marks) is None
                or next(element.iterancestors(*NEVER_UNLIKELY_INSIDE), None) is not None):
            element.attrib.pop("class", None)
            element.attrib.pop("id", None)


def readable_content(root: HtmlElement) -> HtmlElement:
    """readability's article tree, from one Document.

    We do not ask the Document for its title: `title()` and `short_title()` re-parse the
    whole page each time (readability-lxml 0.9), and digest.html.meta reads a better title from
    the tree we already have.
    """
    try:
        return lxml.html.fromstring(TreeDocument(root).summary(html_partial=True), parser=CONTENT_PARSER)
    except (Unparseable, lxml.etree.ParserError) as exc:
        raise ExtractionError() from exc


def title_from_text(paragraphs: list[str]) -> str:
    """A page with no title anywhere: the start of its first paragraph, cut at a word."""
    first = paragraphs[0] if paragraphs else ""
    if len(first) <= TITLE_FROM_TEXT_MAX_CHARS:
        return first
    return first[:TITLE_FROM_TEXT_MAX_CHARS].rsplit(" ", 1)[0] + "…"


def read_html(html: str, *, url: str | None = None) -> Article:
    """Metadata from the tree, article from readability, junk out, standfirst apart.

    Raises ExtractionError when the page holds no readable paragraph.
    """
    if not html.strip():
        raise ExtractionError()
    root = parse_page(html)
    meta = read_metadata(root, url)
    standfirst_hint = split_standfirst(root, meta.title)
    deck_hint = None if standfirst_hint else header_deck(root, meta.title)
    prune_for_readability(root)
    content = unless_empty(readable_content(root), root)  # digest.html.fallback
    remove_junk(content, byline=meta.byline, title=meta.title)
    paragraphs = rescue_paragraphs(root, paragraphs_of(content))
    standfirst, paragraphs = standfirst_of(standfirst_hint, paragraphs)
    if deck_hint and deck_hint not in paragraphs:
        standfirst = deck_hint  # an unmarked deck readability left out; one it kept is the article's lead
    if not paragraphs:
        raise ExtractionError()
    title = meta.title or title_from_text(paragraphs)
    return Article(
        title=title.strip(),
        paragraphs=tuple(paragraphs),
        standfirst=standfirst,
        published=meta.published,
        place=find_lead_place(paragraphs),
        site=meta.site,
        url=meta.url,
        language=meta.language,
        byline=meta.byline,
        image=meta.image,
        description=meta.description,
    )


def standfirst_of(hint: str | None, paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """The deck under the headline, and the paragraphs without it (it must not be read twice)."""
    if not hint:
        return None, paragraphs
    return hint, [p for p in paragraphs if p != hint]
