"""Fit the frequent-word list of the pasted headline model (digest.pasted.headline_model.FREQUENT_NAME).

    python -m bench.fit.frequent_words   # rebuild from pasted-pages + mercury-pages, write the shipped list

A candidate that shares only "with", "that", "from" or "privacy" with the lead does not echo it. The
words (content_tokens: four letters or more, lower-cased) that MIN_SHARE of the development pastes or
more hold are such words; the model's "overlap_rare" features leave them out. Deterministic; `fit` takes
any subset of pages, so bench.evaluate --cv rebuilds it per fold (bench.fit.registry) and the headline
fitter builds the same fold's list from the same pages.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from digest.pasted.fitted import shipped
from digest.pasted.headline_model import FREQUENT_NAME, content_tokens
from digest.pasted.lines import split_lines

MIN_SHARE = 0.4  # held by 40% of the pastes: chosen by site-CV over 0.15-0.4 (notes/phead7_df.py)


def fit(pages: Mapping[str, Sequence[Any]]) -> list[str]:
    """The words MIN_SHARE of the pastes or more hold, sorted."""
    held: Counter[str] = Counter()
    pastes = [page.pasted for chosen in pages.values() for page in chosen if page.pasted]
    for pasted in pastes:
        held.update(set().union(*(content_tokens(line.text) for line in split_lines(pasted))))
    return sorted(word for word, count in held.items() if count >= MIN_SHARE * len(pastes))


if __name__ == "__main__":
    from bench.fit.headline import development_pages

    shipped(FREQUENT_NAME).write_text(json.dumps(fit(development_pages()), ensure_ascii=False, indent=0) + "\n",
                                      encoding="utf-8")
