"""Every golden page (tests/fixtures/pages/<slug>/) digests to exactly what its expected.json says.

expected.json: {"title", "published" (ISO date/datetime or null), "site", "url" (optional, the page's
address), "dateline" (optional, as a reader sees it: "HONG KONG, 19 November 2019, 23:26 UTC-5"), "quotes": [{"text_starts", "speaker"}], "body_must_contain", "body_must_not_contain",
"summary_must_contain", "summary_must_not_contain"}. Quotes must be verbatim from the body.
"""

from __future__ import annotations

import pytest

from bench.evaluate import score_golden
from bench.sets.datasets import golden_pages

PAGES = list(golden_pages())


@pytest.mark.parametrize("page", PAGES, ids=[f"{p.kind}:{p.slug}" for p in PAGES])
def test_golden_page(page) -> None:  # type: ignore[no-untyped-def]
    score = score_golden(page)
    assert score.error is None, f"{page.slug}: {score.error}"
    assert score.notes == [], "; ".join(score.notes)
    assert score.quotes_verbatim, "a quote is not verbatim from the body"
    assert score.summary_ok, "the summary is empty, too long, cut mid-sentence, or not from the page"
