"""What `re.IGNORECASE` matches that `str.lower()` does not give: the guard for reading a lower-cased copy.

Matching a lower-case pattern against `text.lower()` is several times faster than IGNORECASE (re
finds no literal prefix under it), and gives the same answer for every ASCII letter in the pattern
except where the text holds one of four characters outside ASCII that re folds to an ASCII letter:
İ (to i, and `str.lower()` makes it two characters), dotless ı (i), long ſ (s) and the Kelvin sign
(k). Found by trying every code point against every ASCII character (tests/test_summary_screen.py
does it again).
"""

from __future__ import annotations

FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


def lower_case_safe(text: str) -> bool:
    """May `text.lower()` stand for `text` under a lower-case pattern without IGNORECASE? (An ASCII text, as
    nearly every class and id is, cannot hold the four: `isascii` reads a flag, `isdisjoint` every character.)"""
    return text.isascii() or FOLDS_TO_ASCII.isdisjoint(text)
