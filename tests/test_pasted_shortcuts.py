"""The pasted line tests' cheap looks (digest.pasted.lines, blocks, junk) answer exactly what the
patterns behind them answer: a look at the line's end or for a mark only ever spares a search."""

from __future__ import annotations

import dataclasses
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.pasted.blocks import (
    CODE,
    CODE_ANYWHERE,
    ELLIPSES,
    NUMBERED_ITEM,
    SLIDE_COUNTER,
    TRUNCATED,
    code_anywhere,
    code_text,
    is_list_item,
    looks_like_prose,
    slide_counter,
)
from digest.pasted.junk import (
    CONSENT_MAX_WORDS,
    ICON_LABELS,
    LICENCE,
    NOTICE,
    NOTICE_MAX_WORDS,
    NOTICE_OPENING_CHARS,
    PROMPT,
    PROMPT_OPENING,
    READ_ON,
    READ_ON_ENDINGS,
    TEASER,
    TEASER_MARKS,
    is_icon_labels,
    is_notice,
    is_read_on,
    is_self_repeating,
    is_teaser,
    notice_start,
)
from digest.pasted import fitted, headline_model
from digest.pasted.headline_model import ECHO_AT, echo_heads
from digest.pasted.lines import (
    ASCII_TOKEN,
    CJK,
    INVISIBLE,
    LATIN1_MARKS,
    SENTENCE_END,
    SPACES,
    TOKEN,
    WIDE_PUNCTUATION,
    Line,
    ascii_token_count,
    cjk_chars,
    ends_sentence,
    has_cjk,
    is_word_char,
    normalise_line,
    split_lines,
    word_count,
)
from digest.pasted.naming import (
    ABOUT_CJK_HINT,
    DISCLOSURE_HINT,
    HOME_LINK_HINT,
    HOME_LINK_LATIN_HINT,
    OWNS_HINT,
    has_disclosure_hint,
    has_home_link_hint,
    has_owns_hint,
)
from digest.pasted.publisher_model import (
    EXTENDED_SHARE,
    extends_shorter,
    heads_longer,
    lower_word,
    showing,
    showing_each,
    shows_lower_word,
    shows_whole,
    whole,
    whole_starts,
    written_lower,
)

# the marks the shortcuts look at, and a little else
TEXTS = st.text(alphabet=".!?…。！？:;\"'”’»)]{};(│─/ xX\n", max_size=8)


@settings(max_examples=3000, deadline=None)
@given(TEXTS)
def test_ends_sentence_is_the_pattern(text: str) -> None:
    assert ends_sentence(text) == (SENTENCE_END.search(text) is not None)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(TEXTS, st.sampled_from(["SELECT * FROM t", "  } else", "$ ls", ">>> x", "f(x) then", "a ─ b",
                                         "let x", "ordinary words"])))
def test_code_text_is_the_pattern(text: str) -> None:
    code_text.cache_clear()
    assert code_text(text) == (CODE.search(text) is not None)


@settings(max_examples=3000, deadline=None)
@given(TEXTS)
def test_truncated_needs_its_ellipsis(text: str) -> None:
    assert (text.endswith(ELLIPSES) and TRUNCATED.search(text) is not None) == (TRUNCATED.search(text) is not None)


def test_self_repeating_reads_only_the_words_it_compares() -> None:
    words = "How the city rebuilt its port".split()
    long = " ".join(words * 2 + ["and"] * 60)
    assert is_self_repeating(Line(0, long, 72, False, False, 1))
    assert not is_self_repeating(Line(0, " ".join(["word"] + ["other"] * 80), 81, False, False, 1))


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["icon", "ICON", "bicon", "icons", "-", " ", "x", "İcon", "ıcon", "\n", "é"]),
                max_size=12).map("".join))
def test_icon_labels_counts_what_the_pattern_matches(text: str) -> None:
    assert is_icon_labels(Line(0, text, 1, False, False, 1)) == (ICON_LABELS.pattern.search(text) is not None)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=" \t\u00a0\u2009\u3000\u200b\u00adab", max_size=10))
def test_normalise_line_rewrites_spaces_only_where_they_change(text: str) -> None:
    assert normalise_line.__wrapped__(text) == SPACES.sub(" ", INVISIBLE.sub("", text)).strip()


