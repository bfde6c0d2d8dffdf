"""Reading an HTML page into an Article (digest.html): paragraphs, junk out, standfirst, place."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.errors import ExtractionError
from digest.html import read_html
from digest.html.clean import remove_junk
from digest.html.paragraphs import paragraphs_of

PAGES = Path(__file__).parent / "fixtures" / "pages"
FILLER = ("The council met on Tuesday to discuss the budget for the next year, and the debate went on for hours. "
          "Members argued about roads, schools and the cost of heating public buildings during the winter. ")


def golden(slug: str) -> tuple[str, dict]:
    folder = PAGES / slug
    return (folder / "source.html").read_text(encoding="utf-8"), json.loads((folder / "expected.json").read_text())


def article_page(paragraphs: str, head: str = "<title>Council agrees budget</title>") -> str:
    return f"<html><head>{head}</head><body><div class='story'><h1>Council agrees budget</h1>{paragraphs}</div></body></html>"


def tree(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(html, create_parent="div")


# --- whole pages -------------------------------------------------------------------------------

def test_jsonld_only_page_reads_fully() -> None:
    html, expected = golden("html-ru-jsonld-only")
    article = read_html(html, url=expected["url"])
    assert article.title == "Минфин предложил снизить налог для малого бизнеса"
    assert article.published == datetime(2022, 4, 7, 10, 15, tzinfo=timezone(timedelta(hours=3)))
    assert article.site == "Вечерний Вестник"
    assert article.url == "https://vestnik.example/economy/2022/04/07/nalog"
    assert (article.language, article.byline) == ("ru", "Анна Соколова")
    assert article.image == "https://vestnik.example/img/minfin.jpg"
    body = "\n".join(article.paragraphs)
    for junk in ("Фото:", "Читайте также", "Реклама", "Подпишитесь", "Поделиться"):
        assert junk not in body
    assert len(article.paragraphs) == 6


def test_standfirst_is_kept_apart_and_not_repeated() -> None:
    html, expected = golden("html-de-og-only")
    article = read_html(html, url=expected["url"])
    assert article.standfirst is not None and article.standfirst.startswith("Ab Dezember fährt kein Nachtzug")
    assert all(not p.startswith("Ab Dezember") for p in article.paragraphs)
    assert "Von Jonas Weber" not in article.paragraphs  # the byline repeated as a paragraph


@pytest.mark.parametrize(("slug", "place"), [
    ("html-en-reuters-dateline", "MOSCOW"),
    ("html-it-reuters-microdata", "ROMA"),
    ("html-de-og-only", "BERLIN"),
    ("html-pt-jsonld-graph", None),
])
def test_place_only_when_the_lead_gives_one(slug: str, place: str | None) -> None:
    html, expected = golden(slug)
    assert read_html(html, url=expected.get("url")).place == place


def test_saved_page_without_address_has_no_url_and_no_invented_site() -> None:
    article = read_html(article_page(f"<p>{FILLER}</p><p>{FILLER}</p>"), url=None)
    assert (article.url, article.site) == (None, None)
    assert article.title == "Council agrees budget"


def test_headline_repeated_atop_the_article_is_not_a_paragraph() -> None:
    article = read_html(article_page(f"<p>{FILLER}</p><p>{FILLER}</p>"), url=None)
    assert "Council agrees budget" not in article.paragraphs


def test_a_heading_atop_the_article_made_of_the_titles_words_is_the_headline() -> None:
    content = tree(f"<h2>Lupita Nyong'o</h2><p>{FILLER}</p><h2>Budget debate</h2><p>{FILLER}</p>")
    remove_junk(content, title="Lupita Nyong'o's $150K Pearl Oscar Dress -- STOLEN!!!!")
    assert paragraphs_of(content) == [FILLER.strip(), "Budget debate", FILLER.strip()]


def test_a_heading_atop_the_article_with_words_of_its_own_stays() -> None:
    content = tree(f"<h2>Oscar night in pictures</h2><p>{FILLER}</p>")
    remove_junk(content, title="Lupita Nyong'o's $150K Pearl Oscar Dress -- STOLEN!!!!")
    assert paragraphs_of(content)[0] == "Oscar night in pictures"


PROJECTS = [("Alpha", "Alpha is a code editor made by a large company, ranked the most popular tool in a survey."),
            ("Beta", "Beta is a framework for numerical computing with machine learning."),
            ("Gamma", "Gamma is an automation tool for advanced IT tasks."),
            ("Delta", "Delta is a framework for building user interfaces on the web.")]


def test_an_article_readability_cleans_away_whole_is_the_pages_densest_box_of_paragraphs() -> None:
    # short items each followed by its address: readability-lxml finds the box, then drops it for its links
    items = "".join(f'<h3>{name}</h3><p>{text}</p><p><a href="https://{name.lower()}.example.org/">'
                    f"https://{name.lower()}.example.org/</a></p>" for name, text in PROJECTS)
    html = (f"<html><head><title>Four projects of the year</title></head><body><ul><li><a href='/'>Home</a></li></ul>"
            f"<div><div><p>Four projects that stood out this year.</p>{items}</div></div></body></html>")
    article = read_html(html, url=None)
    assert article.paragraphs[:3] == ("Four projects that stood out this year.", "Alpha", PROJECTS[0][1])
    assert PROJECTS[-1][1] in article.paragraphs and "Home" not in article.paragraphs


@pytest.mark.parametrize("html", ["", "   \n", "<html><body></body></html>"])
def test_empty_page_is_an_extraction_error(html: str) -> None:
    with pytest.raises(ExtractionError):
        read_html(html, url=None)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_an_article_or_an_extraction_error(text: str) -> None:
    try:
        read_html(f"<html><body><p>{text}</p></body></html>", url=None)
    except ExtractionError:
        pass


# --- paragraphs --------------------------------------------------------------------------------

def test_blocks_become_paragraphs_in_order() -> None:
    root = tree("<h2>Heading</h2><p>First  <b>bold</b>\n text.</p><ul><li>One item</li><li>Two</li></ul><pre>x = 1</pre>")
    assert paragraphs_of(root) == ["Heading", "First bold text.", "One item", "Two", "x = 1"]


def test_table_row_is_one_line() -> None:
    root = tree("<table><tr><th>Film</th><th>Year</th></tr><tr><td>Groundhog Day</td><td>1993</td></tr></table>")
    assert paragraphs_of(root) == ["Film | Year", "Groundhog Day | 1993"]


def test_double_line_break_splits_loose_text_into_paragraphs() -> None:
    root = tree("First line of the post<br>same paragraph<br><br>Second paragraph of the post")
    assert paragraphs_of(root) == ["First line of the post same paragraph", "Second paragraph of the post"]


def test_loose_text_beside_blocks_is_kept_however_short() -> None:
    root = tree("<p>A paragraph.</p> there are two solutions to this <p>Another.</p> ghi")
    assert paragraphs_of(root) == ["A paragraph.", "there are two solutions to this", "Another.", "ghi"]


def test_an_ad_label_or_share_bar_left_loose_is_not_a_paragraph() -> None:
    root = tree("<p>A paragraph.</p> Advertisement <p>Another.</p> Share Tweet Email")
    assert paragraphs_of(root) == ["A paragraph.", "Another."]


def test_mathml_is_text_a_reader_sees() -> None:
    root = tree("<p> When <math><mi> a </mi><mo> ≠ </mo><mn> 0 </mn></math>, there are two solutions</p>")
    assert paragraphs_of(root) == ["When a ≠ 0 , there are two solutions"]


# --- junk --------------------------------------------------------------------------------------

def clean(html: str, **kwargs: str) -> list[str]:
    root = tree(f"<p>{FILLER}</p>{html}<p>{FILLER}</p><p>{FILLER}</p>")
    remove_junk(root, **kwargs)
    return [p for p in paragraphs_of(root) if p != FILLER.strip()]


@pytest.mark.parametrize("junk", [
    "<figure><img src='a.jpg'><figcaption>The council chamber. Photo: Jane Roe</figcaption></figure>",
    "<p class='wp-caption-text'>The mayor at the meeting</p>",
    "<p>Photo: Reuters</p>",
    "<p>Advertisement</p>",
    "<div>Реклама</div>",
    "<div><a href='#'>Share</a> <a href='#'>Facebook</a> <a href='#'>Email</a></div>",
    "<p>Read more: <a href='/other'>Council to vote on new parking rules next month</a></p>",
    "<p>Lire aussi : <a href='/autre'>Le conseil vote le budget</a></p>",
    "<div class='newsletter-signup'><p>Get the best stories in your inbox.</p></div>",
    "<p>Sign up for our daily newsletter.</p>",
    "<h3>Related stories</h3><ul><li><a href='/a'>One</a></li><li><a href='/b'>Two</a></li></ul>",
    "<div class='share-tools'><p>Copy link</p></div>",
    "<p>Updated 7 April 2022, 10:15</p>",
    "<p>JIM WATSON/AFP/Getty Images</p>",
    "<div class='jp-relatedposts'><p class='jp-relatedposts-post-excerpt'>Another post entirely.</p></div>",
    "<p>Shoppers compare prices online… Read more Read more</p>",
    "<div class='sharedaddy'><p>Like this post.</p></div>",
    "<div role='note' class='hatnote'>Main article: <a href='/wiki/Firefox'>Firefox</a></div>",
    "<p class='reviewedBy_fmt'>Reviewed by <a href='/hansa-bhargava'>Hansa D. Bhargava, MD</a></p>",
    "<div role='note'>For matrices with symmetry over the real number field, see <a href='/s'>symmetric matrix</a>.</div>",
])
def test_junk_is_removed(junk: str) -> None:
    assert clean(junk) == []


def test_byline_repeated_as_a_paragraph_is_removed() -> None:
    assert clean("<p>By Jane Doe</p>", byline="Jane Doe") == []


@pytest.mark.parametrize("content", [
    "<p>Photographers gathered outside the hall as the vote was counted late into the night.</p>",
    "<p>The share of the budget spent on roads rose to a third, the largest in a decade.</p>",
    "<pre><span class='go'>2020-08-01 18:00:00+00 | 200 | 4084</span></pre>",
    "<p>link</p>",
    "<p>The Reuters/Ipsos poll shows support falling.</p>",
    "<p>Written by hand, the letter reached the council a week late.</p>",
    "<p>Reviewed by Parliament in May.</p>",
    ("<div id='evolve-shared-mutable-history'><p>Using Mercurial with evolve to share mutable history solves these "
     "problems.</p></div>"),
])
def test_content_that_looks_a_little_like_junk_stays(content: str) -> None:
    assert clean(content) != []


def test_a_caption_marked_box_holding_a_heading_is_a_story_item_not_a_caption() -> None:
    item = ("<div class='buzz_superlist_item image_hit no_caption'><h2>The mother of a woman who took suspected diet "
            "pills bought online has described how her daughter was burning up from within.</h2>"
            "<p class='article_caption_w_attr'><span class='buzz_attribution'>West Merica Police</span></p></div>")
    assert clean(item) == [("The mother of a woman who took suspected diet pills bought online has described how her "
                            "daughter was burning up from within.")]


def test_a_junk_class_on_the_container_holding_the_story_does_not_remove_it() -> None:
    root = tree(f"<div class='related-content story'><p>{FILLER}</p><p>{FILLER}</p></div><p>Short.</p>")
    remove_junk(root)
    assert len(paragraphs_of(root)) == 3


# --- paragraphs readability left behind ---------------------------------------------------------

def test_lead_in_a_sibling_intro_box_is_brought_back_in_page_order() -> None:
    lead = ("A HIGH-powered federal government team has been doing the rounds of media organisations "
            "in the past few days in an attempt to allay concerns about the new law.")
    body = "".join(f"<p>{FILLER} Part {n}.</p>" for n in range(6))
    html = (f"<html><head><title>Council agrees budget</title></head><body><div class='story-body'>"
            f"<div class='story-intro'><p><strong>{lead}</strong></p></div>"
            f"<div id='read-more'><div id='read-more-link'><a href=''>Read more</a></div>"
            f"<div id='middleAd'><div class='ad-block'></div></div><div id='read-more-content'>{body}</div></div>"
            "<div class='comments'><p>Readers who leave a comment agree to our rules on respectful discussion, "
            "and we remove comments that break them without notice.</p></div></div></body></html>")
    paragraphs = read_html(html, url=None).paragraphs
    assert paragraphs[0] == lead
    assert len(paragraphs) == 7


@pytest.mark.parametrize("announcement", [
    "<h3>What You'll Need:</h3>",
    "<span class='headline2 head mg-1 block'>What You'll Need:</span>",
])
def test_a_list_the_text_announces_is_brought_back(announcement: str) -> None:
    steps = "".join(f"<div class='step'><div class='content'><p>{FILLER} Step {n}.</p></div></div>" for n in range(4))
    needs = (f"<div class='step'><div class='content'>{announcement}<ul class='markdown-ul'>"
             "<li>Cloche</li><li>Planter saucer</li><li>Floral foam oasis</li><li>Ruler</li></ul></div></div>")
    html = (f"<html><head><title>How to Build a Terrarium</title></head><body><section id='Body'>"
            f"<div class='col-main'><div class='intro'><p>{FILLER}</p></div>{needs}{steps}</div></section></body></html>")
    paragraphs = read_html(html, url=None).paragraphs
    assert ["What You'll Need:", "Cloche", "Planter saucer", "Floral foam oasis", "Ruler"] == [
        p for p in paragraphs if len(p) < 20]


def test_a_section_heading_that_is_a_link_is_brought_back_over_its_text() -> None:
    games = "".join(
        f"<h3><a href='https://www.playstation.com/en-us/games/game-{n}/'>“Game {n}” ($30)</a></h3>"
        f"<div class='iframe-wrapper'></div><p>{FILLER} Game {n}.</p>" for n in range(4))
    video = ("<div class='rv'><h2 class='rv-title'><a href='http://v.qq.com/page/x.html'>全民微信时代，用语音功能发60秒是种怎样的"
             "体验？</a></h2></div>")
    html = (f"<html><head><title>The best PSVR games</title></head><body><div class='canvas-body'>"
            f"<h2>The best PSVR games</h2><p>{FILLER} Intro.</p>{games}{video}<p>{FILLER} End.</p></div></body></html>")
    paragraphs = read_html(html, url=None).paragraphs
    assert [p for p in paragraphs if len(p) < 40] == [f"“Game {n}” ($30)" for n in range(4)]


def test_a_link_whose_class_looks_unlikely_keeps_its_words_in_the_sentence() -> None:
    note = "<a href=\"javascript:void(0);\" onclick=\"return overlib('Why does he stress that he is elderly?')\" class=\"popup\">"
    html = article_page(f"<p>I am a {note}rather elderly</a> man. The nature of my {note}avocations</a> for the last "
                        f"thirty years has brought me into more than ordinary contact with the law-copyists.</p><p>{FILLER}</p>")
    paragraphs = read_html(html, url=None).paragraphs
    assert paragraphs[0].startswith("I am a rather elderly man. The nature of my avocations for the last thirty years")


def test_what_a_reader_never_sees_is_not_read() -> None:
    html = article_page(f"<p><span aria-hidden='true'>**WRONG**</span>Lorem ipsum dolor sit amet, consectetur adipisicing "
                        f"elit.</p><p style='display: none'>A collapsed copy of the story.</p><p hidden>Hidden.</p>"
                        f"<p>{FILLER}</p>")
    paragraphs = read_html(html, url=None).paragraphs
    assert paragraphs == ("Lorem ipsum dolor sit amet, consectetur adipisicing elit.", FILLER.strip())


def test_a_table_cell_whose_class_looks_unlikely_keeps_its_words() -> None:
    rows = "".join(f"<tr><td>Feature {n}</td><td>Shipped in release {n} after review</td></tr>" for n in range(8))
    html = article_page(f"<p>{FILLER}</p><table><tr><td class='header_cell'>General UX</td>"
                        f"<td class='header_cell'>UX draft</td></tr>{rows}</table><p>{FILLER}</p>")
    assert "General UX | UX draft" in read_html(html, url=None).paragraphs


def test_a_left_behind_list_takes_its_place_among_kept_list_items_and_headings() -> None:
    item = "Item {}: the council agreed to repair the roads near the school, the bridge and the old market before winter"
    html = ("<html><head><title>Council notes</title></head><body><div class='entry-content'>"
            f"<p>{FILLER}</p><h2>Highlights</h2><ul><li>{item.format(1)}</li><li>{item.format(2)}</li></ul>"
            "<h3>What You'll Need:</h3><ul><li>Cloche</li><li>Ruler</li></ul>"
            f"<h2>Updates</h2><ul><li>{item.format(3)}</li><li>{item.format(4)}</li></ul><p>{FILLER}</p></div></body></html>")
    paragraphs = read_html(html, url=None).paragraphs
    assert paragraphs[1:10] == ("Highlights", item.format(1), item.format(2), "What You'll Need:", "Cloche", "Ruler",
                                "Updates", item.format(3), item.format(4))


def test_an_embedded_tweet_the_article_quotes_is_kept() -> None:
    tweet = ("<blockquote class='twitter-tweet'><p>Drinking game for web devs: (1) Think of a noun (2) Google "
             "'&lt;noun&gt;.js' (3) If a library with that name exists - drink</p>— Shay Friedman (@ironshay) "
             "<a href='https://twitter.com/ironshay/statuses/370525864523743232'>August 22, 2013</a></blockquote>")
    html = article_page(f"<p>{FILLER}</p>{tweet}<p>{FILLER}</p>")
    assert any(p.startswith("Drinking game for web devs") for p in read_html(html, url=None).paragraphs)


def test_the_deck_in_the_articles_header_is_read() -> None:
    deck = "Get to know the features that make it the most complete browser for building the Web."
    html = (f"<html><head><title>Council agrees budget</title></head><body><main><section class='intro'>"
            f"<header><h1>Council agrees budget</h1><p>{deck}</p></header><p>{FILLER}</p><p>{FILLER}</p>"
            "</section></main></body></html>")
    assert deck in read_html(html, url=None).paragraphs


def test_a_page_saved_with_a_dialog_open_is_still_read() -> None:
    html = ("<html><head><title>Council agrees budget</title></head><body><div id='app' aria-hidden='true'>"
            f"<div class='story'><h1>Council agrees budget</h1><p>{FILLER}</p><p>{FILLER}</p></div></div>"
            "<div role='dialog'><p>We use cookies.</p></div></body></html>")
    assert FILLER.strip() in read_html(html, url=None).paragraphs


def page_with_deck(deck_element: str, *, headline: str = "<h1>Council agrees budget</h1>", body_class: str = "") -> str:
    return (f"<html><head><title>Council agrees budget</title></head><body class='{body_class}'><main><article>"
            f"<header>{headline}{deck_element}</header><div class='body'><p>{FILLER}</p><p>{FILLER}</p></div>"
            "</article></main></body></html>")


DECK = "Roads and schools win, heating loses: the council settles a year of arguments in one night."


@pytest.mark.parametrize(
    "html",
    [
        # a generated class name that says "Dek" inside it
        page_with_deck(f"<div class='ContentHeaderDek-uWfLh'>{DECK}</div>"),
        # a weak mark, left out of the article by readability
        page_with_deck(f"<div class='article__desc'>{DECK}</div>"),
        # the site's logo is an <h1> too: the headline is the one sharing the title's words, and the
        # deck after it in its <header> is found from there
        page_with_deck(f"<div class='article__desc'>{DECK}</div>", headline="<h1>Daily Bugle</h1><h1>Council agrees the budget at last</h1>"),
        # the page's <body> carries a site-wide class that reads as junk
        page_with_deck(f"<p class='subtitle'>{DECK}</p>", body_class="is-sidebar-enabled has-promo"),
    ],
)
def test_decks_are_found_under_the_headline(html: str) -> None:
    article = read_html(html, url=None)
    assert article.standfirst == DECK
    assert DECK not in article.paragraphs


def test_a_labelled_metadata_box_is_no_deck() -> None:
    html = page_with_deck("<div class='subtitle'>Author:Lauren BriggsUpdated:Mar 6, 2018Original:Dec 21, 2016</div>")
    assert read_html(html, url=None).standfirst is None


def test_a_weakly_marked_first_paragraph_that_readability_keeps_stays_in_the_body() -> None:
    lead = "A HIGH-powered team has been doing the rounds of the newsrooms in the past few days. It failed."
    html = (f"<html><head><title>Council agrees budget</title></head><body><article><h1>Council agrees budget</h1>"
            f"<div class='story-intro'><p>{lead}</p></div><p>{FILLER}</p><p>{FILLER}</p></article></body></html>")
    article = read_html(html, url=None)
    assert article.paragraphs[0] == lead
    assert article.standfirst is None


def test_deck_candidates_are_the_following_elements_of_deck_tags() -> None:
    """following_elements is XPath's `following::*[position() <= $limit]`, and the deck candidates its elements of
    deck tags with a class, id or itemprop. An element with none is searched as "-", which no deck pattern finds."""
    import lxml.etree

    from digest.html.standfirst import (STANDFIRST_ITEMPROPS, STANDFIRST_MARKS, STANDFIRST_SEARCH_ELEMENTS,
                                        STANDFIRST_TAGS, WEAK_DECK_ITEMPROPS, WEAK_DECK_MARKS, deck_candidates,
                                        following_elements)
    from digest.html.reader import parse_page

    following = lxml.etree.XPath("following::*[position() <= $limit]")
    assert STANDFIRST_MARKS.search("-") is None and WEAK_DECK_MARKS.search("-") is None
    assert "" not in STANDFIRST_ITEMPROPS and "" not in WEAK_DECK_ITEMPROPS
    checked = 0
    for source in sorted(PAGES.glob("*/source.html")):
        root = parse_page(source.read_text(encoding="utf-8"))
        for heading in root.iter("h1", "h2"):
            for limit in (3, STANDFIRST_SEARCH_ELEMENTS):
                assert list(following_elements(heading, limit)) == following(heading, limit=limit), source.parent.name
            plain = [e for e in following(heading, limit=STANDFIRST_SEARCH_ELEMENTS)
                     if e.tag in STANDFIRST_TAGS and any(e.get(name) is not None for name in ("class", "id", "itemprop"))]
            assert list(deck_candidates(heading)) == plain, source.parent.name
            checked += 1
    assert checked > 20


def test_texts_after_a_heading_are_the_xpaths() -> None:
    """texts_after walks what `following::text()[not(ancestor::script or ancestor::style)]` selects, and cuts it."""
    import lxml.etree

    from digest.html.meta.published import texts_after
    from digest.html.reader import parse_page

    following = lxml.etree.XPath("following::text()[not(ancestor::script or ancestor::style)]")
    built = ("<html><body><div><h1>Title<b>bold</b></h1> after <!-- note --> tail<script>var x;</script> s-tail"
             "<style>p {}</style><p>One <i>two</i> three</p></div><p>Four<br>five</p><div><script><b>x</b></script>"
             "</div>end</body></html>")
    sources = [built, *(source.read_text(encoding="utf-8") for source in sorted(PAGES.glob("*/source.html")))]
    for source in sources:
        for heading in list(parse_page(source).iter("h1", "h2", "b"))[:10]:
            for limit in (1, 3, 40):
                assert texts_after(heading, limit) == [str(text) for text in following(heading)[:limit]]


def test_time_elements_are_picked_as_the_xpaths_picked_them() -> None:
    """from_time_elements picks its marked and in-article stamps from one walk: the same as their XPaths."""
    import lxml.etree

    from digest.html.meta.published import ARTICLE_HEAD_TAGS, EVERY_STAMPED, PUBLISHED_CLASS_WORDS, STAMPED
    from digest.html.reader import parse_page

    marked_xpath = lxml.etree.XPath(f"{STAMPED}[@pubdate or contains(@class, 'publish') or contains(@class, 'posted')]")
    in_article_xpath = lxml.etree.XPath(f"//article{STAMPED} | //header{STAMPED}")
    built = ('<html><body><header><time datetime="2020-01-01">a</time></header><article><div><time class="x-publish"'
             ' datetime="2020-01-02">b</time></div><ins datetime="2020-01-03">c</ins></article><time pubdate=""'
             ' datetime="2020-01-04">d</time><span class="Posted" datetime="2020-01-05">e</span></body></html>')
    for source in [built, *(path.read_text(encoding="utf-8") for path in sorted(PAGES.glob("*/source.html")))]:
        root = parse_page(source)
        every = EVERY_STAMPED(root)
        assert [e for e in every if e.get("pubdate") is not None
                or any(word in (e.get("class") or "") for word in PUBLISHED_CLASS_WORDS)] == marked_xpath(root)
        assert [e for e in every if next(e.iterancestors(*ARTICLE_HEAD_TAGS), None) is not None] == in_article_xpath(root)
