"""Who wrote the article and in what language: byline and language code."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from digest.html.meta.jsonld import JsonObject, names_of, text_of
from digest.html.meta.marked import marked_elements
from digest.html.meta.tags import MetaTags, first, unescaped

AUTHOR_META_NAMES = ("dc:creator", "dcterm:creator", "author", "article:author", "parsely-author", "sailthru.author",
                     "dc.creator", "dcterms.creator",
                     "byl", "citation_author")
BYLINE_PREFIX = re.compile(
    r"^\s*(?:(?:reporting|written|words|text|story)\s+by|by|von|par|por|di|da|автор|от|door|przez|texto|text)[:\s]+",
    re.IGNORECASE,
)
BYLINE_CLASSES = ("byline", "author", "auteur", "autor", "autore")
BYLINE_MARKED = marked_elements(BYLINE_CLASSES, equal=(("rel", "author"), ("itemprop", "author")))
BYLINE_ELEMENTS = 3  # the byline sits at the top; later "author" elements are bios and comment authors
BYLINE_MAX_CHARS = 100  # longer is a sentence or a bio, not a byline
LANGUAGE_META_NAMES = ("content-language", "og:locale", "dc.language", "language", "inlanguage")
LANGUAGE_CODE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$")
ADDRESS = re.compile(r"^(?:https?:)?//|^www\.", re.IGNORECASE)


def clean_byline(value: str | None) -> str | None:
    """"By Jane Doe" -> "Jane Doe"; an address or a paragraph is no byline."""
    if not value:
        return None
    value = BYLINE_PREFIX.sub("", " ".join(value.split())).strip(" ,;|")
    if not value or len(value) > BYLINE_MAX_CHARS or ADDRESS.match(value):
        return None
    return value


def find_byline(root: HtmlElement, tags: MetaTags, article: JsonObject | None) -> str | None:
    """JSON-LD authors, then author meta tags, then the page's marked author element."""
    if article is not None:
        names = [name for name in (clean_byline(n) for n in names_of(article.get("author"))) if name]
        if names:
            return ", ".join(dict.fromkeys(names))
    for name in AUTHOR_META_NAMES:
        for value in tags.get(name, ()):
            byline = clean_byline(value)
            if byline:
                return byline
    for element in BYLINE_MARKED(root)[:BYLINE_ELEMENTS]:
        byline = clean_byline(unescaped(element.text_content()))
        if byline:
            return byline
    return None


def language_code(value: str | None) -> str | None:
    """"en-US", "fr_FR", "pt-br" -> "en", "fr", "pt" (the form language detection gives too)."""
    match = LANGUAGE_CODE.match((value or "").strip())
    return match.group(1).lower() if match else None


def find_language(root: HtmlElement, tags: MetaTags, article: JsonObject | None) -> str | None:
    """`<html lang>`, then the language meta tags, then JSON-LD inLanguage; None lets the pipeline detect it."""
    values = [root.get("lang"), root.get("xml:lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang"),
              first(tags, *LANGUAGE_META_NAMES), text_of(article.get("inLanguage")) if article else None]
    for value in values:
        code = language_code(value)
        if code:
            return code
    return None
