"""The publisher a reader would name: the page's brand, never an owner's copyright, an image's
holder, a "@handle", a sentence, or the byline's agency (digest.html.meta.site)."""

from __future__ import annotations

import pytest

from digest.html.meta.site import host_labels, names_host
from tests.test_metadata import meta_of


def site_of(head: str = "", body: str = "<p>Text.</p>", url: str | None = "https://nymag.example/daily/x.html") -> str | None:
    return meta_of(head, body, url=url).site


@pytest.mark.parametrize("footer", [
    "<footer>© 2022 Vox Media, LLC. All rights reserved.</footer>",  # the owner
    "<div class='image-copyright'>© Samuel Velasco / Quanta Magazine</div>",  # an image's holder
    "<footer><a href='/legal'>Copyright Policy</a></footer>",  # a link's text
])
def test_a_copyright_that_does_not_spell_the_host_gives_way_to_the_host(footer: str) -> None:
    assert site_of(body=f"<p>Text.</p>{footer}") == "nymag.example"


def test_a_copyright_that_spells_the_host_is_the_brand() -> None:
    footer = "<footer>Copyright © 2000-2022 MacRumors.com, LLC. All rights reserved.</footer>"
    assert site_of(body=f"<p>Text.</p>{footer}", url="https://www.macrumors.com/2022/x/") == "MacRumors"


def test_the_title_part_spelling_the_host_wins_over_the_owners_copyright() -> None:
    site = site_of("<title>The connected renter | Ars Technica</title>",
                   "<p>Text.</p><footer>© 2016 Condé Nast. All rights reserved.</footer>",
                   url="https://arstechnica.com/gadgets/x/")
    assert site == "Ars Technica"


def test_a_handle_is_no_publisher() -> None:
    assert site_of('<meta property="og:site_name" content="@politifact">',
                   url="https://www.politifact.com/x") == "politifact.com"


def test_an_application_name_that_is_the_headline_is_no_publisher() -> None:
    head = '<meta name="application-name" content="This Is Your Brain On Sad Movies; Plus 5 Films To Cry To">'
    assert site_of(head, url="https://www.msn.example/x") == "msn.example"


def test_the_bylines_agency_is_not_the_publisher() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "Reuters"},'
            ' "publisher": {"name": "Reuters"}}</script><meta property="og:site_name" content="Coast Times">')
    assert site_of(head, url="https://coasttimes.example/x") == "Coast Times"


def test_copyright_years_are_not_part_of_the_name() -> None:
    assert site_of(body="<p>Text.</p><footer>© Haki Benita 2016-2020</footer>", url=None) == "Haki Benita"


@pytest.mark.parametrize(("name", "url", "expected"), [
    ("The Guardian", "https://www.theguardian.com/x", True),
    ("CNNMoney", "http://money.cnn.com/x", True),
    ("Cable News Network", "https://edition.cnn.com/x", True),
    ("Los Angeles Times", "https://www.latimes.com/x", True),
    ("Vox Media", "http://nymag.com/x", False),
    ("Quanta Magazine", "https://www.spektrum.de/x", False),
])
def test_names_host(name: str, url: str, expected: bool) -> None:
    assert names_host(name, host_labels(url)) is expected


def test_of_a_name_in_two_parts_the_part_spelling_the_host_is_kept() -> None:
    head = '<meta property="og:site_name" content="電子書籍 | BOOK☆WALKER">'
    assert site_of(head, url="https://bookwalker.jp/de2b8f78/") == "BOOK☆WALKER"


def test_a_lower_case_site_name_takes_the_spelling_the_title_shows() -> None:
    head = '<meta property="og:site_name" content="miamiherald"><title>Transit plans | Miami Herald</title>'
    assert site_of(head, url="https://www.miamiherald.com/news/x.html") == "Miami Herald"


# --- a page that names itself only in its masthead ----------------------------------------------

def test_a_title_part_the_logo_repeats_names_the_page_whatever_its_host() -> None:
    site = site_of("<title>这个约会软件，想用你和对方的相似好恶来帮你找对象_智能_好奇心日报</title>",
                   '<a href="/"><img alt="好奇心日报" src="/logo.png"></a><p>Text.</p>',
                   url="http://www.qdaily.com/articles/38282.html")
    assert site == "好奇心日报"


def test_a_logo_spelling_the_host_names_the_page() -> None:
    site = site_of("<title>For Holiday Parties This Year</title>",
                   '<div class="site-logo"><img alt="Refinery29 Logo"></div><p>Text.</p>'
                   "<footer>© 2020 Vice Media Group</footer>", url="https://www.refinery29.com/en-us/x")
    assert site == "Refinery29"


def test_a_title_part_the_logo_does_not_repeat_is_no_publisher() -> None:
    site = site_of("<title>Harbour reopens after the storm | Politics</title>",
                   '<div class="logo"><img alt="Partner Network"></div><p>Text.</p>',
                   url="https://coast.example/a/1")
    assert site == "coast.example"


@pytest.mark.parametrize(("footer", "expected"), [
    ("<footer>© 0 Reuters. All Rights Reserved.</footer>", "Reuters"),  # the year a script fills in
    ("<footer>Copyright © ELECOM CO., LTD. All Rights Reserved.</footer>", "ELECOM"),  # not the article "El"
    ("<footer>© 2016 National Geographic Partners, LLC.</footer>", "National Geographic"),
])
def test_the_copyright_line_read_as_the_brand(footer: str, expected: str) -> None:
    host = {"Reuters": "www.reuters.com", "ELECOM": "www.elecom.co.jp",
            "National Geographic": "www.nationalgeographic.com"}[expected]
    assert site_of(body=f"<p>Text.</p>{footer}", url=f"https://{host}/x") == expected


