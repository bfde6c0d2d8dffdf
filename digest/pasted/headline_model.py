"""The headline as a choice among candidate lines, scored by a fitted model.

Every line before the article run (and the run's first few) that could be a headline gets the
features below; the line with the highest score wins (a conditional logit: the softmax over one
page's candidates was fitted to put the reference headline first, `bench/fit/headline.py`). The
weights are data (`pasted-headline.json` beside this module, read by `digest.pasted.fitted`).

The features are the evidence a reader weighs (echo of the lead, distance to the article, a dateline
under it, repeats, length, final full stop), the shape of the line and its neighbours (capitals,
link-like words, a deck or byline under it), and where it stands in the page's header: the nearest
headline-shaped line over the byline and date or over the text (`headed_lines`), a headline echoing
the lead a few lines over it (`headline_above`: then this line is a deck or a caption). The weights,
not one-page rules, decide how much each counts. `digest.pasted.headline.candidates` adds where a
line inside the run stands ("deep") and whether a glued byline was cut off ("byline_cut").
"""

from __future__ import annotations

import math
import re
from functools import cache

from digest.memo import by_text
from digest.pasted import fitted
from digest.pasted.blocks import ELLIPSES, TRUNCATED, has_date, is_byline, is_title_case, looks_like_prose
from digest.pasted.junk import is_comments_heading, is_junk, is_section_break
from digest.pasted.lines import CJK, CJK_CHARS_PER_WORD, Line, cjk_chars, has_cjk, holds_any, is_word_char
from digest.summary.screen import Screened

WEIGHTS_NAME = "pasted-headline"  # digest/pasted/pasted-headline.json (digest.pasted.fitted)
FREQUENT_NAME = "pasted-frequent-words"  # the words most pastes hold (bench/fit/frequent_words.py): no echo
RESTATED_REACH = 3  # lines under a candidate where its short form may stand ("$150K Dress ... STOLEN!!!!")
RESTATED_SHARE = 0.6  # ... holding this share of its content words at least (a label, "Opinion writer", holds fewer)
MODEL_WINDOW = 200  # lines before the article run that may hold the headline (and its opening lines: headline.opening_candidates)
DECK_MIN_WORDS = 8  # a deck under a headline may lack its full stop
NEIGHBOUR_REACH = 3  # lines under a candidate looked at for its byline, date or deck
# A button or a link's label, not a statement; screened for its words, as its "\b" opening under IGNORECASE is tried
# at every character
LINK_WORDS = Screened(re.compile(
    r"\b(?:click|share|subscribe|sign (?:in|up)|log ?in|read more|opens in|new window|skip to|follow|"
    r"newsletter|advertisement|copied|download|menu|search|more (?:stories|articles|news) (?:by|from))\b", re.IGNORECASE))
SITE_SEPARATOR = re.compile(r"\s[|·]\s|\s[-–—]\s[A-Z][\w.]*$")  # "Headline | Site", "Headline - Site"
SITE_SEPARATOR_MARKS = ("|", "·", "-", "–", "—")  # one is in every SITE_SEPARATOR match: looked for before searching
APOSTROPHE_MARKS = ("'", "’")  # ... and one of these in every APOSTROPHE match
PARTICIPANTS = re.compile(r"^\d[\d,.]*\s+\w+")  # "132 with 73 posters", "3 comments": counters
TRAIL_MARKS = frozenset("»›>|/")  # a line holding none of these is no breadcrumb trail
TRAIL_SEPARATOR = re.compile(r"(?:>|»|›|/|\|)\s*$")  # "Home > News > Headline": a breadcrumb's last step
HEADER_SEARCH = (15, 4)  # lines over and into the article run where its header's first byline or date is looked for
HEADED_REACH = 15  # lines over the header (or the run) where its headline is looked for: `headed_lines`
HEADLINE_ABOVE_REACH = 5  # lines over a candidate where a headline echoing the lead makes it a deck or a caption
HEADLINE_ABOVE_ECHO = 0.25  # ... echoing it this much ("overlap"): a headline, not a menu's label
AUTHOR_NAME = re.compile(  # "John Patrick Pullen,TIME", "Alex Shephard/": a name glued to its outlet or a slash
    r"^[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){1,3}\s*[,/|]\s*[\w .]{0,20}$")
