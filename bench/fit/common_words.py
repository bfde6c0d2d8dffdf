"""Fit the common-word list of the pasted publisher model (digest.pasted.publisher_model.COMMON_NAME).

    python -m bench.fit.common_words   # rebuild from pasted-pages + mercury-pages, write the shipped list

A menu's or a box's word ("Community", "Discussion", "Styling Tips") is no brand; the development
pastes tell which words are common: those written in lower case in the prose lines of pages from
MIN_SITES sites or more. Deterministic; `fit` takes any subset of pages, so bench.evaluate --cv
rebuilds it per fold (bench.fit.registry) and the publisher fitter uses the same fold's list.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from bench.fit.headline import development_pages
from bench.sets.sites import page_site
from digest.pasted.lines import split_lines
from digest.pasted.fitted import shipped
from digest.pasted.publisher_model import COMMON_NAME, PROSE_MIN_WORDS, lower_words

MIN_SITES = 3  # a word three sites write in their prose is a word, not one site's name


def site_of(page: Any) -> str:
    return getattr(page, "site_key", None) or page_site(page.name)


def fit(pages: Mapping[str, Sequence[Any]]) -> list[str]:
    """The words MIN_SITES sites or more write in lower case in prose, sorted."""
    sites: dict[str, set[str]] = defaultdict(set)
    for chosen in pages.values():
        for page in chosen:
            for line in split_lines(page.pasted or ""):
                if line.words >= PROSE_MIN_WORDS:
                    for word in lower_words(line.text):
                        sites[word].add(site_of(page))
    return [word for word, found in sorted(sites.items()) if len(found) >= MIN_SITES]


if __name__ == "__main__":
    shipped(COMMON_NAME).write_text(json.dumps(fit(development_pages()), ensure_ascii=False, indent=0) + "\n",
                                    encoding="utf-8")
