r"""readability-lxml's `Document` with its costliest measures made cheaper, and its answers unchanged.

readability-lxml (0.9) spends much of its time on work that gives the same answer for less:

- `len(clean(text))`: three regular expressions, looked up in `re`'s cache on every call, run
  over the text of every candidate and of every link in it, even where the text holds nothing
  they would change, and two of them tried at every character (`\s{255,}`, `\s*\n\s*`). `clean_text`
  runs each step only when the character it needs is there (for the long-run search, a whitespace
  block it needs, and only around it), squeezes line breaks with string methods, and opens its
  patterns with a character class, so that re skips to where a match can start;
- a `<div>` becomes a `<p>` when no block element is written under it, which it decides by
  serialising the `<div>`'s whole subtree and searching the text, for every `<div>` in turn:
  quadratic in the nesting. `names_block` walks the subtree only to its first block element,
  and still serialises and searches, as readability does, where the serialised text could hold
  a tag name the walk cannot see (a comment, a processing instruction, raw script or style
  text, an attribute value with a `<`);
- an element's class and id are searched for unlikely, positive and negative words with IGNORECASE
  patterns (no literal prefix for re to look for): the same lower-case patterns search a lower-cased copy
  (digest.folding says when that is the same);
- its HTML cleaner runs on a copy of the page on every pass, walking every element three times
  and checking every link for a `javascript:` scheme (digest.html.cleaner: one walk, and only the
  links that could hold one are checked);
- each `<p>` it wraps loose text in is parsed from "<p/>" as a document of its own;
- for every `<div>` and `<section>` of the article, each ancestor is asked whether the box after it
  holds a blockquote (and its text measured if so): `quote_leads` starts from the blockquotes instead;
- a debug line describing the node (a walk up the tree) is formatted for every candidate,
  whether or not debug logging is on;
- the methods no override here replaces (`sanitize`, `get_article`, the candidate pickers) measure
  text with readability's module function `clean` (through `text_length` too): while our `summary()`
  runs, that name is bound to `clean_text`, which returns the same text. Only for that call, and put
  back after it: a bare `Document` in the same process (bench.speed's) still runs readability's own.

Every override returns what the method it replaces returns: tests/test_document.py compares
the two on the fixture pages and on trees built to hit each exception above.
"""

from __future__ import annotations

import copy
import re

from lxml.etree import XPath, tostring, tounicode
from lxml.html import Element, HtmlElement
import readability.readability as readability_module
from readability import Document
from readability.readability import REGEXES

from digest.folding import lower_case_safe
from digest.html.cleaner import clean_like_readability

# readability.readability.clean's three steps, in its order (the same text out)
LONG_SPACE = re.compile(r"\s{255,}")
LONG_SPACE_MIN_CHARS = 255
LONG_SPACE_KEPT = " " * 255
BLANK_BLOCK = 128  # a run of 255 covers a whole block this long starting at a multiple of it (255 >= 2 * 128 - 1)
# LONG_SPACE's matches, tried only where a run starts (its first character a whitespace one, the one before it
# not): LONG_SPACE tries every character, and counts a whole run again from each of its characters.
LONG_SPACE_RUN = re.compile(r"\s(?<!\s\s)\s{254,}")
# `\s*\n\s*` (squeeze_line_breaks does it with string methods). The last: written to open with a character
# class, so re skips in C to where a match can start instead of trying the whole pattern at every character:
# a tab, or a run of two or more spaces and tabs, becomes a space (`\t|[ \t]{2,}`: a tab alone first).
SPACE_RUN = re.compile(r"[ \t](?:(?<=\t)|[ \t]+)")

