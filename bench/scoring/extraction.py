"""Scores, by the article-extraction benchmark's method (scrapinghub/article-extraction-benchmark).

Body: tokens are `\\w+`, each text becomes a multiset of word 4-grams; precision and recall are
computed per page, averaged over pages, and F1 is taken of the two means.
Titles agree when their normalised forms match; dates are compared as YYYY-MM-DD.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable

TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def precision_recall(reference: str, predicted: str) -> tuple[float | None, float | None]:
    """Per-page precision and recall over 4-gram multisets (None where undefined)."""
    truth, guess = shingles(reference), shingles(predicted)
    tp = sum((truth & guess).values())
    fp = sum((guess - truth).values())
    fn = sum((truth - guess).values())
    if fp == fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return precision, recall


def f1_of_means(pairs: Iterable[tuple[float | None, float | None]]) -> tuple[float, float, float]:
    """(F1, mean precision, mean recall) over pages."""
    pairs = list(pairs)
    precision = statistics.mean([p for p, _ in pairs if p is not None] or [0.0])
    recall = statistics.mean([r for _, r in pairs if r is not None] or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall


QUOTES_AND_DASHES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "«": '"', "»": '"', "–": "-", "—": "-"})


def normalise_title(title: str | None) -> str:
    """Case, width, quotes, dashes and spacing do not count."""
    text = unicodedata.normalize("NFKC", title or "").translate(QUOTES_AND_DASHES).casefold()
    return " ".join(text.split()).strip(" .")


# " | eHow", " - Breitbart", " _光明网": the site's name after a separator, as <title> elements carry it.
SITE_SUFFIX = re.compile(r"\s*(?:\s[|\-–—·:»]|::|\s_|_)\s*[^|\-–—·:»_]{1,60}$")


def title_forms(title: str | None) -> set[str]:
    """The normalised title, and the same with up to two trailing site-name segments cut off."""
    forms = {normalise_title(title)}
    text = title or ""
    for _ in range(2):
        text = SITE_SUFFIX.sub("", text)
        if text.strip():
            forms.add(normalise_title(text))
    return forms


def same_title(expected: str | None, got: str | None) -> bool:
    """Equal once normalised; a reference <title> with the site's name appended still agrees.

    Our titles are specified without the " | Site" suffix (issue 2), while Readability.js keeps
    it when the <title> and the headline differ; cutting it from the reference only is fair,
    as the part that remains must still match exactly.
    """
    return bool(got) and normalise_title(got) in title_forms(expected)


TITLE_MIN_CHARS = 8  # "Google" left of "Google - Site Reliability Engineering" is no headline


def title_visible_in(expected: str | None, text: str) -> bool:
    """Whether the reference title, or it without its site suffix, is a line of the text (a paste's
    headline is a line of its own; a <title> element is not in a select-all copy at all)."""
    lines = {normalise_title(line) for line in text.splitlines()}
    return any(len(form) >= TITLE_MIN_CHARS and form in lines for form in title_forms(expected))


def normalise_site(site: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", site or "").casefold().split())


LEADING_ARTICLE = re.compile(r"^(?:the|la|le|les|el|der|die|das|il)\s+")
DOMAIN_ENDING = re.compile(r"\.(?:[a-z]{2,3}|co\.uk|com\.[a-z]{2})$")
ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "el"})


def site_forms(site: str | None) -> set[str]:
    """A publisher's name, without a leading article or a domain ending, and its acronym."""
    name = normalise_site(site)
    bare = DOMAIN_ENDING.sub("", LEADING_ARTICLE.sub("", name))
    words = [w for w in re.findall(r"\w+", bare) if w not in ACRONYM_SKIPS]
    forms = {name, bare}
    if len(words) >= 3:
        forms.add("".join(w[0] for w in words))
    return {form for form in forms if form}


def same_site(expected: str | None, got: str | None) -> bool:
    """"The Washington Post" is "Washington Post", "Libération.fr" is "Libération", and
    "American Civil Liberties Union" is "ACLU"; a section, an owner or another brand is not."""
    return bool(got) and bool(site_forms(expected) & site_forms(got))


def same_date(expected: str | None, got: str | None) -> bool:
    return bool(expected) and bool(got) and expected[:10] == got[:10]
