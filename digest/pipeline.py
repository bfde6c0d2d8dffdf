"""One page in, one Digest out: the composition every caller (bot, CLI, evaluation) shares.

`digest_page` is pure and CPU-bound: the bot and the CLI run it in the worker pool
(`digest.pool`), never on the event loop.
"""

from __future__ import annotations

import re

from digest.errors import ExtractionError
from digest.html import read_html
from digest.language import choose_language
from digest.model import Article, Digest, DigestOptions, Page
from digest.pasted import read_text
from digest.pdf import read_pdf
from digest.quotes import find_quotes
from digest.summary import summarize

HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article)\b", re.IGNORECASE)
HTML_SNIFF_WINDOW = 2048


def looks_like_html(text: str) -> bool:
    """Sniff pasted or piped input: HTML opens with a tag near the start."""
    head = text[:HTML_SNIFF_WINDOW].lstrip("\ufeff \t\r\n")
    return head.startswith("<") and HTML_SNIFF.search(head) is not None


def sniff_page(content: str, url: str | None = None) -> Page:
    """A Page whose kind is read from the content itself (standard input, forwarded text)."""
    return Page(content=content, kind="html" if looks_like_html(content) else "text", url=url)


def digest_page(page: Page, options: DigestOptions = DigestOptions()) -> Digest:
    """Read the page (HTML, pasted text or PDF), then choose its summary and quotes."""
    if isinstance(page.content, bytes):
        if page.kind != "pdf":
            raise ExtractionError()
        article = read_pdf(page.content, url=page.url, max_pages=options.pdf_max_pages)
    elif page.kind == "html":
        article = read_html(page.content, url=page.url)
    else:
        article = read_text(page.content, url=page.url)
    return compose(article, options)


def compose(article: Article, options: DigestOptions = DigestOptions()) -> Digest:
    """Turn what a reader found into the Digest everyone else sees."""
    if not article.paragraphs:
        raise ExtractionError()
    body = "\n\n".join(article.paragraphs)
    # a declared language is checked against the text; one the reader detected in this text already is its answer
    language = article.language if article.language_detected else choose_language(article.language, body)
    return Digest(
        title=article.title,
        summary=summarize(article, options=options, language=language),
        body=body,
        published=article.published,
        place=article.place,
        site=article.site,
        url=article.url,
        quotes=find_quotes(article.paragraphs, language=language, max_quotes=options.max_quotes),
        language=language,
        byline=article.byline,
        image=article.image,
        note=article.note,
    )
