"""Titles exactly as a reader sees them: entities decoded once, the displayed headline over a
title written for sharing, site names in CJK titles cut (digest.html.meta.headline, .title, .tags)."""

from __future__ import annotations

import pytest

from digest.html.meta.headline import displayed_headline, reworded
from digest.html.meta.tags import unescaped
from tests.test_metadata import meta_of


# --- entities, decoded exactly once -----------------------------------------------------------

@pytest.mark.parametrize(("source", "expected"), [
    ("Investors don&amp;#39;t seem to know", "Investors don't seem to know"),
    ("&amp;#8216;The Medium is the Message&amp;#8217;: a festival", "‘The Medium is the Message’: a festival"),
    ("Bike &amp;amp; Style book review", "Bike & Style book review"),
    ("AT&amp;T earnings beat", "AT&T earnings beat"),  # escaped once, as it should be: left alone
])
def test_og_title_escaped_twice_is_decoded_once_more(source: str, expected: str) -> None:
    assert meta_of(f'<meta property="og:title" content="{source}">').title == expected


def test_a_value_escaped_three_times_is_decoded_only_once_more() -> None:
    # "&amp;amp;lt;" is "&amp;lt;" after the parser: one more pass gives "&lt;", never "<"
    assert unescaped("&amp;lt;b&amp;gt; tags") == "&lt;b&gt; tags"


def test_jsonld_headline_with_entities_is_decoded() -> None:
    meta = meta_of('<script type="application/ld+json">'
                   '{"@type": "NewsArticle", "headline": "Don&#8217;t panic &amp; carry on"}</script>')
    assert meta.title == "Don’t panic & carry on"


def test_meta_value_attribute_is_read_like_content() -> None:
    meta = meta_of('<meta value="Harbour reopens after storm" name="og:title">'
                   '<meta value="Coast Times" name="og:site_name">')
    assert (meta.title, meta.site) == ("Harbour reopens after storm", "Coast Times")


# --- the displayed headline -------------------------------------------------------------------

def test_displayed_h1_wins_over_a_shorter_social_title() -> None:
    meta = meta_of('<meta property="og:title" content="Jennifer Aniston on Leaving the Tags on Her Coat">',
                   "<h1>Jennifer Aniston on Leaving the Tags on Her Céline Coat: 'I Wore It Four Times'</h1>")
    assert meta.title == "Jennifer Aniston on Leaving the Tags on Her Céline Coat: 'I Wore It Four Times'"


def test_h1_declared_as_the_document_title_wins_over_a_different_og_title() -> None:
    meta = meta_of('<meta property="og:title" content="BREAKING: Hunt For Berlin Suspect Comes To Bloody End">'
                   "<title>Berlin Suspect Shot Dead In Milan By Rookie Officer</title>",
                   "<h1>Berlin Suspect Shot Dead In Milan By Rookie Officer</h1>")
    assert meta.title == "Berlin Suspect Shot Dead In Milan By Rookie Officer"


def test_h1_inside_a_decorated_social_title_wins() -> None:
    meta = meta_of('<meta property="og:title" content="Nikki Haley to Resign as Ambassador (Published 2018)">',
                   "<h1>Nikki Haley to Resign as Ambassador</h1>")
    assert meta.title == "Nikki Haley to Resign as Ambassador"


@pytest.mark.parametrize("h1", ["Politics", "Coast Times", "Sign up for our daily newsletter today"])
def test_section_logo_or_unrelated_h1_never_replaces_the_title(h1: str) -> None:
    meta = meta_of('<title>Why the harbour stayed shut all winter | Coast Times Politics</title>'
                   '<meta property="og:site_name" content="Coast Times">', f"<h1>{h1}</h1>")
    assert meta.title == "Why the harbour stayed shut all winter"


