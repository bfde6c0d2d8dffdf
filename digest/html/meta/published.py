"""When the article was published: the page's own date and time, as it states them.

Steps, first answer wins (a machine stamp that gives only a day takes the time of a later machine
step's stamp of that day): JSON-LD `datePublished`; the `<meta>` tags publishers use
(Open Graph `article:published_time`, microdata, Dublin Core, Parse.ly, Sailthru...); an
element marked `itemprop="datePublished"`; JSON-LD `dateCreated`; the page's `<time
datetime>`; a date element's `title` stamp (digest.html.meta.titled); a short date/time line in an element whose class names it a date; a date written
into the document title; a line just after the headline that is a date; htmldate's quick
search (slow, so only when all of these found nothing; a bare year from it is no date); last,
a line that is a date above the article's first long text.
Values are read by digest.dates.parse_date, which keeps a written time and UTC offset; a bare
midnight is treated as a date without a time. A time is shown in the page's own zone where
the page or its language tells it (digest.html.meta.zone).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import date, datetime

import lxml.etree
from lxml.html import HtmlElement

from digest.dates import find_date as find_date_in_text
from digest.dates import parse_date, slashed_day_first
from digest.html.meta.jsonld import JsonObject, text_of
from digest.html.meta.marked import marked_elements
from digest.html.meta.tags import MetaTags
from digest.html.meta.titled import titled_stamps
from digest.html.meta.zone import in_page_zone, script_language, written_in_page_zone

logger = logging.getLogger(__name__)

Published = datetime | date

DATE_META_NAMES = (
    "article:published_time", "og:article:published_time", "og:published_time", "published_time",
    "datepublished", "article.published", "article_date_original", "original-publish-date",
    "publish-date", "publish_date", "publishdate", "pubdate", "parsely-pub-date", "sailthru.date",
    "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date",
    "citation_publication_date", "citation_date", "rnews:datepublished", "cxenseparse:recs:publishtime",
    "publication_date", "date", "displaydate",
)
JSONLD_DATE_KEYS = ("datePublished",)
JSONLD_LATER_DATE_KEYS = ("dateCreated", "uploadDate")  # often the CMS record's date: after the marked ones
DATE_CLASS_WORDS = ("date", "time", "publish", "posted", "dateline", "byline", "meta")
DATE_LINE_MAX_CHARS = 120  # a date line is short; a paragraph that mentions a date is not one
MAX_DATE_LINES = 20  # how many marked elements we read before giving up
DATE_LINE_ELEMENTS = marked_elements(DATE_CLASS_WORDS, ("class", "id"))
MAX_TEXTS_AFTER_HEADING = 40  # the byline and date sit within the first few dozen text nodes after the headline
SCRIPT_TAGS = ("script", "style")  # their text is no line a reader sees
DATE_ALONE_MAX_CHARS = 60  # a line that is a date (and a time, "Reviewed:", "Updated")
DATE_ALONE_MIN_SHARE = 0.5  # the date is most of the line, not a date mentioned in a sentence
ARTICLE_TEXT_MIN_CHARS = 150  # a text this long is the article (or a sidebar's) prose: dates above it only
NOT_TEXT = frozenset({"script", "style", "noscript", "template"})
YEAR_ONLY = (1, 1)  # htmldate's answer when it found only a year
STAMPED = "//*[@datetime][not(self::ins or self::del)]"  # elements with a machine date, as a <time> has
# compiled once, not on every page
MICRODATA_STAMPED = lxml.etree.XPath("//*[@itemprop='datePublished' or @itemprop='dateCreated'][not(self::meta)]")
EVERY_STAMPED = lxml.etree.XPath(STAMPED)
PUBLISHED_CLASS_WORDS = ("publish", "posted")  # a stamped element so classed is the publication's (with `pubdate`)
ARTICLE_HEAD_TAGS = ("article", "header")  # a stamp inside one of these is the article's
MAX_TIME_ELEMENTS = 1  # without a pubdate mark, a lone <time> is the page's date; several are a list's


def as_published(value: str | None) -> Published | None:
    """A machine-written date value, midnight read as a date only."""
    if not value:
        return None
    parsed = parse_date(value.strip())
    if isinstance(parsed, datetime) and (parsed.hour, parsed.minute, parsed.second) == (0, 0, 0):
        return parsed.date()
    return parsed


def from_jsonld(article: JsonObject | None, keys: tuple[str, ...] = JSONLD_DATE_KEYS) -> Published | None:
    if article is None:
        return None
    for name in keys:
        found = as_published(text_of(article.get(name)))
        if found:
            return found
    return None


def from_meta(tags: MetaTags) -> Published | None:
    for name in DATE_META_NAMES:
        for value in tags.get(name, ()):
            found = as_published(value)
            if found:
                return found
    return None


def from_microdata(root: HtmlElement) -> Published | None:
    for element in MICRODATA_STAMPED(root):
        found = as_published(element.get("datetime") or element.get("content") or element.text_content())
        if found:
            return found
    return None


def from_time_elements(root: HtmlElement) -> Published | None:
    """A `<time>` marked pubdate, else the first one inside the article header, else a lone one. Any element
    with a `datetime` counts as a `<time>` (a `<div class="byline__timestamp" datetime=...>`, a
    `<relative-time>` custom element), but `<ins>` and `<del>`, whose `datetime` is an edit's."""
    every = EVERY_STAMPED(root)  # one walk of the page; the two kinds below are picked from it, in page order
    marked = [element for element in every if element.get("pubdate") is not None
              or any(word in (element.get("class") or "") for word in PUBLISHED_CLASS_WORDS)]
    in_article = [element for element in every if next(element.iterancestors(*ARTICLE_HEAD_TAGS), None) is not None]
    lone = every if len(every) <= MAX_TIME_ELEMENTS else []
    for element in (*marked, *in_article[:1], *lone):
        found = as_published(element.get("datetime"))
        if found:
            return found
    return None


