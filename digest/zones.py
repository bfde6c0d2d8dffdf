"""Time zones a text states: a zone written beside a clock time, and the zone a language is read in.

Both the HTML reader (digest.html.meta.zone) and the pasted reader (digest.pasted.published) show a
time in the zone the page states; these are the two ways a text states one without a machine stamp:

    written_zone("Updated Dec. 13, 2016, 6:06 PM UTC")  -> timezone.utc
    written_zone("11:26 pm EST, Tuesday")                -> UTC-5
    language_offset("ja")                                -> UTC+9
"""

from __future__ import annotations

import re
from datetime import date, timedelta, timezone

from digest.dates import TIME, US_ZONES, zone_of

# A clock time and what may follow it, as digest.dates reads a dateline's time; only those with a zone count
CLOCK = re.compile(rf"(?<![\d:.]){TIME}", re.IGNORECASE)
# Languages read in one zone wherever they are written: Japan and Korea UTC+9; China, Taiwan,
# Hong Kong, Macau, Singapore and Malaysia UTC+8
LANGUAGE_OFFSETS = {"ja": timezone(timedelta(hours=9)), "ko": timezone(timedelta(hours=9)),
                    "zh": timezone(timedelta(hours=8))}
# A US zone's family: "EDT" written in August names Eastern time, EST in January
US_FAMILIES = {f"{letter}{kind}T": f"{letter}T" for letter in "ECMP" for kind in "SD"}


def written_zone(text: str, day: date | None = None) -> timezone | None:
    """The zone written beside the first clock time that has one ("6:06 PM UTC", "13.03 MESZ", "07:02 GMT+3";
    "4:23 pm ET" only with `day`, whose US daylight saving time it depends on), or None."""
    for clock in CLOCK.finditer(text):
        zone = zone_of(clock.group("tz"), day)
        if zone is not None:
            return zone
    return None


def written_us_zone(text: str, day: date) -> timezone | None:
    """The US zone family written beside the first clock time that has a US zone ("1:20 p.m. ET",
    "6:13 am PDT"), as its offset on `day`: a page's times on other days name the zone its dateline is in."""
    for clock in CLOCK.finditer(text):
        name = (clock.group("tz") or "").upper()
        family = name if name in US_ZONES else US_FAMILIES.get(name)
        if family is not None:
            return zone_of(family, day)
    return None


def language_offset(language: str | None) -> timezone | None:
    """The zone of a language written in one zone wherever it is read (Japanese, Korean, Chinese)."""
    return LANGUAGE_OFFSETS.get((language or "").split("-")[0].lower())