def test_a_short_h1_shown_apart_from_the_rest_of_the_social_title_is_the_headline() -> None:
    """"Artist – Song": the page shows the song as its <h1> and the artist as a lower heading."""
    meta = meta_of('<meta property="og:title" content="Harbour Lights and the Tide – Salt Road">'
                   "<title>Harbour Lights and the Tide – Salt Road Lyrics | Songbook</title>",
                   "<h1>Salt Road</h1><h2>Harbour Lights and the Tide</h2><h2>Salt Road Lyrics</h2>"
                   "<h3>About “Salt Road”</h3>")
    assert meta.title == "Salt Road"


def test_a_short_h1_that_is_part_of_the_title_but_not_shown_apart_leaves_it_alone() -> None:
    meta = meta_of('<meta property="og:title" content="Harbour Lights and the Tide – Salt Road">',
                   "<h1>Salt Road</h1><h2>Salt Road Lyrics</h2><h3>About “Harbour Lights”</h3>")
    assert meta.title == "Harbour Lights and the Tide – Salt Road"


def test_a_blog_name_h1_over_its_post_heading_is_not_a_headline_shown_apart() -> None:
    meta = meta_of("<title>Harbour Notes - The pier reopens after the winter storms, two months late</title>",
                   "<h1>Harbour Notes</h1><h3>The pier reopens after the winter storms, two months late</h3>")
    assert meta.title == "The pier reopens after the winter storms, two months late"


def test_two_different_related_h1s_leave_the_title_alone() -> None:
    title = "How the harbour was rebuilt after the storm"
    assert displayed_headline(["How the harbour was rebuilt", "The harbour was rebuilt after a storm"], list,
                              title, [title], []) is None


def test_a_logo_h1_repeating_the_host_name_is_no_headline() -> None:
    headings = ["lifehackerlifehacker", "新聞ストッカーは引越しにも使える！ 家具の固定も簡単"]
    title = "新聞ストッカーは引越しにも使える！ 新聞も家具も簡単に固定"
    assert displayed_headline(headings, list, title, [title], ["lifehacker"]) == headings[1]


def test_cjk_headlines_compared_by_character_pairs() -> None:
    assert reworded("新聞ストッカーは引越しにも使える！ 家具の固定も簡単", "新聞ストッカーは引越しにも使える！ 新聞も家具も簡単に固定")
    assert not reworded("イベント・セミナー情報", "新聞ストッカーは引越しにも使える")


# --- which headings a reader sees (digest.html.meta.headings) ---------------------------------

def test_kicker_and_screen_reader_text_are_no_part_of_the_displayed_headline() -> None:
    meta = meta_of('<meta property="og:title" content="Genetik: Das Geheimnis der parasitischen Riesenblumen">',
                   '<h2><span class="content__kicker">Genetik</span><span class="sr-only">: </span>'
                   '<span class="content__title">Das Geheimnis der parasitischen Riesenblumen</span></h2>')
    assert meta.title == "Das Geheimnis der parasitischen Riesenblumen"


def test_h1_in_the_breadcrumb_trail_is_not_the_headline() -> None:
    meta = meta_of('<title>Genetik: Das Geheimnis der Rafflesien - Spektrum</title>'
                   '<meta property="og:title" content="Das Geheimnis der parasitischen Riesenblumen">',
                   '<ol class="breadcrumbs"><li><a href="/">Start</a></li>'
                   '<li><h1>Genetik: Das Geheimnis der Rafflesien</h1></li></ol>'
                   '<h2>Das Geheimnis der parasitischen Riesenblumen</h2>')
    assert meta.title == "Das Geheimnis der parasitischen Riesenblumen"


def test_alternative_headline_h1_gives_way_to_the_headline() -> None:
    meta = meta_of('<title>Millennial Decorating Mistakes | Home Blog</title>'
                   '<meta property="og:title" content="The 5 Biggest Decorating Mistakes Millennials Make">',
                   '<h1 itemprop="alternativeHeadline">Millennial Decorating Mistakes</h1>'
                   '<h2 itemprop="headline">The 5 Biggest Decorating Mistakes Millennials Make</h2>')
    assert meta.title == "The 5 Biggest Decorating Mistakes Millennials Make"


