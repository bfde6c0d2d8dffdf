"""Fit the pasted publisher model (digest.pasted.publisher_model) on development pastes.

    python -m bench.fit.publisher      # refit on pasted-pages + mercury-pages, write the shipped weights

A page's choice is among the names its paste shows (digest.pasted.publisher.site_choices) and "no
name". The right ones: the reference site name (readability's siteName, bench.scoring.extraction.same_site); for a
Mercury page, which names no publisher, the names that spell its address's brand by the rule it is scored
with ("Ars Technica" for arstechnica.com, "The New York Times" for nytimes.com). A page where no name is right teaches nothing (the threshold
publisher_model.NAME_MIN_SCORE decides when to name none). `fit` takes any subset of
pages, so bench.evaluate --cv can refit it per fold (bench.fit.registry).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from bench.fit import common_words, logit
from bench.fit.headline import development_pages, read_pastes
from bench.scoring.extraction import same_site
from bench.scoring.loose import publisher_spells_brand
from digest.pasted.fitted import shipped
from digest.pasted.headline import find_headline
from digest.pasted.naming import site_candidates
from digest.pasted.publisher import find_site_by_rules, site_choices
from digest.pasted.publisher_model import FEATURES, NONE, WEIGHTS_NAME
from digest.pasted.reader import article_lines

SECOND_LEVEL = frozenset({"co", "com", "ne", "or", "go", "ac", "org", "net"})  # "yomiuri.co.jp"


def registered_label(url: str | None) -> str | None:
    """ "https://www.arstechnica.com/x" -> "arstechnica": the name a domain spells."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.") if url else ""
    parts = host.split(".")
    if len(parts) < 2:
        return None
    return parts[-3] if len(parts) >= 3 and parts[-2] in SECOND_LEVEL else parts[-2]


def spelled(name: str) -> str:
    return re.sub(r"[\W_]+", "", re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)).casefold()


def is_right(page: Any, name: str) -> bool:
    """The page's publisher by its reference: a site name, else a name that spells the brand of its address
    by the rule bench.evaluate scores with (bench.scoring.loose.publisher_spells_brand: "The New York Times"
    and "NYTimes.com" for nytimes.com, not only the letters of the domain), else the registered domain's label
    (a brand too short for that rule)."""
    site = getattr(page, "site", None)
    if site:
        return same_site(site, name)
    url = getattr(page, "url", None)
    if publisher_spells_brand(name, url):
        return True
    label = registered_label(url)
    return bool(label) and spelled(name) in (label, f"{label}com")


def choices(pages: Iterable[Any], common: frozenset[str] | None = None) -> list[logit.Choice]:
    """The choices of the pages with a reference site name or address (`common`: the common words to use)."""
    found = []
    for page, lines, span in read_pastes(page for page in pages
                                         if getattr(page, "site", None) or getattr(page, "url", None)):
        headline = find_headline(lines, span.start, article_lines(lines, span))
        headline_text, article = headline.text if headline else None, range(span.start, span.end)
        named = site_candidates(lines, headline_text, article)
        scored = site_choices(lines, named, headline_text, article, find_site_by_rules(lines, named, common), common)
        right = [name != NONE and is_right(page, name) for name, _ in scored]
        made = logit.choice([vector for _, vector in scored], right, FEATURES)
        if made is not None:
            found.append(made)
    return found


def fit(pages: Mapping[str, Sequence[Any]]) -> dict[str, float]:
    """bench.fit.registry's hook: the weights fitted on the given sets' pages."""
    common = frozenset(common_words.fit(pages))  # what bench.fit.common_words gives for the same pages
    return logit.fit(choices((page for chosen in pages.values() for page in chosen), common), FEATURES)


if __name__ == "__main__":
    logit.write(shipped(WEIGHTS_NAME), fit(development_pages()))
