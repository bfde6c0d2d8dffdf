"""Lines of pasted page text and what shape each one has.

A page copied from a browser (`innerText`) keeps one line per block: menu items, buttons and
headlines on lines of their own, paragraphs as long lines usually set apart by a blank line.
This module names the tests of one `Line`'s shape (`digest.pasted.lines`): prose, a dateline, a
byline, code or markup, a list item, a breadcrumb, a gallery's slide counter. What is never an
article's text is `digest.pasted.junk`'s; `digest.pasted.reader` decides with both where the article is.
"""

from __future__ import annotations

import re

from digest.dates import find_date
from digest.memo import by_text
from digest.pasted.lines import Line, ends_sentence, is_word_char

DATELINE_SHARE = 3  # a date filling a third of the line makes it a dateline
TRUNCATED = re.compile(r"\w\s?(?:…|\.\.\.)$")
ELLIPSES = ("…", "...", "…\n", "...\n")  # how a TRUNCATED text ends ("$" also stands before a final newline)
PUNCTUATION = re.compile(r"[.,;:!?，。、；：！？]")
SENTENCE_MIN_WORDS = 6  # a line shorter than this is a label, a menu item or a heading
LONG_LINE_WORDS = 18  # a line this long is prose even without a full stop (captions aside)
ENUMERATION_MARKS = ",;|•·▪◦●/"
ENUMERATION_SEPARATOR = re.compile(f"[{ENUMERATION_MARKS}]")
ENUMERATION_MIN_ITEMS = 8
INDEX_MAX_TOKEN_CHARS = 2  # "A B C D E ...": an alphabetical index
ENUMERATION_MAX_ITEM_WORDS = 2.5  # a sentence's clauses are longer than this
CAPITALISED_SHARE = 0.6  # a Title Case Menu Item has most of its words capitalised
SENTENCE_CAPITALISED_SHARE = 0.85  # ... and a Title Case line ending in a full stop nearly all of them

MARKUP = re.compile(
    r"^\s*<(?:div|img|iframe|a|script|noscript|p|span|style|link|meta)\b|^[A-Z_]{4,}\s*=\s*[{\['\"]|^\s*\"[\w@$-]+\"\s*:"
)  # HTML, script globals and JSON that a page shows with JavaScript off
# code listings, SQL, console sessions and text tables: a statement's end, a call or a table's rule anywhere in the line,
CODE_ANYWHERE = re.compile(r"[{};]\s*$|\w\(.*\)|[│┃┼─═╪]")
CODE_MARK = re.compile(r"[{};(│┃┼─═╪]")  # ... which cannot be where none of these marks is,
STATEMENT_ENDS = ("{", "}", ";")  # CODE_ANYWHERE's first branch (`code_anywhere`)
TABLE_RULE = re.compile(r"[│┃┼─═╪]")  # ... and its last
CODE_OPENING = re.compile(  # or an opening that only code has
    r"^\s*[}\])]|^\s*(?://|#|/\*|\*)|^\s*(?:var|let|const|def|return|if|for|import)\b"
    r"|^(?:SELECT|FROM|WHERE|ORDER BY|GROUP BY|LIMIT|(?:LEFT |INNER )?JOIN|INSERT|UPDATE|CREATE|WITH|AND|OR|"
    r"HAVING|UNION|VALUES|SET)\b|^\$ |^>>> "
)
CODE = re.compile(f"{CODE_ANYWHERE.pattern}|{CODE_OPENING.pattern}")  # the two in one (searched apart: `code_text`)
BYLINE_MAX_WORDS = 12
LETTER_RUN = re.compile(r"[^\W\d_]+")
ASCII_LETTER_RUN = re.compile(r"[A-Za-z]+")  # LETTER_RUN in ASCII text, by ranges (lines.ASCII_TOKEN)
# The first letter of each LETTER_RUN longer than three letters (`is_title_case` weighs only those): a run is matched
# whole from its first letter, so a shorter run yields nothing and a longer one is never matched from within
# (the same letters: tests/test_speed_screens.py), without a string for every word and a Python loop to filter them
LONG_RUN_INITIAL = re.compile(r"([^\W\d_])[^\W\d_]{3,}")
ASCII_LONG_RUN_INITIAL = re.compile(r"([A-Za-z])[A-Za-z]{3,}")  # the same over ASCII text, by ranges
SLIDE_COUNTER = re.compile(r"^([1-9]\d{0,2}) ?/ ?([1-9]\d{0,2})(?![/\d.,:])")  # "1/50 United goin down", "1 / 5"
# "By Jane Doe", "Posted by kovarex, TOGos on 2019-02-15", "Written by Patrick Allan", or "por" alone with the
# name on the next line
BYLINE = re.compile(r"^(?:(?:posted|written|published|reported) )?(?:by|von|par|por|di|de|от|autor|автор|texto|text)"
                    r"(?:\s+\S|:?$)", re.IGNORECASE)
