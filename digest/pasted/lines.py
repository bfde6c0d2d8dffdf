"""A paste's text as `Line`s: one per non-empty line, with its position, its words and the blanks around it.

A page copied from a browser (`innerText`) keeps one line per block: menu items, buttons and
headlines on lines of their own, paragraphs as long lines usually set apart by a blank line.
Hard-wrapped text (plain documents, <br> layouts) is joined back into its paragraphs first.
`digest.pasted.blocks` (a line's shape) and `digest.pasted.junk` (what is never article) name the tests the
reader applies to one line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from digest.memo import by_text

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
CJK_CHARS_PER_WORD = 2  # a Chinese/Japanese line has no spaces: two characters weigh about one word
TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|\d+(?:[.,:]\d+)*")
# TOKEN over ASCII text, where a letter is [A-Za-z] and a digit [0-9] (the same matches: tests/test_pasted_shortcuts.py),
# tested by ranges instead of the Unicode database: a third faster on most lines
ASCII_TOKEN = re.compile(r"[A-Za-z]+(?:['\-][A-Za-z]+)*|[0-9]+(?:[.,:][0-9]+)*")
# ASCII_TOKEN's matches counted without matching each (`ascii_token_count`): its runs of letters and of digits, less
# the joins that tie two runs into one word ("don't", "well-known") or number ("1,200.50"), read from the text marked
# byte by byte: a letter "a", a digit "0", a word's joiner "'", a number's point ".", anything else " "
ASCII_MARKS = bytes(ord("a" if chr(code).isalpha() else "0" if chr(code).isdigit() else "'" if chr(code) in "'-"
                        else "." if chr(code) in ".,:" else " ") if code < 128 else ord(" ") for code in range(256))
RUN_MARKS = bytes.maketrans(b"'.", b"  ")  # the marks with only the runs' "a" and "0" left
# ASCII_MARKS over Latin-1 text: beyond ASCII a letter ("é", and "½" or "²", which TOKEN's letters hold too) marks "a",
# anything else " " (Latin-1 has no other decimal digit, and TOKEN's joiners beyond ASCII are "’" alone)
LATIN1_MARKS = bytes(ASCII_MARKS[code] if code < 128 else ord("a" if chr(code).isalnum() else " ") for code in range(256))
# The punctuation beyond Latin-1 that Latin-script pastes write most, with its stand-in in Latin-1: "’" joins words as
# "'" does, the others join nothing (for TOKEN as for their stand-in)
WIDE_PUNCTUATION = (("’", "'"), ("‘", " "), ("“", " "), ("”", " "), ("—", " "), ("–", " "), ("…", " "), ("•", " "),
                    ("─", " "), ("│", " "))
LETTER_JOIN = re.compile(r"(?<=a)'(?=a)")  # over the marks: a join ...
DIGIT_JOIN = re.compile(r"(?<=0)\.(?=0)")
CHAINED_LETTER_JOINS, CHAINED_DIGIT_JOINS = "a'a'a", "0.0.0"  # ... where two share a letter or a digit, which
# `str.count`, counting apart, would count once ("a-b-c")
INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")
SPACE_CHARS = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
SPACES = re.compile(rf"{SPACE_CHARS}+")
# What SPACES changes: a space of another kind, or a run (a line of single plain spaces it would rewrite as it is)
ODD_SPACES = re.compile(rf"{SPACE_CHARS}(?:(?<! )|(?={SPACE_CHARS}))")
SENTENCE_END = re.compile(r"[.!?…。！？:;][\"'”’»)\]]*$|[\"”»]$")
# INVISIBLE's characters, and SPACE_CHARS' but the plain space (tests/test_speed_screens.py): looked for one by one with
# `in`, a C scan each, where re tests every character of the line against the class (`normalise_line`)
INVISIBLE_CHARS = ("\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad")
ODD_SPACE_CHARS = ("\t", "\u00a0", *map(chr, range(0x2000, 0x200b)), "\u202f", "\u205f", "\u3000")


SENTENCE_STOPS = frozenset(".!?…。！？:;")  # SENTENCE_END's stops, the closing marks that may follow them,
SENTENCE_CLOSERS = "\"'”’»)]"
QUOTE_ENDS = frozenset("\"”»")  # and the quotes that end a sentence alone


def ends_sentence(text: str) -> bool:
    """SENTENCE_END, read from the line's end instead of searched for at every stop in it (exactly the same answer)."""
    if text.endswith("\n"):
        return SENTENCE_END.search(text) is not None  # "$" also stands before a final newline: the pattern decides
    return text.rstrip(SENTENCE_CLOSERS)[-1:] in SENTENCE_STOPS or text[-1:] in QUOTE_ENDS