DIV_TO_P = REGEXES["divToPElementsRe"]  # "<" and a block tag's name (or its start: "<p" is "<picture" too)
NAMES_BLOCK = re.compile(DIV_TO_P.pattern.removeprefix("<"), re.IGNORECASE).match  # the same, on a tag name
INLINE_TAGS = frozenset({"a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong", "sub", "sup", "u"})
UNLIKELY, MAYBE = REGEXES["unlikelyCandidatesRe"], REGEXES["okMaybeItsACandidateRe"]
UNLIKELY_LOWER = re.compile(UNLIKELY.pattern.lower())  # the same words, for lower-cased text
MAYBE_LOWER = re.compile(MAYBE.pattern.lower())
POSITIVE, NEGATIVE = REGEXES["positiveRe"], REGEXES["negativeRe"]
POSITIVE_LOWER, NEGATIVE_LOWER = re.compile(POSITIVE.pattern.lower()), re.compile(NEGATIVE.pattern.lower())
HIDDEN, STYLED = XPath("//*[@hidden]"), XPath("//*[@style]")  # readability's, compiled once, not per pass
MARKED = XPath(".//*[@class or @id]")  # an element with neither gives readability " ", too short to search
# readability's `ancestor-or-self::pre | ancestor-or-self::code` and `descendant-or-self::main | ... article | ...
# math`, asked by lxml's tag filters: a walk that stops at the first one found, not a union of whole walks
CODE_TAGS = ("pre", "code")
ARTICLE_TAGS = ("main", "article", "math")
READABILITY_CLEAN = readability_module.clean  # what `summary()` puts back
RAW_TEXT_TAGS = frozenset({"script", "style", "xmp", "plaintext", "noscript", "noembed", "noframes", "iframe",
                           "textarea", "title", "template"})  # text a serialiser may write unescaped


def clean_text(text: str) -> str:
    """readability's `clean(text)`, each of its substitutions run only where it can change something."""
    if len(text) >= LONG_SPACE_MIN_CHARS and has_long_space(text):
        text = LONG_SPACE_RUN.sub(LONG_SPACE_KEPT, text)
    if "\n" in text:
        text = squeeze_line_breaks(text)
    if "\t" in text or "  " in text:
        text = SPACE_RUN.sub(" ", text)
    return text.strip()


def squeeze_line_breaks(text: str) -> str:
    """`re.sub(r"\\s*\\n\\s*", "\\n", text)`: every whitespace run holding a line break becomes one line break.

    Between two line breaks that is the line stripped, gone if blank (its run joins theirs); the first line
    loses the whitespace at its end, the last at its start. A pattern opening with `\\s*` is tried at every
    character, and counts a run again from each of its characters."""
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    inner = filter(None, map(str.strip, lines[1:-1]))  # the blank ones dropped (in C: no Python step a line)
    return "\n".join([lines[0].rstrip(), *inner, lines[-1].lstrip()])


def has_long_space(text: str) -> bool:
    """Does LONG_SPACE find a run in the text? Such a run covers a blank aligned BLANK_BLOCK, so it shows (whole, or
    a part as long) within LONG_SPACE_MIN_CHARS - 1 characters either side of that block: only those stretches are
    searched. The search tries every character it is given, and a blank block (indentation) is common enough."""
    reach = LONG_SPACE_MIN_CHARS - 1
    for start in range(0, len(text) - BLANK_BLOCK + 1, BLANK_BLOCK):
        if text[start:start + BLANK_BLOCK].isspace() and LONG_SPACE.search(
                text, max(0, start - reach), start + BLANK_BLOCK + reach) is not None:
            return True
    return False


def finds(pattern: re.Pattern[str], lowered: re.Pattern[str], text: str) -> bool:
    """Does IGNORECASE `pattern` find something in `text`? Asked of a lower-cased copy where that is the same."""
    if lower_case_safe(text):
        return lowered.search(text.lower()) is not None
    return pattern.search(text) is not None


def text_length(element: HtmlElement) -> int:
    """readability's `text_length(element)`."""
    return len(clean_text(element.text_content() or ""))


def names_block(element: HtmlElement, *, own_attributes: bool = False) -> bool | None:
    """Would readability's `divToPElementsRe` find a block tag in the serialised markup under `element`?

    True as soon as a descendant's own name matches (its start tag is in the text); False when
    no descendant's does and none could hide one in its text (escaped everywhere but in raw
    text elements, comments and processing instructions) or in an attribute value; None when
    one could (then serialise and search, as readability does). `own_attributes`: the element's
    own start tag is serialised too, so its attribute values count.
    """
    uncertain = own_attributes and "<" in "".join(element.values())
    for node in element.iterdescendants():
        tag = node.tag
        if not isinstance(tag, str):  # a comment, a processing instruction, an entity
            uncertain = True
        elif NAMES_BLOCK(tag):
            return True
        elif not uncertain and (tag in RAW_TEXT_TAGS or ":" in tag or "{" in tag or "<" in "".join(node.values())):
            uncertain = True
    return None if uncertain else False