BYLINE_OPENINGS = "ABDPRTVWabdprtvwАОаоᲂ"  # what BYLINE's words open with, in every case IGNORECASE gives them
# (tests/test_speed_screens.py): a line opening otherwise is no "By ..." line, said before trying its fifteen words
BREADCRUMB_SEPARATOR = re.compile(r"\s(?:>>?|›|»)\s")
BREADCRUMB_MIN_SEPARATORS = 2
META_SEPARATOR = re.compile(r"\s[|•·]\s")
NUMBERED_ITEM = re.compile(r"^(?:\d{1,3}[.)]|[•·▪◦\-–*+])\s+\S")  # innerText drops <li> bullets: these are typed
BULLETS = "•·▪◦-–*+"  # NUMBERED_ITEM's bullets (its other items open with a digit)
NONZERO_DIGITS = "123456789"  # what a SLIDE_COUNTER opens with


@by_text(4096)
def date_chars(text: str) -> int:
    """How many characters of the line the first date in it takes (0: none). Cached: asked often."""
    found = find_date(text)
    return found[2] - found[1] if found else 0


def has_date(line: Line) -> bool:
    return date_chars(line.text) > 0


def is_dateline(line: Line) -> bool:
    """A line that is mostly a date: a byline's timestamp, not a sentence."""
    return date_chars(line.text) * DATELINE_SHARE >= len(line.text)


def is_enumeration(line: Line) -> bool:
    """Tags, names or links strung with commas or bars ("Ann, Bob, Cy, ..."), or an A B C index:
    not sentences."""
    if is_index(line.text):
        return True
    pieces = sum(map(line.text.count, ENUMERATION_MARKS)) + 1  # at most this many segments: most lines, said at once
    if pieces < ENUMERATION_MIN_ITEMS or line.words / pieces > ENUMERATION_MAX_ITEM_WORDS:
        return False
    segments = [segment for segment in ENUMERATION_SEPARATOR.split(line.text) if segment.strip()]
    return len(segments) >= ENUMERATION_MIN_ITEMS and line.words / len(segments) <= ENUMERATION_MAX_ITEM_WORDS


def is_index(text: str) -> bool:
    """ "A B C D E ...": tokens shorter than INDEX_MAX_TOKEN_CHARS on average. A printable text splits at its plain
    spaces alone (every other space is unprintable: tests/test_speed_screens.py), so it has at most one token more
    than spaces: with that many characters besides, no split is needed to say no (most lines)."""
    spaces = text.count(" ")
    if len(text) - spaces >= INDEX_MAX_TOKEN_CHARS * (spaces + 1) and text.isprintable():
        return False
    tokens = text.split()
    return bool(tokens) and len("".join(tokens)) / len(tokens) < INDEX_MAX_TOKEN_CHARS


def looks_like_prose(line: Line) -> bool:
    """A sentence, or several: long enough, and ending as sentences end (or simply long)."""
    return prose_text(line.text, line.words)


@by_text(16384)
def prose_text(text: str, words: int) -> bool:
    """`looks_like_prose` by text and word count, cached: asked often."""
    if words < SENTENCE_MIN_WORDS:
        return False  # said before making a line to test: most lines of a paste are this short
    line = Line(index=0, text=text, words=words, blank_before=False, blank_after=False, repeats=1)
    if is_enumeration(line):
        return False
    if line.words < LONG_LINE_WORDS and (is_title_case(line.text, sentence=line.text.endswith("."))
                                         or line.text.endswith(ELLIPSES) and TRUNCATED.search(line.text)):
        return False  # Another Story's Headline Ending With A Bang!  /  A teaser cut short…
    if is_dateline(line):
        return False  # "posted on April 21, 2015, at 11:29 a.m."
    if ends_sentence(line.text):
        return True
    return line.words >= LONG_LINE_WORDS and PUNCTUATION.search(line.text) is not None  # not a row of links


