"""Fit the pasted date model (digest.pasted.date_model) on development pastes.

    python -m bench.fit.date       # refit on pasted-pages + mercury-pages, write the shipped weights

A page with a reference date is one choice: every date its paste writes, and "no date". The right
ones are the dates that match the reference as bench.evaluate scores them (bench.scoring.extraction.same_date for
readability's publishedTime, bench.scoring.loose.date_match for Mercury's UTC instant); where none
does, "no date" is right: the page teaches when to name none. `fit` takes any subset of pages, so
bench.evaluate --cv can refit it per fold (bench.fit.registry).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bench.fit import logit
from bench.fit.headline import development_pages, read_pastes
from bench.scoring.extraction import same_date
from bench.scoring.loose import date_match
from bench.sets.mercury import MercuryPage
from digest.pasted import date_model
from digest.pasted.fitted import shipped
from digest.language import detect_language
from digest.pasted.headline import find_headline
from digest.pasted.reader import article_lines, published_choices


def is_right(page: Any, value: Any) -> bool:
    if value is None:
        return False
    if isinstance(page, MercuryPage):
        return bool(date_match(page.published, value)[0])
    return same_date(page.published, value.isoformat())


def choices(pages: Iterable[Any]) -> list[logit.Choice]:
    """The choices of the pages with a paste and a reference date."""
    found = []
    for page, lines, span in read_pastes(page for page in pages if page.published):
        body = article_lines(lines, span)
        headline = find_headline(lines, span.start, body)
        language = detect_language("\n\n".join(line.text for line in body if headline is None or line.text != headline.text))
        named = published_choices(lines, span, headline, language)
        right = [is_right(page, value) for value, _ in named]
        if not any(right):
            right = [value is date_model.NONE for value, _ in named]
        made = logit.choice([vector for _, vector in named], right, date_model.FEATURES)
        if made is not None:
            found.append(made)
    return found


def fit(pages: Mapping[str, Sequence[Any]]) -> dict[str, float]:
    """bench.fit.registry's hook: the weights fitted on the given sets' pages."""
    return logit.fit(choices(page for chosen in pages.values() for page in chosen), date_model.FEATURES)


if __name__ == "__main__":
    logit.write(shipped(date_model.WEIGHTS_NAME), fit(development_pages()))
