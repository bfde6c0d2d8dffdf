"""Read an HTML page: the article's paragraphs (readability-lxml) and its metadata.

First version: readability alone. The junk readability leaves in and the metadata
readers come next (issue 2).
"""

from __future__ import annotations

import lxml.html
from readability import Document

from digest.errors import ExtractionError
from digest.model import Article

BLOCK_TAGS = ("p", "h2", "h3", "h4", "li", "blockquote", "pre")


def read_html(html: str, *, url: str | None = None) -> Article:
    """One readability Document per page, given `str`; title read before summary() mutates it."""
    if not html.strip():
        raise ExtractionError()
    document = Document(html, url=url)
    title = document.short_title() or document.title()
    content = lxml.html.fromstring(document.summary(html_partial=True))
    paragraphs = [
        " ".join(node.text_content().split())
        for node in content.iter(*BLOCK_TAGS)
        if node.text_content().strip()
    ]
    return Article(title=title.strip(), paragraphs=tuple(paragraphs), url=url)