def is_title_case(text: str, *, sentence: bool = False) -> bool:
    """Most Words Capitalised, as menu items and other stories' headlines are written in English.
    A line ending in a full stop must be nearly all capitalised: a sentence full of names
    ("Daring Fireball is written and produced by John Gruber.") still has its verbs in lower case."""
    initials = (ASCII_LONG_RUN_INITIAL if text.isascii() else LONG_RUN_INITIAL).findall(text)
    if len(initials) < 2:
        return False
    share = SENTENCE_CAPITALISED_SHARE if sentence else CAPITALISED_SHARE
    return sum(map(str.isupper, initials)) / len(initials) >= share


def is_markup(line: Line) -> bool:
    """Script or HTML that a page shows when JavaScript is off."""
    return markup_text(line.text)


@by_text(16384)
def markup_text(text: str) -> bool:
    """`is_markup` by text, cached: the reader looks for a listing in every line of every paste."""
    return MARKUP.search(text) is not None


def is_code(line: Line) -> bool:
    """A line of a code listing: in a technical article it is content, whatever it looks like."""
    return code_text(line.text)


@by_text(16384)
def code_text(text: str) -> bool:
    """`is_code` by text, cached: asked of every line more than once."""
    if CODE_OPENING.match(text) is not None:  # one try at the start, not one per character
        return True
    return has_code_mark(text) and code_anywhere(text)


def has_code_mark(text: str) -> bool:
    """`CODE_MARK.search(text)`: in ASCII text (which holds no table rule), four looks for a character, each a C scan,
    where re tests every character against the class."""
    if text.isascii():
        return "{" in text or "}" in text or ";" in text or "(" in text
    return CODE_MARK.search(text) is not None


def code_anywhere(text: str) -> bool:
    """`CODE_ANYWHERE.search(text)`, branch by branch: a statement's end is the stripped line's last character (re's
    `\\s` is what `str.rstrip` strips), a call is a "(" after a word's character with a ")" later on its line (its
    `\\w` is tried at every position of the line otherwise), a table's rule one of its characters."""
    if text.rstrip()[-1:] in STATEMENT_ENDS or TABLE_RULE.search(text) is not None:
        return True
    opening = text.find("(", 1)
    while opening >= 0:
        if is_word_char(text[opening - 1]):
            closing, newline = text.find(")", opening + 1), text.find("\n", opening + 1)
            if closing >= 0 and (newline < 0 or closing < newline):
                return True
        opening = text.find("(", opening + 1)
    return False


def is_byline(line: Line) -> bool:
    """ "By Jane Doe", or the line of site, date and author ("Le Monde | 04.05.2015 à 13h36 | Par ...")."""
    return byline_text(line.text, line.words)


@by_text(16384)
def byline_text(text: str, words: int) -> bool:
    """`is_byline` by text and word count, cached: asked often."""
    if words <= BYLINE_MAX_WORDS and text[:1] in BYLINE_OPENINGS and BYLINE.match(text):
        return True
    return date_chars(text) > 0 and len(META_SEPARATOR.findall(text)) >= 2 and not ends_sentence(text)


def is_breadcrumb(line: Line) -> bool:
    """ "Home > News > Science", "首页 >> 教育资讯 >> 正文": the path to the page, not its headline."""
    text = line.text
    if ">" not in text and "›" not in text and "»" not in text:
        return False  # no separator's mark: most lines, said without searching
    return len(BREADCRUMB_SEPARATOR.findall(text)) >= BREADCRUMB_MIN_SEPARATORS


def is_slide_counter(line: Line) -> bool:
    """A gallery's "3/50 Title" (or "1 / 5" alone): the slide's number, and what follows is its caption."""
    match = slide_counter(line.text)
    return match is not None and int(match.group(1)) <= int(match.group(2))


def slide_counter(text: str) -> re.Match[str] | None:
    """SLIDE_COUNTER's match, looked for only where the line opens with its first digit (asked of every line)."""
    return SLIDE_COUNTER.match(text) if text[:1] in NONZERO_DIGITS else None


def is_list_item(line: Line) -> bool:
    first = line.text[:1]  # NUMBERED_ITEM opens with a digit or a bullet: most lines, said without matching
    return (first.isdecimal() or first in BULLETS) and NUMBERED_ITEM.match(line.text) is not None
