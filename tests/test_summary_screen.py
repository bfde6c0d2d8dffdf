"""The word screen in front of the furniture patterns (digest.summary.screen): it may only ever skip a
search that would have found nothing."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from digest.html.clean import NEWSLETTER_TEXT
from digest.html.rescue import COMMENT_BOILERPLATE
from digest.quotes.finder import TITLE_CUE
from digest.summary.furniture import PROMO, PUBLISHING_NOTICE, SELF_PROMOTION
from digest.folding import FOLDS_TO_ASCII
from digest.summary.screen import ASCII_UNSAFE, EVERY_UNSAFE, Screened, unsafe_in

PATTERNS = (PROMO, SELF_PROMOTION, PUBLISHING_NOTICE,
            TITLE_CUE.pattern, NEWSLETTER_TEXT.pattern, COMMENT_BOILERPLATE.pattern)
# Pieces of the patterns' own words and of ordinary prose, shuffled into sentences, in any case.
PIECES = ("sign up", "for our", "newsletter", "in your inbox", "we may earn a", "commission", "This article is",
          "more than", "5 years old", "First published on", "originally published", "Click here", "see",
          "For other uses, see", "Welcome to", "Daily Deals", "reader-supported", "Follow us on Twitter", "Join us",
          "for a panel", "through our links", "the minister said", "on Tuesday", ",", ".", "l'article", "plus à jour",
          "Start your day with", "\u212a", "\u017f", "\u0131", "\u0130", "a book titled", "the film", "called",
          "labelled", "под названием", "\u1c82", "Subscribe to our", "comment", "Report abuse", "комментарии")


def test_the_screen_reads_the_words_from_the_pattern() -> None:
    words = Screened(re.compile(r"\bnewsletters?\b.{0,60}\b(?:inbox|free)\b|\b(?:sign up|subscribe)\b", re.I)).words
    assert words == frozenset({"newsletter", "ign up", "ubscribe"})  # re's parser takes the shared "s" out first
    assert Screened(re.compile(r"\((?:L|R)\)|, (?:left|right)")).words is None  # a branch without a word: no screen


def test_texts_without_the_words_are_screened_out_and_others_searched() -> None:
    screened = Screened(SELF_PROMOTION)
    assert screened.search("The minister said on Tuesday that talks would go on.") is None
    assert screened.search("Sign up for our daily NEWSLETTER") is not None


def test_characters_that_fold_to_ascii_skip_the_screen() -> None:
    pattern = re.compile(r"\bsubscribe\b", re.IGNORECASE)
    text = "\u017fubscribe now"  # long s: re.IGNORECASE matches it to "s", str.lower() keeps it
    assert set(text) & FOLDS_TO_ASCII
    assert pattern.search(text) is not None
    assert Screened(pattern).search(text) is not None


@given(st.lists(st.sampled_from(PIECES), max_size=12), st.lists(st.sampled_from(["lower", "upper", "title", "keep"]),
                                                              min_size=12, max_size=12))
@settings(max_examples=400, deadline=None)
def test_screened_search_finds_what_the_pattern_finds(pieces: list[str], cases: list[str]) -> None:
    text = " ".join(piece if case == "keep" else getattr(piece, case)() for piece, case in zip(pieces, cases))
    for pattern in PATTERNS:
        assert (Screened(pattern).search(text) is None) == (pattern.search(text) is None), (pattern.pattern[:40], text)


def test_the_folding_guard_lists_every_character_re_folds_to_ascii() -> None:
    ascii_char = re.compile(r"[\x00-\x7f]", re.IGNORECASE)
    beyond = {chr(code) for code in range(0x80, 0x110000) if ascii_char.match(chr(code))}
    assert beyond == FOLDS_TO_ASCII


def test_unsafe_in_is_the_texts_share_of_every_unsafe() -> None:
    """The quick look (ASCII, or none of the rare characters) gives what a full scan gives."""
    for text in ("plain words", "nothing", "café crème ×", "Ταχύτητα σήμερα", "Москва и область", "ſtraße",
                 "İstanbul", "KELVIN", "", "µs", "is", "si", "s", "i", "".join(map(chr, range(128)))):
        assert unsafe_in(text) == EVERY_UNSAFE & set(text)
    assert ASCII_UNSAFE == ("i", "s")  # the two ASCII_SHARES tells apart


def test_a_screen_drops_the_words_that_hold_another() -> None:
    screened = Screened(re.compile(r"\bread more\b|\bmore\b|\bphotograph|\bphoto\b|caption", re.IGNORECASE))
    assert screened.words == frozenset({"more", "photo", "caption"})
    assert screened.search("PHOTOGRAPH: Jane Doe") is not None and screened.search("Nothing here") is None
