"""Turn readability's cleaned HTML into paragraphs of plain text, in reading order.

readability keeps text that is not inside a `<p>` (loose text in a `<div>`, list items,
table cells, `<pre>`), so we walk the tree instead of picking only `<p>`: every block
becomes one paragraph, loose inline text between blocks becomes its own paragraph, and a
table row becomes one line with its cells joined. A list item that holds paragraphs or headings is walked
like a container, so an article or a feature list laid out as `<li><h2>..</h2><p>..</p></li>` keeps its
heading and paragraph apart instead of one glued line. Loose text is kept however short (a
reader sees it), unless it is an ad label or a share bar (digest.html.clean.is_label), and so is
MathML: a formula's symbols are text a reader sees.
"""

from __future__ import annotations

import re

import lxml.etree
from lxml.html import HtmlElement

from digest.html.clean import is_label

# Blocks whose whole text is one paragraph (a nested block inside them is read with them).
LEAF_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "dt", "dd", "figcaption", "caption"})
# Blocks that only hold other blocks or loose text: walk into them.
CONTAINER_BLOCKS = frozenset({
    "td", "th",
    "div", "section", "article", "main", "body", "html", "blockquote", "ul", "ol", "dl", "figure", "header",
    "footer", "aside", "nav", "form", "fieldset", "details", "summary", "center", "table", "thead", "tbody", "tfoot",
    "hgroup", "address",
})
# A list item that holds paragraphs or headings is a wrapper (a site's article laid out as a list), not one item:
# its paragraphs stay apart, as a reader sees them.
LIST_ITEM = "li"
ITEM_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6")
TABLE_ROW = "tr"
TABLE_CELLS = ("td", "th")
CELL_SEPARATOR = " | "
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "button", "select", "option"})
LINE_BREAK_MARK = "\n"
BLANK_LINE = re.compile(r"\n *\n")
WHITESPACE = re.compile(r"\s+")
# What makes a node's text differ from libxml2's text_content(): a line break, a skipped tag, a comment's words.
WALKED_NODES = ("br", *SKIPPED_TAGS, lxml.etree.Comment, lxml.etree.ProcessingInstruction, lxml.etree.Entity)


def squash(text: str) -> str:
    """One line, single spaces: how a paragraph is stored."""
    return " ".join(text.split())


def inline_text(node: HtmlElement) -> str:
    """The text of an inline or leaf node, with `<br>` kept as a line break and skipped tags dropped."""
    parts: list[str] = []

    def walk(element: HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in SKIPPED_TAGS:
            return
        if tag == "br":
            parts.append(LINE_BREAK_MARK)
        elif element.text:
            parts.append(spaced(element.text))
        for child in element:
            walk(child)
            if child.tail:
                parts.append(spaced(child.tail))

    walk(node)  # the node's own tail is not its text
    return "".join(parts)


def squashed_text(node: HtmlElement) -> str:
    """`squash(inline_text(node))`, read by libxml2 in one call when the node holds nothing the walk treats apart."""
    if next(node.iter(*WALKED_NODES), None) is None:
        return squash(node.text_content())
    return squash(inline_text(node))


def spaced(text: str) -> str:
    """Source line breaks inside text are plain spaces in HTML; only `<br>` breaks a line."""
    return WHITESPACE.sub(" ", text)


def split_run(text: str) -> list[str]:
    """A run of loose text splits into paragraphs at blank lines or double `<br>`."""
    return [squash(block) for block in BLANK_LINE.split(text) if squash(block)]


def paragraphs_of(root: HtmlElement) -> list[str]:
    """Every paragraph of the tree in document order, empty ones dropped."""
    out: list[str] = []
    walk_block(root, out)
    return out


def is_block(child: HtmlElement) -> bool:
    """A child that starts its own paragraph(s): a block, or an inline element wrapping blocks."""
    tag = child.tag if isinstance(child.tag, str) else ""
    if tag in LEAF_BLOCKS or tag in CONTAINER_BLOCKS or tag == TABLE_ROW:
        return True
    if not tag or tag in SKIPPED_TAGS or tag == "br":
        return False
    return any(grand.tag in LEAF_BLOCKS or grand.tag in CONTAINER_BLOCKS for grand in child.iterdescendants())


def walk_block(node: HtmlElement, out: list[str]) -> None:
    tag = node.tag if isinstance(node.tag, str) else ""
    if tag in SKIPPED_TAGS or not tag:
        return
    if tag in LEAF_BLOCKS and not wraps_paragraphs(node):
        out.extend(split_leaf(node))
        return
    if tag == TABLE_ROW and any(is_block(grand) for cell in node for grand in cell):
        for cell in node:
            walk_block(cell, out)  # a layout table: its cells hold paragraphs, not data
        return
    if tag == TABLE_ROW:
        cells = [squashed_text(cell) for cell in node if cell.tag in TABLE_CELLS]
        row = CELL_SEPARATOR.join(cell for cell in cells if cell)
        if row:
            out.append(row)
        return
    blocks = [is_block(child) for child in node]
    run: list[str] = [spaced(node.text or "")]
    for child, block in zip(node, blocks):
        child_tag = child.tag if isinstance(child.tag, str) else ""
        if block:
            out.extend(loose_paragraphs(run))
            run = []
            walk_block(child, out)
        elif child_tag == "br":
            run.append(LINE_BREAK_MARK)
        elif child_tag and child_tag not in SKIPPED_TAGS:
            run.append(inline_text(child))
        run.append(spaced(child.tail or ""))
    out.extend(loose_paragraphs(run))


def wraps_paragraphs(node: HtmlElement) -> bool:
    """A list item holding `<p>` or headings: walked as a container, each paragraph its own."""
    return node.tag == LIST_ITEM and next(node.iterdescendants(*ITEM_BLOCKS), None) is not None


def loose_paragraphs(run: list[str]) -> list[str]:
    """Paragraphs of inline text lying between blocks, however short; an ad label or a share bar
    left loose ("Advertisement", "Share Tweet Email") is not one."""
    return [paragraph for paragraph in split_run("".join(run)) if not is_label(paragraph)]


def split_leaf(node: HtmlElement) -> list[str]:
    """A leaf block is one paragraph, unless it is really several lines split by double `<br>`."""
    if next(node.iter(*WALKED_NODES), None) is None:
        text = squash(node.text_content())  # no <br>: one paragraph
        return [text] if text else []
    return split_run(inline_text(node))
