"""readability's Document made faster (digest.html.document): every override must give exactly what
readability-lxml's own method gives, on real pages and on markup built to reach each fallback."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from readability import Document
from readability.readability import Unparseable, clean

from digest.html.document import (LONG_SPACE, LONG_SPACE_RUN, SPACE_RUN, TreeDocument, clean_text,
                                  has_long_space, names_block, new_paragraph, squeeze_line_breaks)
from digest.html.reader import parse_page, prune_for_readability

PAGES = Path(__file__).parent / "fixtures" / "pages"
INLINE = st.sampled_from(["span", "b", "a", "em", "i", "code"])
BLOCK_OR_NOT = st.sampled_from(["p", "div", "section", "picture", "ul", "li", "table", "img", "o:p", "blockquote"])


def summaries(html: str) -> tuple[str, str]:
    """readability's summary of the pruned page, and ours, each from its own copy of the tree."""
    root = parse_page(html)
    prune_for_readability(root)
    return (Document(copy.deepcopy(root)).summary(html_partial=True),
            TreeDocument(copy.deepcopy(root)).summary(html_partial=True))


def test_every_golden_page_reads_the_same() -> None:
    sources = sorted(PAGES.glob("*/source.html"))
    assert len(sources) > 20
    for source in sources:
        old, new = summaries(source.read_text(encoding="utf-8"))
        assert old == new, source.parent.name


@pytest.mark.parametrize("inside", [
    "<!-- <p>a comment names a block</p> -->",  # readability serialises comments raw: it finds "<p"
    "<?php echo '<div>'; ?>",
    "<span title='<p>'>an attribute holds a tag</span>",
    "<span><b>deep <picture></picture> inside</b></span>",  # "<p" is the start of "<picture"
    "<o:p>an Office paragraph</o:p>",
    "<span>only inline <i>text</i> here</span>",
    "<textarea><p>raw</p></textarea>",
])
def test_divs_turn_into_paragraphs_as_readability_turns_them(inside: str) -> None:
    text = "A sentence long enough to be scored as a paragraph, with a comma, and more words. " * 3
    html = (f"<html><body><article><div>{text}<a href='/x'>a link</a> {inside} tail</div>"
            f"<div><span>{text}</span>{inside}<div>{text}</div></div></article></body></html>")
    old, new = summaries(html)
    assert old == new


@st.composite
def markup(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.one_of(INLINE, BLOCK_OR_NOT)) if depth else "div"
    children = draw(st.lists(markup(depth + 1), max_size=3)) if depth < 3 else []
    text = draw(st.sampled_from(["", "word, word", "A longer sentence that readability will count, surely. " * 2]))
    extra = draw(st.sampled_from(["", "<!-- <p> -->", "<br>"]))
    return f"<{tag}>{text}{extra}{''.join(children)}</{tag}>"


@given(st.lists(markup(), min_size=1, max_size=4))
@settings(max_examples=150, deadline=None)
def test_built_pages_read_the_same(blocks: list[str]) -> None:
    old, new = summaries("<html><body><main>" + "".join(blocks) + "</main></body></html>")
    assert old == new


@given(st.text(alphabet=" \t\n\r\x0b\xa0\u2009\u3000a,", max_size=600))
@settings(max_examples=500, deadline=None)
def test_clean_text_is_readabilitys_clean(text: str) -> None:
    assert clean_text(text) == clean(text)


@given(st.text(alphabet=" \t\n\r\xa0\u3000a", max_size=120))
@settings(max_examples=2000, deadline=None)
def test_whitespace_patterns_change_what_readabilitys_change(text: str) -> None:
    assert squeeze_line_breaks(text) == re.sub(r"\s*\n\s*", "\n", text)
    assert LONG_SPACE_RUN.sub("_", text * 4) == re.sub(r"\s{255,}", "_", text * 4)
    assert SPACE_RUN.sub(" ", text) == re.sub(r"\t|[ \t]{2,}", " ", text)


def test_long_whitespace_runs_are_cleaned_as_readability_cleans_them() -> None:
    for text in ("a" + "\xa0" * 300 + "b", " \xa0" * 200, "x" + "\n " * 200 + "y", "\t" * 260):
        assert clean_text(text) == clean(text)


def test_names_block_tells_when_it_cannot_know() -> None:
    div = lxml.html.fragment_fromstring("<div><span>a<!-- <p> --></span></div>")
    assert names_block(div) is None
    assert names_block(lxml.html.fragment_fromstring("<div><span>a</span><b>b</b></div>")) is False
    assert names_block(lxml.html.fragment_fromstring("<div><span><!-- x --></span><p>b</p></div>")) is True


@pytest.mark.parametrize("marks", ['class="SideBar"', 'class="\u017fidebar"', 'id="main-Comments"',
                                   'class="comment-body article"', 'class="\u0130tem-menu"',
                                   'class=""', 'class="" id="sidebar"', 'id=""'])
def test_unlikely_classes_are_dropped_as_readability_drops_them(marks: str) -> None:
    text = "A sentence long enough to be scored as a paragraph, with a comma, and more words. " * 3
    html = (f"<html><body><div><p>{text}</p><p>{text}</p></div><div {marks}><p>{text} aside</p></div>"
            "</body></html>")
    old, new = summaries(html)
    assert old == new


