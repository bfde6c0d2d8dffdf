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
