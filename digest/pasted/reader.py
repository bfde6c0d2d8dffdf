"""Read pasted page text: find the article among menus, buttons, teasers and notices.

A page copied with select-all is one line per block. The reader works like Readability.js,
on lines instead of DOM nodes, in named steps:

1. `split_lines`: the paste's non-empty lines, each knowing its spacing and repeats (digest.pasted.lines).
2. `line_value` and 3. `find_article_span` (digest.pasted.span): each line weighed, and the article as the
   heaviest run of lines, without what hangs at its end; `article_span` starts it under its header when the run
   opens on a menu over that header deeper than HEADER_IN_RUN lines (`header_end`, no headline needed), so that the
   headline, deck and date are sought above the header, not above the menu.
4. `article_lines`: inside that run, junk lines go (credits, "READ MORE:", share buttons, a
   gallery's captions, a photo's caption next to its credit, a box's link, a line standing in for every embed
   or picture), while a code listing stays whole.
5. `header_end`: a run may open on prose that is not the article (a menu's descriptions, a video's caption over
   the byline); when the headline, a byline or a dateline stands in its first HEADER_IN_RUN lines under a small
   share of its prose, the article opens after them (the deck over the byline stays); deeper in the run (a site
   menu whose items carry a description each), when the lines above read as a menu: labels mostly, short
   descriptions between them, no block of paragraphs.
6. Headline, standfirst and dateline are read around the run (digest.pasted.headline), the place from
   the lead (digest.places.find_lead_place), the publisher from the whole page (digest.pasted.publisher).
   A slashed date ("07/04/2022") is read month first only in English text (`slashed_day_first`):
   the article's language (digest.language, about a millisecond) decides, since a paste carries
   no locale.

Text holding no article (a menu, a cookie wall, two lines) raises ExtractionError.
"""

from __future__ import annotations

from collections import Counter

from digest.dates import slashed_day_first
from digest.errors import N_, ExtractionError
from digest.language import detect_language
from digest.model import Article
from digest.pasted.blocks import looks_like_prose
from digest.pasted.junk import is_junk, is_photo_credit
from digest.pasted.header import HEADER_IN_RUN, deck_above_header, header_end
from digest.pasted.lines import Line, Span, ends_sentence, split_lines
from digest.pasted import date_model
from digest.pasted.headline import find_headline, find_standfirst, is_wiki_entry
from digest.pasted.published import find_published, in_stated_zone
from digest.pasted.publisher import find_site
from digest.pasted.span import (
    ARTICLE_MIN_WORDS,
    find_article_span,
    gallery_captions,
    fragment_runs,
    box_links,
    listing_lines,
)
from digest.places import find_lead_place

NO_ARTICLE = N_(
    "I found no article in that text. Paste the whole article (headline and paragraphs), "
    "or send its link instead."
)

FRAGMENT_RUN_MIN = 6  # six short lines in a row inside the article are a chart or a box, not its text
CAPTION_MAX_WORDS = 20  # a photo's caption is a line or two; a lead paragraph by a credit is longer
PLACEHOLDER_MIN_REPEATS = 3  # a line shown this often inside the article, no sentence, stands in for an embed or a picture
ARTICLE_MIN_PROSE_LINES = 1


def credited_captions(lines: list[Line], within: range) -> set[int]:
    """Indexes, among `within` (the article run: what is dropped elsewhere does not matter), of short prose lines
    that a credit line closes ("... the man with the acquisition plan." over "Photo by James Martin/CNET") or heads
    with no blank line between ("ASSOCIATED PRESS" over "Donald Trump has had ..."): a photo's caption, copied as a
    line of its own. A lead set a blank line under a credit stays."""
    captions: set[int] = set()
    for position in within:
        line = lines[position]
        if line.words > CAPTION_MAX_WORDS or not looks_like_prose(line) or is_junk(line):
            continue
        credit_under = position + 1 < len(lines) and is_photo_credit(lines[position + 1])
        credit_over = position > 0 and not line.blank_before and is_photo_credit(lines[position - 1])
        if credit_under or credit_over:
            captions.add(position)
    return captions


def fragment_lines(lines: list[Line]) -> set[int]:
    """Indexes of lines in runs of FRAGMENT_RUN_MIN or more fragments: charts, menus, galleries
    inside the article run. A heading stands alone; a listing or a typed list is kept."""
    return {index for run in fragment_runs(lines, FRAGMENT_RUN_MIN) for index in run}


