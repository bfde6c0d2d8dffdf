"""Dates written in text, in the languages our pages come in (a dateline's place: digest.places).

    parse_date("7 Apr, 2022 07:02")         -> datetime(2022, 4, 7, 7, 2)
    parse_date("7 апреля 2022")              -> date(2022, 4, 7)
    find_date("Le Monde | 04.05.2015 à 13h36 ...") -> (datetime(2015, 5, 4, 13, 36), 11, 29)

Named, precompiled regular expressions instead of dateparser: a page is scanned in
microseconds, and every accepted shape is listed here. A datetime is returned when the text
gives a time (naive, as written; a written UTC offset is kept), else a date. Impossible dates
(31.02.2022) are rejected, never clamped.

Numeric order, decided once:
  dd.mm.yyyy, dd-mm-yyyy   day first (the dotted form is European everywhere it is used); a dashed
                           date that is real only month first ("12-15-2016", US) is read so
  yyyy-mm-dd, yyyy/mm/dd, yyyy.mm.dd   year, month, day (ISO order; the dotted one is East Asian)
  a/b/yyyy                 by default (day_first=None) month first (US) unless a > 12, then day
                           first: the unambiguous ones read right either way.
  a/b/yy hh:mm             the same, 20yy, only with a clock time after it (Kinja's "9/11/13 10:00AM").

Slashed dates are the one ambiguous shape, and only the caller knows the page's conventions:
`parse_date(text, day_first=True)` and `find_date(text, day_first=True)` read a/b/yyyy as day/month
("07/04/2022" -> 7 April 2022), `day_first=False` as month/day ("07/04/2022" -> 4 July 2022); a
forced order that gives no real date gives None ("25/12/2022" with day_first=False), never the
other reading.
The pasted reader forces day first for every language but English (see digest.pasted.reader).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

YEAR_MIN, YEAR_MAX = 1900, 2099
MONTHS_IN_YEAR = 12
CENTURY = 2000  # a two-digit year ("9/11/13 10:00AM") is this century's  # a four-digit number outside this is not a publication year

# Month names, lower case, every form a page writes: full, short, and the grammatical
# cases of the languages that inflect them (ru, uk, pl, cs).
MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro",
        "januari", "stycznia", "styczeń", "styczen", "ledna", "leden", "січня", "студзеня",
        "январь", "января", "январе", "январём", "январем", "январю", "янв"),
    2: ("february", "feb", "februar", "février", "fevrier", "févr", "fevr", "fév", "febrero", "febbraio",
        "fevereiro", "fev", "februari", "lutego", "luty", "února", "únor", "unora", "лютого",
        "февраль", "февраля", "феврале", "февралём", "февралем", "февралю", "фев", "февр"),
    3: ("march", "mar", "märz", "maerz", "mär", "mars", "marzo", "março", "marco", "maart", "mrt", "marca",
        "marzec", "března", "březen", "brezna", "березня",
        "март", "марта", "марте", "мартом", "марту", "мар"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień", "kwiecien",
        "dubna", "duben", "квітня", "апрель", "апреля", "апреле", "апрелем", "апрелю", "апр"),
    5: ("may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maja", "maj", "května", "květen", "kvetna",
        "травня", "май", "мая", "мае", "маем", "маю"),
    6: ("june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwca", "czerwiec",
        "června", "červen", "cervna", "червня", "июнь", "июня", "июне", "июнем", "июню", "июн"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipca", "lipiec",
        "července", "červenec", "cervence", "липня", "июль", "июля", "июле", "июлем", "июлю", "июл"),
    8: ("august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpnia", "sierpień", "sierpien",
        "srpna", "srpen", "серпня", "август", "августа", "августе", "августом", "августу", "авг"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro",
        "września", "wrzesień", "wrzesnia", "září", "zari", "вересня",
        "сентябрь", "сентября", "сентябре", "сентябрём", "сентябрем", "сентябрю", "сен", "сент"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out",
         "października", "październik", "pazdziernika", "října", "říjen", "rijna", "жовтня",
         "октябрь", "октября", "октябре", "октябрём", "октябрем", "октябрю", "окт"),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad", "listopadu",
         "листопада", "ноябрь", "ноября", "ноябре", "ноябрём", "ноябрем", "ноябрю", "ноя", "нояб"),
    12: ("december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic",
         "dicembre", "dezembro", "grudnia", "grudzień", "grudzien", "prosince", "prosinec", "грудня",
         "декабрь", "декабря", "декабре", "декабрём", "декабрем", "декабрю", "дек"),
}
MONTHS = {name: number for number, names in MONTH_NAMES.items() for name in names}

WEEKDAY_NAMES = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "mo", "di", "mi", "do", "fr", "sa", "so",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo",
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
    "пн", "вт", "ср", "чт", "пт", "сб", "вс",
)


def alternation(words: object) -> str:
    """Longest first, so "september" wins over "sep"."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))  # type: ignore[call-overload]


