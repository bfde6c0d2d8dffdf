"""A feature page's displayed `<h1>`, chosen by where it sits (digest.html.meta.display): beside a deck
or kicker that repeats the social title, or alone in the article's header. Each fixture under
tests/fixtures/titles/ is a page cut down to its header."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.html.meta import read_metadata
from digest.html.meta.display import repeats
from digest.html.reader import parse_page

FIXTURES = Path(__file__).parent / "fixtures" / "titles"


def title_of(name: str) -> str | None:
    html = (FIXTURES / f"{name}.html").read_text(encoding="utf-8")
    return read_metadata(parse_page(html), "https://news.example/2016/09/story").title


@pytest.mark.parametrize(("page", "expected"), [
    # (a) the display line above a teaser that rewords og:title, over the later <h1> copying og:title
    ("feature-teaser", "The Tide Turns at Pier Nine"),
    # (a) above a deck (an <h2>) that rewords the social title, over two flip-card copies of it
    ("dek-under-display-line", "Missed Connections"),
    # (a) under a kicker that is the social title less its "(Published 2016)"
    ("kicker-over-display-line", "Salt in the Blood"),
    # (b) the only <h1>, in the article's header, sharing almost no words with og:title
    ("sole-header-h1", "The Quiet Power Of Saying Thank You"),
])
def test_the_displayed_headline_wins_over_the_social_title(page: str, expected: str) -> None:
    assert title_of(page) == expected


BAKERY = "Valley bakery wins national prize for rye bread"


@pytest.mark.parametrize(("page", "expected"), [
    ("section-h1-over-headline", BAKERY),  # its neighbour is a heading that *is* the title: the <h1> is a section's
    ("section-h1-over-title-block", BAKERY),  # the line below it says the title again: no deck, the headline
    ("header-h1-and-story-h2", BAKERY),  # an <h2> says the title again: the header's <h1> is a diary's name
    ("section-h1-in-header", BAKERY),  # the header's only <h1> is two words: a section's, not a headline
    ("banner-h1", BAKERY),  # the only <h1> sits in the page's banner, beside the navigation
    # a repository's name above its description, not a display line
    ("one-word-h1", "jdoe/tidewatch: Track harbour tides from the command line (beta)"),
])
def test_a_heading_that_only_sits_near_the_story_is_not_its_headline(page: str, expected: str) -> None:
    assert title_of(page) == expected


@pytest.mark.parametrize(("line", "social", "expected"), [
    ("How Fox News women took down the most powerful man in media.", "How Fox News Women Took Down Roger Ailes", True),
    ("The National Museum of Seafaring", "The National Museum of Seafaring (Published 2016)", True),
    ("By Ana Ruiz", "How Harbour Workers Took Down the Port Authority", False),
    ("March 9 2017 4:21 PM Politics", "The Council's Promises to Fix Rural Bus Routes Were a Con", False),
])
def test_a_deck_repeats_the_social_title_by_its_content_words(line: str, social: str, expected: bool) -> None:
    assert repeats(line, social) is expected


@pytest.mark.parametrize(("page", "expected"), [
    # "Blog - Post": the <h1> is the blog's name, a lower heading (with a permalink's mark) shows the post's title
    ("blog-name-h1", "The pier reopens after the winter storms, two months late"),
    # "Headline - Section": the <h1> is the headline, the shorter part after it the section's heading
    ("headline-then-section", "The pier reopens after the winter storms"),
])
def test_a_blog_name_h1_gives_way_to_the_post_heading_that_shows_the_rest_of_the_title(page: str, expected: str) -> None:
    assert title_of(page) == expected
