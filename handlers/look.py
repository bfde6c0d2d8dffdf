"""A chat's /settings applied to a digest before it is rendered: the summary's length and how
many quotes show. The stored Digest is not changed (a copy is shown), so a cached digest looks
the way the chat that asks for it wants."""

from __future__ import annotations

from dataclasses import replace

from digest.model import Article, Digest, DigestOptions
from digest.sentences import sentence_spans
from digest.summary import DECK_SEPARATOR, summarize
from storage.chat_settings import ChatSettings

# "long": the lead run, read again from the digest's body with these limits.
LONG_SUMMARY = DigestOptions(summary_max_sentences=6, summary_max_chars=1000)


def styled(digest: Digest, settings: ChatSettings) -> Digest:
    """The digest as this chat sees it."""
    summary = digest.summary
    if settings.summary == "short":
        summary = first_sentence(digest)
    elif settings.summary == "long":
        summary = longer_summary(digest)
    quotes = digest.quotes[: settings.quotes]
    if summary == digest.summary and quotes == digest.quotes:
        return digest
    return replace(digest, summary=summary, quotes=quotes)


def first_sentence(digest: Digest) -> str:
    """"short": the summary's first sentence (or its deck, when it opens with one)."""
    summary = digest.summary.strip()
    first_line = summary.split(DECK_SEPARATOR, 1)[0]
    spans = sentence_spans(first_line, digest.language)
    return first_line[spans[0][0]:spans[0][1]].strip() if spans else first_line


def longer_summary(digest: Digest) -> str:
    """"long": the summary, then the sentences that follow it in the body (whole ones, verbatim),
    up to LONG_SUMMARY's limits. The summary as it is when the body does not continue it."""
    summary = digest.summary.strip()
    if not summary or not digest.body:
        return summary
    spans = sentence_spans(summary, digest.language)
    last = summary[spans[-1][0]:spans[-1][1]].strip() if spans else summary
    article = Article(title=digest.title, paragraphs=tuple(digest.body.split("\n\n")), language=digest.language)
    run = summarize(article, options=LONG_SUMMARY, language=digest.language)
    at = run.find(last)
    if at < 0:
        return summary
    more = run[at + len(last):].strip()
    if not more or len(summary) + 1 + len(more) > LONG_SUMMARY.summary_max_chars:
        return summary
    return f"{summary} {more}"
