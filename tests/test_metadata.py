"""What a page says about itself (digest.html.meta): each fact from each place pages put it."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import lxml.html
import pytest

from digest.html import read_html
from digest.html.meta import Metadata, read_metadata


def meta_of(head: str = "", body: str = "<p>Text.</p>", *, url: str | None = "https://news.example/a/1",
            lang: str = "") -> Metadata:
    html = f"<!DOCTYPE html><html{lang}><head>{head}</head><body>{body}</body></html>"
    return read_metadata(lxml.html.document_fromstring(html), url)


def jsonld(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


# --- title -------------------------------------------------------------------------------------

def test_title_loses_the_site_suffix_named_by_og_site_name() -> None:
    meta = meta_of('<title>Pentagon confirms withdrawal | RT World News</title>'
                   '<meta property="og:site_name" content="RT World News">')
    assert meta.title == "Pentagon confirms withdrawal"


def test_title_loses_a_suffix_that_spells_the_host() -> None:
    meta = meta_of("<title>How to Build a Terrarium - eHow</title>", url="https://www.ehow.com/how_1.html")
    assert meta.title == "How to Build a Terrarium"


def test_title_keeps_a_dash_that_belongs_to_the_headline() -> None:
    meta = meta_of('<meta property="og:title" content="Friday Facts #282 - 0.17 in sight">'
                   '<meta property="og:site_name" content="Factorio">')
    assert meta.title == "Friday Facts #282 - 0.17 in sight"


def test_title_that_only_names_the_site_gives_way_to_the_next_candidate() -> None:
    meta = meta_of('<meta property="og:title" content="Quanta Magazine">'
                   '<meta property="og:site_name" content="Quanta Magazine">'
                   "<title>The Hidden Heroines of Chaos | Quanta Magazine</title>")
    assert meta.title == "The Hidden Heroines of Chaos"


def test_jsonld_name_is_preferred_to_a_headline_the_document_title_does_not_contain() -> None:
    meta = meta_of("<title>New Zealand - Wikipedia</title>" + jsonld(
        '{"@context": "https://schema.org", "@type": "Article", "name": "New Zealand",'
        ' "headline": "constitutional monarchy in Oceania"}'))
    assert meta.title == "New Zealand"


def test_cjk_title_cut_at_underscores_where_the_h1_agrees() -> None:
    meta = meta_of("<title>宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网</title>",
                   "<h1>宇航员在太空中喝酒会怎么样？后果很严重</h1><p>Text.</p>", url=None)
    assert meta.title == "宇航员在太空中喝酒会怎么样？后果很严重"


def test_bare_document_title_loses_a_short_tail() -> None:
    meta = meta_of("<title>Lorem ipsum dolor sit amet – My website</title>", url=None)
    assert meta.title == "Lorem ipsum dolor sit amet"


def test_no_title_anywhere_falls_back_to_the_h1() -> None:
    assert meta_of(body="<h1>Only a heading</h1><p>Text.</p>").title == "Only a heading"


# --- published ---------------------------------------------------------------------------------

def test_jsonld_date_keeps_the_pages_own_time_and_offset() -> None:
    meta = meta_of(jsonld('{"@type": "NewsArticle", "datePublished": "2022-04-07T10:15:00+03:00"}')
                   + '<meta property="article:published_time" content="2020-01-01T00:00:00Z">')
    assert meta.published == datetime(2022, 4, 7, 10, 15, tzinfo=timezone(timedelta(hours=3)))


def test_open_graph_article_published_time() -> None:
    meta = meta_of('<meta property="article:published_time" content="2023-11-14T08:30:00+01:00">')
    assert meta.published == datetime(2023, 11, 14, 8, 30, tzinfo=timezone(timedelta(hours=1)))


def test_marked_meta_date_wins_over_jsonld_date_created() -> None:
    meta = meta_of(jsonld('{"@type": "NewsArticle", "dateCreated": "2017-11-17T10:41:09Z"}')
                   + '<meta itemprop="datePublished" content="2017-11-16T14:15+0000">')
    assert meta.published == datetime(2017, 11, 16, 14, 15, tzinfo=timezone.utc)


def test_microdata_element_with_content() -> None:
    meta = meta_of(body='<span itemprop="datePublished" content="2022-04-07T18:05:00+02:00">7 aprile</span><p>x</p>')
    assert meta.published == datetime(2022, 4, 7, 18, 5, tzinfo=timezone(timedelta(hours=2)))


def test_lone_time_element() -> None:
    meta = meta_of(body='<p>Publié le <time datetime="2022-10-03T06:45">3 octobre à 06h45</time></p>')
    assert meta.published == datetime(2022, 10, 3, 6, 45)


def test_a_zoneless_stamp_whose_time_the_page_never_shows_keeps_its_date_only() -> None:
    meta = meta_of(body='<p>Publié le <time datetime="2022-10-03T06:45">3 octobre</time></p>')
    assert meta.published == date(2022, 10, 3)


def test_date_written_only_in_a_marked_line() -> None:
    meta = meta_of(body='<div class="meta">Publicado el 7 de abril de 2022, 09:30</div><p>Texto.</p>')
    assert meta.published == datetime(2022, 4, 7, 9, 30)


def test_date_written_only_in_the_document_title() -> None:
    meta = meta_of("<title>Una solución - 07.12.2017 - LA NACION</title>")
    assert meta.published == date(2017, 12, 7)


def test_midnight_is_a_date_without_a_time() -> None:
    meta = meta_of('<meta property="article:published_time" content="2015-07-10T00:00:00Z">')
    assert meta.published == date(2015, 7, 10)


def test_no_date_at_all_is_none() -> None:
    assert meta_of("<title>Undated</title>", "<p>No date here at all.</p>").published is None


# --- site --------------------------------------------------------------------------------------

def test_og_site_name() -> None:
    assert meta_of('<meta property="og:site_name" content="The Seattle Times">').site == "The Seattle Times"


def test_jsonld_publisher_inside_a_graph() -> None:
    meta = meta_of(jsonld('{"@graph": [{"@type": "Organization", "name": "Jornal do Pampa"},'
                          ' {"@type": "NewsArticle", "headline": "H"}]}'))
    assert meta.site == "Jornal do Pampa"


def test_application_name() -> None:
    assert meta_of('<meta name="application-name" content="Notizie Italia Oggi">').site == "Notizie Italia Oggi"


def test_copyright_line_gives_the_quoted_name_when_there_is_no_address() -> None:
    body = '<p>Text.</p><footer>© 2005–2022 Autonomous Nonprofit Organization “TV-Novosti”. All rights reserved.</footer>'
    assert meta_of(body=body, url=None).site == "TV-Novosti"


def test_cjk_copyright_line() -> None:
    assert meta_of(body="<p>Text.</p><div>光明网版权所有</div>", url=None).site == "光明网"


def test_title_part_that_spells_the_host() -> None:
    meta = meta_of("<title>La sequía obliga a restringir el riego | Diario del Sur</title>",
                   url="https://www.diariodelsur.example/andalucia/x.html")
    assert meta.site == "Diario del Sur"


def test_site_tagline_after_the_name_of_the_host_is_dropped() -> None:
    meta = meta_of('<meta property="og:site_name" content="Aktuálně.cz - Víte, co se právě děje">',
                   url="https://sport.aktualne.cz/fotbal/x/")
    assert meta.site == "Aktuálně.cz"


def test_site_from_the_host_when_the_page_names_none() -> None:
    assert meta_of(url="https://www.theguardian.com/world/x").site == "theguardian.com"


def test_no_site_without_an_address_or_a_name_in_the_page() -> None:
    assert meta_of(url=None).site is None


# --- address, language, byline, image ----------------------------------------------------------

def test_relative_canonical_resolved_and_tracking_removed() -> None:
    meta = meta_of('<link rel="canonical" href="/world/story?id=7&utm_source=tg&fbclid=abc">',
                   url="https://news.example/other?x=1")
    assert meta.url == "https://news.example/world/story?id=7"


def test_og_url_when_there_is_no_canonical_link() -> None:
    meta = meta_of('<meta property="og:url" content="https://news.example/a/2?gclid=1">')
    assert meta.url == "https://news.example/a/2"


def test_a_canonical_home_page_for_an_article_is_ignored() -> None:
    meta = meta_of('<link rel="canonical" href="https://news.example/">', url="https://news.example/a/1?utm_medium=x")
    assert meta.url == "https://news.example/a/1"


def test_no_address_without_url_or_absolute_canonical() -> None:
    assert meta_of('<link rel="canonical" href="/relative">', url=None).url is None


@pytest.mark.parametrize(("lang", "head", "expected"), [
    (' lang="pt-BR"', "", "pt"),
    ("", '<meta property="og:locale" content="fr_FR">', "fr"),
    ("", '<meta http-equiv="Content-Language" content="de">', "de"),
    ("", "", None),
])
def test_language(lang: str, head: str, expected: str | None) -> None:
    assert meta_of(head, lang=lang).language == expected


def test_byline_from_jsonld_authors() -> None:
    meta = meta_of(jsonld('{"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Luana Ribeiro"},'
                          ' {"@type": "Person", "name": "Tiago Moraes"}]}'))
    assert meta.byline == "Luana Ribeiro, Tiago Moraes"


def test_byline_prefix_removed_and_addresses_refused() -> None:
    assert meta_of('<meta name="author" content="By Jane Doe">').byline == "Jane Doe"
    assert meta_of('<meta property="article:author" content="https://facebook.com/jane">').byline is None


def test_image_made_absolute() -> None:
    meta = meta_of('<meta property="og:image" content="/img/a.jpg">', url="https://news.example/a/1")
    assert meta.image == "https://news.example/img/a.jpg"


def test_jsonld_in_cdata_is_read_and_broken_jsonld_is_skipped() -> None:
    meta = meta_of(jsonld("{broken") + jsonld('<![CDATA[{"@type": "Article", "datePublished": "2001-10-29"}]]>'))
    assert meta.published == date(2001, 10, 29)


def test_a_slashed_date_in_text_is_read_in_the_page_language_order() -> None:
    """07/04/2022 on a French page is 7 April; on an English (US) page, 4 July."""

    def page(lang: str) -> str:
        return (f'<html lang="{lang}"><head><title>Le port rouvre</title></head><body><article><h1>Le port rouvre</h1>'
                '<div class="date">Publié le 07/04/2022</div>'
                + "<p>Le port a rouvert mardi après une semaine de travaux sur la digue, a indiqué la capitainerie.</p>" * 3
                + "</article></body></html>")

    assert read_html(page("fr"), url=None).published == date(2022, 4, 7)
    assert read_html(page("en"), url=None).published == date(2022, 7, 4)


def test_date_on_a_line_of_its_own_after_the_headline() -> None:
    body = '<h1>Hafen wieder offen</h1><div class="x1"><p class="q7">5. März 2019</p></div><p>Der Hafen ist offen.</p>'
    assert meta_of(body=body, url="https://news.example/a").published == date(2019, 3, 5)


def test_a_date_mentioned_in_a_sentence_after_the_headline_is_not_the_pages() -> None:
    body = "<h1>Harbour reopens</h1><p>The harbour, closed on 5 March 2019 after the storm, reopened.</p>"
    assert meta_of(body=body, url="https://news.example/a").published is None


def test_a_date_on_its_own_line_above_the_text_of_a_page_without_headline_or_date_markup() -> None:
    prose = "The new keyboards are lighter to type on, and six models go on sale this month in three sizes. " * 3
    body = f'<table><tr><td><p class="section-last">2019.03.05</p></td></tr></table><p>{prose}</p>'
    assert meta_of(body=body, url="https://news.example/a").published == date(2019, 3, 5)


def test_a_date_below_the_first_long_text_belongs_to_a_sidebar_not_the_page() -> None:
    prose = "The new keyboards are lighter to type on, and six models go on sale this month in three sizes. " * 3
    body = f"<p>{prose}</p><div><span>Created</span> Jan 25, 2008</div>"
    assert meta_of(body=body, url="https://news.example/a").published is None


def test_a_bare_copyright_year_is_no_publication_date() -> None:
    body = "<p>The harbour reopened.</p><footer>© 2015 Coast Times</footer>"
    assert meta_of(body=body, url="https://news.example/a").published is None


def test_the_description_is_open_graphs_else_the_plain_one_else_json_ld() -> None:
    assert meta_of('<meta name="description" content="Plain.">'
                   '<meta property="og:description" content="Ferries  run &amp; dock again.">').description == (
        "Ferries run & dock again.")
    assert meta_of('<meta name="description" content="Plain one.">').description == "Plain one."
    assert meta_of(jsonld('{"@type": "NewsArticle", "headline": "H", "description": "From JSON-LD."}')).description == (
        "From JSON-LD.")
    assert meta_of().description is None


def test_a_post_under_the_blogs_name_is_not_the_sites_own_name() -> None:
    meta = meta_of("<title>Daring Fireball: Colophon</title>", '<a href="/"><img alt="Daring Fireball"></a>'
                   "<h1>About This Site</h1><p>Text.</p>", url="https://daringfireball.net/colophon/")
    assert (meta.site, meta.title) == ("Daring Fireball", "Daring Fireball: Colophon")