BYLINE_OPENING = re.compile(r"^(?:(?:[Pp]osted|[Ww]ritten) )?(?:[Bb]y|BY)\s+[A-Z]")  # "By Jane Doe, Senior ...", however long
CONTENT_TOKEN = re.compile(r"[^\W\d_]{4,}")
LOWER_ASCII_CONTENT_TOKEN = re.compile(r"[a-z]{4,}")  # CONTENT_TOKEN over lower-cased ASCII text, by a range
APOSTROPHE = re.compile(r"\w['’]\w")  # "Nyong'o's", "Trump’s", "l'Euro", "don't": a phrase's word, rarely a menu's label
CJK_HEADLINE_MIN_CHARS = 12  # "インフォメーション", "ニュースリリース一覧へ": a menu's label; a Japanese headline says more

FEATURES = (
    "overlap", "overlap_first", "log_distance", "inside", "repeats", "dated_below", "dated_above",
    "good_length", "long", "full_stop", "question", "other_stories", "title_case", "upper_share",
    "link_words", "site_separator", "counter", "colon_end", "deck_below", "byline_below",
    "prose_above", "junk_above", "blank_around", "first_showing", "cjk", "echoed", "bracketed",
    "truncated", "deep", "byline_cut", "header_below", "deck_under", "trail_end", "past_header",
    "over_header", "over_run", "headline_above", "restated_below", "overlap_rare", "overlap_first_rare",
    "sentence_long", "apostrophe",
)
SENTENCE_WORDS = 16  # past this a line reads as a sentence (a deck, a lead) more than a headline: "long" is linear
HEADER_REACH = 5  # lines under a headline where its header (deck, byline, share buttons) leads to its date
HEADER_LINE_MAX_WORDS = 50  # a deck's length at most: a longer line is the article's text
ECHO_AT = re.compile(r"\s*(?:[|·:–—-]|\bby\b)", re.IGNORECASE)  # "Headline | Site", "Headline by Author"


@by_text(16384)
def content_tokens(text: str) -> frozenset[str]:
    """Lower-case words of four letters or more (fewer are mostly function words); CJK as character pairs.
    Cached (hence frozen): every candidate line is read for its echo of the lead."""
    if text.isascii():  # no CJK to set apart or pair (CJK's ranges are all beyond ASCII); lower-cased first, as
        # lowering ASCII keeps every letter a letter: the same tokens, cased as `casefold` cases each, without a loop
        return frozenset(LOWER_ASCII_CONTENT_TOKEN.findall(text.lower()))  # its letters are a to z
    tokens = {token.casefold() for token in CONTENT_TOKEN.findall(CJK.sub(" ", text))}
    cjk = "".join(CJK.findall(text))
    tokens.update(cjk[i:i + 2] for i in range(len(cjk) - 1))
    return frozenset(tokens)


@cache
def frequent_words() -> frozenset[str]:
    """The shipped (or a fold's) list of words most development pastes hold ("with", "that", "privacy"): a
    candidate sharing only these with the lead does not echo it. Read at first use."""
    return frozenset(fitted.data(FREQUENT_NAME))


def score(vector: dict[str, float]) -> float:
    """The candidate's score under the fitted weights."""
    return fitted.score(WEIGHTS_NAME, vector)


def first_date_offset(lines: list[Line], index: int, step: int) -> int | None:
    """Lines from `index` to the nearest line with a date, looking `step`-wise, within NEIGHBOUR_REACH."""
    for distance in range(1, NEIGHBOUR_REACH + 1):
        other = index + step * distance
        if not 0 <= other < len(lines):
            return None
        if has_date(lines[other]):
            return distance
        if looks_like_prose(lines[other]):
            return None
    return None