def cjk_chars(text: str) -> int:
    """How many CJK characters the text holds (none in ASCII text, said without searching: most lines)."""
    return 0 if text.isascii() else len(CJK.findall(text))


def has_cjk(text: str) -> bool:
    """`CJK.search(text)`, said without searching ASCII text."""
    return not text.isascii() and CJK.search(text) is not None


def is_word_char(char: str) -> bool:
    """What re's `\\w` matches, said without re (the same over every code point: tests/test_pasted_shortcuts.py)."""
    return char.isalnum() or char == "_"


@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty line of the paste, with its position and the spacing around it."""

    index: int
    text: str
    words: int
    blank_before: bool
    blank_after: bool
    repeats: int  # how many times this exact line occurs in the paste


# A frozen dataclass's __init__ sets each field through `object.__setattr__`; the slots' own setters do the same at
# about half the cost, and the reader makes some 75,000 lines a pass (every line test by text makes its own)
_SETTERS = tuple(Line.__dict__[name].__set__ for name in ("index", "text", "words", "blank_before", "blank_after", "repeats"))


def _set_fields(self: Line, index: int, text: str, words: int, blank_before: bool, blank_after: bool,
                repeats: int) -> None:
    set_index, set_text, set_words, set_before, set_after, set_repeats = _SETTERS
    set_index(self, index)
    set_text(self, text)
    set_words(self, words)
    set_before(self, blank_before)
    set_after(self, blank_after)
    set_repeats(self, repeats)


_set_fields.__qualname__ = "Line.__init__"
Line.__init__ = _set_fields  # type: ignore[method-assign]


def ascii_token_count(text: str) -> int:
    """`len(ASCII_TOKEN.findall(text))` for ASCII text, without a match object and a string for each word (the same
    count: tests/test_pasted_shortcuts.py), several times cheaper on a paragraph. The runs of letters and digits are
    the words of the text's marks (ASCII_MARKS) with the joiners blanked, a letter run against a digit run ("A4")
    making two; a joiner between two letters (a point between two digits) ties two runs into one, and only there."""
    return marked_token_count(text.encode("ascii").translate(ASCII_MARKS))


def marked_token_count(marked: bytes) -> int:
    """`ascii_token_count` of a text already marked byte by byte (ASCII_MARKS or LATIN1_MARKS)."""
    runs = marked.translate(RUN_MARKS).decode("ascii")
    marks = marked.decode("ascii")
    count = len(runs.split())
    if "0" in runs and "a" in runs:
        count += runs.count("a0") + runs.count("0a")
    if "a'a" in marks:
        count -= len(LETTER_JOIN.findall(marks)) if CHAINED_LETTER_JOINS in marks else marks.count("a'a")
    if "0.0" in marks:
        count -= len(DIGIT_JOIN.findall(marks)) if CHAINED_DIGIT_JOINS in marks else marks.count("0.0")
    return count


@by_text(16384)
def word_count(text: str) -> int:
    """Words, counting CJK characters in pairs (their text has no spaces). Cached: the reader counts every line,
    and the line tests count them again by text (a site's menus and footers recur page after page)."""
    if text.isascii():
        return ascii_token_count(text)  # and CJK's ranges are all beyond ASCII
    latin = latin1_bytes(text)
    if latin is not None:  # and CJK's ranges are all beyond Latin-1
        return marked_token_count(latin.translate(LATIN1_MARKS))
    cjk = len(CJK.findall(text))
    return len(TOKEN.findall(CJK.sub(" ", text) if cjk else text)) + cjk // CJK_CHARS_PER_WORD


def latin1_bytes(text: str) -> bytes | None:
    """The text in Latin-1, its WIDE_PUNCTUATION in Latin-1 stand-ins, when nothing else in it lies beyond Latin-1: the
    same words for TOKEN (tests/test_pasted_shortcuts.py), counted as ASCII text's are, several times cheaper than
    matching each (most lines beyond ASCII in English or European pastes hold only curly quotes, dashes and accents).
    Encoded with what lies beyond dropped, and kept when nothing was: the encoding that counting needs anyway tells,
    where a search for a character beyond Latin-1 would test every character again."""
    for wide, stand_in in WIDE_PUNCTUATION:
        if wide in text:
            text = text.replace(wide, stand_in)
    encoded = text.encode("latin-1", "ignore")
    return encoded if len(encoded) == len(text) else None


@by_text(16384)
def normalise_line(text: str) -> str:
    """The line without invisible characters and runs of spaces. Cached, as `word_count` is."""
    if text.isascii() and "  " not in text and "\t" not in text:
        return text.strip()  # what the patterns give: nothing invisible, no run of spaces to squeeze (most lines)
    visible = INVISIBLE.sub("", text) if holds_any(text, INVISIBLE_CHARS) else text
    odd = "  " in visible or holds_any(visible, ODD_SPACE_CHARS)  # ODD_SPACES.search: another space, or a run
    return (SPACES.sub(" ", visible) if odd else visible).strip()


def holds_any(text: str, chars: tuple[str, ...]) -> bool:
    """One of the characters is in the text."""
    for char in chars:
        if char in text:
            return True
    return False


WRAP_MIN_CHARS = 30  # a wrapped line runs near the wrap width; a menu item ("About eHow") does not
WRAP_CONTINUES = re.compile(r"^(?![a-z]+_)[a-zà-öø-ÿа-яё(]")  # a hard-wrapped paragraph goes on in lower case;
# a snake_case name is an icon font's ligature ("access_time2019/04/21 11:51 folder生活"), never a sentence's next word


MENU_LABELS = 3  # this many short lines in a row, none ending a sentence, are a menu's labels (or code), no wrapped text


def is_label(text: str) -> bool:
    return bool(text) and len(text) < WRAP_MIN_CHARS and not ends_sentence(text)


def join_wrapped(raw: list[str]) -> list[str]:
    """Undo hard wrapping (plain-text documents, <br> layouts): a line that starts in lower case
    continues the line above it when that one does not end a sentence and either is long; not when
    that one is the last of a menu's labels ("Podcast", "Talks", "Contact" over "cron.weekly issue #130: ...")."""
    joined: list[str] = []
    for line in raw:
        if (line and joined and joined[-1] and max(len(joined[-1]), len(line)) >= WRAP_MIN_CHARS
                and WRAP_CONTINUES.match(line)
                and not ends_sentence(joined[-1])
                and not (len(joined) >= MENU_LABELS and all(map(is_label, joined[-MENU_LABELS:])))):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def split_lines(text: str) -> list[Line]:
    """The paste's non-empty lines, in order, each knowing whether a blank line surrounds it."""
    raw = [normalise_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    raw = join_wrapped(raw)
    counts = Counter(line for line in raw if line)
    lines: list[Line] = []
    for position, line in enumerate(raw):
        if not line:
            continue
        lines.append(Line(
            index=len(lines),
            text=line,
            words=word_count(line),
            blank_before=position == 0 or not raw[position - 1],
            blank_after=position == len(raw) - 1 or not raw[position + 1],
            repeats=counts[line],
        ))
    return lines


@dataclass(frozen=True, slots=True)
class Span:
    """The article's lines: `lines[start:end]` of the paste."""

    start: int
    end: int
    weight: float
