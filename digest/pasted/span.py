"""Where the article is in a paste: each line weighed, and the heaviest run of lines.

Like Readability.js, on lines instead of DOM nodes:

- `line_value`: prose lines weigh their words; labels, menu items, credits, notices and section
  headings ("Top stories", "Comments") cost.
- `find_article_span`: the run of lines whose total weight is largest (the maximum-sum run),
  so the article's paragraphs stay together across the odd caption and heading inside it,
  while the long menus before it and the other stories after it fall away. A comments heading
  or a "Related coverage" heading closing an article makes what follows count for less; a
  comment count under the dateline and a box of links inside the text (one link, or a few headlines with the
  article going on under them: `box_links`) do not. A run of
  WIDGET_MIN_LINES fragments or more (a video player's controls and caption settings) costs as
  one box, so it no longer cuts an article in two. On a page that sets its paragraphs apart with blank lines,
  a prose line glued under a label or a headline (`glued_lines`: a teaser card's summary, a feed's item, a
  newsletter box's pitch) costs like a subheading; a list glued under a paragraph stays. On a page whose CJK paragraphs end in 。, a CJK line
  in a list that ends in none is a headline (`cjk_titles`). The run then sheds what hangs at its end
  (`without_tail`): a lone paragraph after TAIL_GAP_LINES lines with no prose, or after the author's
  name alone (a disclaimer at the foot, an author's bio), the teaser cards that close it (`without_cards`: a headline
  over a short summary, twice or more), and the calls to act that close it (`without_calls_to_act`:
  a newsletter box's pitch, "Scroll down to comment below").

What is dropped inside the run, and the rest of the article, is digest.pasted.reader's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from digest.memo import by_text
from digest.pasted.blocks import (
    is_byline,
    is_code,
    is_dateline,
    is_list_item,
    is_markup,
    is_slide_counter,
    looks_like_prose,
    slide_counter,
)
from digest.pasted.junk import (
    is_call_to_act,
    is_comments_heading,
    is_junk,
    is_page_copyright,
    is_relative_time,
    is_section_break,
)
from digest.pasted.lines import Line, Span, cjk_chars

# Weights, in words: a prose line earns its words; everything else costs.
SHORT_LINE_COST = 3  # a menu item or a label
BLOCK_LINE_COST = 1  # a short line standing as a block of its own (a subheading, a list item)
JUNK_COST = 10  # a credit, a teaser, a notice, a button
SECTION_BREAK_COST = 80  # "Top stories", "Comments": the article is most likely over
CARD_MAX_WORDS = 15  # a sentence this short shown twice on a page with an article is a card's headline (a teaser)
CARD_SUMMARY_MAX_WORDS = 30  # a teaser card's summary under its headline: a sentence or two (`is_card`) ...
CARD_HEADLINE_WORDS = range(2, CARD_MAX_WORDS + 1)  # ... and its headline, a name more than a label
CARD_TAIL_MIN = 2  # cards in a row closing the run: the page's other stories
LIST_ITEM_MIN_WORDS = 3  # "+ Added Slime Block": a typed list item is content, worth half its words

FRAGMENT_MAX_WORDS = 3
WIDGET_MIN_LINES = 40  # a run of this many fragments is one widget (a player's settings, a long menu) ...
WIDGET_COST = 30  # ... costing as much as three junk lines, however many items it lists
FOOTER_FROM = 0.5  # a copyright line in the page's second half is its footer (in the first, a document's notice)
COMMENTS_DISCOUNT = 0.3  # prose below a comments heading is probably comments
OTHER_STORIES_DISCOUNT = 0.3  # prose below "Related coverage" closing an article is other stories' summaries
TAIL_GAP_LINES = 6  # lines in a row with no prose ...
TAIL_MAX_PROSE = 1  # ... then a lone paragraph ending the run: a disclaimer at the foot, a bio (an article goes on)
NAME_MIN_WORDS, NAME_MAX_WORDS = 2, 4  # a person's name on a line of its own ...
NAME_REACH = 5  # ... this close above a paragraph that opens with it
CJK_SHARE = 0.5  # a line this much Chinese or Japanese characters ...
CJK_SENTENCE_SHARE = 0.5  # ... on a page where this share of such prose lines or more end in a full stop
CJK_SENTENCE_END = re.compile(  # 。 or ！, maybe inside a closing 」 (digest.pasted.lines.SENTENCE_END, CJK quotes too)
    r"[.!?…。！？:;：；][\"'”’»)\]」』）》】]*$|[\"”»」』]$")
SPACED_SHARE = 0.8  # a page setting this share of its prose words under a blank line spaces its paragraphs
ARTICLE_SIZED_RUN = 150  # a run this heavy before a section break is an article that the break closes
BOX_LINK_MAX_WORDS = 20  # the one link of a box inside the article: a headline's length (its summary is longer)
BOX_HEADLINE_MIN_WORDS, BOX_MIN_HEADLINES = 4, 2  # a box of several links names two stories or more
BOX_MAX_LINKS = 8  # a box of links inside the article: this many short lines at most (headlines, ranks, a credit)
BOX_RESUME_LINES = 4  # under a box's link the article resumes: paragraphs, BOX_RESUME_PROSE of these lines at least ...
BOX_RESUME_PROSE = 3  # ... where a list of teasers goes on headline, summary, author, headline
BOX_RESUME_WORDS = 100  # ... or this many words of prose in those lines under a box of several links
HEADER_REACH = 5  # lines above a comment count where the article header's byline or date may stand (share links between)
GALLERY_MIN_SLIDES = 3  # slides of one series ("1/50", "2/50", "3/50") that make a gallery
ARTICLE_MIN_WORDS = 30  # fewer words than this in the best run is not an article


def line_value(line: Line) -> int:
    """What a line adds to (or takes from) the article run it stands in."""
    return line_value_of(line.text, line.words, line.blank_before, line.blank_after)


@by_text(16384)
def line_value_of(text: str, words: int, blank_before: bool, blank_after: bool) -> int:
    """`line_value` by what it reads of the line, cached: the run is weighed line by line on every paste, and a
    site's menus and footers recur."""
    line = Line(index=0, text=text, words=words, blank_before=blank_before, blank_after=blank_after, repeats=1)
    if is_section_break(line) or is_page_copyright(line):
        return -SECTION_BREAK_COST
    if is_junk(line):
        return -JUNK_COST
    if looks_like_prose(line):
        return line.words
    if is_list_item(line) and line.words >= LIST_ITEM_MIN_WORDS:
        return line.words // 2
    if line.blank_before and line.blank_after or is_code(line):  # a subheading, a line of a listing
        return -BLOCK_LINE_COST
    return -SHORT_LINE_COST


