"""The headline the page displays (its `<h1>`), and when it wins over the titles in the markup.

Social titles (og:title, twitter:title) and the document `<title>` are often written for
search and sharing: shorter ("... on Leaving the Tags on Her Coat"), reworded, or decorated
with a kicker, a section or "(Published 2016)". A reader sees the `<h1>`. It replaces the
title taken from the markup when it is recognisably the same story:

- the markup declares it: it is one of the candidates, or a long part of one
  (`contained_in`: the `<title>` is the headline plus decoration, in any separator, CJK too);
- or it says mostly the same thing in its own words (`reworded`: half the words of the
  shorter of the two are in the other).
- or the page shows the title's parts apart: the `<h1>` is its last part and each part before
  it is a lower heading ("Artist – Song", "Kicker: Headline"; `shown_apart`), however short.

An `<h1>` that is neither is left alone (a site's logo, a section name, a related story's
heading, a feature's display line), as is a page with more than one such heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from digest.html.meta.names import key, names_match

HEADLINE_MIN_KEY_CHARS = 8  # "Politics", "News": a section's heading, whatever it is part of
CONTAINED_MIN_SHARE = 0.4  # an h1 inside a candidate must be this much of it ("Politics" in a title is not)
CONTAINED_MIN_WORDS = 3  # ... or be a phrase of this many words
REWORDED_MIN_WORDS = 3  # both must have this many words to be compared word by word
REWORDED_MIN_SHARE = 0.5  # share of the shorter one's words found in the other
WORD = re.compile(r"\w+")
DIGITS = re.compile(r"\d")
TITLE_PART_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•»/\\>]|::)\s+|\s*\[")
# Between a candidate's parts: " | ", " - ", "Kicker: ", "标题_科技", "見出し：サイト".
PART_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•»/\\>]|::)\s+|:\s+|\s*[_｜：]\s*")
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
    """Two headlines for one story: half the words of the shorter are in the longer. The title's longest
    part stands for it: words of a site's name left in it ("... [Archive of Our Own]") would make its
    logo `<h1>` ("Archive of Our Own beta") look like a rewording."""
    heading_words, title_words = words_of(heading), words_of(max(TITLE_PART_SEPARATOR.split(title), key=len))
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


def extends(heading: str, title: str) -> bool:
    """The heading is the title made longer at one end ("Arbeit" -> "Wir kämpfen für gute Arbeit";
    a headline and its subtitle). A deck that repeats the title's words in its own order is not."""
    heading_key, title_key = key(heading), key(title)
    return bool(title_key) and len(heading_key) > len(title_key) and (
        heading_key.startswith(title_key) or heading_key.endswith(title_key))


def whole_part_of(heading: str, candidate: str) -> bool:
    """The heading is the candidate, or one whole part of it between separators ("Kicker: Headline")."""
    heading_key = key(heading)
    return any(key(part) == heading_key for part in (candidate, *PART_SEPARATOR.split(candidate)))


def is_usable(heading: str, names: list[str]) -> bool:
    """Long enough to be a headline (a date or an id is not), and no logo."""
    return len(key(DIGITS.sub("", heading))) >= HEADLINE_MIN_KEY_CHARS and not is_name(heading, names)


def related_headings(headings: list[str], title: str, candidates: list[str], names: list[str], *,
                     strict: bool) -> list[str]:
    """The headings that are this story's headline: declared in the markup (a candidate, a long part of
    one or a candidate made longer) or a rewording of the title. `strict` (for `<h2>`s, which hold
    decks and inner sections): a candidate, a whole part of one, or a candidate made longer."""
    usable = [h for h in headings if is_usable(h, names)]
    if strict:
        return [h for h in usable if any(whole_part_of(h, c) for c in (title, *candidates)) or extends(h, title)]
    return [h for h in usable if any(contained_in(h, c) for c in (title, *candidates)) or extends(h, title)
            or reworded(h, title)]


def shown_apart(h1s: list[str], lower: list[str], candidates: list[str], names: list[str]) -> str | None:
    """"Prince and the Revolution – Purple Rain", "Kicker: Headline": a title written for sharing whose parts the
    page shows apart, its last as the only `<h1>` and each part before it as a lower heading (the artist, the
    kicker), has the `<h1>` for its headline. It may be short ("Purple Rain"): the layout, not its length, says
    so. An `<h1>` that is the first part is a blog's name above its post (`title.post_under_blog_name`)."""
    usable = {key(h): h for h in h1s if is_usable(h, names)}
    if len(usable) != 1:
        return None
    (heading_key, heading), = usable.items()
    lower_keys = {key(h) for h in lower}
    for candidate in candidates:
        *before, last = [part_key for part in PART_SEPARATOR.split(candidate) if (part_key := key(part))] or [""]
        if before and last == heading_key and all(part_key in lower_keys for part_key in before):
            return heading
    return None


def displayed_headline(h1s: list[str], h2s: Callable[[], list[str]], title: str, candidates: list[str],
                       names: list[str]) -> str | None:
    """The heading that should replace `title` (chosen from `candidates`, the raw markup titles), or None.

    The `<h1>`s first. Only when none of them is this story's (a logo, a section, a blog's name
    above its posts) are the `<h2>`s read (`h2s`, called then) and one taken, and then only one the markup declares: an `<h2>` that
    merely shares words with the title is as often the deck under it.
    """
    related = related_headings(h1s, title, candidates, names, strict=False)
    if not related:
        related = related_headings(h2s(), title, candidates, names, strict=True)
    if len(set(related)) == 1:
        return related[0]
    return None
