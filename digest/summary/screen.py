"""A case-insensitive pattern behind a cheap screen: the words one of which every match must hold.

Python's `re` finds no literal prefix in a pattern compiled with IGNORECASE, so a long alternation
(`furniture.SELF_PROMOTION`: fourteen branches, each opening on a group of words) is tried at
every position of the text: about 0.1 ms for a sentence, over a third of the summary's time. Most
sentences hold none of the words a match needs, and `str.lower()` with `in` says so in
microseconds. The words are read from the pattern itself (`required_words`), so the screen
follows any edit of the pattern, and it only ever says "cannot match": a text that passes it is
searched with the pattern as before. A text holding a character that re folds to ASCII beyond
`str.lower()` (digest.folding) is searched without the screen.
"""

from __future__ import annotations

import re
from re import _parser as sre_parse  # the parser re itself compiles with (sre_parse before Python 3.11)

from digest.folding import lower_case_safe
MIN_WORD_CHARS = 3  # a shorter word is in nearly every sentence: no screen


def required_words(parsed: sre_parse.SubPattern | list) -> frozenset[str] | None:
    """Lower-cased ASCII strings one of which every match of the parsed sequence contains, or None."""
    choices: list[frozenset[str]] = []
    run = ""
    for op, av in parsed:
        if op is sre_parse.LITERAL and av < 128:
            run += chr(av).lower()
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
    usable = [words for words in choices if min(map(len, words)) >= MIN_WORD_CHARS]
    return max(usable, key=lambda words: (min(map(len, words)), -len(words))) if usable else None


class Screened:
    """`pattern.search(text)`, skipped when the text holds none of the words a match needs."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.words = required_words(sre_parse.parse(pattern.pattern, pattern.flags))

    def search(self, text: str) -> re.Match[str] | None:
        if self.words is not None and lower_case_safe(text):
            lowered = text.lower()
            if not any(word in lowered for word in self.words):
                return None
        return self.pattern.search(text)
