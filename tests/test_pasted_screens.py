"""The word screens in front of the pasted path's slow case-insensitive searches (digest.summary.screen):
they may only ever skip a search that would have found nothing, in any script."""

from __future__ import annotations

import re
from pathlib import Path

from digest.pasted import date_model, junk, naming, published
from digest.summary.screen import Screened, unsafe_characters

SCREENS = [value for module in (date_model, junk, naming, published)
           for value in vars(module).values() if isinstance(value, Screened)]
PAGES = Path(__file__).parent / "fixtures" / "pages"
# Characters re's IGNORECASE folds otherwise than str.lower(), and the patterns' own non-ASCII words in capitals.
TRICKY = ("\u0130", "\u0131", "\u017f", "\u212a", "\u03a3", "\u1c80", "\u1c82", "\u1c84", "ВСЕ ПРАВА", "ПОДПИСАТЬСЯ",
          "MIS À JOUR", "CRÉDIT", "©", "版权所有", "Все Права", "Обновлено:", "ℹ", "STAND:", "ÉTAT AU")


def lines() -> list[str]:
    found = [line for page in sorted(PAGES.glob("*/source.txt"))
             for line in page.read_text(encoding="utf-8").splitlines() if line.strip()]
    return found + [f"{line} {trick}" for line in found[:400] for trick in TRICKY] + list(TRICKY)


def test_the_slow_pasted_patterns_are_screened() -> None:
    assert {junk.COPYRIGHT, junk.NOTICE, date_model.UPDATE_WORD, published.NOT_PUBLISHED_CUE} <= set(SCREENS)
    assert all(screen.words for screen in SCREENS)  # a pattern no screen can read is left unwrapped
    assert "все права" in junk.COPYRIGHT.words and "©" in junk.COPYRIGHT.words


def test_screened_search_and_match_find_what_the_pattern_finds() -> None:
    for line in lines():
        for screen in SCREENS:
            assert (screen.search(line) is None) == (screen.pattern.search(line) is None), (screen.pattern.pattern[:40], line)
            assert (screen.match(line) is None) == (screen.pattern.match(line) is None), (screen.pattern.pattern[:40], line)


def test_the_unsafe_characters_are_every_one_re_folds_to_a_letter_otherwise_than_lower() -> None:
    letters = sorted({ch for screen in SCREENS for word in screen.words for ch in word})
    any_letter = re.compile("[" + "".join(map(re.escape, letters)) + "]", re.IGNORECASE)
    for code in range(0x110000):
        char = chr(code)
        if not any_letter.fullmatch(char):
            continue
        for letter in letters:
            if re.fullmatch(re.escape(letter), char, re.IGNORECASE) and char.lower() != letter:
                assert char in unsafe_characters(frozenset({letter})), (char, letter)
