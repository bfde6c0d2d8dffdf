"""Dates and datelines as pages write them (digest.dates)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.dates import CORES, DATE_PATTERNS, SEPARATORS, clock_alone, find_date, parse_date
from digest.places import find_place

MSK = timezone(timedelta(hours=3))


@pytest.mark.parametrize(("text", "expected"), [
    ("7 Apr, 2022 07:02", datetime(2022, 4, 7, 7, 2)),
    ("2022-04-07", date(2022, 4, 7)),
    ("2022-04-07T07:02:00+03:00", datetime(2022, 4, 7, 7, 2, tzinfo=MSK)),
    ("2019-01-03T07:00:02.000Z", datetime(2019, 1, 3, 7, 0, 2, tzinfo=timezone.utc)),
    ("2022-04-07 07:02", datetime(2022, 4, 7, 7, 2)),
    ("April 7, 2022", date(2022, 4, 7)),
    ("Apr. 7th, 2022", date(2022, 4, 7)),
    ("Sept. 3, 2019", date(2019, 9, 3)),
    ("Friday, July 24, 2015 5:36 AM", datetime(2015, 7, 24, 5, 36)),
    ("Jul 24, 2015 at 5 p.m.", datetime(2015, 7, 24, 17, 0)),
    ("12:30 a.m.", None),
    ("07.04.2022", date(2022, 4, 7)),
    ("07.04.2022 um 07:02 Uhr", datetime(2022, 4, 7, 7, 2)),
    ("7 апреля 2022", date(2022, 4, 7)),
    ("7 апреля 2022 г.", date(2022, 4, 7)),
    ("7 апреля 2022, 10:15", datetime(2022, 4, 7, 10, 15)),
    ("1 января 2023 в 00:05", datetime(2023, 1, 1, 0, 5)),
    ("в марте 2022", None),  # no day: not a date
    ("7. April 2022", date(2022, 4, 7)),
    ("7. März 2022", date(2022, 3, 7)),
    ("7 avril 2022", date(2022, 4, 7)),
    ("1er mai 2015", date(2015, 5, 1)),
    ("mardi 5 mai 2015 à 13h36", datetime(2015, 5, 5, 13, 36)),
    ("7 de abril de 2022", date(2022, 4, 7)),
    ("7 de abril de 2022 às 07h02", datetime(2022, 4, 7, 7, 2)),
    ("21.dez.2018 às 10h55", datetime(2018, 12, 21, 10, 55)),  # Folha de S.Paulo
    ("7 aprile 2022", date(2022, 4, 7)),
    ("7 april 2022", date(2022, 4, 7)),  # Dutch
    ("7 kwietnia 2022", date(2022, 4, 7)),  # Polish
    ("1. listopadu 2021 10:52", datetime(2021, 11, 1, 10, 52)),  # Czech
    ("2022年4月7日", date(2022, 4, 7)),
    ("2022/04/07", date(2022, 4, 7)),
    ("13/5/2015", date(2015, 5, 13)),  # day first when the first number cannot be a month
    ("4/5/2015", date(2015, 4, 5)),  # ambiguous slashes: month first
    ("Tue, 07 Apr 2022 07:02:00 +0000", datetime(2022, 4, 7, 7, 2, tzinfo=timezone.utc)),
    ("July 24, 2015 5:36 AM EDT", datetime(2015, 7, 24, 5, 36, tzinfo=timezone(timedelta(hours=-4)))),
    # Java's Date.toString, as Java CMSs stamp article:published_time; Unix `date` pads the day with a space
    ("Mon Aug 03 12:45:00 EDT 2015", datetime(2015, 8, 3, 12, 45, tzinfo=timezone(timedelta(hours=-4)))),
    ("Thu Dec  1 06:14:35 UTC 2016", datetime(2016, 12, 1, 6, 14, 35, tzinfo=timezone.utc)),
    ("Thu Dec 15 06:14:35 2016", datetime(2016, 12, 15, 6, 14, 35)),
    # "ET", "PT": a US zone whose offset depends on the day (daylight time from March to November)
    ("November 28, 2016 04:23 pm ET", datetime(2016, 11, 28, 16, 23, tzinfo=timezone(timedelta(hours=-5)))),
    ("July 4, 2019 10:00 AM ET", datetime(2019, 7, 4, 10, 0, tzinfo=timezone(timedelta(hours=-4)))),
    ("March 10, 2019 at 11:00 AM PT", datetime(2019, 3, 10, 11, 0, tzinfo=timezone(timedelta(hours=-7)))),
    ("March 9, 2019 11:00 AM PT", datetime(2019, 3, 9, 11, 0, tzinfo=timezone(timedelta(hours=-8)))),
    ("October 28, 2006 9:00 am CT", datetime(2006, 10, 28, 9, 0, tzinfo=timezone(timedelta(hours=-5)))),  # old rule
    ("October 29, 2006 9:00 am CT", datetime(2006, 10, 29, 9, 0, tzinfo=timezone(timedelta(hours=-6)))),
    ("12-15-2016", date(2016, 12, 15)),  # dashed, real only month first (US)
    ("07-04-2022", date(2022, 4, 7)),  # dashed and ambiguous: day first, as before
])
def test_parse_date_reads_the_common_shapes(text: str, expected: datetime | date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", [
    "31.02.2022", "2022-13-01", "February 30, 2021", "30 февраля 2020", "7 April 2022 25:10", "0.0.2022",
    "hello", "", "2022", "April 2022", "7 April", "3.10.1", "7 April 1066", "13-13-2020", "Aug 03 12:45:00",
])
def test_parse_date_rejects_what_is_not_a_real_date(text: str) -> None:
    assert parse_date(text) is None


def test_parse_date_returns_a_date_when_no_time_is_written() -> None:
    assert type(parse_date("7 April 2022")) is date
    assert type(parse_date("7 April 2022 07:02")) is datetime


def test_find_date_gives_the_first_date_and_its_span() -> None:
    text = "Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Martin"
    value, start, end = find_date(text)  # type: ignore[misc]
    assert value == datetime(2015, 5, 4, 13, 36)
    assert text[start:end] == "04.05.2015 à 13h36"


def test_find_date_skips_impossible_dates() -> None:
    found = find_date("Not 31.02.2022, but 7 Apr, 2022 07:02 here")
    assert found is not None
    assert found[0] == datetime(2022, 4, 7, 7, 2)


def test_find_date_ignores_numbers_that_are_not_dates() -> None:
    assert find_date("He scored 3 goals in 90 minutes on 12 of 2022 attempts; version 10.2.1") is None
    assert find_date("") is None


@pytest.mark.parametrize(("lead", "place"), [
    ("KYIV, April 7 (Reuters) - Ukraine said", "KYIV"),
    ("WASHINGTON (AP) — The Senate voted", "WASHINGTON"),
    ("LONDON — Britain's prime minister", "LONDON"),
    ("Berlin (dpa) - Die Bundesregierung", "Berlin"),
    ("МОСКВА, 7 апреля. /ТАСС/. Президент России", "МОСКВА"),
    ("Paris, 7 avril (AFP) - Le gouvernement", "Paris"),
    ("SAN FRANCISCO, Calif. — Apple said", "SAN FRANCISCO, Calif."),
    ("RIO DE JANEIRO (Reuters) - Brazil", "RIO DE JANEIRO"),
])
def test_find_place_reads_the_dateline(lead: str, place: str) -> None:
    assert find_place(lead) == place


@pytest.mark.parametrize("lead", [
    "The Pentagon has observed a full withdrawal from Kiev, officials said.",
    "Apple (AAPL) - shares rose on Monday.",
    "BREAKING — a fire in the city centre.",
    "In London — and only there — prices rose.",
    "",
])
def test_find_place_never_guesses(lead: str) -> None:
    assert find_place(lead) is None


def test_a_month_glued_to_the_byline_is_still_a_date() -> None:
    """yahoo-2: innerText glues "Associated Press" to "December 2, 2016"; a lower-case run is no month."""
    assert find_date("Associated PressDecember 2, 2016")[0] == date(2016, 12, 2)
    assert find_date("Dismay 5, 2020") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Publié le 7 avril 202213h36", datetime(2022, 4, 7, 13, 36)),  # innerText glues the year to a French clock
    ("7 de abril de 202207h02", datetime(2022, 4, 7, 7, 2)),
    ("By Zach Johnson Dec 12, 2016 2:00 PMTags", datetime(2016, 12, 12, 14, 0)),  # "PM" glued to a link's label
    ("Dec 12, 2016 2:00 pmtags", datetime(2016, 12, 12, 2, 0)),  # a lower-case run is no glued "pm"
])
def test_a_clock_glued_to_its_neighbours_is_read(text: str, expected: datetime) -> None:
    assert find_date(text)[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("谢若含2017-03-01 14:27:02", datetime(2017, 3, 1, 14, 27, 2)),  # qdaily: the author's name glued to the date
    ("access_time2019/04/21", date(2019, 4, 21)),  # an icon's name glued to the date
    ("文2019.03.08", date(2019, 3, 8)),
])
def test_a_year_first_date_glued_to_a_word_is_read(text: str, expected: date) -> None:
    assert find_date(text)[0] == expected


@pytest.mark.parametrize("text", ["id_2017-03-01", "12017-03-01", "example.com/2019/04/21/story"])
def test_a_year_first_date_after_a_digit_or_separator_is_no_date(text: str) -> None:
    assert find_date(text) is None


@pytest.mark.parametrize(("text", "hours"), [
    ("First published November 29, 2016: 3:33 AM ET", -5),  # a colon between the year and the time (CNNMoney)
    ("Updated: Oct 9, 2019, 11:05 IST", 5.5),  # India
    ("2019.04.04 09:00 JST", 9),
    ("2019/03/04 10:00 KST", 9),
    ("March 9, 2017 4:21 PM AEDT", 11),
])
def test_a_time_keeps_the_zone_written_after_it(text: str, hours: float) -> None:
    found = find_date(text)[0]
    assert isinstance(found, datetime) and found.utcoffset() == timedelta(hours=hours)


def test_a_zone_name_that_is_also_a_word_counts_only_in_capitals() -> None:
    """"IST" is India's time; "ist" is German for "is"."""
    assert find_date("Am 7. April 2022 um 10:30 ist er gelandet")[0] == datetime(2022, 4, 7, 10, 30)