def test_word_char_is_what_re_calls_one() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert re.sub(r"\w", "", every) == "".join(char for char in every if not is_word_char(char))
    assert re.sub(r"[^\W\d_]", "", every) == "".join(char for char in every if not (char.isalnum() and not char.isdecimal()))


NAMES = st.sampled_from(["Vox", "vox", "The Verge", "a", "x.y", "Le Monde", "voxvox", ""])


@settings(max_examples=3000, deadline=None)
@given(NAMES, st.lists(st.sampled_from(["Vox", "vox", "The Verge", "Le Monde", " ", "_", "-", ".", "@", "/", "x",
                                       "1", "é", "a", "y", "voxvox"]), max_size=10).map("".join))
def test_name_searches_find_what_the_patterns_find(name: str, text: str) -> None:
    assert list(whole_starts(name, text)) == [match.start() for match in whole(name).finditer(text)]
    assert shows_whole(name, text) == (whole(name).search(text) is not None)
    lower = name.lower()
    assert shows_lower_word(lower, text) == (lower_word(lower).search(text) is not None)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["may ", "may", "also ", "earn", "receive", "affiliate", "trademark of", "trademark",
                                 " of", " ", "\n", "x", "Xmay", "May "]), max_size=8).map("".join))
def test_disclosure_hint_is_the_pattern(text: str) -> None:
    assert has_disclosure_hint(text) == (DISCLOSURE_HINT.search(text) is not None)


def test_echo_marks_are_all_echo_at_can_match() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert re.findall(r"[|·:–—-]", every, re.IGNORECASE) == re.findall(r"[|·:–—-]", every)
    assert sorted(re.findall(r"[by]", every, re.IGNORECASE)) == ["B", "Y", "b", "y"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["by", "By", "BY", "bY", "b", "y", "x", "_", "1", " ", "\u00a0", "\t", "|", "·", ":", "–",
                                 "—", "-", "é", "abby", "ı"]), max_size=10).map("".join))
def test_echo_heads_are_echo_at_heads(text: str) -> None:
    expected = tuple(text[:match.start()].rstrip() for match in ECHO_AT.finditer(text) if match.start() > 0)
    assert echo_heads.__wrapped__(text) == expected


def test_ascii_tokens_are_tokens() -> None:
    ascii_text = "".join(map(chr, range(128)))
    assert re.findall(r"[^\W\d_]", ascii_text) == re.findall(r"[A-Za-z]", ascii_text)
    assert re.findall(r"\d", ascii_text) == re.findall(r"[0-9]", ascii_text)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="aZ09_'-.,:; \t\n!", max_size=16))
def test_ascii_token_finds_what_token_finds(text: str) -> None:
    assert ASCII_TOKEN.findall(text) == TOKEN.findall(text)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="aZ09_'-.,:; \t\n!", max_size=16))
def test_ascii_token_count_counts_what_ascii_token_finds(text: str) -> None:
    assert ascii_token_count(text) == len(ASCII_TOKEN.findall(text))


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["1", "0", "9", "12", "/", " / ", "3/50", "x", ".", ")", " ", "•", "-", "–", "*", "+",
                                 "٣", "١٢", "a"]), max_size=6).map("".join))
def test_opening_looks_are_the_patterns(text: str) -> None:
    line = Line(0, text, 1, False, False, 1)
    assert (slide_counter(text) is not None) == (SLIDE_COUNTER.match(text) is not None)
    assert is_list_item(line) == (NUMBERED_ITEM.match(text) is not None)
    assert has_cjk(text) == (CJK.search(text) is not None)
    assert cjk_chars(text) == len(CJK.findall(text))


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["cookies", "Cookie ", "uses ", "use", "accept all ", "news app", "download ", "on the ",
                                 "App Store", "get our app", "you agree to", "by using our site", "JavaScript is disabled",
                                 "ad blocker", "adblocker", "is sponsored by", "powered by", "creative commons", " ", "x",
                                 "\n", "İ", "ſ"]), max_size=8).map("".join))
