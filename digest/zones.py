"""Time zones a text states: a zone written beside a clock time, and the zone a language is read in.

Both the HTML reader (digest.html.meta.zone) and the pasted reader (digest.pasted.published) show a
time in the zone the page states; these are the ways a text states one without a machine stamp:

    written_zone("Updated Dec. 13, 2016, 6:06 PM UTC")  -> timezone.utc
    written_zone("11:26 pm EST, Tuesday")                -> UTC-5
    written_zone("7 mai 2019 à 13h59, heure de Paris", date(2019, 5, 7))  -> UTC+2 (Paris in summer)
    written_zone("北京时间2019年3月1日 13:16")            -> UTC+8
    stated_zone("All times are Eastern", date(2019, 1, 7))  -> UTC-5 (a page's word for all its times)
    language_offset("ja")                                -> UTC+9

A zone is named by an abbreviation (digest.dates reads those with the time: "EST", "MESZ", "GMT+8"), by
words after the time ("Eastern", "heure de Paris", "hora peninsular", "по московскому времени") or by
words before it, as Chinese, Japanese and Korean pages write it ("北京时间", "日本時間", "한국시간").
Zones with summer time take the offset in force on the day: the US rules (digest.dates.us_daylight_time)
or the European Union's (`eu_summer_time`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta, timezone

from digest.dates import TIME, US_ZONES, _nth_sunday, zone_of
from digest.summary.screen import Screened

# A clock time and what may follow it, as digest.dates reads a dateline's time; only those with a zone count
CLOCK = re.compile(rf"(?<![\d:.]){TIME}", re.IGNORECASE)
# Languages read in one zone wherever they are written: Japan and Korea UTC+9; China, Taiwan,
# Hong Kong, Macau, Singapore and Malaysia UTC+8
LANGUAGE_OFFSETS = {"ja": timezone(timedelta(hours=9)), "ko": timezone(timedelta(hours=9)),
                    "zh": timezone(timedelta(hours=8))}
# A zone in words: ("us", "ET") a US family, ("eu", hours) a European standard offset with the EU's summer
# time, ("fixed", hours) an offset kept all year.
Rule = tuple[str, object]
# A US zone's family: "EDT" written in August names Eastern time, EST in January
US_FAMILIES = {f"{letter}{kind}T": f"{letter}T" for letter in "ECMP" for kind in "SD"}

# Written after the time ("7:05 AM Eastern", "13h59 (heure de Paris)", "10:15 по московскому времени")
ZONE_WORDS_AFTER: tuple[tuple[str, Rule], ...] = (
    (r"central european (?:summer |standard )?time|heure (?:de paris|française|francaise|de bruxelles|suisse)|"
     r"hora (?:peninsular|de madrid|española|espanola)|ora (?:italiana|di roma)|deutscher zeit|czasu polskiego|"
     r"(?:paris|berlin|madrid|rome|brussels|amsterdam|vienna|european) time", ("eu", 1)),
    (r"(?:uk|london|british) time|heure de londres|british summer time|hora de lisboa|hora portuguesa", ("eu", 0)),
    (r"за київським часом|по киевскому времени|(?:kyiv|kiev|athens|helsinki) time|eastern european (?:summer )?time",
     ("eu", 2)),
    (r"greenwich mean time|coordinated universal time", ("fixed", 0)),
    (r"по московскому времени|по москве|мск|moscow time", ("fixed", 3)),
    (r"(?:beijing|china|hong kong|singapore|taipei|taiwan) time|china standard time", ("fixed", 8)),
    (r"(?:japan|tokyo|korea|seoul) time|(?:japan|korea) standard time", ("fixed", 9)),
    (r"indian standard time|india time", ("fixed", 5.5)),
    (r"(?:eastern|new york)(?: (?:standard|daylight))?(?: time)?|heure (?:de l['’]est|de montréal|de montreal|du québec|du quebec)|"
     r"hora del este", ("us", "ET")),
    (r"central(?: (?:standard|daylight))?(?: time)?|heure du centre|hora del centro", ("us", "CT")),
    (r"mountain(?: (?:standard|daylight))?(?: time)?|heure des rocheuses", ("us", "MT")),
    (r"pacific(?: (?:standard|daylight))?(?: time)?|heure du pacifique|hora del pacífico|hora del pacifico", ("us", "PT")),
    (r"hne", ("fixed", -5)), (r"hae", ("fixed", -4)),  # heure normale / avancée de l'Est (Québec)
)
# Written before the date or the time ("北京时间3月1日13:16", "日本時間2019年3月2日 9:18")
ZONE_WORDS_BEFORE: tuple[tuple[str, Rule], ...] = (
    (r"北京时间|北京時間|台北时间|台北時間|香港时间|香港時間", ("fixed", 8)),
    (r"日本時間|日本时间|한국\s?시간|서울\s?시간", ("fixed", 9)),
)
ZONE_AFTER_REACH = 4  # "13h59 (heure de Paris)", "7:05 AM, Eastern": a bracket, a comma and spaces between
ZONE_BEFORE_REACH = 24  # "北京时间2019年3月1日 13:16": the words before the date that the time follows
AFTER_NAMES = "|".join(f"(?P<after{number}>{words})" for number, (words, _) in enumerate(ZONE_WORDS_AFTER))
WORDS_AFTER = re.compile(rf"[\s,(]{{0,{ZONE_AFTER_REACH}}}(?:{AFTER_NAMES})(?!\w)", re.IGNORECASE)
WORDS_ANYWHERE = re.compile(rf"(?<!\w)(?:{AFTER_NAMES})(?!\w)", re.IGNORECASE)
WORDS_BEFORE = re.compile("|".join(f"(?P<before{number}>{words})" for number, (words, _)
                                   in enumerate(ZONE_WORDS_BEFORE)))
# A page's word for all its times ("All times are ET", "All times Eastern", "Times shown in GMT",
# "Alle Zeitangaben in MEZ", "Toutes les heures sont en heure de Paris", "所有时间均为北京时间"); behind a screen
# for its phrases: asked of every short line of a dated paste, it opens on no literal and would be tried at every
# character, and most lines hold none of its words
PAGE_ZONE = Screened(re.compile(
    r"(?:\ball times?|\btimes? (?:are|shown|listed|given)|\bzeitangaben|\buhrzeiten|\btoutes les heures|"
    r"\bles heures (?:sont|indiquées)|\btodas las horas|\btutti gli orari|所有时间|全ての時間|すべての時刻)"
    r"(?P<rest>[^.\n]{0,30})", re.IGNORECASE))
# A European zone's family: a page's "Alle Zeitangaben in MEZ" names Central European time, summer time too
EU_FAMILIES: dict[str, Rule] = {"CET": ("eu", 1), "CEST": ("eu", 1), "MEZ": ("eu", 1), "MESZ": ("eu", 1),
                                "EET": ("eu", 2), "EEST": ("eu", 2)}
STATEMENT_END = re.compile(r"\s*(?:time\b)?\s*(?:[.,;:)|]|$)", re.IGNORECASE)  # "All times are Eastern time."
ZONE_ABBREVIATION = re.compile(r"(?<!\w)(?:(?:UTC|GMT)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[A-ZМСК]{2,5})(?!\w)")


def eu_summer_time(day: date) -> bool:
    """Is the European Union's summer time in force on this day? From the last Sunday of March to the
    last Sunday of October (the rule since 1996)."""
    return _nth_sunday(day.year, 3, -1) <= day < _nth_sunday(day.year, 10, -1)


def _zone_by_rule(rule: Rule, day: date | None) -> timezone | None:
    kind, value = rule
    if kind == "us":
        return zone_of(str(value), day)  # None without a day: its offset depends on it
    if kind == "eu":
        if day is None:
            return None
        return timezone(timedelta(hours=float(value) + eu_summer_time(day)))  # type: ignore[arg-type]
    return timezone(timedelta(hours=float(value)))  # type: ignore[arg-type]


def _named(match: re.Match[str], rules: tuple[tuple[str, Rule], ...], prefix: str, day: date | None) -> timezone | None:
    for number, (_, rule) in enumerate(rules):
        if match.group(f"{prefix}{number}"):
            return _zone_by_rule(rule, day)
    return None


def written_zone(text: str, day: date | None = None) -> timezone | None:
    """The zone written beside the first clock time that has one ("6:06 PM UTC", "13.03 MESZ", "07:02 GMT+3",
    "13h59 (heure de Paris)", "北京时间 13:16"; "4:23 pm ET" and a zone with summer time only with `day`,
    whose offset it depends on), or None."""
    for clock in CLOCK.finditer(text):
        zone = zone_of(clock.group("tz"), day)
        if zone is None and (words := WORDS_AFTER.match(text, clock.end())):
            zone = _named(words, ZONE_WORDS_AFTER, "after", day)
        if zone is None and (words := WORDS_BEFORE.search(text, max(0, clock.start() - ZONE_BEFORE_REACH),
                                                          clock.start())):
            zone = _named(words, ZONE_WORDS_BEFORE, "before", day)
        if zone is not None:
            return zone
    return None


def stated_zone(text: str, day: date) -> timezone | None:
    """The zone a line states for all the page's times ("All times are ET", "Alle Zeitangaben in MEZ"), on `day`.
    The zone ends the statement ("at all times Pacific Gas and Electric ..." states none)."""
    statement = PAGE_ZONE.search(text)
    if statement is None:
        return None
    rest = statement.group("rest")
    abbreviation = ZONE_ABBREVIATION.search(rest)
    if abbreviation is not None and STATEMENT_END.match(rest, abbreviation.end()):
        name = abbreviation.group(0)
        if name.upper() in EU_FAMILIES:
            return _zone_by_rule(EU_FAMILIES[name.upper()], day)
        if (zone := zone_of(US_FAMILIES.get(name.upper(), name), day)) is not None:
            return zone
    named = WORDS_ANYWHERE.search(rest)  # "are Eastern", "en heure de Paris"
    if named is not None and STATEMENT_END.match(rest, named.end()):
        return _named(named, ZONE_WORDS_AFTER, "after", day)
    before = WORDS_BEFORE.search(rest)
    return _named(before, ZONE_WORDS_BEFORE, "before", day) if before is not None else None


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
