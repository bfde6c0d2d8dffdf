"""The publication date of a pasted page by rules, read around its headline.

A dateline stands near the headline (kicker, date, headline; or byline and date under it); a date in a
sentence is what the article talks about, read only when no dateline stands near; a date a label or a cue
announces as an update or an expiry is not the publication's. The fitted date model
(`digest.pasted.date_model`) weighs this rule's pick among its features.
A time is kept as written (on the dateline, or alone on the line under a date that has none: "October 11, 2022"
over "15:11", `date_model.with_clock_below`), with the zone written beside it ("7:05 AM EST", "13h59, heure de Paris",
"北京时间 13:16": digest.zones); a time written without one takes the zone the paste writes beside another
of that day's times ("Updated ... 6:06 PM UTC"), else the one a line states for all its times ("All times
are ET"), else the US zone family written beside another day's time, else its language's (Japanese, Korean,
Chinese: `in_stated_zone`), else stays the page's local time, unlabelled.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from digest.dates import find_date
from digest.memo import by_text
from digest.pasted.blocks import has_date, is_byline, is_dateline, is_markup, looks_like_prose
from digest.pasted.junk import is_copyright, is_icon_labels, is_notice
from digest.pasted.date_model import MAX_DATES_PER_LINE, PRINT_ISSUE, with_clock_below
from digest.pasted.lines import Line
from digest.pasted.headline import is_wiki_entry
from digest.summary.screen import Screened
from digest.zones import language_offset, stated_zone, written_us_zone, written_zone

DATE_BEFORE_HEADLINE = 3  # a dateline may stand just above the headline (kicker, date, headline)
DATE_INTO_ARTICLE = 3  # or in the first lines of the article run (byline, date)
LABEL_MAX_WORDS = 3  # "Last updated:" on a line of its own labels the date under it
HEADER_INTO_ARTICLE = 8  # a line that is only a byline or a date may stand further in, before the lead
STATEMENT_MAX_CHARS = 200  # "All times are Eastern." stands in a short line of its own (a note, a footer)
LIST_RUN = 3  # this many dated lines in a row: a list of dated links, not a dateline
NOT_PUBLISHED_CUE = Screened(re.compile(  # "Updated Jul 24, 2018", "Expires: 18 June 2015": another date than the publication's
    r"\b(?:(?:last )?updated|modified|edited|expires?|expiry|valid until|mis à jour|modifié|aktualisiert|geändert|"
    r"actualizado|atualizado|aggiornato|modificato|обновлено|изменено|aktualizováno|zaktualizowano)\b\s*(?:on|am|le|el|em|il)?"
    r"\s*:?\s*$",
    re.IGNORECASE,
))
PUBLISHED_CUE = Screened(re.compile(  # (no "updated": "We've updated our Privacy Policy ... September 1, 2022" is no dateline)
    r"\b(?:published|posted|first published|publié|veröffentlicht|publicado|pubblicato|опубликовано|publikováno|"
    r"opublikowano|datepublished)\b",  # schema.org's "datePublished" key, as the date model's cue reads it
    re.IGNORECASE,
))


def is_boilerplate(line: Line) -> bool:
    """Icon labels, markup, copyright and notices: their dates are not the article's."""
    return is_icon_labels(line) or is_markup(line) or is_copyright(line) or is_notice(line)


def publication_date(text: str, day_first: bool | None, *, earliest: bool = False) -> datetime | date | None:
    """The first date in the line that no cue right before it announces as an update or an expiry
    ("By Alissa Wilkinson Updated Jul 24, 2018" has none; "Expires: 18 June 2015   15 December 2014" has
    the second) and that names no print issue ("December 5, 2016 Issue"). With `earliest` (a dateline, not a
    sentence), the earliest day it writes: a page is published before it is updated, and a byline that
    writes both with no word between ("December 10, 2021April 9, 2019 by ...") puts either first."""
    position, found = 0, []
    while len(found) < MAX_DATES_PER_LINE and (hit := find_date(text[position:], day_first=day_first)) is not None:
        value, begin, end = hit
        if not NOT_PUBLISHED_CUE.search(text[position:position + begin]) and not PRINT_ISSUE.match(text, position + end):
            found.append(value)
            if not earliest:
                break
        position += end
    if not found:
        return None
    return min(found, key=day) if earliest else found[0]


