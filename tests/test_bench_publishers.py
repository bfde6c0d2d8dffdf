"""bench.publishers: how a publisher is judged against the hand-judged reference."""

from __future__ import annotations

import json

import pytest

from bench.publishers import REFERENCE, judged


@pytest.mark.parametrize(("ours", "right"), [
    ("The New York Times", True),
    ("the new york times", True),  # case and a leading "the" are no difference a reader sees
    ("New York Times", True),
    ("NYTimes.com", True),  # another form the reference accepts
    ("NYTimes", False),
    (None, False),
])
def test_a_name_is_right_when_it_is_one_the_reference_accepts(ours: str | None, right: bool) -> None:
    assert judged(["The New York Times", "NYTimes.com"], ours) is right


def test_the_reference_names_every_page_with_at_least_one_name() -> None:
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    assert len(reference) == 164
    assert all(names and all(isinstance(name, str) and name.strip() for name in names) for names in reference.values())
