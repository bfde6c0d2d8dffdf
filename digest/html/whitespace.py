"""Squeeze the markup's indentation before readability-lxml reads the tree, exactly as far as its
own `clean()` would, so it measures the same lengths in a fraction of the time.

readability-lxml measures an element's text as `len(clean(text_content()))`, three regular
expressions over the whole text, for every link and candidate on every pass: on indented markup
most of that text is indentation, re-squeezed thousands of times (over half of readability's time
on the development pages). clean() makes a whitespace run holding a line break one line break and
a run of spaces one space; we do the same once, in the tree. Left as they are, because clean()
treats them apart or readability reads them raw:

- runs of tabs, other spaces, and runs of CLEAN_LONG_RUN or more;
- the text of a `<p>` and the tails of its children, and the text of a `<div>` (unless it is only
  a short indentation) and the tails of its children (unless only indentation): readability
  judges a paragraph beside its pick by the raw length of its own text (`len(p.text) > 80`,
  spaces counted), and a `<div>`'s text or a child's tail can become such a paragraph;
- `<pre>` and `<textarea>`, whose whitespace a reader sees.

Every later reader of the text squeezes whitespace itself.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

LAYOUT_SPACE = re.compile(r"\s\s+")
CLEAN_LONG_RUN = 255  # clean() first turns a run this long into spaces
SIBLING_PARAGRAPH_CHARS = 80  # readability keeps a paragraph beside its pick when its raw text is longer than this
VERBATIM_TAGS = ("pre", "textarea")
RAW_TEXT_TAGS = frozenset({"p", "div", *VERBATIM_TAGS})


def squeeze_layout_space(root: HtmlElement) -> None:
    """Squeeze the indentation of the tree in place (see the module docstring for what stays)."""
    verbatim = {element for tag in root.iter(*VERBATIM_TAGS) for element in tag.iterdescendants()}
    for element in root.iter():
        if element in verbatim:
            continue
        if tail := element.tail:
            parent = element.getparent()
            if (parent is None or may_squeeze_tail(parent.tag, tail)) and (new_tail := squeezed(tail)) != tail:
                set_text(element, "tail", new_tail)
        if (text := element.text) and isinstance(element.tag, str) and may_squeeze_text(element.tag, text):
            if (new_text := squeezed(text)) != text:
                set_text(element, "text", new_text)


def may_squeeze_text(tag: str, text: str) -> bool:
    if tag not in RAW_TEXT_TAGS:
        return True
    return tag == "div" and len(text) <= SIBLING_PARAGRAPH_CHARS and text.isspace()


def may_squeeze_tail(parent_tag: str, tail: str) -> bool:
    if parent_tag not in RAW_TEXT_TAGS:
        return True
    return parent_tag == "div" and tail.isspace()


def squeezed(text: str) -> str:
    if "  " not in text and "\n" not in text:
        return text
    if text.isspace():  # indentation alone (most texts it changes): one run, if two or more long (LAYOUT_SPACE)
        return squeezed_run(text) if len(text) > 1 else text
    return LAYOUT_SPACE.sub(squeeze_run, text)


def squeeze_run(match: re.Match[str]) -> str:
    return squeezed_run(match.group())


def squeezed_run(run: str) -> str:
    if len(run) >= CLEAN_LONG_RUN:
        return run
    if "\n" in run:
        return "\n"
    return " " if run.strip(" ") == "" else run


def set_text(element: HtmlElement, which: str, text: str) -> None:
    try:
        setattr(element, which, text)
    except ValueError:
        pass  # a control character lxml kept from the page but will not write back: the text stays as it was
