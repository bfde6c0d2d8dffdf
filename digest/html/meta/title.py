"""The article's headline, without the " | Site" decoration pages add to it.

Candidates in order of trust, as Readability.js reads them: JSON-LD headline, Dublin Core,
Open Graph, Twitter, Parse.ly, then the document `<title>`, then the page's `<h1>`.
A candidate that is only the site's name (a section or home page title) is skipped.
From the chosen one we strip segments that name the site, its host or the author, and,
when the page's `<h1>` is one of the title's leading segments, we keep just that (unless the
rest is the post's title shown under a blog's name). Last, the headline the page displays wins
over one written for sharing: found by position on a feature page (digest.html.meta.display),
by its words elsewhere, or by the title's parts shown apart (digest.html.meta.headline).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml.html import HtmlElement

from digest.html.meta.display import beside_social_title, sole_header_headline
from digest.html.meta.headings import headline_elements, page_headings
from digest.html.meta.headline import displayed_headline, related_headings, shown_apart
from digest.html.meta.jsonld import JsonObject, text_of
from digest.html.meta.names import host_names, key, names_match
from digest.html.meta.tags import MetaTags, unescaped

SOCIAL_TITLE_NAMES = ("og:title", "twitter:title")  # titles written for sharing, beside the displayed one
TITLE_META_NAMES = (
    "dc:title", "dc.title", "dcterm:title", "dcterms.title", "og:title", "weibo:article:title", "weibo:webpage:title",
    "title", "twitter:title", "parsely-title", "sailthru.title",
)
# " | ", " - ", " – ", " — ", " － ", " :: ", " · ", " • ", " » ", " / " between title parts.
SEPARATOR = re.compile(r"\s+(?:[|\-–—－·•»/\\>]|::)\s+|\s*\[(?=[^\[\]]+\]\s*$)")
# "标题_科技_腾讯网", "見出し：朝日新聞デジタル", "見出し｜サイト": only when the part names the site
CJK_SEPARATOR = re.compile(r"\s*[_｜：]\s*|(?<=[\u3000-\u30ff\u3400-\u9fff\uff01-\uff60]):\s*")
# "标题_教育频道_中国青年网": a portal's channel between the headline and the site's name goes with the name
CJK_SECTION = re.compile(r"(?<=\S)\s*[_｜]\s*[^_｜\s]{1,6}$")
PARENTHETICAL_END = re.compile(r"\s*\([^()]*\)\s*$")
TAIL_MAX_WORDS = 3  # in a <title>, a short part after " | " or " – " is the site's decoration
TAIL_SEPARATOR = re.compile(r"\s+(?:[|–—·•»]|::)\s+")
MAX_HEADINGS = {"h1": 5, "h2": 40, "h3": 40}  # more than this and they are a layout's headings (a list page's), not the headline
TITLE_MAX_CHARS = 300


def split_parts(title: str) -> list[str]:
    return [part.strip(" []") for part in SEPARATOR.split(title) if part.strip(" []")]


def split_any_parts(title: str) -> list[str]:
    """The title's parts, split at CJK separators ("見出し｜サイト", "标题_科技_腾讯网") when no other splits it."""
    parts = split_parts(title)
    return parts if len(parts) > 1 else [part.strip() for part in CJK_SEPARATOR.split(title) if part.strip()]


def strip_names(title: str, names: list[str]) -> str:
    """Drop leading and trailing parts that name the site, host or author; keep at least one part."""
    parts = split_parts(title)
    if len(parts) < 2:
        cjk = [part for part in CJK_SEPARATOR.split(title) if part]
        if len(cjk) > 1 and names_match(cjk[-1], names):
            return CJK_SECTION.sub("", rejoin(title, cjk[:-1]))
        return title
    original = parts[:]
    while len(parts) > 1 and names_match(parts[-1], names):
        parts.pop()
    while len(parts) > 1 and names_match(parts[0], names):
        parts.pop(0)
    if parts == original:
        return title
    return rejoin(title, parts)


def rejoin(title: str, parts: list[str]) -> str:
    """The span of the original title from the first kept part to the last (its own separators kept)."""
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end] if 0 <= start < end else " - ".join(parts)


def prefer_h1(title: str, headings: list[str]) -> str:
    """When the page's <h1> is the title's leading parts (or its trailing ones), the rest is decoration."""
    parts = split_any_parts(title)
    if len(parts) < 2:
        return title
    heading_keys = {key(h): h for h in headings}
    for count in range(len(parts) - 1, 0, -1):
        for chosen in (parts[:count],):  # a trailing part equal to an <h1> is usually the logo
            joined = rejoin(title, chosen)
            if key(joined) in heading_keys:
                return joined
    return title


def post_under_blog_name(title: str, h1s: list[str], lower: Callable[[], list[str]]) -> str | None:
    """"Blog name - Post title": the page's `<h1>` is the title's first part (the blog's name) and a lower
    heading (`lower`, called then) shows the rest, longer than the name: the rest is the post's title.
    It is taken from the title, not the heading, which may carry a permalink's mark ("■", "¶")."""
    parts = split_any_parts(title)
    if len(parts) < 2 or key(parts[0]) not in {key(h) for h in h1s}:
        return None
    rest = rejoin(title, parts[1:])
    if len(key(rest)) <= len(key(parts[0])):
        return None  # "Headline - Section": the part after the headline is the shorter
    return rest if any(key(heading) == key(rest) for heading in lower()) else None


