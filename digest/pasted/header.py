"""Where a pasted article opens inside its run: after its header (headline, byline, dateline).

A run of prose may open on lines that are not the article: a menu's descriptions, a video's caption
and transcript over the byline. The header says where the article itself begins; `digest.pasted.reader`
keeps the run from there on, and the deck over the byline as the standfirst when it has none.
"""

from __future__ import annotations

import re

from digest.pasted.blocks import is_byline, is_dateline, looks_like_prose
from digest.pasted.headline import STANDFIRST_MAX_WORDS, looks_like_deck
from digest.pasted.lines import Line, Span

HEADER_IN_RUN = 12  # lines into the run where the article's header (headline, byline, dateline) may still stand
HEADER_PROSE_SHARE = 0.25  # prose above that header is page furniture only while it is this small a share of the run
HEADER_DEEP_IN_RUN = 60  # ... or deeper, under a menu's lines: labels with a description here and there
HEADER_DEEP_PROSE_LINES = 1 / 3  # ... where prose is at most this share of the lines above the header
MENU_DESCRIPTION_WORDS = 25  # ... and a sentence or two long on average: an item's description, not a paragraph
MENU_PROSE_RUN = 4  # ... set among labels: more prose lines in a row than this are paragraphs (a description, a text)
QUOTE_SIGNATURE_DASHES = "—–-"
BYLINE_BEFORE_NUMBER = re.compile(r"^\w+\s+\d")  # "By 1963, ...": a sentence, not a name


def is_header_line(line: Line) -> bool:
    """A byline or a dateline of the article's header: not a sentence's opening ("By 1963, as the Times
    explains:") nor a quotation's signature ("— Hayes Brown (@HayesBrown) September 19, 2016", an embedded post's)."""
    if line.text.endswith(":") or line.text.lstrip()[:1] in QUOTE_SIGNATURE_DASHES:
        return False
    return is_dateline(line) or is_byline(line) and not BYLINE_BEFORE_NUMBER.match(line.text)


def header_end(lines: list[Line], span: Span, headline: Line | None) -> int:
    """Where the article opens: after its header when the header stands inside the run's first lines.
    A run may open on prose that is not the article (a menu's descriptions, a video's caption and transcript
    over the byline); the headline, the byline and the dateline say where the article itself begins. Only
    a small share of the run's prose may stand above them, so a dated line deep in the text cuts nothing.
    A header deeper in the run (HEADER_DEEP_IN_RUN) cuts when the lines above it read as a menu, not as
    text: labels mostly, a short description in a third of them at most and never a block of paragraphs,
    whatever their share of the words."""
    shallow = header_after(lines, span, headline, min(span.end, span.start + HEADER_IN_RUN))
    prose = [line.words for line in lines[span.start:span.end] if looks_like_prose(line)]
    above = sum(line.words for line in lines[span.start:shallow] if looks_like_prose(line))
    if shallow > span.start and above <= HEADER_PROSE_SHARE * sum(prose):
        return shallow
    deep = header_after(lines, span, headline, min(span.end, span.start + HEADER_DEEP_IN_RUN))
    menu = lines[span.start:deep]
    described = [line.words for line in menu if looks_like_prose(line)]
    if (deep > span.start + HEADER_IN_RUN and len(described) <= HEADER_DEEP_PROSE_LINES * len(menu)
            and sum(described) <= MENU_DESCRIPTION_WORDS * len(described) and longest_prose_run(menu) <= MENU_PROSE_RUN):
        return deep
    return span.start


def longest_prose_run(lines: list[Line]) -> int:
    """How many prose lines stand in a row at most: paragraphs run on, a menu's descriptions stand between labels."""
    longest = run = 0
    for line in lines:
        run = run + 1 if looks_like_prose(line) else 0
        longest = max(longest, run)
    return longest


def header_after(lines: list[Line], span: Span, headline: Line | None, limit: int) -> int:
    """The line after the last header line (the headline, a byline, a dateline) above `limit` in the run."""
    end = span.start
    if headline is not None and span.start <= headline.index < limit:
        end = headline.index + 1
    for line in lines[end:limit]:
        if is_header_line(line):
            end = line.index + 1
    return end


def deck_above_header(lines: list[Line], span: Span, headline: Line | None, opening: int) -> Line | None:
    """The deck the run opened with, over the byline that `header_end` cut at: its last deck-like line under the
    headline, shown once (a line shown twice there is a video's or a picture's description) and not too long."""
    first = max(span.start, headline.index + 1 if headline is not None else 0)
    decks = [line for line in lines[first:opening] if looks_like_deck(line) and looks_like_prose(line)
             and line.repeats == 1 and line.words <= STANDFIRST_MAX_WORDS]
    return decks[-1] if decks else None