def test_a_year_followed_by_a_colon_and_no_clock_time_is_a_date() -> None:
    assert find_date("Nov 29, 2016: 3 people died")[0] == date(2016, 11, 29)


def test_an_offset_written_without_its_leading_zero_is_read() -> None:
    """"2018-10-29T10:15-500" in a page's datePublished: five hours west, not an unreadable stamp."""
    assert parse_date("2018-10-29T10:15-500") == datetime(2018, 10, 29, 10, 15, tzinfo=timezone(timedelta(hours=-5)))


def test_a_two_digit_year_is_read_only_with_its_clock_time() -> None:
    """lazy-image-2 (Kinja): "9/11/13 10:00AM" under the byline; a bare "9/11/13" stays unread."""
    assert find_date("9/11/13 10:00AM")[0] == datetime(2013, 9, 11, 10, 0)
    assert find_date("3/09/15 8:00am")[0] == datetime(2015, 3, 9, 8, 0)
    assert find_date("see 9/11/13") is None


@pytest.mark.parametrize(("text", "day_first", "expected"), [
    ("07/04/2022", None, date(2022, 7, 4)),  # the default: month first, as US pages write it
    ("07/04/2022", True, date(2022, 4, 7)),  # a French or German page: day first
    ("07/04/2022", False, date(2022, 7, 4)),
    ("13/5/2015", None, date(2015, 5, 13)),  # the default still reads what only one order can
    ("25/12/2022", False, None),  # a forced order never falls back to the other reading
    ("12/25/2022", True, None),
    ("07/04/2022 às 10h30", True, datetime(2022, 4, 7, 10, 30)),
    ("9/11/13 10:00AM", True, datetime(2013, 11, 9, 10, 0)),
    ("07.04.2022", False, date(2022, 4, 7)),  # only slashes are ambiguous: dots stay day first
])
def test_a_day_first_hint_orders_slashed_dates(text: str, day_first: bool | None,
                                               expected: datetime | date | None) -> None:
    assert parse_date(text, day_first=day_first) == expected
    found = find_date(f"Publié le {text}", day_first=day_first)
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(("text", "expected", "hours"), [
    ("Published 22:00, 11 July 2021 BST", datetime(2021, 7, 11, 22, 0), 1),
    ("Published: 12:41 BST, 7 April 2022 | Updated: 14:12 BST, 7 April 2022", datetime(2022, 4, 7, 12, 41), 1),
    ("Updated 1:26 AM ET, Wed November 20, 2019", datetime(2019, 11, 20, 1, 26), -5),
    ("posted 5 pm, 7 April 2022", datetime(2022, 4, 7, 17, 0), None),
])
def test_a_clock_time_before_its_date_is_read_with_its_zone(text: str, expected: datetime, hours: float | None) -> None:
    found = find_date(text)
    assert found is not None and found[0].replace(tzinfo=None) == expected
    assert found[0].utcoffset() == (None if hours is None else timedelta(hours=hours))
    assert text[found[1]:found[2]].startswith(text.split(" ", 1)[1].lstrip(": ")[:4])  # the span starts at the clock