def from_titled_stamps(root: HtmlElement) -> Published | None:
    """The stamp a date element keeps in its `title` (`<abbr class="published" title="2016-05-08T00:55:00-07:00">`)."""
    for value in titled_stamps(root):
        found = as_published(value)
        if found:
            return found
    return None


def from_date_lines(root: HtmlElement, day_first: bool | None = None) -> Published | None:
    """A short line such as "Published 7 April 2022, 10:15" in an element whose class says it is a date."""
    for element in DATE_LINE_ELEMENTS(root)[:MAX_DATE_LINES]:
        text = " ".join(element.text_content().split())
        if not text or len(text) > DATE_LINE_MAX_CHARS:
            continue
        found = find_date_in_text(text, day_first=day_first)
        if found:
            return found[0]
    return None


def document_title(root: HtmlElement) -> str:
    element = root.find(".//title")
    return " ".join(element.text_content().split()) if element is not None else ""


def from_title_text(root: HtmlElement, day_first: bool | None = None) -> Published | None:
    """"Headline - 07.12.2017 - LA NACION": some sites write the date only into the document title."""
    text = document_title(root)
    found = find_date_in_text(text, day_first=day_first) if text else None
    return found[0] if found else None


def date_alone(text: str, day_first: bool | None) -> Published | None:
    """The date a short line states when the date is most of it ("2019.03.08", "Updated: June 7,
    2019"), not a date mentioned in a sentence."""
    line = " ".join(text.split())
    if not line or len(line) > DATE_ALONE_MAX_CHARS:
        return None
    found = find_date_in_text(line, day_first=day_first)
    return found[0] if found and found[2] - found[1] >= DATE_ALONE_MIN_SHARE * len(line) else None


def from_text_after_headline(root: HtmlElement, day_first: bool | None = None) -> Published | None:
    """A date written on a line of its own just after the headline, where a reader looks for it
    ("June 7, 2019", "2019.03.08", "December 16, 2016, 4:19 PM"), however the element is marked."""
    for heading in root.iter("h1"):
        for text in texts_after(heading, MAX_TEXTS_AFTER_HEADING):
            found = date_alone(text, day_first)
            if found:
                return found
        return None  # only the first headline
    return None


def texts_after(element: HtmlElement, limit: int) -> list[str]:
    """The first `limit` text nodes after the element in page order, none inside a script or style: XPath's
    `following::text()[not(ancestor::script or ancestor::style)]`, walked and cut here (libxml2 reads that to the
    end of the page, and lxml makes a string of every text node there)."""
    found: list[str] = []
    node = element
    while (parent := node.getparent()) is not None and len(found) < limit:
        hidden = parent.tag in SCRIPT_TAGS or next(parent.iterancestors(*SCRIPT_TAGS), None) is not None
        if node.tail and not hidden:
            found.append(node.tail)
        for sibling in node.itersiblings():
            if len(found) >= limit:
                break
            add_subtree_texts(sibling, hidden, found, limit)
            if sibling.tail and not hidden:
                found.append(sibling.tail)
        node = parent
    return found[:limit]