def placeholders(run: list[Line]) -> set[int]:
    """Indexes of lines shown PLACEHOLDER_MIN_REPEATS times or more inside the run that are neither prose nor a
    sentence: an embed's stand-in ("Tweet may have been deleted (opens in a new tab)"), the same credit under every
    picture ("Courtesy of Zillow"). A line said again and again as a sentence ("No answer.") is the text's."""
    shown = Counter(line.text for line in run)
    return {line.index for line in run
            if shown[line.text] >= PLACEHOLDER_MIN_REPEATS and not looks_like_prose(line) and not ends_sentence(line.text)}


def article_lines(lines: list[Line], span: Span) -> list[Line]:
    """The run's lines without the junk that sits inside articles (credits, teasers, buttons, charts)."""
    run = lines[span.start:span.end]
    fragments = fragment_lines(run)
    boxed = {link for line in run for link in box_links(lines, line.index)}  # a box's links
    dropped = fragments | boxed | gallery_captions(lines) | credited_captions(lines, range(span.start, span.end))
    listing = listing_lines(lines)
    if not listing:  # a technical article repeats its commands and their output
        dropped |= placeholders(run)
    return [line for line in run
            if line.index in listing or not is_junk(line) and line.index not in dropped]


def has_article(lines: list[Line]) -> bool:
    words = sum(line.words for line in lines)
    prose = sum(1 for line in lines if looks_like_prose(line))
    return words >= ARTICLE_MIN_WORDS and prose >= ARTICLE_MIN_PROSE_LINES


def published_choices(lines: list[Line], span: Span, headline: Line | None,
                      language: str | None) -> list[tuple[date_model.Value | None, dict[str, float]]]:
    """Every date the page writes, with the date model's features, the rules' pick among them
    (`find_published`) one of them; a wiki's entry has none (its dates are its subject's)."""
    if headline is not None and is_wiki_entry(lines, headline):
        return [(date_model.NONE, {"is_none": 1.0})]
    day_first = slashed_day_first(language)
    rule_pick = find_published(lines, headline, span.start, day_first=day_first)
    return date_model.candidates(lines, headline, span.start, rule_pick, day_first, span.end)


def article_span(lines: list[Line]) -> Span | None:
    """The article run (`find_article_span`), from under its header when the run opens on a menu: when a byline or a
    dateline deeper than HEADER_IN_RUN lines in has labels with a description here and there above it (`header_end`
    with no headline yet), the article starts under that header, and its headline, deck and date are sought above
    it, as above any run (a menu's items and descriptions are not the article's header)."""
    span = find_article_span(lines)
    if span is None:
        return None
    opening = header_end(lines, span, None)
    return Span(opening, span.end, span.weight) if opening > span.start + HEADER_IN_RUN else span


def read_text(text: str, *, url: str | None = None) -> Article:
    """The article in a pasted page: paragraphs in order, headline, standfirst, dateline, source."""
    lines = split_lines(text)
    span = article_span(lines)
    if span is None:
        raise ExtractionError(NO_ARTICLE)
    body = article_lines(lines, span)
    if not has_article(body):
        raise ExtractionError(NO_ARTICLE)
    headline = find_headline(lines, span.start, body)
    standfirst = find_standfirst(lines, headline, span.start, body)
    opening = header_end(lines, span, headline)
    # a deck stands over a header near the run's top; over a deep one (under a menu) a deck-like line is a description
    near_top = span.start < opening <= span.start + HEADER_IN_RUN
    deck = deck_above_header(lines, span, headline, opening) if headline is not None and near_top else None
    if standfirst is None:
        standfirst = deck
    elif opening > span.start + HEADER_IN_RUN and standfirst.index < opening:
        standfirst = None  # the article opens under a menu: a "standfirst" over that menu is the menu's
    kept = [  # the headline wherever it is repeated (an image caption), the deck where it stands
        line for line in body
        if not (headline is not None and line.text == headline.text)
        and not (standfirst is not None and line.index == standfirst.index)
    ]
    # the article from its header on, and the deck over the header when it is not the standfirst already
    paragraphs = [line.text for line in kept if line.index >= opening or deck is not None and line.index == deck.index]
    if not paragraphs:
        raise ExtractionError(NO_ARTICLE)
    title = headline.text if headline else kept[0].text  # no headline: the run's first line stands for it
    language = detect_language("\n\n".join(paragraphs))  # the same text digest.pipeline would ask about
    return Article(
        title=title,
        paragraphs=tuple(paragraphs),
        standfirst=standfirst.text if standfirst else None,
        published=in_stated_zone(date_model.pick(published_choices(lines, span, headline, language)), lines, language),
        place=find_lead_place(paragraphs),
        site=find_site(lines, url, headline.text if headline else None, range(span.start, span.end)),
        url=url,
        language=language,
        language_detected=True,
    )