class TreeDocument(Document):
    """readability's Document for a tree we parsed: the same article, measured faster."""

    def _parse(self, input: HtmlElement) -> HtmlElement:  # noqa: A002 (readability's name)
        """readability's `_parse` of a tree with no URL, its cleaner's work done by digest.html.cleaner."""
        if not isinstance(input, HtmlElement) or self.url:
            return super()._parse(input)
        self.encoding = "utf-8"
        for elem in HIDDEN(input):
            elem.drop_tree()
        for elem in STYLED(input):
            if REGEXES["displayNoneRe"].search(elem.get("style")):
                elem.drop_tree()
        doc = copy.deepcopy(input)  # what `html_cleaner.clean_html` cleans
        clean_like_readability(doc)
        doc.resolve_base_href(handle_failures=self.handle_failures)
        return doc

    def summary(self, html_partial: bool = False, keep_all_images: bool = False) -> str:
        """readability's, its module's `clean` answered by clean_text meanwhile (see the module docstring)."""
        readability_module.clean = clean_text
        try:
            return super().summary(html_partial=html_partial, keep_all_images=keep_all_images)
        finally:
            readability_module.clean = READABILITY_CLEAN

    def class_weight(self, e: HtmlElement) -> int:
        """readability's, its IGNORECASE searches made on a lower-cased copy where that is the same."""
        weight = 0
        for feature in (e.get("class", None), e.get("id", None)):
            if feature:
                weight += 25 * (finds(POSITIVE, POSITIVE_LOWER, feature) - finds(NEGATIVE, NEGATIVE_LOWER, feature))
                if self.positive_keywords and self.positive_keywords.search(feature):
                    weight += 25
                if self.negative_keywords and self.negative_keywords.search(feature):
                    weight -= 25
        if self.positive_keywords and self.positive_keywords.match("tag-" + e.tag):
            weight += 25
        if self.negative_keywords and self.negative_keywords.match("tag-" + e.tag):
            weight -= 25
        return weight

    def get_preserved_elements(self, node: HtmlElement) -> dict[HtmlElement, bool]:
        """readability's, a `<div>` or `<section>` kept as a quote's lead when it or an ancestor is one of
        `quote_leads` (what readability's `is_quote_lead` asks of each of them in turn)."""
        allowed = {elem: True for elem in self.tags(node, "ul") if self.is_toc_list(elem)}
        if leads := self.quote_leads(node):
            allowed.update({elem: True for elem in self.tags(node, "div", "section")
                            if any(lead in leads for lead in (elem, *elem.iterancestors()))})
        return allowed

    def quote_leads(self, node: HtmlElement) -> set[HtmlElement]:
        """Every element of the node's tree that `is_quote_lead` accepts as a lead: the element right before one
        holding a blockquote, its text at least `min_text_length` long and ending in ":"."""
        leads: set[HtmlElement] = set()
        seen: set[HtmlElement] = set()
        for quote in node.getroottree().getroot().iter("blockquote"):
            for following in quote.iterancestors():
                lead = following.getprevious()
                if lead is None or not isinstance(lead.tag, str) or lead in seen:
                    continue
                seen.add(lead)
                text = clean_text(lead.text_content() or "")
                if len(text) >= self.min_text_length and text.endswith(":"):
                    leads.add(lead)
        return leads

    def get_link_density(self, elem: HtmlElement) -> float:
        link_length = sum(text_length(link) for link in elem.findall(".//a"))
        return float(link_length) / max(text_length(elem), 1)

    def score_paragraphs(self) -> dict:
        """readability's score_paragraphs, with links measured once per pass and no debug lines."""
        min_len = self.min_text_length
        candidates: dict = {}
        ordered = []
        for elem in self.tags(self._html(), "p", "pre", "td", "blockquote"):
            parent_node = elem.getparent()
            if parent_node is None:
                continue
            grand_parent_node = parent_node.getparent()
            inner_text = clean_text(elem.text_content() or "")
            inner_text_len = len(inner_text)
            if inner_text_len < min_len:
                continue
            if parent_node not in candidates:
                candidates[parent_node] = self.score_node(parent_node)
                ordered.append(parent_node)
            if grand_parent_node is not None and grand_parent_node not in candidates:
                candidates[grand_parent_node] = self.score_node(grand_parent_node)
                ordered.append(grand_parent_node)
            content_score = 1
            content_score += len(inner_text.split(","))
            content_score += min((inner_text_len / 100), 3)
            candidates[parent_node]["content_score"] += content_score
            if grand_parent_node is not None:
                candidates[grand_parent_node]["content_score"] += content_score / 2.0
        link_lengths: dict[HtmlElement, int] = {}  # the tree does not change during this pass
        for elem in ordered:
            link_length = 0
            for link in elem.findall(".//a"):
                if (length := link_lengths.get(link)) is None:
                    length = link_lengths[link] = text_length(link)
                link_length += length
            candidates[elem]["content_score"] *= 1 - float(link_length) / max(text_length(elem), 1)
        return candidates

    def remove_unlikely_candidates(self) -> None:
        """readability's, its IGNORECASE searches made on a lower-cased copy where that is the same, and
        only elements with a class or an id visited (readability skips the rest: their marks are " ")."""
        for elem in MARKED(self.html):
            s = "{} {}".format(elem.get("class", ""), elem.get("id", ""))
            if len(s) < 2:
                continue
            if lower_case_safe(s):
                lowered = s.lower()
                if UNLIKELY_LOWER.search(lowered) is None or MAYBE_LOWER.search(lowered) is not None:
                    continue
            elif not UNLIKELY.search(s) or MAYBE.search(s):
                continue
            if elem.tag not in ["html", "body"] and not in_code(elem) and not holds_article(elem):
                elem.drop_tree()

    def transform_misused_divs_into_paragraphs(self) -> None:
        """readability's, with `names_block` answering for its serialise-and-search where it can."""
        for elem in self.tags(self.html, "div"):
            holds = names_block(elem)
            if holds is None:
                holds = DIV_TO_P.search(str(b"".join(tostring(s, encoding="utf-8") for s in elem))) is not None
            if not holds:
                elem.tag = "p"

        for elem in self.tags(self.html, "div"):
            children = list(elem)
            paragraph = None
            if elem.text and elem.text.strip():
                p = new_paragraph()
                p.text = elem.text
                elem.text = None
                elem.insert(0, p)
                paragraph = p

            for child in children:
                if child.tag == "br":
                    paragraph = None
                    continue
                if child.tag not in INLINE_TAGS or inline_names_block(child):
                    paragraph = None
                    continue
                if paragraph is None:
                    paragraph = new_paragraph()
                    child.addprevious(paragraph)
                paragraph.append(child)

            for pos, child in reversed(list(enumerate(elem))):
                if child.tail and child.tail.strip():
                    p = new_paragraph()
                    p.text = child.tail
                    child.tail = None
                    elem.insert(pos + 1, p)
                if child.tag == "br":
                    child.drop_tree()


def in_code(element: HtmlElement) -> bool:
    """Is the element, or one above it, a `<pre>` or a `<code>`?"""
    return element.tag in CODE_TAGS or next(element.iterancestors(*CODE_TAGS), None) is not None


def holds_article(element: HtmlElement) -> bool:
    """Is the element, or one below it, a `<main>`, an `<article>` or a `<math>`?"""
    return next(element.iter(*ARTICLE_TAGS), None) is not None


def new_paragraph() -> HtmlElement:
    """An empty `<p>`: what readability's `fragment_fromstring("<p/>")` gives, without parsing a document for it."""
    return Element("p")


def inline_names_block(child: HtmlElement) -> bool:
    """readability's test of an inline child of a `<div>`: does its HTML serialisation name a block element?"""
    holds = names_block(child, own_attributes=True)
    if holds is None:
        holds = DIV_TO_P.search(tounicode(child, method="html")) is not None
    return holds