def features(lines: list[Line], line: Line, start: int, lead: frozenset[str], first: frozenset[str],
             tokens: frozenset[str], breaks: list[int], first_index: dict[str, int],
             echoes: frozenset[str] = frozenset(), trails: tuple[str, ...] = (),
             header: int | None = None, headed: tuple[int | None, int | None] = (None, None),
             frequent: frozenset[str] = frozenset()) -> dict[str, float]:
    """What the model knows of one candidate (each feature about 0..1); `trails`, `header` and `headed` are the
    page's (`breadcrumb_trails`, `header_start`, `headed_lines`), computed once; `frequent` the words whose
    echo says nothing (`frequent_words`)."""
    text = line.text
    title_case, upper_share, link_words, site_separator, counter, cjk, truncated, apostrophe = text_shape(text)
    distance = start - line.index
    below = lines[line.index + 1:line.index + 1 + NEIGHBOUR_REACH]
    above = lines[line.index - 1] if line.index > 0 else None
    dated_below = first_date_offset(lines, line.index, 1)
    dated_above = first_date_offset(lines, line.index, -1)
    rare = tokens - frequent
    return {
        "overlap": (len(tokens & lead) / len(tokens) if tokens else 0.0) * min(1.0, len(tokens) / 4),
        "overlap_first": len(tokens & first) / len(tokens) if tokens else 0.0,
        "log_distance": math.log1p(max(0, distance)) / 4,
        "inside": 1.0 if distance <= 0 else 0.0,
        "repeats": 1.0 if line.repeats > 1 else 0.0,
        "dated_below": 1.0 / dated_below if dated_below else 0.0,
        "dated_above": 1.0 / dated_above if dated_above else 0.0,
        "good_length": 1.0 if good_length(line) else 0.0,
        "long": min(1.0, line.words / 30),
        "sentence_long": min(1.0, max(0, line.words - SENTENCE_WORDS) / SENTENCE_WORDS),
        "full_stop": 1.0 if text.endswith(".") and not text.endswith("..") else 0.0,
        "question": 1.0 if text.endswith(("?", "!")) else 0.0,
        "other_stories": 1.0 if any(index < line.index for index in breaks) else 0.0,
        "title_case": title_case,
        "upper_share": upper_share,
        "link_words": link_words,
        "site_separator": site_separator,
        "counter": counter,
        "colon_end": 1.0 if text.endswith(":") else 0.0,
        "deck_below": 1.0 if below and reads_as_deck(below[0]) and distance > 1 else 0.0,
        "byline_below": 1.0 if any(is_byline(other) for other in below) else 0.0,
        "prose_above": 1.0 if above is not None and looks_like_prose(above) else 0.0,
        "junk_above": 1.0 if above is not None and is_junk(above) else 0.0,
        "blank_around": 1.0 if line.blank_before and line.blank_after else 0.0,
        "first_showing": 1.0 if first_index.get(text, line.index) == line.index else 0.0,
        "cjk": cjk,
        "echoed": 1.0 if text in echoes else 0.0,
        "bracketed": 1.0 if text.startswith(("(", "[")) and text.endswith((")", "]")) else 0.0,
        "truncated": truncated,
        "header_below": 1.0 if dated_header_below(lines, line.index) else 0.0,
        "deck_under": 1.0 if deck_under(lines, line) else 0.0,
        "trail_end": 1.0 if any(ends_trail(trail, text) for trail in trails) else 0.0,
        "past_header": 1.0 if header is not None and header < line.index < start else 0.0,
        "over_header": 1.0 if line.index == headed[0] else 0.0,
        "over_run": 1.0 if line.index == headed[1] else 0.0,
        "headline_above": headline_above(lines, line, lead),
        "restated_below": 1.0 if restated_below(lines, line, tokens) else 0.0,
        "overlap_rare": (len(rare & lead) / len(rare) if rare else 0.0) * min(1.0, len(rare) / 4),
        "overlap_first_rare": len(rare & first) / len(rare) if rare else 0.0,
        "apostrophe": apostrophe,
    }


@by_text(16384)
def text_shape(text: str) -> tuple[float, float, float, float, float, float, float, float]:
    """The features read from the candidate's text alone (title_case, upper_share, link_words, site_separator,
    counter, cjk, truncated, apostrophe), cached: the same lines are candidates again and again."""
    letters = list(filter(str.isalpha, text))  # by C-level filter and map: the same counts as a loop over characters
    return (
        1.0 if is_title_case(text) else 0.0,
        sum(map(str.isupper, letters)) / len(letters) if letters else 0.0,
        1.0 if LINK_WORDS.search(text) else 0.0,
        1.0 if holds_any(text, SITE_SEPARATOR_MARKS) and SITE_SEPARATOR.search(text) else 0.0,
        1.0 if PARTICIPANTS.match(text) else 0.0,
        1.0 if has_cjk(text) else 0.0,
        1.0 if text.endswith(ELLIPSES) and TRUNCATED.search(text) else 0.0,  # its end read first, as `prose_text` does
        1.0 if holds_any(text, APOSTROPHE_MARKS) and APOSTROPHE.search(text) else 0.0,
    )


