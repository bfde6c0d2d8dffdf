"""The summary: extractive, in the article's own words. First version: the lead's sentences."""

from __future__ import annotations

import re

from digest.model import Article, DigestOptions

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def summarize(article: Article, *, options: DigestOptions, language: str | None = None) -> str:
    """Whole sentences from the start of the article, within the configured limits."""
    chosen: list[str] = []
    text = " ".join(([article.standfirst] if article.standfirst else []) + list(article.paragraphs))
    for sentence in SENTENCE_END.split(text):
        if len(chosen) >= options.summary_max_sentences:
            break
        if len(" ".join(chosen + [sentence])) > options.summary_max_chars:
            break
        chosen.append(sentence)
    return " ".join(chosen)
