"""Cheap pre-checks in front of slow patterns give the same answers as the patterns alone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from digest.quotes.finder import CODE_MARKS, CODE_MIN_MARKS, looks_like_code

# the characters the code marks are made of, mixed with prose, so that matches and near misses are common
CODE_ALPHABET = st.sampled_from(list("{};()=>.\t\n fnuctioab_Z9") + ["function", "x.y(", "=>", "; "])


@settings(max_examples=3000, deadline=None)
@given(st.lists(CODE_ALPHABET | st.characters(), max_size=40).map("".join))
def test_looks_like_code_matches_counting_every_mark(text: str) -> None:
    assert looks_like_code(text) == (len(CODE_MARKS.findall(text)) >= CODE_MIN_MARKS)


def test_looks_like_code_on_code_and_prose() -> None:
    assert looks_like_code("if (a) { b(); } else { c(); }")
    assert looks_like_code("const f = () => x.map(y);")
    assert not looks_like_code("He said (twice) that it was fine; then he left.")


CJK_PIECES = st.sampled_from(["卢宇", "说", "表示", "，", "的", "は", "が", "、", "。", "彼", "他", " ", "Smith", "said", ":",
                              "(Daniel)", "发言人", "丹尼尔·霍特", "\n", "a", "“"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(CJK_PIECES | st.characters(), max_size=25).map("".join))
def test_cjk_before_is_either_pattern(before: str) -> None:
    from digest.quotes.speakers import cjk_before
    from digest.quotes.words import CHINESE_BEFORE, JAPANESE_BEFORE

    expected = CHINESE_BEFORE.search(before) or JAPANESE_BEFORE.search(before)
    found = cjk_before(before)
    assert (found and (found.re, found.span(), found.group("who"))) == (
        expected and (expected.re, expected.span(), expected.group("who")))


def test_cjk_patterns_need_a_character_beyond_ascii() -> None:
    """Why `cjk_before` may skip ASCII text: every way either pattern ends holds a character beyond ASCII."""
    from digest.quotes.words import CHINESE_VERBS

    assert all(not verb.isascii() for verb in CHINESE_VERBS.split("|"))


@settings(max_examples=2000, deadline=None)
@given(st.text(st.characters(max_codepoint=127), max_size=60))
def test_content_tokens_of_ascii_as_folded_one_by_one(text: str) -> None:
    from digest.pasted.headline_model import CONTENT_TOKEN, content_tokens

    assert content_tokens.__wrapped__(text) == frozenset(token.casefold() for token in CONTENT_TOKEN.findall(text))


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["“Yes,” ", "“We will build it here,” ", "he said. ", "«Опора» ", "\"a b c\" ", "x "]),
                max_size=12).map("".join))
def test_next_statement_openings_as_read_per_quotation(paragraph: str) -> None:
    from digest.quotes.finder import STATEMENT_MIN_WORDS, next_statement_openings, quotations_in

    quotations = quotations_in(paragraph)
    expected = []
    for index in range(len(quotations)):
        later = [q for q in quotations[index + 1:] if len(paragraph[q[0]:q[1]].split()) >= STATEMENT_MIN_WORDS]
        expected.append(later[0][0] - 1 if later else len(paragraph))
    assert next_statement_openings(paragraph, quotations) == expected


ZONE_PIECES = st.sampled_from(["All times are ", "ALL TIMES ", "times shown", "Alle Zeitangaben in ", "MEZ", "ET",
                               "toutes les heures", "所有时间", "ſ", "ı", "İ", " ", ".", "\n", "Eastern", "K"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(ZONE_PIECES | st.characters(), max_size=12).map("".join))
def test_page_zone_screened_finds_what_the_pattern_finds(text: str) -> None:
    from digest.zones import PAGE_ZONE

    found, expected = PAGE_ZONE.search(text), PAGE_ZONE.pattern.search(text)
    assert (found and (found.span(), found.group("rest"))) == (expected and (expected.span(), expected.group("rest")))


TITLE_PIECES = st.sampled_from(["Word", "word", "WORD", "Über", "über", "abc", "Abc", "Ab1cd", "x_Yz", "A", " ", ", ",
                                "-", "’", "Ǆemal", "ǅx", "İstanbul", "ßtraße", "Σοφία", "日本語", "١٢٣", "٣abc", "."])


@settings(max_examples=3000, deadline=None)
@given(st.lists(TITLE_PIECES | st.characters(), max_size=14).map("".join), st.booleans())
def test_title_case_as_weighed_word_by_word(text: str, sentence: bool) -> None:
    from digest.pasted.blocks import (
        ASCII_LETTER_RUN, CAPITALISED_SHARE, LETTER_RUN, SENTENCE_CAPITALISED_SHARE, is_title_case,
    )

    words = [word for word in (ASCII_LETTER_RUN if text.isascii() else LETTER_RUN).findall(text) if len(word) > 3]
    share = SENTENCE_CAPITALISED_SHARE if sentence else CAPITALISED_SHARE
    expected = len(words) >= 2 and sum(word[0].isupper() for word in words) / len(words) >= share
    assert is_title_case(text, sentence=sentence) == expected


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["Home", " > ", "»", "›", "|", "/", "News", "—", " "]) | st.characters(), max_size=10)
       .map("".join))
def test_trail_mark_as_any_of_the_marks(text: str) -> None:
    from digest.pasted.headline_model import TRAIL_MARKS, has_trail_mark

    assert has_trail_mark(text) == (not TRAIL_MARKS.isdisjoint(text))


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["2019", "7", " ", "a", "٣", "２", "{", "}", ";", "(", "│", "═", "x(y)", "é"])
                | st.characters(), max_size=10).map("".join))
def test_digit_and_code_mark_as_their_patterns(text: str) -> None:
    from digest.dates import HAS_DIGIT, has_digit
    from digest.pasted.blocks import CODE_MARK, has_code_mark

    assert has_digit(text) == (HAS_DIGIT.search(text) is not None)
    assert has_code_mark(text) == (CODE_MARK.search(text) is not None)


def test_invisible_and_odd_space_characters_are_their_classes() -> None:
    import sys

    from digest.pasted.lines import INVISIBLE, INVISIBLE_CHARS, ODD_SPACE_CHARS, SPACES

    every = [chr(code) for code in range(sys.maxunicode + 1)]
    assert [char for char in every if INVISIBLE.match(char)] == sorted(INVISIBLE_CHARS)
    assert [char for char in every if SPACES.match(char) and char != " "] == sorted(ODD_SPACE_CHARS)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from([" ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\u200b", "\u00ad", "\ufeff", "a", "é",
                                 "word", "“"]) | st.characters(), max_size=10).map("".join))
def test_normalise_line_as_its_patterns(text: str) -> None:
    from digest.pasted.lines import INVISIBLE, ODD_SPACES, SPACES, normalise_line

    visible = INVISIBLE.sub("", text)
    expected = (SPACES.sub(" ", visible) if ODD_SPACES.search(visible) else visible).strip()
    assert normalise_line.__wrapped__(text) == expected


SHAPE_PIECES = st.sampled_from(["Headline", " | ", " · ", " - ", " – ", " — ", "Site", "site.com", "Trump’s", "don't", "'",
                                "’", "Click here", "SIGN UP", "log in", "Read More", "more stories by", "ſhare", "ı",
                                "İ", "search", " ", "x"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(SHAPE_PIECES | st.characters(), max_size=10).map("".join))
def test_text_shape_searches_as_their_patterns(text: str) -> None:
    from digest.pasted.headline_model import (
        APOSTROPHE, APOSTROPHE_MARKS, LINK_WORDS, SITE_SEPARATOR, SITE_SEPARATOR_MARKS,
    )
    from digest.pasted.lines import holds_any

    assert bool(LINK_WORDS.search(text)) == bool(LINK_WORDS.pattern.search(text))
    assert (holds_any(text, SITE_SEPARATOR_MARKS) and SITE_SEPARATOR.search(text) is not None) == (
        SITE_SEPARATOR.search(text) is not None)
    assert (holds_any(text, APOSTROPHE_MARKS) and APOSTROPHE.search(text) is not None) == (
        APOSTROPHE.search(text) is not None)


HEADLINE_PIECES = st.sampled_from(["4.5 ", "12", "٣", "²", "History", "[edit]", "[править]", "]", "[", " → ", "⇒", "18:45",
                                   "配信", " PM", "3/9", ":", "Next Work", " ", "\n", "x"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(HEADLINE_PIECES | st.characters(), max_size=10).map("".join))
def test_headline_shape_looks_as_their_patterns(text: str) -> None:
    from digest.pasted.headline import ENDS_WITH_CLOCK, NAVIGATION_ARROW, SECTION_NUMBER

    assert (not text.isascii() and NAVIGATION_ARROW.search(text) is not None) == (NAVIGATION_ARROW.search(text) is not None)
    assert ((text[:1].isdecimal() or "[" in text) and SECTION_NUMBER.search(text) is not None) == (
        SECTION_NUMBER.search(text) is not None)
    assert (":" in text and ENDS_WITH_CLOCK.search(text) is not None) == (ENDS_WITH_CLOCK.search(text) is not None)


def test_button_labels_reach_as_the_constants_say() -> None:
    import re
    import sys
    from re import _parser as sre_parse

    from digest.pasted.junk import BUTTON, BUTTON_LABEL_MAX_CHARS, OPEN_LABEL_STARTS

    parsed = sre_parse.parse(BUTTON.pattern, BUTTON.flags)
    labels = parsed[1][1][1]  # ^, then the labels' group: its branch's alternatives
    for label in labels:
        width = sre_parse.SubPattern(parsed.state, label).getwidth()[1]
        assert width <= BUTTON_LABEL_MAX_CHARS or label[0] == (sre_parse.LITERAL, ord("s"))
    every = (chr(code) for code in range(sys.maxunicode + 1))
    assert "".join(char for char in every if re.match("s", char, re.IGNORECASE)) == "".join(sorted(OPEN_LABEL_STARTS))


BUTTON_PIECES = st.sampled_from(["Share", "share on ", "ſhare via ", "Facebook", "skip to main content", "Back to top",
                                 " ", "\n", " »", "›", ">", "\t", "Read more", "x", "Поделиться", "İ"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(BUTTON_PIECES | st.characters(), max_size=10).map("".join))
def test_is_button_as_the_pattern(text: str) -> None:
    from digest.pasted.junk import BUTTON, is_button
    from digest.pasted.lines import Line

    assert is_button(Line(0, text, 1, False, False, 1)) == (BUTTON.match(text) is not None)


DATE_PIECES = st.sampled_from(["2019", "7", "12", "-", "/", ".", ". ", " ", "th, ", "March", "03 12:45:00", "年", "x", ":"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(DATE_PIECES | st.characters(max_codepoint=127), max_size=12).map("".join))
def test_date_cores_by_ranges_find_what_they_find_in_ascii_text(text: str) -> None:
    from digest.dates import ASCII_CORES, ASCII_FOUR_DIGITS, CORES, FOUR_DIGITS

    def span(match):
        return match and match.span()

    assert span(ASCII_FOUR_DIGITS.search(text)) == span(FOUR_DIGITS.search(text))
    for shape, core in CORES.items():
        assert span(ASCII_CORES[shape].search(text)) == span(core.search(text))


def test_every_space_but_the_plain_one_is_unprintable() -> None:
    import sys

    every = (chr(code) for code in range(sys.maxunicode + 1))
    assert [char for char in every if char.isspace() and char.isprintable()] == [" "]


INDEX_PIECES = st.sampled_from(["A", "B", "ab", " ", "\u00a0", "\t", "\u2003", "x y", "word", "\x0b", "\n", ",", "é"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(INDEX_PIECES | st.characters(), max_size=14).map("".join))
def test_is_index_as_split_and_averaged(text: str) -> None:
    from digest.pasted.blocks import INDEX_MAX_TOKEN_CHARS, is_index

    tokens = text.split()
    assert is_index(text) == bool(tokens and len("".join(tokens)) / len(tokens) < INDEX_MAX_TOKEN_CHARS)


NAME_PIECES = st.sampled_from(["The ", "Le ", "New York", "Times", "eHow", "Golem.de", " of ", " de ", " & ", "PEOPLE", "@",
                               "/", ".", "_x", "A1", "O'Brien", "-", " ", "\n", "\t", "x"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(NAME_PIECES | st.characters(max_codepoint=127), max_size=12).map("".join))
def test_ascii_name_run_finds_what_name_run_finds(text: str) -> None:
    from digest.pasted.publisher_model import ASCII_NAME_RUN, NAME_RUN

    assert [m.span() for m in ASCII_NAME_RUN.finditer(text)] == [m.span() for m in NAME_RUN.finditer(text)]


def test_byline_openings_are_every_case_of_its_words_first_letters() -> None:
    import re
    import sys
    from re import _parser as sre_parse

    from digest.pasted.blocks import BYLINE, BYLINE_OPENINGS

    def first_letters(branch) -> set[str]:  # the first letter of each alternative of a branch of words
        assert branch[0] is sre_parse.BRANCH
        assert all(alternative[0][0] is sre_parse.LITERAL for alternative in branch[1][1])
        return {chr(alternative[0][1]) for alternative in branch[1][1]}

    parsed = sre_parse.parse(BYLINE.pattern, BYLINE.flags)  # ^, then (?:(?:posted|...) )?, then (?:by|von|...)
    letters = first_letters(parsed[1][1][2][0]) | first_letters(parsed[2])
    pattern = "[" + "".join(sorted(letters)) + "]"
    every = (chr(code) for code in range(sys.maxunicode + 1))
    assert "".join(char for char in every if re.match(pattern, char, re.IGNORECASE)) == BYLINE_OPENINGS


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["By ", "BY", "posted by ", "Written ", "von ", "От ", "автор", "ᲂт ", "texto", "Text:",
                                 "Jane", " ", "\n", ":", "x"]) | st.characters(), max_size=8).map("".join))
def test_byline_opening_look_as_the_pattern(text: str) -> None:
    from digest.pasted.blocks import BYLINE, BYLINE_OPENINGS

    assert (text[:1] in BYLINE_OPENINGS and BYLINE.match(text) is not None) == (BYLINE.match(text) is not None)

