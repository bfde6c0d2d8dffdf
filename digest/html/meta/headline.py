"""The headline the page displays (its `<h1>`), and when it wins over the titles in the markup.

Social titles (og:title, twitter:title) and the document `<title>` are often written for
search and sharing: shorter ("... on Leaving the Tags on Her Coat"), reworded, or decorated
with a kicker, a section or "(Published 2016)". A reader sees the `<h1>`. It replaces the
title taken from the markup when it is recognisably the same story:

- the markup declares it: it is one of the candidates, or a long part of one
  (`contained_in`: the `<title>` is the headline plus decoration, in any separator, CJK too);
- or it says mostly the same thing in its own words (`reworded`: half the words of the
  shorter of the two are in the other).

An `<h1>` that is neither is left alone (a site's logo, a section name, a related story's
heading, a feature's display line), as is a page with more than one such heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from digest.html.meta.names import key, names_match

HEADLINE_MIN_KEY_CHARS = 8  # "Politics", "News": a section's heading, whatever it is part of
CONTAINED_MIN_SHARE = 0.4  # an h1 inside a candidate must be this much of it ("Politics" in a title is not)
CONTAINED_MIN_WORDS = 3  # ... or be a phrase of this many words
REWORDED_MIN_WORDS = 3  # both must have this many words to be compared word by word
REWORDED_MIN_SHARE = 0.5  # share of the shorter one's words found in the other
WORD = re.compile(r"\w+")
CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]{2,}")


def words_of(text: str) -> set[str]:
    """Words, and for Chinese or Japanese (written without spaces) each pair of characters."""
    found = {word.casefold() for word in WORD.findall(CJK_RUN.sub(" ", text))}
    for run in CJK_RUN.findall(text):
        found.update(run[i:i + 2] for i in range(len(run) - 1))
    return found


def contained_in(heading: str, candidate: str) -> bool:
    """The heading is the candidate, or a long part of it (the rest is decoration)."""
    heading_key, candidate_key = key(heading), key(candidate)
    if not heading_key or heading_key not in candidate_key:
        return False
    long_enough = len(heading_key) >= CONTAINED_MIN_SHARE * len(candidate_key)
    return long_enough or len(heading.split()) >= CONTAINED_MIN_WORDS


def reworded(heading: str, title: str) -> bool:
    """Two headlines for one story: half the words of the shorter are in the longer."""
    heading_words, title_words = words_of(heading), words_of(title)
    shorter = min(len(heading_words), len(title_words))
    if shorter < REWORDED_MIN_WORDS:
        return False
    return len(heading_words & title_words) >= REWORDED_MIN_SHARE * shorter


def is_name(heading: str, names: Iterable[str]) -> bool:
    """A logo heading: the site's or host's name, maybe repeated ("lifehackerlifehacker")."""
    names = list(names)
    heading_key = key(heading)
    return names_match(heading, names) or any(
        len(key(name)) >= HEADLINE_MIN_KEY_CHARS and not heading_key.replace(key(name), "") for name in names)


def displayed_headline(headings: list[str], title: str, candidates: list[str], names: list[str]) -> str | None:
    """The `<h1>` that should replace `title` (chosen from `candidates`, the raw markup titles), or None."""
    usable = [h for h in headings if len(key(h)) >= HEADLINE_MIN_KEY_CHARS and not is_name(h, names)]
    related = [h for h in usable if any(contained_in(h, c) for c in (title, *candidates)) or reworded(h, title)]
    if len(set(related)) == 1:
        return related[0]
    return None