# Any word stands where a month name may; `_build` keeps it only if MONTHS knows it. (A letters
# run is matched far faster than an alternation of three hundred names at every position.)
MONTH = r"(?P<month>[^\W\d_]{3,12}\.?)(?!\w)"
LEADING_WEEKDAY = re.compile(rf"^(?:{alternation(WEEKDAY_NAMES)})\.?,?\s+", re.IGNORECASE)
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|°|\.)?"
YEAR = r"(?P<year>\d{4})(?:\s*(?:г\.|года|г(?!\w)|r\.))?"
# Zone abbreviations with one meaning in news pages, in hours. "IST" is also Irish and Israeli time, but
# the pages that write it after a clock time are Indian ("Oct 9, 2019, 11:05 IST").
# Those in CAPITAL_ZONES count only in capitals: "um 10:30 ist" is German for "is".
CAPITAL_ZONES = {"JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "IST": 5.5, "PKT": 5, "WIB": 7,
                 "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13}
ZONE_OFFSETS: dict[str, float] = {
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "BST": 1, "CET": 1, "CEST": 2, "MEZ": 1, "MESZ": 2, "EET": 2, "EEST": 3, "MSK": 3, "МСК": 3, **CAPITAL_ZONES}
# US zones named without standard or daylight ("4:23 pm ET"): the standard offset, an hour more
# on a day of US daylight saving time. Only in capitals, as CAPITAL_ZONES: "à 07:19 et plus" is French for "and".
US_ZONES = {"ET": -5, "CT": -6, "MT": -7, "PT": -8}
ZONE_NAMES = tuple(name for name in ZONE_OFFSETS if name not in CAPITAL_ZONES)
# a zone name after a clock time, in a pattern compiled to ignore case
ZONE_NAME = rf"(?:{alternation(ZONE_NAMES)}|(?-i:{alternation((*CAPITAL_ZONES, *US_ZONES))}))"
# The morning and afternoon words of Japanese, Chinese and Korean clocks ("午後1時16分", "下午3:16", "오후 3:16")
CJK_AM, CJK_PM = ("午前", "上午", "오전"), ("午後", "下午", "오후")
CJK_HALVES = "|".join((*CJK_AM, *CJK_PM))
# "2:00 PM", "7 p.m."; innerText may glue a capitalised word to a capital "PM" ("2:00 PMTags", as a zone is glued)
AMPM = r"[ap]\.?\s?m\.?(?:(?!\w)|(?-i:(?<=[AP]M)(?=[A-Z][a-z])))"
# A clock time: 07:02, 07:02:00, 7h02, 13h36, 7:02 p.m., 5 pm; optional "Uhr"/"h" and a zone.
TIME = (
    rf"(?P<hour>[0-2]?\d)(?:(?:[:h]|\.(?=[0-5]\d\s*(?:{AMPM}|Uhr|[A-Z]{{2,4}}\b)))"  # "07.02 Uhr", "02.00 EST"
    rf"(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d)(?:[.,]\d+)?)?(?:\s*(?P<ampm>{AMPM}))?"
    rf"|\s*(?P<ampm2>{AMPM}))(?:\s*(?:Uhr|h|ч\.?)(?!\w))?"
    rf"(?:\s*\(?(?P<tz>Z|(?:UTC|GMT)(?:\s*[+-]\d{{1,2}}(?::?\d{{2}})?)?|[+-]\d{{2}}:?\d{{2}}|"
    rf"{ZONE_NAME})\)?(?:(?![\w:])|(?-i:(?=[A-Z][a-z]))))?"  # "... 10:32 AM ESTUpdated ...": glued; "at 13:18 (UTC)"
)
# What may stand between a date and its time: "7 April 2022, 07:02", "November 29, 2016: 3:33 AM ET", "07.04.2022 um 07:02 Uhr",
# "04.05.2015 à 13h36", "7 de abril de 2022 às 07h02", "7 апреля 2022 в 10:15".
TIME_JOINER = r"(?:\s*[,|•·:]?\s*(?:(?:at|um|à|a|às|as|a\s+las|a\s+la|alle|alle\s+ore|ore|в|om|o|kl\.|godz\.|-|–|—|/)\s*)?)"
TIME_AFTER = rf"(?:{TIME_JOINER}(?<![\d:]){TIME})?"
# "Nov 19 20197:05 AM EST": innerText glues a year to the clock time after it (only in the written-month
# shapes, where a year of four digits and a clock of one or two leave no doubt)
YEAR_OR_GLUED = rf"{YEAR}(?:(?!\d)|(?=[0-2]?\d[:h][0-5]\d(?!\d)))"  # "20197:05 AM", "202213h36" (French, Spanish)
TIME_AFTER_YEAR = rf"(?:(?:(?<=\d)|{TIME_JOINER}(?<![\d:])){TIME})?"

GLUED = r"(?-i:(?<=[a-z])(?=[A-Z][a-z]))"  # "Associated PressDecember 2, 2016": innerText glues a byline to its date
NUMBER_START = r"(?<![\w.:/-])"
# A year-first date may follow a word with no space: innerText glues a byline in a script without
# spaces ("谢若含2017-03-01") or an icon's name ("access_time2019/04/21") to it. Four digits and two
# separators leave no doubt, so a letter before the year is allowed (a digit, "_" or a separator is not).
YEAR_FIRST_START = r"(?<![\d_.:/-])"
NUMBER_END = r"(?![\w]|[.:/-]\d)"
DATE_SHAPES = {
    "iso": (
        rf"{YEAR_FIRST_START}(?P<year>\d{{4}})-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)"
        r"(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d)(?:\.\d+)?)?"
        r"(?P<tz>Z|\s?(?:UTC|GMT)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?|\s?[+-]\d{1,2}:?\d{2})?)?(?![\w:])"  # "2016-12-19 19:19:00 UTC", "T10:15-500" too,
        # Ruby's and Jekyll's "2016-10-13 17:00:00 -0400"
    ),
    "year_first": rf"{YEAR_FIRST_START}(?P<year>\d{{4}})/(?P<month>[01]?\d)/(?P<day>[0-3]?\d){NUMBER_END}{TIME_AFTER}",
    # "2019.03.08": year first with dots, as Japanese, Chinese and Korean pages write it
    "year_dotted": rf"{YEAR_FIRST_START}(?P<year>\d{{4}})\.(?P<month>[01]?\d)\.(?P<day>[0-3]?\d){NUMBER_END}{TIME_AFTER}",
    "dotted": rf"{NUMBER_START}(?P<day>[0-3]?\d)\.\s?(?P<month>[01]?\d)\.\s?(?P<year>\d{{4}}){NUMBER_END}{TIME_AFTER}",
    "dashed": rf"{NUMBER_START}(?P<day>[0-3]?\d)-(?P<month>[01]?\d)-(?P<year>\d{{4}}){NUMBER_END}{TIME_AFTER}",
    "slashed": rf"{NUMBER_START}(?P<first>[0-3]?\d)/(?P<second_>[0-3]?\d)/(?P<year>\d{{4}}){NUMBER_END}{TIME_AFTER}",
    # "9/11/13 10:00AM": a two-digit year only with the clock time after it (a bare "9/11/13" may be anything)
    "slashed_yy": rf"{NUMBER_START}(?P<first>[0-3]?\d)/(?P<second_>[0-3]?\d)/(?P<yy>\d{{2}})\s+(?=[0-2]?\d[:h]\d\d){TIME}",
    "day_month": (
        rf"(?<!\w){DAY}(?:\s+de|\s+del)?(?:\s+|-|(?<=\.)){MONTH}[,.]?(?:\s+de|\s+del)?(?:\s+|-|(?<=\.)){YEAR_OR_GLUED}"
        rf"{TIME_AFTER_YEAR}"
    ),
    "month_day": rf"(?:(?<!\w)|{GLUED}){MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{YEAR_OR_GLUED}{TIME_AFTER_YEAR}",
    # "Mon Aug 03 12:45:00 EDT 2015": Java's Date.toString and Unix `date`, as Java CMSs stamp their meta tags
    "month_day_clock_year": (
        rf"(?<!\w){MONTH}\s+(?P<day>[0-3]?\d)\s+(?P<hour>[0-2]\d):(?P<minute>[0-5]\d):(?P<second>[0-5]\d)"
        rf"(?:\s+(?P<tz>(?:UTC|GMT)(?:[+-]\d{{2}}:?\d{{2}})?|[+-]\d{{4}}|{ZONE_NAME}))?\s+{YEAR}(?!\d)"
    ),
    # "2019年3月1日 13時16分", "2019年3月1日（金）午後1時16分", "2017年3月10日 下午3:16", "2019년 3월 8일 오후 3:16"
    "cjk": (
        r"(?P<year>\d{4})\s*[年년]\s*(?P<month>[01]?\d)\s*[月월]\s*(?P<day>[0-3]?\d)\s*[日일]"
        rf"(?:\s*(?:\([^)]{{1,3}}\)|（[^）]{{1,3}}）)?\s*(?:(?P<ampm>{CJK_HALVES})\s*)?(?P<hour>[0-2]?\d)\s*[:時时시]\s*"
        r"(?P<minute>[0-5]\d|\d(?=\s*[分분]))\s*[分분]?)?"
    ),
}
DATE_PATTERNS = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in DATE_SHAPES.items()}
HAS_DIGIT = re.compile(r"\d")
# Every shape but these writes a year of four digits: where the text has no run of four digits left,
# only these are searched (a cheap look that spares nine slow searches of most lines of a page)
FOUR_DIGITS = re.compile(r"\d{4}")
WITHOUT_FOUR_DIGITS = {"slashed_yy": DATE_PATTERNS["slashed_yy"]}  # "9/11/13 10:00AM"
# The separator every match of a shape writes (the clock's colon of "Mon Aug 03 12:45:00 EDT 2015"): a text without it
# left is not searched for the shape.
SEPARATORS = {"iso": "-", "year_first": "/", "year_dotted": ".", "dotted": ".", "dashed": "-", "slashed": "/",
              "slashed_yy": "/", "month_day_clock_year": ":"}
