"""readability-lxml's HTML cleaner (`readability.cleaners.html_cleaner`), the same tree out for half the time.

readability runs lxml_html_clean's `Cleaner` on a copy of the page on every pass. With readability's
settings the cleaner walks every element three times, for attributes few elements have: an `on*`
attribute to delete, a link to blank when it names a `javascript:`-like scheme (`rewrite_links`,
which also re-sets a link written with spaces around it), a `srcdoc` or an SVG animation of `href`.
Most of its time goes on the link check (unquote, squeeze, two searches), run on every link.

Here the three steps share one walk (they touch different attributes), a link of plain URL
characters naming no such scheme is known unchanged without the check, and an element is judged for
`srcdoc` or SVG animation only where a name ends as those do; the cleaner's own code judges the
rest. Links inside a value or text (`<object>`, a meta refresh, ...) are left to the cleaner's own
`rewrite_links` over the whole page. `clean_like_readability(doc)` is `html_cleaner(doc)`:
tests/test_html_cleaner.py compares the two on the fixture pages and on markup built for each step.
"""

from __future__ import annotations

import re
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
LINK_ATTRS = frozenset(defs.link_attrs)
LINKED_TAGS = ("object", "meta", "param", "style")  # iterlinks reads these beyond their link attributes
# A link of only these characters has nothing `_remove_javascript_link` unquotes or squeezes out and
# no space `strip()` takes, so the cleaner changes it only where it names a scheme the cleaner blanks
# (javascript, jscript, livescript, vbscript: "script:"; data, about, mocha). Any other link is judged.
NOT_PLAIN = re.compile(r"[^A-Za-z0-9\-._~/?#\[\]@!$&()*,;=:]")
BLANKED_SCHEME = re.compile(r"(?:script|data|about|mocha):", re.IGNORECASE)
KILLED = ("script", "style", "link", lxml.etree.Comment, lxml.etree.ProcessingInstruction)


def clean_like_readability(doc: HtmlElement) -> None:
    """`html_cleaner(doc)`, in place.

    Its three attribute steps (delete `on*`; blank `javascript:` links; delete what bypasses link
    cleaning) touch different attributes and each judges an element by its own attributes, so they
    are done element by element in one walk.
    """
    clean_module.xhtml_to_html(doc)
    for element in doc.iter("image"):
        element.tag = "img"
    whole_page_links = any(holds_inner_links(element) for element in doc.iter(*LINKED_TAGS))
    remove_javascript_link = html_cleaner._remove_javascript_link
    for element in doc.iter(lxml.etree.Element):
        attrib = element.attrib
        may_bypass = element.tag[-1:] in "teTEmM"  # how "set", "animate" and "animatetransform" end
        for name in attrib.keys():
            if name.startswith("on"):
                del attrib[name]
                continue
            if name in LINK_ATTRS and not whole_page_links:
                link = attrib[name]  # rewrite_links: the whole value is the link, at position 0
                if NOT_PLAIN.search(link) is not None or (":" in link and BLANKED_SCHEME.search(link) is not None):
                    new_link = remove_javascript_link(link.strip())
                    if new_link != link:
                        attrib[name] = new_link
            may_bypass = may_bypass or name[-1:] in "cC"  # how "srcdoc" ends
        if may_bypass:
            remove_bypassing_attributes(element)
    if whole_page_links:
        doc.rewrite_links(remove_javascript_link, resolve_base_href=False)
    lxml.etree.strip_attributes(doc, "style")  # a style attribute's links go with it, whatever they became
    kill = deque(node for node in doc.iter(*KILLED) if not html_cleaner.allow_element(node))
    if kill and kill[0] == doc:
        node = kill.popleft()
        if node.tag != "html":
            node.tag = "div"
        node.clear()
    while kill:
        kill.popleft().drop_tree()


def holds_inner_links(element: HtmlElement) -> bool:
    """Whether this element holds links iterlinks finds inside a value or text: then the cleaner's own
    `rewrite_links` walks the page."""
    tag, attrib = element.tag, element.attrib
    return tag == "object" or (tag == "style" and bool(element.text)) or (
        tag == "meta" and attrib.get("http-equiv", "").lower() == "refresh") or (
        tag == "param" and (attrib.get("valuetype") or "").lower() == "ref")


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