def is_cjk_line(line: Line) -> bool:
    """Mostly Chinese or Japanese: counted in character pairs, not spaced words."""
    return cjk_chars(line.text) >= CJK_SHARE * len(line.text)


def cjk_titles(lines: list[Line]) -> set[int]:
    """Indexes of Chinese or Japanese "prose" lines that end in no full stop (nor a closing quote after one) and stand
    in a list, with no blank line above, on a page whose paragraphs end in one (most of its CJK prose lines):
    other stories' headlines, long as CJK headlines are ("2019年版「iPhone」は双方向ワイヤレス充電に対応か--...").
    A blog written without full stops keeps its lines."""
    cjk = [line for line in lines if looks_like_prose(line) and is_cjk_line(line)]
    open_ended = [line for line in cjk if not CJK_SENTENCE_END.search(line.text)]
    if len(open_ended) > len(cjk) * (1 - CJK_SENTENCE_SHARE):
        return set()
    return {line.index for line in open_ended if not line.blank_before}


def is_header_comment_count(lines: list[Line], position: int) -> bool:
    """ "11 Comments" right under the article's dateline or byline, with no paragraph above: the header's link
    to the comments, not the comments themselves."""
    above = lines[max(0, position - HEADER_REACH):position]
    return (any(is_dateline(line) or is_byline(line) for line in above)
            and not any(looks_like_prose(line) for line in above))


