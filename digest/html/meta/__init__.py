"""Everything a page says about itself: title, date, publisher, address, language, author, image.

`read_metadata` takes the page's lxml tree, parsed once by digest.html, and reads each fact
with its own module: tags (every `<meta>`), jsonld (the schema.org article object), title,
published, site, links (canonical address, image) and people (byline, language).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from lxml.html import HtmlElement

from digest.html.meta.jsonld import article_object, jsonld_objects
from digest.html.meta.links import find_canonical, find_image
from digest.html.meta.people import find_byline, find_language
from digest.html.meta.published import find_published
from digest.html.meta.site import find_site
from digest.html.meta.tags import MetaTags, collect_meta, first, unescaped
from digest.html.meta.title import find_title


@dataclass(frozen=True, slots=True, kw_only=True)
class Metadata:
    """What the page's markup says; any field may be missing."""

    title: str | None = None
    published: datetime | date | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None
    byline: str | None = None
    image: str | None = None
    description: str | None = None


def find_description(tags: MetaTags, article: dict | None) -> str | None:
    """The page's own summary of itself: its Open Graph, Twitter or plain description, else JSON-LD's."""
    described = first(tags, "og:description", "twitter:description", "description")
    if described is None and article is not None and isinstance(article.get("description"), str):
        described = unescaped(article["description"]).strip() or None
    return " ".join(described.split()) if described else None


def read_metadata(root: HtmlElement, url: str | None) -> Metadata:
    """Read every fact from the tree; `url` is where the page came from (None for a file without --url)."""
    tags = collect_meta(root)
    objects = jsonld_objects(root)
    article = article_object(objects)
    canonical = find_canonical(root, tags, url)
    byline = find_byline(root, tags, article)
    site = find_site(root, tags, article, objects, canonical, byline)
    language = find_language(root, tags, article)
    return Metadata(
        title=find_title(root, tags, article, site=site, url=canonical, byline=byline),
        published=find_published(root, tags, article, url, language),
        site=site,
        url=canonical,
        language=language,
        byline=byline,
        image=find_image(root, tags, article, canonical or url),
        description=find_description(tags, article),
    )
