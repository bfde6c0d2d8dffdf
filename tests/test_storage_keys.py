"""Cache keys: every spelling of one address agrees, different articles never do."""

from __future__ import annotations

import pytest

from storage.keys import link_key, text_key

SAME = [
    "https://www.example.com/news/story?id=7",
    "http://example.com/news/story?id=7",
    "HTTPS://EXAMPLE.COM:443/news/story/?id=7#comments",
    "https://m.example.com/news/story?utm_source=tg&utm_medium=social&id=7",
    "https://example.com/news/story?fbclid=abc&gclid=x&yclid=y&mc_cid=1&mc_eid=2&ref=hn&ref_src=twsrc&id=7",
    "https://amp.example.com/amp/news/story?id=7&amp=1",
    "https://example.com/news/story/amp?id=7",
    "https://example.com/news/%73tory?id=7",  # %73 is "s"
]


def test_every_spelling_of_one_address_gives_one_key() -> None:
    assert len({link_key(url) for url in SAME}) == 1


@pytest.mark.parametrize("other", [
    "https://example.com/news/story?id=8",
    "https://example.com/news/Story?id=7",
    "https://example.com/news/story",
    "https://example.org/news/story?id=7",
    "https://news.example.com/news/story?id=7",
    "https://example.com:8080/news/story?id=7",
    "https://example.com/news/story?id=7&page=2",
])
def test_a_different_article_gets_a_different_key(other: str) -> None:
    assert link_key(other) != link_key(SAME[0])


def test_non_ascii_paths_and_query_order() -> None:
    assert link_key("https://example.com/статья?b=2&a=1") == link_key("https://example.com/%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F?a=1&b=2")
    assert link_key("https://example.com/a.amp.html") == link_key("https://example.com/a.html")


def test_odd_addresses_give_a_key_without_failing() -> None:
    assert link_key("https://m.com/x") != link_key("https://com/x"), "a bare m.com is a site, not a mobile prefix"
    assert link_key("http://example.com:99999999/x")
    assert link_key("not a url at all")


def test_pasted_text_keys_ignore_spacing_case_and_unicode_form() -> None:
    assert text_key("Café  au lait\n\nis hot.") == text_key("  CAFE\u0301 au\u00a0lait is hot. ")
    assert text_key("Café au lait is hot.") != text_key("Café au lait is cold.")
