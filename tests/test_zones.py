"""Zones a text states beside a time, for all its times, or by its language (digest.zones)."""

from __future__ import annotations

from datetime import date, timedelta, timezone

import pytest

from digest.zones import eu_summer_time, stated_zone, written_zone

SUMMER, WINTER = date(2019, 5, 7), date(2019, 1, 7)


def hours(value: float) -> timezone:
    return timezone(timedelta(hours=value))


@pytest.mark.parametrize(("text", "day", "expected"), [
    ("Updated Dec. 13, 2016, 6:06 PM UTC", None, timezone.utc),
    ("Publié le 7 mai 2019 à 13h59, heure de Paris", SUMMER, hours(2)),
    ("Publié le 7 janvier 2019 à 13h59 (heure de Paris)", WINTER, hours(1)),
    ("Publicado el 7 de mayo de 2019 a las 13:59 hora peninsular", SUMMER, hours(2)),
    ("Jan 7, 2019 7:05 AM Eastern", WINTER, hours(-5)),
    ("May 7, 2019 9:00 a.m. Pacific time", SUMMER, hours(-7)),
    ("7 мая 2019 в 10:15 по московскому времени", SUMMER, hours(3)),
    ("北京时间2019年3月1日 13:16", None, hours(8)),
    ("日本時間2019年3月2日 9:18", None, hours(9)),
    ("7 May 2019 at 13:18 (UTC)", None, timezone.utc),
    ("15.05.2020, 07:11 | Lesedauer: 8 Minuten", SUMMER, None),  # no zone written
    ("May 7, 2019 7:05 AM Eastern", None, None),  # Eastern's offset depends on the day
])
def test_a_zone_is_read_in_words_after_or_before_the_time(text: str, day: date | None, expected: timezone | None) -> None:
    assert written_zone(text, day) == expected


@pytest.mark.parametrize(("text", "day", "expected"), [
    ("All times are ET", WINTER, hours(-5)),
    ("All times Eastern", SUMMER, hours(-4)),
    ("Times shown in GMT", SUMMER, timezone.utc),
    ("Alle Zeitangaben in MEZ", SUMMER, hours(2)),  # Central European time, its summer time too
    ("Toutes les heures sont en heure de Paris", WINTER, hours(1)),
    ("所有时间均为北京时间", SUMMER, hours(8)),
    ("All times are approximate", SUMMER, None),
    ("The Eastern front held all winter", SUMMER, None),
    ("Crews worked at all times Pacific Gas and Electric asked them to", SUMMER, None),
    ("All times are in Pacific time.", WINTER, hours(-8)),
])
def test_a_line_may_state_the_zone_of_all_the_pages_times(text: str, day: date, expected: timezone | None) -> None:
    assert stated_zone(text, day) == expected


def test_european_summer_time_runs_from_the_last_sunday_of_march_to_the_last_of_october() -> None:
    assert not eu_summer_time(date(2019, 3, 30)) and eu_summer_time(date(2019, 3, 31))
    assert eu_summer_time(date(2019, 10, 26)) and not eu_summer_time(date(2019, 10, 27))
