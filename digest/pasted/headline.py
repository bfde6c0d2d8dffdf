"""Headline and standfirst of a pasted page, read around the article.

Every choice looks at the lines just before (and the first lines of) the article run that
`digest.pasted.reader` found: that is where a page puts its headline, deck, byline and date. Nothing
here guesses from far away; the publisher, named anywhere on the page, is `digest.pasted.publisher`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from digest.dates import find_date
from digest.memo import by_text
from digest.pasted import headline_model
from digest.pasted.headline_model import content_tokens
from digest.pasted.blocks import (
    BYLINE_MAX_WORDS,
    has_date,
    is_breadcrumb,
    is_byline,
    is_dateline,
    is_list_item,
    is_title_case,
    looks_like_prose,
)
from digest.pasted.junk import is_junk, is_photo_credit
from digest.pasted.lines import Line, ends_sentence, has_cjk, word_count

SHOWING_REACH = 8  # lines above the chosen headline where its first showing may stand
TAGLINE_MAX_WORDS = 10  # a blog's tagline at the top of the run may stand over the headline
HEADLINE_INSIDE = 4  # or among the first lines of the article run (a long headline reads like prose)
INSIDE_REACH = 12  # the model also weighs the run's lines this far in (a promo or a teaser may open the run)
LEAD_MIN_WORDS = 25  # a paragraph this long is the article's text, not its header
HEADLINE_MAX_WORDS = 30
HEADLINE_MAX_CHARS = 90  # a line over HEADLINE_MAX_WORDS but this short is CJK text, whose words the count overstates
CJK_SENTENCE_END = re.compile(r"[。！？][」』”）)]*$")  # a Chinese or Japanese sentence's end: prose, at that length
HEADLINE_MIN_CHARS = 8
LEAD_WORDS = 200  # the article's opening words, which the headline usually echoes
HEADLINE_GOOD_WORDS = (4, 20)  # headlines are rarely shorter or longer than this
GLUED_BYLINE = re.compile(r"\s+(?:by|By|BY)(?P<colon>:)?\s+(?P<rest>[A-Z@].*)$")  # "... laws by: Laurie Oakes"
DANGLING_BY = re.compile(r"\s+(?:by|By|BY):?$")  # "... Stimulus Optimism by" over "Jeremy Herron"
GLUED_BYLINE_MAX_WORDS = BYLINE_MAX_WORDS + 6  # the names, a handle and a date with its time
GLUED_NAME = re.compile(  # "... Anymore by Nathan Tempey": a person's name, never a possessive ("by Amazon's Alexa")
    r"^(?!.*['’]s\b)[A-Z][\w'’.\-]+(?:\s[A-Z][\w'’.\-]*){1,3}$")
GLUED_NAME_MIN_HEAD_WORDS = 5  # after a headline's worth of words ("Bitten by Dogs" keeps its words)
SECTION_NUMBER = re.compile(  # "4.5 Mozilla Developer Network", "History[edit]": a section's heading or entry
    r"^\d+(?:\.\d+)+\.?\s|\[(?:edit|modifier|bearbeiten|editar|modifica|править|edytuj|upravit)\]$")
NAVIGATION_ARROW = re.compile(r"[←→⟵⟶⇐⇒]")
ENDS_WITH_CLOCK = re.compile(
    r"(?<![\d:])\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|[A-Z]{2,4}|Uhr|配信|更新|发布|發布)?\s*$", re.IGNORECASE)
QUESTION_END = re.compile(r"\w[?!]$")  # "How does the brain turn ... thought?" (not a quotation's end)
ABBREVIATION_END = re.compile(r"(?:\b\w\.){2,}$|(?:^|\s)[A-Z][a-z]{0,2}\.$")  # "N.Y.C.", "U.S.", "Inc.", "Jr."

WIKI_SOURCE_NOTE = re.compile(  # MediaWiki's note under every page title: "From Wikipedia, the free encyclopedia"
    r"^(?:From|Aus|De|Da|Z)\s+[^\W\d_][\w.\-]*(?:\s[^\W\d_][\w.\-]*){0,2},\s+\w+.{0,40}$|^Материал из\s+\S+")
WIKI_NOTE_MAX_WORDS = 10

STANDFIRST_WINDOW = 8  # lines after the headline where a deck may stand
STANDFIRST_MAX_WORDS = 80
DECK_MIN_WORDS = 8
DECK_HEADER_REACH = 2  # lines under a deck where the byline or date may stand



def could_be_headline(line: Line) -> bool:
    """Not junk, a list item, a byline or a date; a few words, not a paragraph."""
    return headline_shaped(line.text, line.words)


@by_text(16384)
def headline_shaped(text: str, words: int) -> bool:
    """`could_be_headline` by the line's text and word count, cached: the model asks it of the same lines
    (a site's menus recur page after page)."""
    line = Line(index=0, text=text, words=words, blank_before=False, blank_after=False, repeats=1)
    if (is_junk(line) or is_list_item(line) or is_byline(line) or is_breadcrumb(line)
            or len(line.text) < HEADLINE_MIN_CHARS):
        return False
    if too_long(line) or line.words < 2 and not has_cjk(line.text):
        return False
    # each pattern below is searched only where a character every match holds is in the line (an arrow is beyond
    # ASCII; a section number opens the line, an edit link has its bracket; a clock its colon): none opens on a
    # literal, so each would be tried at every character of most lines
    if not text.isascii() and NAVIGATION_ARROW.search(line.text):
        return False  # "Next Work →", "ひらがな ←→ English": a link to elsewhere
    if (text[:1].isdecimal() or "[" in text) and SECTION_NUMBER.search(line.text):
        return False  # a section's heading or its entry in the contents, not the page's headline
    if ":" in text and ENDS_WITH_CLOCK.search(line.text):
        return False  # "CNET Japan 3/9(木) 18:45配信": a timestamp line, though its date has no year
    found = find_date(line.text)
    return not (found and found[2] - found[1] > len(line.text) / 2)  # a date line is no headline


def too_long(line: Line) -> bool:
    """More than a headline says. Words measure a space-separated line; a CJK headline's Latin names and numbers
    ("1Uで容量1ペタバイトのSSD「Intel SSD D5-P4326」発売。QLC...") each count a word beside its characters in pairs,
    so a line of CJK text is judged by its characters too, unless it ends a sentence (a paragraph's line)."""
    if line.words <= HEADLINE_MAX_WORDS:
        return False
    return len(line.text) > HEADLINE_MAX_CHARS or not has_cjk(line.text) or CJK_SENTENCE_END.search(line.text) is not None






def ends_with_full_stop(text: str) -> bool:
    """A sentence's final full stop; not an ellipsis, nor an abbreviation's ("N.Y.C.", "Inc.", "U.S.")."""
    return text.endswith(".") and not text.endswith("..") and ABBREVIATION_END.search(text) is None










def without_dangling_by(lines: list[Line], line: Line) -> Line:
    """The headline alone when the byline's "by" is glued on and its names stand on the next line ("... Stimulus
    Optimism by" over "Jeremy Herron"); over anything else ("US & Canada is sponsored by" over a logo's name)
    the line stays whole."""
    dangling = DANGLING_BY.search(line.text)
    below = lines[line.index + 1] if line.index + 1 < len(lines) else None
    if dangling is None or dangling.start() < HEADLINE_MIN_CHARS or below is None or not GLUED_NAME.match(below.text):
        return line
    head = line.text[:dangling.start()]
    return replace(line, text=head, words=word_count(head))


def without_glued_byline(line: Line) -> Line:
    """The headline alone when the page glued its byline on ("... mobility by Ahiza Garcia @x February 1, 2016",
    "... laws by: Laurie Oakes", "... Anymore by Nathan Tempey" after a headline's worth of words);
    "Bitten by Dogs" keeps its words (no colon, date, handle or full name after "by")."""
    match = GLUED_BYLINE.search(line.text)
    if match is None or match.start() < HEADLINE_MIN_CHARS:
        return line
    rest = match.group("rest")
    named = (GLUED_NAME.match(rest) is not None and match.group(0).split()[0] == "by"
             and word_count(line.text[:match.start()]) >= GLUED_NAME_MIN_HEAD_WORDS)  # a Title Case "By" is the headline's
    if not (match.group("colon") or "@" in rest or find_date(rest) or named) or len(rest.split()) > GLUED_BYLINE_MAX_WORDS:
        return line
    head = line.text[:match.start()]
    return replace(line, text=head, words=word_count(head))


def wiki_title(lines: list[Line], start: int, lead: frozenset[str]) -> Line | None:
    """The line over a wiki's "From Wikipedia, the free encyclopedia": the page's title, one word or many
    ("Mozilla", "New Zealand"), however far above the article it stands, when the lead speaks of it
    (in a newer layout a menu's "Tools" stands there instead)."""
    for line in lines[1:start + 1]:
        if line.words <= WIKI_NOTE_MAX_WORDS and WIKI_SOURCE_NOTE.match(line.text):
            title = lines[line.index - 1]
            words = content_tokens(title.text)
            if (not is_junk(title) and title.words <= HEADLINE_MAX_WORDS and not ends_with_full_stop(title.text)
                    and words and words <= lead):
                return title
    return None


def is_wiki_entry(lines: list[Line], headline: Line) -> bool:
    """The headline stands over a wiki's source note ("From Wikipedia, the free encyclopedia")."""
    below = lines[headline.index + 1] if headline.index + 1 < len(lines) else None
    return below is not None and below.words <= WIKI_NOTE_MAX_WORDS and WIKI_SOURCE_NOTE.match(below.text) is not None


def opening_candidates(lines: list[Line], start: int) -> list[Line]:
    """The article run's first lines that may be its headline: up to its first statement (a sentence of more
    than TAGLINE_MAX_WORDS words); a short question or exclamation may be the headline, a tagline is skipped.
    A statement of a headline's length that opens the run right under a date is weighed too: some pages write
    the headline as a sentence ("Maybe Donald Trump’s Twitter account is more than just a smoke screen.")."""
    found = []
    for line in lines[start:start + HEADLINE_INSIDE]:  # the run may open with its headline, before any statement
        if ends_sentence(line.text) and not (QUESTION_END.search(line.text) and line.words <= HEADLINE_GOOD_WORDS[1]):
            if line.words > TAGLINE_MAX_WORDS:
                if line.index == start and line.words <= HEADLINE_GOOD_WORDS[1] and start > 0 and has_date(lines[start - 1]):
                    found.append(line)
                break
            continue  # "I code stuff. I take photos. I write rants.": a tagline over the headline
        found.append(line)
    return found


def header_lines(lines: list[Line], start: int) -> list[Line]:
    """The run's first INSIDE_REACH lines, up to its second lead-sized paragraph: a run may open with a promo,
    a teaser's summary or a menu glued into prose, over the article's own headline and lead."""
    found, leads = [], 0
    for line in lines[start:start + INSIDE_REACH]:
        if looks_like_prose(line) and line.words >= LEAD_MIN_WORDS:
            leads += 1
            if leads == 2:
                break
        found.append(line)
    return found


def lead_tokens(body: list[Line]) -> frozenset[str]:
    """The content words of the article's first LEAD_WORDS words (CJK text: its first characters).
    Only the lines that hold them are split (a long article's text is not joined whole for its lead)."""
    words: list[str] = []
    for line in body:
        words.extend(line.text.split())
        if len(words) >= LEAD_WORDS:
            break
    if len(words) > 1:
        return content_tokens(" ".join(words[:LEAD_WORDS]))
    return content_tokens(" ".join(line.text for line in body)[:LEAD_WORDS * 2])  # a word at most: all of it read


def candidates(lines: list[Line], start: int, body: list[Line],
               frequent: frozenset[str] | None = None) -> list[tuple[Line, dict[str, float]]]:
    """Every line that could be the headline, near the article, with the model's features
    (`digest.pasted.headline_model`): the lines over the run and the run's header lines (`header_lines`, prose
    aside, and an author's name over the date: `name_over_date`), a line that may carry a glued byline in both
    forms; "deep" marks a header line past the run's opening candidates, "byline_cut" a form cut short.
    `frequent`: the fitter's word list (else the shipped one)."""
    frequent = headline_model.frequent_words() if frequent is None else frequent
    opening = {line.index for line in opening_candidates(lines, start)}
    window = lines[max(0, start - headline_model.MODEL_WINDOW):start] + [
        line for line in header_lines(lines, start) if line.index in opening or not looks_like_prose(line)]
    breaks = headline_model.section_breaks(window)
    first_index: dict[str, int] = {}
    for line in lines:
        first_index.setdefault(line.text, line.index)
    echoes = headline_model.echoed_heads(lines)
    trails = headline_model.breadcrumb_trails(lines)
    header = headline_model.header_start(lines, start)
    headed = headline_model.headed_lines(lines, start, header)
    found = []
    possible = [form for line in window for form in headline_forms(lines, line)
                if could_be_headline(form) and not headline_model.name_over_date(lines, form)]  # a byline
    echoed_by = {None: article_echo(body, None)}
    for line in without_trails(possible, [line for line in possible if line.index < start]):
        key = line.index if line.index >= start else None
        if key not in echoed_by:
            echoed_by[key] = article_echo(body, key)
        lead, first = echoed_by[key]
        vector = headline_model.features(
            lines, line, start, lead, first, content_tokens(line.text), breaks, first_index, echoes,
            trails, header, headed, frequent)
        vector["deep"] = 0.0 if line.index < start or line.index in opening else 1.0
        vector["byline_cut"] = 1.0 if line.text != lines[line.index].text else 0.0
        found.append((line, vector))
    return found


def headline_forms(lines: list[Line], line: Line) -> list[Line]:
    """The line, and it without a glued byline when one may be glued on: "... Powered by Amazon's Alexa
    Assistant" may be either, so the model weighs both."""
    cut = without_glued_byline(without_dangling_by(lines, line))
    return [cut] if cut is line else [cut, line]


def article_echo(body: list[Line], without: int | None) -> tuple[frozenset[str], frozenset[str]]:
    """The content words of the lead and of the first paragraph, less the candidate's own line when it stands
    in the run: a line inside the article does not echo itself ("the lead's first sentence is the headline")."""
    rest = [line for line in body if line.index != without]
    first_prose = next((line for line in rest if looks_like_prose(line)), None)
    return lead_tokens(rest), content_tokens(first_prose.text) if first_prose else frozenset()


def without_trails(possible: list[Line], header: list[Line]) -> list[Line]:
    """The candidates, less those that end with the whole text of a candidate over the article run: a breadcrumb
    trail ending in the page's title ("Home News Research and Markets IMF dims outlook ...", "HOME情報セキュリティ
    ゴールデンウィーク...") or a link's label holding it ("Video of WTF? My talk at ..."); the shorter line says it
    alone. A subheading in the run ("Better Student Journalism", "出国前后关注点大不同") does not take away the
    headline that ends with it."""
    by_last: dict[str, list[str]] = {}  # a text ends with another only where both end in the same character
    for text in {line.text for line in header}:
        by_last.setdefault(text[-1], []).append(text)
    return [line for line in possible
            if not any(line.text.endswith(other) and len(other) < len(line.text)
                       for other in by_last.get(line.text[-1], ()))]


def find_headline(lines: list[Line], start: int, body: list[Line]) -> Line | None:
    """The line that states the story: the candidate the fitted model scores highest
    (digest.pasted.headline_model). A wiki's title over its source note, echoed by the lead, wins outright."""
    wiki = wiki_title(lines, start, lead_tokens(body))
    if wiki is not None:
        return wiki
    scored = [(headline_model.score(vector), line) for line, vector in candidates(lines, start, body)]
    if not scored:
        return None
    chosen = max(scored, key=lambda item: (item[0], -item[1].index))[1]
    # its first showing near where it was chosen is the headline (a repeat under the deck is a caption's);
    # a copy far above, in the page's title bar, is not: the dates around it are the menu's teasers'
    return next((line for line in lines[max(0, chosen.index - SHOWING_REACH):chosen.index]
                 if line.text == chosen.text), chosen)




def looks_like_deck(line: Line) -> bool:
    """A sentence-like line under a headline; a deck may lack the final full stop."""
    return (line.words >= DECK_MIN_WORDS and not is_title_case(line.text) and not is_junk(line)
            and not is_dateline(line) and not is_byline(line))


def find_standfirst(lines: list[Line], headline: Line | None, start: int, body: list[Line]) -> Line | None:
    """The deck under the headline: prose set apart from the article's first paragraph."""
    if headline is None:
        return None
    first = next((line for line in body if looks_like_prose(line)), None)
    body_texts = {line.text for line in body}
    opening = max(start, headline.index + 1)  # a headline inside the run: the line under it opens the article
    for line in lines[headline.index + 1:headline.index + 1 + STANDFIRST_WINDOW]:
        if line.index > opening:
            break
        if not looks_like_deck(line) or line.words > STANDFIRST_MAX_WORDS or line.text == headline.text:
            continue
        if line.index + 1 < len(lines) and is_photo_credit(lines[line.index + 1]):
            continue  # a photo's caption over its credit ("... KPMG." over "Photo : Radio-Canada"), not the deck
        if line.repeats > 1 and line.text not in body_texts:
            continue  # shown again outside the article: another story's headline in a list shown twice, not the deck
        if line.index < start:
            return line
        # the run's first line (or the line under a headline inside the run) is a deck when the byline, the date or the share bar follows it (headline, deck,
        # byline, lead); over a picture's name or a subheading it is the lead paragraph itself
        following = lines[line.index + 1:line.index + 1 + DECK_HEADER_REACH]
        if (line is first or line.index == opening) and following and (is_junk(following[0]) or any(
                is_byline(other) or has_date(other) for other in following if not looks_like_prose(other))):
            return line
        break
    return None
