"""Imported once by the pool's forkserver: run the pipeline on two tiny pages so every worker starts warm.

The pipeline loads some libraries on first use (date readers, charset detection, language data:
about 130 ms). Doing that here, before any fork, makes a new or replacement worker's first page as
fast as its hundredth. Best effort: a failure here only means colder workers.
"""

from __future__ import annotations

from digest.model import DigestOptions
from digest.pipeline import Page, digest_page

WARMUP_TEXT = (
    "The city council met on Monday, 3 March 2025, to discuss the new bridge over the river. "
    '"We will open it in spring," the mayor said, adding that the work was on schedule.'
)
WARMUP_PAGES = (
    Page(content=f"<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1><p>{WARMUP_TEXT}</p>"
                 f"<p>{WARMUP_TEXT}</p></article></body></html>", kind="html"),
    Page(content=f"Warm-up\n\n{WARMUP_TEXT}\n\n{WARMUP_TEXT}\n", kind="text"),
)


def warm_up() -> None:
    for page in WARMUP_PAGES:
        try:
            digest_page(page, DigestOptions())
        except Exception:  # noqa: BLE001 - an exception here must not stop the forkserver
            pass


warm_up()