@pytest.mark.parametrize("box", ['<pre><span class="sidebar">{text} code</span></pre>',
                                 '<div class="sidebar"><article><p>{text} kept</p></article></div>',
                                 '<div id="comments"><math><mi>x</mi></math><p>{text} math</p></div>'])
def test_unlikely_boxes_in_code_or_holding_an_article_stay_as_readability_keeps_them(box: str) -> None:
    text = "A sentence long enough to be scored as a paragraph, with a comma, and more words. " * 3
    html = f"<html><body><div><p>{text}</p><p>{text}</p>{box.format(text=text)}</div></body></html>"
    old, new = summaries(html)
    assert old == new


@pytest.mark.parametrize("marks", ['class="Main-Content"', 'class="\u017fidebar"', 'id="FOOTER"', 'class="\u0130tem-post"',
                                   'class="com-box" id="Article"', 'class="\u212aomment"', 'class="plain"'])
def test_class_weight_is_readabilitys(marks: str) -> None:
    element = lxml.html.fragment_fromstring(f"<div {marks}>x</div>")
    assert TreeDocument(element).class_weight(element) == Document(element).class_weight(element)


def test_new_paragraph_is_readabilitys_parsed_one() -> None:
    made, parsed = new_paragraph(), lxml.html.fragment_fromstring("<p/>")
    assert (type(made), made.tag, dict(made.attrib), made.text, len(made)) == (
        type(parsed), parsed.tag, dict(parsed.attrib), parsed.text, len(parsed))
    assert lxml.html.tostring(made) == lxml.html.tostring(parsed)


@given(st.lists(st.tuples(st.integers(0, 300), st.integers(0, 400)), max_size=6))
@settings(max_examples=300, deadline=None)
def test_long_runs_are_found_among_short_ones(runs: list[tuple[int, int]]) -> None:
    text = "".join("w" * words + " " * spaces for words, spaces in runs)
    assert has_long_space(text) == (LONG_SPACE.search(text) is not None)
    assert clean_text(text) == clean(text)


@pytest.mark.parametrize("space", [" ", "\n", "\xa0", "\u3000"])
def test_a_long_run_is_found_wherever_it_starts(space: str) -> None:
    """clean_text searches for a run of 255 only around a blank aligned block: every run of 255 covers one."""
    for before in range(0, 300, 7):
        for length in (254, 255, 256, 383):
            text = "x" * before + space * length + "y" * 40
            assert has_long_space(text) == (LONG_SPACE.search(text) is not None)
            assert clean_text(text) == clean(text)


def test_readabilitys_own_clean_is_put_back_after_a_summary() -> None:
    """Ours runs with clean_text in readability's module; a bare Document afterwards runs readability's own."""
    import readability.readability as readability_module

    class Failing(TreeDocument):
        def get_article(self, *args: object, **kwargs: object) -> None:
            raise RuntimeError("fails inside readability's summary()")

    page = "<html><body><p>" + "Words, words and words. " * 20 + "</p></body></html>"
    TreeDocument(parse_page(page)).summary()
    assert readability_module.clean is clean
    with pytest.raises(Unparseable):
        Failing(parse_page(page)).summary()
    assert readability_module.clean is clean


@pytest.mark.parametrize("page", [
    "<div><div><p>{long}:</p></div><div><blockquote><p>{long}</p></blockquote></div><section>x</section></div>",
    "<div><section><div><p>{long}</p></div></section><div><div><blockquote>q</blockquote></div></div></div>",
    "<div><div><p>{long}:</p></div><!-- a comment --><blockquote><p>{long}</p></blockquote></div>",
    "<div><div><p>{long}:</p></div><blockquote>q</blockquote><ul><li>x</li></ul></div>",
    "<div><div><p>short:</p></div><div><blockquote>q</blockquote></div></div>",
    "<div><section><div>x</div><p>{long}:</p></section><div><blockquote>q</blockquote></div></div>",
    "<div><div><p>{long}</p></div><div><p>{long}</p></div></div>",
])
def test_quote_leads_are_readabilitys(page: str) -> None:
    node = lxml.html.fragment_fromstring(page.format(long="A lead line long enough to count, with words " * 2))
    ours, theirs = TreeDocument(node), Document(node)
    assert ours.get_preserved_elements(node) == theirs.get_preserved_elements(node)


def test_code_and_article_tests_are_readabilitys_xpaths() -> None:
    from lxml.etree import XPath

    from digest.html.document import holds_article, in_code

    in_code_xpath = XPath("ancestor-or-self::pre | ancestor-or-self::code")
    holds_article_xpath = XPath("descendant-or-self::main | descendant-or-self::article | descendant-or-self::math")
    page = ("<html><body><main><pre><span>x</span></pre><code><b>y</b></code><article><p>z</p></article></main>"
            "<div><math><mi>x</mi></math></div><div><p>w</p></div></body></html>")
    sources = [page, *(source.read_text(encoding="utf-8") for source in sorted(PAGES.glob("*/source.html"))[:5])]
    for source in sources:
        for element in parse_page(source).iter(lxml.etree.Element):
            assert in_code(element) == bool(in_code_xpath(element))
            assert holds_article(element) == bool(holds_article_xpath(element))
