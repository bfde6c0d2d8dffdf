"""Content a user hands over (a file, standard input, a document sent to the bot) as a Page, or one sentence.

Links are checked while they download (digest.fetch); content already in hand is checked here,
all of it, before any charset detection or cleaning spends time on it:

    a PDF       `looks_like_pdf` (or a kind of "pdf"): a PDF Page for digest.pdf, within its own cap
    too large   over the cap for its kind (`InputLimits`): TooLargeError naming the limit
    not text    a known file signature, control characters at the start, a NUL byte anywhere, or
                bytes that no charset decodes (`looks_undecodable`): NotTextError
"""

from __future__ import annotations

from dataclasses import dataclass

from digest.errors import N_, NotTextError, TooLargeError
from digest.fetch.decode import bom_charset, decode_body, looks_binary, looks_like_pdf
from digest.model import Page, PageKind
from digest.pipeline import HTML_SNIFF_WINDOW, looks_like_html, sniff_page

UNDECODABLE_SAMPLE_CHARS = 100_000
UNDECODABLE_SHARE = 0.05  # text decodes with almost no U+FFFD; random bytes give 40-80%
REPLACEMENT = "\ufffd"
PAGE_TOO_LARGE = N_("That page is too large: I read web pages up to {size}.")
TEXT_TOO_LARGE = N_("That text is too large: I read texts up to {size}.")
PDF_TOO_LARGE = N_("That PDF is too large: I read PDFs up to {size}.")
INPUT_TOO_LARGE = N_("That is too large: I read web pages up to {page}, texts up to {text} and PDFs up to {pdf}.")
DEFAULT_PAGE_BYTES = 5_000_000
DEFAULT_TEXT_BYTES = 1_000_000  # a million bytes of plain text is a long book chapter; cleaning it takes ~2 s
DEFAULT_PDF_BYTES = 20_000_000  # Telegram lets a bot download files up to 20 MB


@dataclass(frozen=True, slots=True, kw_only=True)
class InputLimits:
    """The largest web page (HTML), plain text and PDF read, in bytes."""

    page_bytes: int = DEFAULT_PAGE_BYTES
    text_bytes: int = DEFAULT_TEXT_BYTES
    pdf_bytes: int = DEFAULT_PDF_BYTES

    @property
    def largest(self) -> int:
        return max(self.page_bytes, self.text_bytes, self.pdf_bytes)

    def cap(self, kind: PageKind | None) -> int:
        """The cap for a kind of page; an input whose kind is not known yet may be as large as the largest cap."""
        if kind is None:
            return self.largest
        return {"html": self.page_bytes, "text": self.text_bytes, "pdf": self.pdf_bytes}[kind]


def format_size(size: int) -> str:
    """5000000 -> "5 MB", 1500000 -> "1.5 MB", 200000 -> "200 KB"."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.3g} MB"
    if size >= 1_000:
        return f"{size / 1_000:.3g} KB"
    return f"{size} bytes"


def too_large(kind: PageKind | None, limits: InputLimits) -> TooLargeError:
    """The refusal names the limit the input went over."""
    if kind == "html":
        return TooLargeError(PAGE_TOO_LARGE, size=format_size(limits.page_bytes))
    if kind == "text":
        return TooLargeError(TEXT_TOO_LARGE, size=format_size(limits.text_bytes))
    if kind == "pdf":
        return TooLargeError(PDF_TOO_LARGE, size=format_size(limits.pdf_bytes))
    return TooLargeError(INPUT_TOO_LARGE, page=format_size(limits.page_bytes), text=format_size(limits.text_bytes),
                         pdf=format_size(limits.pdf_bytes))


def check_size(size: int, kind: PageKind | None, limits: InputLimits) -> None:
    """Refuse at once what is over its cap, before it is read (a file's size, a document's declared size)."""
    if size > limits.cap(kind):
        raise too_large(kind, limits)


def looks_undecodable(text: str) -> bool:
    """Decoded text that is mostly U+FFFD: bytes no charset could read."""
    sample = text[:UNDECODABLE_SAMPLE_CHARS]
    return bool(sample) and sample.count(REPLACEMENT) / len(sample) > UNDECODABLE_SHARE


def has_nul(data: bytes) -> bool:
    """A NUL byte anywhere; UTF-16 text (which starts with its byte order mark) is full of them."""
    return bom_charset(data) is None and b"\x00" in data


def kind_from_start(data: bytes) -> PageKind:
    """The kind `sniff_page` will find, read from the first bytes only (to refuse a large input before decoding it)."""
    return "html" if looks_like_html(data[:HTML_SNIFF_WINDOW * 4].decode("utf-8", "replace")) else "text"


def page_from_bytes(data: bytes, *, kind: PageKind | None = None, url: str | None = None,
                    limits: InputLimits = InputLimits()) -> Page:
    """The Page for bytes in hand; `kind` None sniffs PDF, HTML or text from the content.

    CPU work (charset detection on up to megabytes): call it off the event loop.
    """
    if kind == "pdf" or looks_like_pdf(data):  # whatever its name says: the PDF reader tells a damaged one
        check_size(len(data), "pdf", limits)
        return Page(content=data, kind="pdf", url=url)
    check_size(len(data), kind or kind_from_start(data), limits)
    if looks_binary(data) or has_nul(data):
        raise NotTextError()
    text = decode_body(data)
    if looks_undecodable(text):
        raise NotTextError()
    page = sniff_page(text, url=url) if kind is None else Page(content=text, kind=kind, url=url)
    check_size(len(data), page.kind, limits)
    return page