def is_inline_box(lines: list[Line], position: int) -> bool:
    """A heading such as "Related" or "Trending Stories" over a box of links set inside the text (`box_links`)."""
    return bool(box_links(lines, position))


def box_links(lines: list[Line], position: int) -> range:
    """The indexes of the links of a box set inside the article under the section break at `position`, or an empty
    range: "Related" over a single link, or over up to BOX_MAX_LINKS short lines that are no prose (headlines, their
    ranks, a picture's credit) with a paragraph set apart under them; either way the article goes on under the box
    (paragraphs, not cards). A list of teaser cards under "Read This Next" mixes in their summaries and never
    resumes."""
    if not is_section_break(lines[position]) or position + 2 >= len(lines):
        return range(0)
    if lines[position + 1].words <= BOX_LINK_MAX_WORDS and looks_like_prose(lines[position + 2]):
        return range(position + 1, position + 2) if article_resumes(lines, position + 2) else range(0)
    end = position + 1
    while (end < len(lines) and end - position <= BOX_MAX_LINKS and lines[end].words <= BOX_LINK_MAX_WORDS
           and not looks_like_prose(lines[end])):
        end += 1
    resumes = end < len(lines) and lines[end].blank_before and looks_like_prose(lines[end])
    return range(position + 1, end) if resumes and is_links_box(lines, position, end) else range(0)


def is_links_box(lines: list[Line], position: int, end: int) -> bool:
    """Whether the short lines between the heading at `position` and the paragraph at `end` are a box of links with
    the article going on under it: BOX_MIN_HEADLINES stories named or more (a caption shown twice under "Share this
    story" is no box), no date among them (teaser cards carry theirs), and paragraphs under it."""
    box = lines[position + 1:end]
    headlines = {line.text for line in box if line.words >= BOX_HEADLINE_MIN_WORDS and not is_junk(line)}
    if len(headlines) < BOX_MIN_HEADLINES or any(is_dateline(line) for line in box):
        return False
    return article_resumes(lines, end) or resumed_words(lines, end) >= BOX_RESUME_WORDS


def resumed_words(lines: list[Line], position: int) -> int:
    """The prose words of BOX_RESUME_LINES lines from `position`: long paragraphs between a gallery's labels are the
    article going on."""
    return sum(line.words for line in lines[position:position + BOX_RESUME_LINES] if looks_like_prose(line))


def article_resumes(lines: list[Line], position: int) -> bool:
    """Paragraphs from `position` on (BOX_RESUME_PROSE of BOX_RESUME_LINES lines), not a list of teasers going on
    headline, summary, author, headline."""
    resumed = lines[position:position + BOX_RESUME_LINES]
    return sum(looks_like_prose(line) for line in resumed) >= min(BOX_RESUME_PROSE, len(resumed))


def listing_lines(lines: list[Line]) -> set[int]:
    """Indexes of the lines of a code listing or a text table: two or more code or markup lines in a row.
    In a technical article they are its text, even where a line alone would look like junk
    ("<script src=...>", "2020-08-01 18:00:00+00 │ 200 │ 4084")."""
    code = [is_code(line) or is_markup(line) for line in lines]
    return {index for index, flag in enumerate(code)
            if flag and (index > 0 and code[index - 1] or index + 1 < len(code) and code[index + 1])}


def gallery_captions(lines: list[Line]) -> set[int]:
    """Indexes of the lines right under a gallery's slide counter ("3/50 Title"), credits aside: its captions.
    A gallery shows GALLERY_MIN_SLIDES slides of one series or more (a lone "1 / 5" heads a photo's own caption)."""
    slides: dict[str, set[str]] = {}
    for line in lines:
        match = slide_counter(line.text)
        if match and is_slide_counter(line):
            slides.setdefault(match.group(2), set()).add(match.group(1))
    series = {total for total, numbers in slides.items() if len(numbers) >= GALLERY_MIN_SLIDES}
    captions: set[int] = set()
    if not series:
        return captions
    for line in lines:
        match = slide_counter(line.text)
        if match and match.group(2) in series:
            following = line.index + 1
            while following < len(lines) and is_junk(lines[following]) and not is_slide_counter(lines[following]):
                following += 1
            if following < len(lines) and not is_slide_counter(lines[following]):
                captions.add(following)
    return captions