def test_a_us_zone_without_standard_or_daylight_counts_only_in_capitals() -> None:
    assert find_date("30 avril 2015 à 07:19 et plus")[0] == datetime(2015, 4, 30, 7, 19)  # French "and"
    assert find_date("Dec 1st 2016 1:01PM ET")[0].utcoffset() == timedelta(hours=-5)


def test_a_machine_stamp_may_write_a_space_before_its_offset() -> None:
    assert parse_date("2016-10-13 17:00:00 -0400") == datetime(2016, 10, 13, 17, 0, tzinfo=timezone(timedelta(hours=-4)))


DATE_PIECES = ("May", "7th", "7", ",", " ", "  ", "2022", "Mon Aug 03", "12:45:00", "EDT", "2015", "de", "abril",
               "Nov", "19", "20197:05 AM", "\u00a0", "on", "ST", "x", ".", "-", "/", "年", "12.03.", "2019", "9/11/",
               "13 10:00AM", "2019-03-08", "08-03-", "3", ". ", "٣")


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=10).map("".join), st.integers(min_value=0, max_value=6))
def test_a_shape_is_searched_for_only_where_its_core_and_separator_stand(text: str, start: int) -> None:
    """CORES and SEPARATORS only spare searches that would find nothing."""
    for shape, pattern in DATE_PATTERNS.items():
        if pattern.search(text, start) is None:
            continue
        core = CORES.get(shape)
        assert core is None or core.search(text, start) is not None, shape
        assert text.find(SEPARATORS.get(shape, ""), start) >= 0, shape


