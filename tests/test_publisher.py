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