def widget_share(lines: list[Line]) -> dict[int, float]:
    """Each line's share of WIDGET_COST in a run of WIDGET_MIN_LINES fragments or more: a media player's
    controls and caption settings ("Play", "Mute", "White", "Black", "50%", ...) set inside the article
    cost as one box, not as a menu of a hundred items between its halves."""
    return {index: -WIDGET_COST / len(run) for run in fragment_runs(lines, WIDGET_MIN_LINES) for index in run}


def is_spaced(lines: list[Line]) -> bool:
    """Whether the page sets its paragraphs apart with blank lines (SPACED_SHARE of its prose words or more), as a
    browser copies `<p>` blocks: there a prose line glued to the line above is a card's summary or a list's entry."""
    prose = [line for line in lines if looks_like_prose(line)]
    words = sum(line.words for line in prose)
    return bool(prose) and sum(line.words for line in prose if line.blank_before) >= SPACED_SHARE * words


def glued_lines(lines: list[Line], values: list[int]) -> set[int]:
    """Indexes of prose lines glued (no blank line between) under a line that is not prose, in a block (lines between
    blank ones) that opens on something other than prose: a teaser card's summary under its headline and source, a
    newsletter box's pitch under its label. A block opening on a paragraph (a list under the sentence that introduces
    it) is text, and so are a list's entries under its first one (footnotes, references under their heading).
    `values` are the lines' `line_value`s."""
    glued: set[int] = set()
    opener_is_prose = False
    for line in lines:
        value = values[line.index]
        if line.blank_before:
            opener_is_prose = value > 0
        elif (not opener_is_prose and value > 0 and not is_list_item(line)
              and not (line.index and values[line.index - 1] > 0)):
            glued.add(line.index)
    return glued


def find_article_span(lines: list[Line]) -> Span | None:
    """The maximum-weight run of lines (Kadane), starting and ending on prose.

    A comments heading or the page's copyright line ends any run; prose after one counts for less
    (COMMENTS_DISCOUNT), so the comments and footer under an article never outweigh it, while an
    article after a "941 comments" link in the page header still wins over the header (and a
    comment count under the article's own dateline is no heading at all). A section break
    ("Related coverage") after an article-sized run makes what follows count for less as well
    (OTHER_STORIES_DISCOUNT), unless it heads an inline box of one link inside the article.
    A gallery's captions cost like labels, and so does a short sentence shown twice (a teaser card's headline) on a
    page with prose of its own; a code listing's lines cost like a subheading's.
    """
    values = [line_value(line) for line in lines]  # each line weighed once: every step below reads these
    listing = listing_lines(lines)
    widget = widget_share(lines)
    glued = glued_lines(lines, values) if is_spaced(lines) else set()
    weights = run_weights(lines, values, listing, widget)  # the same for both runs below: only `glued` differs
    best = heaviest_run(lines, weights, glued)
    if best is None:
        return None
    if glued:  # where the article opens is the plain run's call: a lead glued under the headline is the article's
        plain = heaviest_run(lines, weights, set())
        if plain is not None and plain.start < best.start < plain.end:
            best = Span(plain.start, best.end, best.weight)
    span = without_tail(lines, best, listing, widget, values)
    span = without_cards(lines, span, values)
    return without_calls_to_act(lines, span, values)


# What `run_weights` says of a line, for `heaviest_run`:
CLOSES = 0  # a comments heading or the page's footer: the run ends, what follows is discounted
FIXED = 1  # the weight stands, glued or not (a box, a gallery's caption, a CJK list's headline)
SETTLED = 2  # a glued line costs like a subheading; else the weight stands (a card, a listing's or a widget's line)
OPEN = 3  # a glued line costs like a subheading; else the weight stands, and a section break after an article discounts


