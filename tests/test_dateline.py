"""Datelines as a reader should read them: a time always with its zone, in the page's own zone
where the page states it (digest.html.meta.zone, digest.model.format_when)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from digest.places import find_lead_place, find_place
from digest.model import Digest, Page, format_when
from digest.pipeline import digest_page
from tests.test_metadata import meta_of

EST = timezone(timedelta(hours=-5))


def published_of(head: str = "", body: str = "<p>Text.</p>") -> datetime | date | None:
    return meta_of(head, body, url="https://news.example/a").published


@pytest.mark.parametrize(("published", "expected"), [
    (date(2022, 4, 7), "7 April 2022"),
    (datetime(2022, 4, 7, 13, 3, tzinfo=timezone.utc), "7 April 2022, 13:03 UTC"),
    (datetime(2019, 11, 19, 23, 26, tzinfo=EST), "19 November 2019, 23:26 UTC-5"),
    (datetime(2019, 10, 9, 11, 5, tzinfo=timezone(timedelta(hours=5, minutes=30))), "9 October 2019, 11:05 UTC+5:30"),
    (datetime(2022, 4, 7, 7, 2), "7 April 2022, 07:02"),  # written by the page as local text
])
def test_format_when(published: datetime | date, expected: str) -> None:
    assert format_when(published) == expected


def test_a_utc_stamp_is_shown_in_the_zone_the_page_states_elsewhere() -> None:
    head = ('<meta property="article:published_time" content="2019-11-20T04:26:00Z">'
            '<meta property="article:modified_time" content="2019-11-20T08:00:00-05:00">')
    assert format_when(published_of(head)) == "19 November 2019, 23:26 UTC-5"


def test_a_stamp_kept_in_a_date_elements_title_is_read_with_its_offset() -> None:
    """The microformats abbr pattern (hAtom, Blogger): the reader sees "12:55 AM", the title holds the instant."""
    body = ('<p>Text.</p><abbr class="published" itemprop="datePublished" title="2016-05-08T00:55:00-07:00">'
            "12:55 AM</abbr>")
    assert format_when(published_of(body=body)) == "8 May 2016, 00:55 UTC-7"


def test_a_written_time_takes_the_offset_a_title_stamp_states() -> None:
    body = ('<ul><li class="date-and-time" title="2015-03-13T21:00:00+11:00"><span class="datestamp">March 13, 2015'
            '</span> <span class="timestamp">9:00PM</span></li></ul><p>Text.</p>')
    assert format_when(published_of(body=body)) == "13 March 2015, 21:00 UTC+11"


@pytest.mark.parametrize("element", [
    '<abbr class="updated" title="2016-05-09T10:00:00-07:00">May 9</abbr>',  # an edit, not the publication
    '<span class="date" title="Jul 7, 2020, 7:10 AM CDT">on Jul 7, 2020</span>',  # the reader's clock, in words
    '<a class="link" title="2016-05-09T10:00:00-07:00">permalink</a>',  # no date mark
])
def test_a_title_that_is_no_publication_stamp_gives_no_time(element: str) -> None:
    assert not isinstance(published_of(body=f"<p>Text.</p>{element}"), datetime)  # htmldate may still find the day


def test_a_utc_stamp_is_shown_in_the_zone_written_beside_the_time() -> None:
    head = '<meta property="article:published_time" content="2019-11-20T04:26:00Z">'
    body = '<p class="timestamp">Updated 11:26 pm EST, Tuesday, November 19, 2019</p><p>Text.</p>'
    assert format_when(published_of(head, body)) == "19 November 2019, 23:26 UTC-5"


def test_a_utc_stamp_takes_the_offset_its_local_clock_time_on_the_page_implies() -> None:
    head = '<meta property="article:published_time" content="2016-12-23T00:47:31Z">'
    body = '<ul class="dateline"><li>Published: Dec. 22, 2016, 6:47 p.m.</li></ul><p>Text.</p>'
    assert format_when(published_of(head, body)) == "22 December 2016, 18:47 UTC-6"


def test_a_local_time_that_is_no_whole_or_half_hour_from_the_utc_stamp_implies_no_offset() -> None:
    head = '<meta property="article:published_time" content="2016-12-23T00:47:31Z">'
    body = '<p class="updated">Updated: Dec. 22, 2016, 6:12 p.m.</p><p>Text.</p>'  # another event: an edit
    assert format_when(published_of(head, body)) == "23 December 2016, 00:47 UTC"


def test_a_time_written_as_text_takes_the_offset_the_page_states() -> None:
    head = '<meta property="article:modified_time" content="2019-02-22T18:00:00+09:00">'
    body = '<p class="date">2019年02月22日 14時30分 公開</p><p>本文。</p>'
    assert format_when(published_of(head, body)) == "22 February 2019, 14:30 UTC+9"


@pytest.mark.parametrize(("lang", "expected"), [
    ("ja", "21 April 2019, 12:00 UTC+9"),
    ("zh-TW", "21 April 2019, 12:00 UTC+8"),
    ("en", "21 April 2019, 12:00"),  # English is read in many zones: the time stays as the page wrote it
])
def test_a_zoneless_time_on_a_page_in_a_one_zone_language_is_in_that_zone(lang: str, expected: str) -> None:
    body = '<p class="date">2019年04月21日 12時00分</p><p>本文。</p>'
    assert format_when(meta_of(body=body, url="https://news.example/a", lang=f' lang="{lang}"').published) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("这个约会软件，想用你和对方的相似好恶来帮你找对象", "1 March 2017, 14:27 UTC+8"),  # qdaily: Han only
    ("ソニー、新型カメラを発表", "1 March 2017, 14:27 UTC+9"),  # kana
    ("Dating by dislikes", "1 March 2017, 14:27"),  # a Latin title tells no zone
])
def test_a_page_that_declares_no_language_takes_its_zone_from_its_titles_script(title: str, expected: str) -> None:
    body = '<p class="time">谢若含2017-03-01 14:27:02</p><p>本文。</p>'
    assert format_when(meta_of(f"<title>{title}</title>", body, url="https://news.example/a").published) == expected


def test_a_utc_stamp_is_shown_in_the_zone_a_line_writes_in_capitals() -> None:
    head = '<meta property="article:published_time" content="2019-10-09T05:35:00Z">'
    body = '<p class="date">Updated: 11:05 IST</p><p>Text.</p>'
    assert format_when(published_of(head, body)) == "9 October 2019, 11:05 UTC+5:30"
    german = '<p class="date">Stand 11:05 ist neu</p><p>Text.</p>'
    assert format_when(published_of(head, german)) == "9 October 2019, 05:35 UTC"


def test_a_day_only_stamp_takes_the_time_of_a_later_stamp_of_that_day() -> None:
    head = '<meta name="date" content="2016-12-15">'
    body = '<article><time datetime="2016-12-15T15:33:00-05:00">December 15, 2016</time><p>Text.</p></article>'
    assert format_when(published_of(head, body)) == "15 December 2016, 15:33 UTC-5"
    other_day = body.replace("2016-12-15T", "2016-12-16T")
    assert format_when(published_of(head, other_day)) == "15 December 2016"  # another day: another event


def test_a_utc_stamp_on_a_japanese_page_is_shown_in_japan_time() -> None:
    head = '<meta property="article:published_time" content="2019-04-25T07:00:00Z">'
    found = meta_of(head, url="https://news.example/a", lang=' lang="ja"').published
    assert format_when(found) == "25 April 2019, 16:00 UTC+9"


def test_a_zoneless_stamp_takes_the_zone_of_a_stamp_with_the_same_clock_time() -> None:
    head = '<meta itemprop="datePublished" content="2016-12-19 19:19:00">'
    body = '<time datetime="2016-12-19 19:19:00 UTC"></time><p class="date">December 19, 2016 2:19 pm ET</p><p>Text.</p>'
    assert format_when(published_of(head, body)) == "19 December 2016, 14:19 UTC-5"


def test_a_stamp_labelled_utc_whose_clock_the_page_shows_in_its_own_zone_is_that_local_time() -> None:
    head = '<meta property="article:published_time" content="2019-04-19T20:00:00.000Z">'  # the CMS's mislabel
    body = '<time datetime="2019-04-19T20:00:00+09:00">2019.04.19 20:00</time><p>本文。</p>'
    assert format_when(published_of(head, body)) == "19 April 2019, 20:00 UTC+9"


def test_a_utc_stamp_stays_utc_and_says_so_when_the_page_states_no_zone() -> None:
    found = published_of('<meta property="article:published_time" content="2019-11-20T04:26:00Z">')
    assert format_when(found) == "20 November 2019, 04:26 UTC"


def test_a_zoneless_stamp_takes_the_offset_the_page_states() -> None:
    head = ('<meta property="article:published_time" content="2017-03-09T16:21:00">'
            '<meta property="article:modified_time" content="2017-03-10T09:00:00-05:00">')
    assert format_when(published_of(head)) == "9 March 2017, 16:21 UTC-5"


def test_published_keeps_its_offset_in_json() -> None:
    digest = Digest(title="T", summary="S.", body="B.", published=datetime(2019, 11, 19, 23, 26, tzinfo=EST))
    assert digest.to_json("x")["published"] == "2019-11-19T23:26:00-05:00"
    assert digest.dateline == "19 November 2019, 23:26 UTC-5"


@pytest.mark.parametrize(("lead", "place"), [
    ("HONG KONG (CNN Business) — Investors don't seem to know what to make of it.", "HONG KONG"),
    ("PITTSBURGH — The city council voted on Monday.", "PITTSBURGH"),
    ("KYIV, April 7 (Reuters) - Ukraine said on Thursday.", "KYIV"),
    ("Hong Kong (CNN Business)Investors don't seem to know what to make of it.", "Hong Kong"),  # set apart, glued
    ("Hong Kong (CNN Business)", "Hong Kong"),  # the dateline as a paragraph of its own
    ("Apple (AAPL) shares rose on Monday.", None),
    ("BERLIN (dpa) - Die Bundesregierung will", "BERLIN"),
    ("Frankfurt/Main (dpa) - Der Dax schloss", "Frankfurt/Main"),  # two places joined by a slash
    ("Köln (dpa/lnw) - Nach dem Unfall", "Köln"),  # a regional desk after the agency
    ("Rom (dpa/AFP) – Italien hat", "Rom"),  # two agencies
    ("WASHINGTON, D.C. — The Senate voted", "WASHINGTON, D.C."),
    ("【ロンドン＝岡田浩幸】１０日に行われたサッカー", "ロンドン"),  # a Japanese paper: place = reporter
    ("【ワシントン=共同】米政府は", "ワシントン"),
    ("新华社北京4月7日电（记者 张三）国务院", "北京"),  # a Chinese agency's place and day
    ("(서울=연합뉴스) 김철수 기자 = 정부는", "서울"),  # a Korean agency's place
    ("COLLISION COURSE: Dorsett, photographed in his home", None),  # a caption's kicker, no place
])
def test_place_from_the_first_line(lead: str, place: str | None) -> None:
    assert find_place(lead) == place


def test_the_place_of_a_lead_below_photo_captions() -> None:
    paragraphs = ["In this photo dated Tuesday, Nov. 29, 2016 the rocket booster is moved to the launch pad.",
                  "The rocket booster is moved to the launch pad.",
                  "MOSCOW (AP) — An unmanned Russian cargo spaceship broke up in the atmosphere on Thursday.",
                  "PARIS (AFP) — A later paragraph's dateline is no lead's."]
    assert find_lead_place(paragraphs) == "MOSCOW"
    assert find_lead_place(paragraphs[3:]) == "PARIS"
    assert find_lead_place(["The rocket booster is moved.", "It broke up.", "It fell.", "PARIS (AFP) — Late."]) is None


def test_place_of_a_pasted_page_whose_lead_follows_a_caption() -> None:
    text = ("Cargo ship lost on its way to the space station\n\n"
            "In this photo dated Tuesday, Nov. 29, 2016 the rocket booster is moved to the launch pad.\n\n"
            "MOSCOW (AP) — An unmanned Russian cargo spaceship heading to the International Space Station broke "
            "up in the atmosphere over Siberia on Thursday, the Russian space agency said.\n\n"
            "The Progress MS-04 cargo craft broke up at an altitude of about 190 kilometers over the remote "
            "Russian Tuva region, the agency said. It said most of the cargo burned up as it entered the "
            "atmosphere but some debris fell to Earth.\n\n"
            "The craft was carrying more than 2.5 tons of fuel, water, food and other supplies for the crew.\n")
    assert digest_page(Page(content=text, kind="text")).place == "MOSCOW"


def test_place_and_zone_in_the_dateline_of_a_page() -> None:
    html = ('<html lang="en"><head><title>Markets slide</title>'
            '<meta property="article:published_time" content="2019-11-20T04:26:00Z"></head><body><article>'
            '<p class="timestamp">Updated 11:26 pm EST, Tuesday, November 19, 2019</p>'
            "<p>HONG KONG (CNN Business) — Investors don't seem to know what to make of the trade war, "
            "and markets across Asia slid for a third day on Wednesday as hopes for a deal faded.</p>"
            "<p>The Hang Seng index fell 1.8% by the close, its worst day in a month, while Tokyo and "
            "Shanghai ended lower too, traders said.</p></article></body></html>")
    assert digest_page(Page(content=html, kind="html")).dateline == "HONG KONG, 19 November 2019, 23:26 UTC-5"


def pasted_published(header: str, lead: str = "") -> datetime | date | None:
    text = (f"{header}\n\n{lead or 'Markets across Asia slid for a third day on Wednesday as hopes for a trade deal faded, traders said.'}\n\n"
            "The Hang Seng index fell 1.8% by the close, its worst day in a month, while Tokyo and Shanghai ended "
            "lower too, as investors weighed the odds of new tariffs.\n\n"
            "Analysts said the slide could run on into next week unless the two sides announced a date for talks.\n")
    return digest_page(Page(content=text, kind="text")).published


@pytest.mark.parametrize(("header", "expected"), [
    ("Markets slide\nPUBLISHED TUE, NOV 19 20197:05 AM EST", "19 November 2019, 07:05 UTC-5"),  # year glued to the time
    ("Markets slide\nPublished 22:00, 11 July 2021 BST", "11 July 2021, 22:00 UTC+1"),  # the time before the date
    ("Markets slide\nUpdated 11:26 pm EST, Tuesday, November 19, 2019\nBy Jane Roe · November 19, 2019", "19 November 2019"),
    ("Markets slide\nDec. 13, 2016, 12:31 PM / Updated Dec. 13, 2016, 6:06 PM UTC", "13 December 2016, 12:31 UTC"),
    ("Markets slide\nDecember 16, 2016, 4:19 PM", "16 December 2016, 16:19"),  # no zone stated: as written
    ("Markets slide\nBy Zach Johnson Dec 12, 2016 2:00 PMTags", "12 December 2016, 14:00"),  # "PM" glued to a link
    # a US zone beside another day's time (a quote box) names the page's zone, Eastern standard time in January
    ("Markets slide\nBy Ann Lee - Jan 9, 2017 at 10:05AM\nPrice as of August 10, 2022, 1:20 p.m. ET", "9 January 2017, 10:05 UTC-5"),
])
def test_a_pasted_time_keeps_the_zone_the_paste_writes(header: str, expected: str) -> None:
    assert format_when(pasted_published(header)) == expected


def test_a_pasted_time_in_a_one_zone_language_is_in_that_zone() -> None:
    text = ("ソニー、新型カメラを発表\n\n2019年3月1日 13時16分\n\n"
            "ソニーは1日、新しいミラーレスカメラを発表した。発売は4月を予定しており、価格は未定としている。"
            "同社は昨年も同じシリーズの新製品を出しており、今回はその後継機にあたる。\n\n"
            "新製品はセンサーを刷新し、暗い場所での撮影性能を高めた。動画の記録時間も延びたという。"
            "同社は国内外の写真愛好家に向けて販売を広げる方針だ。\n")
    assert format_when(digest_page(Page(content=text, kind="text")).published) == "1 March 2019, 13:16 UTC+9"


def test_a_zone_named_in_any_meta_stamp_places_a_zoneless_time() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2017-11-03 03:01:00.000000"}'
            '</script><meta name="published_at" content="2017-11-03T03:01:00-04:00">')
    assert format_when(published_of(head)) == "3 November 2017, 03:01 UTC-4"


def test_a_zoneless_stamp_whose_clock_the_page_shows_in_the_other_half_of_the_day_keeps_its_date() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2018-04-05T06:00"}</script>'
    assert published_of(head, '<p class="updated-date">April 5, 2018 | 6:00 PM</p><p>Text.</p>') == date(2018, 4, 5)
    assert published_of(head, '<p class="updated-date">April 5, 2018 | 6:00 AM</p><p>Text.</p>') == datetime(2018, 4, 5, 6, 0)


def test_any_element_stamped_with_a_datetime_counts_as_a_time_but_an_edit() -> None:
    stamped = '<div class="byline__timestamp" datetime="2016-10-13 17:00:00 -0400">Oct 13, 2016</div><p>Text.</p>'
    assert format_when(published_of(body=stamped)) == "13 October 2016, 17:00 UTC-4"
    edit = '<ins datetime="2016-10-13T17:00:00-04:00">A correction.</ins><p>Text.</p>'
    assert not isinstance(published_of(body=edit), datetime)  # no step reads an edit's stamp as the time
