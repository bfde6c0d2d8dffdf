"""Read pasted page text. First version: a plain paragraph split (issue 3 finds the article)."""

from __future__ import annotations

import re

from digest.errors import ExtractionError
from digest.model import Article

BLANK_LINES = re.compile(r"\n\s*\n")


def read_text(text: str, *, url: str | None = None) -> Article:
    """Blocks separated by blank lines are paragraphs; the first line is the title."""
    blocks = [" ".join(block.split()) for block in BLANK_LINES.split(text.strip())]
    blocks = [block for block in blocks if block]
    if not blocks:
        raise ExtractionError("I found no article in that text.")
    return Article(title=blocks[0], paragraphs=tuple(blocks[1:] or blocks), url=url)