def day(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def labelled_update(lines: list[Line], line: Line) -> bool:
    """The line under a label of its own that announces an update or an expiry ("Updated:" / "Mar 6, 2018")."""
    above = lines[line.index - 1] if line.index > 0 else None
    return (above is not None and above.words <= LABEL_MAX_WORDS and not has_date(above)
            and NOT_PUBLISHED_CUE.search(above.text) is not None)


def in_dated_list(lines: list[Line], line: Line) -> bool:
    """A line in a run of three or more dated lines ("Related" links, each with its date): its date is another
    page's. (A header's labelled dates, "Updated:" / date / "Original:" / date, stand a line apart.)"""
    run = [line.index]
    for step in (-1, 1):
        other = line.index + step
        while 0 <= other < len(lines) and has_date(lines[other]) and len(run) < LIST_RUN:
            run.append(other)
            other += step
    return len(run) >= LIST_RUN


def find_published(lines: list[Line], headline: Line | None, start: int, *,
                   day_first: bool | None = None) -> datetime | date | None:
    """A date near the headline (a dateline's before a sentence's: a caption's or the lead's date is what
    the article talks about, read only when no dateline stands near); else one a line announces
    ("Published ..."); else none. A date announced as an update or an expiry, in its line or by a label
    over it, is not the publication's (`publication_date`, `labelled_update`). `day_first` orders slashed
    dates (digest.dates.find_date). A wiki's entry has none: the dates around its title are the subject's
    (an infobox's "Founded February 28, 1998"), not the page's."""
    if headline is not None and is_wiki_entry(lines, headline):
        return None
    anchor = headline.index if headline is not None else start
    near, in_prose = [], []
    for line in lines[max(0, anchor - DATE_BEFORE_HEADLINE):start + DATE_INTO_ARTICLE]:
        if not has_date(line) or is_boilerplate(line) or labelled_update(lines, line) or in_dated_list(lines, line):
            continue  # a date inside junk or a list of dated links may confirm, never decide
        prose = looks_like_prose(line)
        found = publication_date(line.text, day_first, earliest=not prose)
        if found and not prose:
            found = with_clock_below(lines, line, found, day_first)
        if found:
            (in_prose if prose else near).append((abs(line.index - anchor), line.index < anchor, found))
    if near:
        return min(near, key=lambda item: item[:2])[2]
    for line in lines[start:start + HEADER_INTO_ARTICLE]:  # a byline's dateline under the deck and the picture
        if (is_dateline(line) or is_byline(line)) and not is_boilerplate(line) and not labelled_update(lines, line):
            found = publication_date(line.text, day_first, earliest=True)
            if found:
                return with_clock_below(lines, line, found, day_first)
    if in_prose:  # a sentence's date (a caption's, the lead's) only when no dateline stands near
        return min(in_prose, key=lambda item: item[:2])[2]
    for line in lines:
        if announces_publication(line.text):
            found = publication_date(line.text, day_first)
            if found:
                return found
    return None


@by_text(16384)
def announces_publication(text: str) -> bool:
    """PUBLISHED_CUE by text, cached: a paste with no dateline near its headline has every line searched."""
    return PUBLISHED_CUE.search(text) is not None


def in_stated_zone(found: datetime | date | None, lines: list[Line], language: str | None) -> datetime | date | None:
    """A time written without a zone, in the zone the paste states: the one a dated line (not a sentence)
    writes beside a time of the same day ("12:31 PM" under "Updated Dec. 13, 2016, 6:06 PM UTC"), else
    the one a short line states for all the page's times ("All times are Eastern"), else the US zone one
    writes beside another day's time ("Price as of August 10, 2022, 1:20 p.m. ET": Eastern, EST on a January
    dateline), else the zone its language is read in; as written when the paste states none."""
    if not isinstance(found, datetime) or found.tzinfo is not None:
        return found
    for line in lines:
        if not has_date(line) or looks_like_prose(line):
            continue
        dated = find_date(line.text)
        if dated is not None and isinstance(dated[0], datetime) and dated[0].date() == found.date():
            zone = written_zone(line.text, found.date())
            if zone is not None:
                return found.replace(tzinfo=zone)
    for line in lines:  # a line stating the zone of all the page's times ("All times are ET")
        if len(line.text) <= STATEMENT_MAX_CHARS and (zone := stated_zone(line.text, found.date())):
            return found.replace(tzinfo=zone)
    for line in lines:  # a US zone beside another day's time names the page's zone: its offset on this day
        if has_date(line) and not looks_like_prose(line) and (zone := written_us_zone(line.text, found.date())):
            return found.replace(tzinfo=zone)
    zone = language_offset(language)
    return found.replace(tzinfo=zone) if zone is not None else found
