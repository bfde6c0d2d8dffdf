"""Read a PDF: the article as reflowed paragraphs, and its title, date, author and publisher.

- title: the document's metadata title when it is a real title (not "Microsoft Word - draft3.docx"),
  else the largest text at the top of the first page;
- date: the first date written near the top of the first page, else the metadata's creation date;
- publisher: a copyright line's holder, else the link's site;
- a scan with no text layer, a locked file and a damaged one are refused with a sentence each; a
  document longer than the page limit is read up to it, and the digest says so.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit

from digest.dates import find_date
from digest.errors import ScannedPdfError
from digest.model import Article
from digest.pdf.document import read_document
from digest.pdf.layout import Line, drop_running_lines, page_lines, reflow
from digest.places import find_lead_place
from digest.urls import site_from_host

# The digest's note on a long PDF (kept in English in the digest; the bot shows it in the reader's language).
PAGES_NOTE = "This PDF has {count} pages; the digest reads the first {read}."
MIN_TEXT_CHARS_PER_PAGE = 20  # fewer characters than this a page, on average, is a scan
TITLE_SIZE_RATIO = 1.15  # title lines stand at least this much taller than the body text
TITLE_MAX_CHARS = 300
DATE_SEARCH_LINES = 40
LEAD_PARAGRAPHS = 2  # a dateline's place opens the lead, which may follow a date line  # the date of a report or ruling stands near the top of its first page
NOT_A_TITLE = re.compile(
    r"(?i)^(?:microsoft (?:word|powerpoint|excel) - |untitled\b|document\d*$|slide \d+$)"
    r"|\.(?:docx?|pdf|tex|dvi|rtf|odt|pptx?|xlsx?|indd|pages|qxd)$"
)
FILE_NAME = re.compile(r"^[\w.-]+$")  # one token of word characters, dots and dashes: a file name
COPYRIGHT = re.compile(  # "© 2022 Harbour Authority.", "Copyright 2019-2022 by Acme Ltd, all rights reserved"
    r"(?:(?:©|\([cC]\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?|[Cc]opyright\s+(?:©\s*)?\d{4}"
    r"(?:\s*[-–]\s*\d{4})?\s*,?\s*)(?:by\s+)?(?P<holder>[A-Z][\w&.'’ -]{1,60}?)\s*(?:[,;]|\.(?:\s|$)|\b[Aa]ll rights\b|$)"
)
PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?")


def read_pdf(data: bytes, *, url: str | None = None, max_pages: int = 50) -> Article:
    """The article a PDF holds."""
    text = read_document(data, max_pages)
    if not text.pages or sum(len(run.text) for page in text.pages for run in page.runs) < (
            MIN_TEXT_CHARS_PER_PAGE * len(text.pages)):
        raise ScannedPdfError()
    lines = drop_running_lines(page_lines(text.pages), text.pages)
    title_lines = largest_lines(lines)
    title = metadata_title(text.metadata) or " ".join(line.text for line in title_lines)
    body_lines = [line for line in lines if line not in title_lines]
    paragraphs = [paragraph for paragraph in reflow(body_lines) if paragraph != title]
    note = None
    if text.page_count > len(text.pages):
        note = PAGES_NOTE.format(count=text.page_count, read=len(text.pages))
    first_page = [line.text for line in lines if line.page == 0][:DATE_SEARCH_LINES]
    return Article(
        title=title or (paragraphs[0][:TITLE_MAX_CHARS] if paragraphs else ""),
        paragraphs=tuple(paragraphs),
        published=written_date(first_page) or metadata_date(text.metadata.get("CreationDate", "")),
        place=find_lead_place(paragraphs, LEAD_PARAGRAPHS),
        site=copyright_holder(line.text for line in lines) or (site_from_host(urlsplit(url).hostname or "")
                                                               if url else None),
        url=url,
        byline=text.metadata.get("Author") or None,
        note=note,
    )


def metadata_title(metadata: dict[str, str]) -> str | None:
    """The document's own title, when it is one and not a file name or a template's default."""
    title = " ".join(metadata.get("Title", "").split())
    if not title or len(title) > TITLE_MAX_CHARS or NOT_A_TITLE.search(title) or FILE_NAME.fullmatch(title):
        return None
    return title


def largest_lines(lines: list[Line]) -> list[Line]:
    """The first page's tallest lines at its top, when they stand taller than the text: the title."""
    first_page = [line for line in lines if line.page == 0]
    if len(first_page) < 2:
        return []
    body_height = statistics.median(line.size for line in first_page)
    tallest = max(line.size for line in first_page)
    if tallest < TITLE_SIZE_RATIO * body_height:
        return []
    start = next(index for index, line in enumerate(first_page) if line.size == tallest)
    title = []
    for line in first_page[start:]:
        if line.size < tallest / TITLE_SIZE_RATIO or sum(len(t.text) for t in title) > TITLE_MAX_CHARS:
            break
        title.append(line)
    return title


def written_date(lines: list[str]) -> datetime | date | None:
    """The first date written in these lines."""
    for line in lines:
        found = find_date(line)
        if found is not None:
            return found[0]
    return None


def metadata_date(value: str) -> datetime | date | None:
    """A PDF date string ("D:20220407070200+03'00'") as a datetime with its offset, or a date."""
    match = PDF_DATE.match(value.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        if hour is None:
            return date(int(year), int(month or 1), int(day or 1))
        offset = None
        if zone == "Z":
            offset = timezone.utc
        elif zone:
            digits = zone.replace("'", "")
            delta = timedelta(hours=int(digits[1:3]), minutes=int(digits[3:5] or 0))
            offset = timezone(delta if digits[0] == "+" else -delta)
        return datetime(int(year), int(month or 1), int(day or 1), int(hour), int(minute or 0), int(second or 0),
                        tzinfo=offset)
    except ValueError:
        return None


def copyright_holder(lines: Iterable[str]) -> str | None:
    """The holder named in the document's first copyright line ("© 2022 Harbour Authority.")."""
    for text in lines:
        match = COPYRIGHT.search(text)
        if match:
            holder = match.group("holder").strip(" -")
            if len(holder) >= 2 and not holder.isdigit():
                return holder
    return None
