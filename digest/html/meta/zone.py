"""The page's own time zone, so a dateline shows the time a reader of the page saw.

Many pages stamp `article:published_time` in UTC ("2019-11-20T04:26:00Z") while the story
was written at 11:26 pm EST; or they stamp a time with no zone at all. The zone a page uses
is often stated elsewhere in it: another stamp with its offset (`dateModified`,
`article:modified_time`, a `<time datetime>`), or a time written with its zone ("11:26 pm
EST"). `page_offset` finds the first non-UTC offset the page states; `in_page_zone`
then shows a UTC stamp in that zone, and gives a zone-less machine stamp that offset. A page
that states no offset may still show the UTC stamp's instant in its local clock time ("Dec.
22, 2016, 6:47 p.m." beside "2016-12-23T00:47:31Z"): the difference is its offset
(`implied_offset`). Japanese, Korean and Chinese are each read in one zone wherever they are
written, so a page in one of them that states no offset is in that zone (`language_offset`); a page
that declares no language is known by its headline's script (`script_language`).

A zone-less machine stamp on a page that states no offset anywhere keeps its time only when
the page also shows that time as text ("April 28, 2019 at 6:01 am"): it is then the page's
local time, as written. Otherwise it keeps only its date: whether the time is UTC or local
cannot be told, and a dateline never shows a time it cannot place. A time the page writes as
text (a date line, a pasted page) stays as written, the page's local time (digest.model.
format_when shows it without a zone label, as the page did).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta, timezone, tzinfo

import lxml.etree
from lxml.html import HtmlElement

from digest.dates import find_date, parse_date
from digest.html.meta.jsonld import JsonObject, text_of
from digest.html.meta.marked import marked_elements
from digest.html.meta.tags import MetaTags
from digest.html.meta.titled import titled_stamps
from digest.zones import language_offset, written_zone

ZONE_STAMP_KEYS = ("datePublished", "dateModified", "dateCreated", "uploadDate")
ZONE_META_NAMES = ("article:published_time", "article:modified_time", "og:updated_time", "datepublished",
                   "datemodified", "pubdate", "lastmod", "date")
ZONE_TEXT_MAX_CHARS = 120  # a line that states a time with its zone is short
MAX_ZONE_TEXTS = 30  # marked date elements read for a written zone
VISIBLE_TEXT = lxml.etree.XPath("//body//text()[not(ancestor::script or ancestor::style)]")
MAX_ZONE_OFFSET = timedelta(hours=14)  # UTC-12 to UTC+14 are the zones in use
ZONE_STEP = timedelta(minutes=30)  # zones are whole or half hours from UTC (Nepal's :45 is the rare exception)
STAMPED = lxml.etree.XPath("//*[@datetime][not(self::ins or self::del)]")  # a <time>, or any element stamped as one
MACHINE_STAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d")  # "2017-11-03T03:01:00-04:00": a date and a time
DATE_MARKS = ("date", "time", "publish", "posted", "dateline", "updated")
DATE_MARKED = marked_elements(DATE_MARKS)


def stamps(root: HtmlElement, tags: MetaTags, article: JsonObject | None) -> Iterator[datetime | date | None]:
    """Every date the page states, machine stamps first, then short marked lines of text."""
    if article is not None:
        for name in ZONE_STAMP_KEYS:
            yield parse_date(text_of(article.get(name)) or "")
    for name in ZONE_META_NAMES:
        for value in tags.get(name, ()):
            yield parse_date(value)
    for element in STAMPED(root):
        yield parse_date(element.get("datetime") or "")
    yield from (parse_date(value) for value in titled_stamps(root))
    for name, values in tags.items():  # any other tag's stamp ("published_at", "sailthru.date") states the zone too
        if name not in ZONE_META_NAMES:
            yield from (parse_date(value) for value in values if MACHINE_STAMP.match(value))
    for element in DATE_MARKED(root)[:MAX_ZONE_TEXTS]:
        text = " ".join(element.text_content().split())
        if text and len(text) <= ZONE_TEXT_MAX_CHARS:
            found = find_date(text)
            yield found[0] if found else None
            yield zone_stamp(text, found[0] if found else None)


class PageStamps:
    """The page's stamps (`stamps`), read once and replayed: a date's zone may walk them three
    times (same clock, stated offset, implied offset), each walk may stop early, and the marked
    elements' scan is most of a page's metadata time."""

    def __init__(self, root: HtmlElement, tags: MetaTags, article: JsonObject | None) -> None:
        self._unread = stamps(root, tags, article)
        self._read: list[datetime | date | None] = []

    def __iter__(self) -> Iterator[datetime | date | None]:
        index = 0
        while True:
            if index == len(self._read):
                try:
                    self._read.append(next(self._unread))
                except StopIteration:
                    return
            yield self._read[index]
            index += 1


def zone_stamp(text: str, day: datetime | date | None) -> datetime | None:
    """Any instant in the zone a line writes beside a time ("11:26 pm EST"): only its offset is used."""
    zone = written_zone(text, day.date() if isinstance(day, datetime) else day)
    return None if zone is None else datetime(2000, 1, 1, tzinfo=zone)


def page_offset(page_stamps: Iterable[datetime | date | None]) -> timezone | None:
    """The first offset other than UTC that the page states, or None."""
    for stamp in page_stamps:
        offset = stamp.utcoffset() if isinstance(stamp, datetime) else None
        if offset is not None and offset != timedelta(0):
            return timezone(offset)
    return None


def implied_offset(utc_stamp: datetime, page_stamps: Iterable[datetime | date | None]) -> timezone | None:
    """The offset the page implies by writing the UTC stamp's instant as local clock time.

    "2016-12-23T00:47:31Z" in the markup and "Published: Dec. 22, 2016, 6:47 p.m." on the page
    state UTC-6 as surely as a written zone would. The first zone-less time the page states is
    read; it implies an offset only when it lies within a day's zones of the stamp and differs
    from it by whole or half hours (a different event, such as an edit, rarely does).
    """
    stamp = utc_stamp.replace(tzinfo=None, second=0, microsecond=0)
    for other in page_stamps:
        if not isinstance(other, datetime) or other.tzinfo is not None:
            continue
        difference = other.replace(second=0, microsecond=0) - stamp
        if abs(difference) > MAX_ZONE_OFFSET or difference % ZONE_STEP:
            return None
        return timezone(difference)
    return None


def written_in_text(found: datetime, root: HtmlElement) -> bool:
    """Does the page show this clock time as text ("April 28, 2019 at 6:01 am", "à 06h45")? Not when
    it shows the other half of the day: a CMS's "06:00" beside "April 5, 2018 | 6:00 PM" is a 12-hour
    clock that lost its "PM"."""
    hour12 = found.hour % 12 or 12
    half = "[aA]" if found.hour < 12 else "[pP]"
    clock = re.compile(rf"(?<![\d:])(?:0?{found.hour}[:h.]{found.minute:02d}(?![\d])(?!\s*[aApP]\.?\s?[mM](?!\w))"
                       rf"|{hour12}[:.]{found.minute:02d}\s*{half})")
    return any(clock.search(text) for text in VISIBLE_TEXT(root))


def same_clock_zone(found: datetime, page_stamps: Iterable[datetime | date | None],
                    *, local_only: bool = False) -> tzinfo | None:
    """The zone of another stamp that gives the same clock time with its zone: the page's own word
    on what a zone-less stamp means, before any offset found elsewhere on the page. With
    `local_only`, only a zone other than UTC counts: a stamp labelled UTC whose clock time the
    page shows as "2:50PM ET" is a local time mislabelled by its CMS."""
    clock = found.replace(tzinfo=None, second=0, microsecond=0)
    for other in page_stamps:
        if (isinstance(other, datetime) and other.tzinfo is not None
                and not (local_only and other.utcoffset() == timedelta(0))
                and other.replace(tzinfo=None, second=0, microsecond=0) == clock):
            return other.tzinfo
    return None


KANA = re.compile(r"[\u3040-\u30ff]")
HANGUL = re.compile(r"[\uac00-\ud7af]")
HAN = re.compile(r"[\u4e00-\u9fff]")
SCRIPT_MIN_CHARS = 4  # a headline with this many Han characters is written in Chinese or Japanese, not quoting a name


def script_language(headline: str) -> str | None:
    """The language a headline's script tells, among those read in one zone: kana is Japanese,
    Hangul Korean, Han without kana Chinese; None for any other script or too few characters."""
    if KANA.search(headline):
        return "ja"
    if HANGUL.search(headline):
        return "ko"
    return "zh" if len(HAN.findall(headline)) >= SCRIPT_MIN_CHARS else None


def in_page_zone(found: datetime | date, root: HtmlElement, tags: MetaTags,
                 article: JsonObject | None, language: str | None = None) -> datetime | date:
    """A machine stamp in the page's zone: UTC converted to the offset the page states, else
    to the one its local clock time implies, else its language's; a zone-less time given the
    page's offset or its language's, kept as written when the page shows that time as text,
    else cut to its date. The page's offset is looked for only when the stamp needs it (a
    stamp with a local offset is kept)."""
    if not isinstance(found, datetime) or found.utcoffset() not in (None, timedelta(0)):
        return found
    page_stamps = PageStamps(root, tags, article)
    same = same_clock_zone(found, page_stamps, local_only=found.tzinfo is not None)
    if same is not None:  # "2016-12-19 19:19:00" beside <time datetime="2016-12-19 19:19:00 UTC">
        return in_page_zone(found.replace(tzinfo=same), root, tags, article, language)
    offset = page_offset(page_stamps)
    if found.tzinfo is None:
        offset = offset or language_offset(language)
        if offset is not None:
            return found.replace(tzinfo=offset)
        return found if written_in_text(found, root) else found.date()
    offset = offset or implied_offset(found, page_stamps) or language_offset(language)
    return found.astimezone(offset) if offset is not None else found


def written_in_page_zone(found: datetime | date, root: HtmlElement, tags: MetaTags,
                         article: JsonObject | None, language: str | None = None) -> datetime | date:
    """A time the page writes as text, in the zone the page states or its language has; kept as
    written (the page's local time, unlabelled) when neither is known."""
    if not isinstance(found, datetime) or found.tzinfo is not None:
        return found
    offset = page_offset(stamps(root, tags, article)) or language_offset(language)
    return found.replace(tzinfo=offset) if offset is not None else found