def headings_of(root: HtmlElement, tag: str = "h1") -> list[str]:
    headings = page_headings(root, tag)
    return headings if len(headings) <= MAX_HEADINGS[tag] else []


def jsonld_titles(article: JsonObject, document_title: str) -> list[str]:
    """headline and name; the one the document's <title> contains first (Wikipedia's headline is a description)."""
    found = [t for t in (text_of(article.get("headline")), text_of(article.get("name"))) if t]
    document_key = key(document_title)
    return sorted(found, key=lambda t: 0 if key(t) and key(t) in document_key else 1)


def strip_short_tail(title: str) -> str:
    """Readability.js's rule for a bare <title>: "Headline – My website" loses the short last part."""
    parts = TAIL_SEPARATOR.split(title)
    if len(parts) > 1 and len(parts[-1].split()) <= TAIL_MAX_WORDS and len(parts[0].split()) >= TAIL_MAX_WORDS:
        return rejoin(title, [p.strip() for p in parts[:-1]])
    return title


def without_decoration(title: str, others: list[str]) -> str:
    """"Nikki Haley to Resign (Published 2018)": a parenthesis ending the title that the page's other
    titles lack is decoration for sharing ("… (and us)" stays: every title has it)."""
    bare = PARENTHETICAL_END.sub("", title)
    return bare if bare != title and any(key(other) == key(bare) for other in others) else title


def candidates(root: HtmlElement, tags: MetaTags, article: JsonObject | None) -> list[tuple[str, bool]]:
    """(candidate, from the document <title>) in order of trust."""
    element = root.find(".//title")
    document_title = unescaped(element.text_content()) if element is not None else ""
    found = [(t, False) for t in jsonld_titles(article, document_title)] if article is not None else []
    found += [(values[0], False) for name in TITLE_META_NAMES if (values := tags.get(name))]
    if document_title.strip():
        found.append((document_title, True))
    return [(" ".join(t.split()), bare) for t, bare in found if t.strip() and len(t) <= TITLE_MAX_CHARS]


def only_names_site(candidate: str, site: str) -> bool:
    """A title that is the site's name ("The Guardian US"), not a post under it ("Daring Fireball: Colophon")."""
    head, colon, rest = candidate.partition(": ")
    return not (colon and rest.strip() and key(head) == key(site)) and names_match(candidate, [site])


def find_title(root: HtmlElement, tags: MetaTags, article: JsonObject | None, *, site: str | None,
               url: str | None, byline: str | None) -> str | None:
    """The headline by the steps in the module docstring, or None when the page names none."""
    names = [name for name in (site, byline, *host_names(url)) if name]
    headings = headings_of(root)
    found: list[str] = []  # every usable candidate, in order of trust; the first wins
    site_only: list[str] = []
    listed = candidates(root, tags, article)
    for candidate, bare in listed:
        if site and only_names_site(candidate, site):
            site_only.append(candidate)
            continue  # the site's own name: a home or section page title, not the headline
        title = strip_names(candidate, names)
        title = post_under_blog_name(title, headings, lambda: headings_of(root, "h2") + headings_of(root, "h3")) \
            or prefer_h1(title, headings)
        if bare and title == candidate:
            title = strip_short_tail(title)
        if title and not (site and only_names_site(title, site)):
            found.append(title)
    if found:
        found[0] = without_decoration(found[0], found[1:])
        return shown_headline(root, tags, found[0], [c for c, _ in listed], names) or found[0]
    for fallback in (headings, site_only):  # a front page's only title is the site's name
        if fallback:
            return fallback[0]
    return None


def shown_headline(root: HtmlElement, tags: MetaTags, title: str, listed: list[str], names: list[str]) -> str | None:
    """The headline the page displays, when it should replace `title`: an `<h1>` beside a deck that repeats
    the social title (a feature's display line), else one that tells the title's story in its words
    (digest.html.meta.headline), else one whose title parts the page shows apart ("Artist – Song": the `<h1>`
    and a lower heading), else the article header's only `<h1>` when no heading tells it."""
    h1s = headline_elements(root, "h1")
    if len(h1s) > MAX_HEADINGS["h1"]:
        return None
    socials = [" ".join(values[0].split()) for name in SOCIAL_TITLE_NAMES if (values := tags.get(name))]
    featured = beside_social_title(h1s, socials, names)
    if featured:
        return featured
    h2s = headings_of(root, "h2")
    shown = displayed_headline([text for _, text in h1s], lambda: h2s, title, listed, names)
    if shown:
        return shown
    lower = h2s + headings_of(root, "h3")
    apart = shown_apart([text for _, text in h1s], lower, [title, *listed], names)
    if apart:
        return apart
    if related_headings(lower, title, listed, names, strict=False):
        return None  # a lower heading tells the story: the lone <h1> may be a series' or a section's name
    return sole_header_headline(h1s, names)