def test_notice_start_is_where_notice_matches(text: str) -> None:
    found = NOTICE.pattern.search(text)
    assert notice_start(text) == (found.start() if found else None)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["get ", "Get ", "GET ", "delivered", "'s ", "’s ", "newsletter", "app", "podcast", "x",
                                 " ", "\n", "ſ"]), max_size=6).map("".join))
def test_owns_hint_is_the_pattern(text: str) -> None:
    assert has_owns_hint(text) == (OWNS_HINT.search(text) is not None)


def test_apostrophes_are_all_owns_hint_opens_with() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert re.findall(r"['’]", every, re.IGNORECASE) == ["'", "’"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["f", "(", ")", "x(", " (", "_(", "\n", " ", "\u00a0", "\t", "{", "}", ";", "│", "─", "a",
                                 "1", ".", "é("]), max_size=8).map("".join))
def test_code_anywhere_is_the_pattern(text: str) -> None:
    assert code_anywhere(text) == (CODE_ANYWHERE.search(text) is not None)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["How", "the", "city", "rebuilt", "its", "port", "How the", "x"]), max_size=50))
def test_self_repeating_looks_for_the_first_word_again_first(words: list[str]) -> None:
    text = " ".join(words)
    split = text.split(maxsplit=40)
    expected = any(split[size] == split[0] and split[size:2 * size] == split[:size]
                   for size in range(3, min(20, len(split) // 2) + 1))
    assert is_self_repeating(Line(0, text, len(split), False, False, 1)) == expected


def test_a_line_is_made_as_its_dataclass_would_make_it() -> None:
    line = Line(index=3, text="Text", words=1, blank_before=True, blank_after=False, repeats=2)
    assert (line.index, line.text, line.words, line.blank_before, line.blank_after, line.repeats) == (3, "Text", 1, True, False, 2)
    assert line == Line(3, "Text", 1, True, False, 2) and hash(line) == hash(Line(3, "Text", 1, True, False, 2))
    with pytest.raises(dataclasses.FrozenInstanceError):
        line.text = "Other"  # type: ignore[misc]


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(st.sampled_from(["overlap", "long", "inside", "unknown", "title_case", "cjk"]),
                       st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), max_size=6))
def test_a_score_sums_as_the_loop_summed(vector: dict[str, float]) -> None:
    weights = fitted.weights(headline_model.WEIGHTS_NAME)
    expected = weights.get("bias", 0.0) + sum(weights.get(key, 0.0) * value for key, value in vector.items())
    assert fitted.score(headline_model.WEIGHTS_NAME, vector) == expected


@settings(max_examples=1000, deadline=None)
@given(NAMES, st.lists(st.sampled_from(["Vox", "vox", "the verge", "le monde", "vox.com", "@vox", " ", "x", "\n"]),
                       max_size=6).map("".join))
def test_a_lower_case_use_is_looked_for_in_the_page_first(name: str, text: str) -> None:
    lines = split_lines(text)
    page = "\n".join(line.text for line in lines)
    assert written_lower(name, lines, page) == written_lower(name, lines)


def test_teaser_marks_are_all_teaser_can_end_on() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert re.findall(r"[:：»›|]", every, re.IGNORECASE) == sorted(TEASER_MARKS)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["Read more", "related", "Lire aussi", "читайте также", ":", "：", "»", "›", "|", " :",
                                 " ", "\n", "x", "ſee also", "watch"]), max_size=6).map("".join))
def test_teaser_looks_for_its_marks_first(text: str) -> None:
    assert is_teaser(Line(0, text, 1, False, False, 1)) == (TEASER.search(text) is not None)


def test_read_on_endings_are_every_case_of_its_last_letters() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    for letter in "egnsoе":  # more, reading, suite, weiterlesen, mais, tutto, далее
        assert set(re.findall(letter, every, re.IGNORECASE)) <= READ_ON_ENDINGS


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["Read more", "READ MORE", "Continue reading", "Lire la suite", "Weiterlesen", "Leia mais",
                                 "Leer más", "Leggi tutto", "Читать далее", "Mehr", "plus", "…", "...", ".", "›", "»", ">",
                                 " ", "\n", "\t", "x", "ſ", "Story. "]), max_size=6).map("".join))
