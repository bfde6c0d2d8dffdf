"""readability-lxml's HTML cleaner (`readability.cleaners.html_cleaner`), the same tree out for less.

readability runs lxml_html_clean's `Cleaner` on a copy of the page on every pass (~15% of our HTML
pipeline). With readability's settings the cleaner walks every element in Python three times, each
time for something few elements have: an `on*` attribute to delete, a link to blank when its
scheme is `javascript:` (`rewrite_links`, which also re-sets a link written with spaces around
it), a `srcdoc` or an SVG animation of `href`. Then it walks every node once more for scripts,
styles, `<link>`s, comments and processing instructions to take out.

Here libxml2's XPath finds the few elements each step can touch (always a superset of them), and
the cleaner's own code then judges each one as it would. Links are only checked: if any link on
the page would change, the cleaner's own `rewrite_links` runs over the whole page. Links inside a
`style` attribute are not checked: every `style` attribute is deleted a step later whatever its
links became. `clean_like_readability(doc)` is `html_cleaner(doc)`; tests/test_html_cleaner.py
compares the two on the fixture pages and on markup built to reach each step.
"""

from __future__ import annotations

import sys
from collections import deque

import lxml.etree
from lxml.html import HtmlElement, defs
from readability.cleaners import html_cleaner

clean_module = sys.modules[type(html_cleaner).__module__]  # lxml_html_clean.clean (its package shadows the name)

# the settings the steps below follow (tests/test_html_cleaner.py checks readability still uses them)
READABILITY_SETTINGS = {"scripts": True, "javascript": True, "comments": True, "style": True, "inline_style": True,
                        "links": True, "meta": False, "page_structure": False, "processing_instructions": True,
                        "embedded": False, "frames": False, "forms": False, "annoying_tags": False,
                        "remove_tags": None, "remove_unknown_tags": False, "safe_attrs_only": False,
                        "add_nofollow": False, "kill_tags": (), "allow_tags": ()}
KILL_TAGS = frozenset({"script", "style", "link", lxml.etree.Comment, lxml.etree.ProcessingInstruction})
LOWER = "translate({}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
WITH_EVENT_ATTRIBUTE = lxml.etree.XPath("descendant-or-self::*[@*[starts-with(name(), 'on')]]")
LINKED_TAGS = ("object", "meta", "param", "style")  # iterlinks reads these beyond their link attributes
WITH_LINK = lxml.etree.XPath("descendant-or-self::*[{}]".format(" or ".join(
    [f"@{name}" for name in sorted(defs.link_attrs) if ":" not in name]
    + [f"@*[name() = '{name}']" for name in sorted(defs.link_attrs) if ":" in name]
    + [f"self::{tag}" for tag in LINKED_TAGS])))
MAY_BYPASS_LINKS = lxml.etree.XPath(
    "descendant-or-self::*[@*[contains({0}, 'srcdoc')] or contains({1}, 'set') or contains({1}, 'animate')]"
    .format(LOWER.format("name()"), LOWER.format("name()")))
TO_KILL = lxml.etree.XPath("descendant-or-self::node()[self::script or self::style or self::link or self::comment() "
                           "or self::processing-instruction()]")


def clean_like_readability(doc: HtmlElement) -> None:
    """`html_cleaner(doc)`, in place, step by step in its order."""
    clean_module.xhtml_to_html(doc)
    for element in doc.iter("image"):
        element.tag = "img"
    for element in WITH_EVENT_ATTRIBUTE(doc):
        attrib = element.attrib
        for name in attrib.keys():
            if name.startswith("on"):
                del attrib[name]
    if any(link_would_change(element) for element in WITH_LINK(doc)):
        doc.rewrite_links(html_cleaner._remove_javascript_link, resolve_base_href=False)
    for element in MAY_BYPASS_LINKS(doc):
        remove_bypassing_attributes(element)
    lxml.etree.strip_attributes(doc, "style")
    kill = deque(node for node in TO_KILL(doc) if node.tag in KILL_TAGS and not html_cleaner.allow_element(node))
    if kill and kill[0] == doc:
        node = kill.popleft()
        if node.tag != "html":
            node.tag = "div"
        node.clear()
    while kill:
        kill.popleft().drop_tree()


def link_would_change(element: HtmlElement) -> bool:
    """Whether `rewrite_links` could change a link of this element (a `style` attribute's aside)."""
    attrib = element.attrib
    tag = element.tag
    if tag == "object" or (tag == "style" and element.text) or (
            tag == "meta" and attrib.get("http-equiv", "").lower() == "refresh") or (
            tag == "param" and (attrib.get("valuetype") or "").lower() == "ref"):
        return True  # links iterlinks finds inside a value or text: left to the cleaner's own walk
    for name in defs.link_attrs:
        link = attrib.get(name)
        if link is not None and html_cleaner._remove_javascript_link(link.strip()) != link:
            return True
    return False


def remove_bypassing_attributes(element: HtmlElement) -> None:
    """The cleaner's `_remove_attrs_that_bypass_link_cleaning` for one element (not its subtree)."""
    local_name = clean_module._local_name
    attrib = element.attrib
    for name in attrib.keys():
        if local_name(name) == "srcdoc":
            del attrib[name]
    if local_name(element.tag) not in clean_module._svg_animation_tags:
        return
    if any(local_name(attrib[name].strip()) == "href" for name in attrib.keys() if local_name(name) == "attributename"):
        for name in attrib.keys():
            if local_name(name) in clean_module._svg_animation_value_attrs:
                del attrib[name]