def shaped_as_headline(line: Line) -> bool:
    """`stands_as_headline`, and no byline however long ("By Jane Doe, Senior Staff Technologist, ...")."""
    return stands_as_headline(line) and not is_byline(line) and BYLINE_OPENING.match(line.text) is None


def nearest_headline(lines: list[Line], below: int | None) -> int | None:
    """The first line over `below`, within HEADED_REACH, shaped as a headline and not as a deck nor as an author's
    name over the date (`name_over_date`): where a page puts its headline, over its byline and date or over its
    text, whatever menus and teasers stand higher."""
    if below is None:
        return None
    for other in reversed(lines[max(0, below - HEADED_REACH):below]):
        if shaped_as_headline(other) and not reads_as_deck(other) and not name_over_date(lines, other):
            return other.index
    return None


def name_over_date(lines: list[Line], line: Line) -> bool:
    """A name glued to its outlet or a slash (AUTHOR_NAME) right over a date: the byline, which the byline
    patterns miss, so the headline over it is the header's (`nearest_headline`), not the name."""
    below = lines[line.index + 1] if line.index + 1 < len(lines) else None
    return below is not None and has_date(below) and AUTHOR_NAME.match(line.text) is not None


def headed_lines(lines: list[Line], start: int, header: int | None) -> tuple[int | None, int | None]:
    """The nearest headline-shaped line over the article's header and over its run (`nearest_headline`), once a page."""
    return nearest_headline(lines, header), nearest_headline(lines, start)


def echo_share(text: str, lead: frozenset[str]) -> float:
    """The "overlap" feature of a text: the share of its content words in the lead, damped under four words."""
    tokens = content_tokens(text)
    return (len(tokens & lead) / len(tokens) if tokens else 0.0) * min(1.0, len(tokens) / 4)


def headline_above(lines: list[Line], line: Line, lead: frozenset[str]) -> float:
    """1 when a headline-shaped line within HEADLINE_ABOVE_REACH over this one echoes the lead: this line is then
    that headline's deck, its picture's caption or a video's title."""
    return 1.0 if any(other.text != line.text and shaped_as_headline(other)
                      and echo_share(other.text, lead) >= HEADLINE_ABOVE_ECHO
                      for other in lines[max(0, line.index - HEADLINE_ABOVE_REACH):line.index]) else 0.0


def restated_below(lines: list[Line], line: Line, tokens: frozenset[str]) -> bool:
    """A line within RESTATED_REACH under this one says it again in fewer words (its content words, two or more,
    all this line's, RESTATED_SHARE of them at least): this line is the headline's full form, that one its
    short form (a teaser's or the picture's)."""
    if len(tokens) < 2:
        return False
    for other in lines[line.index + 1:line.index + 1 + RESTATED_REACH]:
        words = content_tokens(other.text)
        if (other.text != line.text and len(words) >= 2 and words <= tokens
                and len(words) >= RESTATED_SHARE * len(tokens)):
            return True
    return False


def deck_under(lines: list[Line], line: Line) -> bool:
    """The line right under reads as a deck and says more than this one, which has no full stop: a headline
    over its standfirst (the pair, wherever it stands: over the run or as its first lines)."""
    below = lines[line.index + 1] if line.index + 1 < len(lines) else None
    return (below is not None and reads_as_deck(below) and below.words > line.words
            and not (line.text.endswith(".") and not line.text.endswith("..")))


def breadcrumb_trails(lines: list[Line]) -> tuple[str, ...]:
    """The lines that may be a breadcrumb trail (a separator in them), once per page."""
    return tuple(line.text for line in lines if has_trail_mark(line.text))