# A part every match of a shape holds, found far faster than the shape (it opens on a digit, which re skips to;
# the shape opens on a look behind, tried at every character): a text without it left is not searched for the shape.
CORES = {"month_day": re.compile(r"\d(?:st|nd|rd|th)?,?\s+\d{4}", re.IGNORECASE)}  # "... 7th, 2022"
CORES.update({shape: re.compile(r"\d-\d") for shape in ("iso", "dashed")})
CORES["cjk"] = re.compile(r"\d\s*[年년]")  # "2019年", "2019년"  # a separator between two numbers
CORES["month_day_clock_year"] = re.compile(r"\d\s+[0-2]\d:[0-5]\d:[0-5]\d")  # "03 12:45:00": the day and the clock
# "7 April 2022", "7. April 2022", "7 de abril de 2022": the shape from its day's last digit to its year's four
CORES["day_month"] = re.compile(
    rf"\d(?:st|nd|rd|th|er|º|°|\.)?(?:\s+de|\s+del)?(?:\s+|-|(?<=\.)){MONTH}[,.]?(?:\s+de|\s+del)?(?:\s+|-|(?<=\.))\d{{4}}",
    re.IGNORECASE)
CORES.update({shape: re.compile(r"\d\.\s?\d") for shape in ("year_dotted", "dotted")})
CORES.update({shape: re.compile(r"\d/\d") for shape in ("year_first", "slashed", "slashed_yy")})
BEYOND_ASCII_SHAPES = frozenset({"cjk"})  # every match writes 年 or 년: an ASCII text (most) is not searched for them


