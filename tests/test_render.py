"""handlers/render.py: every reply is HTML the strict Telegram parser accepts, under 4096 units.

The validator is the fake Bot API's own (tests/fakebotapi_html.py), so what passes here is what
the end-to-end tests' server accepts.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.model import Digest, Quote
from handlers.render import (
    MESSAGE_LIMIT,
    Via,
    preview_options,
    render_digest,
    render_listing,
    snippet_segments,
)
from tests.fakebotapi_html import EntityParseError, parse_telegram_html, utf16_length

NASTY = "<b>&amp; <script>alert(1)</script> & < > \" ' &lt; </i> \U0001F600 \u202e"


def make_digest(**overrides: object) -> Digest:
    fields: dict[str, object] = {
        "title": "Pentagon confirms ‘complete withdrawal’ of Russian troops",
        "summary": "The US military said Russian forces cleared out of the Kiev region.",
        "body": "Body text.",
        "published": datetime(2022, 4, 7, 7, 2),
        "place": "KIEV",
        "site": "RT",
        "url": "https://www.rt.com/russia/553464-pentagon-withdrawal/",
        "quotes": (Quote(text="We would assess that Russian forces have completed their withdrawal.",
                         speaker="a senior military official"),),
        "image": "https://cdni.rt.com/files/photo.jpg",
    }
    fields.update(overrides)
    return Digest(**fields)  # type: ignore[arg-type]


def accepted(message: str) -> str:
    """The plain text Telegram would show; fails the test on any 400 the server would give."""
    parsed = parse_telegram_html(message)
    assert utf16_length(parsed.plain.strip()) <= MESSAGE_LIMIT, "message is too long"
    assert parsed.plain.strip(), "message text is empty"
    return parsed.plain


def test_digest_reply_has_every_part_in_order() -> None:
    [message] = render_digest(make_digest(), via=Via("Some Channel", "https://t.me/somechannel/42"))
    text = accepted(message)
    assert message.startswith('<b><a href="https://www.rt.com/russia/553464-pentagon-withdrawal/">Pentagon')
    assert "KIEV, 7 April 2022, 07:02 · RT" in text
    assert "“We would assess" in text and "— a senior military official" in text
    assert "<blockquote>" in message
    assert text.rstrip().endswith("Source: RT · via Some Channel")
    assert '<a href="https://t.me/somechannel/42">Some Channel</a>' in message
    order = [text.index(part) for part in ("Pentagon", "KIEV", "The US military", "“We would", "Source:")]
    assert order == sorted(order)


def test_everything_from_the_page_is_escaped() -> None:
    digest = make_digest(title=NASTY, summary=NASTY, site=NASTY, place=NASTY,
                         quotes=(Quote(text=NASTY, speaker=NASTY),), url='https://e.com/?a=1&b="2"')
    [message] = render_digest(digest, via=Via(NASTY, None))
    text = accepted(message)
    # shown, not parsed: title, place, site, summary, quote, speaker, source label, via
    assert text.count("<script>") == 8
    assert 'href="https://e.com/?a=1&amp;b=&quot;2&quot;"' in message


def test_long_quotes_are_expandable_and_no_link_without_a_web_address() -> None:
    quotes = tuple(Quote(text="A quote long enough to matter in a reply. " * 3, speaker=f"Speaker {n}") for n in range(3))
    [message] = render_digest(make_digest(quotes=quotes, url="javascript:alert(1)", image=None))
    accepted(message)
    assert "<blockquote expandable>" in message
    assert "javascript:" not in message.split("</b>")[0]
    assert preview_options(make_digest(url="javascript:alert(1)", image=None)).is_disabled


def test_preview_shows_the_article_picture_else_the_source() -> None:
    assert preview_options(make_digest()).url == "https://cdni.rt.com/files/photo.jpg"
    assert preview_options(make_digest(image=None)).url == "https://www.rt.com/russia/553464-pentagon-withdrawal/"


def test_a_huge_digest_is_split_at_paragraphs_never_inside_a_tag() -> None:
    paragraph = "Sentence with émoji \U0001F600 and <tags> & more. " * 40
    summary = "\n\n".join([paragraph] * 12)  # ~25,000 characters
    quotes = tuple(Quote(text=paragraph, speaker="Someone") for _ in range(8))
    messages = render_digest(make_digest(summary=summary, quotes=quotes, title="T" * 5000))
    assert len(messages) > 5
    shown = [accepted(message) for message in messages]
    joined = "".join(shown)
    assert joined.count("\U0001F600") == 40 * 12 + 40 * 8
    assert all(message.count("<blockquote") == message.count("</blockquote>") for message in messages)


def test_search_listing_bolds_highlights_and_escapes_the_rest() -> None:
    snippet = "before \x02<match>\x03 & after \x02unclosed"
    message = render_listing("Results for “x”", [(make_digest(), snippet)], footer="Page 1 of 1")
    text = accepted(message)
    assert "<b>&lt;match&gt;</b>" in message
    assert "1. Pentagon" in text and "7 April 2022, 07:02 · RT" in text
    assert [s.open for s in snippet_segments(snippet)] == ["", "<b>", "", "<b>"]


def test_a_date_without_time_and_a_digest_without_metadata() -> None:
    [message] = render_digest(make_digest(published=date(2020, 1, 2), place=None))
    assert "2 January 2020 · RT" in accepted(message)
    bare = Digest(title="", summary="Only text.", body="Only text.")
    [message] = render_digest(bare, source="pasted text")
    assert accepted(message).startswith("Untitled page")


@pytest.mark.parametrize("bad", ["<p>x</p>", "<b>x", "a < b", "a & b", "<b>x</i>", "<a>x</a>", "</b>"])
def test_the_validator_refuses_what_telegram_refuses(bad: str) -> None:
    with pytest.raises(EntityParseError):
        parse_telegram_html(bad)


text_strategy = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=60, deadline=None)
@given(title=text_strategy, summary=st.text(max_size=9000), quote=text_strategy, speaker=text_strategy,
       site=text_strategy)
def test_any_text_renders_to_accepted_messages(title: str, summary: str, quote: str, speaker: str, site: str) -> None:
    digest = make_digest(title=title, summary=summary, site=site or None,
                         quotes=(Quote(text=quote, speaker=speaker or None),) if quote.strip() else ())
    for message in render_digest(digest, via=Via(site or "x", None)):
        accepted(message)