def test_h2_declared_in_the_markup_is_the_headline_when_every_h1_is_a_logo() -> None:
    meta = meta_of('<meta property="og:title" content="As the College Votes, a Candidate Is Embarrassed!">'
                   '<meta name="sailthru.title" content="Candidate Gets More Faithless Electors Than Rival">'
                   '<meta property="og:site_name" content="The Insider">',
                   '<h1><span class="sr-only">The Insider</span></h1><h1>The Insider</h1>'
                   '<h2>Candidate Gets More Faithless Electors Than Rival</h2>')
    assert meta.title == "Candidate Gets More Faithless Electors Than Rival"


@pytest.mark.parametrize("h2", [
    "Open Journalism Project:",  # a phrase inside the title, as an inner section's heading
    "The Open Journalism Project makes better student journalism",  # a deck rewording the title
])
def test_h2_only_sharing_words_with_the_title_leaves_it_alone(h2: str) -> None:
    title = "The Open Journalism Project: Better Student Journalism"
    assert meta_of(f'<meta property="og:title" content="{title}">', f"<h2>{h2}</h2>").title == title


def test_h1_that_is_the_title_made_longer_wins_over_a_one_word_title() -> None:
    meta = meta_of('<meta property="og:title" content="Arbeit">', "<h1>Wir kämpfen für gute Arbeit</h1>")
    assert meta.title == "Wir kämpfen für gute Arbeit"


def test_an_id_or_a_date_h2_is_no_headline() -> None:
    meta = meta_of("<title>JVNDB-2018-013542 - JVN iPedia - 脆弱性対策情報データベース</title>",
                   "<h2>JVNDB-2018-013542</h2>")
    assert meta.title.startswith("JVNDB-2018-013542 - JVN iPedia")


def test_site_name_words_left_in_the_title_do_not_make_a_logo_h1_a_rewording() -> None:
    meta = meta_of("<title>Conversations with a Cryptid - Chapter 1 [Archive of Our Own]</title>",
                   "<h1>Archive of Our Own beta</h1><h2>Conversations with a Cryptid</h2>")
    assert meta.title == "Conversations with a Cryptid"


# --- site names in CJK titles -----------------------------------------------------------------

@pytest.mark.parametrize(("title", "site"), [
    ("メディア芸術祭賞が受賞：朝日新聞デジタル", "朝日新聞デジタル"),
    ("マインドマップ風のツリーを描画できる「Treeviz」:phpspot開発日誌", "phpspot開発日誌"),
    ("指紋認証マウスを発売。｜サンワサプライ株式会社", "サンワサプライ株式会社"),
])
def test_cjk_title_loses_the_site_after_a_full_width_or_unspaced_separator(title: str, site: str) -> None:
    meta = meta_of(f'<title>{title}</title><meta property="og:site_name" content="{site}">')
    assert meta.title == title[: title.rindex(site) - 1]


@pytest.mark.parametrize(("title", "expected"), [
    ("海外留学生看两会：出国前后关注点大不同_教育频道_中国青年网", "海外留学生看两会：出国前后关注点大不同"),  # the channel goes too
    ("日本語の見出し：前編_中国青年网", "日本語の見出し：前編"),  # a short part after "：" is the headline's own
])
def test_a_portals_channel_between_headline_and_site_name_goes_with_the_name(title: str, expected: str) -> None:
    assert meta_of(f'<title>{title}</title><meta property="og:site_name" content="中国青年网">').title == expected


def test_a_parenthesis_the_other_titles_lack_is_decoration() -> None:
    head = ('<meta property="og:title" content="Nikki Haley to Resign as Ambassador (Published 2018)">'
            "<title>Nikki Haley to Resign as Ambassador - The New York Times</title>"
            '<meta property="og:site_name" content="The New York Times">')
    assert meta_of(head).title == "Nikki Haley to Resign as Ambassador"
    kept = '<meta property="og:title" content="AT&amp;T declared war on an open internet (and us)">'
    assert meta_of(kept + "<title>AT&amp;T declared war on an open internet (and us) - The Verge</title>").title \
        == "AT&T declared war on an open internet (and us)"
