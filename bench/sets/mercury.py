"""The Postlight (Mercury) Parser pages: ../shared/datasets/mercury-pages/<slug>/.

Each folder holds source.html, pasted.txt and expected.json (the values Mercury's per-site test
asserts: title, author, date_published in UTC, dek, first_words and first_words_n, url). A key
is absent when the test does not assert it and null when it asserts "no value"; both read as None.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.sets.datasets import SHARED, require_dataset
from bench.sets.sites import registered_domain

MERCURY_PAGES = SHARED / "datasets" / "mercury-pages"


@dataclass(frozen=True, slots=True)
class MercuryPage:
    """One Mercury page: its HTML, its paste, and what the site's test asserts."""

    name: str
    html: str
    pasted: str
    expected: dict

    def value(self, key: str) -> str | None:
        """An asserted, non-empty value, or None."""
        value = self.expected.get(key)
        return value if isinstance(value, str) and value.strip() else None

    @property
    def url(self) -> str | None:
        return self.value("url")

    @property
    def site_key(self) -> str:
        return registered_domain(self.url) or self.name.split("--")[0].removeprefix("www.")

    @property
    def title(self) -> str | None:
        return self.value("title")

    @property
    def author(self) -> str | None:
        return self.value("author")

    @property
    def dek(self) -> str | None:
        return self.value("dek")

    @property
    def published(self) -> str | None:
        """The reference as given: a UTC instant ("2016-11-29T10:39:35.000Z") or a day ("2016-11-29")."""
        return self.value("date_published")

    @property
    def first_words(self) -> str | None:
        return self.value("first_words")

    @property
    def first_words_n(self) -> int:
        return int(self.expected.get("first_words_n") or 0)


def mercury_pages(root: Path = MERCURY_PAGES) -> Iterator[MercuryPage]:
    """The 164 pages, in slug order."""
    require_dataset(root, "the Mercury pages")
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        yield MercuryPage(
            name=folder.name,
            html=(folder / "source.html").read_text(encoding="utf-8"),
            pasted=(folder / "pasted.txt").read_text(encoding="utf-8"),
            expected=json.loads((folder / "expected.json").read_text(encoding="utf-8")),
        )
