"""Is every summary sentence the article's, its standfirst's or its description's?

A sentence counts as sound when it stands, whole, inside one *allowed* passage:
- a paragraph of the article: the reference article when the set has one (Readability.js's
  expected.html), else the page's own text with what is never article dropped (captions, credits,
  figures, asides, navigation, footers, forms, promos, newsletter, related and share boxes);
- the page's descriptions (meta description, og:description, twitter:description, from content= or
  value=) and a standfirst it declares in a meta tag (`<meta name="dek">`);
- a standfirst: an element whose class or id says so (dek, standfirst, subtitle, summary, ...);
- a reference standfirst or excerpt the set gives.
Passages are block by block, so text glued across elements ("Kristi NoemKristi Lynn Noem")
is not found, and a caption is found only if the article itself repeats it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import lxml.etree
import lxml.html

from digest.model import Digest, DigestOptions

OPTIONS = DigestOptions()
# After a sentence's end, and after the closing quote mark that may follow it.
SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?…。！？])(?![\"”’»」』)])|(?<=[.!?…。！？][\"”’»」』)]))\s*(?=\S)")
SENTENCE_ENDINGS = ".!?…\"”»'’)。！？」』"
PARAGRAPH_BREAK = "\u2029"
BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dt", "dd", "div",
          "section", "article", "table", "tr", "ul", "ol", "dl", "header", "main", "hr")
NEVER_ARTICLE_TAGS = ("script", "style", "noscript", "template", "figure", "figcaption", "aside", "nav", "footer",
                      "form", "button", "select", "iframe", "svg")
# A whole word of a class or id ("wp-caption-text", "share-buttons"), not a part of one ("evolve-shared-history").
NEVER_ARTICLE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:caption|credit|promo|newsletter|related|share|sharing|social|comment|advert|ad|ads|sponsor"
    r"|sponsored|subscribe|breadcrumbs?|tooltip|sr-only|visually-hidden|recirc|trending|popular)s?(?=$|[\s_-])",
    re.IGNORECASE)
KEEP_TAGS = frozenset({"html", "body", "main", "article"})
STANDFIRST_CLASS = re.compile(r"\b[\w-]*(?:dek|standfirst|subtitle|sub-title|subhead|summary|excerpt|lede|lead"
                              r"|intro|description|teaser|strap|kicker|deck)[\w-]*\b", re.IGNORECASE)
DESCRIPTIONS = ("description", "og:description", "twitter:description")
# A standfirst the page declares in its metadata: <meta name="dek" content="...">. Meta values are read from
# content= or value= (most Mercury pages were saved with value=, and digest.html.meta reads both).
STANDFIRST_META = re.compile(r"(?:[\w-]*[:_-])?(?:dek|standfirst|subtitle|subhead|deck)", re.IGNORECASE)


def squash(text: str) -> str:
    """Whitespace folded and soft hyphens dropped: neither is a difference a reader sees."""
    return " ".join(text.replace("\u00ad", "").split())


def block_texts(root: lxml.html.HtmlElement) -> list[str]:
    """The text of `root` cut at every block boundary (the tree is read, not changed)."""
    parts: list[str] = []
    walk(root, parts)
    return [text for part in "".join(parts).split(PARAGRAPH_BREAK) if (text := squash(part))]


def walk(node: lxml.html.HtmlElement, parts: list[str]) -> None:
    """Append the node's own text and its children's, with a break around blocks (not its tail)."""
    if not isinstance(node.tag, str) or node.tag in ("script", "style"):
        return  # a comment or code: no text of its own (its tail is the parent's to add)
    if node.tag == "br":  # a line break inside a paragraph; sentences run across it
        parts.append(" ")
        return
    block = PARAGRAPH_BREAK if node.tag in BLOCKS else ""
    parts.append(block + (node.text or ""))
    for child in node:
        walk(child, parts)
        parts.append(child.tail or "")
    parts.append(block)


def never_article(node: lxml.html.HtmlElement, by_class: bool = True) -> bool:
    """Never article text: by its tag (a caption, an aside) or, on a raw page, by its class or id."""
    if node.tag in KEEP_TAGS or node.find(".//h1") is not None or node.get("itemprop") == "articleBody":
        return False
    if node.tag in NEVER_ARTICLE_TAGS:
        return True
    return by_class and bool(NEVER_ARTICLE_CLASS.search(f"{node.get('class', '')} {node.get('id', '')}"))


XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def parse(html: str) -> lxml.html.HtmlElement | None:
    """The page's tree (lxml refuses a str that declares its encoding: the declaration goes)."""
    try:
        return lxml.html.fromstring(XML_DECLARATION.sub("", html, count=1))
    except (lxml.etree.ParserError, ValueError):
        return None


def article_passages(html: str, by_class: bool = True) -> list[str]:
    """The page's text by blocks, without what is never article (a reference article is already
    clean of boxes: only its captions and figures go, `by_class` False)."""
    root = parse(html)
    if root is None:
        return []
    for node in [n for n in root.iter() if isinstance(n.tag, str) and never_article(n, by_class)]:
        if node.getparent() is not None:
            node.drop_tree()
    return block_texts(root)


def page_extras(html: str) -> list[str]:
    """Descriptions and standfirst elements of a page."""
    root = parse(html)
    if root is None:
        return []
    found = [m.get("content") or m.get("value") or "" for m in root.iter("meta")
             if (key := (m.get("name") or m.get("property") or "").lower()) in DESCRIPTIONS
             or STANDFIRST_META.fullmatch(key)]
    for node in root.iter():
        if isinstance(node.tag, str) and node.tag not in KEEP_TAGS and \
                STANDFIRST_CLASS.search(f"{node.get('class', '')} {node.get('id', '')}"):
            found.extend(block_texts(node))
    return [text for text in map(squash, found) if text]


def allowed_passages(html: str | None, reference_html: str | None = None, extras: Iterable[str | None] = ()) -> list[str]:
    """Every passage a summary sentence may come from (see the module docstring)."""
    passages = article_passages(reference_html, by_class=False) if reference_html else article_passages(html or "")
    if html:
        passages += page_extras(html)
    return passages + [squash(e) for e in extras if e and squash(e)]


def unsound_sentences(digest: Digest, passages: list[str]) -> list[str]:
    """Summary sentences found in no allowed passage (a line of its own, a deck, is split too)."""
    lines = [squash(line) for line in digest.summary.splitlines() if line.strip()]
    return [sentence for line in lines for sentence in SENTENCE_BREAK.split(line)
            if sentence and not any(sentence in passage for passage in passages)]


def summary_is_sound(digest: Digest, passages: list[str]) -> tuple[bool, list[str]]:
    """(sound, why not): within the limits, ends a sentence, and every sentence is allowed."""
    summary = " ".join(squash(line) for line in digest.summary.splitlines() if line.strip())
    if not summary:
        return False, ["empty summary"]
    if len(digest.summary) > OPTIONS.summary_max_chars:
        return False, [f"summary over {OPTIONS.summary_max_chars} characters"]
    if summary[-1] not in SENTENCE_ENDINGS:
        return False, ["summary does not end a sentence"]
    stray = unsound_sentences(digest, passages)
    return not stray, [f"summary sentence not in the article: {s[:80]!r}" for s in stray]