def run_weights(lines: list[Line], values: list[int], listing: set[int],
                widget: dict[int, float]) -> list[tuple[int, float]]:
    """Each line's (kind, weight) in the article run, all but what hangs on the glued lines and the run so far
    (`heaviest_run`, which may weigh a page twice). `values` are the lines' `line_value`s."""
    captions = gallery_captions(lines)
    titles = cjk_titles(lines)
    # Teaser cards print their headline twice (picture and link); on a page with prose of its own to set them apart
    # (a page of nothing but repeats keeps them: its paragraphs are repeated, not cards)
    cards = sum(line.words for line in lines if line.repeats == 1 and looks_like_prose(line)) >= ARTICLE_MIN_WORDS
    footer_from = len(lines) * FOOTER_FROM
    weights: list[tuple[int, float]] = []
    for position, line in enumerate(lines):
        footer = position >= footer_from and is_page_copyright(line)  # the position first: most lines are above it
        comments = is_comments_heading(line)
        if (comments and not is_header_comment_count(lines, position)) or footer:
            weights.append((CLOSES, 0))
            continue
        value: float = values[position]
        if comments or is_inline_box(lines, position):
            weights.append((FIXED, -JUNK_COST))
        elif position in captions:
            weights.append((FIXED, -SHORT_LINE_COST))
        elif position in titles:
            weights.append((FIXED, -BLOCK_LINE_COST))
        elif cards and line.repeats > 1 and line.words <= CARD_MAX_WORDS and looks_like_prose(line):
            weights.append((SETTLED, -SHORT_LINE_COST))
        elif position in listing and value < 0:
            weights.append((SETTLED, -BLOCK_LINE_COST))
        elif position in widget and value < 0:
            weights.append((SETTLED, widget[position]))
        else:
            weights.append((OPEN, value))
    return weights


def heaviest_run(lines: list[Line], weights: list[tuple[int, float]], glued: set[int]) -> Span | None:
    """Kadane's maximum-weight run (`find_article_span`) over `run_weights`; `glued` lines cost like a subheading."""
    best: Span | None = None
    start, total, discount = 0, 0.0, 1.0
    for position, (kind, value) in enumerate(weights):
        if kind == CLOSES:
            closing = best is not None and best.weight >= ARTICLE_SIZED_RUN  # an article above: these are its comments
            start, total, discount = position, 0.0, COMMENTS_DISCOUNT * (OTHER_STORIES_DISCOUNT if closing else 1.0)
            continue
        if kind != FIXED and position in glued:
            value = -BLOCK_LINE_COST
        elif (kind == OPEN and best is not None and best.weight >= ARTICLE_SIZED_RUN  # the weight first: no line test
              and (is_section_break(lines[position]) or is_relative_time(lines[position]))):  # "73 months ago"
            discount = min(discount, OTHER_STORIES_DISCOUNT)
        if value > 0:
            value *= discount
        if total <= 0:
            if value <= 0:
                continue
            start, total = position, 0.0
        total += value
        if best is None or total > best.weight:
            best = Span(start, position + 1, total)
    return best


def opens_author_box(lines: list[Line], position: int) -> bool:
    """A paragraph opening with a name that stands just above it, alone or with the author's handle ("Drew
    Dietsch" over "Drew Dietsch is a senior contributor ...", "Will Leitch @williamfleitch" over "Will Leitch is
    ..."): the author's box, their picture's name and their bio."""
    opening = lines[position].text.split()[:NAME_MIN_WORDS]
    return any(NAME_MIN_WORDS <= above.words <= NAME_MAX_WORDS and above.text.split()[:NAME_MIN_WORDS] == opening
               and all(word[:1].isupper() for word in opening)
               for above in lines[max(0, position - NAME_REACH):position])


def prose_weight(lines: list[Line], values: list[int]) -> int:
    """The words of the prose lines among `lines` (their `line_value`s in `values`, by index)."""
    return sum(line.words for line in lines if values[line.index] > 0)


