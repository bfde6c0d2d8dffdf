"""Marked elements (digest.html.meta.marked): the attribute-first XPath must select exactly what the
plain `//body//*[contains(@class, ...)]` test selects, in the same order, else a date or byline moves."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.html.meta.marked import marked_elements
from digest.html.meta.people import BYLINE_CLASSES
from digest.html.meta.published import DATE_CLASS_WORDS
from digest.html.reader import parse_page

PAGES = Path(__file__).parent / "fixtures" / "pages"
WORDS = ("date", "byline", "author")
VALUES = st.sampled_from(["", "date", "post-date x", "Date", "byline", "x author", "authored", "main", "author"])
ATTRIBUTES = st.sampled_from(["class", "id", "rel", "itemprop", "title"])
TAGS = st.sampled_from(["div", "span", "p", "a", "time"])


def plain(root: lxml.html.HtmlElement, words: tuple[str, ...], attributes: tuple[str, ...],
          equal: tuple[tuple[str, str], ...] = ()) -> list[lxml.html.HtmlElement]:
    """The lookups' former form: every body element tested with every word."""
    tests = [f"contains(@{attribute}, '{word}')" for word in words for attribute in attributes]
    tests += [f"@{attribute}='{value}'" for attribute, value in equal]
    return root.xpath(f"//body//*[{' or '.join(tests)}]")


def markup(element: tuple) -> str:
    tag, attribute, value, children = element
    return f'<{tag} {attribute}="{value}">x{"".join(markup(child) for child in children)}</{tag}>'


ELEMENTS = st.recursive(st.tuples(TAGS, ATTRIBUTES, VALUES, st.just(())),
                        lambda inner: st.tuples(TAGS, ATTRIBUTES, VALUES, st.lists(inner, max_size=4)), max_leaves=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(ELEMENTS, min_size=1, max_size=4), VALUES)
def test_same_elements_in_same_order_on_generated_markup(elements: list, body_class: str) -> None:
    root = lxml.html.document_fromstring(f'<html><body class="{body_class}">{"".join(map(markup, elements))}</body></html>')
    equal = (("rel", "author"), ("itemprop", "author"))
    assert marked_elements(WORDS, ("class", "id"))(root) == plain(root, WORDS, ("class", "id"))
    assert marked_elements(WORDS, equal=equal)(root) == plain(root, WORDS, ("class",), equal)


@pytest.mark.parametrize("slug", sorted(path.name for path in PAGES.iterdir() if (path / "source.html").exists()))
def test_same_elements_on_golden_pages(slug: str) -> None:
    root = parse_page((PAGES / slug / "source.html").read_text(encoding="utf-8"))
    assert marked_elements(DATE_CLASS_WORDS, ("class", "id"))(root) == plain(root, DATE_CLASS_WORDS, ("class", "id"))
    equal = (("rel", "author"), ("itemprop", "author"))
    assert marked_elements(BYLINE_CLASSES, equal=equal)(root) == plain(root, BYLINE_CLASSES, ("class",), equal)
