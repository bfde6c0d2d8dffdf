"""Machine stamps kept in a date element's `title`: the microformats "abbr design pattern".

hAtom templates (Blogger's among them) and some news sites write the reader's date as text and
the exact instant, with its offset, in the element's tooltip:

    <abbr class="published" title="2016-05-08T00:55:00-07:00">Sunday, May 8, 2016</abbr>
    <li class="date-and-time" title="2015-03-13T21:00:00+11:00">March 13, 2015 9:00PM</li>

Only a `title` that is an ISO date and time counts (a tooltip of words, "Jul 7, 2020, 7:10 AM
CDT", is the reader's browser clock, not the page's), on an element whose class names a date;
one marked as an edit ("updated", "modified") is no publication stamp.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from digest.html.meta.marked import marked_elements

TITLE_STAMP = re.compile(r"\s*\d{4}-\d\d-\d\d[T ]\d\d:\d\d")  # "2015-03-13T21:00:00+11:00"
DATE_MARKS = ("date", "time", "publish", "posted")
EDIT_MARKS = ("updat", "modif", "edit")
DATE_MARKED = marked_elements(DATE_MARKS)


def titled_stamps(root: HtmlElement) -> list[str]:
    """The ISO stamps in the titles of date-marked elements, in document order, edits left out."""
    found = []
    for element in DATE_MARKED(root):
        title, marks = element.get("title") or "", (element.get("class") or "").lower()
        if TITLE_STAMP.match(title) and not any(mark in marks for mark in EDIT_MARKS):
            found.append(title.strip())
    return found