def add_subtree_texts(node: HtmlElement, hidden: bool, found: list[str], limit: int) -> None:
    """The text nodes inside `node`, in page order, onto `found` (none once it holds `limit`; none inside a
    script or style). A comment's or an instruction's words are no text node, its tail is."""
    if not isinstance(node.tag, str):
        return
    hidden = hidden or node.tag in SCRIPT_TAGS
    if node.text and not hidden:
        found.append(node.text)
    for child in node:
        if len(found) >= limit:
            return
        add_subtree_texts(child, hidden, found, limit)
        if child.tail and not hidden:
            found.append(child.tail)


def texts_in_order(root: HtmlElement) -> Iterator[str]:
    """The body's text in reading order, lazily (a caller that stops early reads little of a long page)."""
    body = root.find(".//body")
    for element in (body if body is not None else root).iter():
        if isinstance(element.tag, str) and element.tag not in NOT_TEXT and element.text:
            yield element.text
        if element.tail:
            yield element.tail


def from_date_above_text(root: HtmlElement, day_first: bool | None = None) -> Published | None:
    """A date on a line of its own above the article's text, on a page without a headline element
    or date markup (a press release's "2019.03.05", a catalogue's "2019/3/5"). Read only up to
    the first long text: a date after it belongs to a sidebar or a comment ("Created Jan 25, 2008")."""
    for text in texts_in_order(root):
        if len(text) >= ARTICLE_TEXT_MIN_CHARS and len(" ".join(text.split())) >= ARTICLE_TEXT_MIN_CHARS:
            return None
        found = date_alone(text, day_first)
        if found:
            return found
    return None


def from_htmldate(root: HtmlElement, url: str | None) -> Published | None:
    """htmldate's quick search (no extensive scan): the slow last resort.

    Its extensive search (trafilatura's default) finds a few more dates but costs about 5x as
    much on every page that reaches it; the step before this one finds most of what it adds.
    A 1 January from it is a year it found (a copyright line, "© 2015"), no publication date.
    """
    from htmldate import find_date  # imported here: only pages without any marked date pay for it

    try:
        found = find_date(root, url=url, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except (ValueError, TypeError) as exc:  # htmldate raises on odd trees; a missing date is not an error
        logger.debug("htmldate failed: %s", exc)
        return None
    day = date.fromisoformat(found) if found else None
    return None if day is None or (day.month, day.day) == YEAR_ONLY else day


def timed_later(found: Published, later: tuple[Callable[[], Published | None], ...]) -> Published:
    """A day-only stamp with the time of a later machine stamp of the same day that gives one with its
    offset (`<meta name="date" value="2016-12-15">` beside `<time datetime="2016-12-15T15:33:00-05:00">`):
    the same publication, told more exactly. A time without an offset, or another day, is not taken."""
    if isinstance(found, datetime):
        return found
    for step in later:
        other = step()
        if isinstance(other, datetime) and other.utcoffset() is not None and other.date() == found:
            return other
    return found


def find_published(root: HtmlElement, tags: MetaTags, article: JsonObject | None, url: str | None,
                   language: str | None = None) -> Published | None:
    """The publication date by the steps in the module docstring; `language` orders slashed dates
    written as text ("07/04/2022" is 7 April on a French page, 4 July on an English one). A page
    that declares no language takes its time zone from its title's script (a Chinese headline: UTC+8)."""
    day_first = slashed_day_first(language)
    zone_language = language or script_language(document_title(root))
    machine_steps: tuple[Callable[[], Published | None], ...] = (
        lambda: from_jsonld(article),
        lambda: from_meta(tags),
        lambda: from_microdata(root),
        lambda: from_jsonld(article, JSONLD_LATER_DATE_KEYS),
        lambda: from_time_elements(root),
        lambda: from_titled_stamps(root),
    )
    for number, step in enumerate(machine_steps):
        found = step()
        if found:
            found = timed_later(found, machine_steps[number + 1:])
            return in_page_zone(found, root, tags, article, zone_language)
    text_steps: tuple[Callable[[], Published | None], ...] = (
        lambda: from_date_lines(root, day_first),  # written as text: the page's local time
        lambda: from_title_text(root, day_first),
        lambda: from_text_after_headline(root, day_first),
        lambda: from_htmldate(root, url),
        lambda: from_date_above_text(root, day_first),  # after htmldate: a masthead's "today" must not beat a URL's date
    )
    for step in text_steps:
        found = step()
        if found:
            return written_in_page_zone(found, root, tags, article, zone_language)
    return None