@pytest.mark.parametrize("section", ["U.S.", "Magazine"])
def test_a_section_given_as_og_site_name_gives_way_to_the_name_that_spells_the_host(section: str) -> None:
    site = site_of(f'<meta property="og:site_name" content="{section}">'
                   "<title>Fed lifts rates, sees faster pace of hikes | Reuters</title>",
                   url="https://www.reuters.com/article/x")
    assert site == "Reuters"


def test_a_sub_brand_the_title_carries_stays_the_publisher() -> None:
    site = site_of('<meta property="og:site_name" content="Mac &amp; i">'
                   "<title>1Password für Mac | Mac &amp; i</title>",
                   "<p>Text.</p><footer>© 2015 Heise Medien</footer>", url="https://www.heise.de/mac-and-i/x")
    assert site == "Mac & i"


# --- app names, lower case, a blog's name before a colon ----------------------------------------

def test_the_title_part_spelling_the_host_comes_before_an_apps_short_name() -> None:
    head = ('<meta property="al:android:app_name" content="NYTimes">'
            "<title>Suspect Is Arrested in Bombings - The New York Times</title>")
    assert site_of(head, url="https://www.nytimes.com/2016/09/19/x.html") == "The New York Times"


def test_a_lower_case_site_name_takes_the_domain_the_title_shows() -> None:
    head = '<meta property="og:site_name" content="al"><title>Two arrested in skimming scheme - al.com</title>'
    assert site_of(head, url="https://www.al.com/news/x.html") == "al.com"


def test_a_blogs_name_before_a_colon_in_the_title_names_it() -> None:
    head = "<title>Silicon Exposed: Open Verilog flow for GreenPak4 devices</title>"
    assert site_of(head, url="http://siliconexposed.blogspot.com/2016/05/x.html") == "Silicon Exposed"


def test_a_colon_in_a_headline_names_no_site() -> None:
    head = "<title>Brexit: what happens next</title>"
    assert site_of(head, url="https://coast.example/a/1") == "coast.example"


# --- a saved page with no address: nothing to check a name against ------------------------------

@pytest.mark.parametrize(("body", "expected"), [
    ("<figure><figcaption>© Photo : holder of the image intended for publication</figcaption></figure>", None),
    ("<figure><figcaption>© AP Photo / J. Smith</figcaption></figure><footer>© 2019 Sputnik</footer>", "Sputnik"),
    ("<footer>Copyright © 2004 - 2019 by Phoronix Media.</footer>", "Phoronix Media"),
    ("<footer>Copyright © 2002–2015 Fireball Software Co., Ltd.</footer>", "Fireball Software"),
    ("<footer>Content is copyrighted by their creators. <a>Copyright Policy</a></footer>", None),
])
def test_without_an_address_only_a_dated_notice_names_the_page(body: str, expected: str | None) -> None:
    assert site_of(body=f"<p>Text.</p>{body}", url=None) == expected


def test_without_an_address_the_title_part_the_logo_repeats_names_the_page() -> None:
    site = site_of("<title>Daring Fireball: Colophon</title>",
                   '<a href="/"><img alt="Daring Fireball" src="/graphics/logos/"></a><p>Text.</p>'
                   "<footer>Copyright © 2002–2015 The Daring Fireball Company LLC.</footer>", url=None)
    assert site == "Daring Fireball"


def test_a_home_link_with_a_tracking_query_is_the_masthead() -> None:
    site = site_of("<title>What will set your soul on fire in 2017</title>",
                   '<a href="/?trk=nav-header-logo" class="nav__logo-link"><span class="sr-only">LinkedIn</span></a>'
                   "<p>Text.</p><footer><a href='/legal'>Copyright Policy</a></footer>",
                   url="https://www.linkedin.com/pulse/x")
    assert site == "LinkedIn"


def test_an_anchor_link_is_no_masthead() -> None:
    site = site_of("<title>Evolve: Shared Mutable History — evolve extension for Mercurial</title>",
                   '<a class="toc-backref" href="#id4">Evolve: Shared Mutable History</a><p>Text.</p>', url=None)
    assert site is None


def test_a_site_name_with_a_long_tagline_keeps_the_name() -> None:
    head = '<meta property="og:site_name" content="Raw Story - Celebrating 18 Years of Independent Journalism">'
    assert site_of(head, "<p>Text.</p><footer>© 2022 Raw Story Media, Inc.</footer>",
                   url="https://www.rawstory.com/x") == "Raw Story"


def test_without_an_address_an_undated_notice_in_the_footer_names_the_page() -> None:
    body = ("<figure><figcaption>© Photo : holder of the image intended for publication</figcaption></figure>"
            '<p>Text.</p><div class="l-footer__company-name">© ELECOM CO.,LTD.</div>')
    assert site_of(body=body, url=None) == "ELECOM"


@pytest.mark.parametrize(("host", "body", "expected"), [
    ("www.politifact.com", "<p>PolitiFact rated the claim False. Read more PolitiFact checks.</p>", "PolitiFact"),
    ("www.zeit.de", "<p>Sie sprach mit der ZEIT über die Zeit nach der Wahl.</p>", "ZEIT"),
    ("www.zeit.de", "<p>Es war eine gute Zeit für alle.</p>", "zeit.de"),  # only capitalised: a common noun
])
def test_the_name_the_pages_text_spells_comes_before_the_bare_host(host: str, body: str, expected: str) -> None:
    head = '<meta property="og:site_name" content="@politifact">'  # a handle names no one
    assert site_of(head, body, url=f"https://{host}/x") == expected
