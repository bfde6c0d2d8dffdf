"""The types that flow through the pipeline.

`Page` is what comes in (decoded HTML or text, and its address); `Article` is what a reader
(HTML or pasted text) finds in a page; `Digest` is what every other part of the program sees:
storage keeps it, the bot renders it, the CLI prints it. All are frozen: nothing downstream can
edit them in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Literal

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

PageKind = Literal["html", "text", "pdf"]


@dataclass(frozen=True, slots=True)
class Page:
    """A page's content, what kind it is, and the address it came from (if any).

    HTML and text come decoded (`str`); a PDF comes as its bytes (the reader needs the file itself).
    """

    content: str | bytes
    kind: PageKind
    url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DigestOptions:
    """How long a digest may be; the bot and the CLI read these from Settings."""

    summary_max_sentences: int = 3
    summary_max_chars: int = 500
    max_quotes: int = 3
    pdf_max_pages: int = 50  # a longer PDF is read up to here, and its digest says so


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """A direct quotation, verbatim from the body, and who said it when the text says."""

    text: str
    speaker: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"text": self.text, "speaker": self.speaker}


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """What a reader found in one page, before summary and quotes are chosen.

    `paragraphs` are the clean article paragraphs in reading order; `standfirst` is the
    deck/subheading under the headline when the page has one (it is not repeated in
    `paragraphs`).
    """

    title: str
    paragraphs: tuple[str, ...]
    standfirst: str | None = None
    published: datetime | date | None = None
    place: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None
    language_detected: bool = False  # `language` was read from these very paragraphs: nothing left to check
    byline: str | None = None
    image: str | None = None
    note: str | None = None  # what the reader tells the user about its reading ("read the first 50 pages")
    description: str | None = None  # the page's own summary in its metadata: the summary's last resort

    def __post_init__(self) -> None:
        object.__setattr__(self, "paragraphs", tuple(self.paragraphs))


@dataclass(frozen=True, slots=True, kw_only=True)
class Digest:
    """A short, source-attributed summary of one page."""

    title: str
    summary: str
    body: str
    published: datetime | date | None = None
    place: str | None = None
    site: str | None = None
    url: str | None = None
    quotes: tuple[Quote, ...] = field(default=())
    language: str | None = None
    byline: str | None = None
    image: str | None = None
    note: str | None = None  # what the reader tells the user about its reading ("read the first 50 pages")

    def __post_init__(self) -> None:
        object.__setattr__(self, "quotes", tuple(self.quotes))

    @property
    def dateline(self) -> str | None:
        """The line a reader sees under the title: place and date, e.g. "KYIV, 7 April 2022, 07:02"."""
        when = format_when(self.published)
        parts = [part for part in (self.place, when) if part]
        return ", ".join(parts) or None

    def to_json(self, source: str) -> dict[str, Any]:
        """The CLI's JSON object: exactly the documented fields, in order."""
        return {
            "input": source,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "dateline": self.dateline,
            "site": self.site,
            "url": self.url,
            "summary": self.summary,
            "quotes": [quote.to_dict() for quote in self.quotes],
            "body": self.body,
            "language": self.language,
            "note": self.note,
        }

    def to_record(self) -> dict[str, Any]:
        """Every field as plain JSON values, for storage and export (round-trips with from_record)."""
        return {
            "title": self.title,
            "summary": self.summary,
            "body": self.body,
            "published": self.published.isoformat() if self.published else None,
            "place": self.place,
            "site": self.site,
            "url": self.url,
            "quotes": [quote.to_dict() for quote in self.quotes],
            "language": self.language,
            "byline": self.byline,
            "image": self.image,
            "note": self.note,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Digest:
        """Rebuild a Digest from `to_record` output."""
        return cls(
            title=record["title"],
            summary=record["summary"],
            body=record["body"],
            published=parse_iso(record.get("published")),
            place=record.get("place"),
            site=record.get("site"),
            url=record.get("url"),
            quotes=tuple(Quote(text=q["text"], speaker=q.get("speaker")) for q in record.get("quotes") or ()),
            language=record.get("language"),
            byline=record.get("byline"),
            image=record.get("image"),
            note=record.get("note"),
        )


def format_when(published: datetime | date | None) -> str | None:
    """"7 April 2022" for a date; with a time, its zone as the page stated it: "13:03 UTC",
    "02:00 UTC-5", "11:05 UTC+5:30". A time without a zone is one the page wrote as text, its
    local time, shown as written."""
    if published is None:
        return None
    text = f"{published.day} {MONTHS[published.month - 1]} {published.year}"
    if isinstance(published, datetime):
        text += f", {published:%H:%M}"
        offset = published.utcoffset()
        if offset is not None:
            text += f" {zone_label(offset)}"
    return text


def zone_label(offset: timedelta) -> str:
    """"UTC", "UTC+3", "UTC-5", "UTC+5:30"."""
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign, minutes = ("+" if minutes > 0 else "-"), abs(minutes)
    return f"UTC{sign}{minutes // 60}" + (f":{minutes % 60:02d}" if minutes % 60 else "")


def parse_iso(value: str | None) -> datetime | date | None:
    """Inverse of `isoformat()` for the two shapes a Digest can hold."""
    if not value:
        return None
    if "T" in value:
        return datetime.fromisoformat(value)
    return date.fromisoformat(value)
