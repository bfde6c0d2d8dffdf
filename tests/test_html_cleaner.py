"""readability's HTML cleaner made faster (digest.html.cleaner): it must leave exactly the tree readability's
own `html_cleaner` leaves, on real pages and on markup built to reach each of the cleaner's steps."""

from __future__ import annotations

import copy
from pathlib import Path

import lxml.html
import pytest
from readability.cleaners import html_cleaner

from digest.html.cleaner import READABILITY_SETTINGS, clean_like_readability
from digest.html.reader import parse_page

PAGES = Path(__file__).parent / "fixtures" / "pages"


def both(root: lxml.html.HtmlElement) -> tuple[bytes, bytes]:
    """The cleaner's tree and ours, serialised, each cleaned from its own copy of `root`."""
    theirs = html_cleaner.clean_html(copy.deepcopy(root))
    ours = copy.deepcopy(root)
    clean_like_readability(ours)
    return lxml.html.tostring(theirs), lxml.html.tostring(ours)


def test_readability_still_cleans_with_the_settings_we_follow() -> None:
    for name, value in READABILITY_SETTINGS.items():
        assert getattr(html_cleaner, name) == value, name


def test_every_golden_page_cleans_the_same() -> None:
    sources = sorted(PAGES.glob("*/source.html"))
    assert len(sources) > 20
    for source in sources:
        theirs, ours = both(parse_page(source.read_text(encoding="utf-8")))
        assert theirs == ours, source.parent.name


@pytest.mark.parametrize("body", [
    '<a href="javascript:alert(1)">x</a><a href=" /spaced ">y</a><a href="/plain">z</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a><img src="java%73cript:x()"><form action="vbscript:x"></form>',
    '<a href="/fine" onclick="go()" onmouseover="x()" data-on="kept">x</a><p ONLOAD="y()">p</p>',
    '<iframe srcdoc="&lt;script&gt;x()&lt;/script&gt;" src="/f"></iframe><div SRCDOC="x">d</div>',
    '<svg><a><set attributeName="href" to="javascript:x()"/><animate attributeName="xlink:href" values="a;b"/>'
    '<animate attributeName="width" to="10"/></a></svg>',
    '<object codebase="/c/" data="javascript:x()" archive="a.jar b.jar"></object><param valuetype="ref" value=" v ">',
    '<meta http-equiv="refresh" content="0; url=javascript:x()"><meta name="x" content="y"><p>after</p>',
    '<style>p { background: url(javascript:x()) }</style><link rel="stylesheet" href="/s.css"><p>kept</p>',
    '<p style="background: url(javascript:x()); color: red">styled</p><div style="x">plain</div>',
    '<!-- a comment --><?pi here?><script src="/s.js"></script><script>x()</script><p>text<!-- inner -->tail</p>',
    '<image src="/i.png"><p xlink:href="javascript:x()">p</p><embed src="/e"><iframe src="/f"></iframe>',
    '<div><p>nothing to clean</p></div>',
    '<a href="java\u017fcript:x()">long s</a><a href="https://x.test/?next=about:blank">query</a><a href="+a b">p</a>',
    '<iframe onload="x()" srcdoc="y" src="javascript:z()"></iframe><object data="/o"></object><a href=" j ">a</a>',
    '<svg><set onbegin="x()" attributeName="HREF" to="/t" href="javascript:y()"/></svg><a href="DATA:text/html,x">d</a>',
])
def test_each_step_cleans_the_same(body: str) -> None:
    root = parse_page(f"<html><head><title>t</title><meta charset='utf-8'></head><body>{body}</body></html>")
    theirs, ours = both(root)
    assert theirs == ours