def test_a_clock_time_may_stand_a_dash_before_its_date_and_a_zone_in_brackets_after_it() -> None:
    assert find_date("8:27 AM - 21 Jun 2016")[0] == datetime(2016, 6, 21, 8, 27)
    assert find_date("last edited on 2 April 2024, at 13:18 (UTC).")[0] == datetime(2024, 4, 2, 13, 18, tzinfo=timezone.utc)
    assert find_date("Score 3 - 21 Jun 2016")[0] == date(2016, 6, 21)


@pytest.mark.parametrize(("text", "expected"), [
    ("15:11", datetime(2022, 10, 11, 15, 11)),
    ("6:32 PM", datetime(2022, 10, 11, 18, 32)),
    ("13h05", datetime(2022, 10, 11, 13, 5)),
    (" 08:15 JST ", datetime(2022, 10, 11, 8, 15, tzinfo=timezone(timedelta(hours=9)))),
    ("0:49", None),  # a video's length: a one-digit hour with no am or pm
    ("3:08", None),
    ("15:11 Share", None),  # more than a clock
    ("25:00", None),
    ("7 p.m.", None),  # no minutes: a line may say "7 p.m." of anything
])
def test_a_line_that_is_a_clock_time_alone_is_read_on_its_day(text: str, expected: datetime | None) -> None:
    assert clock_alone(text, date(2022, 10, 11)) == expected


def test_a_machine_stamps_gmt_takes_its_offset() -> None:
    assert find_date("2019-03-01 14:27 GMT+8")[0] == datetime(2019, 3, 1, 14, 27, tzinfo=timezone(timedelta(hours=8)))


@pytest.mark.parametrize(("text", "expected"), [
    ("2019年3月1日（金）午後1時16分", datetime(2019, 3, 1, 13, 16)),
    ("2019年3月1日 午前0時5分", datetime(2019, 3, 1, 0, 5)),  # Japanese clocks run 0 to 11 before noon
    ("2017年3月10日 下午3:16", datetime(2017, 3, 10, 15, 16)),
    ("2019년 3월 8일 오후 3:16", datetime(2019, 3, 8, 15, 16)),
    ("2019년 3월 8일", date(2019, 3, 8)),
])
def test_chinese_japanese_and_korean_dates_and_clock_halves_are_read(text: str, expected: datetime | date) -> None:
    assert find_date(text)[0] == expected
