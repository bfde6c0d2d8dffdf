"""The pasted publication date as a fitted choice among every date a paste writes (digest.pasted.date_model)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from digest.pasted import date_model, fitted
from digest.pasted.lines import split_lines
from digest.pasted.published import find_published, in_dated_list
from digest.pasted.reader import read_text

LEAD = ("The city council voted on Thursday to build a new crossing over the river, ending ten years of argument "
        "about where it should go and who should pay for it.")
MORE = [LEAD.replace("Thursday", "Friday"), LEAD.replace("ten", "twelve"), LEAD.replace("city", "town")]
COMMENTS = ["Comments", "Bob", "February 20, 2019 at 3:42 pm | Reply",
            "Great news for the town, finally we can cross the river without waiting an hour.",
            "Sue", "February 22, 2019 at 10:05 am | Reply",
            "I am not so sure that the money is well spent on this bridge at all, said nobody."]
NOTICE = "We've updated our Privacy Policy, which will go in to effect on September 1, 2022."


def paste(*header: str, after: tuple[str, ...] = ()) -> str:
    return "\n".join(["Menu", "News", "Council approves the new river crossing", *header, *MORE, *after])


def test_the_shipped_weights_name_every_feature() -> None:
    assert set(date_model.FEATURES) <= set(fitted.weights(date_model.WEIGHTS_NAME))


def test_the_byline_date_beats_comments_dates_and_a_notices_date() -> None:
    text = paste("By Ann Lee", "December 12, 2016 9:22 AM", after=(*COMMENTS, NOTICE))
    assert read_text(text).published == datetime(2016, 12, 12, 9, 22)


def test_the_publication_beats_the_update_and_the_zone_is_kept() -> None:
    est = timezone(timedelta(hours=-5))
    assert read_text(paste("Published Jan 1, 2020 · Updated Jan 5, 2020")).published == date(2020, 1, 1)
    # the update where the page shows no publication date (people.com), a day or its time as written
    only_update = read_text(paste("By Ann Lee", "Updated on December 12, 2016 09:22 AM", after=(NOTICE,)))
    assert only_update.published == datetime(2016, 12, 12, 9, 22)
    assert read_text(paste("Last updated:", "Dec 12, 2016", after=(NOTICE,))).published == date(2016, 12, 12)
    assert read_text(paste("Valid until:", "Dec 12, 2016", after=(NOTICE,))).published is None  # an expiry never
    glued = read_text(paste("By Ann Lee", "PUBLISHED TUE, NOV 19 20197:05 AM EST", after=(NOTICE,)))
    assert glued.published == datetime(2019, 11, 19, 7, 5, tzinfo=est)


def test_a_time_announced_as_first_published_beats_an_unlabelled_one_of_that_day() -> None:
    est = timezone(timedelta(hours=-5))
    text = paste("by Julia Horowitz November 29, 2016: 3:42 PM ET", MORE[0],
                 "CNNMoney (New York) First published November 29, 2016: 3:33 AM ET", after=(NOTICE,))
    assert read_text(text).published == datetime(2016, 11, 29, 3, 33, tzinfo=est)


def test_a_day_takes_the_time_a_posted_line_gives_it_and_an_update_after_a_weekday_is_none() -> None:
    est = timezone(timedelta(hours=-5))
    footer = ("Posted on Tuesday 15 October 2019 at 09:11 by Ann Lee.", NOTICE)
    assert read_text(paste("Tuesday 15 October 2019 by Ann Lee", after=footer)).published == datetime(2019, 10, 15, 9, 11)
    glued = paste("Published Tue, Dec 20 201610:32 AM ESTUpdated Tue, Dec 20 20166:29 PM EST", after=(NOTICE,))
    assert read_text(glued).published == datetime(2016, 12, 20, 10, 32, tzinfo=est)


def test_a_time_on_the_line_under_its_date_is_the_datelines_time() -> None:
    # a page that sets its date and its time in elements of their own pastes them on two lines
    assert read_text(paste("By Ann Lee", "October 11, 2022 October 11, 2022", "15:11",
                           after=(NOTICE,))).published == datetime(2022, 10, 11, 15, 11)
    assert read_text(paste("By Ann Lee", "October 11, 2022", "6:32 PM", after=(NOTICE,))).published == datetime(
        2022, 10, 11, 18, 32)
    # a video's length under a date is no time of day; a line with a time of its own keeps it
    assert read_text(paste("By Ann Lee", "October 11, 2022", "0:49", after=(NOTICE,))).published == date(2022, 10, 11)
    assert read_text(paste("By Ann Lee", "October 11, 2022, 4:19 PM", "03:08", after=(NOTICE,))).published == datetime(
        2022, 10, 11, 16, 19)


def test_a_label_of_its_own_announcing_the_publication_is_a_cue() -> None:
    lines = split_lines("\n".join(["Menu", "Council approves the new river crossing", *MORE, "配信開始日", "2019/3/5",
                                    "Last seen", "2019/3/9"]))
    choices = dict(date_model.candidates(lines, lines[1], 2, None, None))
    assert choices[date(2019, 3, 5)]["published_cue"] == 1.0
    assert choices[date(2019, 3, 9)]["published_cue"] == 0.0


def test_a_page_that_writes_no_date_has_none() -> None:
    assert read_text(paste("By Ann Lee")).published is None


def test_every_date_is_a_candidate_with_its_cues() -> None:
    lines = split_lines(paste("Published Jan 1, 2020 · Updated Jan 5, 2020", after=tuple(COMMENTS)))
    choices = dict(date_model.candidates(lines, lines[2], 4, date(2020, 1, 1), None))
    assert choices[date_model.NONE] == {"is_none": 1.0}
    assert choices[date(2020, 1, 1)]["published_cue"] == 1.0 and choices[date(2020, 1, 1)]["rule_pick"] == 1.0
    assert choices[date(2020, 1, 5)]["update_cue"] == 1.0  # an update: chosen only where nothing else is
    assert choices[date(2020, 1, 1)]["update_cue"] == 0.0
    assert choices[datetime(2019, 2, 20, 15, 42)]["reply"] == 1.0


def test_a_folds_weights_replace_the_shipped_ones(weights_dir: Path) -> None:
    (weights_dir / f"{date_model.WEIGHTS_NAME}.json").write_text(json.dumps({"is_none": 100.0}), encoding="utf-8")
    assert read_text(paste("By Ann Lee", "December 12, 2016 9:22 AM")).published is None


def test_a_date_under_a_breadcrumb_is_marked_wherever_the_headline_was_read() -> None:
    lines = split_lines("\n".join(["Menu", "Products", "Home > News releases > Keyboards", "KB-194", "2019.03.05",
                                   *MORE, "Related", *COMMENTS]))
    choices = dict(date_model.candidates(lines, lines[1], 5, None, None))
    assert choices[date(2019, 3, 5)]["under_breadcrumb"] == 1.0
    assert choices[datetime(2019, 2, 20, 15, 42)]["under_breadcrumb"] == 0.0  # too far under it


def test_a_run_of_dated_lines_is_a_list_and_a_headers_labelled_dates_are_not() -> None:
    lines = split_lines("\n".join(["Related", "Bridge opens 2019.3.4 Mon 8:15", "Ferry ends 2019.2.28 Thu 8:15",
                                    "Mayor elected 2019.2.22 Fri 8:15", "Updated:", "Mar 6, 2018", "Original:",
                                    "Dec 21, 2016", LEAD]))
    assert [in_dated_list(lines, line) for line in lines[1:4]] == [True, True, True]
    assert not in_dated_list(lines, lines[7])


def test_the_rules_read_a_pasted_schema_org_date_published() -> None:
    lines = split_lines(paste("Ann Lee", *MORE, '"datePublished": "2017-11-03 03:01:00.000000",'))
    assert find_published(lines, lines[2], 4) == datetime(2017, 11, 3, 3, 1)
