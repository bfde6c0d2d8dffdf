"""Does the dateline show the reference's time with its zone, and is it the same time?

Issue 10 asks that every dateline time carries its zone ("11:26 pm UTC-5", "13:03 UTC"): a
bare clock time under a UTC stamp misleads a reader. Scored only where the reference states a
time (not a bare day, not midnight, which is how a day-only stamp is written as a time; nor, where
our value is a day, a whole hour that is that day's midnight in some zone: Mercury's "15:00:00Z" is
a Japanese page's day, not a time it shows):

  zoned    our `published` is a datetime with an offset, so the dateline prints a time and its zone
  matches  of the zoned ones, the same minute as the reference: the same instant when the reference
           has an offset, else the same clock time (a reference without an offset is the page's
           local time or a UTC one, so our clock is read in our zone and in UTC). Mercury turns a
           page's local time into UTC with a zone of its own guessing (the dataset's README), so a
           few of its instants are off by that guess: a floor, not an exact figure.

A paste can show only the time it writes, and most write it without a zone ("December 16, 2016,
4:19 PM"): a dateline then shows it as written. So pastes have two more figures, on the pastes that
write the reference's time (`writes_time`: a clock time of its minute, in any zone, or its own clock
when the reference has no offset):
  written  the paste writes the reference's time
  shown    the dateline shows it: zoned, the same instant; unzoned, a clock that is the reference's
           in some zone in use (the page's local time, as written)
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone

from bench.scoring.page import date_visible_in

REFERENCE_TIME = re.compile(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d")
EARLIEST_ZONE, LATEST_ZONE = timedelta(hours=-12), timedelta(hours=14)  # the zones in use


def reference_time(raw: str | None) -> datetime | None:
    """The reference's time (naive when it gives no offset), or None when it gives only a day or midnight."""
    if not raw or not REFERENCE_TIME.match(raw.strip()):
        return None
    text = raw.strip().replace("Z", "+00:00")
    text = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", text)  # "+0100" -> "+01:00"
    try:
        found = datetime.fromisoformat(text)
    except ValueError:
        return None
    return None if (found.hour, found.minute, found.second) == (0, 0, 0) else found


def midnight_somewhere(reference: datetime, day: date) -> bool:
    """Is the reference a whole hour that is `day`'s midnight in a zone in use (a day-only stamp made an instant)?"""
    if reference.tzinfo is None or (reference.minute, reference.second) != (0, 0):
        return False
    offset = datetime.combine(day, time(), timezone.utc) - reference  # the zone in which it is midnight
    return EARLIEST_ZONE <= offset <= LATEST_ZONE


def _minute(value: datetime) -> datetime:
    return value.replace(second=0, microsecond=0)


def same_time(reference: datetime, ours: datetime) -> bool:
    """Same instant (to the minute); a reference without an offset: its clock time, read in our zone or in UTC."""
    if reference.tzinfo is not None:
        return _minute(reference) == _minute(ours)
    clocks = {_minute(ours.replace(tzinfo=None)), _minute(ours.astimezone(timezone.utc).replace(tzinfo=None))}
    return _minute(reference) in clocks


def dateline_time(raw_reference: str | None, published: datetime | date | None) -> tuple[bool | None, bool | None]:
    """(zoned, matches) as the module docstring says; (None, None) where the reference states no time,
    matches None where the dateline shows no zoned time."""
    reference = reference_time(raw_reference)
    if reference is None or (type(published) is date and midnight_somewhere(reference, published)):
        return None, None
    zoned = isinstance(published, datetime) and published.utcoffset() is not None
    if not zoned:
        return False, None
    assert isinstance(published, datetime)  # for the type checker: `zoned` says so
    return True, same_time(reference, published)


# "4:19 PM", "13h59", "09時18分", "07.11 Uhr" (a dot only before "am", "Uhr" or a zone: "$11.29" is a price)
CLOCK = re.compile(r"(?<![\d:.$€£])(?P<hour>[0-2]?\d)\s?(?:[:h時]|\.(?=\d\d\s*(?:[ap]\.?m|Uhr|[A-Z]{2,4}\b)))\s?"
                   r"(?P<minute>[0-5]\d)(?!\d)\s*(?P<half>[ap]\.?\s?m\.?)?", re.IGNORECASE)
ZONE_STEP_MINUTES = 30  # zones are whole or half hours from UTC


def _clock_minutes(match: re.Match[str]) -> int | None:
    hour, minute, half = int(match.group("hour")), int(match.group("minute")), match.group("half")
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.lower().startswith("p") else 0)
    return hour * 60 + minute if hour < 24 else None


def writes_time(raw_reference: str | None, text: str) -> bool | None:
    """Does the text write the reference's time beside its day: its clock when the reference has no offset,
    else a clock time that is its instant in some zone (the same minute, or half an hour off), on a line
    that writes the day (or a day either side: a zone may cross midnight) or next to one? None where the
    reference states no time. Days are read by digest.dates, as bench.scoring.page.date_visible_in does."""
    reference = reference_time(raw_reference)
    if reference is None:
        return None
    local = reference.tzinfo is None
    clock = reference if local else reference.astimezone(timezone.utc)
    wanted = clock.hour * 60 + clock.minute
    days = {(reference.date() + timedelta(days=step)).isoformat() for step in (-1, 0, 1)}
    lines = text.splitlines()
    for number, line in enumerate(lines):
        for match in CLOCK.finditer(line):
            minutes = _clock_minutes(match)
            if minutes is None or (minutes != wanted if local else (minutes - wanted) % ZONE_STEP_MINUTES):
                continue
            if date_visible_in(days, "\n".join(lines[max(0, number - 1):number + 2])):
                return True
    return False


def shows_time(raw_reference: str | None, published: datetime | date | None) -> bool | None:
    """Does the dateline show the reference's time: zoned, the same instant; unzoned, a clock time that is
    the reference's instant in a zone in use (the paste's local time, as written)? None where the
    reference states no time."""
    reference = reference_time(raw_reference)
    if reference is None:
        return None
    if not isinstance(published, datetime):
        return False
    if published.utcoffset() is not None or reference.tzinfo is None:
        return same_time(reference, published)
    difference = _minute(published) - _minute(reference.astimezone(timezone.utc).replace(tzinfo=None))
    return EARLIEST_ZONE <= difference <= LATEST_ZONE and difference % timedelta(minutes=ZONE_STEP_MINUTES) == timedelta(0)
