"""Squeezing the markup's indentation before readability (digest.html.whitespace): readability must
measure exactly what it measured on the page as it came, and what a reader sees keeps its spaces."""

from __future__ import annotations

from pathlib import Path

import lxml.etree
import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st
from readability.readability import clean, text_length

from digest.html.reader import parse_page
from digest.html.whitespace import squeeze_layout_space

PAGES = Path(__file__).parent / "fixtures" / "pages"
MEASURED_PAGES = ("html-bbc-1", "html-guardian-1", "html-heise", "html-lemonde-1", "html-qq")  # indented markup
PIECES = st.text(alphabet=" \n\t\r\xa0a,.", max_size=12)
MEASURED_TAGS = ("p", "div", "td", "a", "article", "section")  # what readability scores and measures links in
TAGS = st.sampled_from(["span", "b", "a", "li", "section", "p", "div", "pre", "td", "h2"])


def squeezed_copy(html: str) -> tuple[lxml.html.HtmlElement, lxml.html.HtmlElement]:
    return parse_page(html), squeezed_tree(html)


def squeezed_tree(html: str) -> lxml.html.HtmlElement:
    root = parse_page(html)
    squeeze_layout_space(root)
    return root


def assert_measured_alike(before: lxml.html.HtmlElement, after: lxml.html.HtmlElement) -> None:
    for old, new in zip(before.iter(*MEASURED_TAGS), after.iter(*MEASURED_TAGS), strict=True):
        assert text_length(old) == text_length(new)
        if old.tag == "p":
            assert old.text == new.text  # readability reads a paragraph's own text raw


def test_golden_pages_measure_alike_and_lose_their_indentation() -> None:
    for slug in MEASURED_PAGES:
        before, after = squeezed_copy((PAGES / slug / "source.html").read_text(encoding="utf-8"))
        assert_measured_alike(before, after)
        assert len(after.text_content()) < len(before.text_content()), slug


def test_pre_keeps_its_spaces_and_paragraph_text_stays_raw() -> None:
    root = squeezed_tree("<html><body><section>\n     <pre>a  b\n    c<b>  d  </b>  e</pre>\n    <p>\n     Lead"
                         "<i>x</i>\n    tail  </p><span>one   two\n   three</span>\t\ttabs</section></body></html>")
    assert root.find(".//pre").text_content() == "a  b\n    c  d    e"
    assert root.find(".//p").text == "\n     Lead"
    assert root.find(".//i").tail == "\n    tail  "  # a paragraph's own text and its children's tails keep their length
    assert root.find(".//span").text == "one two\nthree"
    assert root.find(".//span").tail == "\t\ttabs"  # clean() turns each tab into a space: tabs are left alone
    assert root.find(".//section").text == "\n"


def test_long_runs_and_a_divs_text_are_left_alone() -> None:
    run = " " * 300
    root = squeezed_tree(f"<html><body><section><span>a{run}b</span><div>{' ' * 90}<b>x</b>\n   y\n   </div>"
                         "</section></body></html>")
    assert root.find(".//span").text == f"a{run}b"  # clean() treats a run of 255 or more apart
    assert root.find(".//div").text == " " * 90  # a div's long indentation can become a paragraph readability measures raw
    assert root.find(".//b").tail == "\n   y\n   "  # so can a text tail inside a div


@st.composite
def markup(draw: st.DrawFn, depth: int = 0) -> str:
    children = draw(st.lists(markup(depth + 1), max_size=3)) if depth < 3 else []
    tag = draw(TAGS)
    inner = draw(PIECES) + "".join(child + draw(PIECES) for child in children)
    return f"<{tag}>{inner}</{tag}>"


@settings(max_examples=60, deadline=None)
@given(st.lists(markup(), min_size=1, max_size=3))
def test_readability_cleans_every_element_to_the_same_text(blocks: list[str]) -> None:
    html = "<html><body><article>" + "\n  ".join(blocks) + "</article></body></html>"
    before, after = squeezed_copy(html)
    for old, new in zip(before.iter(lxml.etree.Element), after.iter(lxml.etree.Element), strict=True):
        assert clean(old.text_content()) == clean(new.text_content())
        assert old.text == new.text or old.tag not in ("p", "pre", "textarea")
