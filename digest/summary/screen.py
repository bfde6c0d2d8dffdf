"""A case-insensitive pattern behind a cheap screen: the words one of which every match must hold.

Python's `re` finds no literal prefix in a pattern compiled with IGNORECASE, so a long alternation
(`furniture.SELF_PROMOTION`: fourteen branches, each opening on a group of words) is tried at
every position of the text: about 0.1 ms for a sentence, over a third of the summary's time. Most
sentences hold none of the words a match needs, and `str.lower()` with `in` says so in
microseconds. The words are read from the pattern itself (`required_words`), so the screen
follows any edit of the pattern, and it only ever says "cannot match": a text that passes it is
searched with the pattern as before. A text holding a character that re matches to a word's letter
where `str.lower()` gives another (`unsafe_characters`) is searched without the screen.
"""

from __future__ import annotations

import re
from re import _casefix  # the case pairs re adds to simple lower-casing (Python 3.11's re)
from re import _parser as sre_parse  # the parser re itself compiles with (sre_parse before Python 3.11)

MIN_WORD_CHARS = 3  # a shorter word is in nearly every sentence: no screen (an ASCII one: "©" or "版权" are rare)
# Characters `str.lower()` lowers otherwise than re's IGNORECASE does: İ (to two characters, re: to "i")
# and capital sigma (to final sigma at a word's end, re: to "σ").
LOWERED_APART = frozenset("\u0130\u03a3")


def required_words(parsed: sre_parse.SubPattern | list) -> frozenset[str] | None:
    """Lower-cased strings one of which every match of the parsed sequence contains, or None."""
    choices: list[frozenset[str]] = []
    run = ""
    for op, av in parsed:
        if op is sre_parse.LITERAL and len(lowered := chr(av).lower()) == 1 and chr(av) not in LOWERED_APART:
            run += lowered
            continue
        if run:
            choices.append(frozenset({run}))
            run = ""
        found = None
        if op is sre_parse.SUBPATTERN:
            found = required_words(av[-1])
        elif op is sre_parse.BRANCH:
            branches = [required_words(branch) for branch in av[1]]
            if all(branches):
                found = frozenset().union(*branches)
        elif op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT) and av[0] >= 1:
            found = required_words(av[2])
        if found:
            choices.append(found)
    if run:
        choices.append(frozenset({run}))
    usable = [words for words in choices if all(map(usable_word, words))]
    return max(usable, key=lambda words: (min(map(len, words)), -len(words))) if usable else None


def fewest_words(words: frozenset[str]) -> frozenset[str]:
    """The words less each that holds another ("read more" holds "more"): wherever it is, the other is too, so the
    screen says the same with one look fewer a text."""
    return frozenset(word for word in words if not any(other != word and other in word for other in words))


def usable_word(word: str) -> bool:
    """Rare enough to screen with: three letters, or any character beyond ASCII."""
    return len(word) >= MIN_WORD_CHARS or not word.isascii()


def unsafe_characters(words: frozenset[str]) -> frozenset[str]:
    """Text characters re's IGNORECASE matches to a letter of the words though `str.lower()` does not
    give that letter ("ſ" to "s", "ı" to "i", "ᲀ" to "в"), and those `str.lower()` lowers apart."""
    letters = {ord(ch) for word in words for ch in word}
    pairs = {chr(other) for code in letters for other in _casefix._EXTRA_CASES.get(code, ())}
    return frozenset(pairs | LOWERED_APART)


# Every character some screen may find unsafe: a text free of them all is looked at once, not per screen.
EVERY_UNSAFE = frozenset(chr(other) for pairs in _casefix._EXTRA_CASES.values() for other in pairs) | LOWERED_APART
ASCII_UNSAFE = tuple(sorted(ch for ch in EVERY_UNSAFE if ch.isascii()))  # "i" and "s" (their pairs "ı", "ſ")
# ASCII_UNSAFE's share of a text by whether it holds each: two looks and a look-up, not a set built a text
ASCII_SHARES = {("i" in share, "s" in share): frozenset(share) for share in ("", "i", "s", "is")}
BEYOND_ASCII_UNSAFE = re.compile("[" + "".join(sorted(re.escape(ch) for ch in EVERY_UNSAFE if not ch.isascii())) + "]")


def unsafe_in(text: str) -> frozenset[str]:
    """The characters of EVERY_UNSAFE the text holds. A C-speed look for the rare ones beyond ASCII first: building
    the set character by character costs a long line several microseconds."""
    if text.isascii() or BEYOND_ASCII_UNSAFE.search(text) is None:
        return ASCII_SHARES["i" in text, "s" in text]  # ASCII_UNSAFE is "i" and "s" (tests/test_summary_screen.py)
    return EVERY_UNSAFE.intersection(text)


# The text last screened, lower-cased, and which of EVERY_UNSAFE it holds (most English text: "i" and "s"): a line
# meets several screens in a row, and each screen's own unsafe characters are then looked for in that small set,
# not in the whole text again.
_last: tuple[str | None, str, frozenset[str]] = (None, "", frozenset())


def lowered(text: str) -> str:
    """`text.lower()`, made once for all the screens that read the same text in a row (and their callers)."""
    global _last
    last = _last  # one read: another thread may replace it
    if last[0] is not text:
        last = _last = (text, text.lower(), unsafe_in(text))
    return last[1]


class Screened:
    """`pattern.search(text)` (and `match`), skipped when the text holds none of the words a match needs."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        words = required_words(sre_parse.parse(pattern.pattern, pattern.flags))
        self.unsafe = unsafe_characters(words or frozenset())  # every word's letters: the dropped ones' too
        self.words = fewest_words(words) if words else None
        # the same words in a tuple, which a loop steps through faster than a set's table: asked of every line
        self.looks = tuple(sorted(self.words)) if self.words else None

    def cannot_match(self, text: str) -> bool:
        """True only when no match can be in the text: none of the words is in it."""
        if self.words is None:
            return False
        global _last
        last = _last  # one read: another thread may replace it
        if last[0] is not text:
            last = _last = (text, text.lower(), unsafe_in(text))
        if last[2] and not self.unsafe.isdisjoint(last[2]):  # self.unsafe is a part of EVERY_UNSAFE
            return False
        lowered = last[1]
        for word in self.looks:
            if word in lowered:
                return False
        return True

    def search(self, text: str) -> re.Match[str] | None:
        """`pattern.search(text)`, after the screen (`cannot_match` said in line: asked of every line of a paste)."""
        words = self.looks
        if words is not None:
            global _last
            last = _last
            if last[0] is not text:
                last = _last = (text, text.lower(), unsafe_in(text))
            if not last[2] or self.unsafe.isdisjoint(last[2]):
                lowered = last[1]
                for word in words:
                    if word in lowered:
                        break
                else:
                    return None
        return self.pattern.search(text)

    def match(self, text: str) -> re.Match[str] | None:
        return None if self.cannot_match(text) else self.pattern.match(text)
