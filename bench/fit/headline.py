"""Fit the pasted headline model (digest.pasted.headline_model) on development pastes.

    python -m bench.fit.headline       # refit on pasted-pages + mercury-pages, write the shipped weights

Each page whose reference title is one of its headline candidates (digest.pasted.headline.candidates,
matched with bench.scoring.extraction.same_title) is one choice for bench.fit.logit. `fit` takes any subset of
pages, so bench.evaluate --cv can refit it per fold (bench.fit.registry).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from bench.fit import frequent_words, logit
from bench.scoring.extraction import same_title
from bench.sets.datasets import dev_pages
from bench.sets.mercury import mercury_pages
from digest.pasted.lines import Line, Span, split_lines
from digest.pasted.fitted import shipped
from digest.pasted.headline import candidates
from digest.pasted.headline_model import FEATURES, WEIGHTS_NAME
from digest.pasted.reader import article_lines, article_span

L2 = 0.005  # half logit's default: chosen by site-CV over 0.003-0.02 (0.003 and 0.005 alike; 0.02 loses Mercury pages)


def read_pastes(pages: Iterable[Any]) -> Iterator[tuple[Any, list[Line], Span]]:
    """Each page with a paste the reader finds an article run in: the page, its lines and the run."""
    for page in pages:
        if not page.pasted:
            continue
        lines = split_lines(page.pasted)
        span = article_span(lines)
        if span is not None:
            yield page, lines, span


def choices(pages: Iterable[Any], frequent: frozenset[str] | None = None) -> list[logit.Choice]:
    """The choices of the pages that have a paste and a reference title (page.pasted, page.title); `frequent`:
    the frequent-word list fitted on the same pages (else the shipped one)."""
    found = []
    for page, lines, span in read_pastes(page for page in pages if page.title):
        scored = candidates(lines, span.start, article_lines(lines, span), frequent)
        made = logit.choice([vector for _, vector in scored],
                                   [same_title(page.title, line.text) for line, _ in scored], FEATURES)
        if made is not None:
            found.append(made)
    return found


def fit(pages: Mapping[str, Sequence[Any]]) -> dict[str, float]:
    """bench.fit.registry's hook: the weights fitted on the given sets' pages (with their frequent words)."""
    frequent = frozenset(frequent_words.fit(pages))
    return logit.fit(choices((page for chosen in pages.values() for page in chosen), frequent), FEATURES, l2=L2)


def development_pages() -> dict[str, list[Any]]:
    """pasted-pages and mercury-pages (the sets bench.evaluate calls pasted and mercury-pasted)."""
    return {"pasted": [page for page in dev_pages() if page.pasted is not None], "mercury-pasted": list(mercury_pages())}


if __name__ == "__main__":
    logit.write(shipped(WEIGHTS_NAME), fit(development_pages()))