def test_read_on_looks_at_the_last_character_first(text: str) -> None:
    assert is_read_on(Line(0, text, 1, False, False, 1)) == (READ_ON.search(text) is not None)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["to ", "To ", "TO ", "tO ", "to", " ", "Go", "x", "é", "トップ", "ホーム", "首页", "首頁", "ト",
                                 "について", "关于"]), max_size=6).map("".join))
def test_home_link_hint_is_a_look_for_each(text: str) -> None:
    assert HOME_LINK_LATIN_HINT == ("to ", "To ", "TO ")
    assert has_home_link_hint(text) == any(hint in text for hint in HOME_LINK_HINT)
    assert all(not hint.isascii() for hint in ABOUT_CJK_HINT)


def plain_is_notice(line: Line) -> bool:
    """`is_notice` as it read before it asked for prose ahead of PROMPT."""
    if line.words > CONSENT_MAX_WORDS:
        return False
    start = notice_start(line.text)
    if start is None and (found := LICENCE.search(line.text)) is not None:
        start = found.start()
    if start is not None and (start <= NOTICE_OPENING_CHARS or line.words <= NOTICE_MAX_WORDS):
        return True
    if line.words > NOTICE_MAX_WORDS or PROMPT.search(line.text) is None:
        return False
    return not looks_like_prose(line) or PROMPT_OPENING.match(line.text) is not None


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["Sign up for our newsletter", "Subscribe", "to read the full story.", "Log in",
                                 "The council voted on the plan", "and the privacy policy", "We use cookies.", "x",
                                 "Register now", "this site is licensed under CC BY", " ", ".", "words " * 12]),
                max_size=6).map(" ".join))
def test_notice_asks_for_prose_first_and_answers_as_before(text: str) -> None:
    line = Line(0, text, word_count(text), False, False, 1)
    assert is_notice(line) == plain_is_notice(line)


def test_latin1_marks_are_what_token_makes_of_each_character() -> None:
    for code in range(128, 256):
        char = chr(code)
        assert (LATIN1_MARKS[code] == ord("a")) == (re.fullmatch(r"[^\W\d_]", char) is not None)
        assert LATIN1_MARKS[code] in b"a " and re.fullmatch(r"[\d'’\-.,:]", char) is None
    for wide, stand_in in WIDE_PUNCTUATION:
        assert re.fullmatch(r"\w", wide) is None and (re.fullmatch(r"['’\-]", wide) is not None) == (stand_in == "'")


@settings(max_examples=5000, deadline=None)
@given(st.text(alphabet="aZ09_'-.,:; \t!éü½²·©\u00a0’‘“”—–…•─│ā中文日本語кирил", max_size=16))
def test_word_count_beyond_ascii_counts_what_token_finds(text: str) -> None:
    cjk = len(CJK.findall(text))
    assert word_count.__wrapped__(text) == len(TOKEN.findall(CJK.sub(" ", text) if cjk else text)) + cjk // 2


@settings(max_examples=2000, deadline=None)
@given(st.dictionaries(st.lists(st.sampled_from(["Android", "Central", "Le", "Monde", "Afrique", "A", "", " "]),
                                min_size=1, max_size=4).map(" ".join).filter(bool),
                       st.integers(min_value=0, max_value=6), max_size=10))
def test_extensions_find_what_comparing_every_pair_finds(counts: dict[str, int]) -> None:
    ordered = sorted(counts)
    for name, count in counts.items():
        longer = [other for other in counts if other.startswith(name + " ")]
        assert heads_longer(name, counts, ordered) == any(counts[other] >= EXTENDED_SHARE * count for other in longer)
        assert extends_shorter(name, counts) == any(name.startswith(other + " ") for other in counts)


@settings(max_examples=2000, deadline=None)
@given(st.lists(NAMES.filter(bool), max_size=4), st.lists(st.sampled_from(["Vox", "vox", "The Verge", "Le Monde", " ",
                                                                            "\n", "x", "Voxy", "@", "\n\n"]),
                                                            max_size=12).map("".join))
def test_showing_each_by_the_page_is_showing_by_the_line(names: list[str], text: str) -> None:
    lines = split_lines(text)
    shown = showing_each(names + ["Vox\nThe"], lines)
    assert shown == {name: showing(name, lines) for name in names + ["Vox\nThe"]}