def without_tail(lines: list[Line], span: Span, listing: set[int], widget: dict[int, float], values: list[int]) -> Span:
    """The span without a lone paragraph ending it after TAIL_GAP_LINES lines with no prose, under an article.

    Kadane's run crosses any gap that the prose beyond outweighs: a long disclaimer at the page's foot after
    a list of sponsored links, an author's bio under share buttons and a name. An article goes on after its
    charts and tables with paragraphs; a page's foot holds a lone one. `listing` and `widget` are the page's
    (`listing_lines`, `widget_share`), which break no gap; `values` its lines' `line_value`s.
    """
    end = span.end
    while True:
        prose_after, gap, cut = 0, 0, None
        for position in range(end - 1, span.start - 1, -1):
            if position in listing or position in widget:
                gap = 0
                continue
            if values[position] > 0:
                ends = gap >= TAIL_GAP_LINES or gap and opens_author_box(lines, position + 1 + gap)
                if ends and prose_weight(lines[span.start:position + 1], values) >= ARTICLE_SIZED_RUN:
                    cut = position + 1
                    break
                gap = 0
                prose_after += 1
                if prose_after > TAIL_MAX_PROSE:
                    return Span(span.start, end, span.weight)
            else:
                gap += 1
        if cut is None:
            return Span(span.start, end, span.weight)
        end = cut


def is_card(lines: list[Line], position: int, values: list[int]) -> bool:
    """A teaser card: a short prose line (CARD_SUMMARY_MAX_WORDS words at most) glued under a headline, a line that is
    no prose, no junk, of CARD_HEADLINE_WORDS words and opening on a letter ("The Supreme Court" over "Read what the
    President is looking for in his next Supreme Court nominee."). A reference ("^ Smith, ...") or a label ("【正】")
    over its line is none. `values` are the lines' `line_value`s."""
    line, above = lines[position], lines[position - 1]
    return (values[position] > 0 and line.words <= CARD_SUMMARY_MAX_WORDS and not line.blank_before
            and values[above.index] <= 0 and above.words in CARD_HEADLINE_WORDS and above.text[:1].isalpha()
            and not is_junk(above))


def without_cards(lines: list[Line], span: Span, values: list[int]) -> Span:
    """The span without the teaser cards that close it (`is_card`, CARD_TAIL_MIN of them or more, an author's name
    and title above them between): other stories' headlines and summaries under an article (ARTICLE_SIZED_RUN of
    prose above), whose short summaries outweigh their headlines. `values` are the lines' `line_value`s."""
    cards, position = 0, span.end - 1
    while position > span.start:
        if values[position] <= 0:
            position -= 1
        elif is_card(lines, position, values):
            cards, position = cards + 1, position - 2
        else:
            break
    if cards < CARD_TAIL_MIN or prose_weight(lines[span.start:position + 1], values) < ARTICLE_SIZED_RUN:
        return span
    return Span(span.start, position + 1, span.weight)


def without_calls_to_act(lines: list[Line], span: Span, values: list[int]) -> Span:
    """The span without the calls to act that close it (`is_call_to_act`: a newsletter box's pitch, "Scroll down to
    comment below") and what stands between them and the article: from the end up, prose lines that ask the reader
    to act go, and the span ends on the last paragraph that does not. `values` are the lines' `line_value`s."""
    asked = False
    for position in range(span.end - 1, span.start, -1):
        if values[position] <= 0:
            continue
        if not is_call_to_act(lines[position]):
            return Span(span.start, position + 1, span.weight) if asked else span
        asked = True
    return span


def is_fragment(line: Line) -> bool:
    """A word or three alone: a chart label, a gallery counter, a menu item (or a short heading)."""
    return line.words <= FRAGMENT_MAX_WORDS and not is_list_item(line) and not is_code(line)


def fragment_runs(lines: list[Line], at_least: int) -> Iterator[list[int]]:
    """The indexes of each run of `at_least` fragments or more in a row."""
    run: list[int] = []
    for line in [*lines, None]:
        if line is not None and is_fragment(line):
            run.append(line.index)
            continue
        if len(run) >= at_least:
            yield run
        run = []