def by_ranges(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern with each `\\d` written as [0-9], for ASCII text, where the two match the same: a range is tested
    without asking the Unicode database of every character. Only for patterns with no `\\d` inside a class."""
    return re.compile(pattern.pattern.replace(r"\d", "[0-9]"), pattern.flags)


ASCII_FOUR_DIGITS = by_ranges(FOUR_DIGITS)
DIGIT_IN_CLASS = re.compile(r"\[[^\]]*\\d")  # a \d inside a class (MONTH's "[^\W\d_]"): `by_ranges` cannot rewrite it
_BY_RANGES = {id(core): by_ranges(core) for core in CORES.values() if not DIGIT_IN_CLASS.search(core.pattern)}
ASCII_CORES = {shape: _BY_RANGES.get(id(core), core) for shape, core in CORES.items()}  # shared cores stay shared

# "Published 22:00, 11 July 2021 BST", "12:41 BST, 7 April 2022", "Updated 1:26 AM ET, Wed November 20, 2019",
# "8:27 AM - 21 Jun 2016":
# a clock time written before its date (British and US news pages), its zone before or after the date
CLOCK_BEFORE_CHARS = 40  # how far before a date its clock time may stand
CLOCK_BEFORE = re.compile(
    rf"(?<![\d:.]){TIME}\s*(?:[,|•·]|[-–—](?=\s))?\s*(?:on\s+)?(?:(?:{alternation(WEEKDAY_NAMES)})\.?,?\s+)?$",
    re.IGNORECASE)  # "8:27 AM - 21 Jun 2016": a dash too
ZONE_AFTER = re.compile(
    rf"\s*\(?(?P<tz>(?:UTC|GMT)(?:\s*[+-]\d{{1,2}}(?::?\d{{2}})?)?|{ZONE_NAME})(?!\w)", re.IGNORECASE)

CLOCK_ALONE = re.compile(rf"\s*{TIME}\s*$", re.IGNORECASE)  # a line that is a clock time and nothing else

UTC_NAMES = ("Z", "UTC", "GMT")
TRAILING_NOISE = " \t\r\n.,;|"


def _month_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return MONTHS.get(text.lower().rstrip("."))


def _nth_sunday(year: int, month: int, nth: int) -> date:
    """The nth Sunday of a month; nth=-1 is the last one."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year, month + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def us_daylight_time(day: date) -> bool:
    """Is US daylight saving time in force on this day? Since 2007 from the second Sunday of March
    to the first Sunday of November; before, from the first Sunday of April to the last of October."""
    if day.year >= 2007:
        return _nth_sunday(day.year, 3, 2) <= day < _nth_sunday(day.year, 11, 1)
    return _nth_sunday(day.year, 4, 1) <= day < _nth_sunday(day.year, 10, -1)


def zone_of(text: str | None, day: date | None = None) -> timezone | None:
    """A written offset ("+03:00", "GMT+2", "Z", "EST", "ET" on `day`) as a timezone; None when none is written."""
    if not text:
        return None
    if text.upper() in US_ZONES and day is not None:
        return timezone(timedelta(hours=US_ZONES[text.upper()] + us_daylight_time(day)))
    match = re.search(r"([+-])(\d{1,2}):?(\d{2})?$", text)
    if match:
        sign = -1 if match.group(1) == "-" else 1
        return timezone(sign * timedelta(hours=int(match.group(2)), minutes=int(match.group(3) or 0)))
    text = text.strip()
    if text.upper() in UTC_NAMES:
        return timezone.utc
    hours = ZONE_OFFSETS.get(text.upper())
    return timezone(timedelta(hours=hours)) if hours is not None else None


def _hour_24(hour: int, ampm: str | None) -> int:
    """12-hour clock to 24-hour: 12 a.m. is 0, 1 p.m. is 13 (午後1時, 下午1:00, 오후 1:00 too)."""
    if not ampm:
        return hour
    pm = ampm.lower().startswith("p") or ampm in CJK_PM
    if hour == 12:
        return 12 if pm else 0
    return hour + 12 if pm else hour


def _slashed_order(first: int, second: int, day_first: bool | None) -> tuple[int, int]:
    """(month, day) of "first/second/year": forced by `day_first`, else month first unless it cannot be."""
    if day_first is None:
        day_first = first > 12
    return (second, first) if day_first else (first, second)


def _build(shape: str, match: re.Match[str], day_first: bool | None = None) -> datetime | date | None:
    """The value a match states, or None when it is not a real calendar date and time."""
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else CENTURY + int(groups["yy"])
    if shape in ("slashed", "slashed_yy"):
        month, day = _slashed_order(int(groups["first"]), int(groups["second_"]), day_first)
    else:
        month = _month_number(groups["month"]) or 0
        day = int(groups["day"])
    if shape == "dashed" and month > MONTHS_IN_YEAR >= day:
        month, day = day, month  # "12-15-2016": a US page's month first, the one real reading
    if not YEAR_MIN <= year <= YEAR_MAX:
        return None
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    hour = groups.get("hour")
    if hour is None:
        return found
    ampm = groups.get("ampm") or groups.get("ampm2")
    if ampm and not (0 if ampm in CJK_AM + CJK_PM else 1) <= int(hour) <= 12:  # "午前0時5分": 0 to 11 in Japanese
        return None
    try:
        return datetime(year, month, day, _hour_24(int(hour), ampm), int(groups.get("minute") or 0),
                        int(groups.get("second") or 0), tzinfo=zone_of(groups.get("tz"), found))
    except ValueError:
        return None


def _candidates(text: str, start: int = 0) -> list[tuple[int, int, str, re.Match[str]]]:
    """The first match of every shape at or after `start`: (start, -length, shape, match)."""
    found = []
    ascii = text.isascii()
    shapes = DATE_PATTERNS if (ASCII_FOUR_DIGITS if ascii else FOUR_DIGITS).search(text, start) else WITHOUT_FOUR_DIGITS
    cores = ASCII_CORES if ascii else CORES
    held: dict[int, bool] = {}  # each core's answer by its id (a pattern's own hash reads its code): shapes share cores
    for shape, pattern in shapes.items():
        separator = SEPARATORS.get(shape)
        if separator is not None and text.find(separator, start) < 0:
            continue
        if ascii and shape in BEYOND_ASCII_SHAPES:
            continue
        core = cores.get(shape)
        if core is not None:
            key = id(core)
            if key not in held:
                held[key] = core.search(text, start) is not None
            if not held[key]:
                continue
        match = pattern.search(text, start)
        if match:
            found.append((match.start(), -(match.end() - match.start()), shape, match))
    return sorted(found, key=lambda item: item[:2])


def has_digit(text: str) -> bool:
    """`HAS_DIGIT.search(text)`: in ASCII text, where `\\d` is 0-9, ten looks for a character, each a C scan, where re
    tests every character's category (the pasted reader asks it of every line of a paste)."""
    if text.isascii():
        return ("0" in text or "1" in text or "2" in text or "3" in text or "4" in text or "5" in text or "6" in text
                or "7" in text or "8" in text or "9" in text)
    return HAS_DIGIT.search(text) is not None


def find_date(text: str, *, day_first: bool | None = None) -> tuple[datetime | date, int, int] | None:
    """The first date expression in free text, with its span (start, end). `day_first` orders a/b/yyyy
    (None: month first unless a > 12; True: day/month; False: month/day)."""
    if not has_digit(text):
        return None  # every shape has a number in it
    position = 0
    while position < len(text):
        candidates = _candidates(text, position)
        if not candidates:
            return None
        for start, _, shape, match in candidates:
            if start != candidates[0][0]:
                break
            value = _build(shape, match, day_first)
            if type(value) is date:
                return _with_clock_before(text, value, match.start(), match.end())
            if value is not None:
                return value, match.start(), match.end()
        position = candidates[0][0] + 1
    return None


def _with_clock_before(text: str, day: date, start: int, end: int) -> tuple[datetime | date, int, int]:
    """A date with the clock time written just before it ("22:00, 11 July 2021 BST"), its zone written
    with the clock or right after the date; the date alone when no clock time stands before it."""
    clock = CLOCK_BEFORE.search(text, max(0, start - CLOCK_BEFORE_CHARS), start)
    if clock is None:
        return day, start, end
    groups = clock.groupdict()
    ampm = groups.get("ampm") or groups.get("ampm2")
    hour = int(groups["hour"])
    if ampm and not 1 <= hour <= 12 or not ampm and hour > 23:
        return day, start, end
    zone_text = groups.get("tz")
    after = None if zone_text else ZONE_AFTER.match(text, end)
    if after is not None:
        zone_text, end = after.group("tz"), after.end()
    found = datetime(day.year, day.month, day.day, _hour_24(hour, ampm), int(groups.get("minute") or 0),
                     tzinfo=zone_of(zone_text, day))
    return found, clock.start(), end


def clock_alone(text: str, day: date) -> datetime | None:
    """The time a line states and nothing else ("15:11", "6:32 PM", "13h05", "08:15 JST"), on `day`: a page that
    sets its date and its time in elements of their own puts them on lines of their own. None when the line says
    more, or may be a video's length ("0:49", "3:08": a one-digit hour with no am or pm)."""
    match = CLOCK_ALONE.match(text)
    if match is None:
        return None
    groups = match.groupdict()
    ampm = groups.get("ampm") or groups.get("ampm2")
    if groups.get("minute") is None or not ampm and len(groups["hour"]) < 2:
        return None
    hour = int(groups["hour"])
    if ampm and not 1 <= hour <= 12 or not ampm and hour > 23:
        return None
    return datetime(day.year, day.month, day.day, _hour_24(hour, ampm), int(groups["minute"]),
                    int(groups.get("second") or 0), tzinfo=zone_of(groups.get("tz"), day))


def parse_date(text: str, *, day_first: bool | None = None) -> datetime | date | None:
    """The date the whole string states ("7 April 2022", "2022-04-07T07:02:00+03:00"), or None.
    `day_first` orders a/b/yyyy as in `find_date`."""
    text = LEADING_WEEKDAY.sub("", text.strip().rstrip(TRAILING_NOISE))
    for shape, pattern in DATE_PATTERNS.items():
        match = pattern.fullmatch(text)
        if match:
            value = _build(shape, match, day_first)
            if value is not None:
                return value
    return None


MONTH_FIRST_LANGUAGES = frozenset({"en"})  # US English writes 07/04/2022 for 4 July; other languages, 7 April


def slashed_day_first(language: str | None) -> bool | None:
    """How to read "07/04/2022" in text of this language: None (month first unless the first number
    is over 12, as digest.dates does by default) in English, whose US pages write month first
    and whose British pages mostly write dates out; day first in every other language; None
    when the language is unknown."""
    if language is None or language in MONTH_FIRST_LANGUAGES:
        return None
    return True
