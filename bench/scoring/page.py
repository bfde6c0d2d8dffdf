"""One page's scores, and the helpers every set's scorer shares."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bench.scoring.soundness import squash
from digest.dates import find_date
from digest.model import Digest


@dataclass
class PageScore:
    name: str
    precision: float | None
    recall: float | None
    title: bool | None = None  # None: the reference has none
    date: bool | None = None
    site: bool | None = None
    summary_ok: bool | None = False  # None: not scored (the bare readability baseline has no summary)
    quotes_verbatim: bool = True
    quotes: int = 0
    error: str | None = None
    title_visible: bool | None = None  # pasted text only: does the reference title stand in the text?
    site_visible: bool | None = None  # pasted text only: does the reference site name stand in the text?
    site_given: bool = False  # we named a publisher (a wrong name is worse than none)
    date_visible: bool | None = None  # pasted text only: is the reference date written in the text?
    notes: list[str] = field(default_factory=list)
    # Mercury pages (see bench.scoring.loose); None where the reference asserts nothing.
    first_words: bool | None = None
    first_words_visible: bool | None = None  # pasted only: the first words stand in the paste
    dek: bool | None = None
    author: bool | None = None
    site_proxy: bool | None = None  # the site agrees with the address's host (no reference publisher)
    date_lenient: bool = False  # the date matched only by the one-day slack
    proxy_precision: float | None = None  # a paste's body against our HTML reader's article (bench.scoring.loose)
    proxy_recall: float | None = None
    refused_wrongly: bool | None = None  # pasted: "no article" for a paste that holds one (None: not refused)
    words_after_end: int | None = None  # words of the paste's body after that article's last paragraph
    # Where the reference states a time (bench.scoring.dateline): does the dateline show it with its zone, the same time?
    time_zoned: bool | None = None
    time_matches: bool | None = None
    time_written: bool | None = None  # pasted: the paste writes the reference's time (bench.scoring.dateline)
    time_shown: bool | None = None  # pasted: the dateline shows it, zoned or as written
    # Cross-validation by site (bench.sets.sites).
    set: str = ""
    site_key: str = ""
    fold: int = -1


def quotes_are_verbatim(digest: Digest) -> bool:
    body = squash(digest.body)
    return all(squash(quote.text) in body for quote in digest.quotes)


def site_visible_in(site: str | None, text: str) -> bool:
    """The publisher's name written in the text as a name: same letters and capitals, whole words
    ("Medium" the platform, not "medium" the adjective)."""
    return bool(site) and re.search(rf"(?<!\w){re.escape(' '.join(site.split()))}(?!\w)", " ".join(text.split())) is not None


def date_visible_in(expected: str | set[str] | None, text: str) -> bool:
    """Whether any date written in the text, read either way round, is the reference day (or one of them).

    It reads dates with our own digest.dates, so a format it cannot read counts as not written:
    a caveat for this subset's figure, not for the whole-set one.
    """
    wanted = {expected} if isinstance(expected, str) else set(expected or ())
    if not wanted:
        return False
    for day_first in (True, False):
        rest = text
        while found := find_date(rest, day_first=day_first):
            value, _, end = found
            if value.isoformat()[:10] in wanted:
                return True
            rest = rest[end:]
    return False
