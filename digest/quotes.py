"""Key quotes. First version: none are chosen yet (issue 2 builds the finder)."""

from __future__ import annotations

from collections.abc import Sequence

from digest.model import Quote


def find_quotes(paragraphs: Sequence[str], *, language: str | None = None, max_quotes: int = 3) -> tuple[Quote, ...]:
    """Direct quotations with their speakers, best first."""
    return ()