def has_trail_mark(text: str) -> bool:
    """One of TRAIL_MARKS is in the line: five looks for a character, each a C scan, where `isdisjoint` looks
    every character of the line up in the set (asked of every line of a paste)."""
    return ">" in text or "/" in text or "|" in text or "»" in text or "›" in text


def ends_trail(trail: str, text: str) -> bool:
    """The trail ends with the text, after a separator: "Home > News > Headline" ends in the page's headline."""
    cut = len(trail) - len(text)
    return cut > 0 and trail.endswith(text) and TRAIL_SEPARATOR.search(trail[:cut]) is not None


def header_start(lines: list[Line], start: int) -> int | None:
    """The first byline or dated line (not prose) near the article run's start: the article's header. Lines
    between it and the run are the header's own (deck, author's blurb, caption), rarely its headline."""
    for line in lines[max(0, start - HEADER_SEARCH[0]):start + HEADER_SEARCH[1]]:
        if (has_date(line) or is_byline(line)) and not looks_like_prose(line):
            return line.index
    return None


def dated_header_below(lines: list[Line], index: int) -> bool:
    """A date within HEADER_REACH lines under the line, past nothing but a header's lines (a deck, a byline,
    buttons, labels): a headline and its deck both have one, however long the deck; a caption or a teaser
    is followed by the article's text or the next teaser."""
    for other in lines[index + 1:index + 1 + HEADER_REACH]:
        if has_date(other):
            return True
        if other.words > HEADER_LINE_MAX_WORDS:
            return False
    return False


def good_length(line: Line) -> bool:
    """A headline's length: 4 to 20 words; in Chinese or Japanese (two characters a word) from
    CJK_HEADLINE_MIN_CHARS characters' worth."""
    if cjk_chars(line.text) < CJK_HEADLINE_MIN_CHARS / 2:
        return 4 <= line.words <= 20
    return line.words >= CJK_HEADLINE_MIN_CHARS / CJK_CHARS_PER_WORD


def stands_as_headline(line: Line) -> bool:
    """A line shaped as a headline (not a sentence, not junk): the line a deck stands under."""
    return (good_length(line) and not looks_like_prose(line) and not is_junk(line) and not has_date(line)
            and not line.text.endswith((".", ":")))


def echoed_heads(lines: list[Line]) -> frozenset[str]:
    """What lines say before a site's name or a byline ("Headline | Site", "Headline by Author"): once per page,
    so that a candidate's echo is one look-up."""
    return frozenset(head for line in lines for head in echo_heads(line.text))


ECHO_MARK = re.compile(r"[|·:–—\-bB]")  # where an ECHO_AT match may end its spaces: a separator, or the "b" of "by"


@by_text(16384)
def echo_heads(text: str) -> tuple[str, ...]:
    """What one line says before each separator or "by" in it, by text, cached: `echoed_heads` reads every
    line of every page. `ECHO_AT.finditer` tries its spaces and its IGNORECASE branches at every position; its matches
    are the separators and the whole words "by" (no other character matches them, case aside), each with the spaces
    before it, which the head's `rstrip` drops: those marks, found by a plain character class, give the same heads
    (tests/test_pasted_shortcuts.py)."""
    heads = []
    for mark in ECHO_MARK.finditer(text):
        at = mark.start()
        if text[at] in "bB" and not (text[at + 1:at + 2] in ("y", "Y") and (at == 0 or not is_word_char(text[at - 1]))
                                     and (at + 2 == len(text) or not is_word_char(text[at + 2]))):
            continue  # a "b" that opens no whole word "by"
        head = text[:at].rstrip()
        if head:  # ECHO_AT's match opens the line (only spaces before it): no head
            heads.append(head)
    return tuple(heads)


def reads_as_deck(line: Line) -> bool:
    """Prose, or a sentence without its full stop (a deck): DECK_MIN_WORDS words or more, not Title Case."""
    return looks_like_prose(line) or (line.words >= DECK_MIN_WORDS and not is_title_case(line.text)
                                      and not is_junk(line) and not has_date(line))


def section_breaks(window: list[Line]) -> list[int]:
    """Indexes of "You may also like" headings (not a comments heading) among the candidates' lines."""
    return [line.index for line in window if is_section_break(line) and not is_comments_heading(line)]
